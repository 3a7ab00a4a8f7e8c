"""Tag ``flags`` (v2): feature flag values per customer (read through the flag cache on the
clients) and tenant-global ones (uncached)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import Flow, operation
from paywire.vellum.resources._base import VellumResource


def pick_flag(flags: Mapping[str, Any], flag_id: str, default: bool) -> bool:
    """vellumcharter's rule: the flag's value if it is a bool, else ``default``."""
    value = flags.get(flag_id)
    return value if isinstance(value, bool) else default


class FlagsResource(VellumResource):
    def _flags_flow(self, customer_id: str) -> Flow[dict[str, bool]]:
        """One API read of a customer's flags (the miss path of ``flags()`` / ``flag()``)."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.flags import get_customer_flags as op

        resp = yield from self._submit(op.build_request(self._tenant, customer_id))
        return dict(self._model(op, resp, m2.Flags).flags.additional_properties)

    @operation
    def global_flags(self) -> Flow[dict[str, bool]]:
        """(v2) Tenant-global flag values, no customer applied. Not cached."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.flags import get_global_flags as op

        self._require("global_flags", "get_global_flags")
        resp = yield from self._submit(op.build_request(self._tenant))
        return dict(self._model(op, resp, m2.Flags).flags.additional_properties)

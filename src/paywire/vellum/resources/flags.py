"""Tag ``flags`` (v2): feature flag values per customer (read through the flag cache on the
clients) and tenant-global ones (uncached)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import Flow, operation
from paywire._core.cached import cached_read
from paywire.entitlements import EntitlementCache
from paywire.vellum.resources._base import E, VellumResource, check


def pick_flag(flags: Mapping[str, Any], flag_id: str, default: bool) -> bool:
    """vellumcharter's rule: the flag's value if it is a bool, else ``default``."""
    value = flags.get(flag_id)
    return value if isinstance(value, bool) else default


def _cache(client: Any) -> EntitlementCache[str, dict[str, bool]]:
    cache: EntitlementCache[str, dict[str, bool]] = client._flags
    return cache


def _fetch(client: Any, customer_id: str) -> Flow[dict[str, bool]]:
    flags: dict[str, bool] = yield from client._flags_flow(customer_id)
    return flags


def _check(client: Any, customer_id: str) -> None:
    check.path_id(customer_id, "customer_id")


def _copy(flags: dict[str, bool], _: None) -> dict[str, bool]:
    return dict(flags)  # cached values are shared between callers


def _pick(flags: dict[str, bool], wanted: tuple[str, bool]) -> bool:
    return pick_flag(flags, *wanted)


def _default(wanted: tuple[str, bool], exc: Exception) -> bool:
    return wanted[1]


class FlagsResource(VellumResource):
    @cached_read(cache=_cache, fetch=_fetch, project=_copy, check=_check)
    def flags(self, customer_id: str) -> tuple[str, None]:
        """(v2) Flag values for the customer (cached for ``flag_cache_ttl_ms``; a copy)."""
        self._require("flags")
        return customer_id, None

    @cached_read(cache=_cache, fetch=_fetch, project=_pick, check=_check, fallback=_default)
    def flag(self, flag_id: str, customer_id: str, *, default: bool) -> tuple[str, tuple[str, bool]]:
        """(v2) One flag; ``default`` when the read fails for any reason, the flag is unknown,
        or its value is not a bool."""
        self._require("flag")
        return customer_id, (flag_id, default)

    def _flags_flow(self, customer_id: str) -> Flow[dict[str, bool]]:
        """One API read of a customer's flags (the miss path of ``flags()`` / ``flag()``)."""
        from paywire_gen_vellum_v2.api.flags import get_customer_flags as op

        resp = yield from self._submit(op.build_request(self._tenant, customer_id))
        return dict(op.parse_response(resp, E).flags.additional_properties)

    @operation
    def global_flags(self) -> Flow[dict[str, bool]]:
        """(v2) Tenant-global flag values, no customer applied. Not cached."""
        from paywire_gen_vellum_v2.api.flags import get_global_flags as op

        self._require("global_flags")
        resp = yield from self._submit(op.build_request(self._tenant))
        return dict(op.parse_response(resp, E).flags.additional_properties)

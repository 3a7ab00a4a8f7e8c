"""Tag ``entitlements``: the uncached read behind ``get_entitlements()`` / ``can()``.

The cache in front of it (hits without I/O, one request per concurrent miss) is on the
clients (``client.py``); this module is the miss path only.
"""

from __future__ import annotations

from paywire._core import Flow
from paywire.vellum.models import EntitlementSet
from paywire.vellum.resources._base import VellumResource, json_object


class EntitlementsResource(VellumResource):
    def _entitlements_flow(self, customer_id: str) -> Flow[EntitlementSet]:
        """One API read; a 404 ("this customer has no record") is an empty set, cached too."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.entitlements import get_entitlements as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.entitlements import get_entitlements as op2

        spec = op1.build_request(self._tenant, customer_id) if self._v1 \
            else op2.build_request(self._tenant, customer_id)
        resp = yield from self._submit(spec, ok=(404,))
        if resp.status_code == 404:
            return EntitlementSet({}, False)
        model = self._model(self._pinned(op1, op2), resp, m1.Entitlements, m2.Entitlements)
        return EntitlementSet(json_object(resp), True, modules=model.modules)

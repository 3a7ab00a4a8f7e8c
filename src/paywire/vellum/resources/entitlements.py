"""Tag ``entitlements``: the uncached read behind ``get_entitlements()`` / ``can()``.

Both are cached reads (:func:`paywire._core.cached.cached_read`): a hit is one dict lookup
and no I/O; concurrent misses for one customer share one request (threads and tasks); the id
is checked only on a miss (a cached id was checked when it was fetched).
"""

from __future__ import annotations

from typing import Any

from paywire._core import Flow
from paywire._core.cached import cached_read
from paywire.entitlements import EntitlementCache
from paywire.vellum.models import EntitlementSet
from paywire.vellum.resources._base import VellumResource, check, json_object


def _cache(client: Any) -> EntitlementCache[str, EntitlementSet]:
    cache: EntitlementCache[str, EntitlementSet] = client._entitlements
    return cache


def _fetch(client: Any, customer_id: str) -> Flow[EntitlementSet]:
    entitlements: EntitlementSet = yield from client._entitlements_flow(customer_id)
    return entitlements


def _check(client: Any, customer_id: str) -> None:
    check.path_id(customer_id, "customer_id")


def _whole(entitlements: EntitlementSet, _: None) -> EntitlementSet:
    return entitlements


def _has(entitlements: EntitlementSet, module_id: str) -> bool:
    return module_id in entitlements.modules


class EntitlementsResource(VellumResource):
    @cached_read(cache=_cache, fetch=_fetch, project=_whole, check=_check)
    def get_entitlements(self, customer_id: str) -> tuple[str, None]:
        """The customer's entitlements (cached for ``cache_ttl_ms``). A customer with no
        record gives an empty set with ``found=False`` (cached too), never an exception."""
        return customer_id, None

    @cached_read(cache=_cache, fetch=_fetch, project=_has, check=_check)
    def can(self, customer_id: str, module_id: str) -> tuple[str, str]:
        """Whether the customer may use ``module_id``. A cache hit does no I/O."""
        return customer_id, module_id

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

"""Entitlements: cached reads (``get_usage``, ``get_features``, ``is_feature_entitled``) and
one feature's entitlement. The cached reads use the core's one cached-read descriptor
(:func:`paywire._core.cached.cached_read`) over the client's :class:`~paywire.entitlements.EntitlementCache`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeAlias, TypeVar

import httpx

from paywire._core import Flow, operation
from paywire._core.cached import CachedRead, cached_read
from paywire.lumen.errors import LumenResponseError
from paywire.lumen.resources._base import CustomerKey, LumenBase, customer_ref, json_of, require_text

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import Entitlement, EntitlementsResponse, IsExtCustIdFlag

    from paywire.entitlements import EntitlementCache

P = ParamSpec("P")
T = TypeVar("T")


class EntitlementSnapshot:
    """One customer's ``GET /v1/entitlements/{id}`` answer (cached; read-only): the API's JSON
    as sent (``raw``, what the module functions and a shared cache tier keep) and the generated
    models indexed by feature slug."""

    __slots__ = ("by_slug", "items", "raw")

    def __init__(self, data: Any, model: EntitlementsResponse | None = None) -> None:
        if not isinstance(data, Mapping) or not isinstance(data.get("entitlements"), list):
            raise LumenResponseError("unexpected entitlements from Lumen: no 'entitlements' list")
        if model is None:  # read back from a shared tier: the JSON was checked when it was fetched
            from paywire_gen_lumen_v1.models import EntitlementsResponse

            try:
                model = EntitlementsResponse.from_dict(data)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise LumenResponseError(f"unexpected entitlements from Lumen: {type(exc).__name__}") from None
        self.raw: Mapping[str, Any] = data
        self.items: list[Any] = data["entitlements"]
        self.by_slug: dict[str, Entitlement] = {item.feature.slug: item for item in model.entitlements
                                                if item.feature.slug}

    def entitled(self, feature: str) -> bool:
        item = self.by_slug.get(feature)
        return item is not None and item.entitled is True


def features_from(data: Any) -> dict[str, bool]:
    """``get_features``: feature slug → entitled, from an entitlements body (no slug: skipped)."""
    entitlements = data.get("entitlements") if isinstance(data, Mapping) else None
    features: dict[str, bool] = {}
    for item in entitlements or ():
        if not isinstance(item, Mapping):
            continue
        feature = item.get("feature")
        slug = feature.get("slug") if isinstance(feature, Mapping) else None
        if slug:
            features[str(slug)] = item.get("entitled") is True
    return features


#: What a cached read's method returns: the customer key and one argument for the projection.
ReadArgs: TypeAlias = tuple[CustomerKey, Any]


def _entitlement_cache(client: Any) -> EntitlementCache[CustomerKey, EntitlementSnapshot]:
    cache: EntitlementCache[CustomerKey, EntitlementSnapshot] = client._cache
    return cache


def _fetch_snapshot(client: Any, key: CustomerKey) -> Flow[EntitlementSnapshot]:
    snapshot: EntitlementSnapshot = yield from client._snapshot_flow(key)
    return snapshot


def entitlements_read(
    project: Callable[[EntitlementSnapshot, Any], T], direct: Callable[[Any, CustomerKey, Any], Flow[T]] | None = None
) -> Callable[[Callable[Concatenate[Any, P], ReadArgs]], CachedRead[P, T, CustomerKey, EntitlementSnapshot, Any]]:
    """A read answered from the client's entitlement cache: the decorated method names the
    customer (and one argument); ``project(snapshot, arg)`` computes the answer. With
    ``cache_ttl_ms=0`` the ``direct(client, key, arg)`` flow runs instead, when given."""
    return cached_read(cache=_entitlement_cache, fetch=_fetch_snapshot, project=project, direct=direct)


def _project_list(snapshot: EntitlementSnapshot, _: Any) -> list[Entitlement]:
    # Fresh models per call (callers may change them; the cached snapshot must not change).
    from paywire_gen_lumen_v1.models import Entitlement

    return [Entitlement.from_dict(item) for item in snapshot.items]


def _project_features(snapshot: EntitlementSnapshot, _: Any) -> dict[str, bool]:
    return {slug: item.entitled is True for slug, item in snapshot.by_slug.items()}


def _project_entitled(snapshot: EntitlementSnapshot, feature: str) -> bool:
    item = snapshot.by_slug.get(feature)
    return item is not None and item.entitled is True


def _flag(is_ext: bool) -> IsExtCustIdFlag:
    from paywire_gen_lumen_v1.models import IsExtCustIdFlag

    return IsExtCustIdFlag.TRUE if is_ext else IsExtCustIdFlag.FALSE


class EntitlementsOps(LumenBase):
    # -- raw flows (the module functions return the API's JSON as sent) ------------------------
    def _entitlements_response(self, customer_id: str, is_ext: bool) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.entitlements import get_entitlements

        return (yield from self._send_spec(get_entitlements.build_request(customer_id, is_ext_cust_id=_flag(is_ext))))

    def _entitlements_json(self, customer_id: str, is_ext: bool) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.entitlements import get_entitlements

        return json_of(get_entitlements, (yield from self._entitlements_response(customer_id, is_ext)))

    def _feature_response(self, customer_id: str, feature: str, is_ext: bool) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.entitlements import check_feature_entitlement

        spec = check_feature_entitlement.build_request(customer_id, require_text(feature, "feature"),
                                                       is_ext_cust_id=_flag(is_ext))
        return (yield from self._send_spec(spec))

    def _snapshot_flow(self, key: CustomerKey) -> Flow[EntitlementSnapshot]:
        from paywire_gen_lumen_v1.api.entitlements import get_entitlements

        response = yield from self._entitlements_response(*key)
        model = get_entitlements.parse_response(response, LumenResponseError)
        return EntitlementSnapshot(json_of(get_entitlements, response), model)

    def _features_flow(self, key: CustomerKey) -> Flow[dict[str, bool]]:
        return _project_features((yield from self._snapshot_flow(key)), None)

    def _entitled_flow(self, key: CustomerKey, feature: str) -> Flow[bool]:
        from paywire_gen_lumen_v1.api.entitlements import check_feature_entitlement

        response = yield from self._feature_response(key[0], feature, key[1])
        return check_feature_entitlement.parse_response(response, LumenResponseError).entitled is True

    # -- operations -------------------------------------------------------------------------------
    @entitlements_read(_project_list)
    def get_usage(self, user_id: str | None = None, lumen_customer_id: str | None = None) -> ReadArgs:
        """Every entitlement of a customer (``feature``, ``entitled``, ``source``, ``usages``,
        ``credit_info``; the SDK's flat ``usage`` / ``limit`` when the server sends them).
        Cached (see ``cache_ttl_ms``)."""
        return customer_ref(user_id, lumen_customer_id), None

    @entitlements_read(_project_features, lambda ops, key, _: ops._features_flow(key))
    def get_features(self, user_id: str | None = None, lumen_customer_id: str | None = None) -> ReadArgs:
        """Feature slug → entitled. Cached. Unlike the module function, errors raise."""
        return customer_ref(user_id, lumen_customer_id), None

    @entitlements_read(_project_entitled, lambda ops, key, feature: ops._entitled_flow(key, feature))
    def is_feature_entitled(self, feature: str, user_id: str | None = None,
                            lumen_customer_id: str | None = None) -> ReadArgs:
        """True only if Lumen says ``entitled: true`` for the feature (a feature the customer's
        entitlements do not list is False). Answered from the cached entitlement list; with
        ``cache_ttl_ms=0`` it asks ``GET /v1/entitlements/{id}/feature/{slug}`` instead.
        Errors raise; the module function of the same name fails closed (``False``)."""
        if feature.__class__ is not str or not feature:
            require_text(feature, "feature")
        return customer_ref(user_id, lumen_customer_id), feature

    @operation
    def get_entitlement(self, feature: str, user_id: str | None = None,
                        lumen_customer_id: str | None = None) -> Flow[Entitlement]:
        """One feature's entitlement (``GET /v1/entitlements/{id}/feature/{slug}``)."""
        from paywire_gen_lumen_v1.api.entitlements import check_feature_entitlement

        customer_id, is_ext = customer_ref(user_id, lumen_customer_id)
        response = yield from self._feature_response(customer_id, feature, is_ext)
        return check_feature_entitlement.parse_response(response, LumenResponseError)

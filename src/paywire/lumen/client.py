"""``LumenClient`` / ``AsyncLumenClient``: every Lumen operation, written once as a flow.

The raw flows (``_*_json``) return the API's JSON exactly as sent; the typed operations parse
it into the generated models, and the seed-compatible module functions
(:mod:`paywire.lumen.functions`) and the proxy handlers reuse the same raw flows, so there is
one request builder per endpoint.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeAlias, TypeVar

import httpx

from paywire._core import (
    APIStatusError,
    AsyncClient,
    BaseClient,
    ConfigError,
    Flow,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    ValidationError,
    check_base_url,
    idempotency_key,
    mask,
    operation,
    timeout_setting,
)
from paywire._core.cached import CachedRead, cached_read
from paywire._core.client import HttpBackend
from paywire._core.decode import decode_json, parse_success, success_json
from paywire._core.paths import path_segment
from paywire.entitlements import EntitlementCache
from paywire.lumen.errors import (
    LUMEN_ERRORS,
    LumenConfigurationError,
    LumenConflictError,
    LumenResponseError,
    LumenValidationError,
)
from paywire.lumen.models import FreeSubscriptionResult

if TYPE_CHECKING:
    from paywire_gen_lumen_v1.models import (
        AddSeatResponse,
        EnrollmentResponse,
        Entitlement,
        InvoicePdfResponse,
        PortalActionResponse,
        PortalOverview,
        RemoveSeatResponse,
        SeatUsageResponse,
        SubscriptionStatus,
    )

    from paywire.entitlements.redis_tier import Binding, RedisTier
    from paywire.lumen.models import EventResult, SetupIntentResult

__all__ = [
    "DEFAULT_BASE_URL",
    "AsyncLumenClient",
    "LumenClient",
    "event_value_fields",
    "normalize_base_url",
    "resolve_api_key",
]

M = TypeVar("M")
T = TypeVar("T")
P = ParamSpec("P")

DEFAULT_BASE_URL = "https://api.getlumen.dev"
DEFAULT_TIMEOUT = 15.0
DEFAULT_CACHE_TTL_MS = 30_000
API_KEY_ENV = "LUMEN_API_KEY"
API_URL_ENV = "LUMEN_API_URL"
KEY_HELP = "Visit https://getlumen.dev/developer/apikeys to get one"


# --- configuration ---------------------------------------------------------------------------
def resolve_api_key(api_key: str | None) -> str:
    """``api_key``, else ``$LUMEN_API_KEY`` (read now, not at import); an empty value counts as unset."""
    key = (api_key or os.environ.get(API_KEY_ENV) or "").strip()
    if not key:
        raise LumenConfigurationError(f"Lumen API key is not set. {KEY_HELP}")
    return key


def resolve_api_url(api_url: str | None) -> str:
    """``api_url``, else ``$LUMEN_API_URL``, else the production origin."""
    return (api_url or os.environ.get(API_URL_ENV) or "").strip() or DEFAULT_BASE_URL


def normalize_base_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """The bare origin (or path prefix) the ``/v1/...`` paths hang off.

    Tolerates what users paste: a trailing ``/`` and a trailing ``/v1`` (or ``/v1/``) are
    removed — as a suffix, never character by character (lumen-python-sdk 0.1.0 turned
    ``https://api.getlumen.dev`` into ``…getlumen.de`` that way). Plain http is refused for
    anything but loopback unless ``allow_insecure_http``.
    """
    text = url.strip().rstrip("/")
    if text.endswith("/v1"):
        text = text[: -len("/v1")].rstrip("/")
    try:
        return check_base_url(text, allow_insecure_http=allow_insecure_http)
    except ConfigError as exc:
        raise LumenConfigurationError(str(exc)) from None


# --- request building (pure) ------------------------------------------------------------------
def _require_text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LumenValidationError(f"{name} must be a non-empty string", field=name)
    return value


def customer_ref(user_id: str | None, lumen_customer_id: str | None) -> tuple[str, bool]:
    """(path id, is external id): your user id wins when both are given, as in the original."""
    if user_id:
        if user_id.__class__ is str and not user_id.isspace():
            return user_id, True
        return _require_text(user_id, "user_id"), True
    if lumen_customer_id:
        return _require_text(lumen_customer_id, "lumen_customer_id"), False
    raise LumenValidationError("Either user_id or lumen_customer_id must be provided", field="user_id")


def event_value_fields(value: object) -> tuple[int | None, str | None]:
    """(eventValue, eventString) for ``send_event``'s ``value`` (lumen.md §2.11.4).

    ``None`` → ``eventValue: 1``; an int or float → ``eventValue: int(value)`` (floats are
    truncated; ``bool`` is an int, so ``True`` → 1); a ``str`` → ``eventString``. Anything
    else (and NaN/infinity) is a :class:`LumenValidationError` instead of the original's
    silent ``1``.
    """
    if value is None:
        return 1, None
    if isinstance(value, str):
        return None, value
    if isinstance(value, int):
        return int(value), None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise LumenValidationError("value must be a finite number", field="value")
        return int(value), None
    raise LumenValidationError("value must be an int, a float, a str or None", field="value")


def _idempotency(supplied: str | None) -> str:
    """The caller's key (validated) or a fresh uuid4; an empty key counts as none, as before."""
    try:
        return idempotency_key(supplied or None)
    except ValidationError as exc:
        raise LumenValidationError(str(exc), field="idempotency_key") from None


def event_body(
    name: str,
    value: object = None,
    *,
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    idempotency_key: str | None = None,
    timestamp: str | None = None,
    properties: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The ``POST /v1/events`` body. Always carries an ``idempotencyKey`` (yours or a uuid4), so
    the event can be resent safely; the server generates one itself when it is omitted, so
    nothing changes for callers who never passed one."""
    event_value, event_string = event_value_fields(value)
    body: dict[str, Any] = {"eventName": _require_text(name, "name")}
    if event_value is not None:
        body["eventValue"] = event_value
    if event_string is not None:
        body["eventString"] = event_string
    if lumen_customer_id:
        body["customerId"] = lumen_customer_id
    if user_id:
        body["extCustomerId"] = user_id
    body["idempotencyKey"] = _idempotency(idempotency_key)
    if timestamp:
        body["eventTimestamp"] = timestamp
    if properties:
        body["properties"] = dict(properties)
    return body


def seat_body(
    user_field: Literal["created_user_id", "removed_user_id"],
    user: str,
    *,
    organisation_user_id: str | None,
    organization_id: str | None,
    metadata: Mapping[str, Any] | None,
    idempotency_key: str | None,
    timestamp: str | None,
) -> dict[str, Any]:
    """The snake_case ``/v1/seats/add|remove`` body; always idempotent (key generated if absent)."""
    if not organization_id and not organisation_user_id:
        raise LumenValidationError(
            "Either organization_id or organisation_user_id must be provided", field="organization_id"
        )
    if timestamp and not timestamp.endswith("Z"):
        raise LumenValidationError("timestamp must be a UTC ISO 8601 string ending in 'Z'", field="timestamp")
    body: dict[str, Any] = {user_field: _require_text(user, user_field)}
    if organisation_user_id:
        body["user_id"] = organisation_user_id
    if organization_id:
        body["organization_id"] = organization_id
    if metadata:
        body["metadata"] = dict(metadata)
    body["idempotency_key"] = _idempotency(idempotency_key)
    if timestamp:
        body["timestamp"] = timestamp
    return body


_BILLING = (
    ("billingAddressLine1", "billing_address_line1"),
    ("billingAddressLine2", "billing_address_line2"),
    ("billingCity", "billing_city"),
    ("billingPostalCode", "billing_postal_code"),
    ("billingCountry", "billing_country"),
    ("taxId", "tax_id"),
)


def signup_body(email: str, name: str, user_id: str, plan_id: str | None = None,
                **billing: str | None) -> dict[str, Any]:
    """The camelCase enrollment / free-subscription body; optional fields only when not None."""
    body: dict[str, Any] = {"customerEmail": email, "customerName": name,
                            "userId": _require_text(user_id, "user_id")}
    if plan_id is not None:
        body["planId"] = plan_id
    for wire, arg in _BILLING:
        if billing.get(arg) is not None:
            body[wire] = billing[arg]
    return body


# --- response parsing -------------------------------------------------------------------------
def _json(response: httpx.Response, op: Any) -> Any:
    """The success body of generated operation ``op``, decoded strictly and checked against
    the spec (``paywire._core.decode``): malformed answers raise :class:`LumenResponseError`."""
    return success_json(op, response, LumenResponseError)


def _parse(parse: Callable[[Mapping[str, Any]], M], data: Any, what: str) -> M:
    if not isinstance(data, Mapping):
        raise LumenResponseError(f"unexpected {what} from Lumen: expected a JSON object")
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LumenResponseError(f"unexpected {what} from Lumen: {type(exc).__name__}: {exc}") from exc


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


class _AnyStatus:
    """``ok=`` container accepting every status: the proxy answers upstream errors itself."""

    def __contains__(self, status: object) -> bool:
        return True


ANY_STATUS = _AnyStatus()


class _NotRetried:
    """``ok=`` container of every status the retry policy would not retry: such answers come
    back as responses at once, with no exception built from a body the proxy discards."""

    __slots__ = ("retried",)

    def __init__(self, retried: frozenset[int]) -> None:
        self.retried = retried

    def __contains__(self, status: object) -> bool:
        return status not in self.retried


# --- cached entitlement reads ---------------------------------------------------------------
#: A customer as the cache knows it: (path id, is external id).
CustomerKey: TypeAlias = tuple[str, bool]


class EntitlementSnapshot:
    """One customer's ``GET /v1/entitlements/{id}`` answer, indexed by feature slug (cached;
    read-only)."""

    __slots__ = ("by_slug", "items", "raw")

    def __init__(self, data: Any) -> None:
        items = data.get("entitlements") if isinstance(data, Mapping) else None
        if not isinstance(items, list):
            raise LumenResponseError("unexpected entitlements from Lumen: no 'entitlements' list")
        self.raw: Mapping[str, Any] = data
        self.items: list[Any] = items
        self.by_slug: dict[str, Mapping[str, Any]] = {}
        for item in items:
            feature = item.get("feature") if isinstance(item, Mapping) else None
            slug = feature.get("slug") if isinstance(feature, Mapping) else None
            if slug:
                self.by_slug[str(slug)] = item

    def entitled(self, feature: str) -> bool:
        item = self.by_slug.get(feature)
        return item is not None and item.get("entitled") is True


#: What a cached read's method returns: the customer key and one argument for the projection.
ReadArgs: TypeAlias = tuple[CustomerKey, Any]


def entitlements_read(
    project: Callable[[EntitlementSnapshot, Any], T], direct: Callable[[Any, CustomerKey, Any], Flow[T]] | None = None
) -> Callable[[Callable[Concatenate[Any, P], ReadArgs]], CachedRead[P, T, CustomerKey, EntitlementSnapshot, Any]]:
    """A read answered from the client's entitlement cache (:func:`paywire._core.cached.cached_read`):
    the decorated method names the customer (and one argument); ``project(snapshot, arg)``
    computes the answer from the cached :class:`EntitlementSnapshot`. With ``cache_ttl_ms=0``
    the ``direct(client, key, arg)`` flow runs instead, when given."""
    return cached_read(cache=_entitlement_cache, fetch=_fetch_snapshot, project=project, direct=direct)


def _entitlement_cache(client: Any) -> EntitlementCache[CustomerKey, EntitlementSnapshot]:
    cache: EntitlementCache[CustomerKey, EntitlementSnapshot] = client._cache
    return cache


def _fetch_snapshot(client: Any, key: CustomerKey) -> Flow[EntitlementSnapshot]:
    snapshot: EntitlementSnapshot = yield from client._snapshot_flow(key)
    return snapshot


def _project_list(snapshot: EntitlementSnapshot, _: Any) -> list[Entitlement]:
    from paywire_gen_lumen_v1.models import Entitlement

    return [_parse(Entitlement.from_dict, item, "entitlement") for item in snapshot.items]


def _project_features(snapshot: EntitlementSnapshot, _: Any) -> dict[str, bool]:
    return features_from(snapshot.raw)


def _project_entitled(snapshot: EntitlementSnapshot, feature: str) -> bool:
    item = snapshot.by_slug.get(feature)
    return item is not None and item.get("entitled") is True


class _SnapshotCodec:
    """A Lumen cache key ``(id, is external)`` as ``e:<id>`` / ``i:<id>``; a snapshot as the
    API's JSON."""

    def key(self, key: CustomerKey) -> str:
        return ("e:" if key[1] else "i:") + key[0]

    def parse_key(self, text: str) -> CustomerKey:
        return (text[2:], text.startswith("e:"))

    def dump(self, value: EntitlementSnapshot) -> str:
        return json.dumps(value.raw, separators=(",", ":"))

    def load(self, text: str) -> EntitlementSnapshot:
        return EntitlementSnapshot(json.loads(text))


# --- the operations ---------------------------------------------------------------------------
class _LumenOps(BaseClient):
    """Configuration and every operation, shared by the sync and the async client."""

    _generated_package = "paywire_gen_lumen_v1"

    def __init__(
        self,
        api_key: str | None = None,
        api_url: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
        cache_ttl_ms: float = DEFAULT_CACHE_TTL_MS,
        cache_max_size: int = 10_000,
        stale_if_error_ms: float = 0,
        http_backend: HttpBackend | None = None,
        shared_cache: RedisTier | None = None,
    ) -> None:
        """``api_key`` (else ``$LUMEN_API_KEY``), ``api_url`` or ``base_url`` (else
        ``$LUMEN_API_URL``, else ``https://api.getlumen.dev``; a trailing ``/`` or ``/v1`` is
        tolerated), plus the core's timeout / retry / logging / transport options.

        Entitlement reads (``get_usage``, ``get_features``, ``is_feature_entitled``) go through
        a per-client :class:`~paywire.entitlements.EntitlementCache`: ``cache_ttl_ms`` (0
        disables it), ``cache_max_size`` customers (LRU), optional ``stale_if_error_ms``. This
        client's own writes for a customer (events, seats, enrollment) invalidate that
        customer; :meth:`invalidate` does it by hand. ``shared_cache`` (a
        :class:`~paywire.entitlements.redis_tier.RedisTier`) puts Redis under that cache: one
        fetch per customer across processes, invalidation published to all of them."""
        if api_url is not None and base_url is not None and api_url != base_url:
            raise LumenConfigurationError("pass api_url or base_url, not both")
        key = resolve_api_key(api_key)
        url = normalize_base_url(resolve_api_url(api_url or base_url), allow_insecure_http=allow_insecure_http)
        self._api_key = key
        self._cache: EntitlementCache[CustomerKey, EntitlementSnapshot] = EntitlementCache(
            cache_ttl_ms, max_size=cache_max_size, stale_if_error_ms=stale_if_error_ms, name="lumen"
        )
        super().__init__(
            base_url=url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=timeout_setting(timeout, None, DEFAULT_TIMEOUT),
            retry_config=retry_config,
            max_retries=max_retries,
            logging_hooks=logging_hooks,
            errors=LUMEN_ERRORS,
            transport=transport,
            secrets=(key,),
            http_backend=http_backend,
        )
        self._shared_binding: Binding[CustomerKey, EntitlementSnapshot] | None = None
        if shared_cache is not None:
            if not hasattr(shared_cache, "bind") or cache_ttl_ms == 0:
                raise LumenConfigurationError("shared_cache must be a paywire.entitlements.redis_tier.RedisTier "
                                              "and needs cache_ttl_ms > 0")
            self._shared_binding = self._bind_shared(shared_cache, url, key)

    def _bind_shared(self, tier: RedisTier, url: str, key: str) -> Binding[CustomerKey, EntitlementSnapshot]:
        """One Lumen account (server + API key, hashed: the key never reaches Redis) is one
        Redis scope; a relay refills it through the sync client's own request flow."""
        import hashlib

        account = hashlib.sha256(f"{url}\0{key}".encode()).hexdigest()[:16]
        direct = None if self._is_async else (lambda ck: self._driver.run(self._snapshot_flow(ck)))
        return tier.bind(self._cache, f"lumen:{account}", _SnapshotCodec(), direct)

    @property
    def shared_binding(self) -> Binding[CustomerKey, EntitlementSnapshot] | None:
        """This client's view of its ``shared_cache`` (None without one)."""
        return self._shared_binding

    def _repr_fields(self) -> dict[str, str]:
        return {"base_url": repr(self.base_url), "api_key": mask(self._api_key)}

    # -- the entitlement cache ----------------------------------------------------------------
    @property
    def cache(self) -> EntitlementCache[CustomerKey, EntitlementSnapshot]:
        """This client's entitlement cache (``stats()``, ``ttl_ms``, ...)."""
        return self._cache

    def invalidate(self, user_id: str | None = None, lumen_customer_id: str | None = None) -> None:
        """Forget cached entitlements of one customer (by your user id and/or the Lumen id), or
        of every customer when called without arguments. Synchronous on both clients; a fetch
        in flight for that customer will not write its (older) result back."""
        if user_id is None and lumen_customer_id is None:
            self._cache.invalidate()
            return
        self._forget(user_id, lumen_customer_id)

    def _forget(self, ext: object = None, internal: object = None) -> None:
        if isinstance(ext, str) and ext:
            self._cache.invalidate((ext, True))
        if isinstance(internal, str) and internal:
            self._cache.invalidate((internal, False))

    def _snapshot_flow(self, key: CustomerKey) -> Flow[EntitlementSnapshot]:
        return EntitlementSnapshot((yield from self._entitlements_json(*key)))

    # -- raw flows: the API's JSON exactly as sent ---------------------------------------------
    def _status_json(self, user_id: str) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.customers import get_subscription_status as gen

        kwargs = gen._get_kwargs(external_customer_id=_require_text(user_id, "user_id"))
        return _json((yield from self._request_kwargs(kwargs)), gen)

    def _overview_json(self, user_id: str) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.customers import get_customer_overview as gen

        kwargs = gen._get_kwargs(external_customer_id=_require_text(user_id, "user_id"))
        response = yield from self._request_kwargs(kwargs)
        data = decode_json(response, LumenResponseError)
        if isinstance(data, dict) and "portal" not in data and "customer" in data:
            # lumen-python-sdk's own fixtures send the portal object unwrapped (reference:
            # lumen-sdk-behaviour.md): check it as the wrapped body the spec describes.
            parse_success(gen, response, LumenResponseError, data={"portal": data})
            return data
        return _json(response, gen)

    def _entitlements_json(self, customer_id: str, is_ext: bool) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.entitlements import get_entitlements as gen
        from paywire_gen_lumen_v1.models import IsExtCustIdFlag

        flag = IsExtCustIdFlag.TRUE if is_ext else IsExtCustIdFlag.FALSE
        return _json((yield from self._request_kwargs(gen._get_kwargs(customer_id, is_ext_cust_id=flag))), gen)

    def _feature_json(self, customer_id: str, feature: str, is_ext: bool) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.entitlements import check_feature_entitlement as gen
        from paywire_gen_lumen_v1.models import IsExtCustIdFlag

        flag = IsExtCustIdFlag.TRUE if is_ext else IsExtCustIdFlag.FALSE
        kwargs = gen._get_kwargs(customer_id, _require_text(feature, "feature"), is_ext_cust_id=flag)
        return _json((yield from self._request_kwargs(kwargs)), gen)

    def _event_response(self, body: Mapping[str, Any]) -> Flow[httpx.Response]:
        # The body always carries an idempotencyKey (event_body), so a resend is deduplicated.
        try:
            return (yield from self._request("POST", "/v1/events", json=body, retry_safe=True))
        finally:  # usage changed (or may have): cached entitlements of this customer are stale
            self._forget(body.get("extCustomerId"), body.get("customerId"))

    def _seat_json(self, kind: Literal["add", "remove"], body: Mapping[str, Any]) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.seats import add_seat, remove_seat

        # seat_body always sets idempotency_key: the server replays the first result on a resend.
        try:
            response = yield from self._request("POST", f"/v1/seats/{path_segment(kind, 'kind')}", json=body, retry_safe=True)
            return _json(response, add_seat if kind == "add" else remove_seat)
        finally:
            self._forget(body.get("user_id"), body.get("organization_id"))

    def _seat_usage_json(self, customer_id: str) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.seats import get_seat_usage as gen

        kwargs = gen._get_kwargs(_require_text(customer_id, "customer_id"))
        return _json((yield from self._request_kwargs(kwargs)), gen)

    def _enroll_json(self, body: Mapping[str, Any]) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.enrollment import enroll_user

        # No idempotency key exists for enrollment: never resent once it may have arrived.
        try:
            return _json((yield from self._request("POST", "/v1/enrollment/enroll", json=body)), enroll_user)
        finally:
            self._forget(body.get("userId"))

    def _free_subscription_json(self, body: Mapping[str, Any]) -> Flow[tuple[bool, Any]]:
        """(created, body). A 409 that carries the existing subscription means "one exists":
        (False, the 409 body). Safe to resend: a resend after a lost reply gets that 409."""
        try:
            response = yield from self._request(
                "POST", "/v1/subscriptions/create-free-subscription", json=body, retry_safe=True
            )
        except LumenConflictError as exc:
            if isinstance(exc.body, Mapping) and isinstance(exc.body.get("subscription"), Mapping):
                return False, dict(exc.body)
            raise
        finally:
            self._forget(body.get("userId"))
        from paywire_gen_lumen_v1.api.subscriptions import create_free_subscription

        return True, _json(response, create_free_subscription)

    def _forward(self, method: str, path: str, *, params: Mapping[str, str] | None,
                 json: Any = None) -> Flow[httpx.Response]:
        """Proxy helper: any allow-listed ``/v1`` path; every upstream status is returned as is
        (GETs are still retried on 429/5xx first)."""
        ok = _NotRetried(self._retry.retry_statuses) if method in ("GET", "HEAD") else ANY_STATUS
        try:
            return (yield from self._request(method, "/v1/" + path, params=params, json=json, ok=ok))
        except APIStatusError as exc:
            return exc.response

    # -- customers ----------------------------------------------------------------------------
    @operation
    def get_subscription_status(self, user_id: str) -> Flow[SubscriptionStatus]:
        """``GET /v1/customers/subscription-status``: an unknown user has
        ``has_active_subscription=False`` and no ``customer``."""
        from paywire_gen_lumen_v1.models import SubscriptionStatus

        data = yield from self._status_json(user_id)
        return _parse(SubscriptionStatus.from_dict, data, "subscription status")

    @operation
    def get_customer_overview(self, user_id: str) -> Flow[PortalOverview]:
        """``GET /v1/customers/portal/overview``: customer, subscription, payment methods,
        invoices and payments (the ``portal`` object; a body without the wrapper is accepted)."""
        from paywire_gen_lumen_v1.models import PortalOverview

        data = yield from self._overview_json(user_id)
        if isinstance(data, Mapping) and isinstance(data.get("portal"), Mapping):
            data = data["portal"]
        return _parse(PortalOverview.from_dict, data, "portal overview")

    # -- entitlements -------------------------------------------------------------------------
    def _features_flow(self, key: CustomerKey, _: Any = None) -> Flow[dict[str, bool]]:
        return features_from((yield from self._entitlements_json(*key)))

    def _entitled_flow(self, key: CustomerKey, feature: str) -> Flow[bool]:
        data = yield from self._feature_json(key[0], feature, key[1])
        return isinstance(data, Mapping) and data.get("entitled") is True

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
            _require_text(feature, "feature")
        return customer_ref(user_id, lumen_customer_id), feature

    @operation
    def get_entitlement(self, feature: str, user_id: str | None = None,
                        lumen_customer_id: str | None = None) -> Flow[Entitlement]:
        """One feature's entitlement (``GET /v1/entitlements/{id}/feature/{slug}``)."""
        from paywire_gen_lumen_v1.models import Entitlement

        customer_id, is_ext = customer_ref(user_id, lumen_customer_id)
        data = yield from self._feature_json(customer_id, feature, is_ext)
        return _parse(Entitlement.from_dict, data, "entitlement")

    # -- events -------------------------------------------------------------------------------
    @operation
    def send_event(
        self,
        name: str,
        value: int | float | str | None = None,
        user_id: str | None = None,
        lumen_customer_id: str | None = None,
        idempotency_key: str | None = None,
        *,
        timestamp: str | None = None,
        properties: Mapping[str, Any] | None = None,
    ) -> Flow[EventResult]:
        """Record a usage event (202). ``value`` mapping as in the original SDK; one of
        ``user_id`` / ``lumen_customer_id`` is required here. Without ``idempotency_key`` a
        uuid4 is sent, so the SDK's own retries never count an event twice; a duplicate key
        within 24 h comes back with ``deduplicated=True``."""
        from paywire_gen_lumen_v1.api.events import send_event as gen
        from paywire_gen_lumen_v1.models import EventAcceptedMessage, EventIngested

        if not user_id and not lumen_customer_id:
            raise LumenValidationError("Either user_id or lumen_customer_id must be provided", field="user_id")
        body = event_body(name, value, user_id=user_id, lumen_customer_id=lumen_customer_id,
                          idempotency_key=idempotency_key, timestamp=timestamp, properties=properties)
        data = _json((yield from self._event_response(body)), gen)
        if isinstance(data, Mapping) and "event" in data:
            return _parse(EventIngested.from_dict, data, "event")
        return _parse(EventAcceptedMessage.from_dict, data, "event")

    # -- seats --------------------------------------------------------------------------------
    @operation
    def add_seat(
        self,
        new_user_id: str,
        organisation_user_id: str | None = None,
        organization_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        timestamp: str | None = None,
    ) -> Flow[AddSeatResponse]:
        """Give ``new_user_id`` a seat on the organisation's subscription (``organization_id``,
        the Lumen id, preferred; else the owner's ``organisation_user_id``)."""
        from paywire_gen_lumen_v1.models import AddSeatResponse

        body = seat_body("created_user_id", new_user_id, organisation_user_id=organisation_user_id,
                         organization_id=organization_id, metadata=metadata,
                         idempotency_key=idempotency_key, timestamp=timestamp)
        return _parse(AddSeatResponse.from_dict, (yield from self._seat_json("add", body)), "seat")

    @operation
    def remove_seat(
        self,
        removed_user_id: str,
        organisation_user_id: str | None = None,
        organization_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        timestamp: str | None = None,
    ) -> Flow[RemoveSeatResponse]:
        """Free ``removed_user_id``'s seat."""
        from paywire_gen_lumen_v1.models import RemoveSeatResponse

        body = seat_body("removed_user_id", removed_user_id, organisation_user_id=organisation_user_id,
                         organization_id=organization_id, metadata=metadata,
                         idempotency_key=idempotency_key, timestamp=timestamp)
        return _parse(RemoveSeatResponse.from_dict, (yield from self._seat_json("remove", body)), "seat")

    @operation
    def get_seat_usage(self, customer_id: str) -> Flow[SeatUsageResponse]:
        """Seat usage by **Lumen** customer id (``cus_...``)."""
        from paywire_gen_lumen_v1.models import SeatUsageResponse

        data = yield from self._seat_usage_json(customer_id)
        return _parse(SeatUsageResponse.from_dict, data, "seat usage")

    @operation
    def get_seat_usage_by_user(self, user_id: str) -> Flow[SeatUsageResponse | None]:
        """Seat usage by your user id (resolved through the subscription status); ``None`` when
        the user is not a customer or has no active subscription."""
        from paywire_gen_lumen_v1.models import SeatUsageResponse

        status = yield from self._status_json(user_id)
        customer = status.get("customer") if isinstance(status, Mapping) else None
        customer_id = customer.get("id") if isinstance(customer, Mapping) else None
        if not customer_id or status.get("hasActiveSubscription") is not True:
            return None
        data = yield from self._seat_usage_json(str(customer_id))
        return _parse(SeatUsageResponse.from_dict, data, "seat usage")

    # -- enrollment / free subscription ------------------------------------------------------
    @operation
    def enroll_user(
        self,
        email: str,
        name: str,
        user_id: str,
        plan_id: str | None = None,
        billing_address_line1: str | None = None,
        billing_address_line2: str | None = None,
        billing_city: str | None = None,
        billing_postal_code: str | None = None,
        billing_country: str | None = None,
        tax_id: str | None = None,
    ) -> Flow[EnrollmentResponse]:
        """Enroll a new user (enrollment rules, else the first free plan; ``plan_id`` forces a
        plan with a free price). An existing subscription is a :class:`LumenConflictError`."""
        from paywire_gen_lumen_v1.models import EnrollmentResponse

        body = signup_body(email, name, user_id, plan_id, billing_address_line1=billing_address_line1,
                           billing_address_line2=billing_address_line2, billing_city=billing_city,
                           billing_postal_code=billing_postal_code, billing_country=billing_country,
                           tax_id=tax_id)
        return _parse(EnrollmentResponse.from_dict, (yield from self._enroll_json(body)), "enrollment")

    @operation
    def create_free_subscription_if_none_exists(
        self,
        email: str,
        name: str,
        user_id: str,
        billing_address_line1: str | None = None,
        billing_address_line2: str | None = None,
        billing_city: str | None = None,
        billing_postal_code: str | None = None,
        billing_country: str | None = None,
        tax_id: str | None = None,
    ) -> Flow[FreeSubscriptionResult]:
        """Create a free subscription unless the customer has one: ``created`` tells which."""
        from paywire_gen_lumen_v1.models import EnrolledSubscription

        body = signup_body(email, name, user_id, billing_address_line1=billing_address_line1,
                           billing_address_line2=billing_address_line2, billing_city=billing_city,
                           billing_postal_code=billing_postal_code, billing_country=billing_country,
                           tax_id=tax_id)
        created, data = yield from self._free_subscription_json(body)
        if not isinstance(data, Mapping):
            raise LumenResponseError("unexpected free subscription from Lumen: expected a JSON object")
        sub = data.get("subscription")
        parsed = None if sub is None else _parse(EnrolledSubscription.from_dict, sub, "subscription")
        message = data.get("message") if created else data.get("error")
        return FreeSubscriptionResult(created, parsed, message if isinstance(message, str) else None, dict(data))

    create_free_subscription = operation(create_free_subscription_if_none_exists.fn)

    # -- portal (the endpoints the browser reaches through the proxy handlers) ----------------
    @operation
    def create_setup_intent(self, external_customer_id: str) -> Flow[SetupIntentResult]:
        """Start adding a payment method: Stripe ``client_secret`` or a Dodo payment link."""
        from paywire_gen_lumen_v1.api.portal import create_setup_intent as gen
        from paywire_gen_lumen_v1.models import (
            DodoSetupIntentResponse,
            OtherSetupIntentResponse,
            StripeSetupIntentResponse,
        )

        body = {"externalCustomerId": _require_text(external_customer_id, "external_customer_id")}
        data = _json((yield from self._request("POST", "/v1/customers/portal/create-setup-intent", json=body)), gen)
        provider = data.get("provider") if isinstance(data, Mapping) else None
        if provider == "stripe":
            return _parse(StripeSetupIntentResponse.from_dict, data, "setup intent")
        if provider == "dodo":
            return _parse(DodoSetupIntentResponse.from_dict, data, "setup intent")
        return _parse(OtherSetupIntentResponse.from_dict, data, "setup intent")

    @operation
    def set_subscription_payment_method(self, external_customer_id: str,
                                        payment_method_id: str) -> Flow[PortalActionResponse]:
        """Charge the subscription to this (already attached) payment method."""
        from paywire_gen_lumen_v1.api.portal import set_subscription_payment_method as gen
        from paywire_gen_lumen_v1.models import PortalActionResponse

        body = {"externalCustomerId": _require_text(external_customer_id, "external_customer_id"),
                "paymentMethodId": _require_text(payment_method_id, "payment_method_id")}
        response = yield from self._request(
            "POST", "/v1/customers/portal/set-subscription-payment-method", json=body, retry_safe=True
        )
        return _parse(PortalActionResponse.from_dict, _json(response, gen), "portal action")

    @operation
    def remove_payment_method(self, payment_method_id: str,
                              external_customer_id: str | None = None) -> Flow[PortalActionResponse]:
        """Delete a payment method (409 while it pays an active subscription); with
        ``external_customer_id`` the server also checks the method is that customer's."""
        from paywire_gen_lumen_v1.api.portal import remove_payment_method as gen
        from paywire_gen_lumen_v1.models import PortalActionResponse
        from paywire_gen_lumen_v1.types import UNSET

        owner = UNSET if external_customer_id is None else external_customer_id
        kwargs = gen._get_kwargs(_require_text(payment_method_id, "payment_method_id"), external_customer_id=owner)
        return _parse(PortalActionResponse.from_dict, _json((yield from self._request_kwargs(kwargs)), gen), "portal action")

    @operation
    def get_invoice_pdf(self, invoice_id: str) -> Flow[InvoicePdfResponse]:
        """A short-lived (``expires_in`` s) presigned ``pdf_url`` for an invoice."""
        from paywire_gen_lumen_v1.api.invoices import get_invoice_pdf as gen
        from paywire_gen_lumen_v1.models import InvoicePdfResponse

        data = yield from self._request_kwargs(gen._get_kwargs(_require_text(invoice_id, "invoice_id")))
        return _parse(InvoicePdfResponse.from_dict, _json(data, gen), "invoice PDF")


class LumenClient(_LumenOps, SyncClient):
    """Blocking Lumen client: one pooled ``httpx.Client``, thread-safe, a context manager."""


class AsyncLumenClient(_LumenOps, AsyncClient):
    """Async Lumen client on one pooled ``httpx.AsyncClient`` (use it on one event loop)."""

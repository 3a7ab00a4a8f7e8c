"""``LumenClient`` / ``AsyncLumenClient``: configuration, the entitlement cache and the proxy's
forwarder. Every operation is written once, as a flow, in the resource module of its API tag
(``paywire.lumen.resources.<tag>``): requests built by the generated ``build_request``, success
bodies parsed by the generated models (:mod:`paywire._core.decode`). Their raw flows
(``_*_json``) return the API's JSON exactly as sent, for the seed-compatible module functions
(:mod:`paywire.lumen.functions`), so there is one request builder per endpoint.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

import httpx

from paywire._core import (
    APIStatusError,
    AsyncClient,
    ConfigError,
    Flow,
    SyncClient,
    check_base_url,
    mask,
    timeout_setting,
)
from paywire._core.options import ClientOptions
from paywire.entitlements import EntitlementCache
from paywire.lumen.errors import LUMEN_ERRORS, LumenConfigurationError
from paywire.lumen.resources._base import CustomerKey, customer_ref, sign_up_body
from paywire.lumen.resources.customers import CustomersOps
from paywire.lumen.resources.enrollment import EnrollmentOps
from paywire.lumen.resources.entitlements import EntitlementSnapshot, EntitlementsOps, features_from
from paywire.lumen.resources.events import EventsOps, event_body, event_value_fields
from paywire.lumen.resources.invoices import InvoicesOps
from paywire.lumen.resources.portal import PortalOps
from paywire.lumen.resources.seats import SeatsOps, add_seat_body, remove_seat_body
from paywire.lumen.resources.subscriptions import SubscriptionsOps

if TYPE_CHECKING:
    import paywire_gen_lumen_v1

    from paywire.entitlements.redis_tier import Binding, RedisTier


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


__all__ = [
    "DEFAULT_BASE_URL",
    "AsyncLumenClient",
    "EntitlementSnapshot",
    "LumenClient",
    "add_seat_body",
    "customer_ref",
    "event_body",
    "event_value_fields",
    "features_from",
    "normalize_base_url",
    "remove_seat_body",
    "resolve_api_key",
    "sign_up_body",
]

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


# --- the operations ---------------------------------------------------------------------------
class _LumenOps(EntitlementsOps, EventsOps, SeatsOps, CustomersOps, EnrollmentOps, SubscriptionsOps, PortalOps,
                InvoicesOps):
    """Configuration, the cache and the proxy's forwarder; every operation comes from the
    resource modules (``paywire.lumen.resources.<tag>``), shared by the sync and the async client."""

    def __init__(
        self,
        api_key: str | None = None,
        api_url: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
        cache_ttl_ms: float = DEFAULT_CACHE_TTL_MS,
        cache_max_size: int = 10_000,
        stale_if_error_ms: float = 0,
        shared_cache: RedisTier | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """``api_key`` (else ``$LUMEN_API_KEY``), ``api_url`` or ``base_url`` (else
        ``$LUMEN_API_URL``, else ``https://api.getlumen.dev``; a trailing ``/`` or ``/v1`` is
        tolerated), ``timeout`` and ``transport``, plus the core's options
        (:class:`~paywire._core.options.ClientOptions`: ``retry_config``, ``max_retries``,
        ``logging_hooks``, ``http_backend``).

        Entitlement reads (``get_usage``, ``get_features``, ``is_feature_entitled``) go through
        a per-client :class:`~paywire.entitlements.EntitlementCache`: ``cache_ttl_ms`` (0
        disables it), ``cache_max_size`` customers (second-chance eviction, an approximate LRU), optional ``stale_if_error_ms``. This
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
            errors=LUMEN_ERRORS,
            transport=transport,
            secrets=(key,),
            **options,
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
    def generated(self) -> paywire_gen_lumen_v1.Client:
        """The generated ``paywire_gen_lumen_v1`` client, wired to this client's httpx client."""
        from paywire_gen_lumen_v1 import Client  # generated code loads on first use (resources/_base.py)

        return self._generated_client(Client)

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

    def _forward(self, method: str, path: str, *, params: Mapping[str, str] | None,
                 json: Any = None) -> Flow[httpx.Response]:
        """Proxy helper: any allow-listed ``/v1`` path; every upstream status is returned as is
        (GETs are still retried on 429/5xx first)."""
        ok = _NotRetried(self._retry.retry_statuses) if method in ("GET", "HEAD") else ANY_STATUS
        try:
            return (yield from self._request(method, "/v1/" + path, params=params, json=json, ok=ok))
        except APIStatusError as exc:
            return exc.response


class LumenClient(_LumenOps, SyncClient):
    """Blocking Lumen client: one pooled ``httpx.Client``, thread-safe, a context manager."""


class AsyncLumenClient(_LumenOps, AsyncClient):
    """Async Lumen client on one pooled ``httpx.AsyncClient`` (use it on one event loop)."""

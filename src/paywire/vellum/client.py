"""Vellum (VellumCharter) clients: :class:`VellumClient` and :class:`AsyncVellumClient`.

Both take vellumcharter 0.1.0's constructor (``api_key, tenant_id, base_url, cache_ttl_ms``)
and method names and keyword arguments, plus the 1.4.x methods. ``api_version=`` pins the API
contract (``"v1"``: the 0.1.0 era; ``"v2"``: the 1.4.x era, **the default**); the pinned
version is ``client.api_version``. Every API operation is written once, as a flow in
``resources/<tag>.py`` against the pinned version's typed generated code (see
``resources/_base.py``); the sync client runs flows on ``httpx.Client``, the async one on
``httpx.AsyncClient`` (no worker threads). Results: see :mod:`paywire.vellum.models`.

A method the pinned version does not have raises :class:`UnsupportedOperationError` naming
the versions that do, before any request. Entitlement reads (and v2 flag reads) go through
:class:`paywire.entitlements.EntitlementCache`: a cached ``can()`` does no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from paywire._core import (
    AsyncClient,
    BaseClient,
    ConfigError,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    check_base_url,
    mask,
    require_setting,
    setting,
    timeout_setting,
)
from paywire._core.client import HttpBackend
from paywire.entitlements import DEFAULT_MAX_SIZE, EntitlementCache
from paywire.vellum._contract import contract_for, contracts
from paywire.vellum._transport import adapt_transport
from paywire.vellum.errors import VELLUM_ERRORS, VellumConfigError
from paywire.vellum.models import EntitlementSet
from paywire.vellum.resources.billing import BillingResource
from paywire.vellum.resources.checkout import CheckoutResource
from paywire.vellum.resources.credits import CreditsResource
from paywire.vellum.resources.entitlements import EntitlementsResource
from paywire.vellum.resources.flags import FlagsResource
from paywire.vellum.resources.provisioning import ProvisioningResource
from paywire.vellum.resources.subscriptions import SubscriptionsResource

if TYPE_CHECKING:  # the Redis tier is optional (paywire[redis]) and imported by the caller
    import paywire_gen_vellum_v1
    import paywire_gen_vellum_v2

    from paywire.entitlements.redis_tier import Binding, RedisTier

DEFAULT_BASE_URL = "https://api.vellumcharter.com"
DEFAULT_TTL_MS = 30_000
DEFAULT_FLAG_TTL_MS = 30_000
DEFAULT_TIMEOUT = 15.0
ENV_API_KEY = "VELLUM_API_KEY"
ENV_TENANT_ID = "VELLUM_TENANT_ID"
ENV_API_URL = "VELLUM_API_URL"

class _VellumOps(EntitlementsResource, CheckoutResource, SubscriptionsResource, ProvisioningResource,
                 BillingResource, CreditsResource, FlagsResource):
    """Every Vellum API operation (the resource mixins), plus version and cache plumbing."""

    @property
    def api_version(self) -> str:
        """The API contract this client is pinned to (``"v1"`` or ``"v2"``)."""
        return self._api_version

    @property
    def generated(self) -> paywire_gen_vellum_v1.Client | paywire_gen_vellum_v2.Client:
        """The pinned version's generated client, wired to this client's httpx client (auth
        included): one branch per version, so mypy checks its use against both."""
        from paywire_gen_vellum_v1 import Client as ClientV1
        from paywire_gen_vellum_v2 import Client as ClientV2

        core = cast(BaseClient, self)  # a mixin of VellumClient / AsyncVellumClient
        return core._generated_client(ClientV1) if self._v1 else core._generated_client(ClientV2)

    def supports(self, method: str) -> bool:
        """Whether ``method`` (a client method name) exists in the pinned API version."""
        return contracts().supports(self._contract, method)

    # -- cache control (synchronous on both clients) ------------------------------------------------
    def invalidate(self, customer_id: str | None = None) -> None:
        """Forget one customer's cached entitlements (or everyone's). No I/O, never awaited."""
        self._entitlements.invalidate(customer_id)

    def invalidate_flags(self, customer_id: str | None = None) -> None:
        """Forget cached flag values (v2); does not touch the entitlements cache."""
        self._flags.invalidate(customer_id)

    @property
    def entitlement_cache(self) -> EntitlementCache[str, EntitlementSet]:
        return self._entitlements

    @property
    def flag_cache(self) -> EntitlementCache[str, dict[str, bool]]:
        return self._flags

    def _repr_fields(self) -> dict[str, str]:
        return {**super()._repr_fields(), "tenant_id": repr(self._tenant),  # type: ignore[misc]
                "api_version": repr(self._api_version), "api_key": mask(self._api_key)}


# --- configuration (shared by both flavours) ------------------------------------------------------
class _VellumConfig:
    """Resolves configuration (argument > environment > default) and builds the caches."""

    _is_async: bool

    def __init__(
        self,
        api_key: str | None = None,
        tenant_id: str | None = None,
        base_url: str | None = None,
        cache_ttl_ms: float = DEFAULT_TTL_MS,
        transport: Any = None,
        *,
        api_version: str | None = None,
        flag_cache_ttl_ms: float = DEFAULT_FLAG_TTL_MS,
        cache_max_size: int = DEFAULT_MAX_SIZE,
        stale_if_error_ms: float = 0,
        timeout: float | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        allow_insecure_http: bool = False,
        http_backend: HttpBackend | None = None,
        shared_cache: RedisTier | None = None,
    ) -> None:
        try:
            key = require_setting(api_key, ENV_API_KEY, what="api_key")
            tenant = require_setting(tenant_id, ENV_TENANT_ID, what="tenant_id")
            url = check_base_url(setting(base_url, ENV_API_URL, DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
                                 allow_insecure_http=allow_insecure_http)
            contract = contract_for(api_version)
            seconds = timeout_setting(timeout, None, DEFAULT_TIMEOUT)
        except (ConfigError, ValueError) as exc:
            raise VellumConfigError(str(exc)) from None
        if "/" in tenant:
            raise VellumConfigError("tenant_id must not contain '/'")
        for name, ttl in (("cache_ttl_ms", cache_ttl_ms), ("flag_cache_ttl_ms", flag_cache_ttl_ms),
                          ("stale_if_error_ms", stale_if_error_ms)):
            if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl < 0:
                raise VellumConfigError(f"{name} must be a number of milliseconds >= 0 (0 disables it)")
        if isinstance(cache_max_size, bool) or not isinstance(cache_max_size, int) or cache_max_size < 1:
            raise VellumConfigError("cache_max_size must be an integer >= 1")
        if shared_cache is not None and (not hasattr(shared_cache, "bind") or cache_ttl_ms == 0):
            raise VellumConfigError("shared_cache must be a paywire.entitlements.redis_tier.RedisTier "
                                    "and needs cache_ttl_ms > 0")
        self._api_key = key
        self._tenant = tenant
        self._contract = contract
        self._api_version = contract.version
        self._v1 = contract.version == "v1"
        self._entitlements: EntitlementCache[str, EntitlementSet] = EntitlementCache(
            cache_ttl_ms, max_size=cache_max_size, stale_if_error_ms=stale_if_error_ms,
            mark_stale=EntitlementSet.as_stale, name="vellum entitlements")
        self._flags: EntitlementCache[str, dict[str, bool]] = EntitlementCache(
            flag_cache_ttl_ms, max_size=cache_max_size, stale_if_error_ms=stale_if_error_ms, name="vellum flags")
        super().__init__(  # type: ignore[call-arg]
            base_url=url, headers={"x-api-key": key}, timeout=seconds, retry_config=retry_config,
            max_retries=max_retries, logging_hooks=logging_hooks, errors=VELLUM_ERRORS,
            transport=adapt_transport(transport, is_async=self._is_async), secrets=(key,), http_backend=http_backend,
        )
        self._shared_binding: Binding[str, EntitlementSet] | None = None
        if shared_cache is not None:
            self._shared_binding = self._bind_shared(shared_cache, url, contract.version)

    def _bind_shared(self, tier: RedisTier, url: str, version: str) -> Binding[str, EntitlementSet]:
        """Entitlements of one tenant, API version and server share one Redis scope; a relay
        refills them through the sync client's own request flow."""
        import hashlib

        from paywire.entitlements.redis_tier import JsonCodec

        server = hashlib.sha256(url.encode()).hexdigest()[:12]
        codec: JsonCodec[EntitlementSet] = JsonCodec(lambda e: {"d": e.data, "f": e.found},
                                                     lambda o: EntitlementSet(o["d"], bool(o["f"])))
        direct = None if self._is_async else (
            lambda cid: self._driver.run(self._entitlements_flow(cid)))  # type: ignore[attr-defined]
        return tier.bind(self._entitlements, f"vellum:{self._tenant}:{version}:{server}", codec, direct)

    @property
    def shared_binding(self) -> Binding[str, EntitlementSet] | None:
        """This client's view of its ``shared_cache`` (None without one)."""
        return self._shared_binding

    @property
    def tenant_id(self) -> str:
        return self._tenant

    @property
    def cache_ttl_ms(self) -> float:
        return self._entitlements.ttl_ms


# --- the two flavours -----------------------------------------------------------------------------
class VellumClient(_VellumConfig, _VellumOps, SyncClient):
    """Synchronous Vellum client (thread-safe; one pooled ``httpx.Client``).

    ``VellumClient(api_key, tenant_id, base_url=None, cache_ttl_ms=30000, *, api_version=None,
    ...)``; ``api_key``/``tenant_id``/``base_url`` fall back to ``VELLUM_API_KEY`` /
    ``VELLUM_TENANT_ID`` / ``VELLUM_API_URL``. ``api_version`` defaults to the newest contract
    (``"v2"``); pass ``"v1"`` to pin the 0.1.0-era API.
    """


class AsyncVellumClient(_VellumConfig, _VellumOps, AsyncClient):
    """Asynchronous Vellum client on ``httpx.AsyncClient`` (truly async: no worker threads).

    Same constructor and methods as :class:`VellumClient`, each awaited, except
    ``invalidate()`` / ``invalidate_flags()``, which are synchronous (no I/O).
    """


# vellumcharter 1.4.x names.
VellumCharterClient = VellumClient
AsyncVellumCharterClient = AsyncVellumClient

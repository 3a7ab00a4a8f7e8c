"""SPAPS clients: ``SpapsClient`` (sync) and ``AsyncSpapsClient`` (async), one source.

Every operation is written once, as a generator flow on a shared ``_*Ops`` class; the sync and
async resources (``spaps.auth``, ``spaps.sessions``, ``spaps.payments`` + ``.crypto``,
``spaps.usage``, ``spaps.secure_messages``, ``spaps.metrics``, ``spaps.whitelist``) only add
the driver. Each resource lives in its own module under :mod:`paywire.spaps.resources`
(``auth.py``, ``sessions.py``, ``payments.py``, ``crypto.py``, ``usage.py``,
``secure_messages.py``, ``whitelist.py``, ``metrics.py``; shared helpers in ``_base.py``);
this module holds the two clients and their shared configuration.

API versions. SPAPS changed **in place** (same unversioned paths, different answers), so a
client is pinned to one contract: ``api_version="2026-10"`` (today's server, **the default**)
or ``"2025-11"`` (the seed era, spaps 0.1.4); ``client.api_version`` says which, and
``client.supports("get_balance")`` whether the pinned contract has a method. Requests are
built by the pinned version's generated package (``paywire_gen_spaps_2025_11`` /
``paywire_gen_spaps_2026_10``): each flow imports both versions' ``build_request`` and request
models statically (inside the flow, so ``import paywire.spaps`` stays cheap) and calls one per
``if self._seed:`` branch. Why branches rather than one call on "the pinned module": the two
versions' request models are different classes, and a module chosen at run time is ``Any`` to
mypy; written out per version, every call is checked against both specs, so a field renamed in
either fails typecheck at that line. What differs in behaviour is looked up in
:mod:`paywire.spaps._contract` (on :mod:`paywire._core.contracts`). A method or argument the pinned contract lacks
raises :class:`~paywire.spaps.errors.UnsupportedOperationError` naming the versions that have
it, before any request. What 2026-10 changes for callers:

* auth: sign-in may answer an :class:`~paywire.spaps.models.MfaChallenge` (no tokens stored);
  register / verify-magic-link read ``message``/``user``/``tokens`` from ``data``; new
  ``set_password``; ``register(ref=, referral_click_id=)``, ``verify_magic_link(state=)``,
  ``send_magic_link(confirm_url=)``.
* sessions: ``list_sessions`` calls ``/api/sessions/`` with ``limit`` + ``offset``.
* payments: checkout creation goes to ``POST /api/stripe/checkout-sessions`` with
  ``line_items`` (``price_id=`` still works); the five legacy payments calls are gone; Stripe
  lists page by ``offset``; guest checkout and crypto invoices take ``idempotency_key=``.
* usage: two-phase ``authorize_usage`` → ``record_usage(authorization_ref=..., ...)``,
  ``get_status``, per-event ``get_history``; the API key alone is enough.
* secure_messages: a bearer is required; lists are pair-scoped with cursor paging.

Authentication on the wire (shared/reference/spaps.md §1.2): ``X-API-Key`` on every ``/api``
call; the stored bearer token on user-scoped calls (through :class:`~paywire.spaps.tokens.SpapsAuth`,
which refreshes it); no headers at all on ``/health``, ``/health/ready``, ``/api/metrics``,
``/api/metrics/json``; key only on the auth entry points, guest checkout and whitelist check;
key plus the bearer when one is stored on 2026-10 usage calls.

Decisions (the seed and reference leave them open):

* Retries follow paywire's house policy rather than 0.1.4's "off unless configured": GET, PUT
  and DELETE are retried (3 attempts, full jitter, ``Retry-After``); POSTs are retried only when
  they carry an idempotency key (``usage.record_usage`` always sends one; on 2026-10 guest
  checkout, crypto invoices and secure messages when you pass one). Pass
  ``retry_config=RetryConfig(max_attempts=1)`` or ``max_retries=0`` to turn retries off.
* The nonce request sends ``chain_type`` (the canonical field, the only one on 2026-10);
  ``chain=`` is accepted as the seed's keyword for it.
* ``sign_out`` clears the stored tokens even when the server call fails (the error is still
  raised): a user who asked to sign out is signed out locally.
* ``metrics.readiness()`` returns ``ReadinessStatus(ready=False)`` for a 503 instead of raising.
* Metrics errors are ``MetricsError`` (a paywire status error), not ``httpx.HTTPStatusError``.
* A refresh answer without a ``refresh_token`` (allowed on 2026-10) keeps the stored one: the
  server did not rotate it.
* 2026-10 ``record_usage`` sends your ``idempotency_key`` or a fresh uuid4 in the body, so the
  call is retried safely; guest checkout / invoice keys are never invented (only you know which
  attempts are the same purchase).
"""

from __future__ import annotations

import time
from collections.abc import Container
from typing import TYPE_CHECKING, Any, cast

import httpx

from paywire._core import (
    AsyncClient,
    BaseClient,
    ConfigError,
    ErrorMap,
    Flow,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    check_base_url,
    mask,
    setting,
    timeout_setting,
)
from paywire.spaps._contract import Contract, contract_for, require_method, versions_for
from paywire.spaps._refresh import bearer_send
from paywire.spaps._signin import refresh_wire
from paywire.spaps._validate import v
from paywire.spaps.errors import SPAPS_ERRORS
from paywire.spaps.resources._base import resource
from paywire.spaps.tokens import InMemoryTokenStore, SpapsAuth, StoredTokens, TokenManager, TokenStore

if TYPE_CHECKING:
    import paywire_gen_spaps_2025_11
    import paywire_gen_spaps_2026_10

    from paywire.spaps.resources.auth import AsyncAuth, SyncAuth
    from paywire.spaps.resources.metrics import AsyncMetrics, SyncMetrics
    from paywire.spaps.resources.payments import AsyncPayments, SyncPayments
    from paywire.spaps.resources.secure_messages import AsyncSecureMessages, SyncSecureMessages
    from paywire.spaps.resources.sessions import AsyncSessions, SyncSessions
    from paywire.spaps.resources.usage import AsyncUsage, SyncUsage
    from paywire.spaps.resources.whitelist import AsyncWhitelist, SyncWhitelist

DEFAULT_BASE_URL = "http://localhost:3300"
DEFAULT_API_KEY = "test_key_local_dev_only"
DEFAULT_TIMEOUT = 10.0
ENV_URL = "SPAPS_API_URL"
ENV_KEY = "SPAPS_API_KEY"
ENV_TIMEOUT = "SPAPS_REQUEST_TIMEOUT"
ENV_API_VERSION = "SPAPS_API_VERSION"


# Each namespace's module is imported when a client first uses it (``resource`` calls these):
# the resource modules import the result models, 50-70 ms of dataclass building that
# ``import paywire.spaps`` would otherwise spend before any call (see ``resource``). One loader
# per namespace, alike in shape (``duplicates`` lists them): a static import each, so mypy types
# ``client.auth`` & co. as before.
def _auth() -> tuple[type[SyncAuth], type[AsyncAuth]]:
    from paywire.spaps.resources.auth import AsyncAuth, SyncAuth
    return SyncAuth, AsyncAuth


def _sessions() -> tuple[type[SyncSessions], type[AsyncSessions]]:
    from paywire.spaps.resources.sessions import AsyncSessions, SyncSessions
    return SyncSessions, AsyncSessions


def _payments() -> tuple[type[SyncPayments], type[AsyncPayments]]:
    from paywire.spaps.resources.payments import AsyncPayments, SyncPayments
    return SyncPayments, AsyncPayments


def _usage() -> tuple[type[SyncUsage], type[AsyncUsage]]:
    from paywire.spaps.resources.usage import AsyncUsage, SyncUsage
    return SyncUsage, AsyncUsage


def _secure_messages() -> tuple[type[SyncSecureMessages], type[AsyncSecureMessages]]:
    from paywire.spaps.resources.secure_messages import AsyncSecureMessages, SyncSecureMessages
    return SyncSecureMessages, AsyncSecureMessages


def _whitelist() -> tuple[type[SyncWhitelist], type[AsyncWhitelist]]:
    from paywire.spaps.resources.whitelist import AsyncWhitelist, SyncWhitelist
    return SyncWhitelist, AsyncWhitelist


def _metrics() -> tuple[type[SyncMetrics], type[AsyncMetrics]]:
    from paywire.spaps.resources.metrics import AsyncMetrics, SyncMetrics
    return SyncMetrics, AsyncMetrics


class _SpapsConfig:
    """Configuration shared by both flavours: argument > environment > default."""

    _tokens: TokenManager
    _api_key: str
    _contract: Contract

    auth = resource(_auth)
    sessions = resource(_sessions)
    payments = resource(_payments)
    usage = resource(_usage)
    secure_messages = resource(_secure_messages)
    whitelist = resource(_whitelist)
    metrics = resource(_metrics)

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        api_version: str | None = None,
        retry_config: RetryConfig | None = None,
        logging_hooks: LoggingHooks | None = None,
        token_store: TokenStore | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
    ) -> None:
        try:
            contract = contract_for(setting(api_version, ENV_API_VERSION, None))
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        url = check_base_url(setting(base_url, ENV_URL, DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
                             allow_insecure_http=allow_insecure_http)
        key = setting(api_key, ENV_KEY, DEFAULT_API_KEY) or DEFAULT_API_KEY
        key = v.secret(key, "api_key").strip()
        self._api_key = key
        self._contract = contract
        self._tokens = TokenManager(token_store if token_store is not None else InMemoryTokenStore())
        super().__init__(  # type: ignore[call-arg]
            base_url=url, timeout=timeout_setting(timeout, ENV_TIMEOUT, DEFAULT_TIMEOUT),
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks, errors=SPAPS_ERRORS,
            auth=SpapsAuth(key, self._tokens), transport=transport, secrets=(key,),
        )

    # -- the request flow: bearer requests refresh through paywire.spaps._refresh --------------
    def _send(self, request: httpx.Request, *, retry_safe: bool | None = None, ok: Container[int] = (),
              errors: ErrorMap | None = None, deadline: float | None = None) -> Flow[httpx.Response]:
        core_send = super()._send  # type: ignore[misc]
        policy: RetryConfig = self._retry  # type: ignore[attr-defined]
        if policy.deadline is not None:  # one deadline for the refresh and the request it serves
            own = time.monotonic() + policy.deadline
            deadline = own if deadline is None else min(deadline, own)
        return (yield from bearer_send(self._tokens, core_send, request, retry_safe=retry_safe, ok=ok,
                                       errors=errors, deadline=deadline, wire=refresh_wire(self._contract)))

    # -- the pinned contract ------------------------------------------------------------------------
    @property
    def generated(self) -> paywire_gen_spaps_2025_11.Client | paywire_gen_spaps_2026_10.Client:
        """The pinned version's generated client, wired to this client's httpx client (auth
        included): one branch per version, so mypy checks its use against both."""
        from paywire_gen_spaps_2025_11 import Client as Client2025
        from paywire_gen_spaps_2026_10 import Client as Client2026

        core = cast(BaseClient, self)  # a mixin of SpapsClient / AsyncSpapsClient
        if self._contract.version == "2025-11":
            return core._generated_client(Client2025)
        return core._generated_client(Client2026)

    @property
    def api_version(self) -> str:
        """The SPAPS contract this client is pinned to (``"2026-10"`` unless you chose one)."""
        return self._contract.version

    def supports(self, method: str) -> bool:
        """Whether ``method`` (``"get_balance"`` or ``"payments.get_balance"``) exists in the
        pinned contract. An unknown name is an ``AttributeError``."""
        return self._contract.version in versions_for(method)

    def _require(self, method: str) -> None:
        require_method(self._contract, method)

    # -- tokens (0.1.4 names) -------------------------------------------------------------------------
    @property
    def token_store(self) -> TokenStore:
        return self._tokens.store

    @property
    def token_storage(self) -> TokenStore:
        """0.1.4 name of :attr:`token_store`."""
        return self._tokens.store

    @property
    def token_manager(self) -> TokenManager:
        return self._tokens

    def get_tokens(self) -> StoredTokens | None:
        return self._tokens.current()

    def set_tokens(self, tokens: StoredTokens | None = None, *, access_token: str | None = None,
                   refresh_token: str | None = None, expires_in: float | None = None,
                   token_type: str = "Bearer") -> StoredTokens:
        """Store tokens obtained elsewhere (``StoredTokens`` or the fields)."""
        if tokens is None:
            tokens = StoredTokens.from_expires_in(v.secret(access_token, "access_token"), refresh_token, expires_in,
                                                  token_type, now=self._tokens.clock())
        self._tokens.save(tokens)
        return tokens

    def clear_tokens(self) -> None:
        self._tokens.clear()

    def _repr_fields(self) -> dict[str, str]:
        return {**super()._repr_fields(), "api_version": repr(self._contract.version),  # type: ignore[misc]
                "api_key": mask(self._api_key), "token_store": repr(self._tokens.store)}


class SpapsClient(_SpapsConfig, SyncClient):
    """Sync SPAPS client (thread-safe; a context manager; ``close()`` when done).

    ``SpapsClient(base_url=None, api_key=None, *, api_version=None, retry_config=None,
    logging_hooks=None, token_store=None, timeout=None, ...)``; ``base_url`` / ``api_key`` /
    ``timeout`` / ``api_version`` fall back to ``SPAPS_API_URL`` / ``SPAPS_API_KEY`` /
    ``SPAPS_REQUEST_TIMEOUT`` / ``SPAPS_API_VERSION``. ``api_version`` defaults to the newest
    contract (``"2026-10"``); pass ``"2025-11"`` to talk to a seed-era (spaps 0.1.4) server.
    """


class AsyncSpapsClient(_SpapsConfig, AsyncClient):
    """Async SPAPS client (safe to share across tasks; ``await aclose()`` when done); same
    constructor as :class:`SpapsClient`."""


__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "AsyncSpapsClient",
    "SpapsClient",
]

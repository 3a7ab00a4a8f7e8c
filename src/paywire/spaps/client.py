"""SPAPS clients: ``SpapsClient`` (sync) and ``AsyncSpapsClient`` (async), one source.

Every operation is written once, as a generator flow on a shared ``_*Ops`` class; the sync and
async resources (``spaps.auth``, ``spaps.sessions``, ``spaps.payments`` + ``.crypto``,
``spaps.usage``, ``spaps.secure_messages``, ``spaps.metrics``, ``spaps.whitelist``) only add
the driver.

API versions. SPAPS changed **in place** (same unversioned paths, different answers), so a
client is pinned to one contract: ``api_version="2026-10"`` (today's server, **the default**)
or ``"2025-11"`` (the seed era, spaps 0.1.4); ``client.api_version`` says which, and
``client.supports("get_balance")`` whether the pinned contract has a method. Requests are
built by the pinned version's generated package (``paywire_gen_spaps_2025_11`` /
``paywire_gen_spaps_2026_10``, imported lazily inside the flows); what differs in behaviour is
looked up in :mod:`paywire.spaps._contract`. A method or argument the pinned contract lacks
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

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar, overload

import httpx

from paywire._core import (
    AsyncClient,
    AsyncResource,
    ConfigError,
    ErrorMap,
    Flow,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    SyncResource,
    ValidationError,
    check_base_url,
    idempotency_key,
    mask,
    operation,
    paginated,
    register_secret,
    setting,
    timeout_setting,
)
from paywire._core.client import Resource
from paywire._core.flow import AsyncRunner, PageFetch, SyncRunner
from paywire.spaps import _validate as v
from paywire.spaps._contract import (
    Contract,
    contract_for,
    gen_module,
    has_op,
    models,
    require_feature,
    require_method,
    versions_for,
)
from paywire.spaps.errors import (
    AUTH_ERRORS,
    CRYPTO_ERRORS,
    METRICS_ERRORS,
    PAYMENTS_ERRORS,
    SECURE_MESSAGES_ERRORS,
    SESSION_ERRORS,
    SPAPS_ERRORS,
    USAGE_ERRORS,
    WHITELIST_ERRORS,
    NotSignedInError,
)
from paywire.spaps.models import (
    AuthResult,
    AuthUser,
    Balance,
    CheckoutSession,
    CheckoutSessionDetail,
    CheckoutSessionList,
    CheckoutSessionSummary,
    CryptoInvoice,
    CryptoInvoiceStatus,
    CurrentSession,
    CurrentUser,
    EmailSent,
    ExpireResult,
    GuestCheckoutSession,
    GuestCheckoutSessionList,
    GuestCheckoutSessionSummary,
    GuestConversion,
    HealthStatus,
    MessageResult,
    MetricsJson,
    MfaChallenge,
    NonceResult,
    PaymentHistory,
    PaymentIntent,
    PaymentMethodResult,
    PaymentRecord,
    Product,
    ProductList,
    ReadinessStatus,
    ReconcileJob,
    RevokeResult,
    SecureMessage,
    SecureMessageList,
    SessionList,
    SessionSummary,
    SessionValidation,
    Subscription,
    SubscriptionList,
    TouchResult,
    UsageAuthorization,
    UsageEvent,
    UsageFeatures,
    UsageHistory,
    UsageRecord,
    UsageStatus,
    WalletDeposit,
    WalletTransaction,
    WhitelistCheck,
    WhitelistEntry,
    WhitelistList,
)
from paywire.spaps.tokens import (
    AUTH_EXTENSION,
    InMemoryTokenStore,
    SpapsAuth,
    StoredTokens,
    TokenManager,
    TokenStore,
)

DEFAULT_BASE_URL = "http://localhost:3300"
DEFAULT_API_KEY = "test_key_local_dev_only"
DEFAULT_TIMEOUT = 10.0
ENV_URL = "SPAPS_API_URL"
ENV_KEY = "SPAPS_API_KEY"
ENV_TIMEOUT = "SPAPS_REQUEST_TIMEOUT"
ENV_API_VERSION = "SPAPS_API_VERSION"
#: page size the iter_* helpers ask for
PAGE_SIZE = 100
#: usage resource types (2026-10)
RESOURCE_TYPES = ("user", "company", "org", "system")

T = TypeVar("T")
M = TypeVar("M")


# --- envelope helpers ----------------------------------------------------------------------------
def _json(resp: httpx.Response, errors: ErrorMap) -> Any:
    if resp.status_code == 204 or not resp.content:
        return {}
    try:
        return resp.json()
    except ValueError:
        cls = errors.classify(502)
        raise cls("SPAPS answered with a body that is not JSON", response=resp, body=resp.text) from None


def _data(body: Any) -> dict[str, Any]:
    """``data`` when present (the SPAPS envelope), else the body itself."""
    if isinstance(body, dict):
        data = body.get("data")
        if isinstance(data, dict):
            return data
        return body
    return {}


def _pick(body: Any, key: str) -> Any:
    """``key`` at the top level of the body or inside ``data`` (auth results use both)."""
    if isinstance(body, dict):
        if body.get(key) is not None:
            return body[key]
        data = body.get("data")
        if isinstance(data, dict):
            return data.get(key)
    return None


def _message(body: Any) -> str | None:
    value = _pick(body, "message")
    return value if isinstance(value, str) else None


def _unwrap(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` when the record is wrapped (``{invoice: {...}}``), else ``data``."""
    inner = data.get(key)
    return inner if isinstance(inner, dict) else data


def _drop_none(**fields: Any) -> dict[str, Any]:
    """Keyword arguments without the ``None`` ones: the generated defaults (UNSET) apply, so
    absent optional fields are left out of the request instead of being sent as ``null``."""
    return {k: value for k, value in fields.items() if value is not None}


def _auth_result(body: Any, now: float, *, nested: bool = False) -> AuthResult:
    """Tokens and user at the top level, inside ``data``, or ``data`` itself a token pair.

    ``nested`` (2026-10): ``message``/``user``/``tokens`` are read from ``data`` first (the
    production envelope), the top level only as a fallback.
    """
    if nested:
        data = _data(body)
        tokens = data.get("tokens")
        if not isinstance(tokens, dict):
            tokens = data if "access_token" in data else _pick(body, "tokens")
        user = data.get("user") if isinstance(data.get("user"), dict) else _pick(body, "user")
        message = data.get("message") if isinstance(data.get("message"), str) else _message(body)
    else:
        tokens = _pick(body, "tokens")
        if not isinstance(tokens, dict):
            data = _data(body)
            tokens = data if "access_token" in data else None
        user = _pick(body, "user")
        message = _message(body)
    kwargs: dict[str, Any] = {"message": message, "raw": body if isinstance(body, dict) else {}}
    if isinstance(user, dict):
        kwargs["user"] = AuthUser.from_dict(user)
    if isinstance(tokens, dict) and isinstance(tokens.get("access_token"), str):
        access = tokens["access_token"]
        refresh = tokens.get("refresh_token") if isinstance(tokens.get("refresh_token"), str) else None
        register_secret(access)
        register_secret(refresh)
        stored = StoredTokens.from_expires_in(access, refresh, tokens.get("expires_in"),
                                              tokens.get("token_type") if isinstance(tokens.get("token_type"), str) else None,
                                              now=now)
        expires_in = tokens.get("expires_in")
        kwargs.update(access_token=access, refresh_token=refresh, token_type=stored.token_type,
                      expires_at=stored.expires_at,
                      expires_in=expires_in if isinstance(expires_in, int) and not isinstance(expires_in, bool) else None)
    return AuthResult(**kwargs)


def _cursor(value: str | None, field: str = "starting_after") -> str | None:
    return None if value is None else v.ident(value, field)


def _required(value: Any, field: str, why: str = "") -> Any:
    if value is None:
        raise ValidationError(f"{field} is required{why}", field=field)
    return value


def _numbers(value: Any, field: str) -> dict[str, float]:
    """``{"calls": 1}``: a non-empty mapping of dimension names to finite numbers >= 0."""
    if not isinstance(value, Mapping) or not value:
        raise ValidationError(f"{field} must be a non-empty mapping of dimension name -> number", field=field)
    out: dict[str, float] = {}
    for name, amount in value.items():
        label = v.text(name, f"{field} key", max_length=200)
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount != amount \
                or amount in (float("inf"), float("-inf")) or amount < 0:
            raise ValidationError(f"{field}[{label!r}] must be a finite number >= 0", field=field)
        out[label] = float(amount)
    return out


def _iso(value: Any, field: str) -> str | None:
    stamp = v.timestamp(value, field)
    return None if stamp is None else stamp.isoformat()


# --- pagination helpers --------------------------------------------------------------------------
def _cursor_pages(list_page: Callable[[Any], Flow[M]], items: Callable[[M], Sequence[T]],
                  has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
    """A page fetch for ``limit`` + cursor lists (stops if the cursor stops moving)."""

    def fetch(cursor: Any) -> Flow[tuple[Sequence[T], Any]]:
        page = yield from list_page(cursor)
        found = items(page)
        if not found or not has_more(page, found):
            return found, None
        following = cursor_of(page, found)
        return found, (None if following == cursor else following)

    return fetch


def _offset_pages(list_page: Callable[[int], Flow[M]], items: Callable[[M], Sequence[T]],
                  has_more: Callable[[M, Sequence[T]], bool]) -> PageFetch[T]:
    """A page fetch for ``limit`` + ``offset`` lists (the next offset counts what was read)."""

    def fetch(offset: Any) -> Flow[tuple[Sequence[T], Any]]:
        start = int(offset or 0)
        page = yield from list_page(start)
        found = items(page)
        if not found or not has_more(page, found):
            return found, None
        return found, start + len(found)

    return fetch


def _more(flag: bool | None, found: Sequence[Any], page_size: int) -> bool:
    """The page's ``has_more`` when sent, else "the page was full"."""
    return flag if flag is not None else len(found) >= page_size


# --- resource descriptor --------------------------------------------------------------------------
S = TypeVar("S")
A = TypeVar("A")


class resource(Generic[S, A]):
    """A namespace created once per client (cached in the instance ``__dict__``, so the cheap
    ``with_options`` copies rebuild theirs): the sync class on sync clients, async on async."""

    def __init__(self, sync_cls: Callable[[Any], S], async_cls: Callable[[Any], A]) -> None:
        self.sync_cls = sync_cls
        self.async_cls = async_cls
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> resource[S, A]: ...
    @overload
    def __get__(self, obj: SyncRunner, owner: type) -> S: ...
    @overload
    def __get__(self, obj: AsyncRunner, owner: type) -> A: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        client = obj._client if isinstance(obj, Resource) else obj
        value = (self.async_cls if obj._is_async else self.sync_cls)(client)
        obj.__dict__[self.name] = value
        return value


# --- the shared request helper of every resource -------------------------------------------------------
class _Ops:
    _client: Any
    _errors: ErrorMap = SPAPS_ERRORS
    #: the resource's name in method names ("payments.crypto")
    _resource: ClassVar[str] = ""

    # -- the pinned contract ------------------------------------------------------------------------
    @property
    def _contract(self) -> Contract:
        contract: Contract = self._client._contract
        return contract

    def _gen(self, op_id: str, method: str | None = None) -> Any:
        """The pinned version's generated module for ``op_id``; a method the pinned contract
        lacks raises UnsupportedOperationError (naming the versions that have it) instead."""
        contract = self._contract
        if not has_op(contract.package, op_id):
            require_method(contract, f"{self._resource}.{method or op_id}")
        return gen_module(contract.package, op_id)

    def _model(self, name: str, /, **fields: Any) -> Any:
        """A request model of the pinned package; ``None`` fields are left out (UNSET)."""
        return getattr(models(self._contract.package), name)(**_drop_none(**fields))

    def _enum(self, name: str, value: str | None) -> Any:
        return None if value is None else getattr(models(self._contract.package), name)(value)

    def _meta(self, value: Mapping[str, Any] | None, name: str = "Metadata") -> Any:
        return None if value is None else getattr(models(self._contract.package), name).from_dict(value)

    def _feature(self, feature: str, method: str, /, **args: Any) -> None:
        """Refuse arguments (not None) that the pinned contract does not take."""
        require_feature(self._contract, feature, f"{self._resource}.{method}", **args)

    def _page(self, method: str, *, starting_after: str | None = None, ending_before: str | None = None,
              offset: int | None = None) -> dict[str, Any]:
        """The paging query of a Stripe/session list: cursors (2025-11) or ``offset`` (2026-10)."""
        self._feature("cursor_paging", method, starting_after=starting_after, ending_before=ending_before)
        self._feature("offset_paging", method, offset=offset)
        return _drop_none(starting_after=_cursor(starting_after), ending_before=_cursor(ending_before, "ending_before"),
                          offset=v.optional_integer(offset, "offset", minimum=0))

    def _pages(self, list_page: Callable[[dict[str, Any]], Flow[M]], items: Callable[[M], Sequence[T]],
               has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
        """Every page of a list, by the pinned contract's paging (``list_page`` gets the paging
        keyword arguments: ``{"starting_after": ...}`` or ``{"offset": ...}``)."""
        if self._contract.has("offset_paging"):
            return _offset_pages(lambda offset: list_page({"offset": offset} if offset else {}), items, has_more)
        return _cursor_pages(lambda cursor: list_page({"starting_after": cursor} if cursor else {}), items, has_more,
                             cursor_of)

    # -- requests -----------------------------------------------------------------------------------
    def _call(self, kwargs: Mapping[str, Any], *, auth: str, headers: Mapping[str, str] | None = None,
              retry_safe: bool | None = None, ok: tuple[int, ...] = ()) -> Flow[httpx.Response]:
        """Send what a generated ``_get_kwargs`` built; ``auth`` is none/key/bearer/optional."""
        if auth == "bearer":
            self._client._tokens.require()  # no token stored: a clear error, nothing sent
        merged = dict(kwargs.get("headers") or {})
        if headers:
            merged.update(headers)
        response: httpx.Response = yield from self._client._request(
            kwargs["method"], kwargs["url"], params=kwargs.get("params"), json=kwargs.get("json"),
            headers=merged or None, retry_safe=retry_safe, ok=ok, errors=self._errors,
            extensions={AUTH_EXTENSION: auth},
        )
        if response.is_redirect:  # no SPAPS contract answers 3xx: usually the other contract's path
            raise self._redirected(response)
        return response

    def _redirected(self, response: httpx.Response) -> Exception:
        location = response.headers.get("location")
        pinned = self._contract.version
        return self._errors.classify(response.status_code)(
            f"SPAPS answered {response.status_code} (a redirect{f' to {location}' if location else ''}), which no "
            f"SPAPS contract does: this server may speak another contract than the pinned api_version {pinned}",
            response=response, body=response.text, code="UNEXPECTED_REDIRECT",
            request_id=response.headers.get("x-request-id"))

    def _get_data(self, kwargs: Mapping[str, Any], *, auth: str = "bearer", **options: Any) -> Flow[dict[str, Any]]:
        resp = yield from self._call(kwargs, auth=auth, **options)
        return _data(_json(resp, self._errors))

    def _signed_in(self, resp: httpx.Response) -> AuthResult:
        """Parse an auth result and store its tokens (if any)."""
        tokens: TokenManager = self._client._tokens
        result = _auth_result(_json(resp, self._errors), tokens.clock(), nested=self._contract.has("nested_auth"))
        if result.access_token:
            tokens.save(StoredTokens(result.access_token, result.refresh_token, result.expires_at, result.token_type))
        return result

    def _signed_in_or_challenge(self, resp: httpx.Response) -> AuthResult | MfaChallenge:
        """A sign-in answer: tokens (stored), or on 2026-10 an MFA challenge (nothing stored)."""
        if self._contract.has("mfa"):
            body = _json(resp, self._errors)
            data = _data(body)
            if data.get("mfa_required") is True:
                challenge = data.get("challenge")
                register_secret(challenge if isinstance(challenge, str) else None)
                return dataclasses.replace(MfaChallenge.from_dict(data), message=_message(body))
        return self._signed_in(resp)


# --- auth -------------------------------------------------------------------------------------------
class _AuthOps(_Ops):
    _errors = AUTH_ERRORS
    _resource = "auth"

    @operation
    def request_nonce(self, wallet_address: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[NonceResult]:
        """``POST /api/auth/nonce``: the message the wallet must sign (``chain_type`` on the wire)."""
        gen = self._gen("request_nonce")
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        body = self._model("NonceRequest", wallet_address=v.wallet_address(wallet_address),
                           chain_type=self._enum("NonceRequestChainType", chain_name))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="key")
        return NonceResult.from_dict(data)

    @operation
    def verify_wallet(self, wallet_address: str, signature: str, message: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/wallet-sign-in`` with the signed nonce message; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back and nothing is stored)."""
        gen = self._gen("wallet_sign_in", "verify_wallet")
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        register_secret(v.secret(signature, "signature"))
        body = self._model("WalletSignInRequest", wallet_address=address, signature=signature,
                           message=v.secret(message, "message"),
                           chain_type=self._enum("WalletSignInRequestChainType", chain_name))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in_or_challenge(resp)

    @operation
    def sign_in_with_password(self, email: str, password: str) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/login``; tokens are stored (2026-10: or an :class:`MfaChallenge`
        comes back and nothing is stored)."""
        gen = self._gen("sign_in_with_password")
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        resp = yield from self._call(gen._get_kwargs(body=self._model("LoginRequest", email=address, password=password)),
                                     auth="key")
        return self._signed_in_or_challenge(resp)

    @operation
    def refresh_tokens(self, refresh_token: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/refresh`` (the stored refresh token by default); new tokens are stored.

        Refresh happens automatically when the stored access token expires or is rejected; call
        this only to rotate on your own schedule. An answer without a new refresh token keeps
        the one used.
        """
        gen = self._gen("refresh_tokens")
        if refresh_token is None:
            stored = self._client._tokens.require()
            if not stored.refresh_token:
                raise NotSignedInError("no refresh token stored: sign in again")
            refresh_token = stored.refresh_token
        register_secret(v.secret(refresh_token, "refresh_token"))
        resp = yield from self._call(gen._get_kwargs(body=self._model("RefreshRequest", refresh_token=refresh_token)),
                                     auth="key")
        result = _auth_result(_json(resp, self._errors), self._client._tokens.clock(),
                              nested=self._contract.has("nested_auth"))
        if result.access_token:
            self._client._tokens.save(StoredTokens(result.access_token, result.refresh_token or refresh_token,
                                                   result.expires_at, result.token_type))
        return result

    @operation
    def register(self, email: str, password: str, username: str | None = None, phone_number: str | None = None, *,
                 ref: str | None = None, referral_click_id: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/register`` (201). With auto-login the tokens are stored; when email
        confirmation is needed ``result.signed_in`` is False and ``result.user`` is set.
        ``ref`` / ``referral_click_id`` (2026-10): the referral the user arrived with."""
        gen = self._gen("register")
        self._feature("auth_extras", "register", ref=ref, referral_click_id=referral_click_id)
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        body = self._model("RegisterRequest", email=address, password=password,
                           username=v.optional_text(username, "username", max_length=200),
                           phone_number=v.optional_text(phone_number, "phone_number", max_length=40),
                           ref=v.optional_text(ref, "ref", max_length=200),
                           referral_click_id=v.optional_text(referral_click_id, "referral_click_id", max_length=200))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in(resp)

    @operation
    def send_magic_link(self, email: str, *, confirm_url: str | None = None) -> Flow[EmailSent]:
        """``POST /api/auth/magic-link``: email a sign-in link (2026-10: ``confirm_url`` is the
        landing page the link points at)."""
        gen = self._gen("send_magic_link")
        self._feature("auth_extras", "send_magic_link", confirm_url=confirm_url)
        body = self._model("MagicLinkRequest", email=v.email(email), confirm_url=v.optional_url(confirm_url, "confirm_url"))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def verify_magic_link(self, token: str, type: str = "magiclink", *,
                          state: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/verify-magic-link``: exchange the link's token; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back; ``state`` is echoed to the server)."""
        gen = self._gen("verify_magic_link")
        self._feature("auth_extras", "verify_magic_link", state=state)
        register_secret(v.secret(token, "token"))
        body = self._model("VerifyMagicLinkRequest", token=token, type_=v.text(type, "type", max_length=40),
                           state=v.optional_text(state, "state", max_length=2048))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in_or_challenge(resp)

    @operation
    def set_password(self, new_password: str, current_password: str | None = None) -> Flow[MessageResult]:
        """(2026-10) ``POST /api/auth/set-password``: set a first password (wallet or magic-link
        users) or change it (``current_password`` required then). The user's other sessions are
        revoked; this client stays signed in."""
        gen = self._gen("set_password")
        register_secret(v.secret(new_password, "new_password"))
        if current_password is not None:
            register_secret(v.secret(current_password, "current_password"))
        body = self._model("SetPasswordRequest", new_password=new_password, current_password=current_password)
        resp = yield from self._call(gen._get_kwargs(body=body), auth="bearer")
        body_json = _json(resp, self._errors)
        return MessageResult(message=_message(body_json), raw=body_json if isinstance(body_json, dict) else {})

    @operation
    def get_current_user(self) -> Flow[CurrentUser]:
        """``GET /api/auth/user``: the signed-in user's profile."""
        gen = self._gen("get_current_user")
        data = yield from self._get_data(gen._get_kwargs())
        user = data.get("user")
        return CurrentUser.from_dict(user if isinstance(user, dict) else data)

    @operation
    def sign_out(self) -> Flow[MessageResult]:
        """``POST /api/auth/logout``, then forget the stored tokens (locally even if it fails)."""
        gen = self._gen("logout", "sign_out")
        tokens: TokenManager = self._client._tokens
        if tokens.current() is None:
            return MessageResult(message="not signed in")
        try:
            resp = yield from self._call(gen._get_kwargs(), auth="bearer")
        finally:
            tokens.clear()
        body = _json(resp, self._errors)
        return MessageResult(message=_message(body), raw=body if isinstance(body, dict) else {})

    @operation
    def logout(self) -> Flow[MessageResult]:
        """The 0.1.4 name of :meth:`sign_out`."""
        return (yield from type(self).sign_out.fn(self))

    @operation
    def request_password_reset(self, email: str, redirect_url: str | None = None) -> Flow[EmailSent]:
        """``POST /api/auth/password-reset`` (same answer whether or not the account exists)."""
        gen = self._gen("request_password_reset")
        body = self._model("PasswordResetRequest", email=v.email(email),
                           redirect_url=v.optional_url(redirect_url, "redirect_url"))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def confirm_password_reset(self, token: str, new_password: str) -> Flow[MessageResult]:
        """``POST /api/auth/reset-password-confirm``."""
        gen = self._gen("confirm_password_reset")
        register_secret(v.secret(token, "token"))
        register_secret(v.secret(new_password, "new_password"))
        body = self._model("ConfirmPasswordResetRequest", token=token, new_password=new_password)
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        body_json = _json(resp, self._errors)
        return MessageResult(message=_message(body_json), raw=body_json if isinstance(body_json, dict) else {})

    # -- local (no HTTP) ------------------------------------------------------------------------------
    def get_stored_tokens(self) -> StoredTokens | None:
        """The tokens in the store (0.1.4 name)."""
        stored: StoredTokens | None = self._client._tokens.current()
        return stored

    def clear_stored_tokens(self) -> None:
        """Forget the stored tokens without calling the server (0.1.4 name)."""
        self._client._tokens.clear()


def _email_sent(body: Any) -> EmailSent:
    data = _data(body)
    return EmailSent(message=_message(body), email=data.get("email") if isinstance(data.get("email"), str) else None,
                     sent_at=data.get("sent_at") if isinstance(data.get("sent_at"), str) else None,
                     raw=body if isinstance(body, dict) else {})


class SyncAuth(_AuthOps, SyncResource):
    pass


class AsyncAuth(_AuthOps, AsyncResource):
    pass


# --- sessions -------------------------------------------------------------------------------------------
class _SessionsOps(_Ops):
    _errors = SESSION_ERRORS
    _resource = "sessions"

    @operation
    def get_current_session(self) -> Flow[CurrentSession]:
        """``GET /api/sessions/current`` (``current.session_id``)."""
        gen = self._gen("get_current_session")
        data = yield from self._get_data(gen._get_kwargs())
        return CurrentSession.from_dict(_unwrap(data, "session"))

    @operation
    def validate_session(self) -> Flow[SessionValidation]:
        """``POST /api/sessions/validate`` (403 ``SESSION_REVOKED`` for a revoked session;
        2026-10 adds ``reason``, ``session`` and ``authority``)."""
        gen = self._gen("validate_session")
        data = yield from self._get_data(gen._get_kwargs(body=self._model("EmptyRequest")))
        return SessionValidation.from_dict(data)

    @operation
    def list_sessions(self, limit: int | None = None, starting_after: str | None = None, *,
                      offset: int | None = None) -> Flow[SessionList]:
        """``GET /api/sessions`` (2025-11, ``starting_after``) or ``GET /api/sessions/`` (2026-10,
        ``offset``): one page (see :meth:`iter_sessions` for all)."""
        gen = self._gen("list_sessions")
        page = self._page("list_sessions", starting_after=starting_after, offset=offset)
        data = yield from self._get_data(gen._get_kwargs(**_drop_none(limit=v.limit(limit)), **page))
        return SessionList.from_dict(data)

    @paginated
    def iter_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[SessionSummary]:
        """Every session, page after page."""
        list_page = type(self).list_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, **page), lambda p: p.sessions,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def touch_session(self) -> Flow[TouchResult]:
        """``POST /api/sessions/touch``: record activity."""
        gen = self._gen("touch_session")
        data = yield from self._get_data(gen._get_kwargs(body=self._model("EmptyRequest")))
        return TouchResult.from_dict(data)

    @operation
    def revoke_session(self, session_id: str) -> Flow[RevokeResult]:
        """``DELETE /api/sessions/{session_id}`` (404 ``SESSION_NOT_FOUND``; 2026-10 answers 204)."""
        gen = self._gen("revoke_session")
        ident = v.ident(session_id, "session_id")
        data = yield from self._get_data(gen._get_kwargs(ident))
        result = RevokeResult.from_dict(data)
        return result if result.session_id else RevokeResult(message=result.message, session_id=ident, raw=data)


class SyncSessions(_SessionsOps, SyncResource):
    pass


class AsyncSessions(_SessionsOps, AsyncResource):
    pass


# --- crypto invoices ----------------------------------------------------------------------------------
class _CryptoOps(_Ops):
    _errors = CRYPTO_ERRORS
    _resource = "payments.crypto"

    @operation
    def create_invoice(self, asset: str, network: str, amount: str | int | Any,
                       expires_in_seconds: int | None = None, beneficiary: Mapping[str, Any] | None = None,
                       metadata: Mapping[str, Any] | None = None, *,
                       idempotency_key: str | None = None) -> Flow[CryptoInvoice]:
        """``POST /api/payments/crypto/invoices`` (``amount`` is a decimal string, e.g. ``"12.50"``).

        2026-10: with ``idempotency_key`` (sent as ``Idempotency-Key``) a repeat returns the
        original invoice, so the call is retried safely; reusing the key for a different
        invoice is 409 (``CryptoPaymentsError`` / ``paywire.ConflictError``).
        """
        gen = self._gen("create_crypto_invoice", "create_invoice")
        self._feature("idempotency_header", "create_invoice", idempotency_key=idempotency_key)
        key = None if idempotency_key is None else _idempotency_key(idempotency_key)
        body = self._model(
            "CreateCryptoInvoiceRequest",
            asset=v.text(asset, "asset", max_length=32).strip(), network=v.text(network, "network", max_length=64).strip(),
            amount=v.decimal_amount(amount),
            expires_in_seconds=v.optional_integer(expires_in_seconds, "expires_in_seconds", minimum=1),
            beneficiary=self._meta(v.metadata(beneficiary, "beneficiary")), metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body, **_drop_none(idempotency_key=key)),
                                         retry_safe=True if key is not None else None)
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice(self, invoice_id: str) -> Flow[CryptoInvoice]:
        """``GET /api/payments/crypto/invoices/{invoice_id}``."""
        gen = self._gen("get_crypto_invoice", "get_invoice")
        data = yield from self._get_data(gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice_status(self, invoice_id: str) -> Flow[CryptoInvoiceStatus]:
        """``GET /api/payments/crypto/invoices/{invoice_id}/status``."""
        gen = self._gen("get_crypto_invoice_status", "get_invoice_status")
        data = yield from self._get_data(gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoiceStatus.from_dict(data)

    @operation
    def reconcile(self, cursor: Mapping[str, Any] | None = None, recon_token: str | None = None) -> Flow[ReconcileJob]:
        """``POST /api/payments/crypto/reconcile`` (``X-Recon-Token`` when given)."""
        gen = self._gen("reconcile_crypto_payments", "reconcile")
        if recon_token is not None:
            register_secret(v.secret(recon_token, "recon_token"))
        body = self._model("ReconcileRequest", cursor=self._meta(v.metadata(cursor, "cursor")))
        data = yield from self._get_data(gen._get_kwargs(body=body, **_drop_none(x_recon_token=recon_token)))
        return ReconcileJob.from_dict(data)


def _idempotency_key(supplied: str) -> str:
    return idempotency_key(supplied)


class SyncCrypto(_CryptoOps, SyncResource):
    pass


class AsyncCrypto(_CryptoOps, AsyncResource):
    pass


# --- payments (legacy /api/payments and /api/stripe) ------------------------------------------------------
class _PaymentsOps(_Ops):
    _errors = PAYMENTS_ERRORS
    _resource = "payments"
    crypto = resource(SyncCrypto, AsyncCrypto)

    # -- checkout creation -------------------------------------------------------------------------
    @operation
    def create_checkout_session(
        self, price_id: str | None = None, mode: str | None = None, success_url: str | None = None,
        cancel_url: str | None = None, metadata: Mapping[str, Any] | None = None,
        require_legal_consent: bool | None = None, legal_consent_text: str | None = None, *,
        line_items: Sequence[Mapping[str, Any]] | None = None, customer_email: str | None = None,
        client_reference_id: str | None = None, allow_promotion_codes: bool | None = None,
        trial_period_days: int | None = None,
    ) -> Flow[CheckoutSession]:
        """Create a checkout session for the signed-in user (``checkout.checkout_url``).

        2025-11: ``POST /api/payments/create-checkout-session`` with ``price_id``. 2026-10:
        ``POST /api/stripe/checkout-sessions`` with ``line_items=[{price_id, quantity}]``; the
        seed's ``price_id=`` becomes one item of quantity 1. ``mode``, ``success_url`` and
        ``cancel_url`` are required. The result has ``session_id``/``checkout_url`` and
        ``id``/``url`` whichever pair the server sent.
        """
        gen = self._gen("create_checkout_session")
        method = "create_checkout_session"
        self._feature("checkout_line_items", method, line_items=line_items, customer_email=customer_email,
                      client_reference_id=client_reference_id, allow_promotion_codes=allow_promotion_codes,
                      trial_period_days=trial_period_days)
        if price_id is not None and line_items is not None:
            raise ValidationError("pass either price_id or line_items, not both", field="line_items")
        fields: dict[str, Any] = {
            "mode": self._enum("CreateCheckoutSessionRequestMode", v.mode(_required(mode, "mode"))),
            "success_url": v.url(_required(success_url, "success_url"), "success_url"),
            "cancel_url": v.url(_required(cancel_url, "cancel_url"), "cancel_url"),
            "metadata": self._meta(v.metadata(metadata)),
            "require_legal_consent": v.optional_boolean(require_legal_consent, "require_legal_consent"),
            "legal_consent_text": v.optional_text(legal_consent_text, "legal_consent_text", max_length=120),
        }
        if self._contract.has("checkout_line_items"):
            items = v.line_items(line_items if line_items is not None
                                 else [{"price_id": _required(price_id, "price_id", " (or line_items)")}])
            fields.update(
                line_items=[self._model("LineItem", **item) for item in items],
                customer_email=v.optional_email(customer_email, "customer_email"),
                client_reference_id=v.optional_text(client_reference_id, "client_reference_id", max_length=200),
                allow_promotion_codes=v.optional_boolean(allow_promotion_codes, "allow_promotion_codes"),
                trial_period_days=v.optional_integer(trial_period_days, "trial_period_days", minimum=1))
        else:
            fields["price_id"] = v.ident(_required(price_id, "price_id"), "price_id")
        body = self._model("CreateCheckoutSessionRequest", **fields)
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return CheckoutSession.from_dict(data)

    # -- legacy /api/payments (2025-11 only) ---------------------------------------------------------
    @operation
    def get_balance(self) -> Flow[Balance]:
        """(2025-11) ``GET /api/payments/balance``."""
        gen = self._gen("get_balance")
        data = yield from self._get_data(gen._get_kwargs())
        return Balance.from_dict(data)

    @operation
    def create_payment_intent(self, amount: int, currency: str, payment_method_types: Sequence[str] | None = None,
                              metadata: Mapping[str, Any] | None = None) -> Flow[PaymentIntent]:
        """(2025-11) ``POST /api/payments/create-payment-intent`` (``amount`` in minor units, an int >= 1)."""
        gen = self._gen("create_payment_intent")
        types_: list[str] | None = None
        if payment_method_types is not None:
            if isinstance(payment_method_types, str):
                raise ValidationError("payment_method_types must be a list of strings", field="payment_method_types")
            types_ = [v.text(t, "payment_method_types[]") for t in payment_method_types]
        body = self._model("CreatePaymentIntentRequest", amount=v.integer(amount, "amount", minimum=1),
                           currency=v.currency(currency), payment_method_types=types_,
                           metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        register_secret(data.get("client_secret") if isinstance(data.get("client_secret"), str) else None)
        return PaymentIntent.from_dict(data)

    @operation
    def update_payment_method(self, payment_method_id: str, set_default: bool | None = None) -> Flow[PaymentMethodResult]:
        """(2025-11) ``POST /api/payments/update-payment-method``."""
        gen = self._gen("update_payment_method")
        body = self._model("UpdatePaymentMethodRequest", payment_method_id=v.ident(payment_method_id, "payment_method_id"),
                           set_default=v.optional_boolean(set_default, "set_default"))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return PaymentMethodResult.from_dict(data)

    @operation
    def wallet_deposit(self, wallet_address: str, chain_type: str, transaction_id: str, amount: float,
                       currency: str, tier: str | None = None) -> Flow[WalletDeposit]:
        """(2025-11) ``POST /api/payments/wallet-deposit``: report an on-chain deposit."""
        gen = self._gen("create_wallet_deposit", "wallet_deposit")
        body = self._model(
            "WalletDepositRequest", wallet_address=v.wallet_address(wallet_address),
            chain_type=v.chain(chain_type, "chain_type"), transaction_id=v.ident(transaction_id, "transaction_id"),
            amount=v.positive_number(amount, "amount"), currency=v.currency(currency),
            tier=v.optional_text(tier, "tier", max_length=64))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return WalletDeposit.from_dict(data)

    @operation
    def get_wallet_transaction(self, transaction_id: str) -> Flow[WalletTransaction]:
        """(2025-11) ``GET /api/payments/wallet-transaction/{transaction_id}``: a deposit's status."""
        gen = self._gen("get_wallet_transaction")
        data = yield from self._get_data(gen._get_kwargs(v.ident(transaction_id, "transaction_id")))
        return WalletTransaction.from_dict(data)

    # -- checkout sessions ------------------------------------------------------------------------------
    @operation
    def get_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/checkout-sessions/{session_id}``."""
        gen = self._gen("get_checkout_session")
        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id")))
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None, *,
                               offset: int | None = None) -> Flow[CheckoutSessionList]:
        """``GET /api/stripe/checkout-sessions``: one page (``starting_after`` on 2025-11,
        ``offset`` on 2026-10)."""
        gen = self._gen("list_checkout_sessions")
        page = self._page("list_checkout_sessions", starting_after=starting_after, offset=offset)
        data = yield from self._get_data(gen._get_kwargs(**_drop_none(limit=v.limit(limit)), **page))
        return CheckoutSessionList.from_dict(data)

    @paginated
    def iter_checkout_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[CheckoutSessionSummary]:
        """Every checkout session of the user, page after page."""
        list_page = type(self).list_checkout_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, **page), lambda p: p.sessions,
                           lambda p, found: _more(p.has_more, found, page_size),
                           lambda p, found: p.next_cursor or found[-1].id)

    @operation
    def expire_checkout_session(self, session_id: str) -> Flow[ExpireResult]:
        """``POST /api/stripe/checkout-sessions/{session_id}/expire``."""
        gen = self._gen("expire_checkout_session")
        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id"),
                                                         body=self._model("EmptyRequest")))
        return ExpireResult.from_dict(data)

    # -- guest checkout (API key only) ---------------------------------------------------------------------
    @operation
    def create_guest_checkout_session(
        self, customer_email: str, mode: str, line_items: Sequence[Mapping[str, Any]], success_url: str,
        cancel_url: str, metadata: Mapping[str, str] | None = None, client_reference_id: str | None = None,
        payment_intent_data: Mapping[str, Any] | None = None, subscription_data: Mapping[str, Any] | None = None,
        allow_promotion_codes: bool | None = None, locale: str | None = None, *,
        idempotency_key: str | None = None, prepared_journey_id: str | None = None,
        trial_period_days: int | None = None,
    ) -> Flow[GuestCheckoutSession]:
        """``POST /api/stripe/guest-checkout-sessions`` (no user token needed; ``guest.id``, ``guest.url``).

        2026-10: with ``idempotency_key`` (sent as ``Idempotency-Key``) a repeat returns the
        original session, so the call is retried safely; reusing the key for a different
        request is 409 (``PaymentsError`` / ``paywire.ConflictError``). Also
        ``prepared_journey_id`` and ``trial_period_days``.
        """
        gen = self._gen("create_guest_checkout_session")
        self._feature("idempotency_header", "create_guest_checkout_session", idempotency_key=idempotency_key,
                      prepared_journey_id=prepared_journey_id, trial_period_days=trial_period_days)
        key = None if idempotency_key is None else _idempotency_key(idempotency_key)
        items = [self._model("LineItem", **item) for item in v.line_items(line_items)]
        body = self._model(
            "CreateGuestCheckoutSessionRequest",
            customer_email=v.email(customer_email, "customer_email"),
            mode=self._enum("CreateGuestCheckoutSessionRequestMode", v.mode(mode)), line_items=items,
            success_url=v.url(success_url, "success_url"), cancel_url=v.url(cancel_url, "cancel_url"),
            metadata=self._meta(v.string_map(metadata), "StringMap"),
            client_reference_id=v.optional_text(client_reference_id, "client_reference_id", max_length=200),
            payment_intent_data=self._meta(v.metadata(payment_intent_data, "payment_intent_data")),
            subscription_data=self._meta(v.metadata(subscription_data, "subscription_data")),
            allow_promotion_codes=v.optional_boolean(allow_promotion_codes, "allow_promotion_codes"),
            locale=v.optional_text(locale, "locale", max_length=16),
            prepared_journey_id=v.optional_text(prepared_journey_id, "prepared_journey_id", max_length=200),
            trial_period_days=v.optional_integer(trial_period_days, "trial_period_days", minimum=1))
        data = yield from self._get_data(gen._get_kwargs(body=body, **_drop_none(idempotency_key=key)), auth="key",
                                         retry_safe=True if key is not None else None)
        return GuestCheckoutSession.from_dict(data)

    @operation
    def get_guest_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/guest-checkout-sessions/{session_id}`` (``guest_detail.payment_status``)."""
        gen = self._gen("get_guest_checkout_session")
        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id")), auth="key")
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_guest_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None,
                                     customer_email: str | None = None, *,
                                     offset: int | None = None) -> Flow[GuestCheckoutSessionList]:
        """``GET /api/stripe/guest-checkout-sessions``: one page."""
        gen = self._gen("list_guest_checkout_sessions")
        page = self._page("list_guest_checkout_sessions", starting_after=starting_after, offset=offset)
        kwargs = gen._get_kwargs(**_drop_none(limit=v.limit(limit),
                                              customer_email=v.optional_email(customer_email, "customer_email")), **page)
        data = yield from self._get_data(kwargs, auth="key")
        return GuestCheckoutSessionList.from_dict(data)

    @paginated
    def iter_guest_checkout_sessions(self, *, customer_email: str | None = None,
                                     page_size: int = PAGE_SIZE) -> PageFetch[GuestCheckoutSessionSummary]:
        """Every guest checkout session of the application, page after page."""
        list_page = type(self).list_guest_checkout_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, customer_email=customer_email, **page),
                           lambda p: p.sessions, lambda p, found: _more(p.has_more, found, page_size),
                           lambda p, found: found[-1].session_id)

    @operation
    def convert_guest_checkout_session(self, session_id: str, email: str, password: str | None = None,
                                       send_magic_link: bool | None = None) -> Flow[GuestConversion]:
        """``POST /api/stripe/guest-checkout-sessions/convert``: make the guest a user."""
        gen = self._gen("convert_guest_checkout_session")
        if password is not None:
            register_secret(v.secret(password, "password"))
        body = self._model("ConvertGuestCheckoutRequest", session_id=v.ident(session_id, "session_id"),
                           email=v.email(email), password=password,
                           send_magic_link=v.optional_boolean(send_magic_link, "send_magic_link"))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="key")
        return GuestConversion.from_dict(data)

    # -- catalogue ------------------------------------------------------------------------------------------
    @operation
    def list_products(self, category: str | None = None, active: bool | None = None, limit: int | None = None,
                      starting_after: str | None = None, mode: str | None = None, *,
                      offset: int | None = None) -> Flow[ProductList]:
        """``GET /api/stripe/products``: one page (``catalog.products``)."""
        gen = self._gen("list_products")
        page = self._page("list_products", starting_after=starting_after, offset=offset)
        kwargs = gen._get_kwargs(**_drop_none(category=v.optional_text(category, "category", max_length=100),
                                              active=v.optional_boolean(active, "active"), limit=v.limit(limit),
                                              mode=None if mode is None else v.mode(mode)), **page)
        data = yield from self._get_data(kwargs)
        return ProductList.from_dict(data)

    @paginated
    def iter_products(self, *, category: str | None = None, active: bool | None = None, mode: str | None = None,
                      page_size: int = PAGE_SIZE) -> PageFetch[Product]:
        """Every product, page after page (stops at ``total`` or a short page)."""
        list_page = type(self).list_products.fn
        seen: list[int] = [0]

        def more(page: ProductList, found: Sequence[Product]) -> bool:
            seen[0] += len(found)
            has_more = page.raw.get("has_more")
            if isinstance(has_more, bool):
                return has_more
            return len(found) >= page_size and (page.total is None or seen[0] < page.total)

        return self._pages(lambda page: list_page(self, category, active, page_size, mode=mode, **page),
                           lambda p: p.products, more, lambda p, found: found[-1].id)

    @operation
    def get_product(self, product_id: str, include_prices: bool = True) -> Flow[Product]:
        """``GET /api/stripe/products/{product_id}`` (``include_prices=false`` is sent only when off)."""
        gen = self._gen("get_product")
        flag = v.boolean(include_prices, "include_prices")
        kwargs = gen._get_kwargs(v.ident(product_id, "product_id"), **_drop_none(include_prices=None if flag else False))
        data = yield from self._get_data(kwargs)
        return Product.from_dict(_unwrap(data, "product"))

    # -- subscriptions ----------------------------------------------------------------------------------------
    @operation
    def list_subscriptions(self, status: str | None = None, limit: int | None = None,
                           starting_after: str | None = None, *, offset: int | None = None) -> Flow[SubscriptionList]:
        """``GET /api/stripe/subscriptions``: one page (``subs.subscriptions``)."""
        gen = self._gen("list_subscriptions")
        page = self._page("list_subscriptions", starting_after=starting_after, offset=offset)
        kwargs = gen._get_kwargs(**_drop_none(status=v.optional_text(status, "status", max_length=40),
                                              limit=v.limit(limit)), **page)
        data = yield from self._get_data(kwargs)
        return SubscriptionList.from_dict(data)

    @paginated
    def iter_subscriptions(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[Subscription]:
        """Every subscription of the user, page after page."""
        list_page = type(self).list_subscriptions.fn
        return self._pages(lambda page: list_page(self, status, page_size, **page), lambda p: p.subscriptions,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_subscription(self, subscription_id: str) -> Flow[Subscription]:
        """``GET /api/stripe/subscription/{subscription_id}`` (``detail.plan.interval``)."""
        gen = self._gen("get_subscription")
        data = yield from self._get_data(gen._get_kwargs(v.ident(subscription_id, "subscription_id")))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def update_subscription(self, subscription_id: str, price_id: str) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/update``: switch to ``price_id``."""
        gen = self._gen("update_subscription")
        kwargs = gen._get_kwargs(v.ident(subscription_id, "subscription_id"),
                                 body=self._model("UpdateSubscriptionRequest", price_id=v.ident(price_id, "price_id")))
        data = yield from self._get_data(kwargs)
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def cancel_subscription(self, subscription_id: str, immediately: bool | None = None) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/cancel`` (now, or at period end)."""
        gen = self._gen("cancel_subscription")
        body = self._model("CancelSubscriptionRequest", immediately=v.optional_boolean(immediately, "immediately"))
        data = yield from self._get_data(gen._get_kwargs(v.ident(subscription_id, "subscription_id"), body=body))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    # -- payment history ----------------------------------------------------------------------------------------
    @operation
    def list_payment_history(self, limit: int | None = None, starting_after: str | None = None,
                             ending_before: str | None = None, status: str | None = None, *,
                             offset: int | None = None) -> Flow[PaymentHistory]:
        """``GET /api/stripe/history``: one page (``history.payments``)."""
        gen = self._gen("list_payment_history")
        page = self._page("list_payment_history", starting_after=starting_after, ending_before=ending_before,
                          offset=offset)
        kwargs = gen._get_kwargs(**_drop_none(limit=v.limit(limit),
                                              status=v.optional_text(status, "status", max_length=40)), **page)
        data = yield from self._get_data(kwargs)
        return PaymentHistory.from_dict(data)

    @paginated
    def iter_payment_history(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[PaymentRecord]:
        """Every payment of the user, newest first, page after page."""
        list_page = type(self).list_payment_history.fn
        return self._pages(lambda page: list_page(self, page_size, status=status, **page), lambda p: p.payments,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_payment_detail(self, payment_id: str) -> Flow[PaymentRecord]:
        """``GET /api/stripe/payment/{payment_id}`` (``detail.metadata``)."""
        gen = self._gen("get_payment_detail")
        data = yield from self._get_data(gen._get_kwargs(v.ident(payment_id, "payment_id")))
        return PaymentRecord.from_dict(_unwrap(data, "payment"))


class SyncPayments(_PaymentsOps, SyncResource):
    pass


class AsyncPayments(_PaymentsOps, AsyncResource):
    pass


# --- usage ------------------------------------------------------------------------------------------------
class _UsageOps(_Ops):
    _errors = USAGE_ERRORS
    _resource = "usage"

    @property
    def _usage_auth(self) -> str:
        """2026-10 usage calls work with the API key alone (the bearer is added when stored)."""
        return "optional" if self._contract.has("usage_authorization") else "bearer"

    def _resource_type(self, value: Any, field: str = "resource_type", *, required: bool = True) -> Any:
        if value is None and not required:
            return None
        if value not in RESOURCE_TYPES:
            raise ValidationError(f"{field} must be one of {', '.join(RESOURCE_TYPES)}, got {value!r}", field=field)
        return self._enum("UsageResourceType", str(value))

    @operation
    def get_features(self) -> Flow[UsageFeatures]:
        """``GET /api/usage/features``: this period's usage per feature."""
        gen = self._gen("get_usage_features", "get_features")
        data = yield from self._get_data(gen._get_kwargs())
        return UsageFeatures.from_dict(data)

    @operation
    def authorize_usage(self, feature_key: str, resource_type: str, *, resource_id: str | None = None,
                        subject_user_id: str | None = None, dimensions: Mapping[str, float] | None = None,
                        metadata: Mapping[str, Any] | None = None) -> Flow[UsageAuthorization]:
        """(2026-10) ``POST /api/usage/authorize``: may this work run? Phase 1 of 2.

        ``resource_type`` is ``user``, ``company``, ``org`` or ``system``; ``dimensions`` the
        amounts the work expects to use (``{"calls": 1}``). A blocked decision is an answer
        (``result.allowed`` is False), not an error. Quote ``result.authorization_ref`` in
        :meth:`record_usage` before ``result.expires_at``.
        """
        gen = self._gen("authorize_usage")
        body = self._model(
            "UsageAuthorizeRequest", feature_key=v.text(feature_key, "feature_key", max_length=200).strip(),
            resource_type=self._resource_type(resource_type),
            resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
            subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
            dimensions=None if dimensions is None else self._meta(_numbers(dimensions, "dimensions"), "Dimensions"),
            metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth=self._usage_auth)
        return UsageAuthorization.from_dict(data)

    @operation
    def record_usage(self, feature: str | None = None, quantity: float | None = None,
                     metadata: Mapping[str, Any] | None = None, timestamp: Any = None,
                     idempotency_key: str | None = None, *, authorization_ref: str | None = None,
                     feature_key: str | None = None, resource_type: str | None = None,
                     dimensions: Mapping[str, float] | None = None, resource_id: str | None = None,
                     subject_user_id: str | None = None, occurred_at: Any = None) -> Flow[UsageRecord]:
        """``POST /api/usage/record``; idempotent by ``idempotency_key`` (yours, or a fresh uuid4
        per call), so a retried request never counts twice and the call is retried on 429/5xx
        and dropped connections.

        * 2025-11: ``record_usage(feature=..., quantity=..., metadata=None, timestamp=None,
          idempotency_key=None)``; the key goes in ``X-Idempotency-Key``.
        * 2026-10: ``record_usage(authorization_ref=..., feature_key=..., resource_type=...,
          dimensions={...}, idempotency_key=None, resource_id=None, subject_user_id=None,
          metadata=None, occurred_at=None)`` after :meth:`authorize_usage`; the key goes in the
          body; a replay answers ``status="replayed"``.

        The other version's arguments raise :class:`UnsupportedOperationError` naming it.
        """
        gen = self._gen("record_usage")
        self._feature("legacy_usage", "record_usage", feature=feature, quantity=quantity, timestamp=timestamp)
        self._feature("usage_authorization", "record_usage", authorization_ref=authorization_ref,
                      feature_key=feature_key, resource_type=resource_type, dimensions=dimensions,
                      resource_id=resource_id, subject_user_id=subject_user_id, occurred_at=occurred_at)
        key = idempotency_key_for(idempotency_key)
        if self._contract.has("usage_authorization"):
            why = " (record_usage on api_version 2026-10 quotes usage.authorize_usage())"
            body = self._model(
                "RecordUsageRequest",
                authorization_ref=v.ident(_required(authorization_ref, "authorization_ref", why), "authorization_ref"),
                idempotency_key=key,
                feature_key=v.text(_required(feature_key, "feature_key", why), "feature_key", max_length=200).strip(),
                resource_type=self._resource_type(_required(resource_type, "resource_type", why)),
                dimensions=self._meta(_numbers(_required(dimensions, "dimensions", why), "dimensions"), "Dimensions"),
                resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
                metadata=self._meta(v.metadata(metadata)), occurred_at=_iso(occurred_at, "occurred_at"))
            kwargs = gen._get_kwargs(body=body)
        else:
            why = " (record_usage(feature=..., quantity=...) on api_version 2025-11)"
            body = self._model(
                "RecordUsageRequest", feature=v.text(_required(feature, "feature", why), "feature", max_length=200).strip(),
                quantity=v.positive_number(_required(quantity, "quantity", why), "quantity"),
                metadata=self._meta(v.metadata(metadata)), timestamp=v.timestamp(timestamp))
            kwargs = gen._get_kwargs(body=body, x_idempotency_key=key)
        data = yield from self._get_data(kwargs, auth=self._usage_auth, retry_safe=True)
        return UsageRecord.from_dict(data)

    @operation
    def get_status(self, feature_key: str, resource_type: str, resource_id: str | None = None,
                   subject_user_id: str | None = None) -> Flow[UsageStatus]:
        """(2026-10) ``GET /api/usage/status``: the current decision and window totals for a
        feature and resource; records nothing."""
        gen = self._gen("get_usage_status", "get_status")
        kwargs = gen._get_kwargs(
            feature_key=v.text(feature_key, "feature_key", max_length=200).strip(),
            resource_type=self._resource_type(resource_type),
            **_drop_none(resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                         subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id")))
        data = yield from self._get_data(kwargs, auth=self._usage_auth)
        return UsageStatus.from_dict(data)

    @operation
    def get_history(self, period: str | None = None, start_date: Any = None, end_date: Any = None,
                    feature: str | None = None, format: str | None = None, *, feature_key: str | None = None,
                    resource_type: str | None = None, resource_id: str | None = None,
                    subject_user_id: str | None = None, limit: int | None = None,
                    offset: int | None = None) -> Flow[UsageHistory]:
        """``GET /api/usage/history``.

        * 2025-11: aggregated by ``period`` between ``start_date`` and ``end_date`` (dates as
          ``datetime.date`` or ``"YYYY-MM-DD"``), per ``feature``; ``result.history``.
        * 2026-10: recorded events, newest first, filtered by ``feature_key``,
          ``resource_type``, ``resource_id``, ``subject_user_id``; one page of ``limit`` from
          ``offset`` (``result.events``, ``has_more``, ``next_offset``; :meth:`iter_history`
          reads them all).
        """
        gen = self._gen("get_usage_history", "get_history")
        self._feature("legacy_usage", "get_history", period=period, start_date=start_date, end_date=end_date,
                      feature=feature, format=format)
        self._feature("usage_authorization", "get_history", feature_key=feature_key, resource_type=resource_type,
                      resource_id=resource_id, subject_user_id=subject_user_id, limit=limit, offset=offset)
        if self._contract.has("usage_authorization"):
            kwargs = gen._get_kwargs(**_drop_none(
                feature_key=v.optional_text(feature_key, "feature_key", max_length=200),
                resource_type=self._resource_type(resource_type, required=False),
                resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
                limit=v.limit(limit), offset=v.optional_integer(offset, "offset", minimum=0)))
        else:
            kwargs = gen._get_kwargs(**_drop_none(
                period=v.optional_text(period, "period", max_length=20), start_date=v.date(start_date, "start_date"),
                end_date=v.date(end_date, "end_date"), feature=v.optional_text(feature, "feature", max_length=200),
                format_=v.optional_text(format, "format", max_length=20)))
        data = yield from self._get_data(kwargs, auth=self._usage_auth)
        return UsageHistory.from_dict(data)

    @paginated
    def iter_history(self, *, feature_key: str | None = None, resource_type: str | None = None,
                     resource_id: str | None = None, subject_user_id: str | None = None,
                     page_size: int = PAGE_SIZE) -> PageFetch[UsageEvent]:
        """(2026-10) Every recorded usage event, newest first, page after page (offset paging)."""
        require_method(self._contract, "usage.iter_history")
        get_page = type(self).get_history.fn
        return _offset_pages(
            lambda offset: get_page(self, feature_key=feature_key, resource_type=resource_type, resource_id=resource_id,
                                    subject_user_id=subject_user_id, limit=page_size, offset=offset or None),
            lambda p: p.events, lambda p, found: _more(p.has_more, found, page_size))


def idempotency_key_for(supplied: str | None) -> str:
    return idempotency_key(supplied)


class SyncUsage(_UsageOps, SyncResource):
    pass


class AsyncUsage(_UsageOps, AsyncResource):
    pass


# --- secure messages ----------------------------------------------------------------------------------------
class _SecureMessagesOps(_Ops):
    _errors = SECURE_MESSAGES_ERRORS
    _resource = "secure_messages"

    @property
    def _messages_auth(self) -> str:
        """2025-11: the bearer when one is stored; 2026-10: a bearer is required (the sender)."""
        return "bearer" if self._contract.has("pair_messages") else "optional"

    @operation
    def create_message(self, patient_id: str, practitioner_id: str, content: str,
                       metadata: Mapping[str, Any] | None = None, *,
                       client_message_id: str | None = None) -> Flow[SecureMessage]:
        """``POST /api/secure-messages`` (camelCase on the wire).

        2026-10: the signed-in user is the sender and must be one of the pair (403
        ``SECURE_MESSAGES_FORBIDDEN_PARTICIPANT`` otherwise); ``client_message_id`` makes a
        resend idempotent (and the call retry-safe); reusing it for a different message is 409
        ``SECURE_MESSAGES_IDEMPOTENCY_CONFLICT``. 2025-11: the bearer is added when signed in.
        """
        gen = self._gen("create_secure_message", "create_message")
        self._feature("pair_messages", "create_message", client_message_id=client_message_id)
        client_id = v.optional_text(client_message_id, "client_message_id", max_length=200)
        body = self._model("CreateSecureMessageRequest", patient_id=v.ident(patient_id, "patient_id"),
                           practitioner_id=v.ident(practitioner_id, "practitioner_id"),
                           content=v.secret(content, "content"), metadata=self._meta(v.metadata(metadata)),
                           client_message_id=client_id)
        data = yield from self._get_data(gen._get_kwargs(body=body), auth=self._messages_auth,
                                         retry_safe=True if client_id is not None else None)
        return SecureMessage.from_dict(data)

    @operation
    def list_messages(self, patient_id: str | None = None, practitioner_id: str | None = None, *,
                      limit: int | None = None, cursor: str | None = None) -> Flow[SecureMessageList]:
        """``GET /api/secure-messages``.

        2025-11: every message, no arguments. 2026-10: one conversation (``patient_id`` and
        ``practitioner_id`` required; the caller must be one of them), newest first, one page
        of ``limit``; pass ``result.next_cursor`` as ``cursor`` for the next page (or use
        :meth:`iter_messages`). There is no offset paging.
        """
        gen = self._gen("list_secure_messages", "list_messages")
        self._feature("pair_messages", "list_messages", patient_id=patient_id, practitioner_id=practitioner_id,
                      limit=limit, cursor=cursor)
        if self._contract.has("pair_messages"):
            why = " on api_version 2026-10 (conversations are pair-scoped)"
            kwargs = gen._get_kwargs(
                patient_id=v.ident(_required(patient_id, "patient_id", why), "patient_id"),
                practitioner_id=v.ident(_required(practitioner_id, "practitioner_id", why), "practitioner_id"),
                **_drop_none(limit=v.limit(limit), cursor=v.optional_text(cursor, "cursor", max_length=2048)))
        else:
            kwargs = gen._get_kwargs()
        data = yield from self._get_data(kwargs, auth=self._messages_auth)
        return SecureMessageList.from_dict(data)

    @paginated
    def iter_messages(self, patient_id: str, practitioner_id: str, *,
                      page_size: int = PAGE_SIZE) -> PageFetch[SecureMessage]:
        """(2026-10) Every message of one conversation, newest first, following ``next_cursor``."""
        require_method(self._contract, "secure_messages.iter_messages")
        list_page = type(self).list_messages.fn
        return _cursor_pages(lambda cursor: list_page(self, patient_id, practitioner_id, limit=page_size, cursor=cursor),
                             lambda p: p.messages, lambda p, found: p.next_cursor is not None,
                             lambda p, found: p.next_cursor)


class SyncSecureMessages(_SecureMessagesOps, SyncResource):
    pass


class AsyncSecureMessages(_SecureMessagesOps, AsyncResource):
    pass


# --- whitelist ------------------------------------------------------------------------------------------------
class _WhitelistOps(_Ops):
    _errors = WHITELIST_ERRORS
    _resource = "whitelist"

    @operation
    def check(self, email: str) -> Flow[WhitelistCheck]:
        """``GET /api/v1/whitelist/check`` (API key only; ``result.whitelisted``)."""
        gen = self._gen("check_whitelist", "check")
        resp = yield from self._call(gen._get_kwargs(email=v.email(email)), auth="key")
        body = _json(resp, self._errors)
        result = WhitelistCheck.from_dict(_data(body))
        return result if result.message else WhitelistCheck(entry=result.entry, message=_message(body), raw=result.raw)

    @operation
    def list(self, tier: str | None = None, limit: int = 10, offset: int = 0) -> Flow[WhitelistList]:
        """``GET /api/v1/whitelist``: one page (``limit`` + ``offset``)."""
        gen = self._gen("list_whitelist_entries", "list")
        kwargs = gen._get_kwargs(limit=v.integer(limit, "limit", minimum=1, maximum=v.MAX_LIMIT),
                                 offset=v.integer(offset, "offset", minimum=0),
                                 **_drop_none(tier=v.optional_text(tier, "tier", max_length=64)))
        data = yield from self._get_data(kwargs)
        return WhitelistList.from_dict(data)

    @paginated
    def iter_entries(self, *, tier: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[WhitelistEntry]:
        """Every whitelist entry, page after page (offset paging)."""
        list_page = type(self).list.fn

        def fetch(offset: int | None) -> Flow[tuple[Sequence[WhitelistEntry], int | None]]:
            start = offset or 0
            page = yield from list_page(self, tier, page_size, start)
            following = start + len(page.entries)
            done = (not page.entries or len(page.entries) < page_size
                    or (page.total is not None and following >= page.total))
            return page.entries, None if done else following

        return fetch

    @operation
    def add(self, email: str, tier: str = "premium", bypass_payment: bool = True,
            metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``POST /api/v1/whitelist`` (201): whitelist an email."""
        gen = self._gen("add_whitelist_entry", "add")
        body = self._model("AddWhitelistEntryRequest", email=v.email(email), tier=v.text(tier, "tier", max_length=64),
                           bypass_payment=v.boolean(bypass_payment, "bypass_payment"),
                           metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def update(self, email: str, tier: str | None = None, bypass_payment: bool | None = None,
               metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``PUT /api/v1/whitelist/{email}``."""
        gen = self._gen("update_whitelist_entry", "update")
        body = self._model("UpdateWhitelistEntryRequest", tier=v.optional_text(tier, "tier", max_length=64),
                           bypass_payment=v.optional_boolean(bypass_payment, "bypass_payment"),
                           metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(v.email(email), body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def remove(self, email: str) -> Flow[MessageResult]:
        """``DELETE /api/v1/whitelist/{email}``."""
        gen = self._gen("remove_whitelist_entry", "remove")
        data = yield from self._get_data(gen._get_kwargs(v.email(email)))
        return MessageResult.from_dict(data)


class SyncWhitelist(_WhitelistOps, SyncResource):
    pass


class AsyncWhitelist(_WhitelistOps, AsyncResource):
    pass


# --- metrics / health (no auth headers, no envelope) -------------------------------------------------------------
class _MetricsOps(_Ops):
    _errors = METRICS_ERRORS
    _resource = "metrics"

    @operation
    def health(self) -> Flow[HealthStatus]:
        """``GET /health``."""
        gen = self._gen("get_health", "health")
        resp = yield from self._call(gen._get_kwargs(), auth="none")
        return HealthStatus.from_dict(_data(_json(resp, self._errors)))

    @operation
    def readiness(self) -> Flow[ReadinessStatus]:
        """``GET /health/ready`` (a 503 answer means not ready: ``ready=False``)."""
        gen = self._gen("get_readiness", "readiness")
        resp = yield from self._call(gen._get_kwargs(), auth="none", ok=(503,))
        data = _data(_json(resp, self._errors)) if resp.status_code == 200 else {}
        if resp.status_code == 503:
            try:
                body = resp.json()
            except ValueError:
                body = {}
            data = body if isinstance(body, dict) else {}
            data = {**data, "ready": False}
        return ReadinessStatus.from_dict(data)

    @operation
    def get_metrics_json(self) -> Flow[MetricsJson]:
        """``GET /api/metrics/json``."""
        gen = self._gen("get_metrics_json")
        resp = yield from self._call(gen._get_kwargs(), auth="none", headers={"Accept": "application/json"})
        return MetricsJson.from_dict(_data(_json(resp, self._errors)))

    @operation
    def get_prometheus_metrics(self) -> Flow[str]:
        """``GET /api/metrics``: the Prometheus text exposition."""
        gen = self._gen("get_prometheus_metrics")
        resp = yield from self._call(gen._get_kwargs(), auth="none", headers={"Accept": "text/plain"})
        return resp.text


class SyncMetrics(_MetricsOps, SyncResource):
    pass


class AsyncMetrics(_MetricsOps, AsyncResource):
    pass


# --- the clients ------------------------------------------------------------------------------------------------------
class _SpapsConfig:
    """Configuration shared by both flavours: argument > environment > default."""

    _tokens: TokenManager
    _api_key: str
    _contract: Contract

    auth = resource(SyncAuth, AsyncAuth)
    sessions = resource(SyncSessions, AsyncSessions)
    payments = resource(SyncPayments, AsyncPayments)
    usage = resource(SyncUsage, AsyncUsage)
    secure_messages = resource(SyncSecureMessages, AsyncSecureMessages)
    whitelist = resource(SyncWhitelist, AsyncWhitelist)
    metrics = resource(SyncMetrics, AsyncMetrics)

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
        self._generated_package: str | None = contract.package  # BaseClient.generated uses it
        self._tokens = TokenManager(token_store if token_store is not None else InMemoryTokenStore())
        super().__init__(  # type: ignore[call-arg]
            base_url=url, timeout=timeout_setting(timeout, ENV_TIMEOUT, DEFAULT_TIMEOUT),
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks, errors=SPAPS_ERRORS,
            auth=SpapsAuth(key, self._tokens), transport=transport, secrets=(key,),
        )

    # -- the pinned contract ------------------------------------------------------------------------
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

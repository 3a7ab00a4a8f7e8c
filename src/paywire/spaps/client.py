"""SPAPS clients: ``SpapsClient`` (sync) and ``AsyncSpapsClient`` (async), one source.

Every operation is written once, as a generator flow on a shared ``_*Ops`` class; the sync and
async resources (``spaps.auth``, ``spaps.sessions``, ``spaps.payments`` + ``.crypto``,
``spaps.usage``, ``spaps.secure_messages``, ``spaps.metrics``, ``spaps.whitelist``) only add
the driver. Requests are built by the generated client's request builders
(``paywire_gen_spaps_2025_11``), imported lazily inside the flows.

Authentication on the wire (shared/reference/spaps.md §1.2): ``X-API-Key`` on every ``/api``
call; the stored bearer token on user-scoped calls (through :class:`~paywire.spaps.tokens.SpapsAuth`,
which refreshes it); no headers at all on ``/health``, ``/health/ready``, ``/api/metrics``,
``/api/metrics/json``; key only on the auth entry points, guest checkout and whitelist check.

Decisions (the seed and reference leave them open):

* Retries follow paywire's house policy rather than 0.1.4's "off unless configured": GET, PUT
  and DELETE are retried (3 attempts, full jitter, ``Retry-After``); POSTs are retried only when
  they carry an idempotency key (only ``usage.record_usage``, which always sends one). Pass
  ``retry_config=RetryConfig(max_attempts=1)`` or ``max_retries=0`` to turn retries off.
* The nonce request sends ``chain_type`` (the spec's canonical field); ``chain=`` is accepted as
  the seed's keyword for it.
* ``sign_out`` clears the stored tokens even when the server call fails (the error is still
  raised): a user who asked to sign out is signed out locally.
* ``metrics.readiness()`` returns ``ReadinessStatus(ready=False)`` for a 503 instead of raising.
* Metrics errors are ``MetricsError`` (a paywire status error), not ``httpx.HTTPStatusError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

import httpx

from paywire._core import (
    AsyncClient,
    AsyncResource,
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
    UsageFeatures,
    UsageHistory,
    UsageRecord,
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
GEN = "paywire_gen_spaps_2025_11"
#: page size the iter_* helpers ask for
PAGE_SIZE = 100

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


def _auth_result(body: Any, now: float) -> AuthResult:
    """Tokens and user at the top level, inside ``data``, or ``data`` itself a token pair."""
    tokens = _pick(body, "tokens")
    if not isinstance(tokens, dict):
        data = _data(body)
        tokens = data if "access_token" in data else None
    user = _pick(body, "user")
    kwargs: dict[str, Any] = {"message": _message(body), "raw": body if isinstance(body, dict) else {}}
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


def _unset(value: Any) -> Any:
    from paywire_gen_spaps_2025_11.types import UNSET

    return UNSET if value is None else value


def _meta(value: Mapping[str, Any] | None) -> Any:
    from paywire_gen_spaps_2025_11.models.metadata import Metadata
    from paywire_gen_spaps_2025_11.types import UNSET

    return UNSET if value is None else Metadata.from_dict(value)


# --- pagination helpers --------------------------------------------------------------------------
def _cursor_pages(list_page: Callable[[Any], Flow[M]], items: Callable[[M], Sequence[T]],
                  has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
    """A page fetch for ``limit`` + ``starting_after`` lists (stops if the cursor stops moving)."""

    def fetch(cursor: Any) -> Flow[tuple[Sequence[T], Any]]:
        page = yield from list_page(cursor)
        found = items(page)
        if not found or not has_more(page, found):
            return found, None
        following = cursor_of(page, found)
        return found, (None if following == cursor else following)

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
        return response

    def _get_data(self, kwargs: Mapping[str, Any], *, auth: str = "bearer", **options: Any) -> Flow[dict[str, Any]]:
        resp = yield from self._call(kwargs, auth=auth, **options)
        return _data(_json(resp, self._errors))

    def _signed_in(self, resp: httpx.Response) -> AuthResult:
        """Parse an auth result and store its tokens (if any)."""
        tokens: TokenManager = self._client._tokens
        result = _auth_result(_json(resp, self._errors), tokens.clock())
        if result.access_token:
            tokens.save(StoredTokens(result.access_token, result.refresh_token, result.expires_at, result.token_type))
        return result


# --- auth -------------------------------------------------------------------------------------------
class _AuthOps(_Ops):
    _errors = AUTH_ERRORS

    @operation
    def request_nonce(self, wallet_address: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[NonceResult]:
        """``POST /api/auth/nonce``: the message the wallet must sign."""
        from paywire_gen_spaps_2025_11.api.auth import request_nonce as gen
        from paywire_gen_spaps_2025_11.models.nonce_request import NonceRequest
        from paywire_gen_spaps_2025_11.models.nonce_request_chain_type import NonceRequestChainType

        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        body = NonceRequest(wallet_address=address,
                            chain_type=_unset(None if chain_name is None else NonceRequestChainType(chain_name)))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="key")
        return NonceResult.from_dict(data)

    @operation
    def verify_wallet(self, wallet_address: str, signature: str, message: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/wallet-sign-in`` with the signed nonce message; tokens are stored."""
        from paywire_gen_spaps_2025_11.api.auth import wallet_sign_in as gen
        from paywire_gen_spaps_2025_11.models.wallet_sign_in_request import WalletSignInRequest
        from paywire_gen_spaps_2025_11.models.wallet_sign_in_request_chain_type import (
            WalletSignInRequestChainType,
        )

        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        register_secret(v.secret(signature, "signature"))
        text = v.secret(message, "message")
        body = WalletSignInRequest(
            wallet_address=address, signature=signature, message=text,
            chain_type=_unset(None if chain_name is None else WalletSignInRequestChainType(chain_name)))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in(resp)

    @operation
    def sign_in_with_password(self, email: str, password: str) -> Flow[AuthResult]:
        """``POST /api/auth/login``; tokens are stored."""
        from paywire_gen_spaps_2025_11.api.auth import sign_in_with_password as gen
        from paywire_gen_spaps_2025_11.models.login_request import LoginRequest

        address = v.email(email)
        register_secret(v.secret(password, "password"))
        resp = yield from self._call(gen._get_kwargs(body=LoginRequest(email=address, password=password)), auth="key")
        return self._signed_in(resp)

    @operation
    def refresh_tokens(self, refresh_token: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/refresh`` (the stored refresh token by default); new tokens are stored.

        Refresh happens automatically when the stored access token expires or is rejected; call
        this only to rotate on your own schedule.
        """
        from paywire_gen_spaps_2025_11.api.auth import refresh_tokens as gen
        from paywire_gen_spaps_2025_11.models.refresh_request import RefreshRequest

        if refresh_token is None:
            stored = self._client._tokens.require()
            if not stored.refresh_token:
                raise NotSignedInError("no refresh token stored: sign in again")
            refresh_token = stored.refresh_token
        register_secret(v.secret(refresh_token, "refresh_token"))
        resp = yield from self._call(gen._get_kwargs(body=RefreshRequest(refresh_token=refresh_token)), auth="key")
        result = _auth_result(_json(resp, self._errors), self._client._tokens.clock())
        if result.access_token:
            self._client._tokens.save(StoredTokens(result.access_token, result.refresh_token or refresh_token,
                                                   result.expires_at, result.token_type))
        return result

    @operation
    def register(self, email: str, password: str, username: str | None = None,
                 phone_number: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/register`` (201). With auto-login the tokens are stored; when email
        confirmation is needed ``result.signed_in`` is False and ``result.user`` is set."""
        from paywire_gen_spaps_2025_11.api.auth import register as gen
        from paywire_gen_spaps_2025_11.models.register_request import RegisterRequest

        address = v.email(email)
        register_secret(v.secret(password, "password"))
        body = RegisterRequest(email=address, password=password,
                               username=_unset(v.optional_text(username, "username", max_length=200)),
                               phone_number=_unset(v.optional_text(phone_number, "phone_number", max_length=40)))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in(resp)

    @operation
    def send_magic_link(self, email: str) -> Flow[EmailSent]:
        """``POST /api/auth/magic-link``: email a sign-in link."""
        from paywire_gen_spaps_2025_11.api.auth import send_magic_link as gen
        from paywire_gen_spaps_2025_11.models.magic_link_request import MagicLinkRequest

        resp = yield from self._call(gen._get_kwargs(body=MagicLinkRequest(email=v.email(email))), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def verify_magic_link(self, token: str, type: str = "magiclink") -> Flow[AuthResult]:
        """``POST /api/auth/verify-magic-link``: exchange the link's token; tokens are stored."""
        from paywire_gen_spaps_2025_11.api.auth import verify_magic_link as gen
        from paywire_gen_spaps_2025_11.models.verify_magic_link_request import VerifyMagicLinkRequest

        register_secret(v.secret(token, "token"))
        body = VerifyMagicLinkRequest(token=token, type_=v.text(type, "type", max_length=40))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return self._signed_in(resp)

    @operation
    def get_current_user(self) -> Flow[CurrentUser]:
        """``GET /api/auth/user``: the signed-in user's profile."""
        from paywire_gen_spaps_2025_11.api.auth import get_current_user as gen

        data = yield from self._get_data(gen._get_kwargs())
        user = data.get("user")
        return CurrentUser.from_dict(user if isinstance(user, dict) else data)

    @operation
    def sign_out(self) -> Flow[MessageResult]:
        """``POST /api/auth/logout``, then forget the stored tokens (locally even if it fails)."""
        from paywire_gen_spaps_2025_11.api.auth import logout as gen

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
        from paywire_gen_spaps_2025_11.api.auth import request_password_reset as gen
        from paywire_gen_spaps_2025_11.models.password_reset_request import PasswordResetRequest

        body = PasswordResetRequest(email=v.email(email), redirect_url=_unset(v.optional_url(redirect_url, "redirect_url")))
        resp = yield from self._call(gen._get_kwargs(body=body), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def confirm_password_reset(self, token: str, new_password: str) -> Flow[MessageResult]:
        """``POST /api/auth/reset-password-confirm``."""
        from paywire_gen_spaps_2025_11.api.auth import confirm_password_reset as gen
        from paywire_gen_spaps_2025_11.models.confirm_password_reset_request import (
            ConfirmPasswordResetRequest,
        )

        register_secret(v.secret(token, "token"))
        register_secret(v.secret(new_password, "new_password"))
        body = ConfirmPasswordResetRequest(token=token, new_password=new_password)
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

    @operation
    def get_current_session(self) -> Flow[CurrentSession]:
        """``GET /api/sessions/current`` (``current.session_id``)."""
        from paywire_gen_spaps_2025_11.api.sessions import get_current_session as gen

        data = yield from self._get_data(gen._get_kwargs())
        return CurrentSession.from_dict(_unwrap(data, "session"))

    @operation
    def validate_session(self) -> Flow[SessionValidation]:
        """``POST /api/sessions/validate`` (403 ``SESSION_REVOKED`` for a revoked session)."""
        from paywire_gen_spaps_2025_11.api.sessions import validate_session as gen
        from paywire_gen_spaps_2025_11.models.empty_request import EmptyRequest

        data = yield from self._get_data(gen._get_kwargs(body=EmptyRequest()))
        return SessionValidation.from_dict(data)

    @operation
    def list_sessions(self, limit: int | None = None, starting_after: str | None = None) -> Flow[SessionList]:
        """``GET /api/sessions``: one page (see :meth:`iter_sessions` for all)."""
        from paywire_gen_spaps_2025_11.api.sessions import list_sessions as gen

        kwargs = gen._get_kwargs(limit=_unset(v.limit(limit)),
                                 starting_after=_unset(None if starting_after is None else v.ident(starting_after, "starting_after")))
        data = yield from self._get_data(kwargs)
        return SessionList.from_dict(data)

    @paginated
    def iter_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[SessionSummary]:
        """Every session, page after page."""
        list_page = type(self).list_sessions.fn
        return _cursor_pages(lambda cursor: list_page(self, page_size, cursor), lambda p: p.sessions,
                             lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def touch_session(self) -> Flow[TouchResult]:
        """``POST /api/sessions/touch``: record activity."""
        from paywire_gen_spaps_2025_11.api.sessions import touch_session as gen
        from paywire_gen_spaps_2025_11.models.empty_request import EmptyRequest

        data = yield from self._get_data(gen._get_kwargs(body=EmptyRequest()))
        return TouchResult.from_dict(data)

    @operation
    def revoke_session(self, session_id: str) -> Flow[RevokeResult]:
        """``DELETE /api/sessions/{session_id}`` (404 ``SESSION_NOT_FOUND``)."""
        from paywire_gen_spaps_2025_11.api.sessions import revoke_session as gen

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

    @operation
    def create_invoice(self, asset: str, network: str, amount: str | int | Any,
                       expires_in_seconds: int | None = None, beneficiary: Mapping[str, Any] | None = None,
                       metadata: Mapping[str, Any] | None = None) -> Flow[CryptoInvoice]:
        """``POST /api/payments/crypto/invoices`` (``amount`` is a decimal string, e.g. ``"12.50"``)."""
        from paywire_gen_spaps_2025_11.api.crypto import create_crypto_invoice as gen
        from paywire_gen_spaps_2025_11.models.create_crypto_invoice_request import CreateCryptoInvoiceRequest

        body = CreateCryptoInvoiceRequest(
            asset=v.text(asset, "asset", max_length=32).strip(), network=v.text(network, "network", max_length=64).strip(),
            amount=v.decimal_amount(amount),
            expires_in_seconds=_unset(v.optional_integer(expires_in_seconds, "expires_in_seconds", minimum=1)),
            beneficiary=_meta(v.metadata(beneficiary, "beneficiary")), metadata=_meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice(self, invoice_id: str) -> Flow[CryptoInvoice]:
        """``GET /api/payments/crypto/invoices/{invoice_id}``."""
        from paywire_gen_spaps_2025_11.api.crypto import get_crypto_invoice as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice_status(self, invoice_id: str) -> Flow[CryptoInvoiceStatus]:
        """``GET /api/payments/crypto/invoices/{invoice_id}/status``."""
        from paywire_gen_spaps_2025_11.api.crypto import get_crypto_invoice_status as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoiceStatus.from_dict(data)

    @operation
    def reconcile(self, cursor: Mapping[str, Any] | None = None, recon_token: str | None = None) -> Flow[ReconcileJob]:
        """``POST /api/payments/crypto/reconcile`` (``X-Recon-Token`` when given)."""
        from paywire_gen_spaps_2025_11.api.crypto import reconcile_crypto_payments as gen
        from paywire_gen_spaps_2025_11.models.reconcile_request import ReconcileRequest

        if recon_token is not None:
            register_secret(v.secret(recon_token, "recon_token"))
        body = ReconcileRequest(cursor=_meta(v.metadata(cursor, "cursor")))
        data = yield from self._get_data(gen._get_kwargs(body=body, x_recon_token=_unset(recon_token)))
        return ReconcileJob.from_dict(data)


class SyncCrypto(_CryptoOps, SyncResource):
    pass


class AsyncCrypto(_CryptoOps, AsyncResource):
    pass


# --- payments (legacy /api/payments and /api/stripe) ------------------------------------------------------
class _PaymentsOps(_Ops):
    _errors = PAYMENTS_ERRORS
    crypto = resource(SyncCrypto, AsyncCrypto)

    # -- legacy /api/payments ------------------------------------------------------------------------
    @operation
    def create_checkout_session(self, price_id: str, mode: str, success_url: str, cancel_url: str,
                                metadata: Mapping[str, Any] | None = None, require_legal_consent: bool | None = None,
                                legal_consent_text: str | None = None) -> Flow[CheckoutSession]:
        """``POST /api/payments/create-checkout-session`` (``checkout.checkout_url``)."""
        from paywire_gen_spaps_2025_11.api.payments import create_checkout_session as gen
        from paywire_gen_spaps_2025_11.models.create_checkout_session_request import (
            CreateCheckoutSessionRequest,
        )
        from paywire_gen_spaps_2025_11.models.create_checkout_session_request_mode import (
            CreateCheckoutSessionRequestMode,
        )

        body = CreateCheckoutSessionRequest(
            price_id=v.ident(price_id, "price_id"), mode=CreateCheckoutSessionRequestMode(v.mode(mode)),
            success_url=v.url(success_url, "success_url"), cancel_url=v.url(cancel_url, "cancel_url"),
            metadata=_meta(v.metadata(metadata)),
            require_legal_consent=_unset(v.optional_boolean(require_legal_consent, "require_legal_consent")),
            legal_consent_text=_unset(v.optional_text(legal_consent_text, "legal_consent_text", max_length=120)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return CheckoutSession.from_dict(data)

    @operation
    def get_balance(self) -> Flow[Balance]:
        """``GET /api/payments/balance``."""
        from paywire_gen_spaps_2025_11.api.payments import get_balance as gen

        data = yield from self._get_data(gen._get_kwargs())
        return Balance.from_dict(data)

    @operation
    def create_payment_intent(self, amount: int, currency: str, payment_method_types: Sequence[str] | None = None,
                              metadata: Mapping[str, Any] | None = None) -> Flow[PaymentIntent]:
        """``POST /api/payments/create-payment-intent`` (``amount`` in minor units, an int >= 1)."""
        from paywire_gen_spaps_2025_11.api.payments import create_payment_intent as gen
        from paywire_gen_spaps_2025_11.models.create_payment_intent_request import CreatePaymentIntentRequest

        types_: list[str] | None = None
        if payment_method_types is not None:
            if isinstance(payment_method_types, str):
                raise ValidationError("payment_method_types must be a list of strings", field="payment_method_types")
            types_ = [v.text(t, "payment_method_types[]") for t in payment_method_types]
        body = CreatePaymentIntentRequest(amount=v.integer(amount, "amount", minimum=1), currency=v.currency(currency),
                                          payment_method_types=_unset(types_), metadata=_meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        register_secret(data.get("client_secret") if isinstance(data.get("client_secret"), str) else None)
        return PaymentIntent.from_dict(data)

    @operation
    def update_payment_method(self, payment_method_id: str, set_default: bool | None = None) -> Flow[PaymentMethodResult]:
        """``POST /api/payments/update-payment-method``."""
        from paywire_gen_spaps_2025_11.api.payments import update_payment_method as gen
        from paywire_gen_spaps_2025_11.models.update_payment_method_request import UpdatePaymentMethodRequest

        body = UpdatePaymentMethodRequest(payment_method_id=v.ident(payment_method_id, "payment_method_id"),
                                          set_default=_unset(v.optional_boolean(set_default, "set_default")))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return PaymentMethodResult.from_dict(data)

    @operation
    def wallet_deposit(self, wallet_address: str, chain_type: str, transaction_id: str, amount: float,
                       currency: str, tier: str | None = None) -> Flow[WalletDeposit]:
        """``POST /api/payments/wallet-deposit``: report an on-chain deposit."""
        from paywire_gen_spaps_2025_11.api.payments import create_wallet_deposit as gen
        from paywire_gen_spaps_2025_11.models.wallet_deposit_request import WalletDepositRequest

        chain_name = v.chain(chain_type, "chain_type")
        body = WalletDepositRequest(
            wallet_address=v.wallet_address(wallet_address), chain_type=chain_name,
            transaction_id=v.ident(transaction_id, "transaction_id"), amount=v.positive_number(amount, "amount"),
            currency=v.currency(currency), tier=_unset(v.optional_text(tier, "tier", max_length=64)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return WalletDeposit.from_dict(data)

    @operation
    def get_wallet_transaction(self, transaction_id: str) -> Flow[WalletTransaction]:
        """``GET /api/payments/wallet-transaction/{transaction_id}``: a deposit's status."""
        from paywire_gen_spaps_2025_11.api.payments import get_wallet_transaction as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(transaction_id, "transaction_id")))
        return WalletTransaction.from_dict(data)

    # -- checkout sessions ------------------------------------------------------------------------------
    @operation
    def get_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/checkout-sessions/{session_id}``."""
        from paywire_gen_spaps_2025_11.api.stripe import get_checkout_session as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id")))
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None) -> Flow[CheckoutSessionList]:
        """``GET /api/stripe/checkout-sessions``: one page."""
        from paywire_gen_spaps_2025_11.api.stripe import list_checkout_sessions as gen

        kwargs = gen._get_kwargs(limit=_unset(v.limit(limit)), starting_after=_unset(_cursor(starting_after)))
        data = yield from self._get_data(kwargs)
        return CheckoutSessionList.from_dict(data)

    @paginated
    def iter_checkout_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[CheckoutSessionSummary]:
        """Every checkout session of the user, page after page."""
        list_page = type(self).list_checkout_sessions.fn
        return _cursor_pages(lambda cursor: list_page(self, page_size, cursor), lambda p: p.sessions,
                             lambda p, found: _more(p.has_more, found, page_size),
                             lambda p, found: p.next_cursor or found[-1].id)

    @operation
    def expire_checkout_session(self, session_id: str) -> Flow[ExpireResult]:
        """``POST /api/stripe/checkout-sessions/{session_id}/expire``."""
        from paywire_gen_spaps_2025_11.api.stripe import expire_checkout_session as gen
        from paywire_gen_spaps_2025_11.models.empty_request import EmptyRequest

        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id"), body=EmptyRequest()))
        return ExpireResult.from_dict(data)

    # -- guest checkout (API key only) ---------------------------------------------------------------------
    @operation
    def create_guest_checkout_session(
        self, customer_email: str, mode: str, line_items: Sequence[Mapping[str, Any]], success_url: str,
        cancel_url: str, metadata: Mapping[str, str] | None = None, client_reference_id: str | None = None,
        payment_intent_data: Mapping[str, Any] | None = None, subscription_data: Mapping[str, Any] | None = None,
        allow_promotion_codes: bool | None = None, locale: str | None = None,
    ) -> Flow[GuestCheckoutSession]:
        """``POST /api/stripe/guest-checkout-sessions`` (no user token needed; ``guest.id``, ``guest.url``)."""
        from paywire_gen_spaps_2025_11.api.stripe import create_guest_checkout_session as gen
        from paywire_gen_spaps_2025_11.models.create_guest_checkout_session_request import (
            CreateGuestCheckoutSessionRequest,
        )
        from paywire_gen_spaps_2025_11.models.create_guest_checkout_session_request_mode import (
            CreateGuestCheckoutSessionRequestMode,
        )
        from paywire_gen_spaps_2025_11.models.line_item import LineItem
        from paywire_gen_spaps_2025_11.models.string_map import StringMap

        items = [LineItem(price_id=i["price_id"], quantity=i["quantity"]) for i in v.line_items(line_items)]
        labels = v.string_map(metadata)
        body = CreateGuestCheckoutSessionRequest(
            customer_email=v.email(customer_email, "customer_email"),
            mode=CreateGuestCheckoutSessionRequestMode(v.mode(mode)), line_items=items,
            success_url=v.url(success_url, "success_url"), cancel_url=v.url(cancel_url, "cancel_url"),
            metadata=_unset(None if labels is None else StringMap.from_dict(labels)),
            client_reference_id=_unset(v.optional_text(client_reference_id, "client_reference_id", max_length=200)),
            payment_intent_data=_meta(v.metadata(payment_intent_data, "payment_intent_data")),
            subscription_data=_meta(v.metadata(subscription_data, "subscription_data")),
            allow_promotion_codes=_unset(v.optional_boolean(allow_promotion_codes, "allow_promotion_codes")),
            locale=_unset(v.optional_text(locale, "locale", max_length=16)))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="key")
        return GuestCheckoutSession.from_dict(data)

    @operation
    def get_guest_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/guest-checkout-sessions/{session_id}`` (``guest_detail.payment_status``)."""
        from paywire_gen_spaps_2025_11.api.stripe import get_guest_checkout_session as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(session_id, "session_id")), auth="key")
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_guest_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None,
                                     customer_email: str | None = None) -> Flow[GuestCheckoutSessionList]:
        """``GET /api/stripe/guest-checkout-sessions``: one page."""
        from paywire_gen_spaps_2025_11.api.stripe import list_guest_checkout_sessions as gen

        kwargs = gen._get_kwargs(limit=_unset(v.limit(limit)), starting_after=_unset(_cursor(starting_after)),
                                 customer_email=_unset(v.optional_email(customer_email, "customer_email")))
        data = yield from self._get_data(kwargs, auth="key")
        return GuestCheckoutSessionList.from_dict(data)

    @paginated
    def iter_guest_checkout_sessions(self, *, customer_email: str | None = None,
                                     page_size: int = PAGE_SIZE) -> PageFetch[GuestCheckoutSessionSummary]:
        """Every guest checkout session of the application, page after page."""
        list_page = type(self).list_guest_checkout_sessions.fn
        return _cursor_pages(lambda cursor: list_page(self, page_size, cursor, customer_email), lambda p: p.sessions,
                             lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].session_id)

    @operation
    def convert_guest_checkout_session(self, session_id: str, email: str, password: str | None = None,
                                       send_magic_link: bool | None = None) -> Flow[GuestConversion]:
        """``POST /api/stripe/guest-checkout-sessions/convert``: make the guest a user."""
        from paywire_gen_spaps_2025_11.api.stripe import convert_guest_checkout_session as gen
        from paywire_gen_spaps_2025_11.models.convert_guest_checkout_request import (
            ConvertGuestCheckoutRequest,
        )

        if password is not None:
            register_secret(v.secret(password, "password"))
        body = ConvertGuestCheckoutRequest(session_id=v.ident(session_id, "session_id"), email=v.email(email),
                                           password=_unset(password),
                                           send_magic_link=_unset(v.optional_boolean(send_magic_link, "send_magic_link")))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="key")
        return GuestConversion.from_dict(data)

    # -- catalogue ------------------------------------------------------------------------------------------
    @operation
    def list_products(self, category: str | None = None, active: bool | None = None, limit: int | None = None,
                      starting_after: str | None = None, mode: str | None = None) -> Flow[ProductList]:
        """``GET /api/stripe/products``: one page (``catalog.products``)."""
        from paywire_gen_spaps_2025_11.api.stripe import list_products as gen

        kwargs = gen._get_kwargs(category=_unset(v.optional_text(category, "category", max_length=100)),
                                 active=_unset(v.optional_boolean(active, "active")), limit=_unset(v.limit(limit)),
                                 starting_after=_unset(_cursor(starting_after)),
                                 mode=_unset(None if mode is None else v.mode(mode)))
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

        return _cursor_pages(lambda cursor: list_page(self, category, active, page_size, cursor, mode),
                             lambda p: p.products, more, lambda p, found: found[-1].id)

    @operation
    def get_product(self, product_id: str, include_prices: bool = True) -> Flow[Product]:
        """``GET /api/stripe/products/{product_id}`` (``include_prices=false`` is sent only when off)."""
        from paywire_gen_spaps_2025_11.api.stripe import get_product as gen

        flag = v.boolean(include_prices, "include_prices")
        kwargs = gen._get_kwargs(v.ident(product_id, "product_id"), include_prices=_unset(None if flag else False))
        data = yield from self._get_data(kwargs)
        return Product.from_dict(_unwrap(data, "product"))

    # -- subscriptions ----------------------------------------------------------------------------------------
    @operation
    def list_subscriptions(self, status: str | None = None, limit: int | None = None,
                           starting_after: str | None = None) -> Flow[SubscriptionList]:
        """``GET /api/stripe/subscriptions``: one page (``subs.subscriptions``)."""
        from paywire_gen_spaps_2025_11.api.stripe import list_subscriptions as gen

        kwargs = gen._get_kwargs(status=_unset(v.optional_text(status, "status", max_length=40)),
                                 limit=_unset(v.limit(limit)), starting_after=_unset(_cursor(starting_after)))
        data = yield from self._get_data(kwargs)
        return SubscriptionList.from_dict(data)

    @paginated
    def iter_subscriptions(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[Subscription]:
        """Every subscription of the user, page after page."""
        list_page = type(self).list_subscriptions.fn
        return _cursor_pages(lambda cursor: list_page(self, status, page_size, cursor), lambda p: p.subscriptions,
                             lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_subscription(self, subscription_id: str) -> Flow[Subscription]:
        """``GET /api/stripe/subscription/{subscription_id}`` (``detail.plan.interval``)."""
        from paywire_gen_spaps_2025_11.api.stripe import get_subscription as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(subscription_id, "subscription_id")))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def update_subscription(self, subscription_id: str, price_id: str) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/update``: switch to ``price_id``."""
        from paywire_gen_spaps_2025_11.api.stripe import update_subscription as gen
        from paywire_gen_spaps_2025_11.models.update_subscription_request import UpdateSubscriptionRequest

        kwargs = gen._get_kwargs(v.ident(subscription_id, "subscription_id"),
                                 body=UpdateSubscriptionRequest(price_id=v.ident(price_id, "price_id")))
        data = yield from self._get_data(kwargs)
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def cancel_subscription(self, subscription_id: str, immediately: bool | None = None) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/cancel`` (now, or at period end)."""
        from paywire_gen_spaps_2025_11.api.stripe import cancel_subscription as gen
        from paywire_gen_spaps_2025_11.models.cancel_subscription_request import CancelSubscriptionRequest

        body = CancelSubscriptionRequest(immediately=_unset(v.optional_boolean(immediately, "immediately")))
        data = yield from self._get_data(gen._get_kwargs(v.ident(subscription_id, "subscription_id"), body=body))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    # -- payment history ----------------------------------------------------------------------------------------
    @operation
    def list_payment_history(self, limit: int | None = None, starting_after: str | None = None,
                             ending_before: str | None = None, status: str | None = None) -> Flow[PaymentHistory]:
        """``GET /api/stripe/history``: one page (``history.payments``)."""
        from paywire_gen_spaps_2025_11.api.stripe import list_payment_history as gen

        kwargs = gen._get_kwargs(limit=_unset(v.limit(limit)), starting_after=_unset(_cursor(starting_after)),
                                 ending_before=_unset(_cursor(ending_before, "ending_before")),
                                 status=_unset(v.optional_text(status, "status", max_length=40)))
        data = yield from self._get_data(kwargs)
        return PaymentHistory.from_dict(data)

    @paginated
    def iter_payment_history(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[PaymentRecord]:
        """Every payment of the user, newest first, page after page."""
        list_page = type(self).list_payment_history.fn
        return _cursor_pages(lambda cursor: list_page(self, page_size, cursor, None, status), lambda p: p.payments,
                             lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_payment_detail(self, payment_id: str) -> Flow[PaymentRecord]:
        """``GET /api/stripe/payment/{payment_id}`` (``detail.metadata``)."""
        from paywire_gen_spaps_2025_11.api.stripe import get_payment_detail as gen

        data = yield from self._get_data(gen._get_kwargs(v.ident(payment_id, "payment_id")))
        return PaymentRecord.from_dict(_unwrap(data, "payment"))


def _cursor(value: str | None, field: str = "starting_after") -> str | None:
    return None if value is None else v.ident(value, field)


class SyncPayments(_PaymentsOps, SyncResource):
    pass


class AsyncPayments(_PaymentsOps, AsyncResource):
    pass


# --- usage ------------------------------------------------------------------------------------------------
class _UsageOps(_Ops):
    _errors = USAGE_ERRORS

    @operation
    def get_features(self) -> Flow[UsageFeatures]:
        """``GET /api/usage/features``: this period's usage per feature."""
        from paywire_gen_spaps_2025_11.api.usage import get_usage_features as gen

        data = yield from self._get_data(gen._get_kwargs())
        return UsageFeatures.from_dict(data)

    @operation
    def record_usage(self, feature: str, quantity: float, metadata: Mapping[str, Any] | None = None,
                     timestamp: Any = None, idempotency_key: str | None = None) -> Flow[UsageRecord]:
        """``POST /api/usage/record`` with ``X-Idempotency-Key`` (yours, or a fresh uuid4 per
        call), so a retried request never counts twice; the call is therefore retried on
        429/5xx and dropped connections."""
        from paywire_gen_spaps_2025_11.api.usage import record_usage as gen
        from paywire_gen_spaps_2025_11.models.record_usage_request import RecordUsageRequest

        key = idempotency_key_for(idempotency_key)
        body = RecordUsageRequest(feature=v.text(feature, "feature", max_length=200).strip(),
                                  quantity=v.positive_number(quantity, "quantity"), metadata=_meta(v.metadata(metadata)),
                                  timestamp=_unset(v.timestamp(timestamp)))
        data = yield from self._get_data(gen._get_kwargs(body=body, x_idempotency_key=key), retry_safe=True)
        return UsageRecord.from_dict(data)

    @operation
    def get_history(self, period: str | None = None, start_date: Any = None, end_date: Any = None,
                    feature: str | None = None, format: str | None = None) -> Flow[UsageHistory]:
        """``GET /api/usage/history`` (dates as ``datetime.date`` or ``"YYYY-MM-DD"``)."""
        from paywire_gen_spaps_2025_11.api.usage import get_usage_history as gen

        kwargs = gen._get_kwargs(period=_unset(v.optional_text(period, "period", max_length=20)),
                                 start_date=_unset(v.date(start_date, "start_date")),
                                 end_date=_unset(v.date(end_date, "end_date")),
                                 feature=_unset(v.optional_text(feature, "feature", max_length=200)),
                                 format_=_unset(v.optional_text(format, "format", max_length=20)))
        data = yield from self._get_data(kwargs)
        return UsageHistory.from_dict(data)


def idempotency_key_for(supplied: str | None) -> str:
    return idempotency_key(supplied)


class SyncUsage(_UsageOps, SyncResource):
    pass


class AsyncUsage(_UsageOps, AsyncResource):
    pass


# --- secure messages ----------------------------------------------------------------------------------------
class _SecureMessagesOps(_Ops):
    _errors = SECURE_MESSAGES_ERRORS

    @operation
    def create_message(self, patient_id: str, practitioner_id: str, content: str,
                       metadata: Mapping[str, Any] | None = None) -> Flow[SecureMessage]:
        """``POST /api/secure-messages`` (camelCase on the wire; bearer added when signed in)."""
        from paywire_gen_spaps_2025_11.api.secure_messages import create_secure_message as gen
        from paywire_gen_spaps_2025_11.models.create_secure_message_request import CreateSecureMessageRequest

        body = CreateSecureMessageRequest(patient_id=v.ident(patient_id, "patient_id"),
                                          practitioner_id=v.ident(practitioner_id, "practitioner_id"),
                                          content=v.secret(content, "content"), metadata=_meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body), auth="optional")
        return SecureMessage.from_dict(data)

    @operation
    def list_messages(self) -> Flow[SecureMessageList]:
        """``GET /api/secure-messages``."""
        from paywire_gen_spaps_2025_11.api.secure_messages import list_secure_messages as gen

        data = yield from self._get_data(gen._get_kwargs(), auth="optional")
        return SecureMessageList.from_dict(data)


class SyncSecureMessages(_SecureMessagesOps, SyncResource):
    pass


class AsyncSecureMessages(_SecureMessagesOps, AsyncResource):
    pass


# --- whitelist ------------------------------------------------------------------------------------------------
class _WhitelistOps(_Ops):
    _errors = WHITELIST_ERRORS

    @operation
    def check(self, email: str) -> Flow[WhitelistCheck]:
        """``GET /api/v1/whitelist/check`` (API key only; ``result.whitelisted``)."""
        from paywire_gen_spaps_2025_11.api.whitelist import check_whitelist as gen

        resp = yield from self._call(gen._get_kwargs(email=v.email(email)), auth="key")
        body = _json(resp, self._errors)
        result = WhitelistCheck.from_dict(_data(body))
        return result if result.message else WhitelistCheck(entry=result.entry, message=_message(body), raw=result.raw)

    @operation
    def list(self, tier: str | None = None, limit: int = 10, offset: int = 0) -> Flow[WhitelistList]:
        """``GET /api/v1/whitelist``: one page (``limit`` + ``offset``)."""
        from paywire_gen_spaps_2025_11.api.whitelist import list_whitelist_entries as gen

        kwargs = gen._get_kwargs(limit=v.integer(limit, "limit", minimum=1, maximum=v.MAX_LIMIT),
                                 offset=v.integer(offset, "offset", minimum=0),
                                 tier=_unset(v.optional_text(tier, "tier", max_length=64)))
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
        from paywire_gen_spaps_2025_11.api.whitelist import add_whitelist_entry as gen
        from paywire_gen_spaps_2025_11.models.add_whitelist_entry_request import AddWhitelistEntryRequest

        body = AddWhitelistEntryRequest(email=v.email(email), tier=v.text(tier, "tier", max_length=64),
                                        bypass_payment=v.boolean(bypass_payment, "bypass_payment"),
                                        metadata=_meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def update(self, email: str, tier: str | None = None, bypass_payment: bool | None = None,
               metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``PUT /api/v1/whitelist/{email}``."""
        from paywire_gen_spaps_2025_11.api.whitelist import update_whitelist_entry as gen
        from paywire_gen_spaps_2025_11.models.update_whitelist_entry_request import (
            UpdateWhitelistEntryRequest,
        )

        body = UpdateWhitelistEntryRequest(tier=_unset(v.optional_text(tier, "tier", max_length=64)),
                                           bypass_payment=_unset(v.optional_boolean(bypass_payment, "bypass_payment")),
                                           metadata=_meta(v.metadata(metadata)))
        data = yield from self._get_data(gen._get_kwargs(v.email(email), body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def remove(self, email: str) -> Flow[MessageResult]:
        """``DELETE /api/v1/whitelist/{email}``."""
        from paywire_gen_spaps_2025_11.api.whitelist import remove_whitelist_entry as gen

        data = yield from self._get_data(gen._get_kwargs(v.email(email)))
        return MessageResult.from_dict(data)


class SyncWhitelist(_WhitelistOps, SyncResource):
    pass


class AsyncWhitelist(_WhitelistOps, AsyncResource):
    pass


# --- metrics / health (no auth headers, no envelope) -------------------------------------------------------------
class _MetricsOps(_Ops):
    _errors = METRICS_ERRORS

    @operation
    def health(self) -> Flow[HealthStatus]:
        """``GET /health``."""
        from paywire_gen_spaps_2025_11.api.metrics import get_health as gen

        resp = yield from self._call(gen._get_kwargs(), auth="none")
        return HealthStatus.from_dict(_data(_json(resp, self._errors)))

    @operation
    def readiness(self) -> Flow[ReadinessStatus]:
        """``GET /health/ready`` (a 503 answer means not ready: ``ready=False``)."""
        from paywire_gen_spaps_2025_11.api.metrics import get_readiness as gen

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
        from paywire_gen_spaps_2025_11.api.metrics import get_metrics_json as gen

        resp = yield from self._call(gen._get_kwargs(), auth="none", headers={"Accept": "application/json"})
        return MetricsJson.from_dict(_data(_json(resp, self._errors)))

    @operation
    def get_prometheus_metrics(self) -> Flow[str]:
        """``GET /api/metrics``: the Prometheus text exposition."""
        from paywire_gen_spaps_2025_11.api.metrics import get_prometheus_metrics as gen

        resp = yield from self._call(gen._get_kwargs(), auth="none", headers={"Accept": "text/plain"})
        return resp.text


class SyncMetrics(_MetricsOps, SyncResource):
    pass


class AsyncMetrics(_MetricsOps, AsyncResource):
    pass


# --- the clients ------------------------------------------------------------------------------------------------------
class _SpapsConfig:
    """Configuration shared by both flavours: argument > environment > default."""

    _generated_package: str | None = GEN
    _tokens: TokenManager
    _api_key: str

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
        retry_config: RetryConfig | None = None,
        logging_hooks: LoggingHooks | None = None,
        token_store: TokenStore | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
    ) -> None:
        url = check_base_url(setting(base_url, ENV_URL, DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
                             allow_insecure_http=allow_insecure_http)
        key = setting(api_key, ENV_KEY, DEFAULT_API_KEY) or DEFAULT_API_KEY
        key = v.secret(key, "api_key").strip()
        self._api_key = key
        self._tokens = TokenManager(token_store if token_store is not None else InMemoryTokenStore())
        super().__init__(  # type: ignore[call-arg]
            base_url=url, timeout=timeout_setting(timeout, ENV_TIMEOUT, DEFAULT_TIMEOUT),
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks, errors=SPAPS_ERRORS,
            auth=SpapsAuth(key, self._tokens), transport=transport, secrets=(key,),
        )

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
        return {**super()._repr_fields(), "api_key": mask(self._api_key),  # type: ignore[misc]
                "token_store": repr(self._tokens.store)}


class SpapsClient(_SpapsConfig, SyncClient):
    """Sync SPAPS client (thread-safe; a context manager; ``close()`` when done)."""


class AsyncSpapsClient(_SpapsConfig, AsyncClient):
    """Async SPAPS client (safe to share across tasks; ``await aclose()`` when done)."""


__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "AsyncSpapsClient",
    "SpapsClient",
]

"""CONXA clients: QR connection flow, status polling, exactly-once charges, balances.

Every HTTP operation is written once, as a flow on :class:`_ConxaOps`; :class:`CONXAClient`
runs it synchronously and :class:`AsyncCONXAClient` on the event loop (waits are
``yield Sleep(...)``, so ``await client.wait_for_connection(...)`` never blocks the loop).
QR methods make no request and are plain methods on both.

Decisions (the seed and the reference leave these open):

* **Charges are exactly-once per idempotency key.** The key is required (1-255 printable ASCII
  characters) and never invented. The request is built once, so every retry carries the same
  key: transport failures (reset, dropped, timeout), 5xx and 429 are retried by the client's
  :class:`~paywire.RetryConfig` (``Retry-After`` honoured); a 409 "in progress" is waited out
  (``Retry-After``, else the config's backoff) and asked again with the same key until the
  config's ``deadline`` (default :data:`CHARGE_DEADLINE`); the server then replays the stored
  original result. With ``max_retries=0`` nothing is retried and a 409 is raised.
* 402 and 403 come back as ``ChargeResult(approved=False, new_balance=…, error_code=…,
  error=…)``, as in the seed. A 401 raises: :class:`SessionTokenExpiredError` when the body's
  code names the session (both a ``SessionExpiredError`` and an ``AuthenticationError``), else
  ``AuthenticationError``. 404, 409 (after waiting), 422, 429 and 5xx (after retries) raise.
* ``get_session_status`` retries 429 itself (``max_retries`` times, ``Retry-After`` or 1, 2, 4 …
  s, never longer than ``retry_config.max_retry_after``); a ``Retry-After: 0`` is honoured as 0.
  ``wait_for_connection`` follows the seed loop; its waits never run past ``timeout``.
* ``provider_id`` is derived only from keys shaped ``pk_<env>_<provider>_…``: the seed's fallback
  (the key's first 20 characters) would print part of the secret into every QR code.
* Constructor order is conxa-sdk's: ``CONXAClient(api_key, base_url, timeout, provider_id,
  provider_type)``; ``timeout`` may be fractional (conxa-sdk truncated it with ``int()``).
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
import time
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from paywire._core import (
    APIConnectionError,
    APITimeoutError,
    AsyncClient,
    BaseClient,
    ConfigError,
    Flow,
    LoggingHooks,
    PaywireError,
    RetryConfig,
    Sleep,
    SyncClient,
    check_base_url,
    idempotency_key,
    make_status_error,
    mask,
    operation,
    register_secret,
    setting,
    timeout_setting,
)
from paywire._core import ValidationError as _CoreValidationError
from paywire._core.client import HttpBackend
from paywire._core.decode import success_object
from paywire._core.waits import poll_rate_limited, wait_while_in_progress
from paywire.conxa import qr as _qr
from paywire.conxa.errors import (
    CONXA_ERRORS,
    ConnectionTimeoutError,
    ConxaConnectionError,
    ConxaResponseValidationError,
    ConxaTimeoutError,
    ForbiddenError,
    IdempotencyConflictError,
    InsufficientBalanceError,
    MissingApiKeyError,
    RateLimitError,
    SessionExpiredError,
    SessionNotFoundError,
    ValidationError,
)
from paywire.conxa.models import ChargeResult, QRCodeData, SessionStatus, WalletBalance

__all__ = ["CHARGE_DEADLINE", "DEFAULT_BASE_URL", "AsyncCONXAClient", "AsyncConxaClient", "CONXAClient",
           "ConxaClient"]

DEFAULT_BASE_URL = "https://api.conxa.in"
DEFAULT_TIMEOUT = 30.0
#: How long ``charge`` keeps asking about a key that is in progress (409) when the retry
#: config sets no ``deadline``.
CHARGE_DEADLINE = 60.0
MAX_IDEMPOTENCY_KEY_LENGTH = 255
PROVIDER_TYPES = ("api", "web")
_HEADER_SAFE = frozenset(chr(c) for c in range(0x21, 0x7F))


# --- input checks: each raises ValidationError (a ValueError) naming the field ---------------
def _bad(field: str, message: str) -> ValidationError:
    return ValidationError.local(field, message)


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(field, f"{field} is required and cannot be empty")
    return value.strip()


def _number(value: Any, field: str, *, positive: bool) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or (value <= 0 if positive else value < 0):
        raise _bad(field, f"{field} must be a {'positive' if positive else 'non-negative'} number, got {value!r}")
    return float(value)


def _count(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _bad(field, f"{field} must be a non-negative integer, got {value!r}")
    return value


def _provider_type(value: Any, field: str = "provider_type") -> str:
    if not isinstance(value, str) or value.strip().lower() not in PROVIDER_TYPES:
        raise _bad(field, f'{field} must be "api" or "web", got {value!r}')
    return value.strip().lower()


def _qr_inputs(username: Any, limit: Any, size: Any) -> tuple[str, float | None, int]:
    name = _text(username, "provider_username")
    if limit is not None:
        limit = _number(limit, "limit", positive=False)
    if isinstance(size, bool) or not isinstance(size, int) or not _qr.MIN_SIZE <= size <= _qr.MAX_SIZE:
        raise _bad("size", f"size must be an integer from {_qr.MIN_SIZE} to {_qr.MAX_SIZE} pixels, got {size!r}")
    return name, limit, size


def _session_token(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad("session_token", "session_token is required and cannot be empty")
    if not set(value) <= _HEADER_SAFE:  # the message never repeats the token
        raise _bad("session_token", "session_token must be printable ASCII without spaces")
    return value


def _idempotency_key(value: Any) -> str:
    try:
        return idempotency_key(value, required=True, max_length=MAX_IDEMPOTENCY_KEY_LENGTH)
    except _CoreValidationError as exc:
        raise _bad("idempotency_key", str(exc)) from None


def _wallet_id(value: Any) -> str:
    wallet = _text(value, "wallet_id")
    if "/" in wallet or "\\" in wallet or ".." in wallet:
        raise _bad("wallet_id", "wallet_id contains invalid characters (/, \\ or ..)")
    if not (wallet.isascii() and wallet.isdigit() and len(wallet) == 16):
        raise _bad("wallet_id", "wallet_id must be 16 digits")
    return wallet


def provider_id_from_key(api_key: str) -> str | None:
    """``pk_live_openai_xxx`` → ``openai``; None for keys without that shape."""
    parts = api_key.split("_")
    if len(parts) >= 4 and parts[0] == "pk" and parts[2]:
        return parts[2]
    return None


# --- the operations, shared by both flavours -------------------------------------------------
class _ConxaOps(BaseClient):
    _generated_package = "paywire_gen_conxa_v1"
    DEFAULT_BASE_URL = DEFAULT_BASE_URL
    DEFAULT_TIMEOUT = DEFAULT_TIMEOUT

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        provider_id: str | None = None,
        provider_type: str = "api",
        *,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
        http_backend: HttpBackend | None = None,
    ) -> None:
        key = setting(api_key, "CONXA_API_KEY")
        if not isinstance(key, str) or not key.strip():
            raise MissingApiKeyError("API key is required and cannot be empty: pass api_key or set CONXA_API_KEY")
        key = key.strip()
        register_secret(key, self, slot="api_key")
        ptype = _provider_type(provider_type)
        pid = setting(provider_id, "CONXA_PROVIDER_ID")
        if pid is not None:
            if not isinstance(pid, str) or not pid.strip():
                raise ConfigError("provider_id cannot be empty if provided")
            pid = pid.strip()
        else:
            pid = provider_id_from_key(key)
            if pid is None:
                raise ConfigError("provider_id is required: pass provider_id or set CONXA_PROVIDER_ID "
                                  "(it can only be derived from keys shaped pk_<env>_<provider>_...)")
        url = check_base_url(setting(base_url, "CONXA_API_URL", DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
                             allow_insecure_http=allow_insecure_http)
        seconds = timeout_setting(timeout, None, DEFAULT_TIMEOUT)
        self.api_key = key
        self.provider_id = pid
        self.provider_type = ptype
        self.timeout = seconds
        #: Monotonic seconds; ``wait_for_connection`` and charge deadlines read it (tests swap it).
        self._clock: Callable[[], float] = time.monotonic
        super().__init__(
            base_url=url, headers={"X-Provider-API-Key": key, "Accept": "application/json"}, timeout=seconds,
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks,
            errors=CONXA_ERRORS, transport=transport, secrets=(key,), http_backend=http_backend,
        )

    def _repr_fields(self) -> dict[str, str]:
        return {"base_url": repr(self.base_url), "provider_id": repr(self.provider_id),
                "provider_type": repr(self.provider_type), "api_key": mask(self.api_key)}

    # -- QR codes (local; no request) -----------------------------------------------------------
    def create_payment_qr(
        self,
        provider_username: str,
        provider_type: str | None = None,
        limit: float | None = None,
        size: int = 300,
        expires_in: float | None = None,
    ) -> QRCodeData:
        """A QR for the user to scan: ``qr_data`` (JSON), ``qr_base64`` (PNG data URL) and,
        with ``expires_in`` seconds, a client-side ``expires_at``. Bad input raises
        :class:`ValidationError` before anything is generated."""
        name, cap, pixels = _qr_inputs(provider_username, limit, size)
        ptype = self.provider_type if provider_type is None else _provider_type(provider_type)
        ttl = None if expires_in is None else _number(expires_in, "expires_in", positive=True)
        payload = _qr.build_payload(self.provider_id, ptype, name, cap)
        url = _qr.png_data_url(payload, pixels)
        created = dt.datetime.now(dt.UTC)
        return QRCodeData(
            qr_data=payload, qr_base64=url, provider_id=self.provider_id, provider_type=ptype,
            provider_username=name, created_at=created,
            expires_at=None if ttl is None else created + dt.timedelta(seconds=ttl),
        )

    def create_payment_qr_svg(
        self,
        provider_username: str,
        provider_type: str | None = None,
        limit: float | None = None,
        size: int = 300,
    ) -> str:
        """The same QR as SVG markup, ``size`` x ``size`` (no expiry, as in the seed)."""
        name, cap, pixels = _qr_inputs(provider_username, limit, size)
        ptype = self.provider_type if provider_type is None else _provider_type(provider_type)
        return _qr.svg(_qr.build_payload(self.provider_id, ptype, name, cap), pixels)

    def preview_charge(self, session_token: str, model_name: str, input_tokens: int,
                       output_tokens: int) -> dict[str, Any]:
        """The seed's client-side stub (no request): echoes the inputs with ``can_proceed``."""
        return {"model_name": model_name, "input_tokens": input_tokens, "output_tokens": output_tokens,
                "can_proceed": True}

    # -- HTTP plumbing ---------------------------------------------------------------------------
    def _call(self, kwargs: Mapping[str, Any], *, retry_safe: bool | None = None,
              ok: tuple[int, ...] = ()) -> Flow[httpx.Response]:
        """Send a generated request; transport failures become CONXA errors (seed messages)."""
        try:
            return (yield from self._request_kwargs(kwargs, retry_safe=retry_safe, ok=ok))
        except APITimeoutError as exc:
            raise ConxaTimeoutError(f"Request timeout ({exc.message})", request=exc.request) from exc
        except APIConnectionError as exc:
            raise ConxaConnectionError(f"Connection error - unable to reach CONXA API ({exc.message})",
                                       request=exc.request) from exc

    def _poll(self, username: str, retry_on_rate_limit: bool, max_retries: int,
              deadline: float | None = None) -> Flow[SessionStatus]:
        from paywire_gen_conxa_v1.api.sessions import get_session_status as gen

        spec = gen.build_request(provider_username=username)
        # 429 comes back as a response (ok=...) so the seed's own retry count applies, not the core's.
        resp = yield from poll_rate_limited(
            lambda: self._call(spec, ok=(429,)), rate_limited=self._rate_limited,
            max_retries=max_retries if retry_on_rate_limit else 0, max_retry_after=self._retry.max_retry_after,
            clock=self._clock, deadline=deadline)
        return SessionStatus.from_api_response(success_object(gen, resp, ConxaResponseValidationError))

    def _rate_limited(self, response: httpx.Response) -> RateLimitError:
        error = make_status_error(response, self._errors)
        assert isinstance(error, RateLimitError)
        return error

    # -- operations --------------------------------------------------------------------------------
    @operation
    def get_session_status(
        self,
        provider_username: str,
        retry_on_rate_limit: bool = True,
        max_retries: int = 3,
        qr_data: QRCodeData | None = None,
    ) -> Flow[SessionStatus]:
        """Poll the user's connection: ``status`` pending/active/expired/not_found (unknown
        values read as not_found). Raises :class:`SessionExpiredError` before any request if
        ``qr_data`` has expired; retries 429 up to ``max_retries`` times (``Retry-After``)."""
        name = _text(provider_username, "provider_username")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise _bad("max_retries", "max_retries must be a non-negative integer")
        if qr_data is not None and qr_data.is_expired():
            raise SessionExpiredError("QR code has expired. Please generate a new QR code.")
        return (yield from self._poll(name, bool(retry_on_rate_limit), max_retries))

    @operation
    def wait_for_connection(
        self,
        provider_username: str,
        timeout: float = 120,
        poll_interval: float = 2,
        on_pending: Callable[[SessionStatus], object] | None = None,
        rate_limit_timeout: float = 10,
        qr_data: QRCodeData | None = None,
    ) -> Flow[SessionStatus]:
        """Poll until the user connects; returns the active :class:`SessionStatus`.

        Raises :class:`ConnectionTimeoutError` after ``timeout`` seconds and
        :class:`SessionExpiredError` when the QR expires, the session reports ``expired``, or the
        poll has been rate limited for ``rate_limit_timeout`` seconds in total. ``on_pending``
        (a plain function, also on the async client) is called with each pending status. A 404
        or ``not_found`` keeps waiting; a 429 waits ``Retry-After`` (else
        ``min(2 * poll_interval, 30)``) with a ``UserWarning``.
        """
        name = _text(provider_username, "provider_username")
        limit = _number(timeout, "timeout", positive=True)
        interval = _number(poll_interval, "poll_interval", positive=True)
        rl_limit = _number(rate_limit_timeout, "rate_limit_timeout", positive=False)
        if on_pending is not None and (not callable(on_pending) or inspect.iscoroutinefunction(on_pending)):
            # A flow cannot await; an async callback would silently never run.
            raise _bad("on_pending", "on_pending must be a plain (non-async) callable")
        clock = self._clock
        start = clock()
        deadline = start + limit
        rl_started: float | None = None
        rl_total = 0.0
        while True:
            if clock() - start >= limit:
                raise ConnectionTimeoutError(f"User did not connect within {timeout} seconds")
            if qr_data is not None and qr_data.is_expired():
                raise SessionExpiredError("QR code has expired. Please generate a new QR code.")
            try:
                status = yield from self._poll(name, True, 3, deadline)
            except SessionNotFoundError:
                status = None
            except RateLimitError as exc:
                now = clock()
                if rl_started is None:
                    rl_started = now
                limited = rl_total + (now - rl_started)
                if limited >= rl_limit:
                    raise SessionExpiredError(
                        "QR code session expired due to rate limiting. Please generate a new QR code.") from exc
                backoff = min(interval * 2, 30.0) if exc.retry_after is None else exc.retry_after
                warnings.warn(f"Rate limit hit while waiting for connection. Backing off for {backoff:g} seconds. "
                              f"Total rate limit time: {limited:.1f}s/{rl_limit:g}s", UserWarning, stacklevel=2)
                yield Sleep(min(backoff, max(deadline - clock(), 0.0)))
                continue
            if rl_started is not None:
                rl_total += clock() - rl_started
                rl_started = None
            if status is not None:
                if status.is_active:
                    return status
                if status.is_expired:
                    raise SessionExpiredError("Session expired before connection")
                if on_pending is not None and status.is_pending:
                    on_pending(status)
            yield Sleep(min(interval, max(deadline - clock(), 0.0)))

    @operation
    def charge(
        self,
        session_token: str,
        idempotency_key: str,
        model_name: str,
        input_tokens: int,
        output_tokens: int,
    ) -> Flow[ChargeResult]:
        """Charge the connected wallet, exactly once per ``idempotency_key`` (see module doc).

        Returns ``ChargeResult(approved=True, new_balance=…)``, or ``approved=False`` for 402
        (insufficient balance) and 403 (spending limit / no permission).
        """
        from paywire_gen_conxa_v1.api.charges import authorize_charge as gen
        from paywire_gen_conxa_v1.models.charge_request import ChargeRequest

        token = _session_token(session_token)
        key = _idempotency_key(idempotency_key)
        model = _text(model_name, "model_name")
        body = ChargeRequest(model_name=model, input_tokens=_count(input_tokens, "input_tokens"),
                             output_tokens=_count(output_tokens, "output_tokens"))
        register_secret(token)
        spec = gen.build_request(body=body, x_provider_session=token, x_idempotency_key=key)
        policy = self._retry
        # A 409 means the first request with this key is still running: ask again, same key.
        return (yield from wait_while_in_progress(
            lambda: self._charge_once(spec), in_progress=IdempotencyConflictError,
            response_of=lambda exc: exc.http_response, policy=policy,
            deadline=self._clock() + (policy.deadline or CHARGE_DEADLINE), clock=self._clock))

    def _charge_once(self, spec: Mapping[str, Any]) -> Flow[ChargeResult]:
        from paywire_gen_conxa_v1.api.charges import authorize_charge as gen

        try:
            resp = yield from self._call(spec, retry_safe=True)
        except (InsufficientBalanceError, ForbiddenError) as exc:
            return ChargeResult(approved=False, new_balance=exc.current_balance or 0,
                                error_code=exc.error_code, error=str(exc))
        return ChargeResult.from_api_response(success_object(gen, resp, ConxaResponseValidationError))

    @operation
    def get_wallet_balance(self, wallet_id: str) -> Flow[WalletBalance]:
        """A wallet's token balance (``wallet_id``: 16 digits)."""
        from paywire_gen_conxa_v1.api.wallets import get_wallet_balance as gen

        resp = yield from self._call(gen.build_request(_wallet_id(wallet_id)))
        return WalletBalance.from_api_response(success_object(gen, resp, ConxaResponseValidationError))

    @operation
    def health_check(self) -> Flow[bool]:
        """True only for a 200 ``{"status": "ok"}``; never raises (as in the seed)."""
        from paywire_gen_conxa_v1.api.health import health_check as gen

        try:
            resp = yield from self._call(gen.build_request())
            body = success_object(gen, resp, ConxaResponseValidationError)
        except PaywireError:  # malformed answers included: the seed's contract is a bool
            return False
        return isinstance(body, dict) and body.get("status") == "ok"


class CONXAClient(_ConxaOps, SyncClient):
    """CONXA client (blocking). ``CONXAClient(api_key="pk_live_…", provider_id="…")``; both
    also come from ``CONXA_API_KEY`` / ``CONXA_PROVIDER_ID``, the URL from ``CONXA_API_URL``."""


class AsyncCONXAClient(_ConxaOps, AsyncClient):
    """CONXA client for asyncio: the same operations as coroutines (QR methods stay plain)."""


ConxaClient = CONXAClient
AsyncConxaClient = AsyncCONXAClient

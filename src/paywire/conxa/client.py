"""CONXA clients: QR connection flow, status polling, exactly-once charges, balances.

Every HTTP operation is written once, as a flow in the resource module of its API tag
(``paywire.conxa.resources.<tag>``: requests by the generated ``build_request``, success bodies
parsed by the generated models, the 409 and 429 waits by ``paywire._core.waits``); :class:`CONXAClient`
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
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# (reads like vellum/client.py's import list: every client is built from the same core pieces)
from paywire._core import (
    AsyncClient,
    ConfigError,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    check_base_url,
    mask,
    register_secret,
    setting,
    timeout_setting,
)
from paywire._core.client import HttpBackend
from paywire.conxa import qr as _qr
from paywire.conxa.errors import CONXA_ERRORS, MissingApiKeyError
from paywire.conxa.models import QRCodeData
from paywire.conxa.resources._base import bad, number, text
from paywire.conxa.resources._base import provider_type as provider_type_
from paywire.conxa.resources.charges import CHARGE_DEADLINE, ChargesOps
from paywire.conxa.resources.health import HealthOps
from paywire.conxa.resources.sessions import SessionsOps
from paywire.conxa.resources.wallets import WalletsOps

if TYPE_CHECKING:  # generated code is imported where a call needs it (see resources/_base.py)
    import paywire_gen_conxa_v1

__all__ = ["CHARGE_DEADLINE", "DEFAULT_BASE_URL", "AsyncCONXAClient", "AsyncConxaClient", "CONXAClient",
           "ConxaClient"]

DEFAULT_BASE_URL = "https://api.conxa.in"
DEFAULT_TIMEOUT = 30.0


def _qr_inputs(username: Any, limit: Any, size: Any) -> tuple[str, float | None, int]:
    name = text(username, "provider_username")
    if limit is not None:
        limit = number(limit, "limit", positive=False)
    if isinstance(size, bool) or not isinstance(size, int) or not _qr.MIN_SIZE <= size <= _qr.MAX_SIZE:
        raise bad("size", f"must be an integer from {_qr.MIN_SIZE} to {_qr.MAX_SIZE} pixels, got {size!r}")
    return name, limit, size


def provider_id_from_key(api_key: str) -> str | None:
    """``pk_live_openai_xxx`` → ``openai``; None for keys without that shape."""
    parts = api_key.split("_")
    if len(parts) >= 4 and parts[0] == "pk" and parts[2]:
        return parts[2]
    return None


# --- the operations, shared by both flavours -------------------------------------------------
class _ConxaOps(SessionsOps, ChargesOps, WalletsOps, HealthOps):
    """Configuration and the local QR methods; every HTTP operation comes from the resource
    modules (``paywire.conxa.resources.<tag>``), shared by the sync and the async client."""

    DEFAULT_BASE_URL = DEFAULT_BASE_URL
    DEFAULT_TIMEOUT = DEFAULT_TIMEOUT

    # conxa-sdk's constructor order (the parameters look like SpapsClient's; the order and names are each seed's)
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
        ptype = provider_type_(provider_type)
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
        self._clock: Callable[[], float] = time.monotonic  # tests swap it
        super().__init__(
            base_url=url, headers={"X-Provider-API-Key": key, "Accept": "application/json"}, timeout=seconds,
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks,
            errors=CONXA_ERRORS, transport=transport, secrets=(key,), http_backend=http_backend,
        )

    @property
    def generated(self) -> paywire_gen_conxa_v1.Client:
        """The generated ``paywire_gen_conxa_v1`` client, wired to this client's httpx client."""
        from paywire_gen_conxa_v1 import Client

        return self._generated_client(Client)

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
        name, ptype, payload, pixels = self._qr_payload(provider_username, provider_type, limit, size)
        ttl = None if expires_in is None else number(expires_in, "expires_in", positive=True)
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
    ) -> str:  # the seed's parameters of create_payment_qr, less expires_in
        """The same QR as SVG markup, ``size`` x ``size`` (no expiry, as in the seed)."""
        _name, _ptype, payload, pixels = self._qr_payload(provider_username, provider_type, limit, size)
        return _qr.svg(payload, pixels)

    def _qr_payload(self, username: Any, provider_type: str | None, limit: Any,
                    size: Any) -> tuple[str, str, str, int]:
        """The checked username and provider type, the QR's JSON payload and its size in pixels
        (bad input raises before anything is generated)."""
        name, cap, pixels = _qr_inputs(username, limit, size)
        ptype = self.provider_type if provider_type is None else provider_type_(provider_type)
        return name, ptype, _qr.build_payload(self.provider_id, ptype, name, cap), pixels

    def preview_charge(self, session_token: str, model_name: str, input_tokens: int,
                       output_tokens: int) -> dict[str, Any]:
        """The seed's client-side stub (no request): echoes the inputs with ``can_proceed``."""
        return {"model_name": model_name, "input_tokens": input_tokens, "output_tokens": output_tokens,
                "can_proceed": True}


class CONXAClient(_ConxaOps, SyncClient):
    """CONXA client (blocking). ``CONXAClient(api_key="pk_live_…", provider_id="…")``; both
    also come from ``CONXA_API_KEY`` / ``CONXA_PROVIDER_ID``, the URL from ``CONXA_API_URL``."""


class AsyncCONXAClient(_ConxaOps, AsyncClient):
    """CONXA client for asyncio: the same operations as coroutines (QR methods stay plain)."""


ConxaClient = CONXAClient
AsyncConxaClient = AsyncCONXAClient

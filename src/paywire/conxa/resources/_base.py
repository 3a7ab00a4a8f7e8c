"""What every CONXA resource module shares: the client base the operations run on, the input
checks (the core :class:`~paywire._core.validate.Validator`, raising CONXA's own
:class:`~paywire.conxa.errors.ValidationError` with the seed's messages), and sending a request
built by a generated ``build_request`` with CONXA's transport errors.

The operations import their generated modules inside the function that sends (static, typed
imports, as Vellum's): the generated package and the attrs it is built on load with the first
call, not with ``import paywire.conxa``."""

from __future__ import annotations

import math
from collections.abc import Callable, Container
from typing import TYPE_CHECKING, Any

import httpx

from paywire._core import APIConnectionError, APITimeoutError, BaseClient, Flow
from paywire._core import ValidationError as _CoreValidationError
from paywire._core.config import idempotency_key as _core_idempotency_key
from paywire._core.validate import Validator
from paywire.conxa.errors import (
    CONXA_ERRORS,
    ConxaConnectionError,
    ConxaTimeoutError,
)

if TYPE_CHECKING:
    from paywire_gen_conxa_v1.types import RequestSpec


MAX_IDEMPOTENCY_KEY_LENGTH = 255
PROVIDER_TYPES = ("api", "web")
_HEADER_SAFE = frozenset(chr(c) for c in range(0x21, 0x7F))

#: CONXA's argument checks: every failure is a :class:`paywire.conxa.ValidationError` (a ValueError).
V = Validator(CONXA_ERRORS)


def bad(field: str, problem: str) -> _CoreValidationError:
    """CONXA's validation error: ``"<field> <problem>"`` (the seed's wording), naming the field."""
    return V.fail(field, problem)


def text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad(field, "is required and cannot be empty")
    return value.strip()


def number(value: Any, field: str, *, positive: bool) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or (value <= 0 if positive else value < 0):
        raise bad(field, f"must be a {'positive' if positive else 'non-negative'} number, got {value!r}")
    return float(value)


def count(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise bad(field, f"must be a non-negative integer, got {value!r}")
    return value


def provider_type(value: Any, field: str = "provider_type") -> str:
    if not isinstance(value, str) or value.strip().lower() not in PROVIDER_TYPES:
        raise bad(field, f'must be "api" or "web", got {value!r}')
    return value.strip().lower()


def session_token(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad("session_token", "is required and cannot be empty")
    if not set(value) <= _HEADER_SAFE:  # the message never repeats the token
        raise bad("session_token", "must be printable ASCII without spaces")
    return value


def idempotency_key(value: Any) -> str:
    try:
        return _core_idempotency_key(value, required=True, max_length=MAX_IDEMPOTENCY_KEY_LENGTH)
    except _CoreValidationError as exc:
        raise CONXA_ERRORS.make_local(CONXA_ERRORS.validation or _CoreValidationError, str(exc),
                                      "idempotency_key") from None


def wallet_id(value: Any) -> str:
    wallet = text(value, "wallet_id")
    if "/" in wallet or "\\" in wallet or ".." in wallet:
        raise bad("wallet_id", "contains invalid characters (/, \\ or ..)")
    if not (wallet.isascii() and wallet.isdigit() and len(wallet) == 16):
        raise bad("wallet_id", "must be 16 digits")
    return wallet




class ConxaBase(BaseClient):
    """The client base the resource mixins' operations run on (configuration: ``client.py``)."""

    #: Monotonic seconds; ``wait_for_connection`` and charge deadlines read it (tests swap it).
    _clock: Callable[[], float]

    def _call(self, spec: RequestSpec, *, retry_safe: bool | None = None,
              ok: Container[int] = ()) -> Flow[httpx.Response]:
        """Send a generated request; transport failures become CONXA errors (seed messages)."""
        try:
            return (yield from self._request_kwargs(spec, retry_safe=retry_safe, ok=ok))
        except APITimeoutError as exc:
            raise ConxaTimeoutError(f"Request timeout ({exc.message})", request=exc.request) from exc
        except APIConnectionError as exc:
            raise ConxaConnectionError(f"Connection error - unable to reach CONXA API ({exc.message})",
                                       request=exc.request) from exc

"""CONXA exceptions: the seed's names and signatures, mixed into paywire's hierarchy.

Every name the seed exports is here with its constructor (``CONXAError(message, status_code,
response, error_code)``, ``InsufficientBalanceError(message, current_balance, response)``,
``RateLimitError(message, retry_after, response)`` ...) and ``str(e) == "[<status>] <message>"``
when a status is set. Errors made from HTTP responses also inherit the matching paywire class,
so ``except paywire.RateLimitError`` and ``except paywire.conxa.RateLimitError`` catch the same
error; transport failures are ``CONXAError`` *and* ``paywire.APIConnectionError``.

``e.response`` is, as in the seed, the parsed error body (a dict); for errors made from an
HTTP response it is an :class:`ErrorResponse`, a dict that also answers ``status_code``,
``headers``, ``text``, ``json()`` and ``http_response`` like the ``httpx.Response`` behind it.

Decisions where the seed is vague (see also ``CONXAClient.charge``):

* A 401 whose body ``code`` names the *session* (``INVALID_SESSION``, ``SESSION_EXPIRED``,
  ``SESSION_REVOKED``) raises :class:`SessionTokenExpiredError`, which is both a
  :class:`SessionExpiredError` (what the seed README catches) and an
  :class:`AuthenticationError` (what conxa-sdk 1.3.4 actually raises). Other 401s are
  :class:`AuthenticationError`.
* :class:`ValidationError` is raised for bad input caught locally (``status_code`` None; it is
  also a ``ValueError`` and a ``paywire.ValidationError``) and, as a subclass that is also a
  ``paywire.UnprocessableEntityError``, for a server 422 (``status_code`` 422, ``errors`` from
  the body).
* ``ProviderNotFoundError`` is exported for compatibility; like the seed, nothing raises it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

from paywire._core import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigError,
    ConflictError,
    ErrorMap,
    NotFoundError,
    PaymentRequiredError,
    PaywireError,
    PermissionDeniedError,
    UnprocessableEntityError,
    parse_retry_after,
    redact,
)
from paywire._core import AuthenticationError as _CoreAuthenticationError
from paywire._core import RateLimitError as _CoreRateLimitError
from paywire._core import ValidationError as _CoreValidationError
from paywire._core.errors import ResponseValidationError
from paywire._core.flow import HttpResponseFacts
from paywire._core.redact import sanitize_server_text

__all__ = [
    "APIError",
    "AuthenticationError",
    "CONXAError",
    "ConnectionTimeoutError",
    "ConxaConnectionError",
    "ConxaResponseValidationError",
    "ConxaTimeoutError",
    "ErrorResponse",
    "ForbiddenError",
    "IdempotencyConflictError",
    "InsufficientBalanceError",
    "ProviderNotFoundError",
    "RateLimitError",
    "SessionExpiredError",
    "SessionNotFoundError",
    "SessionTokenExpiredError",
    "ValidationError",
]

#: 401 codes that mean "this session token is no longer valid" (not "bad API key").
SESSION_401_CODES = frozenset({"INVALID_SESSION", "SESSION_EXPIRED", "SESSION_REVOKED"})


class ErrorResponse(HttpResponseFacts, dict[str, Any]):
    """The parsed error body (the seed's ``e.response`` dict) plus the HTTP response behind it."""

    http_response: httpx.Response | None

    def __init__(self, data: Mapping[str, Any] | None = None, http_response: httpx.Response | None = None) -> None:
        super().__init__(data or {})
        self.http_response = http_response

    @property
    def text(self) -> str:
        return "" if self.http_response is None else self.http_response.text

    def json(self) -> Any:
        return dict(self)


def _body_dict(body: Any) -> dict[str, Any]:
    return body if isinstance(body, dict) else {}


class CONXAError(PaywireError):
    """Base class of every CONXA error (the seed's root)."""

    # ``Any`` so the paywire classes mixed in below (``status_code: int``, ``response:
    # httpx.Response``) stay compatible for the type checker; the values are documented above.
    message: str
    status_code: Any
    response: Any
    error_code: str | None

    def __init__(self, message: str = "An error occurred", status_code: int | None = None,
                 response: Any = None, error_code: str | None = None) -> None:
        self._init(message, status_code, response, error_code)

    def _init(self, message: str, status_code: int | None, response: Any, error_code: str | None) -> None:
        text = redact(str(message))
        Exception.__init__(self, text)
        self.message = text
        self.status_code = status_code
        self.response = response if response is not None else {}
        data = _body_dict(self.response)
        # Server text (may echo a key, carry escapes): sanitised like the core's ``code``.
        self.error_code = sanitize_server_text(error_code if error_code is not None else data.get("code"))

    def __str__(self) -> str:
        if self.status_code:
            return f"[{self.status_code}] {self.message}"
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, error_code={self.error_code!r}, message={self.message!r})"


class ConxaResponseValidationError(CONXAError, ResponseValidationError):
    """A success answer whose body is not what the CONXA spec promises (see
    :class:`paywire.ResponseValidationError`): never read as a decline or a zero balance."""

    def __init__(self, reason: str, *, response: httpx.Response | None = None) -> None:
        ResponseValidationError.__init__(self, reason, response=response)
        self.error_code = None

    __str__ = ResponseValidationError.__str__
    __repr__ = ResponseValidationError.__repr__


class _StatusError(CONXAError, APIStatusError):
    """A CONXA error for an HTTP status; constructible the seed's way or by paywire's core.

    The core builds these as ``cls(message, response=<httpx.Response>, body=, code=,
    request_id=)``; user code builds them as ``cls(message, ..., response=<dict>)``.
    """

    default_status: int | None = None

    def __init__(self, message: str = "API error occurred", status_code: int | None = None,
                 response: Any = None, error_code: str | None = None, *, body: Any = None,
                 code: str | None = None, request_id: str | None = None) -> None:
        self._init_status(message, status_code, response, error_code, body, code, request_id)

    def _init_status(self, message: str, status_code: int | None, response: Any, error_code: str | None,
                     body: Any, code: str | None, request_id: str | None) -> None:
        http = response if isinstance(response, httpx.Response) else None
        status: int | None
        if http is not None:
            data = _body_dict(body)
            status = http.status_code
        else:
            data = dict(response) if isinstance(response, Mapping) else _body_dict(body)
            status = status_code if status_code is not None else self.default_status
        self._init(message, status, ErrorResponse(data, http), error_code if error_code is not None else code)
        self.code = self.error_code
        self.body = body if body is not None else data
        self.request_id = request_id
        self.http_response = http
        self.request = _request_of(http)


class _SeedStatusError(_StatusError):
    """A status error with the seed's short constructor ``(message, response)`` plus the core's
    keywords; ``default_message`` is the seed's default text for the class."""

    default_message: ClassVar[str] = "API error occurred"

    def __init__(self, message: str | None = None, response: Any = None, *, body: Any = None,
                 code: str | None = None, request_id: str | None = None) -> None:
        self._init_status(self.default_message if message is None else message, None, response, None, body, code,
                          request_id)


def _whole_number(value: Any) -> int | None:
    """A body's balance field (``new_balance``) when it is an integer, else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _request_of(response: httpx.Response | None) -> httpx.Request | None:
    if response is None:
        return None
    try:
        return response.request
    except RuntimeError:  # a response built without a request (user code, tests)
        return None


class APIError(_StatusError):
    """Any other error status (5xx, 400, ...): ``status_code`` says which."""

    default_status = 500

    def __init__(self, message: str = "API error occurred", status_code: int | None = 500,
                 response: Any = None, error_code: str | None = None, *, body: Any = None,
                 code: str | None = None, request_id: str | None = None) -> None:
        self._init_status(message, status_code, response, error_code, body, code, request_id)


class AuthenticationError(_SeedStatusError, _CoreAuthenticationError):
    """401: invalid or missing API key (or, see :class:`SessionTokenExpiredError`, session)."""

    default_status = 401
    default_message = "Invalid or missing API key"


class MissingApiKeyError(AuthenticationError, ConfigError):
    """No API key configured: the seed's ``AuthenticationError``, and a paywire ``ConfigError``."""


class InsufficientBalanceError(_StatusError, PaymentRequiredError):
    """402: the wallet cannot pay; ``current_balance`` is the body's ``new_balance``."""

    default_status = 402

    def __init__(self, message: str = "Insufficient balance", current_balance: int | None = None,
                 response: Any = None, *, body: Any = None, code: str | None = None,
                 request_id: str | None = None) -> None:
        self._init_status(message, None, response, None, body, code, request_id)
        self.current_balance = _whole_number(self.response.get("new_balance")) if current_balance is None \
            else current_balance


class ForbiddenError(_SeedStatusError, PermissionDeniedError):
    """403: spending limit exceeded (``HARD_CAP_VIOLATION``) or ``NO_CHARGE_PERMISSION``."""

    default_status = 403
    default_message = "Forbidden"

    def __init__(self, message: str | None = None, response: Any = None, *, body: Any = None,
                 code: str | None = None, request_id: str | None = None) -> None:
        super().__init__(message, response, body=body, code=code, request_id=request_id)
        self.current_balance = _whole_number(self.response.get("new_balance"))


class SessionNotFoundError(_SeedStatusError, NotFoundError):
    """404 (the status poll: no session yet; ``wait_for_connection`` keeps waiting)."""

    default_status = 404
    default_message = "No active session found"


class ProviderNotFoundError(_SeedStatusError, NotFoundError):
    """Exported for compatibility with the seed, which never raises it either."""

    default_status = 404
    default_message = "Provider not found"


class IdempotencyConflictError(_SeedStatusError, ConflictError):
    """409: a charge with this idempotency key is still in progress.

    ``charge()`` waits this out and asks again with the same key (until its deadline), so you
    see it only when retries are off or the first request is still running at the deadline.
    """

    default_status = 409
    default_message = "Idempotency key in progress"


class RateLimitError(_StatusError, _CoreRateLimitError):
    """429: ``retry_after`` is the server's ``Retry-After`` in seconds (None if absent)."""

    # shape-alike with InsufficientBalanceError: the seed's constructor takes another second argument

    default_status = 429

    def __init__(self, message: str = "Rate limit exceeded", retry_after: float | None = None,
                 response: Any = None, *, body: Any = None, code: str | None = None,
                 request_id: str | None = None) -> None:
        self._init_status(message, None, response, None, body, code, request_id)
        if retry_after is None and self.http_response is not None:
            retry_after = parse_retry_after(self.http_response.headers.get("retry-after"))
        self.retry_after: float | None = retry_after


class ValidationError(CONXAError, _CoreValidationError):
    """Invalid input: caught locally before any request (``status_code`` None, ``field`` set),
    or a server 422 (see :class:`ServerValidationError`). ``errors`` lists the problems."""

    def __init__(self, message: str = "Validation error", errors: list[Any] | None = None,
                 response: Any = None, *, field: str | None = None, status_code: int | None = 422) -> None:
        data = response if isinstance(response, Mapping) else {}
        self._init(message, status_code, response, None)
        self.field = field
        self.errors: list[Any] = errors if errors is not None else list(data.get("errors") or [])

    @classmethod
    def local(cls, field: str, message: str) -> ValidationError:
        """Bad input caught before any request: no status, one error naming the field."""
        return cls(message, [{"loc": [field], "msg": message, "type": "value_error"}], field=field,
                   status_code=None)


class ServerValidationError(ValidationError, _StatusError, UnprocessableEntityError):
    """422 from the server (also a ``paywire.UnprocessableEntityError``)."""

    default_status = 422

    def __init__(self, message: str = "Validation error", errors: list[Any] | None = None,
                 response: Any = None, *, body: Any = None, code: str | None = None,
                 request_id: str | None = None) -> None:
        self._init_status(message, None, response, None, body, code, request_id)
        self.field = None
        listed = self.response.get("errors")
        self.errors = errors if errors is not None else (list(listed) if isinstance(listed, list) else [])


class SessionExpiredError(CONXAError):
    """The QR code or the session expired (client-side QR expiry, an ``expired`` status while
    waiting, too long rate-limited while waiting, or a 401 naming the session)."""

    def __init__(self, message: str = "Session expired or invalid", response: Any = None) -> None:
        self._init(message, 401, response, None)


class SessionTokenExpiredError(AuthenticationError, SessionExpiredError):
    """401 on a charge whose session token is unknown, expired or revoked: catch it as either
    :class:`SessionExpiredError` (the seed README) or :class:`AuthenticationError` (conxa-sdk)."""

    default_message = "Session expired or invalid"  # the seed's; the constructor is AuthenticationError's


class ConnectionTimeoutError(CONXAError):
    """``wait_for_connection`` gave up: the user did not connect in time (no HTTP status)."""

    def __init__(self, message: str = "Connection timeout - user did not connect") -> None:
        self._init(message, None, None, None)


class ConxaConnectionError(CONXAError, APIConnectionError):
    """The request got no complete response (refused, reset, dropped): a ``CONXAError`` as in
    the seed, and a ``paywire.APIConnectionError``."""

    def __init__(self, message: str = "Connection error - unable to reach CONXA API", *,
                 request: httpx.Request | None = None) -> None:
        self._init(message, None, None, None)
        self.request = request


class ConxaTimeoutError(ConxaConnectionError, APITimeoutError):
    """The request timed out (``paywire.APITimeoutError`` too)."""

    def __init__(self, message: str = "Request timeout", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class _ConxaErrorMap(ErrorMap):
    """Status → class, plus the one code-dependent case: a 401 naming the session."""

    def classify(self, status: int, code: str | None = None) -> type[APIStatusError]:
        if status == 401 and code in SESSION_401_CODES:
            return SessionTokenExpiredError
        return super().classify(status, code)

    def make_local(self, cls: type[_CoreValidationError], message: str, field: str | None) -> _CoreValidationError:
        # CONXA's ValidationError defaults to a 422 status and lists its problems: a local one has neither.
        if issubclass(cls, ValidationError):
            return cls.local(field or "", message)
        return super().make_local(cls, message, field)


CONXA_ERRORS: ErrorMap = _ConxaErrorMap(
    APIError,
    {
        401: AuthenticationError,
        402: InsufficientBalanceError,
        403: ForbiddenError,
        404: SessionNotFoundError,
        409: IdempotencyConflictError,
        422: ServerValidationError,
        429: RateLimitError,
    },
    prefix="Conxa",
    validation=ValidationError,  # a bad path id is conxa's ValidationError, as every other bad input
)

"""One exception hierarchy for every paywire service.

``PaywireError`` is the root. HTTP failures are ``APIStatusError`` subclasses chosen by status
(``AuthenticationError`` for 401, ``RateLimitError`` for 429, ...); transport failures are
``APIConnectionError`` / ``APITimeoutError``; bad input is ``ValidationError`` (also a
``ValueError``) raised before anything is sent.

Each service keeps its own exception names (``VellumAuthError``, ``InsufficientBalanceError``,
SPAPS's ``AuthError`` ...). They are mixed into this hierarchy by :class:`ErrorMap`, so both
``except paywire.RateLimitError`` and ``except conxa.RateLimitError`` catch the same error.
"""

from __future__ import annotations

import json
from typing import Any, overload

import httpx

from paywire._core.redact import redact, sanitize_server_text

#: Longest error code / request id kept (a server echoing a whole body there is cut).
MAX_CODE_LENGTH = 128
MAX_REQUEST_ID_LENGTH = 128


class ServerText:
    """An attribute that holds text a server sent, sanitised (``sanitize_server_text``) and cut
    to ``max_length`` on every assignment; it reads back as stored (``None`` until set)."""

    def __init__(self, max_length: int) -> None:
        self.max_length = max_length
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    @overload
    def __get__(self, obj: None, owner: type) -> ServerText: ...
    @overload
    def __get__(self, obj: object, owner: type) -> str | None: ...
    def __get__(self, obj: object, owner: type) -> ServerText | str | None:
        if obj is None:
            return self
        value: str | None = getattr(obj, self.slot, None)
        return value

    def __set__(self, obj: object, value: str | None) -> None:
        setattr(obj, self.slot, sanitize_server_text(value, self.max_length))


class PaywireError(Exception):
    """Base class of every exception paywire raises."""


class ConfigError(PaywireError, ValueError):
    """The client was configured wrongly (missing key, unsafe base URL, bad option)."""


class ValidationError(PaywireError, ValueError):
    """Bad input, caught locally before any request is sent (or money moves)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class UnsupportedOperationError(PaywireError):
    """The method (or argument) does not exist in the API version this client is pinned to.

    Raised before any request. ``.operation``, ``.api_version`` (the pinned one) and
    ``.supported_versions`` (the versions that have it) say what to do instead.
    """

    def __init__(self, message: str, *, operation: str, api_version: str,
                 supported_versions: tuple[str, ...]) -> None:
        super().__init__(message)
        self.operation = operation
        self.api_version = api_version
        self.supported_versions = supported_versions


class APIError(PaywireError):
    """Something went wrong talking to an API (status error or transport failure)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(redact(message))
        self.message = redact(message)
        self.request = request


class APIConnectionError(APIError):
    """The request did not get a complete response (DNS, refused, reset, dropped)."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(APIError):
    """The API answered with a non-success status.

    Attributes: ``status_code``, ``code`` (the API's error code, if any), ``message``,
    ``request_id`` (``X-Request-ID`` header, else the body), ``body`` (parsed JSON, or the raw
    text when the body is not JSON), ``response`` (the ``httpx.Response``).
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request=response.request if _has_request(response) else None)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.request_id = request_id

    # ``code`` and ``request_id`` are raw server text (they have echoed API keys, ANSI escapes
    # and forged log lines): every assignment, from the core or a service's own constructor,
    # goes through the sanitiser, so no subclass can store them raw.
    code = ServerText(MAX_CODE_LENGTH)
    request_id = ServerText(MAX_REQUEST_ID_LENGTH)

    def __str__(self) -> str:
        text = f"[{self.status_code}] {self.message}"
        if self.code:
            text += f" (code {self.code})"
        if self.request_id:
            text += f" [request {self.request_id}]"
        return redact(text)  # code and request id come from the server and may echo a secret

    def __repr__(self) -> str:
        return redact(f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, message={self.message!r}, request_id={self.request_id!r})")


def _has_request(response: httpx.Response) -> bool:
    try:
        response.request  # noqa: B018 - raises RuntimeError when the response has none
    except RuntimeError:
        return False
    return True


class BadRequestError(APIStatusError):
    """400."""


class AuthenticationError(APIStatusError):
    """401: missing, invalid or expired credentials."""


class PaymentRequiredError(APIStatusError):
    """402: e.g. a declined card or an insufficient wallet balance."""


class PermissionDeniedError(APIStatusError):
    """403."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409: e.g. an idempotency key still in progress, or a duplicate subscription."""


class UnprocessableEntityError(APIStatusError):
    """422."""


class RateLimitError(APIStatusError):
    """429. ``retry_after`` is the server's hint in seconds, when it sent one."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        from paywire._core.retries import parse_retry_after

        self.retry_after: float | None = parse_retry_after(self.response.headers.get("retry-after"))


class InternalServerError(APIStatusError):
    """5xx."""


STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def class_for_status(status: int) -> type[APIStatusError]:
    if status in STATUS_CLASSES:
        return STATUS_CLASSES[status]
    if status >= 500:
        return InternalServerError
    return APIStatusError


class ErrorMap:
    """Chooses the exception class for a failed response, for one service.

    ``service_base`` is the service's own root status error (e.g. ``VellumApiError``);
    ``overrides`` maps a status to a service class (e.g. ``{401: VellumAuthenticationError}``).
    For other statuses a class that inherits from both ``service_base`` and the generic class
    (e.g. ``NotFoundError``) is made once and cached, so both names catch it.
    """

    def __init__(
        self,
        service_base: type[APIStatusError] | None = None,
        overrides: dict[int, type[APIStatusError]] | None = None,
        *,
        prefix: str = "",
        validation: type[ValidationError] | None = None,
    ) -> None:
        self.service_base = service_base
        self.overrides = dict(overrides or {})
        self.prefix = prefix
        self.validation = validation
        self._mixed: dict[type[APIStatusError], type[APIStatusError]] = {}
        self._local_mixed: dict[type[ValidationError], type[ValidationError]] = {}

    def local_error(self, exc: ValidationError) -> ValidationError:
        """``exc`` (a core error raised by shared code, e.g. a bad path id caught by the generated
        request builder) as the service's own validation class, so ``except VellumValidationError``
        catches it too. The result is an instance of both classes; without a service class, or
        when ``exc`` already is one, ``exc`` itself."""
        service = self.validation
        if service is None or isinstance(exc, service):
            return exc
        core = type(exc)
        mixed = self._local_mixed.get(core)
        if mixed is None:
            mixed = type(f"{self.prefix}{core.__name__}", (service, core), {"__module__": service.__module__})
            self._local_mixed[core] = mixed
        return self.make_local(mixed, str(exc), exc.field)

    def make_local(self, cls: type[ValidationError], message: str, field: str | None) -> ValidationError:
        """Instantiate a service validation class (services with other constructors override)."""
        return cls(message, field=field)

    def classify(self, status: int, code: str | None = None) -> type[APIStatusError]:
        if status in self.overrides:
            return self.overrides[status]
        generic = class_for_status(status)
        base = self.service_base
        if base is None or issubclass(base, generic):
            return base or generic
        mixed = self._mixed.get(generic)
        if mixed is None:
            name = f"{self.prefix}{generic.__name__}"
            mixed = type(name, (base, generic), {"__module__": base.__module__})
            self._mixed[generic] = mixed
        return mixed


DEFAULT_ERRORS = ErrorMap()


def parse_error_body(response: httpx.Response) -> tuple[Any, str | None, str | None, str | None]:
    """(body, code, message, request_id) from any of the four APIs' error shapes.

    Shapes seen: SPAPS ``{"error": {"code", "message"}, "metadata": {"request_id"}}`` and the
    OAuth-style ``{"error": "...", "error_description": "..."}``; Lumen/Vellum
    ``{"error": "..."}``; CONXA ``{"status": "error", "message", "code", "errors"}`` and
    FastAPI's ``{"detail": str | [{"msg"}]}``. A body that is not JSON (an HTML page from a
    proxy) never raises: it is kept as text.
    """
    text = ""
    try:
        text = response.text
    except Exception:  # undecodable bytes: keep going without a message
        text = ""
    body: Any = text
    code = message = None
    request_id = response.headers.get("x-request-id")
    if text:
        try:
            body = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            body = text
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            code = _str(err.get("code"))
            message = _str(err.get("message"))
        elif isinstance(err, str):
            message = _str(body.get("error_description")) or err
            if body.get("error_description") or (err.isupper() and " " not in err):
                code = err
        if message is None:
            message = _str(body.get("message"))
        if code is None:
            code = _str(body.get("code")) or _str(body.get("error_code"))
        detail = body.get("detail")
        if message is None and isinstance(detail, str):
            message = detail
        elif message is None and isinstance(detail, list) and detail:
            first = detail[0]
            message = _str(first.get("msg")) if isinstance(first, dict) else _str(first)
        if message is None:  # Lumen sometimes sends only {"details": "..."}
            message = _str(body.get("details"))
        if request_id is None:
            meta = body.get("metadata")
            if isinstance(meta, dict):
                request_id = _str(meta.get("request_id"))
            request_id = request_id or _str(body.get("request_id"))
    return (body, sanitize_server_text(code, MAX_CODE_LENGTH), message,
            sanitize_server_text(request_id, MAX_REQUEST_ID_LENGTH))


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def make_status_error(response: httpx.Response, errors: ErrorMap = DEFAULT_ERRORS) -> APIStatusError:
    body, code, message, request_id = parse_error_body(response)
    if not message:
        message = f"HTTP {response.status_code}" + (f" {response.reason_phrase}" if response.reason_phrase else "")
    cls = errors.classify(response.status_code, code)
    return cls(message, response=response, body=body, code=code, request_id=request_id)


# --- malformed success answers ------------------------------------------------------------------
#: How much of a malformed body an error shows (after redaction): enough to recognise an HTML
#: error page or a truncated document, never a whole (possibly huge) payload.
BODY_EXCERPT_CHARS = 200


class ResponseValidationError(APIError):
    """The API answered with a success status, but the body is not what its spec promises.

    Raised instead of returning a wrong value: an HTML page, an empty or truncated body, ``null``,
    wrongly typed or missing fields, absurdly nested or non-finite JSON. Attributes:
    ``status_code``, ``request_id`` (the ``X-Request-ID`` header), ``body_excerpt`` (the first
    characters of the body, secrets redacted), ``reason`` (what was wrong), ``response``.
    Each service raises its own subclass (``VellumResponseValidationError`` ...), so
    ``except <Service>Error`` catches it too.
    """

    def __init__(self, reason: str, *, response: httpx.Response | None = None) -> None:
        status = None if response is None else response.status_code
        super().__init__(f"malformed {status} answer: {reason}" if status is not None else reason,
                         request=response.request if response is not None and _has_request(response) else None)
        self.reason = redact(reason)
        self.response = response
        self.status_code = status
        self.request_id: str | None = None if response is None else response.headers.get("x-request-id")
        self.body_excerpt = "" if response is None else _excerpt(response)

    def __str__(self) -> str:
        text = self.message
        if self.request_id:
            text += f" [request {self.request_id}]"
        if self.body_excerpt:
            text += f" body: {self.body_excerpt!r}"
        return redact(text)

    def __repr__(self) -> str:
        return redact(f"{type(self).__name__}(status_code={self.status_code}, reason={self.reason!r}, "
                      f"request_id={self.request_id!r}, body_excerpt={self.body_excerpt!r})")


def _excerpt(response: httpx.Response) -> str:
    try:
        raw = response.content[: BODY_EXCERPT_CHARS * 4]
    except Exception:  # a streamed response that was never read: no excerpt rather than an error
        return ""
    # Redact before cutting: a cut through a secret would leave a prefix the pattern misses.
    text = redact(raw.decode("utf-8", errors="replace"))
    more = len(text) > BODY_EXCERPT_CHARS or len(response.content) > len(raw)
    return text[:BODY_EXCERPT_CHARS] + ("…" if more else "")

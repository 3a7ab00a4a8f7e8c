"""Vellum's exceptions, mixed into paywire's one hierarchy.

The seed's names keep their meaning (``VellumAuthError`` on 401/403, ``VellumApiError`` with
``.status`` and the raw ``.body`` text on other non-2xx, ``VellumSignatureError`` on a bad push
signature, ``VellumError`` above all of them), and each is also a core class, so
``except paywire.NotFoundError`` and ``except VellumApiError`` catch the same 404. The 1.4.x
names (``VellumCharterError`` ...) are aliases of the same classes.
"""

from __future__ import annotations

from typing import Any

import httpx

from paywire._core import (
    APIStatusError,
    AuthenticationError,
    ConfigError,
    ErrorMap,
    PaywireError,
    PermissionDeniedError,
    ValidationError,
)
from paywire._core.errors import ResponseValidationError
from paywire._core.errors import UnsupportedOperationError as CoreUnsupportedOperationError


class VellumError(PaywireError):
    """Base class of every Vellum error (the seed's ``VellumError``)."""


class VellumConfigError(VellumError, ConfigError):
    """Missing or unsafe client configuration (no api_key / tenant_id, plain-HTTP base URL...)."""


class VellumValidationError(VellumError, ValidationError):
    """Bad input caught before any request (empty id, an id containing '/', seats < 1...)."""


class UnsupportedOperationError(VellumError, CoreUnsupportedOperationError):
    """Vellum's name for the core's "not in the pinned API version" error (raised before any request)."""


class VellumApiError(VellumError, APIStatusError):
    """A non-2xx answer. ``.status`` is the HTTP status, ``.body`` the raw response text (as in
    the seed); the parsed JSON body, when there is one, is ``.parsed_body``."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any = None,
                 code: str | None = None, request_id: str | None = None) -> None:
        super().__init__(message, response=response, body=body, code=code, request_id=request_id)

    @property
    def status(self) -> int:
        return self.status_code

    @property
    def body(self) -> str:
        try:
            return self.response.content.decode("utf-8", errors="replace")
        except httpx.ResponseNotRead:
            return ""

    @body.setter
    def body(self, value: Any) -> None:
        # APIStatusError.__init__ stores the parsed body here; keep it under its own name.
        self.parsed_body = value


class VellumResponseValidationError(VellumError, ResponseValidationError):
    """A success answer whose body is not what the Vellum spec promises (see
    :class:`paywire.ResponseValidationError`)."""


class VellumAuthError(VellumApiError):
    """The API key was rejected (HTTP 401 or 403)."""


class VellumAuthenticationError(VellumAuthError, AuthenticationError):
    """401: missing or unknown API key."""


class VellumPermissionError(VellumAuthError, PermissionDeniedError):
    """403: the key is not valid for this tenant."""


class VellumSignatureError(VellumError):
    """A push webhook failed verification (tampered body, wrong secret, stale or future
    timestamp, malformed header)."""


VELLUM_ERRORS = ErrorMap(
    VellumApiError, {401: VellumAuthenticationError, 403: VellumPermissionError}, prefix="Vellum",
    validation=VellumValidationError,  # a bad path id is a VellumValidationError, as every other bad input
)

# vellumcharter 1.4.x names.
VellumCharterError = VellumError
VellumCharterAuthError = VellumAuthError
VellumCharterApiError = VellumApiError
VellumCharterSignatureError = VellumSignatureError

__all__ = [
    "VELLUM_ERRORS",
    "UnsupportedOperationError",
    "VellumApiError",
    "VellumAuthError",
    "VellumAuthenticationError",
    "VellumCharterApiError",
    "VellumCharterAuthError",
    "VellumCharterError",
    "VellumCharterSignatureError",
    "VellumConfigError",
    "VellumError",
    "VellumPermissionError",
    "VellumSignatureError",
    "VellumValidationError",
]

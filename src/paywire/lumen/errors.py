"""Lumen exceptions: the names of ``lumen-python-sdk`` mixed into paywire's hierarchy.

``LumenError`` / ``LumenAPIError(message, status_code)`` / ``LumenConfigurationError`` /
``LumenValidationError`` keep the original SDK's names and constructor shapes, and are also
``PaywireError`` / ``APIStatusError`` / ``ConfigError`` / ``ValidationError``, so both
``except paywire.lumen.LumenAPIError`` and ``except paywire.NotFoundError`` catch a 404.
"""

from __future__ import annotations

from typing import Any

import httpx

from paywire._core import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigError,
    ConflictError,
    ErrorMap,
    NotFoundError,
    PaywireError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
)
from paywire._core.errors import ResponseValidationError

#: the exceptions (re-exported by ``paywire.lumen``); ``LUMEN_ERRORS`` is the core's map of them
__all__ = [
    "LumenAPIError",
    "LumenAuthenticationError",
    "LumenBadRequestError",
    "LumenConfigurationError",
    "LumenConflictError",
    "LumenError",
    "LumenNotFoundError",
    "LumenPermissionError",
    "LumenRateLimitError",
    "LumenResponseError",
    "LumenValidationError",
]


class LumenError(PaywireError):
    """Base exception for all Lumen errors."""


class LumenConfigurationError(LumenError, ConfigError):
    """The Lumen client is misconfigured (no API key, unusable base URL)."""


class LumenValidationError(LumenError, ValidationError):
    """Bad input, caught before anything is sent (``field`` names the argument)."""


class LumenResponseError(LumenError, ResponseValidationError):
    """A success response whose body is not the JSON shape the API documents (Lumen's
    :class:`paywire.ResponseValidationError`)."""


class LumenAPIError(LumenError, APIStatusError):
    """The Lumen API answered with an error status.

    Constructible as in the original SDK, ``LumenAPIError("message", 404)``; the core builds
    it with the response (``status_code``, ``body``, ``code``, ``request_id``, ``response``).
    ``str()`` is ``"[404] message"``, except for errors raised by the seed-compatible module
    functions, whose text is exactly the original's (``"Failed to enroll user: 409"``).
    """

    def __init__(
        self,
        message: str,
        status_code: int = 0,
        *,
        response: httpx.Response | None = None,
        body: Any = None,
        code: str | None = None,
        request_id: str | None = None,
        plain: bool = False,
    ) -> None:
        if response is None:
            response = httpx.Response(status_code)
        super().__init__(message, response=response, body=body, code=code, request_id=request_id)
        self._plain = plain

    @property
    def status(self) -> int:
        """Alias of ``status_code``."""
        return self.status_code

    def with_message(self, message: str) -> LumenAPIError:
        """The same error (same class, response and body) whose ``str()`` is exactly ``message``."""
        clone = type(self)(message, response=self.response, body=self.body, code=self.code,
                           request_id=self.request_id, plain=True)
        clone.__cause__ = self.__cause__
        return clone

    def __str__(self) -> str:
        return self.message if self._plain else super().__str__()


class LumenBadRequestError(LumenAPIError, BadRequestError):
    """400: the request failed validation (``body`` has ``error`` and maybe ``details``)."""


class LumenAuthenticationError(LumenAPIError, AuthenticationError):
    """401: missing or invalid secret key."""


class LumenPermissionError(LumenAPIError, PermissionDeniedError):
    """403."""


class LumenNotFoundError(LumenAPIError, NotFoundError):
    """404: unknown customer, organisation, plan, payment method or invoice."""


class LumenConflictError(LumenAPIError, ConflictError):
    """409: e.g. "Subscription already exists for this customer" (``body["subscription"]``)."""


class LumenRateLimitError(LumenAPIError, RateLimitError):
    """429 (``retry_after`` in seconds when the server sent ``Retry-After``)."""


LUMEN_ERRORS = ErrorMap(
    LumenAPIError,
    {
        400: LumenBadRequestError,
        401: LumenAuthenticationError,
        403: LumenPermissionError,
        404: LumenNotFoundError,
        409: LumenConflictError,
        429: LumenRateLimitError,
    },
    prefix="Lumen",
    validation=LumenValidationError,  # a bad path id is a LumenValidationError, as every other bad input
)

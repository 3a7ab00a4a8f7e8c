"""SPAPS exceptions: the seed-era names, mixed into paywire's one hierarchy.

Every SPAPS resource raises its own class, as the ``spaps`` 0.1.4 SDK did (``AuthError``,
``SessionError``, ``PaymentsError``, ``CryptoPaymentsError``, ``UsageError``,
``SecureMessagesError``, ``WhitelistError``), each with ``status_code``, ``error_code``,
``response`` and ``request_id``. One :class:`~paywire._core.ErrorMap` per resource mixes the
resource class with the generic status class, so a 401 from ``spaps.sessions`` is caught by
``except SessionError``, ``except SpapsApiError`` and ``except paywire.AuthenticationError``
alike; a 404 by ``except paywire.NotFoundError``; a 5xx by ``except paywire.InternalServerError``.
"""

from __future__ import annotations

from typing import Any

from paywire._core import APIStatusError, ErrorMap, PaywireError
from paywire._core import UnsupportedOperationError as CoreUnsupportedOperationError
from paywire._core.errors import ResponseValidationError


class SpapsError(PaywireError):
    """Root of every SPAPS-specific exception (HTTP or local)."""


class SpapsApiError(SpapsError, APIStatusError):
    """SPAPS answered with an error status.

    ``status_code``, ``error_code`` (the API's ``error.code``, e.g. ``INVALID_CREDENTIALS``),
    ``message``, ``request_id`` (``X-Request-ID`` header, else ``metadata.request_id``, else a
    top-level ``request_id``), ``details`` (``error.details``), ``response`` and ``body``.
    """

    @property
    def error_code(self) -> str | None:
        return self.code

    @property
    def details(self) -> Any:
        body = self.body
        if isinstance(body, dict):
            err = body.get("error")
            if isinstance(err, dict):
                return err.get("details")
        return None


class SpapsResponseValidationError(SpapsError, ResponseValidationError):
    """A success answer whose body is not what the pinned SPAPS contract promises (see
    :class:`paywire.ResponseValidationError`); nothing from it is stored (no tokens)."""


class AuthError(SpapsApiError):
    """Errors from ``spaps.auth`` (and from automatic token refresh)."""


class SessionError(SpapsApiError):
    """Errors from ``spaps.sessions``."""


class PaymentsError(SpapsApiError):
    """Errors from ``spaps.payments`` (legacy payments and the Stripe routes)."""


class CryptoPaymentsError(SpapsApiError):
    """Errors from ``spaps.payments.crypto``."""


class UsageError(SpapsApiError):
    """Errors from ``spaps.usage``."""


class SecureMessagesError(SpapsApiError):
    """Errors from ``spaps.secure_messages``."""


class WhitelistError(SpapsApiError):
    """Errors from ``spaps.whitelist``."""


class MetricsError(SpapsApiError):
    """Errors from ``spaps.metrics`` (health and metrics endpoints)."""


class NotSignedInError(SpapsError, ValueError):
    """A user-scoped call was made with no stored tokens; raised before any request.

    A ``ValueError`` like the 0.1.4 SDK's ``ValueError("Access token not found…")``.
    """


class UnsupportedOperationError(SpapsError, CoreUnsupportedOperationError, NotImplementedError):
    """The method (or argument) is not part of the API contract this client is pinned to.

    Raised before any request. ``.operation`` (e.g. ``"payments.get_balance"``),
    ``.api_version`` (the pinned one) and ``.supported_versions`` say what to do instead. Also a
    ``NotImplementedError``, which is what spaps 0.5.1+ raised for the payments calls today's
    server no longer serves.
    """


class TokenStoreError(SpapsError, OSError):
    """The token store cannot be used safely (symlink, loose permissions, corrupt file)."""


AUTH_ERRORS = ErrorMap(AuthError, prefix="Auth")
SESSION_ERRORS = ErrorMap(SessionError, prefix="Session")
PAYMENTS_ERRORS = ErrorMap(PaymentsError, prefix="Payments")
CRYPTO_ERRORS = ErrorMap(CryptoPaymentsError, prefix="CryptoPayments")
USAGE_ERRORS = ErrorMap(UsageError, prefix="Usage")
SECURE_MESSAGES_ERRORS = ErrorMap(SecureMessagesError, prefix="SecureMessages")
WHITELIST_ERRORS = ErrorMap(WhitelistError, prefix="Whitelist")
METRICS_ERRORS = ErrorMap(MetricsError, prefix="Metrics")
SPAPS_ERRORS = ErrorMap(SpapsApiError, prefix="Spaps")

__all__ = [
    "AuthError",
    "CryptoPaymentsError",
    "MetricsError",
    "NotSignedInError",
    "PaymentsError",
    "SecureMessagesError",
    "SessionError",
    "SpapsApiError",
    "SpapsError",
    "TokenStoreError",
    "UnsupportedOperationError",
    "UsageError",
    "WhitelistError",
]

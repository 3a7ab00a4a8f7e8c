"""paywire.spaps: the SPAPS (Sweet Potato Authentication & Payment Service) facade.

A drop-in for the ``spaps`` 0.1.4 SDK (seed 000): change only the import::

    from paywire.spaps import SpapsClient, AsyncSpapsClient, RetryConfig, default_logging_hooks, PermissionChecker

    spaps = SpapsClient(base_url="http://localhost:3300", api_key="test_key_local_dev_only")
    spaps.auth.sign_in_with_password(email="user@example.com", password="Secret123!")  # tokens stored
    print(spaps.sessions.get_current_session().session_id)                              # bearer added

Resources: ``auth``, ``sessions``, ``payments`` (+ ``payments.crypto``), ``usage``,
``secure_messages``, ``whitelist``, ``metrics``. Tokens live in a :class:`TokenStore`
(:class:`InMemoryTokenStore` by default, :class:`FileTokenStore` for CLIs and several
processes) and are refreshed automatically, once, when they expire or are rejected.
Errors keep their 0.1.4 names (``AuthError``, ``PaymentsError`` …) and are also paywire's
generic classes (``paywire.AuthenticationError``, ``paywire.NotFoundError`` …).
"""

from __future__ import annotations

from paywire._core import LoggingHooks, RetryConfig, ValidationError, default_logging_hooks
from paywire.spaps.client import DEFAULT_API_KEY, DEFAULT_BASE_URL, AsyncSpapsClient, SpapsClient
from paywire.spaps.errors import (
    AuthError,
    CryptoPaymentsError,
    MetricsError,
    NotSignedInError,
    PaymentsError,
    SecureMessagesError,
    SessionError,
    SpapsApiError,
    SpapsError,
    TokenStoreError,
    UsageError,
    WhitelistError,
)
from paywire.spaps.models import *  # noqa: F403 - the typed results
from paywire.spaps.models import __all__ as _model_names
from paywire.spaps.permissions import (
    DEFAULT_ADMIN_ACCOUNTS,
    AdminConfig,
    PermissionChecker,
    PermissionCheckResult,
    create_permission_checker,
)
from paywire.spaps.tokens import (
    FileTokenStore,
    InMemoryTokenStore,
    LockingTokenStore,
    StoredTokens,
    TokenStore,
    default_token_path,
)
from paywire.spaps.webhooks import compute_crypto_webhook_signature, verify_crypto_webhook_signature

#: 0.1.4 names of the token stores
TokenStorage = TokenStore
InMemoryTokenStorage = InMemoryTokenStore
FileTokenStorage = FileTokenStore

__all__ = [
    "AsyncSpapsClient",
    "SpapsClient",
    "RetryConfig",
    "LoggingHooks",
    "default_logging_hooks",
    "PermissionChecker",
    "PermissionCheckResult",
    "AdminConfig",
    "DEFAULT_ADMIN_ACCOUNTS",
    "create_permission_checker",
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    # tokens
    "TokenStore",
    "LockingTokenStore",
    "InMemoryTokenStore",
    "FileTokenStore",
    "StoredTokens",
    "TokenStorage",
    "InMemoryTokenStorage",
    "FileTokenStorage",
    "default_token_path",
    # errors
    "SpapsError",
    "SpapsApiError",
    "AuthError",
    "SessionError",
    "PaymentsError",
    "CryptoPaymentsError",
    "UsageError",
    "SecureMessagesError",
    "WhitelistError",
    "MetricsError",
    "NotSignedInError",
    "TokenStoreError",
    "ValidationError",
    # webhooks
    "compute_crypto_webhook_signature",
    "verify_crypto_webhook_signature",
    *_model_names,
]

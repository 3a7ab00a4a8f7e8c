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

API versions
------------
SPAPS changed **in place**: today's server answers some seed-era calls differently on the
same unversioned paths, and nothing on the wire says which contract a server speaks. A client
is therefore pinned to one contract with ``api_version=`` (or ``SPAPS_API_VERSION``):

* ``"2026-10"`` — today's server (spaps 0.8.3 era). **The default.**
* ``"2025-11"`` — the seed era (spaps 0.1.4, the server the seed README describes).

``client.api_version`` is the pinned one; ``client.supports("get_balance")`` says whether it
has a method. A method or argument the pinned contract lacks raises
:class:`UnsupportedOperationError` (also a ``NotImplementedError``) naming the versions that
have it, before any request: e.g. the five legacy payments calls (``get_balance``,
``create_payment_intent``, ``update_payment_method``, ``wallet_deposit``,
``get_wallet_transaction``) exist only on 2025-11; ``set_password``, ``usage.authorize_usage``
and ``usage.get_status`` only on 2026-10; ``record_usage(feature=..., quantity=...)`` is the
2025-11 signature and ``record_usage(authorization_ref=..., feature_key=..., ...)`` the
2026-10 one. See :mod:`paywire.spaps.client` for everything 2026-10 changes.

The seed README's examples, with only the import changed, run against the default (2026-10):
every call they make exists in both contracts, ``create_checkout_session(price_id=...,
mode=...)`` becomes ``line_items`` at the new path, the session list uses its new path, and
the results keep the seed's attribute names. They describe the 2025-11 server, though: to talk
to a server of that era (e.g. a local spaps 0.1.x on port 3300), pin it —
``SpapsClient(..., api_version="2025-11")``, or set ``SPAPS_API_VERSION=2025-11`` and change
no code at all. paywire's tests run the examples both ways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import LoggingHooks, RetryConfig, ValidationError, default_logging_hooks
from paywire.spaps._contract import CONTRACTS as _CONTRACTS
from paywire.spaps._contract import SEED_VERSION as SEED_API_VERSION
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
    SpapsResponseValidationError,
    TokenStoreError,
    UnsupportedOperationError,
    UsageError,
    WhitelistError,
)
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
from paywire.spaps.webhooks import (
    CryptoWebhookSignatureError,
    ReplayGuard,
    compute_crypto_webhook_signature,
    verify_crypto_webhook,
    verify_crypto_webhook_signature,
)

#: paywire.spaps.models.__all__, written out so that this module knows its names without importing
#: it (a test keeps the two lists equal)
_MODEL_NAMES = (
    "AuthMethod", "AuthMethods", "AuthResult", "AuthUser", "Balance", "BalanceAmounts", "CheckoutSession",
    "CheckoutSessionDetail", "CheckoutSessionList", "CheckoutSessionSummary", "CreditUsage", "CryptoInvoice",
    "CryptoInvoiceStatus", "CurrentSession", "CurrentUsage", "CurrentUser", "EmailSent", "ExpireResult",
    "FeatureUsage", "GuestCheckoutSession", "GuestCheckoutSessionList", "GuestCheckoutSessionSummary",
    "GuestConversion", "HealthStatus", "MemoryMetrics", "MessageResult", "MetricsJson", "MfaAuthResult",
    "MfaChallenge", "NonceResult", "PaymentHistory", "PaymentIntent", "PaymentMethodResult", "PaymentRecord",
    "Price", "Product", "ProductList", "ReadinessStatus", "ReconcileJob", "Recurring", "RevokeResult",
    "SecureMessage", "SecureMessageList", "SessionAuthority", "SessionContext", "SessionContextWallet",
    "SessionList", "SessionSummary", "SessionValidation", "SpapsModel", "Subscription", "SubscriptionItem",
    "SubscriptionList", "SubscriptionPlan", "SystemMetrics", "TokenPair", "TouchResult", "UsageAuthorization",
    "UsageEvent", "UsageFeatures", "UsageHistory", "UsageHistoryEntry", "UsageOverage", "UsagePeriod",
    "UsageReason", "UsageRecord", "UsageStatus", "UsageWindow", "UserWallet", "WalletDeposit",
    "WalletTransaction", "WhitelistCheck", "WhitelistEntry", "WhitelistList",
)

#: the SPAPS contracts this release can be pinned to, oldest first
API_VERSIONS: tuple[str, ...] = tuple(_CONTRACTS)
#: what a client uses unless told otherwise: the newest contract (today's server)
DEFAULT_API_VERSION: str = API_VERSIONS[-1]


if TYPE_CHECKING:
    from paywire.spaps.models import *  # noqa: F403 - the typed results, imported on first use
    from paywire.spaps.redis_store import RedisTokenStore


def __getattr__(name: str) -> object:
    # RedisTokenStore needs the optional redis extra: imported on first use only.
    if name == "RedisTokenStore":
        from paywire.spaps.redis_store import RedisTokenStore

        return RedisTokenStore
    # The typed results too: paywire.spaps.models builds ~75 dataclasses at import (50-70 ms on
    # the 2-core dev VM), more than the rest of this package; a call imports it when it needs it.
    if name in _MODEL_NAMES:
        from paywire.spaps import models

        value = getattr(models, name)
        globals()[name] = value  # later lookups are plain module attributes
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "API_VERSIONS",
    "DEFAULT_API_VERSION",
    "SEED_API_VERSION",
    # tokens
    "TokenStore",
    "LockingTokenStore",
    "InMemoryTokenStore",
    "FileTokenStore",
    "RedisTokenStore",
    "StoredTokens",
    "TokenStorage",
    "InMemoryTokenStorage",
    "FileTokenStorage",
    "default_token_path",
    # errors
    "SpapsError",
    "SpapsApiError",
    "SpapsResponseValidationError",
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
    "UnsupportedOperationError",
    "ValidationError",
    # webhooks
    "CryptoWebhookSignatureError",
    "ReplayGuard",
    "compute_crypto_webhook_signature",
    "verify_crypto_webhook",
    "verify_crypto_webhook_signature",
    *_MODEL_NAMES,
]

"""paywire.conxa: the CONXA AI-wallet SDK (seed: conxa-sdk 1.3.4), on paywire's core.

    from paywire.conxa import CONXAClient

    client = CONXAClient(api_key="pk_live_…", provider_id="openai")
    qr = client.create_payment_qr("user@example.com", expires_in=10)
    session = client.wait_for_connection("user@example.com", qr_data=qr)
    result = client.charge(session.session_token, "req_abc123", "gpt-4", 1000, 500)

``AsyncCONXAClient`` has the same operations as coroutines. Every exception the seed exports is
here, and each is also the matching ``paywire`` error (``paywire.RateLimitError`` ...).
"""

from paywire.conxa.client import CHARGE_DEADLINE, AsyncCONXAClient, AsyncConxaClient, CONXAClient, ConxaClient
from paywire.conxa.errors import (
    APIError,
    AuthenticationError,
    ConnectionTimeoutError,
    ConxaConnectionError,
    CONXAError,
    ConxaTimeoutError,
    ForbiddenError,
    IdempotencyConflictError,
    InsufficientBalanceError,
    ProviderNotFoundError,
    RateLimitError,
    SessionExpiredError,
    SessionNotFoundError,
    SessionTokenExpiredError,
    ValidationError,
)
from paywire.conxa.models import ChargeResult, ConnectionStatus, QRCodeData, SessionStatus, WalletBalance

__version__ = "1.4.0"  # the seed package's own __version__ (conxa-sdk 1.3.4 reports 1.4.0)

__all__ = [
    "CHARGE_DEADLINE",
    "APIError",
    "AsyncCONXAClient",
    "AsyncConxaClient",
    "AuthenticationError",
    "CONXAClient",
    "CONXAError",
    "ChargeResult",
    "ConnectionStatus",
    "ConnectionTimeoutError",
    "ConxaClient",
    "ConxaConnectionError",
    "ConxaTimeoutError",
    "ForbiddenError",
    "IdempotencyConflictError",
    "InsufficientBalanceError",
    "ProviderNotFoundError",
    "QRCodeData",
    "RateLimitError",
    "SessionExpiredError",
    "SessionNotFoundError",
    "SessionStatus",
    "SessionTokenExpiredError",
    "ValidationError",
    "WalletBalance",
]

"""What ``paywire.sandbox.conxa`` exports, all of it loaded (handlers and controls
registered): the package itself imports this module on the first use of one of these names,
so importing the package (as the server does at start-up) declares only its ServiceApps."""

from __future__ import annotations

# The handler and control modules register themselves on ``conxa`` when imported.
from paywire.sandbox.conxa import controls, handlers  # noqa: F401
from paywire.sandbox.conxa.service import conxa
from paywire.sandbox.conxa.state import (
    DEFAULT_API_KEY,
    DEFAULT_MIN_POLL_INTERVAL,
    DEFAULT_PRICING,
    DEFAULT_PROVIDER_ID,
    DEFAULT_SESSION_TTL_SECONDS,
    DEFAULT_WALLET_ID,
    DEFAULT_WALLET_TOKENS,
    MAX_IDEMPOTENCY_KEY_LENGTH,
    WALLET_ID_RE,
    ChargeOutcome,
    Connection,
    ConxaState,
    LedgerEntry,
    Provider,
    Wallet,
)

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_MIN_POLL_INTERVAL",
    "DEFAULT_PRICING",
    "DEFAULT_PROVIDER_ID",
    "DEFAULT_SESSION_TTL_SECONDS",
    "DEFAULT_WALLET_ID",
    "DEFAULT_WALLET_TOKENS",
    "MAX_IDEMPOTENCY_KEY_LENGTH",
    "WALLET_ID_RE",
    "ChargeOutcome",
    "Connection",
    "ConxaState",
    "LedgerEntry",
    "Provider",
    "Wallet",
    "conxa",
]

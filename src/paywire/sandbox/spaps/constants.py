"""The SPAPS sandbox's seeded defaults (the CLI prints them), lifetimes, limits and catalogues."""

from __future__ import annotations

# --- seeded defaults (the CLI prints these) ---------------------------------------------------
DEFAULT_API_KEY = "test_key_local_dev_only"
DEFAULT_APPLICATION_ID = "app_local_dev"
DEFAULT_USER_ID = "usr_seed_0001"
DEFAULT_USER_EMAIL = "user@example.com"
DEFAULT_USER_PASSWORD = "Secret123!"  # sandbox fixture, documented in the seed README
DEFAULT_RECON_TOKEN = "recon_local_dev_only"
SEED_SUBSCRIPTION_ID = "sub_123"
SEED_PAYMENT_ID = "pi_123"
SEED_CHECKOUT_SESSION_ID = "cs_test_123"
SEED_PAYMENT_METHODS = ("pm_card_visa", "pm_card_mastercard")

ACCESS_TOKEN_TTL = 900
SESSION_TTL = 30 * 86400  # also the refresh token's life
SESSION_RENEW_WINDOW = 86400
#: Seconds after a rotation during which the rotated refresh token still answers with the
#: session's current pair instead of tripping reuse detection (supabase's default, 10 s): a
#: client whose refresh answer was lost (cancelled, dropped, timed out) can simply retry.
REFRESH_REUSE_INTERVAL = 10.0
NONCE_TTL = 300
MAGIC_LINK_TTL = 900
PASSWORD_RESET_TTL = 3600
CHECKOUT_TTL = 86400
INVOICE_TTL = 900
USAGE_PERIOD = 30 * 86400
MIN_PASSWORD_LENGTH = 8
NONCE_PREFIX = "Sign this message to authenticate with Sweet Potato: "

INTERVAL_SECONDS = {"day": 86400, "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400}

#: product id -> (name, description, category, [(price id, unit_amount, interval or None, nickname)])
SEED_PRODUCTS: dict[str, tuple[str, str, str, list[tuple[str, int, str | None, str]]]] = {
    "prod_123": (
        "Sweet Potato Pro",
        "Everything in Basic plus higher limits",
        "subscription",
        [("price_123", 1999, "month", "Pro monthly"), ("price_plus", 2999, "month", "Plus monthly"),
         ("price_pro_yearly", 19900, "year", "Pro yearly")],
    ),
    "prod_basic": (
        "Basic credit pack",
        "One-off pack of 1000 credits",
        "credits",
        [("price_basic", 999, None, "Basic pack")],
    ),
}

#: feature -> (description, {tier: limit or None (unlimited)}, unit cost in USD)
FEATURE_CATALOG: dict[str, tuple[str, dict[str, float | None], float]] = {
    "api_calls": ("API calls", {"free": 1000, "pro": 10000, "premium": 100000}, 0.001),
    "storage_gb": ("Storage in GB", {"free": 5, "pro": 50, "premium": 500}, 0.02),
    "ai_tokens": ("AI tokens", {"free": 10000, "pro": 1000000, "premium": None}, 0.00001),
}

#: chain -> (confirmations required, seconds per confirmation)
CHAIN_CONFIRMATIONS = {"ethereum": (12, 12.0), "solana": (32, 0.5)}

# --- contract 2026-10 (MFA, two-phase usage, pair-scoped messages) ----------------------------
MFA_CHALLENGE_TTL = 300
MFA_METHODS = ("totp",)
RECOVERY_CODES = 8
USAGE_AUTHORIZATION_TTL = 900
USAGE_WARNING_RATIO = 0.8
USAGE_HISTORY_LIMIT = 50
SECURE_MESSAGES_LIMIT = 50
#: feature key -> the dimension its tier limit (FEATURE_CATALOG) applies to; other features
#: count a seed-era ``quantity`` as the dimension ``quantity``.
METERED_DIMENSIONS: dict[str, str] = {"api_calls": "calls", "storage_gb": "gb", "ai_tokens": "tokens"}
#: (method, enabled, why not) — what the sandbox's application offers (decision 13)
AUTH_METHODS: tuple[tuple[str, bool, str | None], ...] = (
    ("password", True, None), ("magic_link", True, None), ("wallet", True, None), ("totp", True, None),
    ("sms", False, "no SMS provider configured in the sandbox"),
    ("webauthn", False, "no relying party configured in the sandbox"),
    ("oidc", False, "no identity provider configured in the sandbox"),
)

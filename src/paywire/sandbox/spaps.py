"""SPAPS sandbox: an in-memory emulator of the seed-era SPAPS API (``openapi/spaps/2025-11.yaml``).

Served under ``/spaps`` (service name ``spaps``, state key ``spaps``); every operationId of the
spec has a handler. What it models (the spec's ``info.description`` lists the contract
decisions this follows):

* **Applications and API keys.** Seeded: :data:`DEFAULT_API_KEY` (``test_key_local_dev_only``)
  for application :data:`DEFAULT_APPLICATION_ID`. A missing ``X-API-Key`` (or a missing bearer
  where the spec requires one) is a 401 ``UNAUTHORIZED`` from the framework's security check; an
  unknown key is a 401 ``UNAUTHORIZED`` from every ``/api`` operation.
  :meth:`SpapsState.add_api_key` adds another application.
* **Users.** Seeded: :data:`DEFAULT_USER_EMAIL` / :data:`DEFAULT_USER_PASSWORD` (the seed
  README's ``user@example.com`` / ``Secret123!``, id :data:`DEFAULT_USER_ID`, tier ``pro``,
  with subscription ``sub_123``, payment ``pi_123`` and checkout session ``cs_test_123``).
  Passwords are stored as scrypt hashes (sandbox-grade parameters, n=2**14).
* **Tokens and sessions.** Every sign-in (password, wallet, magic link, auto-login register)
  opens a server-side session and issues an opaque access token valid for
  :data:`ACCESS_TOKEN_TTL` (900 s) and a refresh token valid for :data:`SESSION_TTL`. Refresh
  rotates; for :data:`REFRESH_REUSE_INTERVAL` (10 s, supabase's rule) the rotated token still
  answers with the session's current pair (a client whose answer was lost retries safely);
  presenting it later revokes the whole session (reuse detection). A bad or expired
  access token is 401 ``INVALID_TOKEN``; a token whose session was revoked is 401
  ``INVALID_SESSION`` (``POST /api/sessions/validate`` answers 403 ``SESSION_REVOKED``).
  ``validate`` renews a session with less than :data:`SESSION_RENEW_WINDOW` left. Logout and a
  password reset revoke sessions.
* **Magic links, password resets, email confirmation** write to an outbox
  (:meth:`SpapsState.outbox`, control ``POST /_sandbox/spaps/outbox``) instead of sending
  mail; the token in the message is what the verify/confirm endpoints take.
* **Wallet sign-in** verifies real signatures over the nonce ``message``: Solana = ed25519 over
  the UTF-8 message bytes, base58 public key (the address) and base58 (or base64/hex) signature;
  Ethereum = EIP-191 ``personal_sign``: keccak-256 of ``"\\x19Ethereum Signed Message:\\n" +
  len + message``, secp256k1 public-key recovery from the 65-byte ``r||s||v`` signature, and
  the address compare. Nonces live :data:`NONCE_TTL` seconds and are single use.
* **Stripe side.** Products/prices (seeded, see :data:`SEED_PRODUCTS`), user checkout sessions
  (legacy create path) and guest checkout sessions, each expiring after
  :data:`CHECKOUT_TTL` on the sandbox clock; :meth:`SpapsState.complete_checkout` plays the
  customer paying (payment record, and a subscription in ``subscription`` mode).
  Subscriptions roll over on the sandbox clock (month = 30 days) with a renewal payment, or end
  when ``cancel_at_period_end`` is set.
* **Legacy payments.** Balance (credits from confirmed wallet deposits), payment intents
  (:meth:`SpapsState.decline_cards` makes the next ones 402 ``CARD_DECLINED``), payment methods
  (seeded Stripe test ids ``pm_card_visa``, ``pm_card_mastercard``), wallet deposits whose
  confirmations grow with the sandbox clock (ethereum 12 blocks of 12 s, solana 32 of 0.5 s).
* **Crypto invoices** with settlements added by :meth:`SpapsState.pay_invoice`; status is
  ``pending`` / ``underpaid`` / ``paid`` / ``overpaid`` / ``expired``. Reconcile checks an
  ``X-Recon-Token`` when sent (:data:`DEFAULT_RECON_TOKEN`).
* **Usage** per user and feature (tier limits in :data:`FEATURE_CATALOG`, 30-day periods);
  ``X-Idempotency-Key`` repeats return the original record without counting again.
* **Secure messages** and the **whitelist** are kept per application.
* ``/health``, ``/health/ready``, ``/api/metrics`` (Prometheus text built from the request log)
  and ``/api/metrics/json``.

Every ``/api`` answer carries an ``X-Request-ID`` header; success envelopes also carry
``request_id`` and ``timestamp``, errors ``metadata.request_id``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from paywire.sandbox._framework import ApiError, Clock, Ctx, Reply, ServiceApp

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

ETH_ADDRESS_RE = re.compile(r"^0x[0-9a-fA-F]{40}$")
ETH_TX_RE = re.compile(r"^0x[0-9a-fA-F]{64}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- crypto helpers ---------------------------------------------------------------------------
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    """Bitcoin-alphabet base58 (what Solana uses for keys and signatures)."""
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text: str) -> bytes:
    n = 0
    for ch in text:
        idx = _B58.find(ch)
        if idx < 0:
            raise ValueError("not base58")
        n = n * 58 + idx
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def keccak256(data: bytes) -> bytes:
    from Crypto.Hash import keccak

    digest: bytes = keccak.new(digest_bits=256, data=data).digest()
    return digest


def eip191_digest(message: str) -> bytes:
    """The hash ``personal_sign`` signs: keccak256("\\x19Ethereum Signed Message:\\n" + len + msg)."""
    raw = message.encode()
    return keccak256(b"\x19Ethereum Signed Message:\n" + str(len(raw)).encode() + raw)


def recover_ethereum_address(message: str, signature: str) -> str:
    """Lower-case 0x address that produced an EIP-191 signature (65 bytes r||s||v, hex)."""
    from coincurve import PublicKey

    try:
        sig = bytes.fromhex(signature.removeprefix("0x"))
    except ValueError as exc:
        raise ValueError("signature is not hex") from exc
    if len(sig) != 65:
        raise ValueError("signature must be 65 bytes")
    v = sig[64]
    if v >= 27:
        v -= 27
    if v not in (0, 1):
        raise ValueError("bad recovery id")
    pub = PublicKey.from_signature_and_message(sig[:64] + bytes([v]), eip191_digest(message), hasher=None)
    return "0x" + keccak256(pub.format(compressed=False)[1:])[-20:].hex()


def _decode_solana_signature(signature: str) -> bytes:
    candidates: list[Callable[[str], bytes]] = [
        b58decode,
        lambda s: base64.b64decode(s, validate=True),
        lambda s: bytes.fromhex(s.removeprefix("0x")),
    ]
    for decode in candidates:
        try:
            raw = decode(signature)
        except (ValueError, binascii.Error):
            continue
        if len(raw) == 64:
            return raw
    raise ValueError("signature is not a 64-byte base58, base64 or hex value")


def verify_solana_signature(address: str, message: str, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(b58decode(address))
        key.verify(_decode_solana_signature(signature), message.encode())
    except (ValueError, InvalidSignature):
        return False
    return True


def verify_ethereum_signature(address: str, message: str, signature: str) -> bool:
    try:
        return hmac.compare_digest(recover_ethereum_address(message, signature), address.lower())
    except Exception:  # malformed signature or a point that does not recover
        return False


def is_solana_address(address: str) -> bool:
    try:
        return len(b58decode(address)) == 32
    except ValueError:
        return False


_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


#: scrypt of the (public) seeded password with a fixed salt, precomputed: hashing it at start-up
#: cost ~0.1 s of CPU, a third of the sandbox's start. tests/sandbox/test_spaps_seed_hash.py
#: recomputes it.
SEED_PASSWORD_HASH = "scrypt$000102030405060708090a0b0c0d0e0f$08cec1a92f825b5008dbd814f7fd9f2fc99d58fb995ffcd778f80ad7b86238ee"


def _seed_password_hash() -> str:
    return SEED_PASSWORD_HASH


def _new_id(prefix: str, nbytes: int = 12) -> str:
    return f"{prefix}_{secrets.token_hex(nbytes)}"


# --- state ------------------------------------------------------------------------------------
@dataclass
class Wallet:
    address: str  # as given (ethereum: checksummed or not)
    chain: str
    verified: bool = True


@dataclass
class User:
    id: str
    email: str | None
    password_hash: str | None = field(default=None, repr=False)
    username: str | None = None
    phone_number: str | None = None
    email_confirmed: bool = False
    tier: str = "free"
    wallets: list[Wallet] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    credits: float = 0.0
    created_at: float = 0.0
    default_payment_method: str | None = None
    payment_methods: list[str] = field(default_factory=list)


@dataclass
class Session:
    id: str
    user_id: str
    application_id: str
    created_at: float
    expires_at: float
    last_activity: float
    user_agent: str | None = None
    ip_address: str | None = "127.0.0.1"
    revoked: bool = False


@dataclass
class AccessToken:
    session_id: str
    user_id: str
    expires_at: float


@dataclass
class RefreshToken:
    session_id: str
    expires_at: float
    rotated: bool = False
    #: sandbox-clock time of the rotation, and the token it was rotated into
    rotated_at: float | None = None
    successor: str | None = field(default=None, repr=False)


@dataclass
class Nonce:
    chain: str
    address: str
    message: str
    expires_at: float


@dataclass
class OneTimeToken:
    kind: str  # magic_link | email_confirmation | password_reset
    email: str
    expires_at: float
    used: bool = False


@dataclass
class OutboxMessage:
    to: str
    kind: str
    subject: str
    token: str = field(repr=False)
    link: str
    sent_at: float

    def as_dict(self, clock: Clock) -> dict[str, Any]:
        return {"to": self.to, "kind": self.kind, "subject": self.subject, "token": self.token,
                "link": self.link, "sent_at": clock.iso(self.sent_at)}


@dataclass
class Price:
    id: str
    product: str
    unit_amount: int
    currency: str
    interval: str | None
    nickname: str | None
    active: bool = True

    @property
    def type(self) -> str:
        return "one_time" if self.interval is None else "recurring"


@dataclass
class Product:
    id: str
    name: str
    description: str | None
    category: str | None
    created_at: int
    prices: list[str]
    default_price: str | None
    active: bool = True
    images: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class CheckoutSession:
    id: str
    application_id: str
    user_id: str | None  # None for guest sessions until converted
    guest: bool
    mode: str
    line_items: list[tuple[str, int]]
    success_url: str
    cancel_url: str
    customer_email: str | None
    client_reference_id: str | None
    metadata: dict[str, Any]
    created_at: float
    expires_at: float
    status: str = "open"  # open | complete | expired (also computed from expires_at)
    payment_status: str = "unpaid"
    payment_intent: str | None = None
    subscription: str | None = None
    amount_total: int = 0
    currency: str = "usd"


@dataclass
class Subscription:
    id: str
    user_id: str | None
    price_id: str
    item_id: str
    status: str
    current_period_start: int
    current_period_end: int
    cancel_at_period_end: bool = False
    canceled_at: int | None = None
    quantity: int = 1


@dataclass
class Payment:
    id: str
    user_id: str | None
    amount: int
    currency: str
    status: str
    description: str | None
    created: int
    payment_method_type: str | None = "card"
    invoice_id: str | None = None
    invoice_pdf: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Deposit:
    deposit_id: str
    user_id: str
    wallet_address: str
    chain_type: str
    transaction_id: str
    amount: float
    currency: str
    tier: str | None
    created_at: float
    credited: bool = False
    completed_at: float | None = None


@dataclass
class Settlement:
    id: str
    amount: Decimal
    at: float


@dataclass
class Invoice:
    id: str
    user_id: str
    application_id: str
    asset: str
    network: str
    amount: Decimal
    created_at: float
    expires_at: float
    beneficiary: dict[str, Any] | None
    metadata: dict[str, Any] | None
    settlements: list[Settlement] = field(default_factory=list)
    finalized_at: float | None = None


@dataclass
class UsageEntry:
    record_id: str
    user_id: str
    feature: str
    quantity: float
    at: float
    recorded_at: float
    metadata: dict[str, Any] | None
    response: dict[str, Any] = field(default_factory=dict)


@dataclass
class SecureMessage:
    id: str
    application_id: str
    patient_id: str
    practitioner_id: str
    content: str = field(repr=False)
    metadata: dict[str, Any] | None
    created_at: float
    sender_user_id: str | None


@dataclass
class WhitelistEntry:
    email: str
    application_id: str
    tier: str | None
    bypass_payment: bool
    metadata: dict[str, Any] | None


class SpapsState:
    """All SPAPS sandbox state; plain objects behind one lock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.started_at = clock.now()
        self.api_keys: dict[str, str] = {DEFAULT_API_KEY: DEFAULT_APPLICATION_ID}
        self.recon_tokens: dict[str, str] = {DEFAULT_APPLICATION_ID: DEFAULT_RECON_TOKEN}
        self.users: dict[str, User] = {}
        self.email_index: dict[str, str] = {}
        self.wallet_index: dict[tuple[str, str], str] = {}
        self.sessions: dict[str, Session] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}
        self.nonces: dict[tuple[str, str], Nonce] = {}
        self.one_time_tokens: dict[str, OneTimeToken] = {}
        self.sent: list[OutboxMessage] = []
        self.prices: dict[str, Price] = {}
        self.products: dict[str, Product] = {}
        self.checkout_sessions: dict[str, CheckoutSession] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.payments: dict[str, Payment] = {}
        self.payment_methods: set[str] = set(SEED_PAYMENT_METHODS)
        self.deposits: dict[str, Deposit] = {}
        self.invoices: dict[str, Invoice] = {}
        self.reconcile_jobs: list[dict[str, Any]] = []
        self.usage: list[UsageEntry] = []
        self.usage_keys: dict[tuple[str, str, str], UsageEntry] = {}
        self.messages: list[SecureMessage] = []
        self.whitelist: dict[tuple[str, str], WhitelistEntry] = {}
        #: "flat": tokens/user/message at the top level (0.1.4 fixtures); "nested": inside data.
        self.auth_envelope = "flat"
        self.require_email_confirmation = False
        self.cards_declined = False
        #: state of other contract profiles served on this state (spaps_2026_10.profile)
        self.profiles: dict[str, Any] = {}
        self._seed()

    # -- seeding -------------------------------------------------------------------------------
    def _seed(self) -> None:
        now = self.clock.now()
        created = int(now) - 90 * 86400
        for prod_id, (name, desc, category, prices) in SEED_PRODUCTS.items():
            for price_id, amount, interval, nickname in prices:
                self.prices[price_id] = Price(price_id, prod_id, amount, "usd", interval, nickname)
            self.products[prod_id] = Product(prod_id, name, desc, category, created,
                                             [p[0] for p in prices], prices[0][0],
                                             metadata={"category": category})
        user = User(DEFAULT_USER_ID, DEFAULT_USER_EMAIL, _seed_password_hash(), username="sweetpotato",
                    email_confirmed=True, tier="pro", created_at=now - 60 * 86400,
                    payment_methods=["pm_card_visa"], default_payment_method="pm_card_visa")
        self._add_user(user)
        start = int(now) - 5 * 86400
        self.subscriptions[SEED_SUBSCRIPTION_ID] = Subscription(
            SEED_SUBSCRIPTION_ID, DEFAULT_USER_ID, "price_123", "si_seed_123", "active",
            start, start + INTERVAL_SECONDS["month"])
        self.payments[SEED_PAYMENT_ID] = Payment(
            SEED_PAYMENT_ID, DEFAULT_USER_ID, 1999, "usd", "succeeded", "Sweet Potato Pro (monthly)",
            start, invoice_id="in_seed_123", invoice_pdf="https://pay.sandbox.invalid/invoices/in_seed_123.pdf",
            metadata={"subscription": SEED_SUBSCRIPTION_ID})
        self.checkout_sessions[SEED_CHECKOUT_SESSION_ID] = CheckoutSession(
            SEED_CHECKOUT_SESSION_ID, DEFAULT_APPLICATION_ID, DEFAULT_USER_ID, False, "subscription",
            [("price_123", 1)], "https://example.com/success", "https://example.com/cancel",
            DEFAULT_USER_EMAIL, None, {}, start - 60, start - 60 + CHECKOUT_TTL, status="complete",
            payment_status="paid", payment_intent=SEED_PAYMENT_ID, subscription=SEED_SUBSCRIPTION_ID,
            amount_total=1999)

    def _add_user(self, user: User) -> User:
        self.users[user.id] = user
        if user.email:
            self.email_index[user.email.lower()] = user.id
        for w in user.wallets:
            self.wallet_index[(w.chain, _norm_address(w.chain, w.address))] = user.id
        return user

    # -- users, tokens, sessions ---------------------------------------------------------------
    def user_by_email(self, email: str) -> User | None:
        uid = self.email_index.get(email.strip().lower())
        return self.users.get(uid) if uid else None

    def create_user(self, email: str | None, password: str | None = None, *, username: str | None = None,
                    phone_number: str | None = None, email_confirmed: bool = False,
                    tier: str = "free") -> User:
        with self.lock:
            if email and self.user_by_email(email):
                raise ValueError("a user with this email already exists")
            user = User(_new_id("usr", 8), email.strip().lower() if email else None,
                        hash_password(password) if password else None, username=username,
                        phone_number=phone_number, email_confirmed=email_confirmed, tier=tier,
                        created_at=self.clock.now())
            return self._add_user(user)

    def add_api_key(self, application_id: str, api_key: str | None = None) -> str:
        with self.lock:
            key = api_key or _new_id("test_key", 12)
            self.api_keys[key] = application_id
            self.recon_tokens.setdefault(application_id, _new_id("recon", 12))
            return key

    def issue_tokens(self, user: User, application_id: str, user_agent: str | None = None) -> dict[str, Any]:
        """Open a session and return its token set (the wire ``tokens`` object)."""
        with self.lock:
            now = self.clock.now()
            session = Session(_new_id("sess", 10), user.id, application_id, now, now + SESSION_TTL, now,
                              user_agent=user_agent)
            self.sessions[session.id] = session
            return self._token_pair(session)

    def _token_pair(self, session: Session) -> dict[str, Any]:
        now = self.clock.now()
        access = "spaps_at_" + secrets.token_urlsafe(32)
        refresh = "spaps_rt_" + secrets.token_urlsafe(32)
        self.access_tokens[access] = AccessToken(session.id, session.user_id, now + ACCESS_TOKEN_TTL)
        self.refresh_tokens[refresh] = RefreshToken(session.id, session.expires_at)
        return {"access_token": access, "refresh_token": refresh, "expires_in": ACCESS_TOKEN_TTL,
                "token_type": "Bearer"}

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """Rotate a refresh token; raises ApiError(401, INVALID_REFRESH) when it is not usable.

        A token rotated less than :data:`REFRESH_REUSE_INTERVAL` seconds ago answers with the
        session's current refresh token and a fresh access token (nothing is rotated again); a
        rotated token presented later is reuse: the whole session (the token family) is revoked.
        """
        with self.lock:
            record = self.refresh_tokens.get(refresh_token)
            now = self.clock.now()
            if record is None:
                raise ApiError(401, "INVALID_REFRESH", "Invalid refresh token")
            session = self.sessions.get(record.session_id)
            if session is None or session.revoked or now >= record.expires_at or now >= session.expires_at:
                raise ApiError(401, "INVALID_REFRESH", "Refresh token expired or session ended")
            if record.rotated:
                if record.rotated_at is not None and now - record.rotated_at < REFRESH_REUSE_INTERVAL:
                    return self._current_pair(session, record)
                self.revoke_session(session.id)  # reuse of a rotated token: kill the family
                raise ApiError(401, "INVALID_REFRESH", "Refresh token has already been used")
            record.rotated, record.rotated_at = True, now
            session.last_activity = now
            pair = self._token_pair(session)
            record.successor = pair["refresh_token"]
            return pair

    def _current_pair(self, session: Session, record: RefreshToken) -> dict[str, Any]:
        """The answer to a rotated token inside the reuse interval: the newest refresh token of
        its family (followed along the rotations) with a new access token."""
        token = record.successor
        while token is not None:
            nxt = self.refresh_tokens[token]
            if not nxt.rotated or nxt.successor is None:
                break
            token = nxt.successor
        assert token is not None
        now = self.clock.now()
        access = "spaps_at_" + secrets.token_urlsafe(32)
        self.access_tokens[access] = AccessToken(session.id, session.user_id, now + ACCESS_TOKEN_TTL)
        session.last_activity = now
        return {"access_token": access, "refresh_token": token, "expires_in": ACCESS_TOKEN_TTL,
                "token_type": "Bearer"}

    def revoke_session(self, session_id: str) -> None:
        with self.lock:
            session = self.sessions.get(session_id)
            if session is not None:
                session.revoked = True

    def revoke_user_sessions(self, user_id: str) -> None:
        with self.lock:
            for s in self.sessions.values():
                if s.user_id == user_id:
                    s.revoked = True

    def active_sessions(self, user_id: str) -> list[Session]:
        now = self.clock.now()
        return [s for s in self.sessions.values()
                if s.user_id == user_id and not s.revoked and now < s.expires_at]

    def expire_access_tokens(self, user_id: str | None = None) -> None:
        """Make access tokens (of one user, or all) expire now; refresh tokens stay valid."""
        with self.lock:
            for tok in self.access_tokens.values():
                if user_id is None or tok.user_id == user_id:
                    tok.expires_at = min(tok.expires_at, self.clock.now())

    def expire_sessions(self, *, session_id: str | None = None, user_id: str | None = None) -> list[str]:
        """End sessions now (one by id, or all of a user's), as if their time ran out: their
        access and refresh tokens stop working. Returns the ids; KeyError if none matched."""
        with self.lock:
            now = self.clock.now()
            hit = [s for s in self.sessions.values()
                   if (session_id is None or s.id == session_id) and (user_id is None or s.user_id == user_id)
                   and now < s.expires_at]
            if not hit:
                raise KeyError(f"no live session {session_id or ''}{' of user ' + user_id if user_id else ''}")
            ids = {s.id for s in hit}
            for s in hit:
                s.expires_at = now
            for tok in self.access_tokens.values():
                if tok.session_id in ids:
                    tok.expires_at = min(tok.expires_at, now)
            for rt in self.refresh_tokens.values():
                if rt.session_id in ids:
                    rt.expires_at = min(rt.expires_at, now)
            return sorted(ids)

    # -- outbox --------------------------------------------------------------------------------
    def send_one_time_token(self, kind: str, email: str, ttl: float, link_base: str) -> OutboxMessage:
        with self.lock:
            token = secrets.token_urlsafe(24)
            now = self.clock.now()
            self.one_time_tokens[token] = OneTimeToken(kind, email.lower(), now + ttl)
            sep = "&" if "?" in link_base else "?"
            subjects = {"magic_link": "Your sign-in link", "password_reset": "Reset your password",
                        "email_confirmation": "Confirm your email"}
            msg = OutboxMessage(email.lower(), kind, subjects.get(kind, kind), token,
                                f"{link_base}{sep}token={urllib.parse.quote(token)}&type={kind}", now)
            self.sent.append(msg)
            return msg

    def outbox(self, email: str | None = None) -> list[dict[str, Any]]:
        """Messages "sent" so far (oldest first), optionally only those to ``email``."""
        with self.lock:
            return [m.as_dict(self.clock) for m in self.sent
                    if email is None or m.to == email.strip().lower()]

    def last_token(self, email: str, kind: str | None = None) -> str:
        """The token of the newest outbox message to ``email`` (of ``kind``)."""
        with self.lock:
            for m in reversed(self.sent):
                if m.to == email.strip().lower() and (kind is None or m.kind == kind):
                    return m.token
        raise KeyError(f"no {kind or 'message'} sent to {email}")

    def consume_token(self, token: str, kinds: tuple[str, ...]) -> OneTimeToken | None:
        with self.lock:
            record = self.one_time_tokens.get(token)
            if record is None or record.used or record.kind not in kinds or self.clock.now() >= record.expires_at:
                return None
            record.used = True
            return record

    # -- knobs ---------------------------------------------------------------------------------
    def set_auth_envelope(self, mode: str) -> None:
        if mode not in ("flat", "nested"):
            raise ValueError("mode must be 'flat' or 'nested'")
        self.auth_envelope = mode

    def decline_cards(self, declined: bool = True) -> None:
        self.cards_declined = declined

    # -- stripe side ---------------------------------------------------------------------------
    def checkout_status(self, cs: CheckoutSession) -> str:
        if cs.status == "open" and self.clock.now() >= cs.expires_at:
            cs.status = "expired"
        return cs.status

    def complete_checkout(self, session_id: str) -> CheckoutSession:
        """Play the customer paying an open checkout session."""
        with self.lock:
            cs = self.checkout_sessions.get(session_id)
            if cs is None:
                raise KeyError(f"unknown checkout session {session_id}")
            if self.checkout_status(cs) != "open":
                raise ValueError(f"checkout session {session_id} is {cs.status}")
            now = int(self.clock.now())
            cs.status, cs.payment_status = "complete", "paid"
            first_price = self.prices[cs.line_items[0][0]]
            pay = Payment(_new_id("pi", 12), cs.user_id, cs.amount_total, cs.currency, "succeeded",
                          self.products[first_price.product].name, now,
                          invoice_id=_new_id("in", 12) if cs.mode == "subscription" else None,
                          metadata={"checkout_session": cs.id, **{k: str(v) for k, v in cs.metadata.items()}})
            if pay.invoice_id:
                pay.invoice_pdf = f"https://pay.sandbox.invalid/invoices/{pay.invoice_id}.pdf"
            self.payments[pay.id] = pay
            cs.payment_intent = pay.id
            if cs.mode == "subscription":
                price_id, qty = cs.line_items[0]
                sub = Subscription(_new_id("sub", 12), cs.user_id, price_id, _new_id("si", 10), "active",
                                   now, now + INTERVAL_SECONDS[self.prices[price_id].interval or "month"],
                                   quantity=qty)
                self.subscriptions[sub.id] = sub
                cs.subscription = sub.id
                pay.metadata["subscription"] = sub.id
            return cs

    def roll_subscription(self, sub: Subscription) -> Subscription:
        """Apply period ends that passed on the sandbox clock (renewal or end of a cancel)."""
        now = int(self.clock.now())
        while sub.status in ("active", "trialing") and now >= sub.current_period_end:
            if sub.cancel_at_period_end:
                sub.status = "canceled"
                sub.canceled_at = sub.current_period_end
                break
            price = self.prices[sub.price_id]
            length = INTERVAL_SECONDS[price.interval or "month"]
            sub.current_period_start = sub.current_period_end
            sub.current_period_end += length
            pay = Payment(_new_id("pi", 12), sub.user_id, price.unit_amount * sub.quantity, price.currency,
                          "succeeded", f"{self.products[price.product].name} (renewal)",
                          sub.current_period_start, invoice_id=_new_id("in", 12),
                          metadata={"subscription": sub.id})
            pay.invoice_pdf = f"https://pay.sandbox.invalid/invoices/{pay.invoice_id}.pdf"
            self.payments[pay.id] = pay
        return sub

    # -- crypto --------------------------------------------------------------------------------
    def pay_invoice(self, invoice_id: str, amount: str | Decimal) -> Invoice:
        """Record an on-chain settlement of ``amount`` (decimal) against an invoice."""
        with self.lock:
            inv = self.invoices.get(invoice_id)
            if inv is None:
                raise KeyError(f"unknown invoice {invoice_id}")
            value = Decimal(str(amount))
            if value <= 0:
                raise ValueError("amount must be positive")
            now = self.clock.now()
            inv.settlements.append(Settlement(_new_id("stl", 8), value, now))
            if inv.finalized_at is None and sum(s.amount for s in inv.settlements) >= inv.amount:
                inv.finalized_at = now
            return inv

    def invoice_status(self, inv: Invoice) -> str:
        paid = sum((s.amount for s in inv.settlements), Decimal(0))
        if paid > inv.amount:
            return "overpaid"
        if paid == inv.amount:
            return "paid"
        if self.clock.now() >= inv.expires_at:
            return "expired"
        return "underpaid" if paid > 0 else "pending"

    # -- wallet deposits -----------------------------------------------------------------------
    def deposit_progress(self, dep: Deposit) -> tuple[int, int]:
        required, block = CHAIN_CONFIRMATIONS.get(dep.chain_type, (12, 12.0))
        current = min(required, int((self.clock.now() - dep.created_at) / block))
        if current >= required and not dep.credited:
            dep.credited = True
            dep.completed_at = dep.created_at + required * block
            self.users[dep.user_id].credits += dep.amount
        return current, required


def _norm_address(chain: str, address: str) -> str:
    return address.lower() if chain == "ethereum" else address


# --- the service app --------------------------------------------------------------------------
def _error_body(status: int, code: str, message: str, request_id: str | None = None) -> dict[str, Any]:
    return {"success": False, "error": {"code": code, "message": message},
            "metadata": {"request_id": request_id or _new_id("req", 8)}}


def service_app(name: str, prefix: str, spec: str) -> ServiceApp:
    """A contract profile of the one SPAPS server: every profile shares the state ``"spaps"``, the
    error envelope and the 400/401 answers of the framework's checks."""
    return ServiceApp(
        name=name,
        prefix=prefix,
        spec=spec,
        state_key="spaps",
        state_factory=SpapsState,
        error_body=_error_body,
        validation_status=400,
        validation_code="VALIDATION_ERROR",
        auth_status=401,
        auth_code="UNAUTHORIZED",
    )


spaps = service_app("spaps", "/spaps", "spaps/2025-11.yaml")

Body = dict[str, Any]
SpapsHandler = Callable[[Ctx, SpapsState], "Reply | Body"]


def op(operation_id: str, app: ServiceApp = spaps) -> Callable[[SpapsHandler], SpapsHandler]:
    """Register a handler ``fn(ctx, st)`` on ``app`` (this seed-era app unless another profile's):
    state lock, X-Request-ID on every answer, envelope request_id/timestamp."""

    def register(fn: SpapsHandler) -> SpapsHandler:
        def handler(ctx: Ctx) -> Reply:
            st: SpapsState = ctx.state
            rid = _new_id("req", 8)
            try:
                with st.lock:
                    result = fn(ctx, st)
            except ApiError as err:
                if err.body is None:
                    err.body = _error_body(err.status, err.code, err.message, rid)
                err.headers.setdefault("X-Request-ID", rid)
                raise
            reply = as_reply(result)
            if isinstance(reply.body, dict) and "success" in reply.body:
                reply.body.setdefault("request_id", rid)
                reply.body.setdefault("timestamp", ctx.clock.iso())
            reply.headers = {**(reply.headers or {}), "X-Request-ID": rid}
            return reply

        app.op(operation_id)(handler)
        return fn

    return register


def as_reply(result: Reply | Body) -> Reply:
    """A handler's result as a Reply (a bare body is a 200)."""
    return result if isinstance(result, Reply) else Reply(200, result)


def ok(data: Any = None, *, message: str | None = None, status: int = 200, **top: Any) -> Reply:
    body: Body = {"success": True}
    if message is not None:
        body["message"] = message
    body.update(top)
    if data is not None:
        body["data"] = data
    return Reply(status, body)


def _app(ctx: Ctx, st: SpapsState) -> str:
    key = ctx.header("x-api-key")
    app_id = st.api_keys.get(key or "")
    if app_id is None:
        raise ApiError(401, "UNAUTHORIZED", "Invalid API key")
    return app_id


def _bearer(ctx: Ctx) -> str | None:
    auth = ctx.header("authorization") or ""
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _auth(ctx: Ctx, st: SpapsState, *, revoked_status: int = 401) -> tuple[str, User, Session]:
    """(application id, user, session) of a K+B call."""
    app_id = _app(ctx, st)
    token = _bearer(ctx)
    if token is None:
        raise ApiError(401, "UNAUTHORIZED", "Missing bearer token")
    record = st.access_tokens.get(token)
    if record is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid access token")
    if ctx.clock.now() >= record.expires_at:
        raise ApiError(401, "INVALID_TOKEN", "Access token expired")
    session = st.sessions[record.session_id]
    if session.revoked or ctx.clock.now() >= session.expires_at:
        if revoked_status == 403:
            raise ApiError(403, "SESSION_REVOKED", "Session has been revoked")
        raise ApiError(401, "INVALID_SESSION", "Session is no longer valid")
    return app_id, st.users[record.user_id], session


def _optional_user(ctx: Ctx, st: SpapsState) -> User | None:
    """The bearer's user when a bearer is sent (secure messages: K, +B optional)."""
    if _bearer(ctx) is None:
        return None
    return _auth(ctx, st)[1]


def _body(ctx: Ctx) -> Body:
    return ctx.json if isinstance(ctx.json, dict) else {}


def _limit(ctx: Ctx, default: int = 10) -> int:
    return int(ctx.query.get("limit", default))


def _page(items: list[Any], key: Callable[[Any], str], limit: int, starting_after: str | None,
          ending_before: str | None = None) -> tuple[list[Any], bool]:
    ids = [key(i) for i in items]
    if starting_after:
        if starting_after not in ids:
            raise ApiError(400, "VALIDATION_ERROR", "starting_after does not name an item of this list")
        items = items[ids.index(starting_after) + 1:]
    elif ending_before:
        if ending_before not in ids:
            raise ApiError(400, "VALIDATION_ERROR", "ending_before does not name an item of this list")
        end = ids.index(ending_before)
        return items[max(0, end - limit):end], end - limit > 0
    return items[:limit], len(items) > limit


def _email(value: Any, code: str = "INVALID_EMAIL") -> str:
    email = str(value or "").strip().lower()
    if not EMAIL_RE.match(email):
        raise ApiError(400, code, "A valid email address is required")
    return email


def _password(value: Any) -> str:
    password = str(value or "")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ApiError(400, "VALIDATION_ERROR", f"Password must be at least {MIN_PASSWORD_LENGTH} characters")
    return password


# --- views ------------------------------------------------------------------------------------
def auth_user_view(user: User) -> Body:
    first = user.wallets[0] if user.wallets else None
    return {
        "id": user.id, "email": user.email, "username": user.username,
        "wallet_address": first.address if first else None, "chain": first.chain if first else None,
        "wallets": [w.address for w in user.wallets], "tier": user.tier,
        "email_confirmed": user.email_confirmed, "phone_number": user.phone_number,
    }


def current_user_view(user: User) -> Body:
    return {
        "id": user.id, "username": user.username, "email": user.email, "phone_number": user.phone_number,
        "wallets": [{"wallet_address": w.address, "chain_type": w.chain, "verified": w.verified}
                    for w in user.wallets],
        "tier": user.tier, "metadata": dict(user.metadata),
    }


def _auth_result(st: SpapsState, message: str, user: User, tokens: Body | None, status: int = 200) -> Reply:
    """register / verify-magic-link result in the configured envelope (flat or nested)."""
    if st.auth_envelope == "nested":
        data: Body = {"message": message, "user": auth_user_view(user)}
        if tokens is not None:
            data["tokens"] = tokens
        return ok(data, status=status)
    if tokens is None:  # 0.1.4 fixture: {success, message, data:{user}}
        return ok({"user": auth_user_view(user)}, message=message, status=status)
    return ok(None, message=message, status=status, tokens=tokens, user=auth_user_view(user))


def price_view(p: Price) -> Body:
    return {
        "id": p.id, "product": p.product, "unit_amount": p.unit_amount, "currency": p.currency,
        "type": p.type, "recurring": {"interval": p.interval, "interval_count": 1} if p.interval else None,
        "nickname": p.nickname, "active": p.active,
    }


def product_view(st: SpapsState, prod: Product, include_prices: bool = True) -> Body:
    prices = [st.prices[pid] for pid in prod.prices]
    return {
        "id": prod.id, "name": prod.name, "description": prod.description, "images": list(prod.images),
        "active": prod.active, "metadata": dict(prod.metadata),
        "prices": [price_view(p) for p in prices if p.active] if include_prices else [],
        "default_price": price_view(st.prices[prod.default_price]) if prod.default_price else None,
        "created_at": st.clock.iso(prod.created_at),  # spaps 0.1.4 parses an ISO string
    }


def subscription_view(st: SpapsState, sub: Subscription) -> Body:
    st.roll_subscription(sub)
    price = st.prices[sub.price_id]
    return {
        "id": sub.id, "status": sub.status, "current_period_start": sub.current_period_start,
        "current_period_end": sub.current_period_end, "cancel_at_period_end": sub.cancel_at_period_end,
        "canceled_at": sub.canceled_at,
        "items": [{"id": sub.item_id, "price": price_view(price), "quantity": sub.quantity}],
        "plan": {"id": price.id, "product": price.product, "amount": price.unit_amount,
                 "currency": price.currency, "interval": price.interval or "month", "interval_count": 1,
                 "nickname": price.nickname},
    }


def checkout_view(st: SpapsState, cs: CheckoutSession) -> Body:
    return {
        "id": cs.id, "status": st.checkout_status(cs), "payment_status": cs.payment_status,
        "customer_email": cs.customer_email, "amount_total": cs.amount_total, "currency": cs.currency,
        "success_url": cs.success_url, "cancel_url": cs.cancel_url,
        "client_reference_id": cs.client_reference_id, "metadata": dict(cs.metadata),
        "payment_intent": cs.payment_intent, "subscription": cs.subscription, "expires_at": int(cs.expires_at),
    }


def payment_view(p: Payment) -> Body:
    return {
        "id": p.id, "amount": p.amount, "currency": p.currency, "status": p.status,
        "description": p.description, "created": p.created, "payment_method_type": p.payment_method_type,
        "invoice_id": p.invoice_id, "invoice_pdf": p.invoice_pdf, "metadata": dict(p.metadata),
    }


def invoice_view(st: SpapsState, inv: Invoice) -> Body:
    return {
        "id": inv.id, "invoice_id": inv.id, "asset": inv.asset, "network": inv.network,
        "amount": str(inv.amount), "status": st.invoice_status(inv), "expires_at": st.clock.iso(inv.expires_at),
        "beneficiary": inv.beneficiary, "metadata": inv.metadata,
    }


def whitelist_view(e: WhitelistEntry) -> Body:
    return {"email": e.email, "application_id": e.application_id, "tier": e.tier,
            "bypass_payment": e.bypass_payment, "metadata": e.metadata}


def message_view(m: SecureMessage, clock: Clock) -> Body:
    return {"id": m.id, "application_id": m.application_id, "patient_id": m.patient_id,
            "practitioner_id": m.practitioner_id, "content": m.content, "metadata": m.metadata,
            "created_at": clock.iso(m.created_at)}


# --- auth -------------------------------------------------------------------------------------
def _chain_for(address: str, requested: str | None) -> str:
    chain = requested or ("ethereum" if ETH_ADDRESS_RE.match(address) else "solana")
    if chain == "ethereum" and not ETH_ADDRESS_RE.match(address):
        raise ApiError(400, "VALIDATION_ERROR", "wallet_address is not an Ethereum address")
    if chain == "solana" and not is_solana_address(address):
        raise ApiError(400, "VALIDATION_ERROR", "wallet_address is not a Solana address")
    return chain


@op("request_nonce")
def request_nonce(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    b = _body(ctx)
    address = str(b["wallet_address"]).strip()
    chain = _chain_for(address, b.get("chain_type") or b.get("chain"))
    message = NONCE_PREFIX + secrets.token_hex(16)
    expires = ctx.clock.now() + NONCE_TTL
    st.nonces[(chain, _norm_address(chain, address))] = Nonce(chain, address, message, expires)
    return ok({"nonce": message, "message": message, "wallet_address": address,
               "expires_at": ctx.clock.iso(expires), "chain_type": chain})


def wallet_user(ctx: Ctx, st: SpapsState) -> User:
    """The user a wallet sign-in proves (nonce message and signature checked; the nonce is spent
    whatever follows); the first sign-in of a wallet creates its user."""
    b = _body(ctx)
    address = str(b["wallet_address"]).strip()
    chain = _chain_for(address, b.get("chain_type"))
    key = (chain, _norm_address(chain, address))
    nonce = st.nonces.get(key)
    if nonce is None or nonce.message != b["message"] or ctx.clock.now() >= nonce.expires_at:
        raise ApiError(401, "INVALID_NONCE", "Unknown or expired nonce message; request a new nonce")
    valid = (verify_ethereum_signature(address, nonce.message, str(b["signature"])) if chain == "ethereum"
             else verify_solana_signature(address, nonce.message, str(b["signature"])))
    if not valid:
        raise ApiError(401, "INVALID_SIGNATURE", "Signature does not match the wallet address")
    del st.nonces[key]  # single use
    uid = st.wallet_index.get(key)
    if uid is None:
        return st._add_user(User(_new_id("usr", 8), None, created_at=ctx.clock.now(),
                                 wallets=[Wallet(address, chain)]))
    return st.users[uid]


@op("wallet_sign_in")
def wallet_sign_in(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    user = wallet_user(ctx, st)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({**tokens, "user": auth_user_view(user)})


def password_user(ctx: Ctx, st: SpapsState) -> User:
    """The user whose email and password the sign-in body names (401 otherwise)."""
    b = _body(ctx)
    user = st.user_by_email(str(b["email"]))
    if user is None or user.password_hash is None or not check_password(str(b["password"]), user.password_hash):
        raise ApiError(401, "INVALID_CREDENTIALS", "Invalid email or password")
    return user


@op("sign_in_with_password")
def sign_in_with_password(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    user = password_user(ctx, st)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({**tokens, "user": auth_user_view(user)})


@op("refresh_tokens")
def refresh_tokens(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    return ok(st.refresh(str(_body(ctx)["refresh_token"])))


def register_user(st: SpapsState, b: Body) -> User:
    """The user a register body creates (email and password checked, the email not yet taken).
    While the sandbox requires email confirmation the user is unconfirmed and the confirmation
    link goes to the outbox."""
    email = _email(b["email"])
    password = _password(b["password"])
    if st.user_by_email(email):
        raise ApiError(400, "EMAIL_ALREADY_EXISTS", "An account with this email already exists")
    user = st.create_user(email, password, username=b.get("username"), phone_number=b.get("phone_number"),
                          email_confirmed=not st.require_email_confirmation)
    if st.require_email_confirmation:
        st.send_one_time_token("email_confirmation", email, MAGIC_LINK_TTL, "https://app.sandbox.invalid/confirm")
    return user


@op("register")
def register(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    user = register_user(st, _body(ctx))
    if st.require_email_confirmation:
        return _auth_result(st, "Registration successful. Check your email to confirm your account.", user,
                            None, 201)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    del tokens["token_type"]  # register's tokens carry none (spaps.md §1.6)
    return _auth_result(st, "Registration successful", user, tokens, 201)


@op("send_magic_link")
def send_magic_link(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    email = _email(_body(ctx)["email"])
    msg = st.send_one_time_token("magic_link", email, MAGIC_LINK_TTL, "https://app.sandbox.invalid/auth/magic")
    return ok({"email": email, "sent_at": ctx.clock.iso(msg.sent_at)}, message="Magic link sent")


def magic_link_user(ctx: Ctx, st: SpapsState) -> User:
    """The user a magic-link (or email-confirmation) token names, now confirmed; the token is
    single use, and a link to an unknown email signs the user up."""
    record = st.consume_token(str(_body(ctx)["token"]), ("magic_link", "email_confirmation"))
    if record is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid or expired magic link")
    user = st.user_by_email(record.email) or st.create_user(record.email)
    user.email_confirmed = True
    return user


@op("verify_magic_link")
def verify_magic_link(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    user = magic_link_user(ctx, st)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return _auth_result(st, "Signed in", user, tokens)


@op("get_current_user")
def get_current_user(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    return ok({"user": current_user_view(user)})


@op("logout")
def logout(ctx: Ctx, st: SpapsState) -> Reply:
    _, _, session = _auth(ctx, st)
    st.revoke_session(session.id)
    if st.auth_envelope == "nested":
        return ok({"message": "Logged out successfully"})
    return ok(None, message="Logged out successfully")


@op("request_password_reset")
def request_password_reset(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    b = _body(ctx)
    email = _email(b["email"])
    now = ctx.clock.now()
    if st.user_by_email(email) is not None:  # same answer either way
        st.send_one_time_token("password_reset", email, PASSWORD_RESET_TTL,
                               str(b.get("redirect_url") or "https://app.sandbox.invalid/reset-password"))
    return ok({"email": email, "sent_at": ctx.clock.iso(now)},
              message="If an account with this email exists, a password reset link has been sent.")


@op("confirm_password_reset")
def confirm_password_reset(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    b = _body(ctx)
    password = _password(b["new_password"])
    record = st.consume_token(str(b["token"]), ("password_reset",))
    user = st.user_by_email(record.email) if record else None
    if user is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid or expired reset token")
    user.password_hash = hash_password(password)
    st.revoke_user_sessions(user.id)
    return ok(None, message="Password has been reset successfully")


# --- sessions ---------------------------------------------------------------------------------
@op("get_current_session")
def get_current_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, s = _auth(ctx, st)
    now = ctx.clock.now()
    return ok({"session": {
        "id": s.id, "user_id": s.user_id, "application_id": s.application_id, "tier": user.tier,
        "created_at": ctx.clock.iso(s.created_at), "expires_at": ctx.clock.iso(s.expires_at),
        "last_activity": ctx.clock.iso(s.last_activity), "wallets_count": len(user.wallets),
        "duration_minutes": int((now - s.created_at) // 60),  # whole minutes, as spaps 0.1.4 parses them
        "idle_minutes": int((now - s.last_activity) // 60),
    }})


@op("validate_session")
def validate_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, _, s = _auth(ctx, st, revoked_status=403)
    now = ctx.clock.now()
    renewed = s.expires_at - now < SESSION_RENEW_WINDOW
    if renewed:
        s.expires_at = now + SESSION_TTL
        for rt in st.refresh_tokens.values():
            if rt.session_id == s.id and not rt.rotated:
                rt.expires_at = s.expires_at
    s.last_activity = now
    return ok({"valid": True, "session_id": s.id, "expires_at": ctx.clock.iso(s.expires_at), "renewed": renewed})


@op("list_sessions")
def list_sessions(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, current = _auth(ctx, st)
    active = sorted(st.active_sessions(user.id), key=lambda s: (s.created_at, s.id), reverse=True)
    page, has_more = _page(active, lambda s: s.id, _limit(ctx), ctx.query.get("starting_after"))
    return ok({"sessions": [{
        "id": s.id, "user_id": s.user_id, "application_id": s.application_id,
        "created_at": ctx.clock.iso(s.created_at), "expires_at": ctx.clock.iso(s.expires_at),
        "last_used": ctx.clock.iso(s.last_activity), "user_agent": s.user_agent, "ip_address": s.ip_address,
        "is_current": s.id == current.id,
    } for s in page], "total": len(active), "has_more": has_more})


@op("touch_session")
def touch_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, _, s = _auth(ctx, st)
    s.last_activity = ctx.clock.now()
    return ok({"message": "Session activity updated", "session_id": s.id,
               "last_activity": ctx.clock.iso(s.last_activity)})


@op("revoke_session")
def revoke_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    sid = ctx.path["session_id"]
    target = st.sessions.get(sid)
    if target is None or target.user_id != user.id or target.revoked:
        raise ApiError(404, "SESSION_NOT_FOUND", "Session not found")
    st.revoke_session(sid)
    return ok({"message": "Session revoked", "session_id": sid})


# --- legacy payments --------------------------------------------------------------------------
def _checkout_price(st: SpapsState, price_id: str, mode: str) -> Price:
    price = st.prices.get(price_id)
    if price is None or not price.active:
        raise ApiError(400, "INVALID_PRICE", f"No active price {price_id}")
    if (mode == "subscription") != (price.interval is not None):
        raise ApiError(400, "INVALID_PRICE", f"Price {price_id} cannot be used in {mode} mode")
    return price


def _new_checkout(st: SpapsState, ctx: Ctx, app_id: str, user: User | None, guest: bool, b: Body,
                  line_items: list[tuple[str, int]]) -> CheckoutSession:
    mode = str(b["mode"])
    prices = [(_checkout_price(st, pid, mode), qty) for pid, qty in line_items]
    if mode == "subscription" and len(prices) != 1:
        raise ApiError(400, "INVALID_PRICE", "Subscription checkout takes exactly one recurring price")
    now = ctx.clock.now()
    cs = CheckoutSession(
        id=_new_id("cs_test", 16), application_id=app_id, user_id=user.id if user else None, guest=guest,
        mode=mode, line_items=line_items, success_url=str(b["success_url"]), cancel_url=str(b["cancel_url"]),
        customer_email=b.get("customer_email") or (user.email if user else None),
        client_reference_id=b.get("client_reference_id"), metadata=dict(b.get("metadata") or {}),
        created_at=now, expires_at=now + CHECKOUT_TTL,
        amount_total=sum(p.unit_amount * q for p, q in prices), currency=prices[0][0].currency,
    )
    st.checkout_sessions[cs.id] = cs
    return cs


def _checkout_url(cs: CheckoutSession) -> str:
    return f"https://checkout.sandbox.invalid/pay/{cs.id}"


@op("create_checkout_session")
def create_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    b = _body(ctx)
    cs = _new_checkout(st, ctx, app_id, user, False, b, [(str(b["price_id"]), 1)])
    if b.get("require_legal_consent"):
        cs.metadata["legal_consent_text"] = str(
            b.get("legal_consent_text") or "I agree to the Terms of Service and Privacy Policy.")
    return ok({"session_id": cs.id, "checkout_url": _checkout_url(cs), "expires_at": int(cs.expires_at)})


@op("get_balance")
def get_balance(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    for dep in st.deposits.values():
        if dep.user_id == user.id:
            st.deposit_progress(dep)
    pending = sum(d.amount for d in st.deposits.values() if d.user_id == user.id and not d.credited)
    start, end = _usage_period(st)
    used = sum(e.quantity for e in st.usage if e.user_id == user.id and start <= e.at < end)
    subs = [s for s in st.subscriptions.values()
            if s.user_id == user.id and st.roll_subscription(s).status in ("active", "trialing")]
    return ok({
        "balance": {"available": user.credits, "pending": pending, "currency": "usd"},
        "tier": user.tier,
        "tier_expires_at": ctx.clock.iso(max(s.current_period_end for s in subs)) if subs else None,
        "usage": {"current_period_start": ctx.clock.iso(start), "current_period_end": ctx.clock.iso(end),
                  "credits_used": used, "credits_remaining": user.credits},
    })


@op("create_payment_intent")
def create_payment_intent(ctx: Ctx, st: SpapsState) -> Reply:
    _auth(ctx, st)
    if st.cards_declined:
        raise ApiError(402, "CARD_DECLINED", "Your card was declined.")
    pid = _new_id("pi", 12)
    return ok({"payment_intent_id": pid, "client_secret": f"{pid}_secret_{secrets.token_hex(8)}",
               "status": "requires_payment_method"})


@op("update_payment_method")
def update_payment_method(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    b = _body(ctx)
    pm = str(b["payment_method_id"])
    if pm not in st.payment_methods:
        raise ApiError(404, "PAYMENT_METHOD_NOT_FOUND", f"No such payment method: {pm}")
    if pm not in user.payment_methods:
        user.payment_methods.append(pm)
    if b.get("set_default") or user.default_payment_method is None:
        user.default_payment_method = pm
    return ok({"message": "Payment method updated", "customer_id": f"cus_{user.id}", "payment_method_id": pm,
               "is_default": user.default_payment_method == pm})


def _deposit_view(st: SpapsState, dep: Deposit) -> tuple[Body, int, int]:
    current, required = st.deposit_progress(dep)
    return {"status": "completed" if dep.credited else ("confirming" if current else "pending")}, current, required


@op("create_wallet_deposit")
def create_wallet_deposit(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    b = _body(ctx)
    chain = str(b["chain_type"]).lower()
    tx = str(b["transaction_id"])
    valid_tx = ETH_TX_RE.match(tx) if chain == "ethereum" else (
        chain == "solana" and _is_solana_signature(tx))
    if not valid_tx:
        raise ApiError(422, "INVALID_TRANSACTION", f"transaction_id is not a {chain} transaction hash")
    if any(d.transaction_id == tx for d in st.deposits.values()):
        raise ApiError(422, "INVALID_TRANSACTION", "Transaction was already submitted")
    amount = float(b["amount"])
    if amount <= 0:
        raise ApiError(422, "INVALID_TRANSACTION", "amount must be positive")
    dep = Deposit(_new_id("dep", 10), user.id, str(b["wallet_address"]), chain, tx, amount, str(b["currency"]),
                  b.get("tier"), ctx.clock.now())
    st.deposits[dep.deposit_id] = dep
    view, current, required = _deposit_view(st, dep)
    return ok({"deposit_id": dep.deposit_id, **view, "amount": amount, "currency": dep.currency,
               "confirmation_required": required, "confirmation_current": current})


def _is_solana_signature(value: str) -> bool:
    try:
        return len(b58decode(value)) == 64
    except ValueError:
        return False


@op("get_wallet_transaction")
def get_wallet_transaction(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    tx = ctx.path["transaction_id"]
    dep = next((d for d in st.deposits.values() if d.transaction_id == tx and d.user_id == user.id), None)
    if dep is None:
        raise ApiError(404, "TRANSACTION_NOT_FOUND", "Transaction not found")
    view, current, _ = _deposit_view(st, dep)
    return ok({"transaction_id": tx, **view, "confirmations": current, "chain_type": dep.chain_type,
               "amount": dep.amount, "currency": dep.currency,
               "balance_added": dep.amount if dep.credited else None,
               "completed_at": ctx.clock.iso(dep.completed_at) if dep.completed_at else None})


# --- crypto invoices --------------------------------------------------------------------------
def _own_invoice(ctx: Ctx, st: SpapsState, user: User) -> Invoice:
    inv = st.invoices.get(ctx.path["invoice_id"])
    if inv is None or inv.user_id != user.id:
        raise ApiError(404, "NOT_FOUND", "Invoice not found")
    return inv


@op("create_crypto_invoice")
def create_crypto_invoice(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    b = _body(ctx)
    try:
        amount = Decimal(str(b["amount"]))
    except InvalidOperation:
        amount = Decimal(0)
    if not amount.is_finite() or amount <= 0:
        raise ApiError(400, "VALIDATION_ERROR", "amount must be a positive decimal string")
    now = ctx.clock.now()
    inv = Invoice(_new_id("inv", 12), user.id, app_id, str(b["asset"]).upper(), str(b["network"]).lower(),
                  amount, now, now + int(b.get("expires_in_seconds") or INVOICE_TTL),
                  b.get("beneficiary"), b.get("metadata"))
    st.invoices[inv.id] = inv
    return ok({"invoice": invoice_view(st, inv)})


@op("get_crypto_invoice")
def get_crypto_invoice(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    return ok({"invoice": invoice_view(st, _own_invoice(ctx, st, user))})


@op("get_crypto_invoice_status")
def get_crypto_invoice_status(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    inv = _own_invoice(ctx, st, user)
    paid = sum((s.amount for s in inv.settlements), Decimal(0))
    status = st.invoice_status(inv)
    return ok({"invoice_id": inv.id, "status": status,
               "finalized_at": ctx.clock.iso(inv.finalized_at) if inv.finalized_at else None,
               "normalized_amount": str(paid), "settlement_ids": [s.id for s in inv.settlements],
               "underpaid": Decimal(0) < paid < inv.amount, "overpaid": paid > inv.amount})


@op("reconcile_crypto_payments")
def reconcile_crypto_payments(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, _, _ = _auth(ctx, st)
    token = ctx.header("x-recon-token")
    if token is not None and not hmac.compare_digest(token, st.recon_tokens.get(app_id, "")):
        raise ApiError(401, "UNAUTHORIZED", "Invalid reconciliation token")
    settlements = sorted((s for inv in st.invoices.values() if inv.application_id == app_id
                          for s in inv.settlements), key=lambda s: s.at)
    job = {"job_id": _new_id("job", 10), "scheduled_at": ctx.clock.iso(),
           "cursor": {"settlements_seen": len(settlements),
                      "last_settlement_id": settlements[-1].id if settlements else None,
                      "requested": _body(ctx).get("cursor")}}
    st.reconcile_jobs.append(job)
    return ok(job)


# --- stripe: checkout -------------------------------------------------------------------------
def _own_checkout(ctx: Ctx, st: SpapsState, user: User) -> CheckoutSession:
    cs = st.checkout_sessions.get(ctx.path["session_id"])
    if cs is None or cs.user_id != user.id:
        raise ApiError(404, "NOT_FOUND", "Checkout session not found")
    return cs


def _guest_checkout(ctx: Ctx, st: SpapsState, app_id: str, session_id: str) -> CheckoutSession:
    cs = st.checkout_sessions.get(session_id)
    if cs is None or not cs.guest or cs.application_id != app_id:
        raise ApiError(404, "NOT_FOUND", "Guest checkout session not found")
    return cs


@op("list_checkout_sessions")
def list_checkout_sessions(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    mine = sorted((c for c in st.checkout_sessions.values() if c.user_id == user.id),
                  key=lambda c: (c.created_at, c.id), reverse=True)
    page, has_more = _page(mine, lambda c: c.id, _limit(ctx), ctx.query.get("starting_after"))
    return ok({"sessions": [{"id": c.id, "status": st.checkout_status(c), "payment_status": c.payment_status,
                             "amount_total": c.amount_total, "currency": c.currency,
                             "created_at": int(c.created_at), "expires_at": int(c.expires_at)} for c in page],
               "has_more": has_more, "next_cursor": page[-1].id if has_more and page else None})


@op("get_checkout_session")
def get_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    return ok(checkout_view(st, _own_checkout(ctx, st, user)))


@op("expire_checkout_session")
def expire_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    cs = _own_checkout(ctx, st, user)
    if st.checkout_status(cs) == "complete":
        raise ApiError(400, "INVALID_STATE", "A completed checkout session cannot be expired")
    cs.status = "expired"
    cs.expires_at = min(cs.expires_at, ctx.clock.now())
    return ok({"id": cs.id, "status": "expired", "expired": True})


@op("create_guest_checkout_session")
def create_guest_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    b = _body(ctx)
    b["customer_email"] = _email(b["customer_email"])
    items = [(str(i["price_id"]), int(i.get("quantity", 1))) for i in b["line_items"]]
    cs = _new_checkout(st, ctx, app_id, None, True, b, items)
    return ok({"id": cs.id, "url": _checkout_url(cs), "expiresAt": int(cs.expires_at),
               "customerEmail": cs.customer_email, "clientReferenceId": cs.client_reference_id,
               "successUrl": cs.success_url, "cancelUrl": cs.cancel_url})


@op("list_guest_checkout_sessions")
def list_guest_checkout_sessions(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    email = ctx.query.get("customer_email")
    guests = sorted((c for c in st.checkout_sessions.values() if c.guest and c.application_id == app_id
                     and (email is None or (c.customer_email or "") == email.strip().lower())),
                    key=lambda c: (c.created_at, c.id), reverse=True)
    page, has_more = _page(guests, lambda c: c.id, _limit(ctx), ctx.query.get("starting_after"))
    return ok({"sessions": [{"session_id": c.id, "status": st.checkout_status(c),
                             "payment_status": c.payment_status, "customer_email": c.customer_email,
                             "amount_total": c.amount_total, "currency": c.currency,
                             "created_at": ctx.clock.iso(c.created_at), "expires_at": ctx.clock.iso(c.expires_at)}
                            for c in page], "has_more": has_more})


@op("get_guest_checkout_session")
def get_guest_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    return ok(checkout_view(st, _guest_checkout(ctx, st, app_id, ctx.path["session_id"])))


@op("convert_guest_checkout_session")
def convert_guest_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    b = _body(ctx)
    cs = _guest_checkout(ctx, st, app_id, str(b["session_id"]))
    if st.checkout_status(cs) != "complete":
        raise ApiError(400, "INVALID_STATE", "Only a completed guest checkout can be converted")
    email = _email(b["email"])
    user = st.user_by_email(email)
    created = user is None
    if user is None:
        password = _password(b["password"]) if b.get("password") else None
        user = st.create_user(email, password, email_confirmed=False)
    cs.user_id = user.id
    for pay in st.payments.values():
        if pay.metadata.get("checkout_session") == cs.id:
            pay.user_id = user.id
    if cs.subscription and cs.subscription in st.subscriptions:
        st.subscriptions[cs.subscription].user_id = user.id
    magic = bool(b.get("send_magic_link"))
    if magic:
        st.send_one_time_token("magic_link", email, MAGIC_LINK_TTL, "https://app.sandbox.invalid/auth/magic")
    return ok({"success": True, "userId": user.id,
               "message": "Account created" if created else "Purchase linked to existing account",
               "loginUrl": None if magic else "https://app.sandbox.invalid/login", "magicLinkSent": magic})


# --- stripe: catalogue, subscriptions, history ------------------------------------------------
@op("list_products")
def list_products(ctx: Ctx, st: SpapsState) -> Reply:
    _auth(ctx, st)
    q = ctx.query
    items = sorted(st.products.values(), key=lambda p: p.id)
    if "category" in q:
        items = [p for p in items if p.category == q["category"]]
    if "active" in q:
        items = [p for p in items if p.active == (q["active"].lower() == "true")]
    if "mode" in q:
        want = "recurring" if q["mode"] == "subscription" else "one_time"
        items = [p for p in items if any(st.prices[i].type == want for i in p.prices)]
    page, _ = _page(items, lambda p: p.id, _limit(ctx), q.get("starting_after"))
    return ok({"products": [product_view(st, p) for p in page], "total": len(items)})


@op("get_product")
def get_product(ctx: Ctx, st: SpapsState) -> Reply:
    _auth(ctx, st)
    prod = st.products.get(ctx.path["product_id"])
    if prod is None:
        raise ApiError(404, "NOT_FOUND", "Product not found")
    return ok(product_view(st, prod, ctx.query.get("include_prices", "true").lower() != "false"))


def _own_subscription(ctx: Ctx, st: SpapsState, user: User) -> Subscription:
    sub = st.subscriptions.get(ctx.path["subscription_id"])
    if sub is None or sub.user_id != user.id:
        raise ApiError(404, "SUBSCRIPTION_NOT_FOUND", "Subscription not found")
    return st.roll_subscription(sub)


@op("list_subscriptions")
def list_subscriptions(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    status = ctx.query.get("status")
    mine = sorted((st.roll_subscription(s) for s in st.subscriptions.values() if s.user_id == user.id),
                  key=lambda s: (s.current_period_start, s.id), reverse=True)
    if status is None:
        mine = [s for s in mine if s.status != "canceled"]
    elif status != "all":
        mine = [s for s in mine if s.status == status]
    page, has_more = _page(mine, lambda s: s.id, _limit(ctx), ctx.query.get("starting_after"))
    return ok({"subscriptions": [subscription_view(st, s) for s in page], "has_more": has_more})


@op("get_subscription")
def get_subscription(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    return ok(subscription_view(st, _own_subscription(ctx, st, user)))


@op("cancel_subscription")
def cancel_subscription(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    sub = _own_subscription(ctx, st, user)
    if sub.status == "canceled":
        raise ApiError(400, "INVALID_SUBSCRIPTION", "Subscription is already canceled")
    if _body(ctx).get("immediately"):
        sub.status = "canceled"
        sub.canceled_at = int(ctx.clock.now())
        sub.cancel_at_period_end = False
    else:
        sub.cancel_at_period_end = True
        sub.canceled_at = int(ctx.clock.now())
    return ok(subscription_view(st, sub))


@op("update_subscription")
def update_subscription(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    sub = _own_subscription(ctx, st, user)
    if sub.status == "canceled":
        raise ApiError(400, "SUBSCRIPTION_UPDATE_ERROR", "A canceled subscription cannot be changed")
    price = _checkout_price(st, str(_body(ctx)["price_id"]), "subscription")
    sub.price_id = price.id
    return ok(subscription_view(st, sub))


@op("list_payment_history")
def list_payment_history(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    for s in st.subscriptions.values():
        if s.user_id == user.id:
            st.roll_subscription(s)
    status = ctx.query.get("status")
    mine = sorted((p for p in st.payments.values() if p.user_id == user.id and (status is None or p.status == status)),
                  key=lambda p: (p.created, p.id), reverse=True)
    page, has_more = _page(mine, lambda p: p.id, _limit(ctx), ctx.query.get("starting_after"),
                           ctx.query.get("ending_before"))
    return ok({"payments": [payment_view(p) for p in page], "has_more": has_more, "total_count": len(mine)})


@op("get_payment_detail")
def get_payment_detail(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    pay = st.payments.get(ctx.path["payment_id"])
    if pay is None or pay.user_id != user.id:
        raise ApiError(404, "PAYMENT_NOT_FOUND", "Payment not found")
    return ok({"payment": payment_view(pay)})


# --- usage ------------------------------------------------------------------------------------
def _usage_period(st: SpapsState) -> tuple[float, float]:
    n = int((st.clock.now() - st.started_at) // USAGE_PERIOD)
    start = st.started_at + n * USAGE_PERIOD
    return start, start + USAGE_PERIOD


def _feature_limit(feature: str, tier: str) -> float | None:
    entry = FEATURE_CATALOG.get(feature)
    if entry is None:
        return None
    limits = entry[1]
    return limits.get(tier, limits["free"])


def _used(st: SpapsState, user_id: str, feature: str) -> float:
    start, end = _usage_period(st)
    return sum(e.quantity for e in st.usage if e.user_id == user_id and e.feature == feature and start <= e.at < end)


@op("get_usage_features")
def get_usage_features(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    start, end = _usage_period(st)
    names = list(FEATURE_CATALOG) + sorted({e.feature for e in st.usage if e.user_id == user.id} - set(FEATURE_CATALOG))
    features, charges = [], []
    for name in names:
        used = _used(st, user.id, name)
        limit = _feature_limit(name, user.tier)
        features.append({"name": name, "description": FEATURE_CATALOG[name][0] if name in FEATURE_CATALOG else None,
                         "used": used, "limit": limit,
                         "percentage": round(100 * used / limit, 2) if limit else None,
                         "reset_at": ctx.clock.iso(end)})
        if limit is not None and used > limit and user.tier != "free":
            over = used - limit
            charges.append({"feature": name, "quantity": over,
                            "amount": round(over * FEATURE_CATALOG[name][2], 4)})
    return ok({"user_id": user.id, "tier": user.tier,
               "period": {"start": ctx.clock.iso(start), "end": ctx.clock.iso(end)},
               "features": features, "overage": {"allowed": user.tier != "free", "charges": charges}})


@op("record_usage")
def record_usage(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    key = ctx.header("x-idempotency-key")
    if key is not None and (app_id, user.id, key) in st.usage_keys:
        return ok(dict(st.usage_keys[(app_id, user.id, key)].response))  # the original record
    b = _body(ctx)
    quantity = float(b["quantity"])
    if quantity < 0:
        raise ApiError(400, "VALIDATION_ERROR", "quantity must not be negative")
    now = ctx.clock.now()
    at = now
    if b.get("timestamp"):
        try:
            at = dt.datetime.fromisoformat(str(b["timestamp"]).replace("Z", "+00:00")).timestamp()
        except ValueError as exc:
            raise ApiError(400, "VALIDATION_ERROR", "timestamp must be ISO-8601") from exc
    feature = str(b["feature"])
    entry = UsageEntry(_new_id("usage", 10), user.id, feature, quantity, at, now, b.get("metadata"))
    st.usage.append(entry)
    used = _used(st, user.id, feature)
    limit = _feature_limit(feature, user.tier)
    warning = None
    if limit is not None and used > limit:
        warning = f"Usage limit exceeded for {feature}"
    elif limit is not None and used >= 0.8 * limit:
        warning = f"{round(100 * used / limit)}% of the {feature} limit used"
    entry.response = {"record_id": entry.record_id, "feature": feature, "quantity": quantity,
                      "recorded_at": ctx.clock.iso(now),
                      "current_usage": {"used": used, "limit": limit,
                                        "remaining": max(0.0, limit - used) if limit is not None else None},
                      "warning": warning}
    if key is not None:
        st.usage_keys[(app_id, user.id, key)] = entry
    return ok(dict(entry.response))


def _parse_date(value: str | None, default: dt.date) -> dt.date:
    if value is None:
        return default
    if not DATE_RE.match(value):
        raise ApiError(400, "VALIDATION_ERROR", "dates must be YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(400, "VALIDATION_ERROR", "dates must be YYYY-MM-DD") from exc


def _bucket(day: dt.date, period: str) -> dt.date:
    if period == "weekly":
        return day - dt.timedelta(days=day.weekday())
    if period == "monthly":
        return day.replace(day=1)
    return day


@op("get_usage_history")
def get_usage_history(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    q = ctx.query
    period = q.get("period", "daily")
    if period not in ("daily", "weekly", "monthly"):
        raise ApiError(400, "VALIDATION_ERROR", "period must be daily, weekly or monthly")
    today = dt.datetime.fromtimestamp(ctx.clock.now(), dt.UTC).date()
    end = _parse_date(q.get("end_date"), today)
    start = _parse_date(q.get("start_date"), end - dt.timedelta(days=29))
    if start > end or (end - start).days > 366:
        raise ApiError(400, "VALIDATION_ERROR", "start_date must be before end_date, at most 366 days apart")
    feature = q.get("feature")
    buckets: dict[dt.date, dict[str, float]] = {}
    day = start
    while day <= end:
        buckets.setdefault(_bucket(day, period), {})
        day += dt.timedelta(days=1)
    totals: dict[str, float] = {}
    for e in st.usage:
        d = dt.datetime.fromtimestamp(e.at, dt.UTC).date()
        if e.user_id != user.id or not (start <= d <= end) or (feature and e.feature != feature):
            continue
        b = buckets[_bucket(d, period)]
        b[e.feature] = b.get(e.feature, 0.0) + e.quantity
        totals[e.feature] = totals.get(e.feature, 0.0) + e.quantity

    def cost(features: dict[str, float]) -> float:
        return round(sum(q * FEATURE_CATALOG.get(f, ("", {}, 0.0))[2] for f, q in features.items()), 6)

    return ok({"period": period, "start_date": start.isoformat(), "end_date": end.isoformat(),
               "history": [{"date": d.isoformat(), "features": f, "total_cost": cost(f)}
                           for d, f in sorted(buckets.items())],
               "summary": {"total_quantity": sum(totals.values()), "total_cost": cost(totals),
                           "features": totals}})


# --- secure messages --------------------------------------------------------------------------
@op("create_secure_message")
def create_secure_message(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    sender = _optional_user(ctx, st)
    b = _body(ctx)
    msg = SecureMessage(_new_id("msg", 10), app_id, str(b["patientId"]), str(b["practitionerId"]),
                        str(b["content"]), b.get("metadata"), ctx.clock.now(), sender.id if sender else None)
    st.messages.append(msg)
    return ok(message_view(msg, ctx.clock), status=201)


@op("list_secure_messages")
def list_secure_messages(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    _optional_user(ctx, st)
    return ok({"messages": [message_view(m, ctx.clock) for m in st.messages if m.application_id == app_id]})


# --- whitelist --------------------------------------------------------------------------------
def _entry(ctx: Ctx, st: SpapsState, app_id: str) -> WhitelistEntry:
    email = urllib.parse.unquote(ctx.path["email"]).strip().lower()
    entry = st.whitelist.get((app_id, email))
    if entry is None:
        raise ApiError(404, "NOT_FOUND", "Email is not on the whitelist")
    return entry


@op("check_whitelist")
def check_whitelist(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    email = ctx.query["email"].strip().lower()
    entry = st.whitelist.get((app_id, email))
    if entry is None:
        return ok({"message": "Email is not whitelisted"}, message="Email is not whitelisted")
    return ok({"entry": whitelist_view(entry), "message": "Email is whitelisted"}, message="Email is whitelisted")


@op("list_whitelist_entries")
def list_whitelist_entries(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, _, _ = _auth(ctx, st)
    tier = ctx.query.get("tier")
    entries = sorted((e for (a, _), e in st.whitelist.items() if a == app_id and (tier is None or e.tier == tier)),
                     key=lambda e: e.email)
    offset = int(ctx.query.get("offset", 0))
    limit = _limit(ctx)
    return ok({"entries": [whitelist_view(e) for e in entries[offset:offset + limit]], "total": len(entries)})


@op("add_whitelist_entry")
def add_whitelist_entry(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, _, _ = _auth(ctx, st)
    b = _body(ctx)
    email = _email(b["email"])
    if (app_id, email) in st.whitelist:
        raise ApiError(400, "EMAIL_ALREADY_EXISTS", "Email is already on the whitelist")
    entry = WhitelistEntry(email, app_id, str(b.get("tier", "premium")), bool(b.get("bypass_payment", True)),
                           b.get("metadata"))
    st.whitelist[(app_id, email)] = entry
    return ok({"entry": whitelist_view(entry)}, message="Email added to the whitelist", status=201)


@op("update_whitelist_entry")
def update_whitelist_entry(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, _, _ = _auth(ctx, st)
    entry = _entry(ctx, st, app_id)
    b = _body(ctx)
    if "tier" in b:
        entry.tier = str(b["tier"])
    if "bypass_payment" in b:
        entry.bypass_payment = bool(b["bypass_payment"])
    if "metadata" in b:
        entry.metadata = b["metadata"]
    return ok({"entry": whitelist_view(entry)})


@op("remove_whitelist_entry")
def remove_whitelist_entry(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, _, _ = _auth(ctx, st)
    entry = _entry(ctx, st, app_id)
    del st.whitelist[(app_id, entry.email)]
    return ok({"message": f"{entry.email} removed from the whitelist"})


# --- health and metrics -----------------------------------------------------------------------
@op("get_health")
def get_health(ctx: Ctx, st: SpapsState) -> Body:
    return {"status": "healthy"}


@op("get_readiness")
def get_readiness(ctx: Ctx, st: SpapsState) -> Body:
    return {"ready": True}


def _rss_mb() -> float:
    try:
        import resource  # POSIX only
    except ImportError:
        return 0.0
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 2)  # Linux: KiB


@op("get_prometheus_metrics")
def get_prometheus_metrics(ctx: Ctx, st: SpapsState) -> Reply:
    counts: dict[tuple[str, str], int] = {}
    for entry in (ctx.namespace or ctx.sandbox).requests:
        if entry.get("service") == spaps.name:
            k = (str(entry.get("op")), str(entry.get("status", "")))
            counts[k] = counts.get(k, 0) + 1
    lines = [
        "# HELP spaps_http_requests_total HTTP requests handled, by operation and status.",
        "# TYPE spaps_http_requests_total counter",
        *(f'spaps_http_requests_total{{operation="{o}",status="{s}"}} {n}' for (o, s), n in sorted(counts.items())),
        "# HELP spaps_users_total Registered users.",
        "# TYPE spaps_users_total gauge",
        f"spaps_users_total {len(st.users)}",
        "# HELP spaps_active_sessions Sessions neither revoked nor expired.",
        "# TYPE spaps_active_sessions gauge",
        f"spaps_active_sessions {sum(len(st.active_sessions(u)) for u in st.users)}",
        "# HELP process_uptime_seconds Seconds since the sandbox state was seeded.",
        "# TYPE process_uptime_seconds gauge",
        f"process_uptime_seconds {ctx.clock.now() - st.started_at:.3f}",
        "# HELP process_resident_memory_megabytes Peak resident memory.",
        "# TYPE process_resident_memory_megabytes gauge",
        f"process_resident_memory_megabytes {_rss_mb()}",
    ]
    return Reply(200, "\n".join(lines) + "\n", media_type="text/plain; version=0.0.4; charset=utf-8")


@op("get_metrics_json")
def get_metrics_json(ctx: Ctx, st: SpapsState) -> Body:
    return {"timestamp": ctx.clock.iso(), "uptime_seconds": round(ctx.clock.now() - st.started_at, 3),
            "system": {"memory": {"rss_mb": _rss_mb()}}}


# --- control plane: POST /_sandbox/spaps/<action> ---------------------------------------------
def _cbody(body: Any) -> Body:
    return body if isinstance(body, dict) else {}


@spaps.control("outbox", method="POST")
def control_outbox(st: SpapsState, body: Any) -> Any:
    return {"messages": st.outbox(_cbody(body).get("email"))}


@spaps.control("outbox", method="GET")
def control_outbox_get(st: SpapsState, body: Any) -> Any:
    return {"messages": st.outbox(None)}


@spaps.control("create_user")
def control_create_user(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    user = st.create_user(str(b["email"]), b.get("password"), username=b.get("username"),
                          email_confirmed=bool(b.get("email_confirmed", True)), tier=str(b.get("tier", "free")))
    return auth_user_view(user)


@spaps.control("add_api_key")
def control_add_api_key(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    app_id = str(b["application_id"])
    key = st.add_api_key(app_id, b.get("api_key"))
    return {"api_key": key, "application_id": app_id}


@spaps.control("complete_checkout")
def control_complete_checkout(st: SpapsState, body: Any) -> Any:
    return checkout_view(st, st.complete_checkout(str(_cbody(body)["session_id"])))


@spaps.control("pay_invoice")
def control_pay_invoice(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    inv = st.pay_invoice(str(b["invoice_id"]), str(b["amount"]))
    return invoice_view(st, inv)


@spaps.control("decline_cards")
def control_decline_cards(st: SpapsState, body: Any) -> Any:
    st.decline_cards(bool(_cbody(body).get("declined", True)))
    return {"cards_declined": st.cards_declined}


@spaps.control("set_auth_envelope")
def control_set_auth_envelope(st: SpapsState, body: Any) -> Any:
    st.set_auth_envelope(str(_cbody(body)["mode"]))
    return {"auth_envelope": st.auth_envelope}


@spaps.control("require_email_confirmation")
def control_require_email_confirmation(st: SpapsState, body: Any) -> Any:
    st.require_email_confirmation = bool(_cbody(body).get("required", True))
    return {"require_email_confirmation": st.require_email_confirmation}


@spaps.control("expire_sessions")
def control_expire_sessions(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    return {"expired": st.expire_sessions(session_id=b.get("session_id"), user_id=b.get("user_id"))}


@spaps.control("expire_access_tokens")
def control_expire_access_tokens(st: SpapsState, body: Any) -> Any:
    st.expire_access_tokens(_cbody(body).get("user_id"))
    return {"ok": True}

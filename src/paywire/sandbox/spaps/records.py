"""The records the SPAPS sandbox keeps: plain dataclasses, held by :class:`~.state.SpapsState`.

Snapshots (``sandbox/snapshot.py``) write and rebuild them field by field, as ``spaps.<Class>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from paywire.sandbox._framework import Clock, Reply


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


# --- what only contracts with MFA, two-phase usage or pair-scoped messages keep ---------------
@dataclass
class MfaChallenge:
    id: str
    user_id: str
    application_id: str
    challenge: str = field(repr=False)
    methods: tuple[str, ...]
    expires_at: float
    #: the sandbox's stand-in for the user's authenticator app: the code it would show now
    #: (listed by GET /_sandbox/spaps-2026-10/mfa_challenges)
    code: str = field(default="", repr=False)


@dataclass
class UsageAuthorization:
    ref: str
    application_id: str
    feature_key: str
    resource_type: str
    resource_id: str | None
    subject_user_id: str | None
    decision: str
    expires_at: float


@dataclass
class UsageEvent:
    event_id: str
    application_id: str
    feature_key: str
    resource_type: str
    resource_id: str | None
    subject_user_id: str | None
    authorization_ref: str | None
    idempotency_key: str | None
    dimensions: dict[str, float]
    metadata: dict[str, Any] | None
    occurred_at: float
    recorded_at: float
    fingerprint: str = ""
    window_totals: dict[str, float] = field(default_factory=dict)


@dataclass
class Authorship:
    sender_user_id: str
    sender_role: str
    client_message_id: str | None
    fingerprint: str


@dataclass
class ProfileState:
    """What only the contracts with MFA, two-phase usage or pair-scoped messages (2026-10) keep,
    attached to one SpapsState (see :func:`~.state.profile`)."""

    mfa_users: set[str] = field(default_factory=set)
    #: user id -> unused recovery codes (handed out by the require_mfa control)
    recovery_codes: dict[str, list[str]] = field(default_factory=dict)
    challenges: dict[str, MfaChallenge] = field(default_factory=dict)
    authorizations: dict[str, UsageAuthorization] = field(default_factory=dict)
    events: list[UsageEvent] = field(default_factory=list)
    event_keys: dict[tuple[str, str], UsageEvent] = field(default_factory=dict)
    #: (scope, owner, Idempotency-Key) -> (request fingerprint, the original reply)
    idempotent: dict[tuple[str, str, str], tuple[str, Reply]] = field(default_factory=dict)
    authorship: dict[str, Authorship] = field(default_factory=dict)
    #: (application, sender, clientMessageId) -> message id
    client_message_ids: dict[tuple[str, str, str], str] = field(default_factory=dict)


"""What the Vellum sandbox keeps: constants, the seeded catalog, and one dataclass per record.

Plain data only (no behaviour that renders or changes state), so the views, the push outbox and
the state container can all import it without importing each other. Snapshots encode these
dataclasses field by field (``vellum.Tenant`` ...): renaming a field breaks older snapshots.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox.vellum.constants import DEFAULT_API_KEY as DEFAULT_API_KEY
from paywire.sandbox.vellum.constants import DEFAULT_TENANT as DEFAULT_TENANT

OTHER_TENANT = "acme"
OTHER_API_KEY = "vlm_acme.sandbox_secret"
CURRENCY = "usd"
DAY = 86_400.0
PERIOD_SECONDS = {"month": 30 * DAY, "year": 365 * DAY}
INCOMPLETE_EXPIRY_SECONDS = 23 * 3600.0
PDF_URL_BASE = "https://files.sandbox.vellum.invalid/invoices"
HOSTED_INVOICE_BASE = "https://pay.sandbox.vellum.invalid/invoices"
CHECKOUT_URL_BASE = "https://checkout.sandbox.vellum.invalid/c"
ENDED_STATUSES = {"canceled", "incomplete_expired"}
ACCESS_STATUSES = {"active", "trialing"}


@dataclass(frozen=True)
class Plan:
    product_id: str
    plan_id: str
    version: int
    modules: tuple[str, ...]
    config: dict[str, Any]
    amount: int  # per seat, cents
    interval: str = "month"

    @property
    def trial_days(self) -> int:
        return int(self.config.get("trial_days", 0))


#: The seeded catalog (every tenant sells the same plans).
CATALOG: tuple[Plan, ...] = (
    Plan("prod_sam", "basic", 1, ("imports",), {"trial_days": 0, "max_rows": 1_000}, 1_900),
    Plan("prod_sam", "pro", 1, ("imports", "exports"), {"trial_days": 14, "max_rows": 100_000}, 4_900),
    Plan(
        "prod_sam",
        "pro",
        2,
        ("imports", "exports", "reports"),
        {"trial_days": 14, "max_rows": 250_000},
        5_900,
    ),
    Plan("prod_sam", "team", 1, ("imports", "exports"), {"trial_days": 0, "max_rows": 500_000}, 9_900),
    Plan("prod_sam_annual", "team", 1, ("imports", "exports", "reports"), {"trial_days": 0}, 99_000, "year"),
)
#: Add-on module -> monthly price in cents (per subscription, not per seat).
ADD_ONS: dict[str, int] = {"audit": 900, "sso": 1_500}
#: credit type id -> (name, unit)
CREDIT_TYPES: dict[str, tuple[str, str]] = {
    "ai_tokens": ("AI tokens", "token"),
    "exports": ("Export credits", "credit"),
}
#: pack id -> (credit type id, name, credits per pack, price in cents)
CREDIT_PACKS: dict[str, tuple[str, str, int, int]] = {
    "ai_small": ("ai_tokens", "1k tokens", 1_000, 1_000),
    "ai_large": ("ai_tokens", "10k tokens", 10_000, 8_000),
    "exports_10": ("exports", "10 exports", 10, 500),
}
DEFAULT_FLAGS: dict[str, bool] = {"new_dashboard": False, "beta_exports": True}


def token(prefix: str, nbytes: int = 8) -> str:
    """A fresh id such as ``sub_<hex>``."""
    return f"{prefix}_{secrets.token_hex(nbytes)}"


def recurring_total(plan: Plan, seats: int, add_ons: list[str]) -> int:
    """What one period of ``plan`` with ``seats`` and ``add_ons`` costs, in cents."""
    return plan.amount * seats + sum(ADD_ONS[m] for m in add_ons)


@dataclass
class Account:
    account_id: str
    name: str | None = None
    email: str | None = None
    status: str = "active"
    billing_customer_id: str | None = None
    default_pm: str | None = None  # raw payment method id


@dataclass
class Customer:
    customer_id: str
    account_id: str
    email: str | None = None
    name: str | None = None
    status: str = "active"


@dataclass
class PaymentMethod:
    id: str
    ref: str
    account_id: str
    brand: str = "visa"
    last4: str = "4242"
    exp_month: int = 12
    exp_year: int = 2034
    name: str | None = None


@dataclass
class Subscription:
    id: str
    account_id: str
    customer_id: str
    plan: Plan
    seats: int
    status: str
    created: float
    period_start: float
    period_end: float
    trial_end: float | None = None
    cancel_at_period_end: bool = False
    canceled_at: float | None = None
    default_pm: str | None = None  # raw payment method id
    add_ons: list[str] = field(default_factory=list)

    @property
    def live(self) -> bool:
        return self.status not in ENDED_STATUSES

    def recurring_total(self) -> int:
        return recurring_total(self.plan, self.seats, self.add_ons)


@dataclass
class Invoice:
    id: str
    ref: str
    account_id: str
    customer_id: str | None
    subscription_id: str | None
    number: str
    status: str
    subtotal: int
    created: float
    lines: list[tuple[str, int]] = field(default_factory=list)
    hosted_token: str = field(default_factory=lambda: secrets.token_urlsafe(12))

    @property
    def paid(self) -> bool:
        return self.status == "paid"

    @property
    def hosted_url(self) -> str:
        """Hosted payment page; carries its own token, never the raw or ref id."""
        return f"{HOSTED_INVOICE_BASE}/{self.hosted_token}"

    @property
    def pdf_url(self) -> str:
        """Where the v1-era PDF redirect points (and what its invoices and pushes show)."""
        return f"{PDF_URL_BASE}/{self.id}.pdf"


@dataclass
class CheckoutSession:
    id: str
    kind: str  # subscription | setup | credits
    version: str  # the API version the session was opened through (its subscription's shape)
    account_id: str
    customer_id: str | None = None
    plan: Plan | None = None
    seats: int = 1
    add_ons: list[str] = field(default_factory=list)
    items: list[tuple[str, int]] = field(default_factory=list)  # (pack id, quantity)
    completed: bool = False


@dataclass
class PushConfig:
    url: str
    secret: str = field(repr=False)


@dataclass
class OutboxEvent:
    event_id: str
    type: str
    tenant_id: str
    body: bytes  # the exact bytes delivered (and signed) on every attempt
    status: str = "pending"  # pending | delivered | failed
    attempts: int = 0
    last_status: int | None = None
    last_error: str | None = None
    delivery_id: str | None = None  # its entry in VellumState.webhook_log, once delivery began

    def as_dict(self) -> dict[str, Any]:
        return {
            "eventId": self.event_id,
            "type": self.type,
            "tenantId": self.tenant_id,
            "status": self.status,
            "attempts": self.attempts,
            "lastStatus": self.last_status,
            "lastError": self.last_error,
            "deliveryId": self.delivery_id,
            "event": json.loads(self.body),
        }


@dataclass
class Tenant:
    tenant_id: str
    api_key: str = field(repr=False)
    accounts: dict[str, Account] = field(default_factory=dict)
    customers: dict[str, Customer] = field(default_factory=dict)
    payment_methods: dict[str, PaymentMethod] = field(default_factory=dict)  # raw id -> pm
    subscriptions: list[Subscription] = field(default_factory=list)
    invoices: dict[str, Invoice] = field(default_factory=dict)  # raw id -> invoice
    sessions: dict[str, CheckoutSession] = field(default_factory=dict)
    credits: dict[tuple[str, str], int] = field(default_factory=dict)  # (customer, type) -> balance
    consumptions: dict[tuple[str, str, str], tuple[int, dict[str, Any]]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=lambda: dict(DEFAULT_FLAGS))
    flag_overrides: dict[str, dict[str, bool]] = field(default_factory=dict)
    push: PushConfig | None = None
    invoice_seq: int = 0

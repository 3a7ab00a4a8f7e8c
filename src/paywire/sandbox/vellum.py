"""Vellum sandbox: an in-memory emulator of both pinned Vellum contracts.

Two services share one state (state key ``vellum``):

* ``vellum-v1`` under ``/vellum`` serves ``openapi/vellum/v1.yaml`` (the vellumcharter 0.1.0 era);
* ``vellum-v2`` under ``/vellum-v2`` serves ``openapi/vellum/v2.yaml`` (the 1.4.x surface).

Both are views of *one* server: an account created through v1 is visible through v2, and each
version renders it in its own shape. What it models:

* **Tenants and keys.** Seeded: tenant :data:`DEFAULT_TENANT` (``sam``) with key
  :data:`DEFAULT_API_KEY`, and tenant :data:`OTHER_TENANT` (``acme``) with
  :data:`OTHER_API_KEY`. A missing key is a 401 from the framework's security check; an unknown
  key is 401 ``UNAUTHORIZED``; a valid key on another tenant's path is 403 ``FORBIDDEN``.
* **Catalog** (:data:`CATALOG`, shared by all tenants): product ``prod_sam`` with ``basic`` v1
  (``imports``; no trial), ``pro`` v1 (``imports``, ``exports``; 14-day trial) and ``pro`` v2
  (adds ``reports``), and plan ``team`` v1, which exists in **two** products, so a v2 call
  without ``productId`` is 400 ``AMBIGUOUS_PLAN`` (v1 picks the first product). Add-on modules
  :data:`ADD_ONS`. Unknown plans/versions/add-ons are 400 ``UNKNOWN_PLAN`` / ``UNKNOWN_ADD_ON``.
* **Accounts and customers.** Re-creating returns the existing record. v1 overwrites a
  different ``stripeCustomerId``; v2 answers 409 ``BILLING_CUSTOMER_CONFLICT``. Account or
  customer status other than ``active`` withholds access.
* **Subscriptions** on the sandbox clock: a plan with ``trial_days`` starts ``trialing``
  (period = the trial); otherwise ``active`` when the account has a card, else ``incomplete``
  (which expires to ``incomplete_expired`` after 23 hours, like Stripe's).
  Each time any operation (or :meth:`VellumState.settle`) runs, periods that ended are settled:
  a pending cancel-at-period-end becomes ``canceled``; a trial becomes ``active`` (card) or
  ``past_due`` (no card); an active period rolls over with a new invoice. A second subscription
  for a customer with a live one is 409 ``SUBSCRIPTION_EXISTS`` in v2 and *replaces* it in v1.
  v2 ``create_subscription`` needs a saved card (400 ``PAYMENT_METHOD_REQUIRED``).
* **Payment methods**: each has a raw id (``pm_…``, the only handle in v1) and an opaque ref
  bound to its account (``pmr_…``, the only handle in v2; raw ids and other accounts' refs are
  404 in v2). Added by :meth:`VellumState.add_payment_method` or by completing a setup
  checkout. **Invoices** likewise (``in_…`` / ``inr_…``); the v1 PDF is a 302 to
  ``https://files.sandbox.vellum.invalid/invoices/<id>.pdf``, v2 returns real PDF bytes.
* **Checkouts** return a ``sessionId``; :meth:`VellumState.complete_checkout` plays the
  customer finishing the hosted page (subscription, saved card, or credits).
* **Entitlements** derive from the customer's current subscription: 404 for a customer with no
  record; ``status: "none"`` with no modules when there is no subscription; modules and
  ``hasAccess`` only for ``active``/``trialing`` with active account and customer (modules are
  emptied otherwise). v1 adds ``billingSubscriptionId`` and omits ``hasAccess`` (0.1.0 era).
* **Credits** (v2): types :data:`CREDIT_TYPES`, packs :data:`CREDIT_PACKS`. ``consume`` is
  all-or-nothing and idempotent per (customer, credit type, ``idempotencyKey``); a replay
  returns the first result; the same key with another amount is 409 ``IDEMPOTENCY_KEY_REUSED``;
  a short balance is 409 ``INSUFFICIENT_CREDITS``. Grant with :meth:`VellumState.grant_credits`.
* **Flags** (v2): global :data:`DEFAULT_FLAGS` plus per-customer overrides
  (:meth:`VellumState.set_flag`).
* **Push webhooks**: every subscription change and every invoice appends a signed event to an
  outbox (``subscription.created|updated|canceled``, ``payment.succeeded|failed``), rendered
  in the shape of the API version whose call caused it (settling outside a call renders v2).
  :meth:`VellumState.configure_push` sets a loopback URL and secret per tenant;
  :meth:`VellumState.deliver_pushes` POSTs each pending event's raw JSON with header
  :data:`SIGNATURE_HEADER` = ``t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`` using the
  sandbox clock, trying up to :data:`PUSH_ATTEMPTS` times with no delay, then drops it
  (status ``failed``). The receiver must not be this sandbox (delivery is synchronous).

Control plane (on both ``vellum-v1`` and ``vellum-v2``): ``POST /_sandbox/<svc>/configure-push``,
``GET .../outbox``, ``POST .../deliver-pushes``, ``POST .../add-payment-method``,
``POST .../complete-checkout``, ``POST .../grant-credits``, ``POST .../set-flag``,
``POST .../settle``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox._framework import ApiError, Clock, Ctx, Handler, Reply, ServiceApp
from paywire.sandbox.webhooks_log import DeliveryLog

DEFAULT_TENANT = "sam"
DEFAULT_API_KEY = "vlm_sam.sandbox_secret"
OTHER_TENANT = "acme"
OTHER_API_KEY = "vlm_acme.sandbox_secret"
SIGNATURE_HEADER = "X-Vellum-Signature"
PUSH_ATTEMPTS = 3
PUSH_TIMEOUT_SECONDS = 5.0
CURRENCY = "usd"
DAY = 86_400.0
PERIOD_SECONDS = {"month": 30 * DAY, "year": 365 * DAY}
INCOMPLETE_EXPIRY_SECONDS = 23 * 3600.0
PDF_URL_BASE = "https://files.sandbox.vellum.invalid/invoices"
HOSTED_INVOICE_BASE = "https://pay.sandbox.vellum.invalid/invoices"
CHECKOUT_URL_BASE = "https://checkout.sandbox.vellum.invalid/c"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
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


def sign_push(secret: str, body: bytes, timestamp: int) -> str:
    """The push signature header value: ``t=<unix>,v1=<hex>`` over ``"<t>.<raw body>"``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def _token(prefix: str, nbytes: int = 8) -> str:
    return f"{prefix}_{secrets.token_hex(nbytes)}"


# --- records -----------------------------------------------------------------------------------------


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
        return self.plan.amount * self.seats + sum(ADD_ONS[m] for m in self.add_ons)


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


@dataclass
class CheckoutSession:
    id: str
    kind: str  # subscription | setup | credits
    version: str
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


# --- the state -----------------------------------------------------------------------------------------


class VellumState:
    """All Vellum sandbox state; both API versions read and write it."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.tenants: dict[str, Tenant] = {
            DEFAULT_TENANT: Tenant(DEFAULT_TENANT, DEFAULT_API_KEY),
            OTHER_TENANT: Tenant(OTHER_TENANT, OTHER_API_KEY),
        }
        self.outbox: list[OutboxEvent] = []
        self.webhook_log = DeliveryLog("vellum")
        self._lock = threading.RLock()

    def __repr__(self) -> str:  # never show keys or push secrets
        return f"<VellumState tenants={sorted(self.tenants)} outbox={len(self.outbox)}>"

    # -- auth ---------------------------------------------------------------------------------
    def authenticate(self, api_key: str | None, tenant_id: str) -> Tenant:
        owner: Tenant | None = None
        for tenant in self.tenants.values():
            if api_key is not None and hmac.compare_digest(api_key.encode(), tenant.api_key.encode()):
                owner = tenant
        if owner is None:
            raise ApiError(401, "UNAUTHORIZED", "invalid API key")
        if owner.tenant_id != tenant_id:
            raise ApiError(403, "FORBIDDEN", "API key is not valid for this tenant")
        return owner

    def tenant(self, tenant_id: str = DEFAULT_TENANT) -> Tenant:
        try:
            return self.tenants[tenant_id]
        except KeyError:
            raise KeyError(f"unknown tenant {tenant_id!r}") from None

    # -- catalog ------------------------------------------------------------------------------
    @staticmethod
    def resolve_plan(
        plan_id: str, version: int | None, product_id: str | None, *, strict_product: bool
    ) -> Plan:
        candidates = [p for p in CATALOG if p.plan_id == plan_id]
        if product_id is not None:
            candidates = [p for p in candidates if p.product_id == product_id]
        if not candidates:
            raise ApiError(400, "UNKNOWN_PLAN", f"unknown plan {plan_id!r}")
        products = list(dict.fromkeys(p.product_id for p in candidates))
        if len(products) > 1:
            if strict_product:
                raise ApiError(
                    400, "AMBIGUOUS_PLAN", f"plan {plan_id!r} is sold by several products; pass productId"
                )
            candidates = [p for p in candidates if p.product_id == products[0]]
        if version is None:
            return max(candidates, key=lambda p: p.version)
        for plan in candidates:
            if plan.version == version:
                return plan
        raise ApiError(400, "UNKNOWN_PLAN", f"plan {plan_id!r} has no version {version}")

    @staticmethod
    def check_add_ons(module_ids: list[str]) -> list[str]:
        for module_id in module_ids:
            if module_id not in ADD_ONS:
                raise ApiError(400, "UNKNOWN_ADD_ON", f"unknown add-on module {module_id!r}")
        return list(dict.fromkeys(module_ids))

    # -- lookups ------------------------------------------------------------------------------
    @staticmethod
    def account(t: Tenant, account_id: str) -> Account:
        acct = t.accounts.get(account_id)
        if acct is None:
            raise ApiError(404, "NOT_FOUND", "account not found")
        return acct

    def customer_of(self, t: Tenant, account_id: str, customer_id: str) -> Customer:
        self.account(t, account_id)
        cust = t.customers.get(customer_id)
        if cust is None or cust.account_id != account_id:
            raise ApiError(404, "NOT_FOUND", "customer not found")
        return cust

    @staticmethod
    def current_subscription(t: Tenant, customer_id: str) -> Subscription | None:
        subs = [s for s in t.subscriptions if s.customer_id == customer_id]
        live = [s for s in subs if s.live]
        if live:
            return live[-1]
        return subs[-1] if subs else None

    def subscription_for(self, t: Tenant, account_id: str, customer_id: str) -> Subscription:
        self.customer_of(t, account_id, customer_id)
        sub = self.current_subscription(t, customer_id)
        if sub is None:
            raise ApiError(404, "NOT_FOUND", "customer has no subscription")
        return sub

    @staticmethod
    def live_subscription(sub: Subscription) -> Subscription:
        if not sub.live:
            raise ApiError(409, "SUBSCRIPTION_ENDED", "the subscription has ended")
        return sub

    @staticmethod
    def method(t: Tenant, account_id: str, handle: str, version: str) -> PaymentMethod:
        """v1 takes the raw id; v2 only a ref of this account (anything else is 404)."""
        for pm in t.payment_methods.values():
            if pm.account_id != account_id:
                continue
            if (version == "v1" and pm.id == handle) or (version == "v2" and pm.ref == handle):
                return pm
        raise ApiError(404, "NOT_FOUND", "payment method not found")

    @staticmethod
    def invoice(t: Tenant, account_id: str, handle: str, version: str) -> Invoice:
        for inv in t.invoices.values():
            if inv.account_id != account_id:
                continue
            if (version == "v1" and inv.id == handle) or (version == "v2" and inv.ref == handle):
                return inv
        raise ApiError(404, "NOT_FOUND", "invoice not found")

    # -- views --------------------------------------------------------------------------------
    def iso(self, ts: float | None) -> str | None:
        return None if ts is None else self.clock.iso(ts)

    def subscription_view(self, t: Tenant, sub: Subscription, version: str) -> dict[str, Any]:
        view: dict[str, Any] = {
            "status": sub.status,
            "cancelAtPeriodEnd": sub.cancel_at_period_end,
            "seats": sub.seats,
            "amount": sub.plan.amount,
            "currency": CURRENCY,
            "interval": sub.plan.interval,
            "currentPeriodStart": self.iso(sub.period_start),
            "currentPeriodEnd": self.iso(sub.period_end),
            "trialEnd": self.iso(sub.trial_end),
            "canceledAt": self.iso(sub.canceled_at),
            "planId": sub.plan.plan_id,
            "planVersion": sub.plan.version,
        }
        if version == "v1":
            view = {"id": sub.id, **view, "defaultPaymentMethod": sub.default_pm}
        else:
            pm = t.payment_methods.get(sub.default_pm or "")
            if pm is not None:
                view["defaultPaymentMethodRef"] = pm.ref
            view["productId"] = sub.plan.product_id
            view["addOnModuleIds"] = list(sub.add_ons)
        return view

    @staticmethod
    def account_view(acct: Account, version: str) -> dict[str, Any]:
        view: dict[str, Any] = {
            "accountId": acct.account_id,
            "name": acct.name,
            "email": acct.email,
            "status": acct.status,
        }
        if version == "v1":
            view["billingCustomerId"] = acct.billing_customer_id
        return view

    @staticmethod
    def customer_view(cust: Customer, version: str) -> dict[str, Any]:
        view: dict[str, Any] = {
            "customerId": cust.customer_id,
            "accountId": cust.account_id,
            "email": cust.email,
            "status": cust.status,
        }
        if version == "v2":
            view["name"] = cust.name
        return view

    @staticmethod
    def method_view(t: Tenant, pm: PaymentMethod, version: str) -> dict[str, Any]:
        handle = {"id": pm.id} if version == "v1" else {"ref": pm.ref}
        return {
            **handle,
            "brand": pm.brand,
            "last4": pm.last4,
            "expMonth": pm.exp_month,
            "expYear": pm.exp_year,
            "name": pm.name,
            "isDefault": t.accounts[pm.account_id].default_pm == pm.id,
        }

    def invoice_view(self, inv: Invoice, version: str) -> dict[str, Any]:
        view: dict[str, Any] = {"id": inv.id} if version == "v1" else {"ref": inv.ref}
        view.update(
            {
                "number": inv.number,
                "status": inv.status,
                "amountDue": inv.subtotal,
                "amountPaid": inv.subtotal if inv.paid else 0,
                "subtotal": inv.subtotal,
                "total": inv.subtotal,
                "tax": 0,
                "paid": inv.paid,
                "currency": CURRENCY,
                "created": self.clock.iso(inv.created),
                "hostedInvoiceUrl": inv.hosted_url,
            }
        )
        if version == "v1":
            view["invoicePdf"] = f"{PDF_URL_BASE}/{inv.id}.pdf"
        return view

    def entitlements_view(self, t: Tenant, customer_id: str, version: str) -> dict[str, Any]:
        cust = t.customers.get(customer_id)
        if cust is None:
            raise ApiError(404, "NOT_FOUND", "customer has no record")
        sub = self.current_subscription(t, customer_id)
        if sub is None:
            view: dict[str, Any] = {"status": "none", "modules": [], "config": {}}
            access = False
        else:
            acct = t.accounts[cust.account_id]
            access = sub.status in ACCESS_STATUSES and cust.status == "active" and acct.status == "active"
            modules = list(dict.fromkeys([*sub.plan.modules, *sub.add_ons])) if access else []
            view = {"status": sub.status, "modules": modules, "config": dict(sub.plan.config)}
        if version == "v1":
            view["billingSubscriptionId"] = sub.id if sub is not None else None
        else:
            view["hasAccess"] = access
        return view

    # -- events -------------------------------------------------------------------------------
    def emit(self, t: Tenant, event_type: str, data: dict[str, Any]) -> OutboxEvent:
        event_id = _token("evt", 12)
        payload = {
            "eventId": event_id,
            "type": event_type,
            "createdAt": self.clock.iso(),
            "tenantId": t.tenant_id,
            "data": data,
        }
        event = OutboxEvent(
            event_id, event_type, t.tenant_id, json.dumps(payload, separators=(",", ":")).encode()
        )
        with self._lock:
            self.outbox.append(event)
        return event

    def emit_subscription(self, t: Tenant, event_type: str, sub: Subscription, version: str) -> None:
        ent = self.entitlements_view(t, sub.customer_id, version)
        self.emit(
            t,
            event_type,
            {
                "accountId": sub.account_id,
                "customerId": sub.customer_id,
                "subscription": self.subscription_view(t, sub, version),
                "modules": ent["modules"],
            },
        )

    def emit_payment(self, t: Tenant, inv: Invoice, seats: int | None) -> None:
        data: dict[str, Any] = {
            "accountId": inv.account_id,
            "customerId": inv.customer_id,
            "invoice": {
                "id": inv.id,
                "number": inv.number,
                "status": inv.status,
                "amountDue": inv.subtotal,
                "amountPaid": inv.subtotal if inv.paid else 0,
                "currency": CURRENCY,
                "hostedInvoiceUrl": inv.hosted_url,
                "invoicePdf": f"{PDF_URL_BASE}/{inv.id}.pdf",
            },
        }
        if seats is not None:
            data["seats"] = seats
        self.emit(t, "payment.succeeded" if inv.paid else "payment.failed", data)

    # -- billing ------------------------------------------------------------------------------
    def add_payment_method(
        self,
        account_id: str,
        *,
        tenant_id: str = DEFAULT_TENANT,
        brand: str = "visa",
        last4: str = "4242",
        exp_month: int = 12,
        exp_year: int = 2034,
        name: str | None = None,
        make_default: bool | None = None,
    ) -> PaymentMethod:
        """Save a card on an account (what a completed setup checkout does)."""
        t = self.tenant(tenant_id)
        acct = t.accounts.get(account_id)
        if acct is None:
            raise KeyError(f"unknown account {account_id!r}")
        pm = PaymentMethod(
            _token("pm", 12), _token("pmr", 16), account_id, brand, last4, exp_month, exp_year, name
        )
        t.payment_methods[pm.id] = pm
        if make_default or (make_default is None and acct.default_pm is None):
            acct.default_pm = pm.id
        return pm

    def _new_invoice(self, t: Tenant, sub: Subscription, lines: list[tuple[str, int]]) -> Invoice:
        t.invoice_seq += 1
        subtotal = sum(amount for _, amount in lines)
        has_card = t.accounts[sub.account_id].default_pm is not None or sub.default_pm is not None
        inv = Invoice(
            id=_token("in", 12),
            ref=_token("inr", 16),
            account_id=sub.account_id,
            customer_id=sub.customer_id,
            subscription_id=sub.id,
            number=f"VLM-{t.tenant_id.upper()}-{t.invoice_seq:04d}",
            status="paid" if subtotal <= 0 or has_card else "open",
            subtotal=max(subtotal, 0),
            created=self.clock.now(),
            lines=lines,
        )
        t.invoices[inv.id] = inv
        self.emit_payment(t, inv, sub.seats)
        return inv

    def _period_lines(self, sub: Subscription) -> list[tuple[str, int]]:
        lines = [(f"{sub.seats} x {sub.plan.plan_id} v{sub.plan.version}", sub.plan.amount * sub.seats)]
        lines += [(f"add-on {m}", ADD_ONS[m]) for m in sub.add_ons]
        return lines

    # -- subscriptions --------------------------------------------------------------------------
    def create_subscription(
        self,
        t: Tenant,
        cust: Customer,
        plan: Plan,
        seats: int,
        add_ons: list[str],
        version: str,
    ) -> Subscription:
        current = self.current_subscription(t, cust.customer_id)
        if current is not None and current.live:
            if version == "v2":
                raise ApiError(
                    409, "SUBSCRIPTION_EXISTS", "customer already has a subscription that has not ended"
                )
            self._end(t, current, version)  # v1 era: the new subscription replaces the old one
        now = self.clock.now()
        acct = t.accounts[cust.account_id]
        trial = plan.trial_days > 0
        end = now + plan.trial_days * DAY if trial else now + PERIOD_SECONDS[plan.interval]
        sub = Subscription(
            id=_token("sub", 12),
            account_id=cust.account_id,
            customer_id=cust.customer_id,
            plan=plan,
            seats=seats,
            status="trialing" if trial else ("active" if acct.default_pm else "incomplete"),
            created=now,
            period_start=now,
            period_end=end,
            trial_end=end if trial else None,
            default_pm=acct.default_pm,
            add_ons=add_ons,
        )
        t.subscriptions.append(sub)
        if trial:
            self._new_invoice(t, sub, [(f"trial of {plan.plan_id} v{plan.version}", 0)])
        else:
            self._new_invoice(t, sub, self._period_lines(sub))
        self.emit_subscription(t, "subscription.created", sub, version)
        return sub

    def _end(self, t: Tenant, sub: Subscription, version: str, at: float | None = None) -> None:
        sub.status = "canceled"
        sub.cancel_at_period_end = False
        sub.canceled_at = self.clock.now() if at is None else at
        self.emit_subscription(t, "subscription.canceled", sub, version)

    def cancel(self, t: Tenant, sub: Subscription, at_period_end: bool, version: str) -> None:
        if not sub.live:
            return
        if at_period_end:
            if not sub.cancel_at_period_end:
                sub.cancel_at_period_end = True
                self.emit_subscription(t, "subscription.updated", sub, version)
        else:
            self._end(t, sub, version)

    def proration(self, sub: Subscription, new_total: int) -> tuple[int, list[tuple[str, int]]]:
        """(amount due now, lines) for moving ``sub`` to ``new_total`` per period, right now."""
        if sub.status == "trialing":
            return 0, []
        span = max(sub.period_end - sub.period_start, 1.0)
        left = min(max((sub.period_end - self.clock.now()) / span, 0.0), 1.0)
        unused = -round(sub.recurring_total() * left)
        remaining = round(new_total * left)
        return unused + remaining, [
            ("Unused time on current plan", unused),
            ("Remaining time on new plan", remaining),
        ]

    def change(
        self,
        t: Tenant,
        sub: Subscription,
        version: str,
        *,
        plan: Plan | None = None,
        seats: int | None = None,
        add_ons: list[str] | None = None,
    ) -> None:
        self.live_subscription(sub)
        new_plan = plan or sub.plan
        new_seats = seats if seats is not None else sub.seats
        new_add_ons = add_ons if add_ons is not None else sub.add_ons
        new_total = new_plan.amount * new_seats + sum(ADD_ONS[m] for m in new_add_ons)
        due, lines = self.proration(sub, new_total)
        sub.plan, sub.seats, sub.add_ons = new_plan, new_seats, list(new_add_ons)
        if due > 0:
            self._new_invoice(t, sub, lines)
        self.emit_subscription(t, "subscription.updated", sub, version)

    def settle(self, version: str = "v2") -> None:
        """Apply everything the sandbox clock has made due (period ends, trials, renewals)."""
        now = self.clock.now()
        for t in self.tenants.values():
            for sub in t.subscriptions:
                if sub.status == "incomplete":
                    if now >= sub.created + INCOMPLETE_EXPIRY_SECONDS:  # never paid: expires like Stripe's
                        sub.status = "incomplete_expired"
                        self.emit_subscription(t, "subscription.canceled", sub, version)
                    continue
                for _ in range(1000):  # bounded: a huge clock jump rolls at most 1000 periods
                    if not sub.live or now < sub.period_end:
                        break
                    if sub.cancel_at_period_end:
                        self._end(t, sub, version, at=sub.period_end)
                        break
                    start = sub.period_end
                    sub.period_start, sub.period_end = start, start + PERIOD_SECONDS[sub.plan.interval]
                    inv = self._new_invoice(t, sub, self._period_lines(sub))
                    inv.created = start
                    sub.status = "active" if inv.paid else "past_due"
                    self.emit_subscription(t, "subscription.updated", sub, version)

    # -- checkout -----------------------------------------------------------------------------
    def new_session(self, t: Tenant, session: CheckoutSession) -> dict[str, Any]:
        t.sessions[session.id] = session
        return {"url": f"{CHECKOUT_URL_BASE}/{session.id}", "sessionId": session.id}

    def complete_checkout(self, session_id: str, *, tenant_id: str = DEFAULT_TENANT) -> dict[str, Any]:
        """Play the customer finishing a hosted checkout page."""
        t = self.tenant(tenant_id)
        session = t.sessions.get(session_id)
        if session is None:
            raise KeyError(f"unknown checkout session {session_id!r}")
        if session.completed:
            raise ValueError("checkout session already completed")
        acct = t.accounts[session.account_id]
        result: dict[str, Any] = {"sessionId": session.id, "kind": session.kind}
        if session.kind in ("setup", "subscription") and (session.kind == "setup" or acct.default_pm is None):
            pm = self.add_payment_method(acct.account_id, tenant_id=tenant_id)
            result["paymentMethod"] = {"id": pm.id, "ref": pm.ref}
        if session.kind == "subscription":
            assert session.plan is not None and session.customer_id is not None
            try:
                sub = self.create_subscription(
                    t,
                    t.customers[session.customer_id],
                    session.plan,
                    session.seats,
                    session.add_ons,
                    session.version,
                )
            except ApiError as exc:
                raise ValueError(exc.message) from None
            result["subscription"] = self.subscription_view(t, sub, session.version)
        if session.kind == "credits":
            assert session.customer_id is not None
            for pack_id, quantity in session.items:
                type_id, _, per_pack, _ = CREDIT_PACKS[pack_id]
                self.grant_credits(session.customer_id, type_id, per_pack * quantity, tenant_id=tenant_id)
            result["credits"] = self.balances(t, session.customer_id)
        session.completed = True
        return result

    # -- credits ------------------------------------------------------------------------------
    def grant_credits(
        self, customer_id: str, credit_type_id: str, amount: int, *, tenant_id: str = DEFAULT_TENANT
    ) -> int:
        t = self.tenant(tenant_id)
        if customer_id not in t.customers:
            raise KeyError(f"unknown customer {customer_id!r}")
        if credit_type_id not in CREDIT_TYPES:
            raise KeyError(f"unknown credit type {credit_type_id!r}")
        if amount < 0:
            raise ValueError("amount must be >= 0")
        key = (customer_id, credit_type_id)
        t.credits[key] = t.credits.get(key, 0) + amount
        return t.credits[key]

    @staticmethod
    def balances(t: Tenant, customer_id: str) -> list[dict[str, Any]]:
        return [
            {"creditTypeId": type_id, "balance": balance}
            for (cust, type_id), balance in sorted(t.credits.items())
            if cust == customer_id
        ]

    def consume(
        self, t: Tenant, customer_id: str, credit_type_id: str, amount: int, key: str
    ) -> dict[str, Any]:
        ledger_key = (customer_id, credit_type_id, key)
        previous = t.consumptions.get(ledger_key)
        if previous is not None:
            if previous[0] != amount:
                raise ApiError(
                    409, "IDEMPOTENCY_KEY_REUSED", "idempotencyKey was used with a different amount"
                )
            return dict(previous[1])
        balance = t.credits.get((customer_id, credit_type_id), 0)
        if balance < amount:
            raise ApiError(409, "INSUFFICIENT_CREDITS", "insufficient credit balance; nothing was deducted")
        t.credits[(customer_id, credit_type_id)] = balance - amount
        result = {
            "creditTypeId": credit_type_id,
            "consumed": amount,
            "balance": balance - amount,
            "idempotencyKey": key,
        }
        t.consumptions[ledger_key] = (amount, result)
        return dict(result)

    # -- flags --------------------------------------------------------------------------------
    def set_flag(
        self, flag_id: str, value: bool, *, customer_id: str | None = None, tenant_id: str = DEFAULT_TENANT
    ) -> None:
        t = self.tenant(tenant_id)
        if customer_id is None:
            t.flags[flag_id] = bool(value)
        else:
            t.flag_overrides.setdefault(customer_id, {})[flag_id] = bool(value)

    # -- push ---------------------------------------------------------------------------------
    def configure_push(self, url: str, secret: str, *, tenant_id: str = DEFAULT_TENANT) -> None:
        """Set where (loopback only) and with which secret a tenant's events are delivered."""
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or parsed.hostname not in LOOPBACK_HOSTS:
            raise ValueError("push URL must be http(s) on a loopback host")
        if not secret:
            raise ValueError("push secret must not be empty")
        self.tenant(tenant_id).push = PushConfig(url, secret)

    def events(self, *, tenant_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
        """The outbox (oldest first), without secrets or signatures."""
        with self._lock:
            return [
                e.as_dict()
                for e in self.outbox
                if (tenant_id is None or e.tenant_id == tenant_id) and (status is None or e.status == status)
            ]

    def deliver_pushes(self) -> dict[str, int]:
        """POST every pending event to its tenant's push URL, up to PUSH_ATTEMPTS tries each.

        Each event becomes one entry of :attr:`webhook_log` (target, bytes, signature, attempts).
        """
        import httpx

        self.settle()
        with self._lock:
            pending = [e for e in self.outbox if e.status == "pending" and self.tenants[e.tenant_id].push]
        summary = {"delivered": 0, "failed": 0, "attempts": 0}
        with httpx.Client(timeout=PUSH_TIMEOUT_SECONDS, follow_redirects=False, trust_env=False) as client:
            for event in pending:
                config = self.tenants[event.tenant_id].push
                assert config is not None
                delivery = self.webhook_log.record(
                    event_id=event.event_id, event_type=event.type, target=config.url, payload=event.body)
                event.delivery_id = delivery.id
                summary["attempts"] += self._attempts(client, event, config.secret, replay=False)
                if event.status == "delivered":
                    summary["delivered"] += 1
                else:
                    event.status = "failed"  # dropped after the last attempt, like upstream
                    summary["failed"] += 1
        return summary

    def replay_webhook(self, delivery_id: str) -> dict[str, Any]:
        """Re-send a recorded delivery (same bytes, same eventId) with a fresh signature from the
        tenant's current secret, up to PUSH_ATTEMPTS tries; a success marks its event delivered."""
        import httpx

        delivery = self.webhook_log.get(delivery_id)
        event = next(e for e in self.outbox if e.delivery_id == delivery_id)
        config = self.tenants[event.tenant_id].push
        if config is None:  # the tenant's push was never configured in this state
            raise ValueError(f"tenant {event.tenant_id} has no push endpoint configured")
        with httpx.Client(timeout=PUSH_TIMEOUT_SECONDS, follow_redirects=False, trust_env=False) as client:
            self._attempts(client, event, config.secret, replay=True)
        return delivery.as_dict()

    def _attempts(self, client: Any, event: OutboxEvent, secret: str, *, replay: bool) -> int:
        """Up to PUSH_ATTEMPTS tries without delay; mirrors the outcome onto the outbox event."""
        assert event.delivery_id is not None
        delivery = self.webhook_log.get(event.delivery_id)

        def sign(body: bytes, timestamp: int) -> tuple[str, str]:
            return SIGNATURE_HEADER, sign_push(secret, body, timestamp)

        for tries in range(1, PUSH_ATTEMPTS + 1):
            event.attempts += 1
            delivered = self.webhook_log.attempt(client, delivery, sign, at=self.clock.now(), replay=replay)
            last = delivery.attempts[-1]
            event.last_status, event.last_error = last.status, last.error
            if delivered:
                event.status = "delivered"
                return tries
        return PUSH_ATTEMPTS


# --- the two services ----------------------------------------------------------------------------------


def _error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": message, "code": code}


vellum_v1 = ServiceApp(
    name="vellum-v1",
    prefix="/vellum",
    spec="vellum/v1.yaml",
    state_key="vellum",
    state_factory=VellumState,
    error_body=_error_body,
    validation_status=400,
    validation_code="BAD_REQUEST",
)
vellum_v2 = ServiceApp(
    name="vellum-v2",
    prefix="/vellum-v2",
    spec="vellum/v2.yaml",
    state_key="vellum",
    state_factory=VellumState,
    error_body=_error_body,
    validation_status=400,
    validation_code="BAD_REQUEST",
)


def _version(ctx: Ctx) -> str:
    return "v1" if ctx.service is vellum_v1 else "v2"


def _begin(ctx: Ctx) -> tuple[VellumState, Tenant, str]:
    st: VellumState = ctx.state
    version = _version(ctx)
    tenant = st.authenticate(ctx.header("x-api-key"), ctx.path["tenantId"])
    st.settle(version)
    return st, tenant, version


def _body(ctx: Ctx) -> dict[str, Any]:
    return ctx.json if isinstance(ctx.json, dict) else {}


def _opt_str(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    return value if isinstance(value, str) else None


def both(op_id: str) -> Callable[[Handler], Handler]:
    """Register one handler on both versions (same operationId, same behaviour modulo shape)."""

    def register(fn: Handler) -> Handler:
        vellum_v1.op(op_id)(fn)
        vellum_v2.op(op_id)(fn)
        return fn

    return register


def _plan_from(body: dict[str, Any], version: str, *, version_required: bool = False) -> Plan:
    plan_version = body.get("planVersion")
    if version_required and plan_version is None:
        raise ApiError(400, "BAD_REQUEST", "planVersion is required")
    return VellumState.resolve_plan(
        str(body["planId"]),
        plan_version,
        _opt_str(body, "productId") if version == "v2" else None,
        strict_product=version == "v2",
    )


# -- entitlements ----------------------------------------------------------------------------------


@both("get_entitlements")
def get_entitlements(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    return st.entitlements_view(t, ctx.path["customerId"], version)


# -- checkout --------------------------------------------------------------------------------------


@both("create_checkout")
def create_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], str(body["customerId"]))
    plan = _plan_from(body, version)
    add_ons = st.check_add_ons(list(body.get("addOnModuleIds") or [])) if version == "v2" else []
    current = st.current_subscription(t, cust.customer_id)
    if version == "v2" and current is not None and current.live:
        raise ApiError(409, "SUBSCRIPTION_EXISTS", "customer already has a subscription that has not ended")
    seats = int(body.get("seats", 1))
    session = CheckoutSession(
        _token("cs", 12), "subscription", version, cust.account_id, cust.customer_id, plan, seats, add_ons
    )
    result = st.new_session(t, session)
    if version == "v2":
        result.update(
            {
                "planId": plan.plan_id,
                "planVersion": plan.version,
                "productId": plan.product_id,
                "seats": seats,
                "addOnModuleIds": add_ons,
            }
        )
    return result


@both("create_setup_checkout")
def create_setup_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    return st.new_session(t, CheckoutSession(_token("cs", 12), "setup", version, acct.account_id))


# -- subscriptions ---------------------------------------------------------------------------------


@both("create_subscription")
def create_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], ctx.path["customerId"])
    plan = _plan_from(body, version)
    add_ons = st.check_add_ons(list(body.get("addOnModuleIds") or [])) if version == "v2" else []
    if version == "v2":
        current = st.current_subscription(t, cust.customer_id)
        if current is not None and current.live:
            raise ApiError(
                409, "SUBSCRIPTION_EXISTS", "customer already has a subscription that has not ended"
            )
        if t.accounts[cust.account_id].default_pm is None:
            raise ApiError(400, "PAYMENT_METHOD_REQUIRED", "the account has no saved card")
    sub = st.create_subscription(t, cust, plan, int(body.get("seats", 1)), add_ons, version)
    if version == "v1":
        return {"subscriptionId": sub.id, "status": sub.status, "trialEnd": st.iso(sub.trial_end)}
    return st.subscription_view(t, sub, version)


@both("get_subscription")
def get_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    return st.subscription_view(t, sub, version)


@both("cancel_subscription")
def cancel_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    st.cancel(t, sub, ctx.query.get("atPeriodEnd", "").lower() == "true", version)
    return st.subscription_view(t, sub, version)


@vellum_v2.op("update_subscription")
def update_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    plan = _plan_from(body, version, version_required=True)
    add_ons = st.check_add_ons(list(body["addOnModuleIds"])) if "addOnModuleIds" in body else None
    seats = int(body["seats"]) if "seats" in body else None
    st.change(t, sub, version, plan=plan, seats=seats, add_ons=add_ons)
    return st.subscription_view(t, sub, version)


@vellum_v2.op("preview_change")
def preview_change(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    st.live_subscription(sub)
    if "planId" in body:
        plan = _plan_from(body, version)
    elif "planVersion" in body or "productId" in body:
        plan = st.resolve_plan(
            sub.plan.plan_id,
            body.get("planVersion", sub.plan.version),
            _opt_str(body, "productId") or sub.plan.product_id,
            strict_product=True,
        )
    else:
        plan = sub.plan
    seats = int(body.get("seats", sub.seats))
    add_ons = (
        st.check_add_ons(list(body["addOnModuleIds"])) if "addOnModuleIds" in body else list(sub.add_ons)
    )
    new_total = plan.amount * seats + sum(ADD_ONS[m] for m in add_ons)
    due, lines = st.proration(sub, new_total)
    return {
        "currency": CURRENCY,
        "amountDue": due,
        "subtotal": due,
        "total": new_total,
        "prorationDate": st.clock.iso(),
        "lines": [{"description": d, "amount": a} for d, a in lines],
        "planId": plan.plan_id,
        "planVersion": plan.version,
        "productId": plan.product_id,
        "seats": seats,
        "addOnModuleIds": add_ons,
    }


@vellum_v2.op("set_seats")
def set_seats(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    st.change(t, sub, version, seats=int(_body(ctx)["seats"]))
    return st.subscription_view(t, sub, version)


@vellum_v2.op("update_add_ons")
def update_add_ons(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    if ("add" in body) == ("remove" in body):
        raise ApiError(400, "BAD_REQUEST", "send exactly one of add / remove")
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    if "add" in body:
        add_ons = st.check_add_ons([*sub.add_ons, *body["add"]])
    else:
        removed = set(st.check_add_ons(list(body["remove"])))
        add_ons = [m for m in sub.add_ons if m not in removed]
    st.change(t, sub, version, add_ons=add_ons)
    return st.subscription_view(t, sub, version)


@vellum_v2.op("change_plan")
def change_plan(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    st.change(t, sub, version, plan=_plan_from(_body(ctx), version, version_required=True))
    return st.subscription_view(t, sub, version)


@vellum_v2.op("reactivate_subscription")
def reactivate_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.live_subscription(st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"]))
    if sub.cancel_at_period_end:
        sub.cancel_at_period_end = False
        st.emit_subscription(t, "subscription.updated", sub, version)
    return st.subscription_view(t, sub, version)


# -- provisioning ----------------------------------------------------------------------------------


@both("create_account")
def create_account(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    adopt_key, create_key = (
        ("stripeCustomerId", "createStripeCustomer")
        if version == "v1"
        else ("billingCustomerId", "createBillingCustomer")
    )
    adopt = _opt_str(body, adopt_key)
    account_id = str(body["accountId"])
    acct = t.accounts.get(account_id)
    if acct is None:
        acct = Account(account_id)
        t.accounts[account_id] = acct
    elif adopt is not None and acct.billing_customer_id not in (None, adopt) and version == "v2":
        raise ApiError(409, "BILLING_CUSTOMER_CONFLICT", "billingCustomerId conflicts with the stored one")
    if "name" in body:
        acct.name = _opt_str(body, "name")
    if "email" in body:
        acct.email = _opt_str(body, "email")
    if adopt is not None:
        acct.billing_customer_id = adopt  # v1 era: a different id silently replaces the stored one
    elif body.get(create_key) is True and acct.billing_customer_id is None:
        acct.billing_customer_id = _token("cus", 7)
    return st.account_view(acct, version)


@both("create_customer")
def create_customer(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    acct = st.account(t, ctx.path["accountId"])
    customer_id = str(body["customerId"])
    cust = t.customers.get(customer_id)
    if cust is None:
        cust = Customer(customer_id, acct.account_id)
        t.customers[customer_id] = cust
    elif cust.account_id != acct.account_id:
        raise ApiError(400, "CUSTOMER_ACCOUNT_MISMATCH", "customer belongs to another account")
    if "email" in body:
        cust.email = _opt_str(body, "email")
    if version == "v2" and "name" in body:
        cust.name = _opt_str(body, "name")
    return st.customer_view(cust, version)


@both("set_account_status")
def set_account_status(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    acct.status = str(_body(ctx)["status"])
    return st.account_view(acct, version)


@both("set_customer_status")
def set_customer_status(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], ctx.path["customerId"])
    cust.status = str(_body(ctx)["status"])
    return st.customer_view(cust, version)


# -- billing ---------------------------------------------------------------------------------------


@both("list_payment_methods")
def list_payment_methods(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    methods = [pm for pm in t.payment_methods.values() if pm.account_id == acct.account_id]
    return {"methods": [st.method_view(t, pm, version) for pm in methods]}


@both("set_default_payment_method")
def set_default_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    pm = st.method(t, acct.account_id, ctx.path["methodId"], version)
    acct.default_pm = pm.id
    return st.method_view(t, pm, version)


@both("remove_payment_method")
def remove_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    pm = st.method(t, acct.account_id, ctx.path["methodId"], version)
    del t.payment_methods[pm.id]
    if acct.default_pm == pm.id:
        acct.default_pm = None
    for sub in t.subscriptions:
        if sub.default_pm == pm.id:
            sub.default_pm = None
    return {"removed": True, "id": pm.id} if version == "v1" else {"removed": True, "ref": pm.ref}


@both("set_subscription_payment_method")
def set_subscription_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    pm = st.method(t, sub.account_id, str(_body(ctx)["methodId"]), version)
    sub.default_pm = pm.id
    st.emit_subscription(t, "subscription.updated", sub, version)
    view = st.subscription_view(t, sub, version)
    if version == "v1":
        return {"subscription": view, "default": t.accounts[sub.account_id].default_pm}
    return view


@both("list_invoices")
def list_invoices(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    customer_id = ctx.query.get("customerId")
    invoices = [
        inv
        for inv in t.invoices.values()
        if inv.account_id == acct.account_id and (customer_id is None or inv.customer_id == customer_id)
    ]
    invoices.sort(key=lambda inv: inv.created, reverse=True)
    return {"invoices": [st.invoice_view(inv, version) for inv in invoices]}


@both("get_invoice_pdf")
def get_invoice_pdf(ctx: Ctx) -> Reply:
    st, t, version = _begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    inv = st.invoice(t, acct.account_id, ctx.path["invoiceId"], version)
    if version == "v1":
        return Reply(302, headers={"Location": f"{PDF_URL_BASE}/{inv.id}.pdf"})
    return Reply(200, invoice_pdf(inv), media_type="application/pdf")


def invoice_pdf(inv: Invoice) -> bytes:
    """A small, valid one-page PDF naming the invoice and its lines."""
    text = [f"Invoice {inv.number}", f"Status: {inv.status}"]
    text += [f"{desc}: {amount / 100:.2f} {CURRENCY.upper()}" for desc, amount in inv.lines]
    text.append(f"Total: {inv.subtotal / 100:.2f} {CURRENCY.upper()}")

    def esc(s: str) -> str:
        return (
            s.encode("ascii", "replace")
            .decode()
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    stream = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({esc(line)}) Tj T*" for line in text) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# -- credits (v2) ------------------------------------------------------------------------------------


def _credit_type(type_id: str) -> str:
    if type_id not in CREDIT_TYPES:
        raise ApiError(404, "NOT_FOUND", "credit type not found")
    return type_id


def _known_customer(t: Tenant, customer_id: str) -> str:
    if customer_id not in t.customers:
        raise ApiError(404, "NOT_FOUND", "customer has no record")
    return customer_id


@vellum_v2.op("create_credit_checkout")
def create_credit_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, version = _begin(ctx)
    body = _body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], str(body["customerId"]))
    raw_items: list[dict[str, Any]] = list(body.get("items") or [])
    if not raw_items and (body.get("creditTypeId") is not None or body.get("packId") is not None):
        raw_items = [
            {
                "creditTypeId": body.get("creditTypeId"),
                "packId": body.get("packId"),
                "quantity": body.get("quantity", 1),
            }
        ]
    if not raw_items:
        raise ApiError(400, "BAD_REQUEST", "name at least one credit pack (items, or creditTypeId + packId)")
    items: list[tuple[str, int]] = []
    for item in raw_items:
        pack = CREDIT_PACKS.get(str(item.get("packId")))
        if pack is None or pack[0] != item.get("creditTypeId"):
            raise ApiError(400, "UNKNOWN_PACK", "unknown credit pack for this credit type")
        items.append((str(item["packId"]), int(item.get("quantity", 1))))
    session = CheckoutSession(
        _token("cs", 12), "credits", version, cust.account_id, cust.customer_id, items=items
    )
    return st.new_session(t, session)


@vellum_v2.op("list_credit_types")
def list_credit_types(ctx: Ctx) -> dict[str, Any]:
    _begin(ctx)
    return {
        "creditTypes": [{"id": k, "name": name, "unit": unit} for k, (name, unit) in CREDIT_TYPES.items()]
    }


@vellum_v2.op("list_credit_packs")
def list_credit_packs(ctx: Ctx) -> dict[str, Any]:
    _begin(ctx)
    type_id = _credit_type(ctx.path["creditTypeId"])
    return {
        "packs": [
            {
                "id": pack_id,
                "creditTypeId": tid,
                "name": name,
                "credits": credits,
                "price": price,
                "currency": CURRENCY,
            }
            for pack_id, (tid, name, credits, price) in CREDIT_PACKS.items()
            if tid == type_id
        ]
    }


@vellum_v2.op("list_credits")
def list_credits(ctx: Ctx) -> dict[str, Any]:
    st, t, _ = _begin(ctx)
    return {"credits": st.balances(t, _known_customer(t, ctx.path["customerId"]))}


@vellum_v2.op("get_credit_balance")
def get_credit_balance(ctx: Ctx) -> dict[str, Any]:
    _, t, _ = _begin(ctx)
    customer_id = _known_customer(t, ctx.path["customerId"])
    type_id = _credit_type(ctx.path["creditTypeId"])
    return {"creditTypeId": type_id, "balance": t.credits.get((customer_id, type_id), 0)}


@vellum_v2.op("consume_credits")
def consume_credits(ctx: Ctx) -> dict[str, Any]:
    st, t, _ = _begin(ctx)
    body = _body(ctx)
    customer_id = _known_customer(t, ctx.path["customerId"])
    type_id = _credit_type(ctx.path["creditTypeId"])
    return st.consume(t, customer_id, type_id, int(body["amount"]), str(body["idempotencyKey"]))


# -- flags (v2) --------------------------------------------------------------------------------------


@vellum_v2.op("get_customer_flags")
def get_customer_flags(ctx: Ctx) -> dict[str, Any]:
    _, t, _ = _begin(ctx)
    return {"flags": {**t.flags, **t.flag_overrides.get(ctx.path["customerId"], {})}}


@vellum_v2.op("get_global_flags")
def get_global_flags(ctx: Ctx) -> dict[str, Any]:
    _, t, _ = _begin(ctx)
    return {"flags": dict(t.flags)}


# -- control plane (registered on both services; they share the state) -------------------------------


def _controls(app: ServiceApp) -> None:
    def tenant_of(body: Any) -> str:
        return str(body.get("tenantId", DEFAULT_TENANT)) if isinstance(body, dict) else DEFAULT_TENANT

    @app.control("configure-push")
    def configure_push(st: VellumState, body: Any) -> dict[str, Any]:
        st.configure_push(str(body["url"]), str(body["secret"]), tenant_id=tenant_of(body))
        return {"ok": True, "url": str(body["url"])}

    @app.control("outbox", method="GET")
    def outbox(st: VellumState, body: Any) -> dict[str, Any]:
        return {"events": st.events()}

    @app.control("deliver-pushes")
    def deliver(st: VellumState, body: Any) -> dict[str, Any]:
        return dict(st.deliver_pushes())

    @app.control("add-payment-method")
    def add_pm(st: VellumState, body: Any) -> dict[str, Any]:
        pm = st.add_payment_method(
            str(body["accountId"]),
            tenant_id=tenant_of(body),
            brand=str(body.get("brand", "visa")),
            last4=str(body.get("last4", "4242")),
            name=body.get("name"),
        )
        return {"id": pm.id, "ref": pm.ref}

    @app.control("complete-checkout")
    def complete(st: VellumState, body: Any) -> dict[str, Any]:
        return st.complete_checkout(str(body["sessionId"]), tenant_id=tenant_of(body))

    @app.control("grant-credits")
    def grant(st: VellumState, body: Any) -> dict[str, Any]:
        balance = st.grant_credits(
            str(body["customerId"]), str(body["creditTypeId"]), int(body["amount"]), tenant_id=tenant_of(body)
        )
        return {"balance": balance}

    @app.control("set-flag")
    def set_flag(st: VellumState, body: Any) -> dict[str, Any]:
        st.set_flag(
            str(body["flagId"]),
            bool(body["value"]),
            customer_id=body.get("customerId"),
            tenant_id=tenant_of(body),
        )
        return {"ok": True}

    @app.control("settle")
    def settle(st: VellumState, body: Any) -> dict[str, Any]:
        st.settle()
        return {"ok": True}


_controls(vellum_v1)
_controls(vellum_v2)

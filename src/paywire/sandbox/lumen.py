"""Sandbox emulator of the Lumen ``/v1`` server API (spec ``openapi/lumen/v1.yaml``).

Served under ``/lumen`` (service name ``lumen``, state key ``lumen``), so a client's base URL
is ``<sandbox>/lumen`` and it calls ``<sandbox>/lumen/v1/...`` exactly as the Lumen SDK does.

What is emulated, all in memory:

- secret API keys (``Authorization: Bearer <key>``; :data:`DEFAULT_API_KEY` is seeded);
- customers: internal ids ``cus_`` + 22 characters, mapped to your external user ids;
- plans: a seeded free plan (:data:`FREE_PLAN_ID`) and a paid plan (:data:`PRO_PLAN_ID`), each
  with boolean features and numeric limits, and a per-seat price component;
- subscriptions (enrollment / free subscription / :meth:`LumenState.subscribe`), with 30-day
  billing periods;
- entitlements computed from plan features, per-customer overrides, credit grants and usage
  (priority credits > override > plan > default). Usage of a numeric feature is the sum of
  ``eventValue`` of its metric's events in the current period (string events count distinct
  strings); the metric :data:`SEATS_METRIC` counts active seats;
- usage events, de-duplicated per customer by ``idempotencyKey`` for 24 hours (a duplicate is
  202 ``deduplicated: true`` with the original event and is counted once);
- seats (add / remove, idempotent by ``idempotency_key``) and seat usage per customer;
- portal payment methods (setup intents completed through :meth:`LumenState.complete_setup_intent`
  or ``POST /_sandbox/lumen/complete-setup-intent``), invoices, payments and invoice PDF links.

Error bodies are ``{"error": "..."}`` (plus ``details`` for validation failures).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox._framework import ApiError, Clock, Ctx, Reply, ServiceApp

#: Seeded secret key accepted by a fresh sandbox.
DEFAULT_API_KEY = "lumen_sk_test_sandbox"
#: Seeded publishable key returned in Stripe setup intents.
PUBLISHABLE_KEY = "pk_test_lumen_sandbox"
#: Seeded free plan (auto-enrollment target).
FREE_PLAN_ID = "plan_int_SandboxFreePlan0000001"
#: Seeded paid plan (not eligible for auto-enrollment; use ``LumenState.subscribe``).
PRO_PLAN_ID = "plan_int_SandboxProPlan00000002"
#: Event name counted by the seeded ``api-calls`` limit.
API_CALL_EVENT = "api_call"
#: Pseudo-metric: a numeric feature bound to it counts the customer's active seats.
SEATS_METRIC = "seats"
#: Idempotency window of ``POST /v1/events``.
EVENT_DEDUP_SECONDS = 24 * 3600
#: Billing period length.
PERIOD_SECONDS = 30 * 24 * 3600
#: Lifetime of an invoice PDF link.
PDF_URL_TTL = 900

_ALNUM = string.ascii_letters + string.digits
INVALID_EVENT_DETAILS = "Provide customerId or extCustomerId and exactly one of eventValue or eventString."


# --- model ----------------------------------------------------------------------------------
@dataclass
class PlanFeature:
    slug: str
    name: str
    value: bool | int  # bool: on/off feature; int: numeric limit
    metric: str | None = None  # event name counted against a numeric limit (or SEATS_METRIC)

    @property
    def numeric(self) -> bool:
        return not isinstance(self.value, bool)


@dataclass
class SeatComponent:
    id: str
    name: str
    unit_label: str
    amount_cents: int
    metric_id: str = SEATS_METRIC


@dataclass
class Plan:
    id: str
    name: str
    description: str | None
    price_cents: int
    currency: str
    features: list[PlanFeature]
    seat_component: SeatComponent | None
    flat_component_id: str

    @property
    def free(self) -> bool:
        return self.price_cents == 0 and (
            self.seat_component is None or self.seat_component.amount_cents == 0
        )

    def feature(self, slug: str) -> PlanFeature | None:
        return next((f for f in self.features if f.slug == slug), None)


@dataclass
class Customer:
    id: str
    external_id: str
    name: str | None
    email: str | None
    created_at: float
    billing: dict[str, Any] = field(default_factory=dict)


@dataclass
class Subscription:
    id: str
    stable_id: str
    customer_id: str
    plan_id: str
    status: str
    start: float
    currency: str
    created_at: float
    updated_at: float
    payment_method_id: str | None = None

    @property
    def active(self) -> bool:
        return self.status in ("active", "trialing")


@dataclass
class UsageEvent:
    id: str
    name: str
    customer_id: str
    value: float | None
    text: str | None
    timestamp: float
    properties: dict[str, Any] | None
    idempotency_key: str | None
    created_at: float


@dataclass
class Seat:
    org_customer_id: str
    user_id: str
    subscription_id: str
    added_at: float
    metadata: dict[str, Any] | None = None
    user_info: dict[str, Any] | None = None
    removed_at: float | None = None


@dataclass
class PaymentMethod:
    id: str
    customer_id: str
    provider: str
    card_brand: str | None
    card_last_four: str | None
    exp_month: int | None
    exp_year: int | None
    payment_type: str = "card"
    status: str = "active"


@dataclass
class SetupIntent:
    id: str
    customer_id: str
    provider: str
    completed: bool = False


@dataclass
class Invoice:
    id: str
    customer_id: str
    number: str
    status: str
    total_cents: int
    currency: str
    issue_date: float
    paid_date: float | None
    has_pdf: bool = True
    document_type: str = "standard"


@dataclass
class Payment:
    id: str
    customer_id: str
    amount_cents: int
    currency: str
    status: str
    created_at: float
    invoice_id: str | None
    error_message: str | None = None


@dataclass
class Override:
    value: bool | int


@dataclass
class CreditGrant:
    allowance: float
    granted_at: float
    expires_at: float | None


def _num(value: float | int) -> float | int:
    return int(value) if float(value).is_integer() else value


# --- state ----------------------------------------------------------------------------------
class LumenState:
    """All Lumen sandbox state. Plain Python methods are for tests and the demo."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._rng = random.Random()
        self.api_keys: set[str] = {DEFAULT_API_KEY}
        self.plans: dict[str, Plan] = {}
        self.customers: dict[str, Customer] = {}
        self.by_external: dict[str, str] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.events: list[UsageEvent] = []
        self.event_keys: dict[tuple[str, str], UsageEvent] = {}
        self.seats: list[Seat] = []
        self.seat_replies: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.payment_methods: dict[str, PaymentMethod] = {}
        self.setup_intents: dict[str, SetupIntent] = {}
        self.invoices: dict[str, Invoice] = {}
        self.payments: dict[str, Payment] = {}
        self.overrides: dict[tuple[str, str], Override] = {}
        self.credits: dict[tuple[str, str], CreditGrant] = {}
        self.enrollment_rules: list[tuple[str, str]] = []  # (email or @domain, plan id)
        self.payment_provider = "stripe"
        self._invoice_seq = 0
        self.seed_plan(
            "Free",
            {"api-calls": 100, "premium-feature": False, "team-seats": 3},
            metrics={"api-calls": API_CALL_EVENT, "team-seats": SEATS_METRIC},
            plan_id=FREE_PLAN_ID,
            description="Free tier",
            seat_amount_cents=0,
        )
        self.seed_plan(
            "Pro",
            {"api-calls": 10_000, "premium-feature": True, "team-seats": 50},
            metrics={"api-calls": API_CALL_EVENT, "team-seats": SEATS_METRIC},
            plan_id=PRO_PLAN_ID,
            description="Pro monthly",
            price_cents=2900,
            seat_amount_cents=1000,
        )

    # -- ids ---------------------------------------------------------------------------
    def new_id(self, prefix: str, length: int = 22) -> str:
        return prefix + "".join(self._rng.choice(_ALNUM) for _ in range(length))

    # -- plans -------------------------------------------------------------------------
    def seed_plan(
        self,
        name: str,
        features: Mapping[str, bool | int],
        *,
        metrics: Mapping[str, str] | None = None,
        plan_id: str | None = None,
        description: str | None = None,
        price_cents: int = 0,
        currency: str = "usd",
        seat_amount_cents: int | None = None,
    ) -> Plan:
        """Add a plan. ``features`` maps slug to ``True``/``False`` or a numeric limit;
        ``metrics`` binds a numeric feature to an event name (or :data:`SEATS_METRIC`)."""
        pid = plan_id or self.new_id("plan_int_")
        seat = None
        if seat_amount_cents is not None:
            seat = SeatComponent(self.new_id("pc_"), "Seats", "seat", seat_amount_cents)
        plan = Plan(
            id=pid,
            name=name,
            description=description,
            price_cents=price_cents,
            currency=currency,
            features=[
                PlanFeature(slug, slug.replace("-", " ").capitalize(), value, (metrics or {}).get(slug))
                for slug, value in features.items()
            ],
            seat_component=seat,
            flat_component_id=self.new_id("pc_"),
        )
        self.plans[pid] = plan
        return plan

    def add_enrollment_rule(self, match: str, plan_id: str) -> None:
        """Route enrollments whose email equals ``match`` (or ends with ``@domain``) to a plan."""
        if plan_id not in self.plans:
            raise KeyError(plan_id)
        self.enrollment_rules.append((match.lower(), plan_id))

    # -- customers ---------------------------------------------------------------------
    def customer_by_external(self, external_id: str) -> Customer | None:
        cid = self.by_external.get(external_id)
        return self.customers.get(cid) if cid else None

    def customer(self, ref: str) -> Customer | None:
        """A customer by internal id (``cus_...``) or external id."""
        return self.customers.get(ref) or self.customer_by_external(ref)

    def ensure_customer(
        self, external_id: str, name: str | None = None, email: str | None = None
    ) -> Customer:
        existing = self.customer_by_external(external_id)
        if existing is not None:
            existing.name = name if name is not None else existing.name
            existing.email = email if email is not None else existing.email
            return existing
        cust = Customer(self.new_id("cus_"), external_id, name, email, self.clock.now())
        self.customers[cust.id] = cust
        self.by_external[external_id] = cust.id
        return cust

    def active_subscription(self, customer_id: str) -> Subscription | None:
        subs = [s for s in self.subscriptions.values() if s.customer_id == customer_id and s.active]
        return max(subs, key=lambda s: s.created_at) if subs else None

    def latest_subscription(self, customer_id: str) -> Subscription | None:
        subs = [s for s in self.subscriptions.values() if s.customer_id == customer_id]
        return max(subs, key=lambda s: s.created_at) if subs else None

    # -- subscriptions -----------------------------------------------------------------
    def subscribe(
        self,
        external_id: str,
        plan_id: str = PRO_PLAN_ID,
        *,
        name: str | None = None,
        email: str | None = None,
    ) -> Subscription:
        """Give a customer (created if needed) an active subscription to any plan. A paid plan
        also gets a card, a paid invoice (with PDF) and a payment."""
        plan = self.plans[plan_id]
        cust = self.ensure_customer(external_id, name, email)
        current = self.active_subscription(cust.id)
        if current is not None:
            current.status = "canceled"
            current.updated_at = self.clock.now()
        sub = self._create_subscription(cust, plan)
        if not plan.free:
            pm = self.add_payment_method(cust.id)
            sub.payment_method_id = pm.id
            self.add_invoice(cust.id, plan.price_cents, currency=plan.currency, paid=True)
        return sub

    def _create_subscription(self, cust: Customer, plan: Plan) -> Subscription:
        now = self.clock.now()
        sub = Subscription(
            id=self.new_id("sub_"),
            stable_id=self.new_id("sub_stable_"),
            customer_id=cust.id,
            plan_id=plan.id,
            status="active",
            start=now,
            currency=plan.currency,
            created_at=now,
            updated_at=now,
        )
        self.subscriptions[sub.id] = sub
        return sub

    def period(self, sub: Subscription) -> tuple[float, float]:
        elapsed = max(0.0, self.clock.now() - sub.start)
        start = sub.start + (elapsed // PERIOD_SECONDS) * PERIOD_SECONDS
        return start, start + PERIOD_SECONDS

    # -- entitlements ------------------------------------------------------------------
    def set_override(self, customer_ref: str, slug: str, value: bool | int) -> None:
        """A per-customer override of one feature (beats the plan, loses to credits)."""
        cust = self._need(customer_ref)
        self.overrides[(cust.id, slug)] = Override(value)

    def grant_credits(
        self, customer_ref: str, slug: str, allowance: float, *, expires_at: float | None = None
    ) -> None:
        """A credit allowance for one feature; usage after the grant consumes it."""
        cust = self._need(customer_ref)
        self.credits[(cust.id, slug)] = CreditGrant(allowance, self.clock.now(), expires_at)

    def usage(self, customer_id: str, metric: str, since: float, until: float | None = None) -> float | int:
        """Usage of one metric since ``since`` (integral values come back as ``int``)."""
        if metric == SEATS_METRIC:
            return sum(1 for s in self.seats if s.org_customer_id == customer_id and s.removed_at is None)
        total = 0.0
        strings: set[str] = set()
        for ev in self.events:
            if ev.customer_id != customer_id or ev.name != metric or ev.timestamp < since:
                continue
            if until is not None and ev.timestamp >= until:
                continue
            if ev.value is not None:
                total += ev.value
            elif ev.text is not None:
                strings.add(ev.text)
        return _num(total + len(strings))

    def entitlements(self, customer_id: str) -> list[dict[str, Any]]:
        sub = self.active_subscription(customer_id)
        plan = self.plans.get(sub.plan_id) if sub else None
        slugs: list[str] = [f.slug for f in plan.features] if plan else []
        for cid, slug in [*self.overrides, *self.credits]:
            if cid == customer_id and slug not in slugs:
                slugs.append(slug)
        return [self.entitlement(customer_id, slug) for slug in slugs]

    def entitlement(self, customer_id: str, slug: str) -> dict[str, Any]:
        sub = self.active_subscription(customer_id)
        plan = self.plans.get(sub.plan_id) if sub else None
        plan_feature = plan.feature(slug) if plan else None
        since = self.period(sub)[0] if sub else 0.0
        metric = plan_feature.metric if plan_feature else None
        used = self.usage(customer_id, metric, since) if metric else None
        name = plan_feature.name if plan_feature else None
        usages = [{"metricId": metric, "usage": used}] if metric and used is not None else []

        grant = self.credits.get((customer_id, slug))
        if grant is not None and (grant.expires_at is None or grant.expires_at > self.clock.now()):
            consumed = self.usage(customer_id, metric, grant.granted_at) if metric else 0
            remaining = _num(max(0, grant.allowance - consumed))
            return {
                "entitled": remaining > 0,
                "feature": {"slug": slug, "value": grant.allowance, "name": name},
                "source": "credits",
                "usages": usages,
                "creditInfo": {
                    "creditAllowance": grant.allowance,
                    "creditsRemaining": remaining,
                    "nextExpiryDate": None if grant.expires_at is None else self.clock.iso(grant.expires_at),
                },
                "usage": consumed,
                "limit": grant.allowance,
            }
        override = self.overrides.get((customer_id, slug))
        if override is not None:
            value, source = override.value, "override"
        elif plan_feature is not None:
            value, source = plan_feature.value, "plan"
        else:
            return {"entitled": False, "feature": {"slug": slug, "value": False}, "source": "default"}
        if isinstance(value, bool):
            return {
                "entitled": value,
                "feature": {"slug": slug, "value": value, "name": name},
                "source": source,
            }
        current = used if used is not None else 0
        return {
            "entitled": current < value,
            "feature": {"slug": slug, "value": value, "name": name},
            "source": source,
            "usages": usages,
            "usage": current,
            "limit": value,
        }

    def is_entitled(self, customer_ref: str, slug: str) -> bool:
        return bool(self.entitlement(self._need(customer_ref).id, slug)["entitled"])

    # -- events ------------------------------------------------------------------------
    def record_event(
        self,
        customer_id: str,
        name: str,
        *,
        value: float | None = None,
        text: str | None = None,
        timestamp: float | None = None,
        properties: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[UsageEvent, bool]:
        """Store an event; returns ``(event, deduplicated)``."""
        now = self.clock.now()
        if idempotency_key:
            prior = self.event_keys.get((customer_id, idempotency_key))
            if prior is not None and now - prior.created_at < EVENT_DEDUP_SECONDS:
                return prior, True
        ev = UsageEvent(
            id=self.new_id("evt_"),
            name=name,
            customer_id=customer_id,
            value=value,
            text=text,
            timestamp=now if timestamp is None else timestamp,
            properties=properties,
            idempotency_key=idempotency_key,
            created_at=now,
        )
        self.events.append(ev)
        if idempotency_key:
            self.event_keys[(customer_id, idempotency_key)] = ev
        return ev, False

    def events_for(self, customer_ref: str, name: str | None = None) -> list[UsageEvent]:
        cust = self._need(customer_ref)
        return [e for e in self.events if e.customer_id == cust.id and (name is None or e.name == name)]

    # -- seats -------------------------------------------------------------------------
    def active_seats(self, customer_ref: str) -> list[Seat]:
        cust = self._need(customer_ref)
        return [s for s in self.seats if s.org_customer_id == cust.id and s.removed_at is None]

    # -- payment methods, invoices -----------------------------------------------------
    def add_payment_method(
        self, customer_id: str, *, brand: str = "visa", last4: str = "4242", provider: str = "stripe"
    ) -> PaymentMethod:
        year = dt.datetime.fromtimestamp(self.clock.now(), dt.UTC).year + 3
        pm = PaymentMethod(self.new_id("pm_"), customer_id, provider, brand, last4, 12, year)
        self.payment_methods[pm.id] = pm
        return pm

    def complete_setup_intent(
        self, intent_id: str, *, brand: str = "visa", last4: str = "4242"
    ) -> PaymentMethod:
        """What the provider's confirmation would do: attach a new payment method."""
        intent = self.setup_intents[intent_id]
        if intent.completed:
            raise ValueError(f"setup intent {intent_id} already completed")
        intent.completed = True
        return self.add_payment_method(intent.customer_id, brand=brand, last4=last4, provider=intent.provider)

    def add_invoice(
        self,
        customer_ref: str,
        total_cents: int,
        *,
        currency: str = "usd",
        paid: bool = True,
        has_pdf: bool = True,
    ) -> Invoice:
        cust = self._need(customer_ref)
        now = self.clock.now()
        self._invoice_seq += 1
        inv = Invoice(
            id=self.new_id("inv_"),
            customer_id=cust.id,
            number=f"INV-{self._invoice_seq:04d}",
            status="paid" if paid else "open",
            total_cents=total_cents,
            currency=currency,
            issue_date=now,
            paid_date=now if paid else None,
            has_pdf=has_pdf,
        )
        self.invoices[inv.id] = inv
        if paid:
            pay = Payment(self.new_id("pay_"), cust.id, total_cents, currency, "succeeded", now, inv.id)
            self.payments[pay.id] = pay
        return inv

    def pdf_url(self, invoice: Invoice) -> str:
        expires = int(self.clock.now()) + PDF_URL_TTL
        digest = hashlib.sha256(f"{invoice.id}:{expires}".encode()).hexdigest()[:32]
        return f"https://files.lumen-sandbox.invalid/invoices/{invoice.id}.pdf?expires={expires}&sig={digest}"

    # -- helpers -----------------------------------------------------------------------
    def _need(self, ref: str) -> Customer:
        cust = self.customer(ref)
        if cust is None:
            raise KeyError(f"unknown Lumen customer {ref!r}")
        return cust

    def subscription_json(self, sub: Subscription) -> dict[str, Any]:
        plan = self.plans[sub.plan_id]
        start, end = self.period(sub)
        details = []
        if plan.seat_component is not None:
            details.append(
                {
                    "componentId": plan.seat_component.id,
                    "previousBillingDate": self.clock.iso(start),
                    "nextBillingDate": self.clock.iso(end),
                }
            )
        return {
            "id": sub.id,
            "customerId": sub.customer_id,
            "planId": sub.plan_id,
            "status": sub.status,
            "subscriptionDetails": details,
            "subscriptionFeatures": [{"featureSlug": f.slug, "value": f.value} for f in plan.features],
        }


# --- the service ----------------------------------------------------------------------------
def _error_body(status: int, code: str, message: str) -> dict[str, Any]:
    if code == "VALIDATION_ERROR":
        return {"error": "Invalid request", "details": message}
    if code == "UNAUTHORIZED":
        return {"error": "Unauthorized", "details": message}
    return {"error": message}


lumen_v1 = ServiceApp(
    name="lumen",
    prefix="/lumen",
    spec="lumen/v1.yaml",
    state_key="lumen",
    state_factory=LumenState,
    error_body=_error_body,
    validation_status=400,
)


def _state(ctx: Ctx) -> LumenState:
    st: LumenState = ctx.state
    auth = ctx.header("authorization") or ""
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or token.strip() not in st.api_keys:
        raise ApiError(401, "UNAUTHORIZED", "Invalid API key")
    return st


def _not_found(message: str = "Customer not found") -> ApiError:
    return ApiError(404, "NOT_FOUND", message)


def _bad_request(error: str, details: str | None = None) -> ApiError:
    body: dict[str, Any] = {"error": error}
    if details is not None:
        body["details"] = details
    return ApiError(400, "BAD_REQUEST", error, body=body)


def _body(ctx: Ctx) -> dict[str, Any]:
    return ctx.json if isinstance(ctx.json, dict) else {}


def _parse_iso(value: str) -> float | None:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.timestamp()


def _customer_json(cust: Customer) -> dict[str, Any]:
    return {"id": cust.id, "name": cust.name, "email": cust.email}


def _entitlement_customer(ctx: Ctx, st: LumenState) -> Customer:
    ref = ctx.path["customerId"]
    is_ext = ctx.query.get("isExtCustId", "false") == "true"
    cust = st.customer_by_external(ref) if is_ext else st.customers.get(ref)
    if cust is None:
        raise _not_found()
    return cust


# -- customers ---------------------------------------------------------------------------------
@lumen_v1.op("get_subscription_status")
def get_subscription_status(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = st.customer_by_external(ctx.query["externalCustomerId"])
    if cust is None:
        return {"hasActiveSubscription": False, "customer": None, "subscription": None}
    sub = st.active_subscription(cust.id)
    sub_json = None
    if sub is not None:
        plan = st.plans[sub.plan_id]
        sub_json = {
            "id": sub.id,
            "planId": plan.id,
            "planName": plan.name,
            "planDescription": plan.description,
            "status": sub.status,
            "startTimestamp": st.clock.iso(sub.start),
            "currency": sub.currency,
        }
    return {
        "hasActiveSubscription": sub is not None,
        "customer": _customer_json(cust),
        "subscription": sub_json,
    }


@lumen_v1.op("get_customer_overview")
def get_customer_overview(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = st.customer_by_external(ctx.query["externalCustomerId"])
    if cust is None:
        raise _not_found()
    sub = st.latest_subscription(cust.id)
    active = st.active_subscription(cust.id)
    sub_json = None
    if sub is not None:
        sub_json = {
            "id": sub.id,
            "stableSubscriptionId": sub.stable_id,
            "status": sub.status,
            "planId": sub.plan_id,
            "gracePeriodEndsAt": None,
            "paymentMethodId": sub.payment_method_id,
        }
    linked = {active.payment_method_id} if active is not None else set()
    methods = [
        {
            "id": pm.id,
            "provider": pm.provider,
            "paymentType": pm.payment_type,
            "status": pm.status,
            "cardBrand": pm.card_brand,
            "cardLastFour": pm.card_last_four,
            "cardExpiryMonth": pm.exp_month,
            "cardExpiryYear": pm.exp_year,
            "linkedToSubscription": pm.id in linked,
        }
        for pm in st.payment_methods.values()
        if pm.customer_id == cust.id
    ]
    invoices = [
        {
            "id": inv.id,
            "number": inv.number,
            "status": inv.status,
            "totalAmountCents": inv.total_cents,
            "currency": inv.currency,
            "issueDate": st.clock.iso(inv.issue_date),
            "paidDate": None if inv.paid_date is None else st.clock.iso(inv.paid_date),
            "pdfUrl": None,
            "paymentStatus": "paid" if inv.paid_date is not None else "unpaid",
            "documentType": inv.document_type,
        }
        for inv in st.invoices.values()
        if inv.customer_id == cust.id
    ]
    payments = [
        {
            "id": p.id,
            "amountCents": p.amount_cents,
            "currency": p.currency,
            "status": p.status,
            "createdAt": st.clock.iso(p.created_at),
            "errorMessage": p.error_message,
            "invoiceId": p.invoice_id,
        }
        for p in st.payments.values()
        if p.customer_id == cust.id
    ]
    return {
        "portal": {
            "customer": _customer_json(cust),
            "subscription": sub_json,
            "paymentMethods": methods,
            "invoices": invoices,
            "payments": payments,
        }
    }


# -- entitlements ------------------------------------------------------------------------------
@lumen_v1.op("get_entitlements")
def get_entitlements(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = _entitlement_customer(ctx, st)
    return {"entitlements": st.entitlements(cust.id)}


@lumen_v1.op("check_feature_entitlement")
def check_feature_entitlement(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = _entitlement_customer(ctx, st)
    return st.entitlement(cust.id, ctx.path["featureSlug"])


# -- events ------------------------------------------------------------------------------------
@lumen_v1.op("send_event")
def send_event(ctx: Ctx) -> Reply:
    st = _state(ctx)
    body = _body(ctx)
    value = body.get("eventValue")
    text = body.get("eventString")
    internal = body.get("customerId")
    external = body.get("extCustomerId")
    if (value is None) == (text is None) or not (internal or external):
        raise _bad_request("Invalid event payload", INVALID_EVENT_DETAILS)
    timestamp = None
    if body.get("eventTimestamp") is not None:
        timestamp = _parse_iso(str(body["eventTimestamp"]))
        if timestamp is None:
            raise _bad_request("Invalid event payload", "eventTimestamp must be an ISO 8601 date-time.")
    by_internal = st.customers.get(internal) if internal else None
    by_external = st.customer_by_external(external) if external else None
    if (
        internal
        and external
        and by_internal is not None
        and by_external is not None
        and by_internal != by_external
    ):
        raise _bad_request("Invalid event payload", "customerId and extCustomerId name different customers.")
    cust = by_internal or by_external
    if cust is None or (internal and by_internal is None) or (external and by_external is None):
        raise _not_found()
    ev, dedup = st.record_event(
        cust.id,
        str(body["eventName"]),
        value=None if value is None else float(value),
        text=text,
        timestamp=timestamp,
        properties=body.get("properties"),
        idempotency_key=body.get("idempotencyKey"),
    )
    event_value = None if ev.value is None else _num(ev.value)
    return Reply(
        202,
        {
            "event": {
                "id": ev.id,
                "eventName": ev.name,
                "customerId": ev.customer_id,
                "eventValue": event_value,
                "eventString": ev.text,
                "eventTimestamp": st.clock.iso(ev.timestamp),
                "properties": ev.properties,
                "idempotencyKey": ev.idempotency_key,
                "createdAt": st.clock.iso(ev.created_at),
            },
            "deduplicated": dedup,
        },
    )


# -- seats -------------------------------------------------------------------------------------
def _seat_org(st: LumenState, body: Mapping[str, Any]) -> tuple[Customer, Subscription, Plan]:
    org_id = body.get("organization_id")
    owner = body.get("user_id")
    if not org_id and not owner:
        raise _bad_request("Invalid request", "Provide organization_id or user_id.")
    cust = st.customers.get(org_id) if org_id else st.customer_by_external(owner or "")
    if cust is None:
        raise _not_found(f"Organization not found: {org_id or owner}")
    sub = st.active_subscription(cust.id)
    if sub is None:
        raise _bad_request("No active subscription found for organization")
    plan = st.plans[sub.plan_id]
    if plan.seat_component is None:
        raise _bad_request("Subscription has no seat-based price component")
    return cust, sub, plan


def _seat_time(st: LumenState, body: Mapping[str, Any]) -> float:
    raw = body.get("timestamp")
    if raw is None:
        return st.clock.now()
    parsed = _parse_iso(str(raw))
    if parsed is None:
        raise _bad_request("Invalid request", "timestamp must be a UTC ISO 8601 date-time ending in Z.")
    return parsed


def _replay(st: LumenState, op: str, body: Mapping[str, Any]) -> tuple[tuple[str, str, str] | None, Any]:
    key = body.get("idempotency_key")
    if not key:
        return None, None
    scope = str(body.get("organization_id") or body.get("user_id") or "")
    ikey = (op, scope, str(key))
    return ikey, st.seat_replies.get(ikey)


@lumen_v1.op("add_seat")
def add_seat(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    body = _body(ctx)
    ikey, prior = _replay(st, "add", body)
    if prior is not None:
        return dict(prior)
    cust, sub, _ = _seat_org(st, body)
    when = _seat_time(st, body)
    user = str(body["created_user_id"])
    if any(s.user_id == user for s in st.active_seats(cust.id)):
        raise _bad_request("User already has an active seat")
    st.seats.append(Seat(cust.id, user, sub.id, when, body.get("metadata"), body.get("created_user_info")))
    reply = {
        "message": "Seat added successfully",
        "user_id": body.get("user_id") or cust.external_id,
        "organization_id": cust.id,
        "created_user_id": user,
        "subscription_id": sub.id,
        "idempotency_key": body.get("idempotency_key"),
    }
    if ikey is not None:
        st.seat_replies[ikey] = reply
    return reply


@lumen_v1.op("remove_seat")
def remove_seat(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    body = _body(ctx)
    ikey, prior = _replay(st, "remove", body)
    if prior is not None:
        return dict(prior)
    cust, _, _ = _seat_org(st, body)
    when = _seat_time(st, body)
    user = str(body["removed_user_id"])
    seat = next((s for s in st.active_seats(cust.id) if s.user_id == user), None)
    if seat is None:
        raise _not_found("User not found in active seats or already removed")
    seat.removed_at = when
    reply = {
        "message": "Seat removed successfully",
        "organization_id": cust.id,
        "removed_user_id": user,
        "subscription_id": seat.subscription_id,
        "idempotency_key": body.get("idempotency_key"),
    }
    if ikey is not None:
        st.seat_replies[ikey] = reply
    return reply


@lumen_v1.op("get_seat_usage")
def get_seat_usage(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = st.customers.get(ctx.path["customerId"])
    if cust is None:
        raise _not_found()
    sub = st.active_subscription(cust.id)
    out: dict[str, Any] = {
        "customerId": cust.id,
        "subscriptionId": sub.id if sub else None,
        "seatUsages": [],
        "subscriptionDetails": [],
        "priceComponents": [],
    }
    if sub is None:
        return out
    plan = st.plans[sub.plan_id]
    start, end = st.period(sub)
    out["priceComponents"].append(
        {
            "type": "flat",
            "component_id": plan.flat_component_id,
            "component_name": plan.name,
            "unit_label": None,
            "amount_cents": plan.price_cents,
            "metric_id": None,
            "bill_immediately": True,
        }
    )
    comp = plan.seat_component
    if comp is None:
        return out
    seats = [s for s in st.seats if s.org_customer_id == cust.id]
    out["seatUsages"].append(
        {
            "componentId": comp.id,
            "componentName": comp.name,
            "unitLabel": comp.unit_label,
            "metricId": comp.metric_id,
            "currentUsage": sum(1 for s in seats if s.removed_at is None),
            "pendingRemovals": sum(1 for s in seats if s.removed_at is not None and s.removed_at >= start),
            "unitAmountCents": comp.amount_cents,
        }
    )
    out["subscriptionDetails"].append(
        {
            "subscriptionId": sub.id,
            "componentId": comp.id,
            "previousBillingDate": st.clock.iso(start),
            "nextBillingDate": st.clock.iso(end),
            "createdAt": st.clock.iso(sub.created_at),
            "updatedAt": st.clock.iso(sub.updated_at),
        }
    )
    out["priceComponents"].append(
        {
            "type": "seat",
            "component_id": comp.id,
            "component_name": comp.name,
            "unit_label": comp.unit_label,
            "amount_cents": comp.amount_cents,
            "metric_id": comp.metric_id,
            "bill_immediately": True,
        }
    )
    return out


# -- enrollment / free subscription -------------------------------------------------------------
_BILLING_FIELDS = (
    "billingAddressLine1",
    "billingAddressLine2",
    "billingCity",
    "billingPostalCode",
    "billingCountry",
    "taxId",
)


def _existing_subscription(st: LumenState, external_id: str) -> None:
    cust = st.customer_by_external(external_id)
    sub = st.active_subscription(cust.id) if cust else None
    if sub is not None:
        message = "Subscription already exists for this customer"
        raise ApiError(
            409, "CONFLICT", message, body={"error": message, "subscription": st.subscription_json(sub)}
        )


def _free_plan_for(st: LumenState, email: str) -> Plan | None:
    email = email.lower()
    domain = "@" + email.rpartition("@")[2]
    for match, plan_id in st.enrollment_rules:
        plan = st.plans.get(plan_id)
        if plan is not None and plan.free and match in (email, domain, domain[1:]):
            return plan
    return next((p for p in st.plans.values() if p.free), None)


def _enroll(st: LumenState, body: Mapping[str, Any], plan: Plan) -> Subscription:
    cust = st.ensure_customer(str(body["userId"]), str(body["customerName"]), str(body["customerEmail"]))
    cust.billing.update({k: body[k] for k in _BILLING_FIELDS if body.get(k) is not None})
    return st._create_subscription(cust, plan)


@lumen_v1.op("enroll_user")
def enroll_user(ctx: Ctx) -> Reply:
    st = _state(ctx)
    body = _body(ctx)
    _existing_subscription(st, str(body["userId"]))
    plan_id = body.get("planId")
    if plan_id:
        chosen = st.plans.get(plan_id)
        if chosen is None:
            raise _not_found("Plan not found or access denied")
        if not chosen.free:
            raise _bad_request("Selected plan has no pure free price; cannot auto-enroll")
    else:
        chosen = _free_plan_for(st, str(body["customerEmail"]))
        if chosen is None:
            raise _bad_request("No free plan available for enrollment")
    sub = _enroll(st, body, chosen)
    return Reply(
        201,
        {
            "message": "Enrollment subscription created successfully",
            "subscription": st.subscription_json(sub),
            "invoice": None,
            "plan": {"id": chosen.id},
            "credit_grants_created": 0,
        },
    )


@lumen_v1.op("create_free_subscription")
def create_free_subscription(ctx: Ctx) -> Reply:
    st = _state(ctx)
    body = _body(ctx)
    _existing_subscription(st, str(body["userId"]))
    plan = _free_plan_for(st, str(body["customerEmail"]))
    if plan is None:
        raise _bad_request("No free plan available")
    sub = _enroll(st, body, plan)
    return Reply(
        201,
        {"success": True, "message": "Free subscription created", "subscription": st.subscription_json(sub)},
    )


# -- portal ------------------------------------------------------------------------------------
@lumen_v1.op("create_setup_intent")
def create_setup_intent(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    cust = st.customer_by_external(str(_body(ctx)["externalCustomerId"]))
    if cust is None:
        raise _not_found()
    if st.payment_provider == "dodo":
        intent = SetupIntent(st.new_id("dodo_setup_"), cust.id, "dodo")
        st.setup_intents[intent.id] = intent
        return {
            "provider": "dodo",
            "dodo": {"paymentLink": f"https://checkout.dodo-sandbox.invalid/{intent.id}"},
        }
    intent = SetupIntent(st.new_id("seti_", 24), cust.id, "stripe")
    st.setup_intents[intent.id] = intent
    return {
        "provider": "stripe",
        "stripe": {
            "clientSecret": f"{intent.id}_secret_{st.new_id('', 24)}",
            "intentId": intent.id,
            "publishableKey": PUBLISHABLE_KEY,
        },
    }


@lumen_v1.op("set_subscription_payment_method")
def set_subscription_payment_method(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    body = _body(ctx)
    cust = st.customer_by_external(str(body["externalCustomerId"]))
    if cust is None:
        raise _not_found()
    pm = st.payment_methods.get(str(body["paymentMethodId"]))
    if pm is None or pm.customer_id != cust.id:
        raise _not_found("Payment method not found")
    sub = st.active_subscription(cust.id)
    if sub is None:
        raise _bad_request("No active subscription found")
    sub.payment_method_id = pm.id
    sub.updated_at = st.clock.now()
    return {"success": True, "message": "Subscription payment method updated"}


@lumen_v1.op("remove_payment_method")
def remove_payment_method(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    pm = st.payment_methods.get(ctx.path["id"])
    owner = ctx.query.get("externalCustomerId")
    if pm is None or (owner is not None and st.customers[pm.customer_id].external_id != owner):
        raise _not_found("Payment method not found")
    sub = st.active_subscription(pm.customer_id)
    if sub is not None and sub.payment_method_id == pm.id:
        raise ApiError(
            409, "CONFLICT", "Payment method is linked to an active subscription and cannot be removed"
        )
    del st.payment_methods[pm.id]
    return {"success": True, "message": "Payment method removed"}


# -- invoices ----------------------------------------------------------------------------------
@lumen_v1.op("get_invoice_pdf")
def get_invoice_pdf(ctx: Ctx) -> dict[str, Any]:
    st = _state(ctx)
    inv = st.invoices.get(ctx.path["id"])
    if inv is None or not inv.has_pdf:
        raise _not_found("Invoice not found")
    return {
        "invoice": {"id": inv.id, "customerInvoiceNumber": inv.number},
        "pdfUrl": st.pdf_url(inv),
        "expiresIn": PDF_URL_TTL,
    }


# -- control plane -----------------------------------------------------------------------------
@lumen_v1.control("subscribe")
def control_subscribe(st: LumenState, body: Any) -> dict[str, Any]:
    """``{externalId, planId?, name?, email?}`` -> the new subscription (any plan, paid too)."""
    sub = st.subscribe(
        str(body["externalId"]),
        str(body.get("planId") or PRO_PLAN_ID),
        name=body.get("name"),
        email=body.get("email"),
    )
    return st.subscription_json(sub)


@lumen_v1.control("complete-setup-intent")
def control_complete_setup_intent(st: LumenState, body: Any) -> dict[str, Any]:
    """``{intentId, brand?, last4?}`` -> the attached payment method's id."""
    pm = st.complete_setup_intent(
        str(body["intentId"]), brand=str(body.get("brand", "visa")), last4=str(body.get("last4", "4242"))
    )
    return {"paymentMethodId": pm.id, "customerId": pm.customer_id}


@lumen_v1.control("plans", method="GET")
def control_plans(st: LumenState, body: Any) -> dict[str, Any]:
    return {
        "plans": [
            {
                "id": p.id,
                "name": p.name,
                "free": p.free,
                "features": {f.slug: f.value for f in p.features},
            }
            for p in st.plans.values()
        ]
    }

"""Lumen sandbox state: constants and seed data, the model's dataclasses, and :class:`LumenState`.

Plain Python, no HTTP: handlers (``handlers/<tag>.py``) read and change it, tests and the demo
call its methods directly (``sandbox.state("lumen")``). The dataclasses are what snapshots
store (as ``lumen.<Class>``)."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox._framework import Clock
from paywire.sandbox.lumen import entitlements as resolution
from paywire.sandbox.lumen.constants import DEFAULT_API_KEY as DEFAULT_API_KEY
from paywire.sandbox.lumen.views import wire_number

#: Seeded secret key accepted by a fresh sandbox.
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
#: The plans a fresh sandbox has: (name, id, description, ``api-calls`` limit,
#: ``premium-feature``, ``team-seats`` limit, price in cents, price per seat in cents).
_SEEDED_PLANS = (
    ("Free", FREE_PLAN_ID, "Free tier", 100, False, 3, 0, 0),
    ("Pro", PRO_PLAN_ID, "Pro monthly", 10_000, True, 50, 2900, 1000),
)
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
        metrics = {"api-calls": API_CALL_EVENT, "team-seats": SEATS_METRIC}
        for name, plan_id, description, calls, premium, seats, price, seat_price in _SEEDED_PLANS:
            self.seed_plan(name, {"api-calls": calls, "premium-feature": premium, "team-seats": seats},
                           metrics=metrics, plan_id=plan_id, description=description,
                           price_cents=price, seat_amount_cents=seat_price)

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

    def free_plan_for(self, email: str) -> Plan | None:
        """The free plan an enrollment with this email gets: the first matching rule's, else
        the first free plan."""
        email = email.lower()
        domain = "@" + email.rpartition("@")[2]
        for match, plan_id in self.enrollment_rules:
            plan = self.plans.get(plan_id)
            if plan is not None and plan.free and match in (email, domain, domain[1:]):
                return plan
        return next((p for p in self.plans.values() if p.free), None)

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
        sub = self.create_subscription(cust, plan)
        if not plan.free:
            pm = self.add_payment_method(cust.id)
            sub.payment_method_id = pm.id
            self.add_invoice(cust.id, plan.price_cents, currency=plan.currency, paid=True)
        return sub

    def create_subscription(self, cust: Customer, plan: Plan) -> Subscription:
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
        return wire_number(total + len(strings))

    def entitlements(self, customer_id: str) -> list[dict[str, Any]]:
        """Every feature the customer has (plan, overrides, credits), in the wire's shape."""
        return resolution.all_for(self, customer_id)

    def entitlement(self, customer_id: str, slug: str) -> dict[str, Any]:
        """One feature, resolved credits > override > plan > default, in the wire's shape."""
        return resolution.resolve(self, customer_id, slug)

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

    # -- helpers -----------------------------------------------------------------------
    def _need(self, ref: str) -> Customer:
        cust = self.customer(ref)
        if cust is None:
            raise KeyError(f"unknown Lumen customer {ref!r}")
        return cust

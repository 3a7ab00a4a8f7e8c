"""Lumen state -> wire JSON: one function per shape the spec's responses (and the control
plane) carry, so handlers only decide *what* to answer."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paywire.sandbox.lumen.state import (
        Customer,
        Invoice,
        LumenState,
        Payment,
        PaymentMethod,
        Plan,
        Subscription,
        UsageEvent,
    )


def wire_number(value: float | int) -> float | int:
    """Integral values go out as JSON integers (``3``, not ``3.0``), as Lumen sends them."""
    return int(value) if float(value).is_integer() else value


def customer_view(cust: Customer) -> dict[str, Any]:
    return {"id": cust.id, "name": cust.name, "email": cust.email}


def subscription_view(st: LumenState, sub: Subscription) -> dict[str, Any]:
    """The subscription as enrollment, free subscription and the 409 conflict answer it."""
    plan = st.plans[sub.plan_id]
    start, end = st.period(sub)
    details = []
    if plan.seat_component is not None:
        details.append(
            {
                "componentId": plan.seat_component.id,
                "previousBillingDate": st.clock.iso(start),
                "nextBillingDate": st.clock.iso(end),
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


def subscription_status_view(st: LumenState, sub: Subscription) -> dict[str, Any]:
    plan = st.plans[sub.plan_id]
    return {
        "id": sub.id,
        "planId": plan.id,
        "planName": plan.name,
        "planDescription": plan.description,
        "status": sub.status,
        "startTimestamp": st.clock.iso(sub.start),
        "currency": sub.currency,
    }


def portal_subscription_view(sub: Subscription) -> dict[str, Any]:
    return {
        "id": sub.id,
        "stableSubscriptionId": sub.stable_id,
        "status": sub.status,
        "planId": sub.plan_id,
        "gracePeriodEndsAt": None,
        "paymentMethodId": sub.payment_method_id,
    }


def payment_method_view(pm: PaymentMethod, *, linked: bool) -> dict[str, Any]:
    return {
        "id": pm.id,
        "provider": pm.provider,
        "paymentType": pm.payment_type,
        "status": pm.status,
        "cardBrand": pm.card_brand,
        "cardLastFour": pm.card_last_four,
        "cardExpiryMonth": pm.exp_month,
        "cardExpiryYear": pm.exp_year,
        "linkedToSubscription": linked,
    }


def invoice_view(st: LumenState, inv: Invoice) -> dict[str, Any]:
    return {
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


def payment_view(st: LumenState, p: Payment) -> dict[str, Any]:
    return {
        "id": p.id,
        "amountCents": p.amount_cents,
        "currency": p.currency,
        "status": p.status,
        "createdAt": st.clock.iso(p.created_at),
        "errorMessage": p.error_message,
        "invoiceId": p.invoice_id,
    }


def invoice_pdf_url(st: LumenState, invoice: Invoice, ttl: int) -> str:
    """A link that looks signed and expires ``ttl`` seconds from now on the sandbox clock."""
    expires = int(st.clock.now()) + ttl
    digest = hashlib.sha256(f"{invoice.id}:{expires}".encode()).hexdigest()[:32]
    return f"https://files.lumen-sandbox.invalid/invoices/{invoice.id}.pdf?expires={expires}&sig={digest}"


def event_view(st: LumenState, ev: UsageEvent) -> dict[str, Any]:
    return {
        "id": ev.id,
        "eventName": ev.name,
        "customerId": ev.customer_id,
        "eventValue": None if ev.value is None else wire_number(ev.value),
        "eventString": ev.text,
        "eventTimestamp": st.clock.iso(ev.timestamp),
        "properties": ev.properties,
        "idempotencyKey": ev.idempotency_key,
        "createdAt": st.clock.iso(ev.created_at),
    }


def seat_usage_view(st: LumenState, cust: Customer, sub: Subscription | None) -> dict[str, Any]:
    """Seats in use and pending removal this period, with the plan's price components."""
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
    out["priceComponents"] = _price_components(plan)
    comp = plan.seat_component
    if comp is None:
        return out
    start, end = st.period(sub)
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
    return out


_PRICE_COMPONENT_KEYS = ("type", "component_id", "component_name", "unit_label", "amount_cents", "metric_id")


def _price_components(plan: Plan) -> list[dict[str, Any]]:
    """The flat price, then the per-seat price when the plan has one."""
    parts: list[tuple[Any, ...]] = [("flat", plan.flat_component_id, plan.name, None, plan.price_cents, None)]
    seat = plan.seat_component
    if seat is not None:
        parts.append(("seat", seat.id, seat.name, seat.unit_label, seat.amount_cents, seat.metric_id))
    return [{**dict(zip(_PRICE_COMPONENT_KEYS, part, strict=True)), "bill_immediately": True} for part in parts]


def plan_summary_view(plan: Plan) -> dict[str, Any]:
    """A plan as the control plane lists it (not a wire shape of the Lumen API)."""
    return {
        "id": plan.id,
        "name": plan.name,
        "free": plan.free,
        "features": {f.slug: f.value for f in plan.features},
    }

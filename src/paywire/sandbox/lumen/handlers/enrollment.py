"""Lumen ``enrollment`` tag: enroll a user on a free plan (chosen, or by enrollment rules).

:func:`enroll_request` is shared with ``create_free_subscription`` (``subscriptions.py``), the
older call for the same thing, which takes no ``planId``."""

from __future__ import annotations

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import bad_request, json_body, lumen_v1, not_found, state
from paywire.sandbox.lumen.state import LumenState, Plan, Subscription

_BILLING_FIELDS = (
    "billingAddressLine1",
    "billingAddressLine2",
    "billingCity",
    "billingPostalCode",
    "billingCountry",
    "taxId",
)


def enroll_request(ctx: Ctx, *, plan_id_allowed: bool, no_free_plan: str) -> tuple[LumenState, Subscription, Plan]:
    """409 with the subscription when the user already has an active one; else the customer
    (created or updated from the body, billing fields too) on the body's ``planId`` (when
    allowed; it must be free) or on the enrollment rules' free plan (400 ``no_free_plan``)."""
    st = state(ctx)
    body = json_body(ctx)
    cust = st.customer_by_external(str(body["userId"]))
    current = st.active_subscription(cust.id) if cust else None
    if current is not None:
        message = "Subscription already exists for this customer"
        raise ApiError(
            409, "CONFLICT", message, body={"error": message, "subscription": views.subscription_view(st, current)}
        )
    plan_id = body.get("planId") if plan_id_allowed else None
    plan = _chosen_free_plan(st, plan_id) if plan_id else st.free_plan_for(str(body["customerEmail"]))
    if plan is None:
        raise bad_request(no_free_plan)
    cust = st.ensure_customer(str(body["userId"]), str(body["customerName"]), str(body["customerEmail"]))
    cust.billing.update({k: body[k] for k in _BILLING_FIELDS if body.get(k) is not None})
    return st, st.create_subscription(cust, plan), plan


def _chosen_free_plan(st: LumenState, plan_id: str) -> Plan:
    chosen = st.plans.get(plan_id)
    if chosen is None:
        raise not_found("Plan not found or access denied")
    if not chosen.free:
        raise bad_request("Selected plan has no pure free price; cannot auto-enroll")
    return chosen


@lumen_v1.op("enroll_user")
def enroll_user(ctx: Ctx) -> Reply:
    st, sub, plan = enroll_request(ctx, plan_id_allowed=True, no_free_plan="No free plan available for enrollment")
    return Reply(
        201,
        {
            "message": "Enrollment subscription created successfully",
            "subscription": views.subscription_view(st, sub),
            "invoice": None,
            "plan": {"id": plan.id},
            "credit_grants_created": 0,
        },
    )

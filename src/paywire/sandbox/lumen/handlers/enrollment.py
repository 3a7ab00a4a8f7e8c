"""Lumen ``enrollment`` tag: enroll a user on a free plan (chosen, or by enrollment rules).

:func:`reject_existing_subscription` and :func:`enroll` are shared with ``create_free_subscription``
(``subscriptions.py``), the older call for the same thing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def reject_existing_subscription(st: LumenState, external_id: str) -> None:
    """409 with the subscription when the customer already has an active one."""
    cust = st.customer_by_external(external_id)
    sub = st.active_subscription(cust.id) if cust else None
    if sub is not None:
        message = "Subscription already exists for this customer"
        raise ApiError(
            409, "CONFLICT", message, body={"error": message, "subscription": views.subscription_view(st, sub)}
        )


def enroll(st: LumenState, body: Mapping[str, Any], plan: Plan) -> Subscription:
    """The customer (created or updated from the body, billing fields too) on ``plan``."""
    cust = st.ensure_customer(str(body["userId"]), str(body["customerName"]), str(body["customerEmail"]))
    cust.billing.update({k: body[k] for k in _BILLING_FIELDS if body.get(k) is not None})
    return st.create_subscription(cust, plan)


@lumen_v1.op("enroll_user")
def enroll_user(ctx: Ctx) -> Reply:
    st = state(ctx)
    body = json_body(ctx)
    reject_existing_subscription(st, str(body["userId"]))
    plan_id = body.get("planId")
    if plan_id:
        chosen = st.plans.get(plan_id)
        if chosen is None:
            raise not_found("Plan not found or access denied")
        if not chosen.free:
            raise bad_request("Selected plan has no pure free price; cannot auto-enroll")
    else:
        chosen = st.free_plan_for(str(body["customerEmail"]))
        if chosen is None:
            raise bad_request("No free plan available for enrollment")
    sub = enroll(st, body, chosen)
    return Reply(
        201,
        {
            "message": "Enrollment subscription created successfully",
            "subscription": views.subscription_view(st, sub),
            "invoice": None,
            "plan": {"id": chosen.id},
            "credit_grants_created": 0,
        },
    )

"""Lumen control plane, ``/_sandbox/lumen/<action>``: what the real service's dashboard or the
payment provider would do (subscribe to any plan, complete a setup intent), and the plan list."""

from __future__ import annotations

from typing import Any

from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import lumen_v1
from paywire.sandbox.lumen.state import PRO_PLAN_ID, LumenState


@lumen_v1.control("subscribe")
def control_subscribe(st: LumenState, body: Any) -> dict[str, Any]:
    """``{externalId, planId?, name?, email?}`` -> the new subscription (any plan, paid too)."""
    sub = st.subscribe(
        str(body["externalId"]),
        str(body.get("planId") or PRO_PLAN_ID),
        name=body.get("name"),
        email=body.get("email"),
    )
    return views.subscription_view(st, sub)


@lumen_v1.control("complete-setup-intent")
def control_complete_setup_intent(st: LumenState, body: Any) -> dict[str, Any]:
    """``{intentId, brand?, last4?}`` -> the attached payment method's id."""
    pm = st.complete_setup_intent(
        str(body["intentId"]), brand=str(body.get("brand", "visa")), last4=str(body.get("last4", "4242"))
    )
    return {"paymentMethodId": pm.id, "customerId": pm.customer_id}


@lumen_v1.control("plans", method="GET")
def control_plans(st: LumenState, body: Any) -> dict[str, Any]:
    return {"plans": [views.plan_summary_view(p) for p in st.plans.values()]}

"""Lumen ``customers`` tag: subscription status and the customer portal overview."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import lumen_v1, not_found, state


@lumen_v1.op("get_subscription_status")
def get_subscription_status(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    cust = st.customer_by_external(ctx.query["externalCustomerId"])
    if cust is None:
        return {"hasActiveSubscription": False, "customer": None, "subscription": None}
    sub = st.active_subscription(cust.id)
    return {
        "hasActiveSubscription": sub is not None,
        "customer": views.customer_view(cust),
        "subscription": None if sub is None else views.subscription_status_view(st, sub),
    }


@lumen_v1.op("get_customer_overview")
def get_customer_overview(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    cust = st.customer_by_external(ctx.query["externalCustomerId"])
    if cust is None:
        raise not_found()
    sub = st.latest_subscription(cust.id)
    active = st.active_subscription(cust.id)
    linked = {active.payment_method_id} if active is not None else set()
    return {
        "portal": {
            "customer": views.customer_view(cust),
            "subscription": None if sub is None else views.portal_subscription_view(sub),
            "paymentMethods": [
                views.payment_method_view(pm, linked=pm.id in linked)
                for pm in st.payment_methods.values()
                if pm.customer_id == cust.id
            ],
            "invoices": [views.invoice_view(st, inv) for inv in st.invoices.values() if inv.customer_id == cust.id],
            "payments": [views.payment_view(st, p) for p in st.payments.values() if p.customer_id == cust.id],
        }
    }

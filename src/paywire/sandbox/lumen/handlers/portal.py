"""Lumen ``portal`` tag: payment-method setup intents (Stripe or Dodo), the subscription's
payment method, removing a payment method."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.lumen.service import bad_request, json_body, lumen_v1, not_found, state
from paywire.sandbox.lumen.state import PUBLISHABLE_KEY, SetupIntent


@lumen_v1.op("create_setup_intent")
def create_setup_intent(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    cust = st.customer_by_external(str(json_body(ctx)["externalCustomerId"]))
    if cust is None:
        raise not_found()
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
    st = state(ctx)
    body = json_body(ctx)
    cust = st.customer_by_external(str(body["externalCustomerId"]))
    if cust is None:
        raise not_found()
    pm = st.payment_methods.get(str(body["paymentMethodId"]))
    if pm is None or pm.customer_id != cust.id:
        raise not_found("Payment method not found")
    sub = st.active_subscription(cust.id)
    if sub is None:
        raise bad_request("No active subscription found")
    sub.payment_method_id = pm.id
    sub.updated_at = st.clock.now()
    return {"success": True, "message": "Subscription payment method updated"}


@lumen_v1.op("remove_payment_method")
def remove_payment_method(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    pm = st.payment_methods.get(ctx.path["id"])
    owner = ctx.query.get("externalCustomerId")
    if pm is None or (owner is not None and st.customers[pm.customer_id].external_id != owner):
        raise not_found("Payment method not found")
    sub = st.active_subscription(pm.customer_id)
    if sub is not None and sub.payment_method_id == pm.id:
        raise ApiError(
            409, "CONFLICT", "Payment method is linked to an active subscription and cannot be removed"
        )
    del st.payment_methods[pm.id]
    return {"success": True, "message": "Payment method removed"}

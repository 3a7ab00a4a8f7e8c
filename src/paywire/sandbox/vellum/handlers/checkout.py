"""Tag ``checkout``: hosted checkout sessions for a subscription or for saving a card.

A session is finished by the control plane (``complete-checkout``), playing the customer.
"""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.apps import add_ons_from, begin, body, operation, plan_from
from paywire.sandbox.vellum.records import CheckoutSession, token


@operation("create_checkout")
def create_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    data = body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], str(data["customerId"]))
    plan = plan_from(data, contract)
    add_ons = add_ons_from(data, contract)
    st.refuse_second_subscription(t, cust.customer_id, contract)
    seats = int(data.get("seats", 1))
    session = CheckoutSession(
        token("cs", 12), "subscription", contract.version, cust.account_id, cust.customer_id, plan, seats, add_ons
    )
    result = st.new_session(t, session)
    if contract.has("plan_extras"):
        result.update(views.plan_choice(plan, seats, add_ons))
    return result


@operation("create_setup_checkout")
def create_setup_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    return st.new_session(t, CheckoutSession(token("cs", 12), "setup", contract.version, acct.account_id))

"""Tag ``entitlements``: what a customer may use now."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.apps import begin, operation


@operation("get_entitlements")
def get_entitlements(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    cust = st.known_customer(t, ctx.path["customerId"])
    return views.entitlements(contract, t, cust, st.current_subscription(t, cust.customer_id))

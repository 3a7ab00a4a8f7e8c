"""Tag ``subscriptions``: create, read and cancel (both versions); change, preview and
reactivate (v2's spec only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.apps import add_ons_from, begin, body, operation, opt_str, plan_from
from paywire.sandbox.vellum.records import CURRENCY, Subscription, Tenant, recurring_total
from paywire.sandbox.vellum.state import VellumState

if TYPE_CHECKING:
    from paywire.sandbox.vellum.contract import Contract


def _current(ctx: Ctx) -> tuple[VellumState, Tenant, Contract, Subscription]:
    """:func:`begin`, plus the current subscription of the path's customer (404 without one)."""
    st, t, contract = begin(ctx)
    return st, t, contract, st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])


@operation("create_subscription")
def create_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    data = body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], ctx.path["customerId"])
    plan = plan_from(data, contract)
    add_ons = add_ons_from(data, contract)
    st.refuse_second_subscription(t, cust.customer_id, contract)
    if contract.has("card_required") and t.accounts[cust.account_id].default_pm is None:
        raise ApiError(400, "PAYMENT_METHOD_REQUIRED", "the account has no saved card")
    sub = st.create_subscription(t, cust, plan, int(data.get("seats", 1)), add_ons, contract)
    return views.subscription_created(contract, st.clock, t, sub)


@operation("get_subscription")
def get_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    return views.subscription(contract, st.clock, t, sub)


@operation("cancel_subscription")
def cancel_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    st.cancel(t, sub, ctx.query.get("atPeriodEnd", "").lower() == "true", contract)
    return views.subscription(contract, st.clock, t, sub)


@operation("update_subscription")
def update_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    data = body(ctx)
    plan = plan_from(data, contract, version_required=True)
    add_ons = st.check_add_ons(list(data["addOnModuleIds"])) if "addOnModuleIds" in data else None
    seats = int(data["seats"]) if "seats" in data else None
    st.change(t, sub, contract, plan=plan, seats=seats, add_ons=add_ons)
    return views.subscription(contract, st.clock, t, sub)


@operation("preview_change")
def preview_change(ctx: Ctx) -> dict[str, Any]:
    st, _, contract, sub = _current(ctx)
    data = body(ctx)
    st.live_subscription(sub)
    if "planId" in data:
        plan = plan_from(data, contract)
    elif "planVersion" in data or "productId" in data:
        plan = st.resolve_plan(
            sub.plan.plan_id,
            data.get("planVersion", sub.plan.version),
            opt_str(data, "productId") or sub.plan.product_id,
            strict_product=True,
        )
    else:
        plan = sub.plan
    seats = int(data.get("seats", sub.seats))
    add_ons = st.check_add_ons(list(data["addOnModuleIds"])) if "addOnModuleIds" in data else list(sub.add_ons)
    new_total = recurring_total(plan, seats, add_ons)
    due, lines = st.proration(sub, new_total)
    return {
        "currency": CURRENCY,
        "amountDue": due,
        "subtotal": due,
        "total": new_total,
        "prorationDate": st.clock.iso(),
        "lines": [{"description": d, "amount": a} for d, a in lines],
        **views.plan_choice(plan, seats, add_ons),
    }


@operation("set_seats")
def set_seats(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    st.change(t, sub, contract, seats=int(body(ctx)["seats"]))
    return views.subscription(contract, st.clock, t, sub)


@operation("update_add_ons")
def update_add_ons(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    data = body(ctx)
    if ("add" in data) == ("remove" in data):
        raise ApiError(400, "BAD_REQUEST", "send exactly one of add / remove")
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    if "add" in data:
        add_ons = st.check_add_ons([*sub.add_ons, *data["add"]])
    else:
        removed = set(st.check_add_ons(list(data["remove"])))
        add_ons = [m for m in sub.add_ons if m not in removed]
    st.change(t, sub, contract, add_ons=add_ons)
    return views.subscription(contract, st.clock, t, sub)


@operation("change_plan")
def change_plan(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    st.change(t, sub, contract, plan=plan_from(body(ctx), contract, version_required=True))
    return views.subscription(contract, st.clock, t, sub)


@operation("reactivate_subscription")
def reactivate_subscription(ctx: Ctx) -> dict[str, Any]:
    st, t, contract, sub = _current(ctx)
    st.live_subscription(sub)
    if sub.cancel_at_period_end:
        sub.cancel_at_period_end = False
        st.emit_subscription(t, "subscription.updated", sub, contract)
    return views.subscription(contract, st.clock, t, sub)

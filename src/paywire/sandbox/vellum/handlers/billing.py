"""Tag ``billing``: saved payment methods and invoices, addressed by the handle the pinned
contract uses (raw ids, or opaque refs under ``ref_handles``)."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx, Reply
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.apps import begin, body, operation


@operation("list_payment_methods")
def list_payment_methods(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    methods = [pm for pm in t.payment_methods.values() if pm.account_id == acct.account_id]
    return {"methods": [views.payment_method(contract, t, pm) for pm in methods]}


@operation("set_default_payment_method")
def set_default_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    pm = st.payment_method(t, acct.account_id, ctx.path["methodId"], contract)
    acct.default_pm = pm.id
    return views.payment_method(contract, t, pm)


@operation("remove_payment_method")
def remove_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    pm = st.payment_method(t, acct.account_id, ctx.path["methodId"], contract)
    del t.payment_methods[pm.id]
    if acct.default_pm == pm.id:
        acct.default_pm = None
    for sub in t.subscriptions:
        if sub.default_pm == pm.id:
            sub.default_pm = None
    return {"removed": True, **views.handle(contract, pm)}


@operation("set_subscription_payment_method")
def set_subscription_payment_method(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    sub = st.subscription_for(t, ctx.path["accountId"], ctx.path["customerId"])
    pm = st.payment_method(t, sub.account_id, str(body(ctx)["methodId"]), contract)
    sub.default_pm = pm.id
    st.emit_subscription(t, "subscription.updated", sub, contract)
    view = views.subscription(contract, st.clock, t, sub)
    if contract.has("subscription_replies"):
        return view
    return {"subscription": view, "default": t.accounts[sub.account_id].default_pm}


@operation("list_invoices")
def list_invoices(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    customer_id = ctx.query.get("customerId")
    invoices = [
        inv
        for inv in t.invoices.values()
        if inv.account_id == acct.account_id and (customer_id is None or inv.customer_id == customer_id)
    ]
    invoices.sort(key=lambda inv: inv.created, reverse=True)
    return {"invoices": [views.invoice(contract, st.clock, inv) for inv in invoices]}


@operation("get_invoice_pdf")
def get_invoice_pdf(ctx: Ctx) -> Reply:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    inv = st.invoice(t, acct.account_id, ctx.path["invoiceId"], contract)
    if contract.has("pdf_redirect"):
        return Reply(302, headers={"Location": inv.pdf_url})
    return Reply(200, views.invoice_pdf(inv), media_type="application/pdf")

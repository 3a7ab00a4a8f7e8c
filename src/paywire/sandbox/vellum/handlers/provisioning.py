"""Tag ``provisioning``: accounts (who pays) and customers (who uses), and their status."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.apps import begin, body, operation, opt_str
from paywire.sandbox.vellum.records import Account, Customer, token


@operation("create_account")
def create_account(ctx: Ctx) -> dict[str, Any]:
    _, t, contract = begin(ctx)
    data = body(ctx)
    neutral = contract.has("neutral_billing_names")
    adopt_key, create_key = (
        ("billingCustomerId", "createBillingCustomer") if neutral else ("stripeCustomerId", "createStripeCustomer")
    )
    adopt = opt_str(data, adopt_key)
    account_id = str(data["accountId"])
    acct = t.accounts.get(account_id)
    if acct is None:
        acct = Account(account_id)
        t.accounts[account_id] = acct
    elif neutral and adopt is not None and acct.billing_customer_id not in (None, adopt):
        raise ApiError(409, "BILLING_CUSTOMER_CONFLICT", "billingCustomerId conflicts with the stored one")
    if "name" in data:
        acct.name = opt_str(data, "name")
    if "email" in data:
        acct.email = opt_str(data, "email")
    if adopt is not None:
        acct.billing_customer_id = adopt  # no neutral_billing_names (v1 era): a different id replaces it
    elif data.get(create_key) is True and acct.billing_customer_id is None:
        acct.billing_customer_id = token("cus", 7)
    return views.account(contract, acct)


@operation("create_customer")
def create_customer(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    data = body(ctx)
    acct = st.account(t, ctx.path["accountId"])
    customer_id = str(data["customerId"])
    cust = t.customers.get(customer_id)
    if cust is None:
        cust = Customer(customer_id, acct.account_id)
        t.customers[customer_id] = cust
    elif cust.account_id != acct.account_id:
        raise ApiError(400, "CUSTOMER_ACCOUNT_MISMATCH", "customer belongs to another account")
    if "email" in data:
        cust.email = opt_str(data, "email")
    if contract.has("customer_name") and "name" in data:
        cust.name = opt_str(data, "name")
    return views.customer(contract, cust)


@operation("set_account_status")
def set_account_status(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    acct = st.account(t, ctx.path["accountId"])
    acct.status = str(body(ctx)["status"])
    return views.account(contract, acct)


@operation("set_customer_status")
def set_customer_status(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], ctx.path["customerId"])
    cust.status = str(body(ctx)["status"])
    return views.customer(contract, cust)

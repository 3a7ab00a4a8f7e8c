"""State -> wire JSON, in the shape of the pinned contract that asks.

One function per shape, for both API versions: where v1 and v2 differ, the function asks the
contract for the named feature (``paywire._features.VELLUM_FEATURES``) instead of its version,
so a third version is a row in that table, not a third branch here. Key order is part of the
wire (clients see these bytes), so fields are added in the order each version has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from paywire.sandbox.vellum.records import (
    ACCESS_STATUSES,
    CURRENCY,
    Account,
    Customer,
    Invoice,
    PaymentMethod,
    Plan,
    Subscription,
    Tenant,
)

if TYPE_CHECKING:
    from paywire.sandbox._framework import Clock
    from paywire.sandbox.vellum.contract import Contract


def iso(clock: Clock, ts: float | None) -> str | None:
    return None if ts is None else clock.iso(ts)


def handle(contract: Contract, record: PaymentMethod | Invoice) -> dict[str, str]:
    """How the wire names a payment method or an invoice: its opaque ref where the contract has
    ``ref_handles``, else the billing provider's raw id."""
    return {"ref": record.ref} if contract.has("ref_handles") else {"id": record.id}


def plan_choice(plan: Plan, seats: int, add_ons: list[str]) -> dict[str, Any]:
    """The resolved plan a checkout or a change preview is for (``plan_extras`` contracts)."""
    return {
        "planId": plan.plan_id,
        "planVersion": plan.version,
        "productId": plan.product_id,
        "seats": seats,
        "addOnModuleIds": add_ons,
    }


def subscription(contract: Contract, clock: Clock, t: Tenant, sub: Subscription) -> dict[str, Any]:
    raw_ids = not contract.has("ref_handles")
    view: dict[str, Any] = {"id": sub.id} if raw_ids else {}
    view.update(
        {
            "status": sub.status,
            "cancelAtPeriodEnd": sub.cancel_at_period_end,
            "seats": sub.seats,
            "amount": sub.plan.amount,
            "currency": CURRENCY,
            "interval": sub.plan.interval,
            "currentPeriodStart": iso(clock, sub.period_start),
            "currentPeriodEnd": iso(clock, sub.period_end),
            "trialEnd": iso(clock, sub.trial_end),
            "canceledAt": iso(clock, sub.canceled_at),
            "planId": sub.plan.plan_id,
            "planVersion": sub.plan.version,
        }
    )
    if raw_ids:
        view["defaultPaymentMethod"] = sub.default_pm
    else:
        pm = t.payment_methods.get(sub.default_pm or "")
        if pm is not None:
            view["defaultPaymentMethodRef"] = pm.ref
    if contract.has("plan_extras"):
        view["productId"] = sub.plan.product_id
        view["addOnModuleIds"] = list(sub.add_ons)
    return view


def subscription_created(contract: Contract, clock: Clock, t: Tenant, sub: Subscription) -> dict[str, Any]:
    """The answer to ``create_subscription``: the subscription, or the v1-era summary."""
    if contract.has("subscription_replies"):
        return subscription(contract, clock, t, sub)
    return {"subscriptionId": sub.id, "status": sub.status, "trialEnd": iso(clock, sub.trial_end)}


def account(contract: Contract, acct: Account) -> dict[str, Any]:
    view: dict[str, Any] = {"accountId": acct.account_id, "name": acct.name, "email": acct.email,
                            "status": acct.status}
    if not contract.has("ref_handles"):
        view["billingCustomerId"] = acct.billing_customer_id
    return view


def customer(contract: Contract, cust: Customer) -> dict[str, Any]:
    view: dict[str, Any] = {"customerId": cust.customer_id, "accountId": cust.account_id, "email": cust.email,
                            "status": cust.status}
    if contract.has("customer_name"):
        view["name"] = cust.name
    return view


def payment_method(contract: Contract, t: Tenant, pm: PaymentMethod) -> dict[str, Any]:
    return {
        **handle(contract, pm),
        "brand": pm.brand,
        "last4": pm.last4,
        "expMonth": pm.exp_month,
        "expYear": pm.exp_year,
        "name": pm.name,
        "isDefault": t.accounts[pm.account_id].default_pm == pm.id,
    }


def invoice(contract: Contract, clock: Clock, inv: Invoice) -> dict[str, Any]:
    view: dict[str, Any] = handle(contract, inv)
    view.update(
        {
            "number": inv.number,
            "status": inv.status,
            "amountDue": inv.subtotal,
            "amountPaid": inv.subtotal if inv.paid else 0,
            "subtotal": inv.subtotal,
            "total": inv.subtotal,
            "tax": 0,
            "paid": inv.paid,
            "currency": CURRENCY,
            "created": clock.iso(inv.created),
            "hostedInvoiceUrl": inv.hosted_url,
        }
    )
    if contract.has("pdf_redirect"):
        view["invoicePdf"] = inv.pdf_url
    return view


def entitlements(contract: Contract, t: Tenant, cust: Customer, sub: Subscription | None) -> dict[str, Any]:
    """What ``cust`` may use now: modules only while the subscription grants access and both
    the customer and its account are active (``sub``: the customer's current subscription)."""
    if sub is None:
        view: dict[str, Any] = {"status": "none", "modules": [], "config": {}}
        access = False
    else:
        acct = t.accounts[cust.account_id]
        access = sub.status in ACCESS_STATUSES and cust.status == "active" and acct.status == "active"
        modules = list(dict.fromkeys([*sub.plan.modules, *sub.add_ons])) if access else []
        view = {"status": sub.status, "modules": modules, "config": dict(sub.plan.config)}
    if not contract.has("ref_handles"):
        view["billingSubscriptionId"] = sub.id if sub is not None else None
    if contract.has("has_access"):
        view["hasAccess"] = access
    return view


def invoice_pdf(inv: Invoice) -> bytes:
    """A small, valid one-page PDF naming the invoice and its lines (``pdf_bytes`` contracts)."""
    text = [f"Invoice {inv.number}", f"Status: {inv.status}"]
    text += [f"{desc}: {amount / 100:.2f} {CURRENCY.upper()}" for desc, amount in inv.lines]
    text.append(f"Total: {inv.subtotal / 100:.2f} {CURRENCY.upper()}")

    def esc(s: str) -> str:
        return (
            s.encode("ascii", "replace")
            .decode()
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    stream = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({esc(line)}) Tj T*" for line in text) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out

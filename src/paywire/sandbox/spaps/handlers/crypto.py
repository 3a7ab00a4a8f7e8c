"""SPAPS tag ``crypto``: crypto invoices, their status and reconciliation.

Settlements are added by :meth:`~..state.SpapsState.pay_invoice`; the status is ``pending`` /
``underpaid`` / ``paid`` / ``overpaid`` / ``expired``. Reconcile checks an ``X-Recon-Token``
when sent (:data:`~..constants.DEFAULT_RECON_TOKEN`). Contracts with ``idempotency_header``
replay invoice creation by ``Idempotency-Key``.
"""

from __future__ import annotations

import hmac
from decimal import Decimal, InvalidOperation

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Contract, ok, op
from paywire.sandbox.spaps.constants import INVOICE_TTL
from paywire.sandbox.spaps.idempotency import idempotent
from paywire.sandbox.spaps.records import Invoice, User
from paywire.sandbox.spaps.request_checks import body_of, owned, signed_in
from paywire.sandbox.spaps.state import SpapsState, new_id
from paywire.sandbox.spaps.views import invoice_view


def _own_invoice(ctx: Ctx, st: SpapsState) -> Invoice:
    return owned(ctx, st, st.invoices, "invoice_id", "NOT_FOUND", "Invoice")


@op("create_crypto_invoice")
def create_crypto_invoice(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, user, _ = signed_in(ctx, st)
    return idempotent(ctx, st, contract, "crypto_invoice", user.id, lambda: _create_invoice(ctx, st, app_id, user))


def _create_invoice(ctx: Ctx, st: SpapsState, app_id: str, user: User) -> Reply:
    b = body_of(ctx)
    try:
        amount = Decimal(str(b["amount"]))
    except InvalidOperation:
        amount = Decimal(0)
    if not amount.is_finite() or amount <= 0:
        raise ApiError(400, "VALIDATION_ERROR", "amount must be a positive decimal string")
    now = ctx.clock.now()
    inv = Invoice(new_id("inv", 12), user.id, app_id, str(b["asset"]).upper(), str(b["network"]).lower(),
                  amount, now, now + int(b.get("expires_in_seconds") or INVOICE_TTL),
                  b.get("beneficiary"), b.get("metadata"))
    st.invoices[inv.id] = inv
    return ok({"invoice": invoice_view(st, inv)})


@op("get_crypto_invoice")
def get_crypto_invoice(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    return ok({"invoice": invoice_view(st, _own_invoice(ctx, st))})


@op("get_crypto_invoice_status")
def get_crypto_invoice_status(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    inv = _own_invoice(ctx, st)
    paid = sum((s.amount for s in inv.settlements), Decimal(0))
    status = st.invoice_status(inv)
    return ok({"invoice_id": inv.id, "status": status,
               "finalized_at": ctx.clock.iso(inv.finalized_at) if inv.finalized_at else None,
               "normalized_amount": str(paid), "settlement_ids": [s.id for s in inv.settlements],
               "underpaid": Decimal(0) < paid < inv.amount, "overpaid": paid > inv.amount})


@op("reconcile_crypto_payments")
def reconcile_crypto_payments(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, _, _ = signed_in(ctx, st)
    token = ctx.header("x-recon-token")
    if token is not None and not hmac.compare_digest(token, st.recon_tokens.get(app_id, "")):
        raise ApiError(401, "UNAUTHORIZED", "Invalid reconciliation token")
    settlements = sorted((s for inv in st.invoices.values() if inv.application_id == app_id
                          for s in inv.settlements), key=lambda s: s.at)
    job = {"job_id": new_id("job", 10), "scheduled_at": ctx.clock.iso(),
           "cursor": {"settlements_seen": len(settlements),
                      "last_settlement_id": settlements[-1].id if settlements else None,
                      "requested": body_of(ctx).get("cursor")}}
    st.reconcile_jobs.append(job)
    return ok(job)


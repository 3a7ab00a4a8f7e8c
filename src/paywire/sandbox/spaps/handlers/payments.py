"""SPAPS tag ``payments``: the seed era's legacy payment calls (balance, payment intents,
payment methods, wallet deposits), registered only on contracts whose spec has them (2025-11;
today's server answers them 501). The seed era's ``create_checkout_session`` is also tagged
``payments``; one handler serves it for both contracts, in :mod:`.stripe`.

Wallet deposits confirm with the sandbox clock (:data:`~..constants.CHAIN_CONFIRMATIONS`);
:meth:`~..state.SpapsState.decline_cards` makes the next payment intents 402 ``CARD_DECLINED``.
"""

from __future__ import annotations

import secrets

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Body, Contract, ok, op
from paywire.sandbox.spaps.records import Deposit
from paywire.sandbox.spaps.request_checks import body_of, signed_in
from paywire.sandbox.spaps.state import SpapsState, new_id, usage_period
from paywire.sandbox.spaps.wallet_crypto import ETH_TX_RE, is_solana_signature


@op("get_balance")
def get_balance(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    for dep in st.deposits.values():
        if dep.user_id == user.id:
            st.deposit_progress(dep)
    pending = sum(d.amount for d in st.deposits.values() if d.user_id == user.id and not d.credited)
    start, end = usage_period(st)
    used = sum(e.quantity for e in st.usage if e.user_id == user.id and start <= e.at < end)
    subs = [s for s in st.subscriptions.values()
            if s.user_id == user.id and st.roll_subscription(s).status in ("active", "trialing")]
    return ok({
        "balance": {"available": user.credits, "pending": pending, "currency": "usd"},
        "tier": user.tier,
        "tier_expires_at": ctx.clock.iso(max(s.current_period_end for s in subs)) if subs else None,
        "usage": {"current_period_start": ctx.clock.iso(start), "current_period_end": ctx.clock.iso(end),
                  "credits_used": used, "credits_remaining": user.credits},
    })


@op("create_payment_intent")
def create_payment_intent(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    signed_in(ctx, st)
    if st.cards_declined:
        raise ApiError(402, "CARD_DECLINED", "Your card was declined.")
    pid = new_id("pi", 12)
    return ok({"payment_intent_id": pid, "client_secret": f"{pid}_secret_{secrets.token_hex(8)}",
               "status": "requires_payment_method"})


@op("update_payment_method")
def update_payment_method(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    b = body_of(ctx)
    pm = str(b["payment_method_id"])
    if pm not in st.payment_methods:
        raise ApiError(404, "PAYMENT_METHOD_NOT_FOUND", f"No such payment method: {pm}")
    if pm not in user.payment_methods:
        user.payment_methods.append(pm)
    if b.get("set_default") or user.default_payment_method is None:
        user.default_payment_method = pm
    return ok({"message": "Payment method updated", "customer_id": f"cus_{user.id}", "payment_method_id": pm,
               "is_default": user.default_payment_method == pm})


def _deposit_view(st: SpapsState, dep: Deposit) -> tuple[Body, int, int]:
    current, required = st.deposit_progress(dep)
    return {"status": "completed" if dep.credited else ("confirming" if current else "pending")}, current, required


@op("create_wallet_deposit")
def create_wallet_deposit(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    b = body_of(ctx)
    chain = str(b["chain_type"]).lower()
    tx = str(b["transaction_id"])
    valid_tx = ETH_TX_RE.match(tx) if chain == "ethereum" else (
        chain == "solana" and is_solana_signature(tx))
    if not valid_tx:
        raise ApiError(422, "INVALID_TRANSACTION", f"transaction_id is not a {chain} transaction hash")
    if any(d.transaction_id == tx for d in st.deposits.values()):
        raise ApiError(422, "INVALID_TRANSACTION", "Transaction was already submitted")
    amount = float(b["amount"])
    if amount <= 0:
        raise ApiError(422, "INVALID_TRANSACTION", "amount must be positive")
    dep = Deposit(new_id("dep", 10), user.id, str(b["wallet_address"]), chain, tx, amount, str(b["currency"]),
                  b.get("tier"), ctx.clock.now())
    st.deposits[dep.deposit_id] = dep
    view, current, required = _deposit_view(st, dep)
    return ok({"deposit_id": dep.deposit_id, **view, "amount": amount, "currency": dep.currency,
               "confirmation_required": required, "confirmation_current": current})


@op("get_wallet_transaction")
def get_wallet_transaction(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    tx = ctx.path["transaction_id"]
    dep = next((d for d in st.deposits.values() if d.transaction_id == tx and d.user_id == user.id), None)
    if dep is None:
        raise ApiError(404, "TRANSACTION_NOT_FOUND", "Transaction not found")
    view, current, _ = _deposit_view(st, dep)
    return ok({"transaction_id": tx, **view, "confirmations": current, "chain_type": dep.chain_type,
               "amount": dep.amount, "currency": dep.currency,
               "balance_added": dep.amount if dep.credited else None,
               "completed_at": ctx.clock.iso(dep.completed_at) if dep.completed_at else None})


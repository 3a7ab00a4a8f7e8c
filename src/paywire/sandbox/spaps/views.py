"""SPAPS sandbox state as the JSON shapes of the wire, per pinned contract where they differ."""

from __future__ import annotations

from paywire.sandbox._framework import Clock
from paywire.sandbox.spaps.apps import Body, Contract
from paywire.sandbox.spaps.records import (
    CheckoutSession,
    Invoice,
    Payment,
    Price,
    Product,
    SecureMessage,
    Session,
    Subscription,
    UsageEvent,
    User,
    WhitelistEntry,
)
from paywire.sandbox.spaps.state import SpapsState, profile


def auth_user_view(user: User, contract: Contract) -> Body:
    """The user of a sign-in / register answer (``user_roles``: with roles and metadata)."""
    first = user.wallets[0] if user.wallets else None
    view: Body = {
        "id": user.id, "email": user.email, "username": user.username,
        "wallet_address": first.address if first else None, "chain": first.chain if first else None,
        "wallets": [w.address for w in user.wallets], "tier": user.tier,
        "email_confirmed": user.email_confirmed, "phone_number": user.phone_number,
    }
    if contract.has("user_roles"):
        view.update({"roles": ["user"], "permissions": [], "isAdmin": False, "metadata": dict(user.metadata)})
    return view


def current_user_view(user: User) -> Body:
    return {
        "id": user.id, "username": user.username, "email": user.email, "phone_number": user.phone_number,
        "wallets": [{"wallet_address": w.address, "chain_type": w.chain, "verified": w.verified}
                    for w in user.wallets],
        "tier": user.tier, "metadata": dict(user.metadata),
    }


def session_view(user: User, s: Session, clock: Clock) -> Body:
    now = clock.now()
    return {
        "id": s.id, "user_id": s.user_id, "application_id": s.application_id, "tier": user.tier,
        "created_at": clock.iso(s.created_at), "expires_at": clock.iso(s.expires_at),
        "last_activity": clock.iso(s.last_activity), "wallets_count": len(user.wallets),
        "duration_minutes": int((now - s.created_at) // 60),  # whole minutes, as spaps 0.1.4 parses them
        "idle_minutes": int((now - s.last_activity) // 60),
    }


def price_view(p: Price) -> Body:
    return {
        "id": p.id, "product": p.product, "unit_amount": p.unit_amount, "currency": p.currency,
        "type": p.type, "recurring": {"interval": p.interval, "interval_count": 1} if p.interval else None,
        "nickname": p.nickname, "active": p.active,
    }


def product_view(st: SpapsState, prod: Product, include_prices: bool = True) -> Body:
    prices = [st.prices[pid] for pid in prod.prices]
    return {
        "id": prod.id, "name": prod.name, "description": prod.description, "images": list(prod.images),
        "active": prod.active, "metadata": dict(prod.metadata),
        "prices": [price_view(p) for p in prices if p.active] if include_prices else [],
        "default_price": price_view(st.prices[prod.default_price]) if prod.default_price else None,
        "created_at": st.clock.iso(prod.created_at),  # spaps 0.1.4 parses an ISO string
    }


def subscription_view(st: SpapsState, sub: Subscription) -> Body:
    st.roll_subscription(sub)
    price = st.prices[sub.price_id]
    return {
        "id": sub.id, "status": sub.status, "current_period_start": sub.current_period_start,
        "current_period_end": sub.current_period_end, "cancel_at_period_end": sub.cancel_at_period_end,
        "canceled_at": sub.canceled_at,
        "items": [{"id": sub.item_id, "price": price_view(price), "quantity": sub.quantity}],
        "plan": {"id": price.id, "product": price.product, "amount": price.unit_amount,
                 "currency": price.currency, "interval": price.interval or "month", "interval_count": 1,
                 "nickname": price.nickname},
    }


def checkout_view(st: SpapsState, cs: CheckoutSession) -> Body:
    return {
        "id": cs.id, "status": st.checkout_status(cs), "payment_status": cs.payment_status,
        "customer_email": cs.customer_email, "amount_total": cs.amount_total, "currency": cs.currency,
        "success_url": cs.success_url, "cancel_url": cs.cancel_url,
        "client_reference_id": cs.client_reference_id, "metadata": dict(cs.metadata),
        "payment_intent": cs.payment_intent, "subscription": cs.subscription, "expires_at": int(cs.expires_at),
    }


def payment_view(p: Payment) -> Body:
    return {
        "id": p.id, "amount": p.amount, "currency": p.currency, "status": p.status,
        "description": p.description, "created": p.created, "payment_method_type": p.payment_method_type,
        "invoice_id": p.invoice_id, "invoice_pdf": p.invoice_pdf, "metadata": dict(p.metadata),
    }


def invoice_view(st: SpapsState, inv: Invoice) -> Body:
    return {
        "id": inv.id, "invoice_id": inv.id, "asset": inv.asset, "network": inv.network,
        "amount": str(inv.amount), "status": st.invoice_status(inv), "expires_at": st.clock.iso(inv.expires_at),
        "beneficiary": inv.beneficiary, "metadata": inv.metadata,
    }


def whitelist_view(e: WhitelistEntry) -> Body:
    return {"email": e.email, "application_id": e.application_id, "tier": e.tier,
            "bypass_payment": e.bypass_payment, "metadata": e.metadata}


def message_view(st: SpapsState, m: SecureMessage, clock: Clock, contract: Contract) -> Body:
    """A secure message; ``pair_messages`` adds its authorship (none for messages written
    through a contract without it)."""
    view: Body = {"id": m.id, "application_id": m.application_id, "patient_id": m.patient_id,
                  "practitioner_id": m.practitioner_id, "content": m.content, "metadata": m.metadata,
                  "created_at": clock.iso(m.created_at)}
    if contract.has("pair_messages"):
        a = profile(st).authorship.get(m.id)
        view.update({"sender_user_id": a.sender_user_id if a else None, "sender_role": a.sender_role if a else None,
                     "client_message_id": a.client_message_id if a else None})
    return view


def usage_record_view(ev: UsageEvent, clock: Clock, *, replayed: bool) -> Body:
    return {"event_id": ev.event_id, "status": "replayed" if replayed else "recorded", "replayed": replayed,
            "idempotency_key": ev.idempotency_key, "authorization_ref": ev.authorization_ref,
            "recorded_at": clock.iso(ev.recorded_at), "window_totals": dict(ev.window_totals)}


def usage_event_view(ev: UsageEvent, clock: Clock) -> Body:
    return {"event_id": ev.event_id, "feature_key": ev.feature_key, "resource_type": ev.resource_type,
            "resource_id": ev.resource_id, "subject_user_id": ev.subject_user_id,
            "authorization_ref": ev.authorization_ref, "idempotency_key": ev.idempotency_key,
            "dimensions": dict(ev.dimensions), "metadata": ev.metadata,
            "occurred_at": clock.iso(ev.occurred_at), "recorded_at": clock.iso(ev.recorded_at)}

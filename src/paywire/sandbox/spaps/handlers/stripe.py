"""SPAPS tag ``stripe``: checkout sessions (signed-in and guest), products, subscriptions and the
payment history. The seed era's ``create_checkout_session`` (tag ``payments``) is served by
the same handler.

Checkout sessions expire after :data:`~..constants.CHECKOUT_TTL` on the sandbox clock;
:meth:`~..state.SpapsState.complete_checkout` plays the customer paying. Subscriptions roll
over on the sandbox clock (month = 30 days) with a renewal payment, or end when
``cancel_at_period_end`` is set.

Where the pinned contracts differ: lists page by cursor or by offset (``offset_paging``; only
cursor paging answers a ``next_cursor``), ``checkout_line_items`` (checkout creation takes
``line_items`` and answers ``id`` and ``url`` too), ``checkout_trials`` (``trial_period_days``
needs mode subscription) and ``idempotency_header`` (guest checkout creation replays by
``Idempotency-Key``).
"""

from __future__ import annotations

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Body, Contract, ok, op
from paywire.sandbox.spaps.constants import CHECKOUT_TTL, MAGIC_LINK_TTL
from paywire.sandbox.spaps.idempotency import idempotent
from paywire.sandbox.spaps.paging import page_of
from paywire.sandbox.spaps.records import CheckoutSession, Price, Subscription, User
from paywire.sandbox.spaps.request_checks import (
    app_of,
    body_of,
    checked_email,
    checked_password,
    owned,
    signed_in,
)
from paywire.sandbox.spaps.state import SpapsState, new_id
from paywire.sandbox.spaps.views import checkout_view, payment_view, product_view, subscription_view


def _checkout_price(st: SpapsState, price_id: str, mode: str) -> Price:
    price = st.prices.get(price_id)
    if price is None or not price.active:
        raise ApiError(400, "INVALID_PRICE", f"No active price {price_id}")
    if (mode == "subscription") != (price.interval is not None):
        raise ApiError(400, "INVALID_PRICE", f"Price {price_id} cannot be used in {mode} mode")
    return price


def _new_checkout(st: SpapsState, ctx: Ctx, app_id: str, user: User | None, guest: bool, b: Body,
                  line_items: list[tuple[str, int]]) -> CheckoutSession:
    mode = str(b["mode"])
    prices = [(_checkout_price(st, pid, mode), qty) for pid, qty in line_items]
    if mode == "subscription" and len(prices) != 1:
        raise ApiError(400, "INVALID_PRICE", "Subscription checkout takes exactly one recurring price")
    now = ctx.clock.now()
    cs = CheckoutSession(
        id=new_id("cs_test", 16), application_id=app_id, user_id=user.id if user else None, guest=guest,
        mode=mode, line_items=line_items, success_url=str(b["success_url"]), cancel_url=str(b["cancel_url"]),
        customer_email=b.get("customer_email") or (user.email if user else None),
        client_reference_id=b.get("client_reference_id"), metadata=dict(b.get("metadata") or {}),
        created_at=now, expires_at=now + CHECKOUT_TTL,
        amount_total=sum(p.unit_amount * q for p, q in prices), currency=prices[0][0].currency,
    )
    st.checkout_sessions[cs.id] = cs
    return cs


def _checkout_url(cs: CheckoutSession) -> str:
    return f"https://checkout.sandbox.invalid/pay/{cs.id}"


def _line_items(b: Body) -> list[tuple[str, int]]:
    return [(str(i["price_id"]), int(i.get("quantity", 1))) for i in b["line_items"]]


def _check_trial(contract: Contract, b: Body) -> None:
    if contract.has("checkout_trials") and b.get("trial_period_days") is not None and b.get("mode") != "subscription":
        raise ApiError(400, "VALIDATION_ERROR", "trial_period_days needs mode subscription")


@op("create_checkout_session")
def create_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """One ``price_id`` (seed era, tag ``payments``), or ``line_items`` (``checkout_line_items``)."""
    app_id, user, _ = signed_in(ctx, st)
    b = body_of(ctx)
    _check_trial(contract, b)
    line_items = contract.has("checkout_line_items")
    cs = _new_checkout(st, ctx, app_id, user, False, b, _line_items(b) if line_items else [(str(b["price_id"]), 1)])
    if b.get("require_legal_consent"):
        cs.metadata["legal_consent_text"] = str(
            b.get("legal_consent_text") or "I agree to the Terms of Service and Privacy Policy.")
    url = _checkout_url(cs)
    created: Body = {"session_id": cs.id, "checkout_url": url, "expires_at": int(cs.expires_at)}
    return ok({"id": cs.id, "url": url, **created} if line_items else created)


def _own_checkout(ctx: Ctx, st: SpapsState) -> CheckoutSession:
    return owned(ctx, st, st.checkout_sessions, "session_id", "NOT_FOUND", "Checkout session")


def _guest_checkout(ctx: Ctx, st: SpapsState, app_id: str, session_id: str) -> CheckoutSession:
    cs = st.checkout_sessions.get(session_id)
    if cs is None or not cs.guest or cs.application_id != app_id:
        raise ApiError(404, "NOT_FOUND", "Guest checkout session not found")
    return cs


@op("list_checkout_sessions")
def list_checkout_sessions(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    mine = sorted((c for c in st.checkout_sessions.values() if c.user_id == user.id),
                  key=lambda c: (c.created_at, c.id), reverse=True)
    page, has_more = page_of(ctx, contract, mine, lambda c: c.id)
    cursor = page[-1].id if has_more and page and contract.has("cursor_paging") else None
    return ok({"sessions": [{"id": c.id, "status": st.checkout_status(c), "payment_status": c.payment_status,
                             "amount_total": c.amount_total, "currency": c.currency,
                             "created_at": int(c.created_at), "expires_at": int(c.expires_at)} for c in page],
               "has_more": has_more, "next_cursor": cursor})


@op("get_checkout_session")
def get_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    return ok(checkout_view(st, _own_checkout(ctx, st)))


@op("expire_checkout_session")
def expire_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    cs = _own_checkout(ctx, st)
    if st.checkout_status(cs) == "complete":
        raise ApiError(400, "INVALID_STATE", "A completed checkout session cannot be expired")
    cs.status = "expired"
    cs.expires_at = min(cs.expires_at, ctx.clock.now())
    return ok({"id": cs.id, "status": "expired", "expired": True})


@op("create_guest_checkout_session")
def create_guest_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    _check_trial(contract, body_of(ctx))
    return idempotent(ctx, st, contract, "guest_checkout", app_id, lambda: _create_guest_checkout(ctx, st, app_id))


def _create_guest_checkout(ctx: Ctx, st: SpapsState, app_id: str) -> Reply:
    b = body_of(ctx)
    b["customer_email"] = checked_email(b["customer_email"])
    cs = _new_checkout(st, ctx, app_id, None, True, b, _line_items(b))
    return ok({"id": cs.id, "url": _checkout_url(cs), "expiresAt": int(cs.expires_at),
               "customerEmail": cs.customer_email, "clientReferenceId": cs.client_reference_id,
               "successUrl": cs.success_url, "cancelUrl": cs.cancel_url})


@op("list_guest_checkout_sessions")
def list_guest_checkout_sessions(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    email = ctx.query.get("customer_email")
    guests = sorted((c for c in st.checkout_sessions.values() if c.guest and c.application_id == app_id
                     and (email is None or (c.customer_email or "") == email.strip().lower())),
                    key=lambda c: (c.created_at, c.id), reverse=True)
    page, has_more = page_of(ctx, contract, guests, lambda c: c.id)
    return ok({"sessions": [{"session_id": c.id, "status": st.checkout_status(c),
                             "payment_status": c.payment_status, "customer_email": c.customer_email,
                             "amount_total": c.amount_total, "currency": c.currency,
                             "created_at": ctx.clock.iso(c.created_at), "expires_at": ctx.clock.iso(c.expires_at)}
                            for c in page], "has_more": has_more})


@op("get_guest_checkout_session")
def get_guest_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    return ok(checkout_view(st, _guest_checkout(ctx, st, app_id, ctx.path["session_id"])))


@op("convert_guest_checkout_session")
def convert_guest_checkout_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    b = body_of(ctx)
    cs = _guest_checkout(ctx, st, app_id, str(b["session_id"]))
    if st.checkout_status(cs) != "complete":
        raise ApiError(400, "INVALID_STATE", "Only a completed guest checkout can be converted")
    email = checked_email(b["email"])
    user = st.user_by_email(email)
    created = user is None
    if user is None:
        password = checked_password(b["password"]) if b.get("password") else None
        user = st.create_user(email, password, email_confirmed=False)
    cs.user_id = user.id
    for pay in st.payments.values():
        if pay.metadata.get("checkout_session") == cs.id:
            pay.user_id = user.id
    if cs.subscription and cs.subscription in st.subscriptions:
        st.subscriptions[cs.subscription].user_id = user.id
    magic = bool(b.get("send_magic_link"))
    if magic:
        st.send_one_time_token("magic_link", email, MAGIC_LINK_TTL, "https://app.sandbox.invalid/auth/magic")
    return ok({"success": True, "userId": user.id,
               "message": "Account created" if created else "Purchase linked to existing account",
               "loginUrl": None if magic else "https://app.sandbox.invalid/login", "magicLinkSent": magic})


# --- stripe: catalogue, subscriptions, history ------------------------------------------------
@op("list_products")
def list_products(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    signed_in(ctx, st)
    q = ctx.query
    items = sorted(st.products.values(), key=lambda p: p.id)
    if "category" in q:
        items = [p for p in items if p.category == q["category"]]
    if "active" in q:
        items = [p for p in items if p.active == (q["active"].lower() == "true")]
    if "mode" in q:
        want = "recurring" if q["mode"] == "subscription" else "one_time"
        items = [p for p in items if any(st.prices[i].type == want for i in p.prices)]
    page, _ = page_of(ctx, contract, items, lambda p: p.id)
    return ok({"products": [product_view(st, p) for p in page], "total": len(items)})


@op("get_product")
def get_product(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    signed_in(ctx, st)
    prod = st.products.get(ctx.path["product_id"])
    if prod is None:
        raise ApiError(404, "NOT_FOUND", "Product not found")
    return ok(product_view(st, prod, ctx.query.get("include_prices", "true").lower() != "false"))


def _own_subscription(ctx: Ctx, st: SpapsState) -> Subscription:
    """The signed-in user's subscription the path names, rolled on to the sandbox clock."""
    sub = owned(ctx, st, st.subscriptions, "subscription_id", "SUBSCRIPTION_NOT_FOUND", "Subscription")
    return st.roll_subscription(sub)


@op("list_subscriptions")
def list_subscriptions(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    status = ctx.query.get("status")
    mine = sorted((st.roll_subscription(s) for s in st.subscriptions.values() if s.user_id == user.id),
                  key=lambda s: (s.current_period_start, s.id), reverse=True)
    if status is None:
        mine = [s for s in mine if s.status != "canceled"]
    elif status != "all":
        mine = [s for s in mine if s.status == status]
    page, has_more = page_of(ctx, contract, mine, lambda s: s.id)
    return ok({"subscriptions": [subscription_view(st, s) for s in page], "has_more": has_more})


@op("get_subscription")
def get_subscription(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    return ok(subscription_view(st, _own_subscription(ctx, st)))


@op("cancel_subscription")
def cancel_subscription(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    sub = _own_subscription(ctx, st)
    if sub.status == "canceled":
        raise ApiError(400, "INVALID_SUBSCRIPTION", "Subscription is already canceled")
    if body_of(ctx).get("immediately"):
        sub.status = "canceled"
        sub.canceled_at = int(ctx.clock.now())
        sub.cancel_at_period_end = False
    else:
        sub.cancel_at_period_end = True
        sub.canceled_at = int(ctx.clock.now())
    return ok(subscription_view(st, sub))


@op("update_subscription")
def update_subscription(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    sub = _own_subscription(ctx, st)
    if sub.status == "canceled":
        raise ApiError(400, "SUBSCRIPTION_UPDATE_ERROR", "A canceled subscription cannot be changed")
    price = _checkout_price(st, str(body_of(ctx)["price_id"]), "subscription")
    sub.price_id = price.id
    return ok(subscription_view(st, sub))


@op("list_payment_history")
def list_payment_history(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    for s in st.subscriptions.values():
        if s.user_id == user.id:
            st.roll_subscription(s)
    status = ctx.query.get("status")
    mine = sorted((p for p in st.payments.values() if p.user_id == user.id and (status is None or p.status == status)),
                  key=lambda p: (p.created, p.id), reverse=True)
    page, has_more = page_of(ctx, contract, mine, lambda p: p.id, ending_before=True)
    return ok({"payments": [payment_view(p) for p in page], "has_more": has_more, "total_count": len(mine)})


@op("get_payment_detail")
def get_payment_detail(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    return ok({"payment": payment_view(owned(ctx, st, st.payments, "payment_id", "PAYMENT_NOT_FOUND", "Payment"))})


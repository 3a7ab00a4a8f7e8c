"""Lumen ``seats`` tag: add and remove seats (idempotent by ``idempotency_key``), seat usage."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import bad_request, json_body, lumen_v1, not_found, parse_iso, state
from paywire.sandbox.lumen.state import Customer, LumenState, Seat, Subscription

#: (state, body, organization, its subscription, when) -> the reply, without its idempotency key
SeatChange = Callable[[LumenState, Mapping[str, Any], Customer, Subscription, float], dict[str, Any]]


def _seat_org(st: LumenState, body: Mapping[str, Any]) -> tuple[Customer, Subscription]:
    """The organization (by internal id, or its owner's external id) and its seat-priced subscription."""
    org_id = body.get("organization_id")
    owner = body.get("user_id")
    if not org_id and not owner:
        raise bad_request("Invalid request", "Provide organization_id or user_id.")
    cust = st.customers.get(org_id) if org_id else st.customer_by_external(owner or "")
    if cust is None:
        raise not_found(f"Organization not found: {org_id or owner}")
    sub = st.active_subscription(cust.id)
    if sub is None:
        raise bad_request("No active subscription found for organization")
    if st.plans[sub.plan_id].seat_component is None:
        raise bad_request("Subscription has no seat-based price component")
    return cust, sub


def _seat_time(st: LumenState, body: Mapping[str, Any]) -> float:
    raw = body.get("timestamp")
    if raw is None:
        return st.clock.now()
    parsed = parse_iso(str(raw))
    if parsed is None:
        raise bad_request("Invalid request", "timestamp must be a UTC ISO 8601 date-time ending in Z.")
    return parsed


def _idempotent_seat_change(ctx: Ctx, op: str, change: SeatChange) -> dict[str, Any]:
    """Run one seat change once per (op, organization, idempotency key): a replay gets the
    first reply (even if the seat changed since), a request without a key always runs."""
    st = state(ctx)
    body = json_body(ctx)
    key = body.get("idempotency_key")
    scope = str(body.get("organization_id") or body.get("user_id") or "")
    replay_key = (op, scope, str(key)) if key else None
    if replay_key is not None and replay_key in st.seat_replies:
        return dict(st.seat_replies[replay_key])
    cust, sub = _seat_org(st, body)
    reply = change(st, body, cust, sub, _seat_time(st, body))
    reply["idempotency_key"] = key
    if replay_key is not None:
        st.seat_replies[replay_key] = reply
    return reply


def _add(st: LumenState, body: Mapping[str, Any], cust: Customer, sub: Subscription, when: float) -> dict[str, Any]:
    user = str(body["created_user_id"])
    if any(s.user_id == user for s in st.active_seats(cust.id)):
        raise bad_request("User already has an active seat")
    st.seats.append(Seat(cust.id, user, sub.id, when, body.get("metadata"), body.get("created_user_info")))
    return {
        "message": "Seat added successfully",
        "user_id": body.get("user_id") or cust.external_id,
        "organization_id": cust.id,
        "created_user_id": user,
        "subscription_id": sub.id,
    }


def _remove(st: LumenState, body: Mapping[str, Any], cust: Customer, sub: Subscription, when: float) -> dict[str, Any]:
    user = str(body["removed_user_id"])
    seat = next((s for s in st.active_seats(cust.id) if s.user_id == user), None)
    if seat is None:
        raise not_found("User not found in active seats or already removed")
    seat.removed_at = when
    return {
        "message": "Seat removed successfully",
        "organization_id": cust.id,
        "removed_user_id": user,
        "subscription_id": seat.subscription_id,
    }


@lumen_v1.op("add_seat")
def add_seat(ctx: Ctx) -> dict[str, Any]:
    return _idempotent_seat_change(ctx, "add", _add)


@lumen_v1.op("remove_seat")
def remove_seat(ctx: Ctx) -> dict[str, Any]:
    return _idempotent_seat_change(ctx, "remove", _remove)


@lumen_v1.op("get_seat_usage")
def get_seat_usage(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    cust = st.customers.get(ctx.path["customerId"])
    if cust is None:
        raise not_found()
    return views.seat_usage_view(st, cust, st.active_subscription(cust.id))

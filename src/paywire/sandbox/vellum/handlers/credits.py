"""Tag ``credits`` (v2's spec): credit types and packs, balances, all-or-nothing idempotent
consumption, and checkout for packs."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.vellum.apps import begin, body, operation
from paywire.sandbox.vellum.records import CREDIT_PACKS, CREDIT_TYPES, CURRENCY, CheckoutSession, token


def _credit_type(type_id: str) -> str:
    if type_id not in CREDIT_TYPES:
        raise ApiError(404, "NOT_FOUND", "credit type not found")
    return type_id


@operation("create_credit_checkout")
def create_credit_checkout(ctx: Ctx) -> dict[str, Any]:
    st, t, contract = begin(ctx)
    data = body(ctx)
    cust = st.customer_of(t, ctx.path["accountId"], str(data["customerId"]))
    raw_items: list[dict[str, Any]] = list(data.get("items") or [])
    if not raw_items and (data.get("creditTypeId") is not None or data.get("packId") is not None):
        raw_items = [
            {
                "creditTypeId": data.get("creditTypeId"),
                "packId": data.get("packId"),
                "quantity": data.get("quantity", 1),
            }
        ]
    if not raw_items:
        raise ApiError(400, "BAD_REQUEST", "name at least one credit pack (items, or creditTypeId + packId)")
    items: list[tuple[str, int]] = []
    for item in raw_items:
        pack = CREDIT_PACKS.get(str(item.get("packId")))
        if pack is None or pack[0] != item.get("creditTypeId"):
            raise ApiError(400, "UNKNOWN_PACK", "unknown credit pack for this credit type")
        items.append((str(item["packId"]), int(item.get("quantity", 1))))
    session = CheckoutSession(
        token("cs", 12), "credits", contract.version, cust.account_id, cust.customer_id, items=items
    )
    return st.new_session(t, session)


@operation("list_credit_types")
def list_credit_types(ctx: Ctx) -> dict[str, Any]:
    begin(ctx)
    return {
        "creditTypes": [{"id": k, "name": name, "unit": unit} for k, (name, unit) in CREDIT_TYPES.items()]
    }


@operation("list_credit_packs")
def list_credit_packs(ctx: Ctx) -> dict[str, Any]:
    begin(ctx)
    type_id = _credit_type(ctx.path["creditTypeId"])
    return {
        "packs": [
            {
                "id": pack_id,
                "creditTypeId": tid,
                "name": name,
                "credits": credits,
                "price": price,
                "currency": CURRENCY,
            }
            for pack_id, (tid, name, credits, price) in CREDIT_PACKS.items()
            if tid == type_id
        ]
    }


@operation("list_credits")
def list_credits(ctx: Ctx) -> dict[str, Any]:
    st, t, _ = begin(ctx)
    return {"credits": st.balances(t, st.known_customer(t, ctx.path["customerId"]).customer_id)}


@operation("get_credit_balance")
def get_credit_balance(ctx: Ctx) -> dict[str, Any]:
    st, t, _ = begin(ctx)
    customer_id = st.known_customer(t, ctx.path["customerId"]).customer_id
    type_id = _credit_type(ctx.path["creditTypeId"])
    return {"creditTypeId": type_id, "balance": t.credits.get((customer_id, type_id), 0)}


@operation("consume_credits")
def consume_credits(ctx: Ctx) -> dict[str, Any]:
    st, t, _ = begin(ctx)
    data = body(ctx)
    customer_id = st.known_customer(t, ctx.path["customerId"]).customer_id
    type_id = _credit_type(ctx.path["creditTypeId"])
    return st.consume(t, customer_id, type_id, int(data["amount"]), str(data["idempotencyKey"]))

"""Iterating every item of paged lists (cursor and offset) without writing the loop, sync and async."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import call, collect, ok, tokens

#: fields the contracts require on list items besides the id
ITEM_REQUIRED: dict[str, dict[str, Any]] = {"subscriptions": {"status": "active"}}


def _page(key: str, ids: list[str], *, id_key: str = "id", **extra: Any) -> httpx.Response:
    return ok({key: [{id_key: i, **ITEM_REQUIRED.get(key, {})} for i in ids], **extra})


async def test_sessions_follow_has_more(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/sessions").mock(side_effect=[
        _page("sessions", ["s1", "s2"], has_more=True), _page("sessions", ["s3"], has_more=False)])
    client = make()
    client.set_tokens(tokens())
    items = await collect(client.sessions.iter_sessions(page_size=2))
    assert [s.session_id for s in items] == ["s1", "s2", "s3"]
    assert [c.request.url.params.get("starting_after") for c in route.calls] == [None, "s2"]
    assert all(c.request.url.params["limit"] == "2" for c in route.calls)


async def test_sessions_without_has_more_stop_on_a_short_page(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/sessions").mock(side_effect=[_page("sessions", ["s1", "s2"], total=3),
                                                         _page("sessions", ["s3"], total=3)])
    client = make()
    client.set_tokens(tokens())
    assert len(await collect(client.sessions.iter_sessions(page_size=2))) == 3
    assert route.call_count == 2


async def test_checkout_sessions_use_next_cursor(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/stripe/checkout-sessions").mock(side_effect=[
        _page("sessions", ["cs_1"], has_more=True, next_cursor="cur_a"), _page("sessions", ["cs_2"], has_more=False)])
    client = make()
    client.set_tokens(tokens())
    assert [s.id for s in await collect(client.payments.iter_checkout_sessions(page_size=1))] == ["cs_1", "cs_2"]
    assert route.calls[1].request.url.params["starting_after"] == "cur_a"


@pytest.mark.parametrize("method,path,key,id_key", [
    ("iter_subscriptions", "/api/stripe/subscriptions", "subscriptions", "id"),
    ("iter_payment_history", "/api/stripe/history", "payments", "id"),
    ("iter_guest_checkout_sessions", "/api/stripe/guest-checkout-sessions", "sessions", "session_id"),
])
async def test_stripe_cursor_lists(make: Any, mock: respx.MockRouter, method: str, path: str, key: str,
                                   id_key: str) -> None:
    route = mock.get(path).mock(side_effect=[_page(key, ["a1", "a2"], id_key=id_key, has_more=True),
                                             _page(key, ["a3"], id_key=id_key, has_more=False)])
    client = make()
    client.set_tokens(tokens())
    items = await collect(getattr(client.payments, method)(page_size=2))
    assert [getattr(i, id_key) for i in items] == ["a1", "a2", "a3"]
    assert route.calls[1].request.url.params["starting_after"] == "a2"


async def test_products_stop_at_total(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/stripe/products").mock(side_effect=[
        _page("products", ["p1", "p2"], total=4), _page("products", ["p3", "p4"], total=4)])
    client = make()
    client.set_tokens(tokens())
    products = await collect(client.payments.iter_products(category="subscription", page_size=2))
    assert [p.id for p in products] == ["p1", "p2", "p3", "p4"] and route.call_count == 2
    assert route.calls[0].request.url.params["category"] == "subscription"


async def test_a_server_ignoring_the_cursor_does_not_loop_forever(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/stripe/subscriptions").mock(return_value=_page("subscriptions", ["same"], has_more=True))
    client = make()
    client.set_tokens(tokens())
    items = await collect(client.payments.iter_subscriptions(page_size=1))
    assert [i.id for i in items] == ["same", "same"] and route.call_count == 2


async def test_whitelist_offset_paging(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/whitelist").mock(side_effect=[
        ok({"entries": [{"email": f"u{i}@example.com"} for i in range(3)], "total": 5}),
        ok({"entries": [{"email": f"u{i}@example.com"} for i in range(3, 5)], "total": 5})])
    client = make()
    client.set_tokens(tokens())
    entries = await collect(client.whitelist.iter_entries(tier="premium", page_size=3))
    assert [e.email for e in entries] == [f"u{i}@example.com" for i in range(5)]
    assert [c.request.url.params["offset"] for c in route.calls] == ["0", "3"]
    assert route.calls[0].request.url.params["tier"] == "premium"


async def test_empty_list(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/stripe/history").mock(return_value=ok({"payments": [], "has_more": True}))
    client = make()
    client.set_tokens(tokens())
    assert await collect(client.payments.iter_payment_history()) == []
    single = await call(client.payments.list_payment_history)
    assert single.payments == [] and single.has_more is True

"""LumenClient / AsyncLumenClient over real HTTP against the sandbox (both flavours)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from _lumen_helpers import call

from paywire.lumen import (
    FreeSubscriptionResult,
    LumenAuthenticationError,
    LumenBadRequestError,
    LumenConflictError,
    LumenNotFoundError,
)
from paywire.sandbox.lumen import API_CALL_EVENT, DEFAULT_API_KEY, FREE_PLAN_ID, PRO_PLAN_ID, LumenState

Make = Callable[..., Any]


@pytest.fixture
def state(paywire_sandbox: Any) -> LumenState:
    st: LumenState = paywire_sandbox.state("lumen")
    return st


@pytest.fixture
def client(make: Make, paywire_sandbox: Any) -> Any:
    return make(api_key=DEFAULT_API_KEY, api_url=paywire_sandbox.base_url("lumen") + "/v1")


async def test_signup_to_usage(client: Any, state: LumenState) -> None:
    status = await call(client.get_subscription_status, "ada")
    assert status.has_active_subscription is False and status.customer is None
    enrolled = await call(client.enroll_user, "ada@example.com", "Ada", "ada")
    assert enrolled.plan.id == FREE_PLAN_ID
    with pytest.raises(LumenConflictError):
        await call(client.enroll_user, "ada@example.com", "Ada", "ada")
    again = await call(client.create_free_subscription_if_none_exists, "ada@example.com", "Ada", "ada")
    assert isinstance(again, FreeSubscriptionResult) and again.created is False
    assert again.subscription.id == enrolled.subscription.id

    status = await call(client.get_subscription_status, "ada")
    assert status.has_active_subscription and status.subscription.plan_name == "Free"
    assert await call(client.get_features, user_id="ada") == {
        "api-calls": True, "premium-feature": False, "team-seats": True}
    assert await call(client.is_feature_entitled, "premium-feature", user_id="ada") is False

    first = await call(client.send_event, API_CALL_EVENT, 5, user_id="ada", idempotency_key="evt-ada-1")
    dup = await call(client.send_event, API_CALL_EVENT, 5, user_id="ada", idempotency_key="evt-ada-1")
    assert first.deduplicated is False and dup.deduplicated is True and dup.event.id == first.event.id
    usage = {e.feature.slug: e for e in await call(client.get_usage, user_id="ada")}
    assert usage["api-calls"].usage == 5 and usage["api-calls"].limit == 100  # own event invalidated the cache

    cus = status.customer.id
    state.subscribe("ada", PRO_PLAN_ID)  # changed behind the client's back
    assert await call(client.is_feature_entitled, "premium-feature", lumen_customer_id=cus) is True
    assert len(await call(client.get_usage, lumen_customer_id=cus)) == 3
    assert await call(client.is_feature_entitled, "premium-feature", user_id="ada") is False  # still cached
    client.invalidate(user_id="ada")
    assert await call(client.is_feature_entitled, "premium-feature", user_id="ada") is True


async def test_limits_flip_with_usage(client: Any, state: LumenState) -> None:
    state.subscribe("bob", FREE_PLAN_ID)
    assert await call(client.is_feature_entitled, "api-calls", user_id="bob") is True
    await call(client.send_event, API_CALL_EVENT, 100, user_id="bob")
    assert await call(client.is_feature_entitled, "api-calls", user_id="bob") is False
    entitlement = await call(client.get_entitlement, "api-calls", user_id="bob")
    assert entitlement.entitled is False and entitlement.usage == 100


async def test_seats(client: Any, state: LumenState) -> None:
    sub = state.subscribe("owner", PRO_PLAN_ID)
    added = await call(client.add_seat, "dev1", organization_id=sub.customer_id, metadata={"role": "dev"},
                       idempotency_key="seat-1")
    replay = await call(client.add_seat, "dev1", organization_id=sub.customer_id, idempotency_key="seat-1")
    assert added.subscription_id == sub.id and replay.idempotency_key == "seat-1"
    await call(client.add_seat, "dev2", organisation_user_id="owner")
    usage = await call(client.get_seat_usage, sub.customer_id)
    assert usage.seat_usages[0].current_usage == 2
    by_user = await call(client.get_seat_usage_by_user, "owner")
    assert by_user.customer_id == sub.customer_id
    assert await call(client.get_seat_usage_by_user, "nobody") is None
    await call(client.remove_seat, "dev1", organization_id=sub.customer_id)
    with pytest.raises(LumenNotFoundError, match="User not found in active seats"):
        await call(client.remove_seat, "dev1", organization_id=sub.customer_id)
    with pytest.raises(LumenNotFoundError, match="Customer not found"):
        await call(client.get_seat_usage, "cus_" + "Z" * 22)
    with pytest.raises(LumenBadRequestError):
        await call(client.get_seat_usage, "not-a-cus-id")


async def test_portal_flow(client: Any, state: LumenState) -> None:
    sub = state.subscribe("carol", PRO_PLAN_ID)
    overview = await call(client.get_customer_overview, "carol")
    linked = overview.payment_methods[0]
    assert linked.linked_to_subscription is True and overview.subscription.id == sub.id
    intent = await call(client.create_setup_intent, "carol")
    pm = state.complete_setup_intent(intent.stripe.intent_id, brand="mastercard", last4="4444")
    with pytest.raises(LumenConflictError):
        await call(client.remove_payment_method, linked.id, external_customer_id="carol")
    assert (await call(client.set_subscription_payment_method, "carol", pm.id)).success is True
    assert (await call(client.remove_payment_method, linked.id, external_customer_id="carol")).success is True
    with pytest.raises(LumenNotFoundError):
        await call(client.remove_payment_method, pm.id, external_customer_id="someone-else")
    invoice = overview.invoices[0]
    pdf = await call(client.get_invoice_pdf, invoice.id)
    assert pdf.invoice.id == invoice.id and pdf.expires_in == 900 and pdf.pdf_url.startswith("https://")


async def test_wrong_key(make: Make, paywire_sandbox: Any) -> None:
    bad = make(api_key="lumen_sk_wrong_key_000", api_url=paywire_sandbox.base_url("lumen"))
    with pytest.raises(LumenAuthenticationError) as info:
        await call(bad.get_subscription_status, "ada")
    assert info.value.status_code == 401 and "lumen_sk_wrong_key_000" not in repr(info.value)


async def test_get_retried_through_503(client: Any, paywire_sandbox: Any, state: LumenState) -> None:
    state.subscribe("dan", FREE_PLAN_ID)
    paywire_sandbox.faults.add("lumen:get_subscription_status", status=503, times=2)
    assert (await call(client.get_subscription_status, "dan")).has_active_subscription is True
    ops = [r["op"] for r in paywire_sandbox.requests]
    assert ops.count("get_subscription_status") == 3


async def test_event_resent_after_a_dropped_reply_counts_once(client: Any, paywire_sandbox: Any,
                                                              state: LumenState) -> None:
    state.subscribe("erin", FREE_PLAN_ID)
    paywire_sandbox.faults.add("lumen:send_event", reset="after", times=1)  # committed, reply lost
    result = await call(client.send_event, API_CALL_EVENT, 3, user_id="erin")
    assert result.deduplicated is True  # the resend carried the generated key
    assert len(state.events_for("erin", API_CALL_EVENT)) == 1


async def test_seat_resent_after_a_dropped_reply_is_replayed(client: Any, paywire_sandbox: Any,
                                                             state: LumenState) -> None:
    sub = state.subscribe("frank", PRO_PLAN_ID)
    paywire_sandbox.faults.add("lumen:add_seat", reset="after", times=1)
    added = await call(client.add_seat, "dev9", organization_id=sub.customer_id)
    assert added.created_user_id == "dev9" and len(state.active_seats("frank")) == 1


async def test_free_subscription_resent_after_a_dropped_reply(client: Any, paywire_sandbox: Any,
                                                              state: LumenState) -> None:
    paywire_sandbox.faults.add("lumen:create_free_subscription", reset="after", times=1)
    result = await call(client.create_free_subscription, "gus@example.com", "Gus", "gus")
    assert result.created is False and result.subscription.status == "active"  # created by the lost try
    assert len([s for s in state.subscriptions.values() if s.active]) == 1

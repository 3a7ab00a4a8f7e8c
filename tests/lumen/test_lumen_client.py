"""LumenClient / AsyncLumenClient against respx: every operation, error mapping, config, cache.

Each scenario runs on both flavours (the ``make`` fixture is parametrized sync/async).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _lumen_helpers import (
    API_KEY,
    BASE,
    CUS,
    ENTITLEMENTS,
    SEAT_USAGE,
    STATUS_OK,
    SUBSCRIPTION,
    body_of,
    call,
)
from _support.concurrency import run_threads

import paywire
from paywire.lumen import (
    AsyncLumenClient,
    FreeSubscriptionResult,
    LumenAPIError,
    LumenAuthenticationError,
    LumenBadRequestError,
    LumenClient,
    LumenConfigurationError,
    LumenConflictError,
    LumenError,
    LumenNotFoundError,
    LumenPermissionError,
    LumenRateLimitError,
    LumenResponseError,
    LumenValidationError,
)
from paywire.lumen.client import event_value_fields, normalize_base_url

Make = Callable[..., Any]


# --- configuration -----------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "https://api.getlumen.dev", "https://api.getlumen.dev/", "https://api.getlumen.dev/v1",
    "https://api.getlumen.dev/v1/", " https://api.getlumen.dev//v1// ",
])
def test_base_url_tolerates_trailing_slash_and_v1(url: str) -> None:
    assert normalize_base_url(url) == "https://api.getlumen.dev"


def test_base_url_keeps_a_path_prefix_and_never_strips_characters() -> None:
    assert normalize_base_url("http://127.0.0.1:9/lumen/v1") == "http://127.0.0.1:9/lumen"
    assert normalize_base_url("https://x.example/apiv1") == "https://x.example/apiv1"


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(LumenConfigurationError, match="plain-HTTP"):
        LumenClient(api_key=API_KEY, api_url="http://api.example.com")
    LumenClient(api_key=API_KEY, api_url="http://api.example.com", allow_insecure_http=True).close()


def test_missing_key_is_a_configuration_error() -> None:
    with pytest.raises(LumenConfigurationError, match="Lumen API key is not set") as info:
        LumenClient()
    assert isinstance(info.value, paywire.ConfigError) and isinstance(info.value, LumenError)


async def test_env_and_default_url(env: pytest.MonkeyPatch, make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
    client = make(api_key=None, api_url=None)
    assert client.base_url == BASE
    await call(client.get_subscription_status, "u1")
    assert route.calls.last.request.headers["authorization"] == f"Bearer {API_KEY}"
    env.delenv("LUMEN_API_URL")
    prod = make(api_key=None, api_url=None)
    assert prod.base_url == "https://api.getlumen.dev"


def test_repr_and_errors_hide_the_key() -> None:
    client = LumenClient(api_key=API_KEY, api_url=BASE)
    assert API_KEY not in repr(client) and "lume" in repr(client)
    client.close()


def test_value_mapping_matches_the_original() -> None:
    assert event_value_fields(None) == (1, None)
    assert event_value_fields(5) == (5, None)
    assert event_value_fields(2.9) == (2, None)
    assert event_value_fields(-1.5) == (-1, None)
    assert event_value_fields(True) == (1, None)
    assert event_value_fields(False) == (0, None)
    assert event_value_fields("premium") == (None, "premium")
    with pytest.raises(LumenValidationError):
        event_value_fields(float("nan"))
    with pytest.raises(LumenValidationError):
        event_value_fields(object())


# --- customers ------------------------------------------------------------------------------------
async def test_subscription_status(make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
    status = await call(make().get_subscription_status, "user 1/é")
    assert status.has_active_subscription is True
    assert status.customer.id == CUS
    assert status.subscription.plan_name == "Pro"
    assert route.calls.last.request.url.params["externalCustomerId"] == "user 1/é"


async def test_subscription_status_unknown_user(make: Make, mock: respx.MockRouter) -> None:
    mock.get("/v1/customers/subscription-status").respond(
        json={"hasActiveSubscription": False, "customer": None, "subscription": None})
    status = await call(make().get_subscription_status, "nobody")
    assert status.has_active_subscription is False and status.customer is None


async def test_customer_overview_with_and_without_wrapper(make: Make, mock: respx.MockRouter) -> None:
    portal = {"customer": {"id": CUS}, "subscription": None, "paymentMethods": [], "invoices": [],
              "payments": []}
    mock.get("/v1/customers/portal/overview").mock(side_effect=[
        httpx.Response(200, json={"portal": portal}), httpx.Response(200, json=portal)])
    client = make()
    for _ in range(2):
        overview = await call(client.get_customer_overview, "u1")
        assert overview.customer.id == CUS and overview.invoices == []


# --- entitlements ----------------------------------------------------------------------------------
async def test_usage_features_and_entitlement(make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/entitlements/u1").respond(json=ENTITLEMENTS)
    client = make(cache_ttl_ms=0)
    usage = await call(client.get_usage, user_id="u1")
    assert [e.feature.slug for e in usage] == ["api-calls", "premium-feature", ""]
    assert usage[0].usages[0].usage == 3 and usage[0].limit == 100
    assert await call(client.get_features, user_id="u1") == {"api-calls": True, "premium-feature": False}
    assert route.calls.last.request.url.params["isExtCustId"] == "true"
    mock.get(f"/v1/entitlements/{CUS}").respond(json=ENTITLEMENTS)
    await call(client.get_usage, lumen_customer_id=CUS)
    assert mock.calls.last.request.url.params["isExtCustId"] == "false"


async def test_feature_check_uncached_uses_the_feature_endpoint(make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/entitlements/u1/feature/premium-feature").mock(side_effect=[
        httpx.Response(200, json={"entitled": True, "feature": {"slug": "premium-feature"}, "source": "plan"}),
        httpx.Response(200, json={"entitled": "yes", "feature": {"slug": "premium-feature"}, "source": "plan"}),
    ])
    client = make(cache_ttl_ms=0)
    assert await call(client.is_feature_entitled, "premium-feature", user_id="u1") is True
    with pytest.raises(LumenResponseError, match="entitled: expected bool"):  # not read as truthy
        await call(client.is_feature_entitled, "premium-feature", user_id="u1")
    assert route.call_count == 2


async def test_get_entitlement_typed(make: Make, mock: respx.MockRouter) -> None:
    mock.get(f"/v1/entitlements/{CUS}/feature/api-calls").respond(json={
        "entitled": True, "feature": {"slug": "api-calls", "value": 100}, "source": "credits",
        "creditInfo": {"creditAllowance": 50, "creditsRemaining": 10, "nextExpiryDate": None}})
    ent = await call(make().get_entitlement, "api-calls", lumen_customer_id=CUS)
    assert ent.source == "credits" and ent.credit_info.credits_remaining == 10


async def test_customer_id_is_required(make: Make, mock: respx.MockRouter) -> None:
    client = make()
    for op in (client.get_usage, client.get_features):
        with pytest.raises(LumenValidationError, match="Either user_id or lumen_customer_id"):
            await call(op)
    with pytest.raises(LumenValidationError):
        await call(client.is_feature_entitled, "x")
    assert not mock.calls


# --- the entitlement cache -----------------------------------------------------------------------
async def test_cache_hit_does_no_io_and_own_event_invalidates(make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/entitlements/u1").respond(json=ENTITLEMENTS)
    mock.post("/v1/events").respond(202, json={"message": "Event accepted"})
    client = make()
    assert await call(client.is_feature_entitled, "api-calls", user_id="u1") is True
    assert await call(client.is_feature_entitled, "premium-feature", user_id="u1") is False
    assert await call(client.is_feature_entitled, "not-listed", user_id="u1") is False
    assert await call(client.get_features, user_id="u1") == {"api-calls": True, "premium-feature": False}
    assert len(await call(client.get_usage, user_id="u1")) == 3
    assert route.call_count == 1
    await call(client.send_event, "api_call", 1, user_id="u1")
    await call(client.get_features, user_id="u1")
    assert route.call_count == 2
    client.invalidate(user_id="u1")
    await call(client.get_features, user_id="u1")
    client.invalidate()
    await call(client.get_features, user_id="u1")
    assert route.call_count == 4
    assert client.cache.stats()["size"] == 1


async def test_cache_error_is_not_cached(make: Make, mock: respx.MockRouter) -> None:
    mock.get("/v1/entitlements/u1").mock(side_effect=[
        httpx.Response(404, json={"error": "Customer not found"}), httpx.Response(200, json=ENTITLEMENTS)])
    client = make()
    with pytest.raises(LumenNotFoundError):
        await call(client.is_feature_entitled, "api-calls", user_id="u1")
    assert await call(client.is_feature_entitled, "api-calls", user_id="u1") is True


def test_sync_single_flight_across_threads() -> None:
    started = threading.Event()
    calls = []

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        started.set()
        time.sleep(0.2)
        return httpx.Response(200, json=ENTITLEMENTS)

    with respx.mock(base_url=BASE) as mock, LumenClient(api_key=API_KEY, api_url=BASE) as client:
        mock.get("/v1/entitlements/u1").mock(side_effect=slow)
        results: list[bool] = []
        run_threads([lambda: results.append(client.is_feature_entitled("api-calls", user_id="u1"))] * 8)
    assert results == [True] * 8
    assert len(calls) == 1


async def test_async_single_flight_across_tasks() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)
        return httpx.Response(200, json=ENTITLEMENTS)

    async with AsyncLumenClient(api_key=API_KEY, api_url=BASE) as client:
        with respx.mock(base_url=BASE) as mock:
            route = mock.get("/v1/entitlements/u1").mock(side_effect=slow)
            results = await asyncio.gather(*(client.is_feature_entitled("api-calls", user_id="u1")
                                             for _ in range(10)))
    assert results == [True] * 10
    assert route.call_count == 1


async def test_invalidation_during_a_fetch_is_not_overwritten() -> None:
    gate = asyncio.Event()
    answers = [ENTITLEMENTS, {"entitlements": []}]

    async def slow(request: httpx.Request) -> httpx.Response:
        body = answers.pop(0)
        if body is ENTITLEMENTS:
            await gate.wait()
        return httpx.Response(200, json=body)

    async with AsyncLumenClient(api_key=API_KEY, api_url=BASE) as client:
        with respx.mock(base_url=BASE) as mock:
            mock.get("/v1/entitlements/u1").mock(side_effect=slow)
            first = asyncio.ensure_future(client.is_feature_entitled("api-calls", user_id="u1"))
            await asyncio.sleep(0.01)
            client.invalidate(user_id="u1")  # the in-flight (older) answer must not be cached
            gate.set()
            assert await first is True
            assert await client.is_feature_entitled("api-calls", user_id="u1") is False


# --- events -----------------------------------------------------------------------------------------
async def test_send_event_body_and_generated_key(make: Make, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/events").respond(202, json={
        "event": {"id": "evt_1", "eventName": "api_call", "customerId": CUS}, "deduplicated": False})
    client = make()
    result = await call(client.send_event, "api_call", 2.7, user_id="u1", lumen_customer_id=CUS,
                        timestamp="2025-01-01T00:00:00Z", properties={"a": 1})
    assert result.deduplicated is False and result.event.id == "evt_1"
    body = body_of(route.calls.last.request)
    key = body.pop("idempotencyKey")
    assert len(key) == 36
    assert body == {"eventName": "api_call", "eventValue": 2, "customerId": CUS, "extCustomerId": "u1",
                    "eventTimestamp": "2025-01-01T00:00:00Z", "properties": {"a": 1}}
    await call(client.send_event, "feature_used", "premium", user_id="u1", idempotency_key="k-1")
    body = body_of(route.calls.last.request)
    assert body["eventString"] == "premium" and "eventValue" not in body and body["idempotencyKey"] == "k-1"


async def test_send_event_older_message_body(make: Make, mock: respx.MockRouter) -> None:
    mock.post("/v1/events").respond(202, json={"message": "Event accepted"})
    result = await call(make().send_event, "api_call", user_id="u1")
    assert result.message == "Event accepted"


async def test_send_event_retries_with_the_same_key(make: Make, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/events").mock(side_effect=[
        httpx.Response(503, json={"error": "busy"}), httpx.ConnectError("boom"),
        httpx.Response(202, json={"message": "ok"})])
    await call(make().send_event, "api_call", 1, user_id="u1")
    keys = {body_of(c.request)["idempotencyKey"] for c in route.calls}
    assert route.call_count == 3 and len(keys) == 1


@pytest.mark.parametrize("bad", ["has space", "x" * 256, "ünïcode"])
async def test_send_event_rejects_a_bad_key(make: Make, mock: respx.MockRouter, bad: str) -> None:
    with pytest.raises(LumenValidationError) as info:
        await call(make().send_event, "api_call", user_id="u1", idempotency_key=bad)
    assert info.value.field == "idempotency_key" and not mock.calls


async def test_send_event_needs_a_customer(make: Make, mock: respx.MockRouter) -> None:
    with pytest.raises(LumenValidationError):
        await call(make().send_event, "api_call", 1)
    assert not mock.calls


# --- seats -------------------------------------------------------------------------------------------
async def test_add_and_remove_seat(make: Make, mock: respx.MockRouter) -> None:
    add = mock.post("/v1/seats/add").respond(json={
        "message": "Seat added successfully", "organization_id": CUS, "created_user_id": "u2",
        "subscription_id": "sub_1", "idempotency_key": "s-1"})
    remove = mock.post("/v1/seats/remove").respond(json={
        "message": "Seat removed successfully", "organization_id": CUS, "removed_user_id": "u2",
        "subscription_id": "sub_1", "idempotency_key": None})
    client = make()
    added = await call(client.add_seat, "u2", organization_id=CUS, metadata={"role": "dev"},
                       idempotency_key="s-1", timestamp="2025-01-01T00:00:00Z")
    assert added.created_user_id == "u2"
    assert body_of(add.calls.last.request) == {
        "created_user_id": "u2", "organization_id": CUS, "metadata": {"role": "dev"},
        "idempotency_key": "s-1", "timestamp": "2025-01-01T00:00:00Z"}
    removed = await call(client.remove_seat, "u2", organisation_user_id="owner")
    assert removed.removed_user_id == "u2"
    sent = body_of(remove.calls.last.request)
    assert sent["user_id"] == "owner" and sent["removed_user_id"] == "u2" and sent["idempotency_key"]


async def test_seat_validation(make: Make, mock: respx.MockRouter) -> None:
    client = make()
    with pytest.raises(LumenValidationError, match="Either organization_id or organisation_user_id"):
        await call(client.add_seat, "u2")
    with pytest.raises(LumenValidationError, match="ending in 'Z'"):
        await call(client.remove_seat, "u2", organization_id=CUS, timestamp="2025-01-01T00:00:00+01:00")
    assert not mock.calls


async def test_seat_usage_and_by_user(make: Make, mock: respx.MockRouter) -> None:
    mock.get(f"/v1/seats/usage/{CUS}").respond(json=SEAT_USAGE)
    status = mock.get("/v1/customers/subscription-status").mock(side_effect=[
        httpx.Response(200, json=STATUS_OK),
        httpx.Response(200, json={"hasActiveSubscription": False, "customer": {"id": CUS}}),
        httpx.Response(200, json={"hasActiveSubscription": False, "customer": None})])
    client = make()
    usage = await call(client.get_seat_usage, CUS)
    assert usage.seat_usages[0].current_usage == 2
    assert (await call(client.get_seat_usage_by_user, "u1")).customer_id == CUS
    assert await call(client.get_seat_usage_by_user, "u1") is None
    assert await call(client.get_seat_usage_by_user, "u1") is None
    assert status.call_count == 3


# --- enrollment / free subscription ----------------------------------------------------------------
async def test_enroll_user_body_and_result(make: Make, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/enrollment/enroll").respond(201, json={
        "message": "Enrollment subscription created successfully", "subscription": SUBSCRIPTION,
        "invoice": None, "plan": {"id": "plan_int_x"}, "credit_grants_created": 0})
    result = await call(make().enroll_user, "a@example.com", "Ada", "u1", plan_id="plan_int_x",
                        billing_country="DE", tax_id=None)
    assert result.subscription.id == "sub_1" and result.plan.id == "plan_int_x"
    assert body_of(route.calls.last.request) == {
        "customerEmail": "a@example.com", "customerName": "Ada", "userId": "u1", "planId": "plan_int_x",
        "billingCountry": "DE"}


async def test_enroll_conflict_and_no_retry_without_key(make: Make, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/enrollment/enroll").respond(409, json={
        "error": "Subscription already exists for this customer", "subscription": SUBSCRIPTION})
    with pytest.raises(LumenConflictError) as info:
        await call(make().enroll_user, "a@example.com", "Ada", "u1")
    assert info.value.status_code == 409 and info.value.body["subscription"]["id"] == "sub_1"
    assert str(info.value) == "[409] Subscription already exists for this customer"
    mock.post("/v1/enrollment/enroll").mock(side_effect=httpx.ReadError("dropped"))
    with pytest.raises(paywire.APIConnectionError):
        await call(make().enroll_user, "a@example.com", "Ada", "u1")
    assert route.call_count == 2  # the dropped POST was not resent


async def test_free_subscription_created_or_existing(make: Make, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/subscriptions/create-free-subscription").mock(side_effect=[
        httpx.Response(201, json={"success": True, "message": "Free subscription created",
                                  "subscription": SUBSCRIPTION}),
        httpx.Response(409, json={"error": "Subscription already exists for this customer",
                                  "subscription": SUBSCRIPTION}),
        httpx.Response(409, json={"error": "Conflict without subscription"}),
    ])
    client = make()
    created = await call(client.create_free_subscription_if_none_exists, "a@example.com", "Ada", "u1")
    assert isinstance(created, FreeSubscriptionResult)
    assert created.created is True and created.subscription.id == "sub_1"
    existing = await call(client.create_free_subscription, "a@example.com", "Ada", "u1", billing_city="Berlin")
    assert existing.created is False and existing.subscription.status == "active"
    assert existing.message == "Subscription already exists for this customer"
    assert body_of(route.calls.last.request)["billingCity"] == "Berlin"
    with pytest.raises(LumenConflictError):
        await call(client.create_free_subscription, "a@example.com", "Ada", "u1")


# --- portal ------------------------------------------------------------------------------------------
async def test_portal_operations(make: Make, mock: respx.MockRouter) -> None:
    mock.post("/v1/customers/portal/create-setup-intent").mock(side_effect=[
        httpx.Response(200, json={"provider": "stripe", "stripe": {"clientSecret": "cs", "intentId": "seti_1"}}),
        httpx.Response(200, json={"provider": "dodo", "dodo": {"paymentLink": "https://pay"}}),
        httpx.Response(200, json={"provider": "newpay", "extra": 1}),
    ])
    mock.post("/v1/customers/portal/set-subscription-payment-method").respond(json={"success": True})
    delete = mock.delete("/v1/customers/portal/payment-methods/pm_1").respond(json={"success": True})
    mock.get("/v1/invoices/inv_1/pdf").respond(json={
        "invoice": {"id": "inv_1", "customerInvoiceNumber": "INV-1"}, "pdfUrl": "https://f/x.pdf",
        "expiresIn": 900})
    client = make()
    stripe = await call(client.create_setup_intent, "u1")
    assert stripe.stripe.intent_id == "seti_1"
    assert (await call(client.create_setup_intent, "u1")).dodo.payment_link == "https://pay"
    assert (await call(client.create_setup_intent, "u1")).provider == "newpay"
    assert (await call(client.set_subscription_payment_method, "u1", "pm_1")).success is True
    await call(client.remove_payment_method, "pm_1", external_customer_id="u1")
    assert delete.calls.last.request.url.params["externalCustomerId"] == "u1"
    pdf = await call(client.get_invoice_pdf, "inv_1")
    assert pdf.pdf_url == "https://f/x.pdf" and pdf.expires_in == 900


# --- errors --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("status", "cls", "generic"), [
    (400, LumenBadRequestError, paywire.BadRequestError),
    (401, LumenAuthenticationError, paywire.AuthenticationError),
    (403, LumenPermissionError, paywire.PermissionDeniedError),
    (404, LumenNotFoundError, paywire.NotFoundError),
    (409, LumenConflictError, paywire.ConflictError),
    (429, LumenRateLimitError, paywire.RateLimitError),
    (500, LumenAPIError, paywire.InternalServerError),
    (418, LumenAPIError, paywire.APIStatusError),
])
async def test_error_mapping(make: Make, mock: respx.MockRouter, status: int, cls: type, generic: type) -> None:
    mock.get(f"/v1/seats/usage/{CUS}").respond(status, json={"error": "nope", "details": "why"})
    with pytest.raises(cls) as info:
        await call(make(max_retries=0).get_seat_usage, CUS)
    err = info.value
    assert isinstance(err, generic) and isinstance(err, LumenAPIError) and isinstance(err, LumenError)
    assert err.status_code == status == err.status and err.message == "nope"
    assert err.body == {"error": "nope", "details": "why"}


async def test_get_retries_5xx_then_succeeds(make: Make, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/customers/subscription-status").mock(side_effect=[
        httpx.Response(502), httpx.Response(200, json=STATUS_OK)])
    assert (await call(make().get_subscription_status, "u1")).has_active_subscription
    assert route.call_count == 2


async def test_unexpected_bodies_are_response_errors(make: Make, mock: respx.MockRouter) -> None:
    mock.get("/v1/customers/subscription-status").mock(side_effect=[
        httpx.Response(200, text="<html>"), httpx.Response(200, json=[1]), httpx.Response(200, json={})])
    client = make()
    for _ in range(3):
        with pytest.raises(LumenResponseError):
            await call(client.get_subscription_status, "u1")


async def test_key_never_in_error_text(make: Make, mock: respx.MockRouter) -> None:
    mock.get("/v1/customers/subscription-status").respond(401, json={"error": f"bad key {API_KEY}"})
    with pytest.raises(LumenAuthenticationError) as info:
        await call(make().get_subscription_status, "u1")
    assert API_KEY not in str(info.value) and API_KEY not in repr(info.value)


def test_lumen_api_error_original_constructor() -> None:
    err = LumenAPIError("Failed", 502)
    assert err.status_code == 502 and err.message == "Failed" and isinstance(err, Exception)
    plain = err.with_message("Failed to enroll user: 502")
    assert str(plain) == "Failed to enroll user: 502" and type(plain) is LumenAPIError


async def test_raw_response_and_with_options(make: Make, mock: respx.MockRouter) -> None:
    mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK, headers={"x-request-id": "r1"})
    client = make()
    raw = await call(client.with_raw_response.get_subscription_status, "u1")
    assert raw.status_code == 200 and raw.request_id == "r1" and raw.parsed.customer.id == CUS
    quick = client.with_options(max_retries=0, timeout=2)
    assert (await call(quick.get_subscription_status, "u1")).has_active_subscription

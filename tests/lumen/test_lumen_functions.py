"""The seed-compatible module functions against respx: each documented return / raise shape.

Expected values are the ones lumen-python-sdk 0.1.1 produces (reference lumen-sdk-behaviour.md).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from _lumen_helpers import API_KEY, BASE, CUS, ENTITLEMENTS, SEAT_USAGE, STATUS_OK, SUBSCRIPTION, body_of

import paywire
from paywire import lumen
from paywire.lumen import LumenAPIError, LumenConfigurationError, LumenConflictError

KEY_ERROR = {"error": "Error: Lumen API key is not set. Visit https://getlumen.dev/developer/apikeys to get one"}
OVERRIDE = {"api_key": API_KEY, "api_url": BASE}


# --- configuration -------------------------------------------------------------------------------
async def test_missing_key_shapes(mock: respx.MockRouter) -> None:
    assert await lumen.get_subscription_status(user_id="u1") == KEY_ERROR
    assert await lumen.get_customer_overview(user_id="u1") == KEY_ERROR
    assert await lumen.get_seat_usage_by_user(user_id="u1") == KEY_ERROR
    assert await lumen.get_usage(user_id="u1") == KEY_ERROR
    assert await lumen.add_seat(new_user_id="u2", organization_id=CUS) == KEY_ERROR
    assert await lumen.remove_seat(removed_user_id="u2", organization_id=CUS) == KEY_ERROR
    assert await lumen.get_seat_usage(customer_id=CUS) == KEY_ERROR
    assert await lumen.get_features(user_id="u1") == {}
    assert await lumen.is_feature_entitled(feature="x", user_id="u1") is False
    assert await lumen.send_event(name="api_call", user_id="u1") is None
    for raising in (lumen.enroll_user, lumen.create_free_subscription_if_none_exists):
        with pytest.raises(Exception, match=r"^Lumen API key is not set\. Visit https://getlumen") as info:
            await raising(email="a@example.com", name="Ada", user_id="u1")
        assert isinstance(info.value, LumenConfigurationError)
    assert not mock.calls


async def test_env_is_read_per_call(mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    route = mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
    assert await lumen.get_subscription_status(user_id="u1") == KEY_ERROR
    monkeypatch.setenv("LUMEN_API_KEY", API_KEY)
    monkeypatch.setenv("LUMEN_API_URL", BASE + "/v1/")
    assert await lumen.get_subscription_status(user_id="u1") == STATUS_OK
    assert route.calls.last.request.headers["authorization"] == f"Bearer {API_KEY}"
    monkeypatch.setenv("LUMEN_API_KEY", "lumen_sk_other_key_42")
    await lumen.get_subscription_status(user_id="u1")
    assert route.calls.last.request.headers["authorization"] == "Bearer lumen_sk_other_key_42"


async def test_per_call_overrides_beat_env(env: pytest.MonkeyPatch) -> None:
    with respx.mock(assert_all_called=False) as mock:
        staging = mock.get("https://staging-api.example.com/v1/customers/subscription-status").respond(json=STATUS_OK)
        await lumen.get_subscription_status(user_id="u1", api_key="custom_key_123",
                                            api_url="https://staging-api.example.com")
    assert staging.calls.last.request.headers["authorization"] == "Bearer custom_key_123"


async def test_unusable_url_returns_the_catch_error(env: pytest.MonkeyPatch) -> None:
    result = await lumen.get_subscription_status(user_id="u1", api_url="http://not-loopback.example")
    assert result == {"error": "Catch error: Failed to fetch subscription status"}
    with pytest.raises(LumenConfigurationError):
        await lumen.enroll_user(email="a@example.com", name="A", user_id="u1", api_url="ftp://x")


# --- dict-returning functions --------------------------------------------------------------------
DICT_CASES: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("get_subscription_status", "/v1/customers/subscription-status", {"user_id": "u1"},
     "Failed to fetch subscription status", "Catch error: Failed to fetch subscription status"),
    ("get_customer_overview", "/v1/customers/portal/overview", {"user_id": "u1"},
     "Failed to fetch customer overview", "Catch error: Failed to fetch customer overview"),
    ("get_seat_usage", f"/v1/seats/usage/{CUS}", {"customer_id": CUS},
     "Failed to get seat usage", "Catch error: Failed to get seat usage"),
    ("add_seat", "/v1/seats/add", {"new_user_id": "u2", "organization_id": CUS},
     "Failed to add seat", "Catch error: Failed to add seat"),
    ("remove_seat", "/v1/seats/remove", {"removed_user_id": "u2", "organisation_user_id": "owner"},
     "Failed to remove seat", "Catch error: Failed to remove seat"),
]


#: A spec-valid success body per function, with a field the spec does not name (passed through).
VALID_BODIES: dict[str, dict[str, Any]] = {
    "get_subscription_status": {"hasActiveSubscription": False, "customer": None, "nested": {"x": None}},
    "get_customer_overview": {"portal": {"customer": {"id": CUS}, "subscription": None, "paymentMethods": [],
                                         "invoices": [], "payments": []}, "nested": {"x": None}},
    "get_seat_usage": {"customerId": CUS, "seatUsages": [], "nested": {"x": None}},
    "add_seat": {"message": "ok", "created_user_id": "u2", "organization_id": CUS, "subscription_id": "sub_1",
                 "nested": {"x": None}},
    "remove_seat": {"message": "ok", "removed_user_id": "u2", "organization_id": CUS, "subscription_id": "sub_1",
                    "nested": {"x": None}},
}


def _route(mock: respx.MockRouter, path: str) -> respx.Route:
    method = "POST" if path.startswith("/v1/seats/") and not path.startswith("/v1/seats/usage") else "GET"
    return mock.route(method=method, path=path)


@pytest.mark.parametrize(("fn", "path", "kwargs", "failed", "caught"), DICT_CASES)
async def test_dict_functions(env: pytest.MonkeyPatch, mock: respx.MockRouter, fn: str, path: str,
                              kwargs: dict[str, Any], failed: str, caught: str) -> None:
    function = getattr(lumen, fn)
    route = _route(mock, path)
    route.side_effect = [
        httpx.Response(200, json=VALID_BODIES[fn]),
        httpx.Response(404, json={"error": "Customer not found"}),
        httpx.Response(400, json={"details": "no error field"}),
        httpx.Response(403, text="<html>forbidden</html>"),
        httpx.Response(422, json={"error": ""}),
        *[httpx.ConnectError("refused")] * 3,  # retried (never sent), then given up
        httpx.Response(200, text="not json"),
        httpx.Response(200, json={"ok": 1, "nested": {"x": None}}),  # not the documented shape
    ]
    assert await function(**kwargs) == VALID_BODIES[fn]  # passed through unchanged
    assert await function(**kwargs) == {"error": "Customer not found"}
    assert await function(**kwargs) == {"error": f"{failed}: 400"}
    assert await function(**kwargs) == {"error": f"{failed}: 403"}
    assert await function(**kwargs) == {"error": f"{failed}: 422"}
    assert await function(**kwargs) == {"error": caught}
    assert await function(**kwargs) == {"error": caught}
    assert await function(**kwargs) == {"error": caught}  # malformed success: the catch error, no data


async def test_status_query_is_the_external_id(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
    await lumen.get_subscription_status("user@example.com/1")
    assert route.calls.last.request.url.params["externalCustomerId"] == "user@example.com/1"


async def test_get_seat_usage_by_user(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    mock.get("/v1/customers/subscription-status").mock(side_effect=[
        httpx.Response(200, json=STATUS_OK),
        httpx.Response(200, json={"hasActiveSubscription": True, "customer": {}}),
        httpx.Response(200, json={"hasActiveSubscription": False, "customer": None}),
        httpx.Response(200, json={"hasActiveSubscription": "true", "customer": {"id": CUS}}),
        *[httpx.Response(500, json={"error": "Failed to fetch status"})] * 3,
        httpx.Response(200, json=STATUS_OK),
        httpx.Response(200, json=STATUS_OK),
    ])
    mock.get(f"/v1/seats/usage/{CUS}").mock(side_effect=[
        httpx.Response(200, json=SEAT_USAGE),
        httpx.Response(404, json={}),
        *[httpx.ConnectError("refused")] * 3,
    ])
    malformed = {"error": "Catch error: Failed to fetch subscription status"}  # customer without id / "true"
    assert await lumen.get_seat_usage_by_user(user_id="u1") == SEAT_USAGE
    assert await lumen.get_seat_usage_by_user(user_id="u1") == malformed
    assert await lumen.get_seat_usage_by_user(user_id="u1") == {"error": "Customer not found"}
    assert await lumen.get_seat_usage_by_user(user_id="u1") == malformed
    assert await lumen.get_seat_usage_by_user(user_id="u1") == {"error": "Failed to fetch status"}
    assert await lumen.get_seat_usage_by_user(user_id="u1") == {"error": "Failed to fetch seat usage: 404"}
    assert await lumen.get_seat_usage_by_user(user_id="u1") == {
        "error": "Catch error: Failed to fetch seat usage by user"}


# --- entitlements ------------------------------------------------------------------------------------
async def test_get_usage_shapes(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    ext = mock.get("/v1/entitlements/u1").mock(side_effect=[
        httpx.Response(200, json=ENTITLEMENTS),
        httpx.Response(404, json={"error": "Customer not found"}),
        *[httpx.ReadTimeout("slow")] * 3,
        httpx.Response(200, json=ENTITLEMENTS),
    ])
    internal = mock.get(f"/v1/entitlements/{CUS}").respond(json=ENTITLEMENTS)
    assert await lumen.get_usage(user_id="u1") == ENTITLEMENTS
    assert ext.calls.last.request.url.params["isExtCustId"] == "true"
    # the original ignores the server's message and reports the full URL
    assert await lumen.get_usage(user_id="u1") == {
        "error": f"Error: Failed to fetch {BASE}/v1/entitlements/u1?isExtCustId=true"}
    assert await lumen.get_usage(user_id="u1") == {"error": "Catch error: Failed to fetch /v1/entitlements/u1"}
    assert await lumen.get_usage(lumen_customer_id=CUS) == ENTITLEMENTS
    assert internal.calls.last.request.url.params["isExtCustId"] == "false"
    assert await lumen.get_usage(user_id="u1", lumen_customer_id=CUS) == ENTITLEMENTS  # user_id wins
    assert await lumen.get_usage() == {"error": "Either user_id or lumen_customer_id must be provided"}


async def test_get_features_fails_closed(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    mock.get("/v1/entitlements/u1").mock(side_effect=[
        httpx.Response(200, json=ENTITLEMENTS),
        httpx.Response(200, json={"entitlements": []}),
        *[httpx.Response(500, json={"error": "boom"})] * 3,
        *[httpx.ConnectError("refused")] * 3,
    ])
    assert await lumen.get_features(user_id="u1") == {"api-calls": True, "premium-feature": False}
    assert await lumen.get_features(user_id="u1") == {}
    assert await lumen.get_features(user_id="u1") == {}
    assert await lumen.get_features(user_id="u1") == {}
    assert await lumen.get_features() == {}


async def test_is_feature_entitled_fails_closed(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    route = mock.get("/v1/entitlements/u1/feature/premium-feature").mock(side_effect=[
        httpx.Response(200, json={"entitled": True, "feature": {"slug": "premium-feature"}, "source": "plan"}),
        httpx.Response(200, json={"entitled": False, "feature": {"slug": "premium-feature"}, "source": "plan"}),
        httpx.Response(200, json={"entitled": "true", "feature": {"slug": "premium-feature"}, "source": "plan"}),
        httpx.Response(404, json={"error": "Customer not found"}),
        httpx.Response(200, text="oops"),
        *[httpx.ConnectError("refused")] * 3,
    ])
    results = [await lumen.is_feature_entitled(feature="premium-feature", user_id="u1") for _ in range(6)]
    assert results == [True, False, False, False, False, False]
    assert route.calls[0].request.url.params["isExtCustId"] == "true"
    assert await lumen.is_feature_entitled(feature="premium-feature") is False
    mock.get(f"/v1/entitlements/{CUS}/feature/x").respond(json={"entitled": True, "feature": {"slug": "x"},
                                                                 "source": "plan"})
    assert await lumen.is_feature_entitled("x", lumen_customer_id=CUS) is True


# --- events ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "fields"), [
    (None, {"eventValue": 1}), (3, {"eventValue": 3}), (2.9, {"eventValue": 2}), (True, {"eventValue": 1}),
    (False, {"eventValue": 0}), ("premium", {"eventString": "premium"}), ("", {"eventString": ""}),
])
async def test_send_event_value_mapping(env: pytest.MonkeyPatch, mock: respx.MockRouter, value: Any,
                                        fields: dict[str, Any]) -> None:
    route = mock.post("/v1/events").respond(202, json={"message": "Event accepted"})
    response = await lumen.send_event(name="api_call", value=value, user_id="u1")
    assert isinstance(response, httpx.Response) and response.status_code == 202
    body = body_of(route.calls.last.request)
    body.pop("idempotencyKey")
    assert body == {"eventName": "api_call", "extCustomerId": "u1", **fields}


async def test_send_event_keys_and_ids(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/events").respond(202, json={"message": "Event accepted"})
    await lumen.send_event(name="api_call", value=1, user_id="u1", idempotency_key="unique_key_123")
    assert body_of(route.calls.last.request)["idempotencyKey"] == "unique_key_123"
    await lumen.send_event(name="api_call", lumen_customer_id=CUS, idempotency_key="")
    body = body_of(route.calls.last.request)
    assert body["customerId"] == CUS and "extCustomerId" not in body and len(body["idempotencyKey"]) == 36
    # neither id: sent as the original did (the server answers 400, returned as the Response)
    route.respond(400, json={"error": "Invalid event payload"})
    response = await lumen.send_event(name="api_call")
    assert response is not None and response.status_code == 400


async def test_send_event_failures(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/events").mock(side_effect=[
        httpx.Response(404, json={"error": "Customer not found"}),
        httpx.ConnectError("refused"), httpx.ConnectError("refused"), httpx.ConnectError("refused"),
    ])
    response = await lumen.send_event(name="api_call", user_id="ghost")
    assert response is not None and response.status_code == 404  # returned, not raised
    assert await lumen.send_event(name="api_call", user_id="u1") is None
    assert route.call_count == 4  # connection failures were retried (same key) before giving up
    assert await lumen.send_event(name="api_call", user_id="u1", idempotency_key="bad key") is None
    from decimal import Decimal

    assert await lumen.send_event(name="api_call", value=Decimal("2"), user_id="u1") is None  # type: ignore[arg-type]
    assert route.call_count == 4


async def test_send_event_retry_keeps_one_key(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    route = mock.post("/v1/events").mock(side_effect=[
        httpx.Response(503, json={"error": "busy"}), httpx.Response(202, json={"message": "Event accepted"})])
    response = await lumen.send_event(name="api_call", user_id="u1")
    assert response is not None and response.status_code == 202
    assert len({body_of(c.request)["idempotencyKey"] for c in route.calls}) == 1


# --- seats -------------------------------------------------------------------------------------------------
async def test_seat_bodies(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    add = mock.post("/v1/seats/add").respond(json={"message": "Seat added successfully"})
    await lumen.add_seat(new_user_id="new_user_456", organisation_user_id="org_owner_123",
                         metadata={"role": "developer"})
    body = body_of(add.calls.last.request)
    assert body.pop("idempotency_key")
    assert body == {"created_user_id": "new_user_456", "user_id": "org_owner_123",
                    "metadata": {"role": "developer"}}
    await lumen.add_seat(new_user_id="n", organization_id=CUS, metadata={}, idempotency_key="k1",
                         timestamp="2025-01-01T00:00:00Z")
    assert body_of(add.calls.last.request) == {"created_user_id": "n", "organization_id": CUS,
                                               "idempotency_key": "k1", "timestamp": "2025-01-01T00:00:00Z"}
    assert await lumen.add_seat(new_user_id="n") == {
        "error": "Either organization_id or organisation_user_id must be provided"}
    assert await lumen.remove_seat(removed_user_id="n") == {
        "error": "Either organization_id or organisation_user_id must be provided"}
    bad = await lumen.remove_seat(removed_user_id="n", organization_id=CUS, timestamp="2025-01-01")
    assert "ending in 'Z'" in bad["error"]
    assert add.call_count == 2


# --- raising functions -----------------------------------------------------------------------------------
async def test_enroll_user(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    ok = {"message": "Enrollment subscription created successfully", "subscription": SUBSCRIPTION}
    route = mock.post("/v1/enrollment/enroll").mock(side_effect=[
        httpx.Response(201, json=ok),
        httpx.Response(409, json={"error": "Subscription already exists for this customer"}),
        httpx.Response(404, text="nope"),
    ])
    assert await lumen.enroll_user(email="user@example.com", name="John Doe", user_id="user_123",
                                   plan_id="plan_free") == ok
    assert body_of(route.calls.last.request) == {"customerEmail": "user@example.com", "customerName": "John Doe",
                                                 "userId": "user_123", "planId": "plan_free"}
    with pytest.raises(Exception) as info:
        await lumen.enroll_user(email="user@example.com", name="John Doe", user_id="user_123")
    assert str(info.value) == "Failed to enroll user: 409"
    assert isinstance(info.value, LumenConflictError) and isinstance(info.value, paywire.PaywireError)
    assert info.value.body["error"] == "Subscription already exists for this customer"
    with pytest.raises(LumenAPIError, match=r"^Failed to enroll user: 404$"):
        await lumen.enroll_user(email="user@example.com", name="John Doe", user_id="user_123")


async def test_enroll_user_unreachable_raises_a_paywire_error(env: pytest.MonkeyPatch,
                                                              mock: respx.MockRouter) -> None:
    mock.post("/v1/enrollment/enroll").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(paywire.APIConnectionError):
        await lumen.enroll_user(email="u@example.com", name="U", user_id="u1")


async def test_create_free_subscription(env: pytest.MonkeyPatch, mock: respx.MockRouter) -> None:
    created = {"success": True, "subscription": SUBSCRIPTION}
    route = mock.post("/v1/subscriptions/create-free-subscription").mock(side_effect=[
        httpx.Response(201, json=created),
        httpx.Response(409, json={"error": "Subscription already exists for this customer",
                                  "subscription": SUBSCRIPTION}),
        httpx.Response(400, json={"error": "No free plan available"}),
    ])
    assert await lumen.create_free_subscription_if_none_exists(
        email="user@example.com", name="John Doe", user_id="user_123", billing_address_line1="123 Main St",
        billing_city="New York", billing_country="US", billing_postal_code="10001") == created
    assert body_of(route.calls.last.request) == {
        "customerEmail": "user@example.com", "customerName": "John Doe", "userId": "user_123",
        "billingAddressLine1": "123 Main St", "billingCity": "New York", "billingPostalCode": "10001",
        "billingCountry": "US"}
    assert await lumen.create_free_subscription(email="user@example.com", name="John Doe", user_id="user_123") == {
        "success": True, "alreadyExists": True, "message": "Subscription already exists for this customer",
        "subscription": SUBSCRIPTION}
    with pytest.raises(Exception, match=r"^Failed to create free subscription: 400$") as info:
        await lumen.create_free_subscription(email="user@example.com", name="John Doe", user_id="user_123")
    assert isinstance(info.value, paywire.BadRequestError)
    assert lumen.create_free_subscription is lumen.create_free_subscription_if_none_exists


def test_public_names_match_the_seed() -> None:
    import inspect

    for name in ("get_subscription_status", "get_customer_overview", "get_seat_usage_by_user", "enroll_user",
                 "get_usage", "get_features", "is_feature_entitled", "send_event", "add_seat", "remove_seat",
                 "get_seat_usage", "create_free_subscription_if_none_exists", "create_free_subscription",
                 "LumenError", "LumenAPIError", "LumenConfigurationError", "LumenValidationError"):
        assert name in lumen.__all__, name
    params = list(inspect.signature(lumen.send_event).parameters)
    assert params == ["name", "value", "user_id", "lumen_customer_id", "idempotency_key", "api_url", "api_key"]
    assert list(inspect.signature(lumen.add_seat).parameters) == [
        "new_user_id", "organisation_user_id", "organization_id", "metadata", "idempotency_key", "timestamp",
        "api_url", "api_key"]
    assert list(inspect.signature(lumen.enroll_user).parameters)[:4] == ["email", "name", "user_id", "plan_id"]

"""Contract checks for openapi/lumen/v1.yaml and its generated client paywire_gen_lumen_v1."""

from __future__ import annotations

import re
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support import specs
from _support.specs import body_schema, op_of, operations, params, resolve, response_schema, walk_schema
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "lumen" / "v1.yaml"
PKG = "paywire_gen_lumen_v1"

# (method, path) -> (operationId, tag). L1-L10 of lumen.md §2.3 plus the four proxy-only
# portal endpoints of §2.4.
OPERATIONS = {
    ("get", "/v1/customers/subscription-status"): ("get_subscription_status", "customers"),
    ("get", "/v1/customers/portal/overview"): ("get_customer_overview", "customers"),
    ("get", "/v1/entitlements/{customerId}"): ("get_entitlements", "entitlements"),
    ("get", "/v1/entitlements/{customerId}/feature/{featureSlug}"): (
        "check_feature_entitlement",
        "entitlements",
    ),
    ("post", "/v1/events"): ("send_event", "events"),
    ("post", "/v1/seats/add"): ("add_seat", "seats"),
    ("post", "/v1/seats/remove"): ("remove_seat", "seats"),
    ("get", "/v1/seats/usage/{customerId}"): ("get_seat_usage", "seats"),
    ("post", "/v1/enrollment/enroll"): ("enroll_user", "enrollment"),
    ("post", "/v1/subscriptions/create-free-subscription"): ("create_free_subscription", "subscriptions"),
    ("post", "/v1/customers/portal/create-setup-intent"): ("create_setup_intent", "portal"),
    ("post", "/v1/customers/portal/set-subscription-payment-method"): (
        "set_subscription_payment_method",
        "portal",
    ),
    ("delete", "/v1/customers/portal/payment-methods/{id}"): ("remove_payment_method", "portal"),
    ("get", "/v1/invoices/{id}/pdf"): ("get_invoice_pdf", "invoices"),
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return specs.load(SPEC_PATH)


# --- the spec ---------------------------------------------------------------------------------


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    assert isinstance(spec["info"]["version"], str)


def test_every_sdk_call_and_portal_endpoint_is_present(spec: dict[str, Any]) -> None:
    assert specs.operation_index(spec) == OPERATIONS
    # The SDK builds {base}/v1/...: the base URL is the bare origin and every path carries /v1.
    assert all(path.startswith("/v1/") for _, path in OPERATIONS)
    assert spec["servers"][0]["url"] == "https://api.getlumen.dev"


def test_bearer_security_is_global(spec: dict[str, Any]) -> None:
    assert spec["components"]["securitySchemes"]["bearerAuth"] == spec["components"]["securitySchemes"][
        "bearerAuth"
    ] | {"type": "http", "scheme": "bearer"}
    assert spec["security"] == [{"bearerAuth": []}]
    for _, path, op in operations(spec):
        assert "security" not in op, path
        headers = {name for (where, name) in params(spec, op["operationId"]) if where == "header"}
        # No per-call headers at all: idempotency keys travel in the JSON bodies.
        assert headers == set(), path


def test_house_rules(spec: dict[str, Any]) -> None:
    for _, path, op in operations(spec):
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", op["operationId"])
        assert "default" not in op["responses"], path
        assert "401" in op["responses"], path
        for status, response in op["responses"].items():
            HTTPStatus(int(status))  # IANA only
            response = resolve(spec, response)
            assert list(response["content"]) == ["application/json"], (path, status)
            for schema in walk_schema(spec, response["content"]["application/json"]["schema"]):
                assert "enum" not in schema, (path, status)
                assert "const" not in schema, (path, status)
                assert "discriminator" not in schema, (path, status)
                assert schema.get("additionalProperties") is not False, (path, status)
            if int(status) >= 400:
                error = response_schema(spec, op["operationId"], status)
                assert error["properties"]["error"] == {"type": "string"}
                assert "error" in error["required"]


def test_error_body_is_error_plus_optional_details(spec: dict[str, Any]) -> None:
    body = spec["components"]["schemas"]["ErrorBody"]
    assert body["required"] == ["error"]
    assert set(body["properties"]) == {"error", "details"}


def test_idempotency_keys_are_body_fields_with_per_family_casing(spec: dict[str, Any]) -> None:
    event = body_schema(spec, "send_event")
    assert "idempotencyKey" in event["properties"]
    assert "idempotency_key" not in event["properties"]
    for op_id in ("add_seat", "remove_seat"):
        seat = body_schema(spec, op_id)
        assert "idempotency_key" in seat["properties"]
        assert "idempotencyKey" not in seat["properties"]
    for op_id in ("enroll_user", "create_free_subscription"):
        schema = body_schema(spec, op_id)
        assert not any("dempotency" in name for name in schema["properties"])


def test_event_body_matches_the_sdk(spec: dict[str, Any]) -> None:
    event = body_schema(spec, "send_event")
    assert event["required"] == ["eventName"]
    assert {
        "eventName",
        "eventValue",
        "eventString",
        "customerId",
        "extCustomerId",
        "idempotencyKey",
        "eventTimestamp",
        "properties",
    } == set(event["properties"])
    assert event["properties"]["eventValue"]["type"] == "number"
    responses = op_of(spec, "send_event")["responses"]
    assert set(responses) == {"202", "400", "401", "404", "500"}
    accepted = response_schema(spec, "send_event", "202")
    members = [resolve(spec, m) for m in accepted["anyOf"]]
    assert set(members[0]["required"]) == {"event", "deduplicated"}
    assert members[1]["required"] == ["message"]


def test_seat_bodies_are_snake_case(spec: dict[str, Any]) -> None:
    add = body_schema(spec, "add_seat")
    remove = body_schema(spec, "remove_seat")
    assert add["required"] == ["created_user_id"]
    assert remove["required"] == ["removed_user_id"]
    common = {"user_id", "organization_id", "metadata", "idempotency_key", "timestamp"}
    assert common | {"created_user_id", "created_user_info"} == set(add["properties"])
    assert common | {"removed_user_id"} == set(remove["properties"])
    pattern = add["properties"]["timestamp"]["pattern"]
    assert re.search(pattern, "2026-01-02T03:04:05Z")
    assert not re.search(pattern, "2026-01-02T03:04:05+00:00")
    usage = params(spec, "get_seat_usage")[("path", "customerId")]["schema"]["pattern"]
    assert re.fullmatch(usage, "cus_" + "A" * 22)
    assert not re.fullmatch(usage, "user_123")


def test_enrollment_bodies_are_camel_case(spec: dict[str, Any]) -> None:
    enroll = body_schema(spec, "enroll_user")
    free = body_schema(spec, "create_free_subscription")
    billing = {
        "billingAddressLine1",
        "billingAddressLine2",
        "billingCity",
        "billingPostalCode",
        "billingCountry",
        "taxId",
    }
    assert set(enroll["required"]) == set(free["required"]) == {"customerEmail", "customerName", "userId"}
    assert set(enroll["properties"]) == {"customerEmail", "customerName", "userId", "planId"} | billing
    assert set(free["properties"]) == {"customerEmail", "customerName", "userId"} | billing
    assert re.fullmatch(enroll["properties"]["planId"]["pattern"], "plan_int_" + "a1" * 11)
    for op_id in ("enroll_user", "create_free_subscription"):
        responses = op_of(spec, op_id)["responses"]
        assert {"200", "201", "409"} <= set(responses)
        exists = response_schema(spec, op_id, "409")
        assert exists["properties"]["subscription"] == {"$ref": "#/components/schemas/EnrolledSubscription"}


def test_is_ext_cust_id_is_a_true_false_string(spec: dict[str, Any]) -> None:
    for op_id in ("get_entitlements", "check_feature_entitlement"):
        param = params(spec, op_id)[("query", "isExtCustId")]
        assert param["required"] is False
        schema = resolve(spec, param["schema"])
        assert schema["type"] == "string"
        assert set(schema["enum"]) == {"true", "false"}
    slug = params(spec, "check_feature_entitlement")[("path", "featureSlug")]["schema"]["pattern"]
    assert re.fullmatch(slug, "api-calls")
    assert not re.fullmatch(slug, "Premium Feature")


def test_entitlement_shape(spec: dict[str, Any]) -> None:
    ent = spec["components"]["schemas"]["Entitlement"]
    assert set(ent["required"]) == {"entitled", "feature", "source"}
    assert {"usages", "creditInfo", "usage", "limit"} <= set(ent["properties"])
    assert ent["properties"]["source"]["type"] == "string"
    assert set(ent["properties"]["source"]["x-paywire-known-values"]) == {
        "plan",
        "override",
        "credits",
        "default",
    }
    feature = resolve(spec, ent["properties"]["feature"])
    assert feature["required"] == ["slug"]
    assert "name" in feature["properties"]
    assert response_schema(spec, "check_feature_entitlement", "200") is ent


def test_setup_intent_and_invoice_pdf_shapes(spec: dict[str, Any]) -> None:
    intent = response_schema(spec, "create_setup_intent", "200")
    required = [set(resolve(spec, m)["required"]) for m in intent["anyOf"]]
    assert required == [{"provider", "stripe"}, {"provider", "dodo"}, {"provider"}]
    pdf = response_schema(spec, "get_invoice_pdf", "200")
    assert set(pdf["required"]) == {"invoice", "pdfUrl", "expiresIn"}
    assert "302" not in op_of(spec, "get_invoice_pdf")["responses"]
    pattern = params(spec, "get_invoice_pdf")[("path", "id")]["schema"]["pattern"]
    assert re.fullmatch(pattern, "inv_" + "Z" * 22)


def test_description_records_decisions_and_scope(spec: dict[str, Any]) -> None:
    assert specs.not_mentioned(
        spec["info"]["description"],
        "customer: null",
        "get_seat_usage_by_user",
        "24 hours",
        "deduplicated: true",
        "201 on success",
        "409",
        "/v1/public/pricing-tables",
        "Server-Sent Events",
        "/v1/events/batch",
        "never calls them",
    ) == []


def test_lock_matches_spec() -> None:
    specs.locked("lumen/v1", SPEC_PATH, PKG)


# --- the generated client -------------------------------------------------------------------


def test_every_generated_module_imports() -> None:
    names = specs.import_every_module(PKG)
    assert {f"{PKG}.api.{tag}.{op_id}" for op_id, tag in OPERATIONS.values()} - names == set()


def test_generated_entitlement_tolerates_unknown_source_and_extra_fields() -> None:
    from paywire_gen_lumen_v1.models import EntitlementsResponse

    parsed = EntitlementsResponse.from_dict(
        {
            "entitlements": [
                {
                    "entitled": True,
                    "feature": {"slug": "api-calls", "value": 1000, "unit": "call"},
                    "source": "promotion",
                    "usages": [{"metricId": "met_1", "usage": 12}],
                    "creditInfo": None,
                    "resetsAt": "2030-01-01T00:00:00Z",
                },
                {"entitled": False, "feature": {"slug": "sso", "value": False}, "source": "default"},
            ]
        }
    )
    first, second = parsed.entitlements
    assert first.source == "promotion"
    assert first.additional_properties == {"resetsAt": "2030-01-01T00:00:00Z"}
    assert first.feature.additional_properties == {"unit": "call"}
    assert first.feature.value == 1000
    assert first.usages[0].usage == 12  # type: ignore[index]
    assert first.to_dict()["resetsAt"] == "2030-01-01T00:00:00Z"
    assert second.entitled is False
    assert second.feature.value is False


def test_generated_entitlement_accepts_sdk_flat_usage_and_limit() -> None:
    from paywire_gen_lumen_v1.models import Entitlement

    ent = Entitlement.from_dict(
        {
            "entitled": True,
            "feature": {"slug": "api-calls", "name": "API calls"},
            "source": "plan",
            "usage": 150,
            "limit": 1000,
        }
    )
    assert (ent.usage, ent.limit, ent.feature.name) == (150, 1000, "API calls")


def test_generated_get_entitlements_sends_literal_true() -> None:
    from paywire_gen_lumen_v1.api.entitlements import check_feature_entitlement, get_entitlements
    from paywire_gen_lumen_v1.models import IsExtCustIdFlag

    kwargs = get_entitlements._get_kwargs("user/1", is_ext_cust_id=IsExtCustIdFlag.TRUE)
    assert kwargs["url"] == "/v1/entitlements/user%2F1"
    assert kwargs["params"] == {"isExtCustId": "true"}
    kwargs = check_feature_entitlement._get_kwargs("cus_x", "api-calls")
    assert kwargs["url"] == "/v1/entitlements/cus_x/feature/api-calls"
    assert kwargs["params"] == {}
    with pytest.raises(ValueError):
        IsExtCustIdFlag("yes")


def test_generated_send_event_body_and_both_202_shapes() -> None:
    from paywire_gen_lumen_v1 import Client
    from paywire_gen_lumen_v1.api.events import send_event
    from paywire_gen_lumen_v1.models import EventAcceptedMessage, EventIngested, EventRequest

    kwargs = send_event._get_kwargs(
        body=EventRequest(event_name="api_call", event_value=1, ext_customer_id="u1", idempotency_key="k1")
    )
    assert kwargs["json"] == {
        "eventName": "api_call",
        "eventValue": 1,
        "extCustomerId": "u1",
        "idempotencyKey": "k1",
    }
    client = Client(base_url="http://lumen.test")
    new = send_event._parse_response(
        client=client,
        response=httpx.Response(
            202,
            json={
                "event": {
                    "id": "evt_1",
                    "eventName": "api_call",
                    "customerId": "cus_1",
                    "eventValue": 1,
                    "eventString": None,
                    "idempotencyKey": "k1",
                    "properties": None,
                },
                "deduplicated": True,
            },
        ),
    )
    assert isinstance(new, EventIngested)
    assert new.deduplicated is True
    assert new.event.idempotency_key == "k1"
    old = send_event._parse_response(
        client=client, response=httpx.Response(202, json={"message": "Event accepted"})
    )
    assert isinstance(old, EventAcceptedMessage)
    assert old.message == "Event accepted"


def test_generated_seat_bodies_are_snake_case() -> None:
    from paywire_gen_lumen_v1.api.seats import add_seat
    from paywire_gen_lumen_v1.models import AddSeatRequest, AddSeatRequestMetadata

    meta = AddSeatRequestMetadata.from_dict({"role": "developer"})
    kwargs = add_seat._get_kwargs(
        body=AddSeatRequest(
            created_user_id="u2",
            user_id="u1",
            metadata=meta,
            idempotency_key="s1",
            timestamp="2026-01-01T00:00:00Z",
        )
    )
    assert kwargs["json"] == {
        "created_user_id": "u2",
        "user_id": "u1",
        "metadata": {"role": "developer"},
        "idempotency_key": "s1",
        "timestamp": "2026-01-01T00:00:00Z",
    }


def test_generated_status_and_setup_intent_unions() -> None:
    from paywire_gen_lumen_v1 import Client
    from paywire_gen_lumen_v1.api.portal import create_setup_intent
    from paywire_gen_lumen_v1.models import (
        DodoSetupIntentResponse,
        OtherSetupIntentResponse,
        StripeSetupIntentResponse,
        SubscriptionStatus,
    )

    unknown = SubscriptionStatus.from_dict(
        {"hasActiveSubscription": False, "customer": None, "subscription": None}
    )
    assert unknown.customer is None
    assert unknown.has_active_subscription is False
    client = Client(base_url="http://lumen.test")
    bodies = {
        StripeSetupIntentResponse: {
            "provider": "stripe",
            "stripe": {"clientSecret": "seti_s", "intentId": "seti_1"},
        },
        DodoSetupIntentResponse: {"provider": "dodo", "dodo": {"paymentLink": "https://pay.example/x"}},
        OtherSetupIntentResponse: {"provider": "paddle", "paddle": {"url": "https://x"}},
    }
    for cls, body in bodies.items():
        parsed = create_setup_intent._parse_response(client=client, response=httpx.Response(200, json=body))
        assert type(parsed) is cls, body


def test_generated_enroll_parses_201_200_and_409() -> None:
    from paywire_gen_lumen_v1 import Client
    from paywire_gen_lumen_v1.api.enrollment import enroll_user
    from paywire_gen_lumen_v1.models import EnrollmentResponse, SubscriptionExistsError

    sub = {
        "id": "sub_1",
        "customerId": "cus_1",
        "planId": "plan_int_x",
        "status": "active",
        "subscriptionDetails": [],
        "subscriptionFeatures": [],
    }
    client = Client(base_url="http://lumen.test")
    for status in (200, 201):
        ok = enroll_user._parse_response(
            client=client,
            response=httpx.Response(
                status,
                json={
                    "message": "m",
                    "subscription": sub,
                    "invoice": None,
                    "plan": {"id": "plan_int_x"},
                    "credit_grants_created": 0,
                },
            ),
        )
        assert isinstance(ok, EnrollmentResponse)
        assert ok.subscription.id == "sub_1"
    exists = enroll_user._parse_response(
        client=client,
        response=httpx.Response(
            409, json={"error": "Subscription already exists for this customer", "subscription": sub}
        ),
    )
    assert isinstance(exists, SubscriptionExistsError)
    assert exists.subscription.plan_id == "plan_int_x"  # type: ignore[union-attr]

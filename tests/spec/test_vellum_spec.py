"""Contract checks for openapi/vellum/v1.yaml + v2.yaml and their generated clients."""

from __future__ import annotations

import importlib
import json
import re
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support import specs
from _support.specs import body_schema, op_of, operations, resolve, response_schema, walk_schema
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPECS = {v: ROOT / "openapi" / "vellum" / f"{v}.yaml" for v in ("v1", "v2")}
PKGS = {"v1": "paywire_gen_vellum_v1", "v2": "paywire_gen_vellum_v2"}

T = "/tenants/{tenantId}"
A = T + "/accounts/{accountId}"
C = A + "/customers/{customerId}"

# vellum-history.md §1.3 #1-#16: the 0.1.0 SDK's calls. (method, path) -> (operationId, tag)
V1_OPERATIONS = {
    ("get", T + "/customers/{customerId}/entitlements"): ("get_entitlements", "entitlements"),
    ("post", A + "/checkout"): ("create_checkout", "checkout"),
    ("post", A + "/billing/setup-checkout"): ("create_setup_checkout", "checkout"),
    ("post", C + "/subscribe"): ("create_subscription", "subscriptions"),
    ("delete", C + "/subscription"): ("cancel_subscription", "subscriptions"),
    ("get", C + "/subscription"): ("get_subscription", "subscriptions"),
    ("post", T + "/accounts"): ("create_account", "provisioning"),
    ("post", A + "/customers"): ("create_customer", "provisioning"),
    ("patch", A): ("set_account_status", "provisioning"),
    ("patch", C): ("set_customer_status", "provisioning"),
    ("get", A + "/payment-methods"): ("list_payment_methods", "billing"),
    ("patch", A + "/payment-methods/{methodId}"): ("set_default_payment_method", "billing"),
    ("delete", A + "/payment-methods/{methodId}"): ("remove_payment_method", "billing"),
    ("patch", C + "/payment-method"): ("set_subscription_payment_method", "billing"),
    ("get", A + "/invoices"): ("list_invoices", "billing"),
    ("get", A + "/invoices/{invoiceId}/pdf"): ("get_invoice_pdf", "billing"),
}
# §1.4 #17-#30: added up to 1.4.2.
V2_NEW_OPERATIONS = {
    ("put", C + "/subscription"): ("update_subscription", "subscriptions"),
    ("post", C + "/subscription/preview"): ("preview_change", "subscriptions"),
    ("patch", C + "/subscription/seats"): ("set_seats", "subscriptions"),
    ("patch", C + "/subscription/add-ons"): ("update_add_ons", "subscriptions"),
    ("patch", C + "/subscription/plan"): ("change_plan", "subscriptions"),
    ("post", C + "/subscription/reactivate"): ("reactivate_subscription", "subscriptions"),
    ("post", A + "/credit-checkout"): ("create_credit_checkout", "credits"),
    ("get", T + "/credit-types"): ("list_credit_types", "credits"),
    ("get", T + "/credit-types/{creditTypeId}/packs"): ("list_credit_packs", "credits"),
    ("get", T + "/customers/{customerId}/credits"): ("list_credits", "credits"),
    ("get", T + "/customers/{customerId}/credits/{creditTypeId}"): ("get_credit_balance", "credits"),
    ("post", T + "/customers/{customerId}/credits/{creditTypeId}/consume"): ("consume_credits", "credits"),
    ("get", T + "/customers/{customerId}/flags"): ("get_customer_flags", "flags"),
    ("get", T + "/flags"): ("get_global_flags", "flags"),
}
V2_OPERATIONS = V1_OPERATIONS | V2_NEW_OPERATIONS
EXPECTED = {"v1": V1_OPERATIONS, "v2": V2_OPERATIONS}
# The generator turns a tag into a module folder; `credits` is a builtin, so it gets a `_`.
TAG_FOLDER = {"credits": "credits_"}
BODYLESS = {
    "get_entitlements",
    "get_subscription",
    "cancel_subscription",
    "list_payment_methods",
    "set_default_payment_method",
    "remove_payment_method",
    "list_invoices",
    "get_invoice_pdf",
    "reactivate_subscription",
    "list_credit_types",
    "list_credit_packs",
    "list_credits",
    "get_credit_balance",
    "get_customer_flags",
    "get_global_flags",
}


def load(version: str) -> dict[str, Any]:
    return specs.load(SPECS[version])


@pytest.fixture(scope="module", params=["v1", "v2"])
def spec(request: pytest.FixtureRequest) -> dict[str, Any]:
    data = load(request.param)
    data["_version"] = request.param
    return data


@pytest.fixture(scope="module")
def v1() -> dict[str, Any]:
    return load("v1")


@pytest.fixture(scope="module")
def v2() -> dict[str, Any]:
    return load("v2")


def all_params(spec: dict[str, Any], path: str, op: dict[str, Any]) -> list[dict[str, Any]]:
    shared = spec["paths"][path].get("parameters", [])
    return [resolve(spec, p) for p in [*shared, *op.get("parameters", [])]]


# --- both specs --------------------------------------------------------------------------------


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    clean = {k: v for k, v in spec.items() if k != "_version"}
    validate(clean)
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["version"] == spec["_version"]
    assert spec["servers"][0]["url"] == "https://api.vellumcharter.com"


def test_operations_paths_and_tags(spec: dict[str, Any]) -> None:
    expected = EXPECTED[spec["_version"]]
    assert specs.operation_index(spec) == expected
    # No version prefix: every path starts at the host root with the tenant.
    assert all(path.startswith("/tenants/{tenantId}") for _, path in expected)


def test_same_operation_same_operation_id_in_both_versions(v1: dict[str, Any], v2: dict[str, Any]) -> None:
    ids_v1 = {(m, p): op["operationId"] for m, p, op in operations(v1)}
    ids_v2 = {(m, p): op["operationId"] for m, p, op in operations(v2)}
    for key, op_id in ids_v1.items():
        assert ids_v2[key] == op_id, key
    new = set(ids_v2.values()) - set(ids_v1.values())
    assert new == {op_id for op_id, _ in V2_NEW_OPERATIONS.values()}


def test_api_key_security_and_no_header_params(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "x-api-key")
    assert spec["security"] == [{"ApiKeyAuth": []}]
    for method, path, op in operations(spec):
        assert "security" not in op
        assert not [p for p in all_params(spec, path, op) if p["in"] == "header"], (method, path)


def test_house_rules(spec: dict[str, Any]) -> None:
    for _, _, op in operations(spec):
        op_id = op["operationId"]
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", op_id)
        responses = op["responses"]
        assert "default" not in responses, op_id
        assert {"401", "403"} <= set(responses), op_id
        if op_id in BODYLESS:
            assert "requestBody" not in op, op_id
        else:
            body_schema(spec, op_id)  # exactly one content type, application/json, required
            assert "400" in responses, op_id
        for status, response in responses.items():
            HTTPStatus(int(status))
            response = resolve(spec, response)
            if status == "302":
                continue
            (media,) = response["content"]
            schema = response["content"][media]["schema"]
            for sub in walk_schema(spec, schema):
                assert "enum" not in sub, (op_id, status)
                assert "discriminator" not in sub, (op_id, status)
                assert sub.get("additionalProperties") is not False, (op_id, status)
                assert "readOnly" not in sub and "writeOnly" not in sub, (op_id, status)
            if int(status) >= 400:
                assert media == "application/json"
                assert resolve(spec, schema) is spec["components"]["schemas"]["Error"], (op_id, status)
            elif op_id != "get_invoice_pdf":
                # Every 2xx, DELETE and PATCH included, is a JSON document (the SDK json.loads it).
                assert media == "application/json", (op_id, status)
                assert resolve(spec, schema)["type"] == "object", (op_id, status)


def test_error_body_decision(spec: dict[str, Any]) -> None:
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    assert set(error["properties"]) == {"error", "code"}
    assert '{"error"' in spec["info"]["description"]


def test_entitlements_404_means_no_record(spec: dict[str, Any]) -> None:
    op = op_of(spec, "get_entitlements")
    assert set(op["responses"]) == {"200", "401", "403", "404"}
    assert "no record" in op["responses"]["404"]["description"]
    ent = response_schema(spec, "get_entitlements", "200")
    assert {"status", "modules", "config"} <= set(ent["required"])
    assert ent["properties"]["modules"] == {
        "type": "array",
        "items": {"type": "string"},
        "description": ent["properties"]["modules"]["description"],
    }


def test_at_period_end_is_an_optional_boolean_query(spec: dict[str, Any]) -> None:
    path = C + "/subscription"
    op = op_of(spec, "cancel_subscription")
    (param,) = [p for p in all_params(spec, path, op) if p["in"] == "query"]
    assert param["name"] == "atPeriodEnd"
    assert param["required"] is False
    assert param["schema"] == {"type": "boolean"}


def test_subscription_status_is_open_vocabulary(spec: dict[str, Any]) -> None:
    sub = spec["components"]["schemas"]["Subscription"]
    assert sub["properties"]["status"]["type"] == "string"
    assert {"active", "trialing", "canceled"} <= set(sub["properties"]["status"]["x-paywire-known-values"])
    assert sub["properties"]["interval"]["x-paywire-known-values"] == ["month", "year"]


def test_push_envelope_is_described(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    event = schemas["PushEvent"]
    assert event["required"] == ["eventId", "type", "createdAt", "tenantId", "data"]
    assert "payment.succeeded" in event["properties"]["type"]["x-paywire-known-values"]
    header = schemas["PushSignatureHeader"]["pattern"]
    assert re.fullmatch(header, "t=1700000000,v1=" + "a" * 64)
    assert not re.fullmatch(header, "v1=abc,t=1")
    assert {"SubscriptionEventData", "PaymentEventData", "PushInvoice"} <= set(schemas)
    assert "webhooks" not in spec and "callbacks" not in json.dumps(spec)
    text = spec["info"]["description"]
    for needle in ("X-Vellum-Signature", "HMAC-SHA256", "<t>.<raw body>", "300 s", "3 attempts"):
        assert needle in text, needle


def test_lock_matches_spec(spec: dict[str, Any]) -> None:
    version = spec["_version"]
    assert specs.locked(f"vellum/{version}", SPECS[version], PKGS[version])["api_version"] == version


# --- v1 specifics ----------------------------------------------------------------------------------


def test_v1_invoice_pdf_is_302_with_location(v1: dict[str, Any]) -> None:
    responses = op_of(v1, "get_invoice_pdf")["responses"]
    assert set(responses) == {"302", "401", "403", "404"}
    redirect = responses["302"]
    assert "content" not in redirect
    location = redirect["headers"]["Location"]
    assert location["required"] is True
    assert location["schema"] == {"type": "string"}


def test_v1_bodies_match_the_0_1_0_sdk(v1: dict[str, Any]) -> None:
    checkout = body_schema(v1, "create_checkout")
    assert set(checkout["required"]) == {
        "customerId",
        "planId",
        "planVersion",
        "seats",
        "successUrl",
        "cancelUrl",
    }
    assert set(checkout["properties"]) == set(checkout["required"])
    subscribe = body_schema(v1, "create_subscription")
    assert set(subscribe["required"]) == set(subscribe["properties"]) == {"planId", "planVersion", "seats"}
    account = body_schema(v1, "create_account")
    assert account["required"] == ["accountId"]
    assert set(account["properties"]) == {
        "accountId",
        "name",
        "email",
        "stripeCustomerId",
        "createStripeCustomer",
    }
    assert set(body_schema(v1, "create_customer")["properties"]) == {"customerId", "email"}
    assert body_schema(v1, "set_subscription_payment_method")["required"] == ["methodId"]
    assert body_schema(v1, "set_account_status")["required"] == ["status"]


def test_v1_response_shapes_carry_raw_ids(v1: dict[str, Any]) -> None:
    schemas = v1["components"]["schemas"]
    assert schemas["PaymentMethod"]["required"] == ["id"]
    assert "ref" not in schemas["PaymentMethod"]["properties"]
    assert {"id", "invoicePdf"} <= set(schemas["Invoice"]["properties"])
    assert "ref" not in schemas["Invoice"]["properties"]
    assert schemas["Subscription"]["required"] == ["id", "status"]
    assert "defaultPaymentMethod" in schemas["Subscription"]["properties"]
    assert response_schema(v1, "create_subscription", "200")["required"] == ["subscriptionId", "status"]
    assert "billingCustomerId" in response_schema(v1, "create_account", "200")["properties"]
    result = response_schema(v1, "set_subscription_payment_method", "200")
    assert set(result["properties"]) == {"subscription", "default"}
    ent = schemas["Entitlements"]
    assert "hasAccess" not in ent["required"]
    assert "billingSubscriptionId" in ent["properties"]


def test_v1_has_no_later_statuses(v1: dict[str, Any]) -> None:
    for _, _, op in operations(v1):
        assert "409" not in op["responses"], op["operationId"]


# --- v2 specifics ----------------------------------------------------------------------------------


def test_v2_invoice_pdf_is_pdf_bytes(v2: dict[str, Any]) -> None:
    responses = op_of(v2, "get_invoice_pdf")["responses"]
    assert set(responses) == {"200", "401", "403", "404"}
    assert not any(s.startswith("3") for s in responses)
    # OAS 3.1 raw bytes: contentMediaType, no `type: string` (3.1 validators reject bytes for it).
    assert responses["200"]["content"] == {
        "application/pdf": {"schema": {"contentMediaType": "application/pdf"}}
    }
    pdf_config = specs.load(ROOT / "openapi" / "vellum" / "v2.config.yaml")
    assert pdf_config["content_type_overrides"] == {"application/pdf": "application/octet-stream"}


def test_v2_plan_version_optional_and_not_nullable(v2: dict[str, Any]) -> None:
    for op_id in ("create_checkout", "create_subscription"):
        body = body_schema(v2, op_id)
        assert "planVersion" not in body["required"]
        assert body["properties"]["planVersion"]["type"] == "integer"  # not [integer, null]
        assert {"productId", "addOnModuleIds", "seats"} <= set(body["properties"])
        assert {"400", "409"} <= set(op_of(v2, op_id)["responses"])
    for op_id in ("update_subscription", "change_plan"):
        assert {"planId", "planVersion"} <= set(body_schema(v2, op_id)["required"])
    assert "required" not in body_schema(v2, "preview_change")


def test_v2_renames_and_conflicts(v2: dict[str, Any]) -> None:
    account = body_schema(v2, "create_account")
    assert {"billingCustomerId", "createBillingCustomer"} <= set(account["properties"])
    assert not {"stripeCustomerId", "createStripeCustomer"} & set(account["properties"])
    assert "409" in op_of(v2, "create_account")["responses"]
    assert "billingCustomerId" not in response_schema(v2, "create_account", "200")["properties"]
    assert "name" in body_schema(v2, "create_customer")["properties"]


def test_v2_refs_replace_ids(v2: dict[str, Any]) -> None:
    schemas = v2["components"]["schemas"]
    assert schemas["PaymentMethod"]["required"] == ["ref"]
    assert "id" not in schemas["PaymentMethod"]["properties"]
    assert schemas["Invoice"]["required"] == ["ref"]
    assert not {"id", "invoicePdf"} & set(schemas["Invoice"]["properties"])
    sub = schemas["Subscription"]
    assert sub["required"] == ["status"]
    assert not {"id", "defaultPaymentMethod"} & set(sub["properties"])
    assert sub["properties"]["defaultPaymentMethodRef"]["type"] == "string"
    assert "hasAccess" in schemas["Entitlements"]["required"]
    assert "billingSubscriptionId" not in schemas["Entitlements"]["properties"]
    for op_id in (
        "set_default_payment_method",
        "remove_payment_method",
        "set_subscription_payment_method",
        "get_invoice_pdf",
    ):
        assert "404" in op_of(v2, op_id)["responses"]
    sub_ref = {"$ref": "#/components/schemas/Subscription"}
    for op_id in (
        "create_subscription",
        "cancel_subscription",
        "update_subscription",
        "set_seats",
        "update_add_ons",
        "change_plan",
        "reactivate_subscription",
        "set_subscription_payment_method",
    ):
        response = op_of(v2, op_id)["responses"]["200"]
        assert response["content"]["application/json"]["schema"] == sub_ref, op_id


def test_v2_credits_and_flags(v2: dict[str, Any]) -> None:
    consume = body_schema(v2, "consume_credits")
    assert set(consume["required"]) == {"amount", "idempotencyKey"}
    assert "409" in op_of(v2, "consume_credits")["responses"]
    assert response_schema(v2, "consume_credits", "200")["required"] == ["balance"]
    checkout = body_schema(v2, "create_credit_checkout")
    assert set(checkout["required"]) == {"customerId", "successUrl", "cancelUrl"}
    assert checkout["properties"]["creditTypeId"]["type"] == ["string", "null"]
    assert response_schema(v2, "list_credit_types", "200")["required"] == ["creditTypes"]
    assert response_schema(v2, "list_credit_packs", "200")["required"] == ["packs"]
    assert response_schema(v2, "list_credits", "200")["required"] == ["credits"]
    flags = response_schema(v2, "get_customer_flags", "200")
    assert flags["properties"]["flags"]["additionalProperties"] == {"type": "boolean"}
    assert response_schema(v2, "get_global_flags", "200") is flags


def test_v2_description_records_decisions(v2: dict[str, Any]) -> None:
    assert specs.not_mentioned(
        v2["info"]["description"],
        "Preview (`preview_change`",
        "IDEMPOTENCY_KEY_REUSED",
        "INSUFFICIENT_CREDITS",
        "SUBSCRIPTION_EXISTS",
        "AMBIGUOUS_PLAN",
        "absent, never null",
        "application/pdf",
        "deliberately not 403",
    ) == []


# --- the generated clients ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_every_generated_module_imports(version: str) -> None:
    names = specs.import_every_module(PKGS[version])
    assert {f"{PKGS[version]}.api.{TAG_FOLDER.get(tag, tag)}.{op_id}" for op_id, tag in EXPECTED[version].values()
            } - names == set()
    if version == "v1":
        for op_id, tag in V2_NEW_OPERATIONS.values():
            assert f"{PKGS['v1']}.api.{TAG_FOLDER.get(tag, tag)}.{op_id}" not in names


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_generated_subscription_tolerates_unknown_status_and_extra_fields(version: str) -> None:
    models = importlib.import_module(f"{PKGS[version]}.models")
    raw: dict[str, Any] = {
        "status": "paused_by_regulator",
        "cancelAtPeriodEnd": False,
        "seats": 3,
        "interval": "fortnight",
        "trialEnd": None,
        "brandNewField": {"nested": [1, 2]},
    }
    if version == "v1":
        raw["id"] = "sub_123"
    sub = models.Subscription.from_dict(raw)
    assert sub.status == "paused_by_regulator"
    assert sub.interval == "fortnight"
    assert sub.trial_end is None
    assert sub.additional_properties == {"brandNewField": {"nested": [1, 2]}}
    assert sub.to_dict()["brandNewField"] == {"nested": [1, 2]}
    ent = models.Entitlements.from_dict(
        {
            "status": "grace",
            "modules": ["imports"],
            "config": {"trial_days": 14},
            "hasAccess": True,
            "tier": "x",
        }
    )
    assert ent.modules == ["imports"]
    assert ent.config.additional_properties == {"trial_days": 14}
    assert ent.additional_properties == {"tier": "x"}


def test_generated_v1_invoice_pdf_exposes_location() -> None:
    from paywire_gen_vellum_v1 import Client
    from paywire_gen_vellum_v1.api.billing import get_invoice_pdf

    kwargs = get_invoice_pdf._get_kwargs("sam", "acct/1", "in_1")
    assert kwargs["url"] == "/tenants/sam/accounts/acct%2F1/invoices/in_1/pdf"
    client = Client(base_url="http://vellum.test")
    response = get_invoice_pdf._build_response(
        client=client,
        response=httpx.Response(302, headers={"Location": "https://pay.stripe.test/inv.pdf"}),
    )
    assert response.status_code == 302
    assert response.parsed is None
    assert response.headers["location"] == "https://pay.stripe.test/inv.pdf"


def test_generated_v2_invoice_pdf_returns_bytes() -> None:
    from paywire_gen_vellum_v2 import Client
    from paywire_gen_vellum_v2.api.billing import get_invoice_pdf

    client = Client(base_url="http://vellum.test")
    parsed = get_invoice_pdf._parse_response(
        client=client,
        response=httpx.Response(200, content=b"%PDF-1.4 \xff", headers={"content-type": "application/pdf"}),
    )
    assert isinstance(parsed, bytes)
    assert parsed == b"%PDF-1.4 \xff"


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_generated_cancel_sends_at_period_end_only_when_given(version: str) -> None:
    module = importlib.import_module(f"{PKGS[version]}.api.subscriptions.cancel_subscription")
    now = module._get_kwargs("sam", "a1", "c1")
    assert now["params"] == {}
    later = module._get_kwargs("sam", "a1", "c1", at_period_end=True)
    request = httpx.Request("DELETE", "http://vellum.test" + later["url"], params=later["params"])
    assert request.url.query == b"atPeriodEnd=true"


def test_generated_v2_optional_keys_are_omitted_not_null() -> None:
    from paywire_gen_vellum_v2.models import CheckoutRequest, CreateAccountRequest

    body = CheckoutRequest(
        customer_id="c1", plan_id="pro", seats=1, success_url="s", cancel_url="c"
    ).to_dict()
    assert body == {"customerId": "c1", "planId": "pro", "seats": 1, "successUrl": "s", "cancelUrl": "c"}
    account = CreateAccountRequest(account_id="a1", create_billing_customer=True).to_dict()
    assert account == {"accountId": "a1", "createBillingCustomer": True}


def test_generated_v1_account_body_uses_stripe_names() -> None:
    from paywire_gen_vellum_v1.models import CreateAccountRequest, SubscribeResponse

    body = CreateAccountRequest(account_id="a1", stripe_customer_id="cus_1").to_dict()
    assert body == {"accountId": "a1", "stripeCustomerId": "cus_1"}
    resp = SubscribeResponse.from_dict({"subscriptionId": "sub_1", "status": "trialing", "x": 1})
    assert (resp.subscription_id, resp.status, resp.additional_properties) == ("sub_1", "trialing", {"x": 1})


def test_generated_v2_flags_and_consume_result() -> None:
    from paywire_gen_vellum_v2.models import ConsumeCreditsResult, Flags, PushEvent

    flags = Flags.from_dict({"flags": {"beta": True, "dark": False}})
    assert flags.flags.additional_properties == {"beta": True, "dark": False}
    result = ConsumeCreditsResult.from_dict({"balance": 7, "consumed": 3, "replayed": True})
    assert (result.balance, result.consumed, result.additional_properties) == (7, 3, {"replayed": True})
    event = PushEvent.from_dict(
        {
            "eventId": "evt_1",
            "type": "subscription.paused",
            "createdAt": "2030-01-01T00:00:00Z",
            "tenantId": "sam",
            "data": {"x": 1},
        }
    )
    assert event.type_ == "subscription.paused"

"""Contract checks for openapi/spaps/2025-11.yaml and its generated client paywire_gen_spaps_2025_11."""

from __future__ import annotations

import re
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support import specs
from _support.specs import merged, op_of, operations, params, resolve, walk_schema
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "spaps" / "2025-11.yaml"
PKG = "paywire_gen_spaps_2025_11"

K = "key"  # X-API-Key only
KB = "key+bearer"
KOB = "key, bearer optional"
NONE = "none"

# (method, path) -> (operationId, tag, auth): every call of the spaps 0.1.4 SDK (spaps.md §1.5).
OPERATIONS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("post", "/api/auth/nonce"): ("request_nonce", "auth", K),
    ("post", "/api/auth/wallet-sign-in"): ("wallet_sign_in", "auth", K),
    ("post", "/api/auth/login"): ("sign_in_with_password", "auth", K),
    ("post", "/api/auth/refresh"): ("refresh_tokens", "auth", K),
    ("post", "/api/auth/register"): ("register", "auth", K),
    ("post", "/api/auth/magic-link"): ("send_magic_link", "auth", K),
    ("post", "/api/auth/verify-magic-link"): ("verify_magic_link", "auth", K),
    ("get", "/api/auth/user"): ("get_current_user", "auth", KB),
    ("post", "/api/auth/logout"): ("logout", "auth", KB),
    ("post", "/api/auth/password-reset"): ("request_password_reset", "auth", K),
    ("post", "/api/auth/reset-password-confirm"): ("confirm_password_reset", "auth", K),
    ("get", "/api/sessions/current"): ("get_current_session", "sessions", KB),
    ("post", "/api/sessions/validate"): ("validate_session", "sessions", KB),
    ("get", "/api/sessions"): ("list_sessions", "sessions", KB),
    ("post", "/api/sessions/touch"): ("touch_session", "sessions", KB),
    ("delete", "/api/sessions/{session_id}"): ("revoke_session", "sessions", KB),
    ("post", "/api/payments/create-checkout-session"): ("create_checkout_session", "payments", KB),
    ("get", "/api/payments/balance"): ("get_balance", "payments", KB),
    ("post", "/api/payments/create-payment-intent"): ("create_payment_intent", "payments", KB),
    ("post", "/api/payments/update-payment-method"): ("update_payment_method", "payments", KB),
    ("post", "/api/payments/wallet-deposit"): ("create_wallet_deposit", "payments", KB),
    ("get", "/api/payments/wallet-transaction/{transaction_id}"): ("get_wallet_transaction", "payments", KB),
    ("post", "/api/payments/crypto/invoices"): ("create_crypto_invoice", "crypto", KB),
    ("get", "/api/payments/crypto/invoices/{invoice_id}"): ("get_crypto_invoice", "crypto", KB),
    ("get", "/api/payments/crypto/invoices/{invoice_id}/status"): ("get_crypto_invoice_status", "crypto", KB),
    ("post", "/api/payments/crypto/reconcile"): ("reconcile_crypto_payments", "crypto", KB),
    ("get", "/api/stripe/checkout-sessions"): ("list_checkout_sessions", "stripe", KB),
    ("get", "/api/stripe/checkout-sessions/{session_id}"): ("get_checkout_session", "stripe", KB),
    ("post", "/api/stripe/checkout-sessions/{session_id}/expire"): ("expire_checkout_session", "stripe", KB),
    ("post", "/api/stripe/guest-checkout-sessions"): ("create_guest_checkout_session", "stripe", K),
    ("get", "/api/stripe/guest-checkout-sessions"): ("list_guest_checkout_sessions", "stripe", K),
    ("get", "/api/stripe/guest-checkout-sessions/{session_id}"): ("get_guest_checkout_session", "stripe", K),
    ("post", "/api/stripe/guest-checkout-sessions/convert"): ("convert_guest_checkout_session", "stripe", K),
    ("get", "/api/stripe/products"): ("list_products", "stripe", KB),
    ("get", "/api/stripe/products/{product_id}"): ("get_product", "stripe", KB),
    ("get", "/api/stripe/subscriptions"): ("list_subscriptions", "stripe", KB),
    ("get", "/api/stripe/subscription/{subscription_id}"): ("get_subscription", "stripe", KB),
    ("post", "/api/stripe/subscription/{subscription_id}/cancel"): ("cancel_subscription", "stripe", KB),
    ("post", "/api/stripe/subscription/{subscription_id}/update"): ("update_subscription", "stripe", KB),
    ("get", "/api/stripe/history"): ("list_payment_history", "stripe", KB),
    ("get", "/api/stripe/payment/{payment_id}"): ("get_payment_detail", "stripe", KB),
    ("get", "/api/usage/features"): ("get_usage_features", "usage", KB),
    ("post", "/api/usage/record"): ("record_usage", "usage", KB),
    ("get", "/api/usage/history"): ("get_usage_history", "usage", KB),
    ("post", "/api/secure-messages"): ("create_secure_message", "secure_messages", KOB),
    ("get", "/api/secure-messages"): ("list_secure_messages", "secure_messages", KOB),
    ("get", "/api/v1/whitelist/check"): ("check_whitelist", "whitelist", K),
    ("get", "/api/v1/whitelist"): ("list_whitelist_entries", "whitelist", KB),
    ("post", "/api/v1/whitelist"): ("add_whitelist_entry", "whitelist", KB),
    ("put", "/api/v1/whitelist/{email}"): ("update_whitelist_entry", "whitelist", KB),
    ("delete", "/api/v1/whitelist/{email}"): ("remove_whitelist_entry", "whitelist", KB),
    ("get", "/health"): ("get_health", "metrics", NONE),
    ("get", "/health/ready"): ("get_readiness", "metrics", NONE),
    ("get", "/api/metrics"): ("get_prometheus_metrics", "metrics", NONE),
    ("get", "/api/metrics/json"): ("get_metrics_json", "metrics", NONE),
}
SECURITY: dict[str, list[dict[str, list[str]]]] = {
    K: [{"ApiKeyAuth": []}],
    KB: [{"ApiKeyAuth": [], "BearerAuth": []}],
    KOB: [{"ApiKeyAuth": [], "BearerAuth": []}, {"ApiKeyAuth": []}],
    NONE: [],
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return specs.load(SPEC_PATH)


def body_schema(spec: dict[str, Any], op_id: str) -> dict[str, Any]:
    body = op_of(spec, op_id)["requestBody"]
    assert list(body["content"]) == ["application/json"]
    schema: dict[str, Any] = resolve(spec, body["content"]["application/json"]["schema"])
    return schema


def response(spec: dict[str, Any], op_id: str, status: str) -> dict[str, Any]:
    out: dict[str, Any] = resolve(spec, op_of(spec, op_id)["responses"][status])
    return out


def response_schema(spec: dict[str, Any], op_id: str, status: str) -> dict[str, Any]:
    return merged(spec, response(spec, op_id, status)["content"]["application/json"]["schema"])


def data_schema(spec: dict[str, Any], op_id: str, status: str = "200") -> dict[str, Any]:
    return merged(spec, response_schema(spec, op_id, status)["properties"]["data"])


# --- the spec ---------------------------------------------------------------------------------


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["version"] == "2025-11"
    assert [s["url"] for s in spec["servers"]] == ["http://localhost:3300", "https://api.sweetpotato.dev"]


def test_every_sdk_call_is_present_with_method_path_id_and_tag(spec: dict[str, Any]) -> None:
    found = specs.operation_index(spec)
    assert found == {key: (op_id, tag) for key, (op_id, tag, _) in OPERATIONS.items()}
    assert len({op_id for op_id, _ in found.values()}) == 55
    assert {t["name"] for t in spec["tags"]} == {
        "auth",
        "sessions",
        "payments",
        "crypto",
        "stripe",
        "usage",
        "secure_messages",
        "whitelist",
        "metrics",
    }


def test_security_per_operation(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"] == schemes["ApiKeyAuth"] | {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }
    assert schemes["BearerAuth"] == schemes["BearerAuth"] | {"type": "http", "scheme": "bearer"}
    assert "security" not in spec  # no global default: every operation states its own
    for method, path, op in operations(spec):
        assert op["security"] == SECURITY[OPERATIONS[(method, path)][2]], (method, path)


def test_guest_checkout_and_whitelist_check_need_no_bearer(spec: dict[str, Any]) -> None:
    for op_id in (
        "create_guest_checkout_session",
        "get_guest_checkout_session",
        "list_guest_checkout_sessions",
        "convert_guest_checkout_session",
        "check_whitelist",
    ):
        requirements = op_of(spec, op_id)["security"]
        assert all("BearerAuth" not in r for r in requirements), op_id
        assert all("ApiKeyAuth" in r for r in requirements), op_id
    for op_id in ("get_health", "get_readiness", "get_prometheus_metrics", "get_metrics_json"):
        assert op_of(spec, op_id)["security"] == []


def test_only_per_call_headers_are_declared(spec: dict[str, Any]) -> None:
    declared = {
        op["operationId"]: {name for (where, name) in params(spec, op["operationId"]) if where == "header"}
        for _, _, op in operations(spec)
    }
    assert {k: v for k, v in declared.items() if v} == {
        "record_usage": {"X-Idempotency-Key"},
        "reconcile_crypto_payments": {"X-Recon-Token"},
    }
    idem = params(spec, "record_usage")[("header", "X-Idempotency-Key")]
    recon = params(spec, "reconcile_crypto_payments")[("header", "X-Recon-Token")]
    assert idem["required"] is False and recon["required"] is False
    assert idem["schema"]["type"] == recon["schema"]["type"] == "string"


def test_house_rules(spec: dict[str, Any]) -> None:
    for method, path, op in operations(spec):
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", op["operationId"])
        assert len(op["tags"]) == 1
        assert "default" not in op["responses"], path
        body = op.get("requestBody")
        if body is not None:
            assert list(body["content"]) == ["application/json"], path
        if path.startswith("/api/") and op["security"]:
            assert {"400", "401", "500"} <= set(op["responses"]), path
        if "{" in path:
            assert "404" in op["responses"], (method, path)
        for status, resp in op["responses"].items():
            HTTPStatus(int(status))  # IANA only
            resp = resolve(spec, resp)
            assert len(resp["content"]) == 1
            for schema in walk_schema(spec, resp["content"]):
                assert "enum" not in schema, (path, status)
                assert "discriminator" not in schema, (path, status)
                assert schema.get("additionalProperties") is not False, (path, status)
            if int(status) >= 400:
                assert resp["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ErrorResponse"
                }, (path, status)
                assert "X-Request-ID" in resp["headers"], (path, status)


def test_request_enums_never_live_in_response_schemas(spec: dict[str, Any]) -> None:
    response_refs: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref in response_refs:
                    return
                response_refs.add(ref)
                collect(resolve(spec, node))
                return
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for _, _, op in operations(spec):
        collect(op["responses"])
    enum_holders = {
        f"#/components/schemas/{name}"
        for name, schema in spec["components"]["schemas"].items()
        if any("enum" in s for s in walk_schema(spec, schema))
    }
    assert enum_holders == {
        "#/components/schemas/NonceRequest",
        "#/components/schemas/WalletSignInRequest",
        "#/components/schemas/CreateCheckoutSessionRequest",
        "#/components/schemas/CreateGuestCheckoutSessionRequest",
    }
    assert not enum_holders & response_refs


def test_success_and_error_envelopes(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    env = schemas["SuccessEnvelope"]
    assert env["required"] == ["success"]
    assert set(env["properties"]) == {"success", "message", "request_id", "timestamp"}
    err = schemas["ErrorResponse"]
    assert err["required"] == ["error"]
    assert set(err["properties"]) == {"success", "error", "error_description", "metadata", "request_id"}
    assert err["properties"]["error"]["anyOf"] == [
        {"$ref": "#/components/schemas/ErrorDetail"},
        {"type": "string"},
    ]
    assert schemas["ErrorDetail"]["required"] == ["code", "message"]
    known = set(schemas["ErrorDetail"]["properties"]["code"]["x-paywire-known-values"])
    assert {
        "INVALID_CREDENTIALS",
        "INVALID_REFRESH",
        "INVALID_TOKEN",
        "SESSION_NOT_FOUND",
        "NOT_FOUND",
        "CARD_DECLINED",
        "INVALID_TRANSACTION",
        "USAGE_SERVICE_UNAVAILABLE",
    } <= known
    assert schemas["ErrorMetadata"]["properties"] == {"request_id": {"type": "string"}}
    # Every enveloped /api response merges the success envelope.
    for _, path, op in operations(spec):
        if not path.startswith("/api/") or path.startswith("/api/metrics"):
            continue
        for status, resp in op["responses"].items():
            if int(status) < 300:
                schema = resolve(spec, resolve(spec, resp)["content"]["application/json"]["schema"])
                assert schema["allOf"][0] == {"$ref": "#/components/schemas/SuccessEnvelope"}, path


def test_created_statuses(spec: dict[str, Any]) -> None:
    created = {op["operationId"] for _, _, op in operations(spec) if "201" in op["responses"]}
    assert created == {"register", "create_secure_message", "add_whitelist_entry"}
    for op_id in created:
        assert "200" not in op_of(spec, op_id)["responses"]


def test_auth_shapes(spec: dict[str, Any]) -> None:
    nonce = body_schema(spec, "request_nonce")
    assert nonce["required"] == ["wallet_address"]
    assert nonce["properties"]["chain_type"]["enum"] == ["solana", "ethereum"]
    assert nonce["properties"]["chain"]["enum"] == ["solana", "ethereum"]
    assert nonce["properties"]["chain"]["deprecated"] is True
    assert set(data_schema(spec, "request_nonce")["properties"]) >= {
        "nonce",
        "message",
        "wallet_address",
        "expires_at",
    }
    sign_in = body_schema(spec, "wallet_sign_in")
    assert set(sign_in["properties"]) == {"wallet_address", "signature", "message", "chain_type"}
    login = data_schema(spec, "sign_in_with_password")
    assert set(login["required"]) == {"access_token", "refresh_token", "expires_in", "user"}
    assert "token_type" in login["properties"] and "token_type" not in login["required"]
    assert data_schema(spec, "wallet_sign_in") == login
    refreshed = data_schema(spec, "refresh_tokens")
    assert "user" not in refreshed["properties"]
    assert set(refreshed["properties"]) == {"access_token", "refresh_token", "expires_in", "token_type"}
    # register / verify-magic-link: tokens, user and message at the top level or inside data.
    for op_id, status in (("register", "201"), ("verify_magic_link", "200")):
        result = response_schema(spec, op_id, status)
        assert {"message", "tokens", "user", "data"} <= set(result["properties"])
        assert result["required"] == ["success"]
        nested = merged(spec, result["properties"]["data"])
        assert set(nested["properties"]) == {"message", "tokens", "user"}
        assert nested["required"] == []
    assert "data" not in response_schema(spec, "confirm_password_reset", "200")["required"]
    for op_id in ("send_magic_link", "request_password_reset"):
        assert set(data_schema(spec, op_id)["properties"]) == {"email", "sent_at"}
    user = merged(spec, data_schema(spec, "get_current_user")["properties"]["user"])
    wallet = merged(spec, user["properties"]["wallets"]["items"])
    assert set(wallet["properties"]) == {"wallet_address", "chain_type", "verified"}
    assert "requestBody" not in op_of(spec, "logout")


def test_casing_is_as_on_the_wire(spec: dict[str, Any]) -> None:
    guest = data_schema(spec, "create_guest_checkout_session")
    assert set(guest["properties"]) == {
        "id",
        "url",
        "expiresAt",
        "customerEmail",
        "clientReferenceId",
        "successUrl",
        "cancelUrl",
    }
    convert = data_schema(spec, "convert_guest_checkout_session")
    assert set(convert["properties"]) == {"success", "userId", "message", "loginUrl", "magicLinkSent"}
    create = body_schema(spec, "create_guest_checkout_session")
    assert "customer_email" in create["properties"] and "line_items" in create["properties"]
    assert data_schema(spec, "get_guest_checkout_session") == data_schema(spec, "get_checkout_session")
    guest_list = merged(
        spec, data_schema(spec, "list_guest_checkout_sessions")["properties"]["sessions"]["items"]
    )
    assert "session_id" in guest_list["properties"]
    assert guest_list["properties"]["created_at"]["type"] == "string"  # ISO on the guest list
    user_list = merged(spec, data_schema(spec, "list_checkout_sessions")["properties"]["sessions"]["items"])
    assert user_list["properties"]["created_at"]["type"] == "integer"  # unix seconds on the user list
    message = body_schema(spec, "create_secure_message")
    assert set(message["required"]) == {"patientId", "practitionerId", "content"}
    stored = data_schema(spec, "create_secure_message", "201")
    assert {"patient_id", "practitioner_id", "application_id", "created_at"} <= set(stored["properties"])


def test_pagination_parameters(spec: dict[str, Any]) -> None:
    cursor = {("query", "limit"), ("query", "starting_after")}
    for op_id in (
        "list_sessions",
        "list_checkout_sessions",
        "list_guest_checkout_sessions",
        "list_products",
        "list_subscriptions",
        "list_payment_history",
    ):
        assert cursor <= set(params(spec, op_id)), op_id
    assert ("query", "ending_before") in params(spec, "list_payment_history")
    assert ("query", "customer_email") in params(spec, "list_guest_checkout_sessions")
    whitelist = params(spec, "list_whitelist_entries")
    assert set(whitelist) == {("query", "limit"), ("query", "offset"), ("query", "tier")}
    assert whitelist[("query", "limit")]["schema"]["default"] == 10
    assert whitelist[("query", "offset")]["schema"]["default"] == 0
    assert set(data_schema(spec, "list_checkout_sessions")["properties"]) == {
        "sessions",
        "has_more",
        "next_cursor",
    }
    assert params(spec, "get_product")[("query", "include_prices")]["schema"] == {"type": "boolean"}
    assert params(spec, "list_products")[("query", "active")]["schema"] == {"type": "boolean"}


def test_error_statuses_from_the_fixtures(spec: dict[str, Any]) -> None:
    expected = {
        ("sign_in_with_password", "401"),
        ("refresh_tokens", "401"),
        ("register", "400"),
        ("send_magic_link", "400"),
        ("verify_magic_link", "401"),
        ("request_password_reset", "400"),
        ("confirm_password_reset", "401"),
        ("validate_session", "403"),
        ("revoke_session", "404"),
        ("create_checkout_session", "400"),
        ("create_payment_intent", "402"),
        ("update_payment_method", "404"),
        ("create_wallet_deposit", "422"),
        ("get_wallet_transaction", "404"),
        ("get_product", "404"),
        ("get_subscription", "404"),
        ("cancel_subscription", "400"),
        ("update_subscription", "400"),
        ("get_payment_detail", "404"),
        ("list_secure_messages", "500"),
        ("get_usage_features", "503"),
        ("record_usage", "503"),
    }
    for op_id, status in expected:
        assert status in op_of(spec, op_id)["responses"], (op_id, status)
    assert "SESSION_REVOKED" in response(spec, "validate_session", "403")["description"]
    assert "CARD_DECLINED" in response(spec, "create_payment_intent", "402")["description"]
    assert "INVALID_SIGNATURE" in response(spec, "wallet_sign_in", "401")["description"]
    assert "INVALID_STATE" in response(spec, "expire_checkout_session", "400")["description"]
    assert "EMAIL_ALREADY_EXISTS" in response(spec, "add_whitelist_entry", "400")["description"]


def test_usage_crypto_whitelist_and_metrics_shapes(spec: dict[str, Any]) -> None:
    record = body_schema(spec, "record_usage")
    assert set(record["required"]) == {"feature", "quantity"}
    assert record["properties"]["quantity"]["type"] == "number"
    assert set(data_schema(spec, "record_usage")["properties"]) == {
        "record_id",
        "feature",
        "quantity",
        "recorded_at",
        "current_usage",
        "warning",
    }
    invoice = body_schema(spec, "create_crypto_invoice")
    assert invoice["properties"]["amount"]["type"] == "string"
    status = data_schema(spec, "get_crypto_invoice_status")
    assert {"settlement_ids", "underpaid", "overpaid", "normalized_amount"} <= set(status["properties"])
    got = response_schema(spec, "get_crypto_invoice", "200")["properties"]["data"]["anyOf"]
    assert got == [
        {"$ref": "#/components/schemas/CryptoInvoiceWrapper"},
        {"$ref": "#/components/schemas/CryptoInvoice"},
    ]
    assert spec["components"]["schemas"]["CryptoInvoice"].get("required") is None  # id or invoice_id
    check = data_schema(spec, "check_whitelist")
    assert check["required"] == [] and set(check["properties"]) == {"entry", "message"}
    assert params(spec, "check_whitelist")[("query", "email")]["required"] is True
    add = body_schema(spec, "add_whitelist_entry")
    assert add["properties"]["tier"]["default"] == "premium"
    assert add["properties"]["bypass_payment"]["default"] is True
    prom = op_of(spec, "get_prometheus_metrics")["responses"]["200"]["content"]
    assert prom == {"text/plain": {"schema": {"type": "string"}}}
    metrics = merged(
        spec, op_of(spec, "get_metrics_json")["responses"]["200"]["content"]["application/json"]["schema"]
    )
    assert set(metrics["properties"]) == {"timestamp", "uptime_seconds", "system"}


def test_description_records_decisions_and_scope(spec: dict[str, Any]) -> None:
    assert specs.not_mentioned(
        spec["info"]["description"],
        "legacy alias",
        "chain_type` wins",
        "EIP-191",
        "`token_type` is optional",
        "`id` or `invoice_id`",
        "X-Recon-Token",
        "X-Idempotency-Key",
        "INVALID_SESSION",
        "§1.9",
        "spaps/2026-10",
        "header name",
        "PermissionChecker",
        "house rule 2",
        "INVALID_NONCE",
        "INVALID_STATE",
    ) == []


def test_lock_matches_spec() -> None:
    assert specs.locked("spaps/2025-11", SPEC_PATH, PKG)["api_version"] == "2025-11"


# --- the generated client -------------------------------------------------------------------


def test_every_generated_module_imports() -> None:
    names = specs.import_every_module(PKG)
    assert {f"{PKG}.api.{tag}.{op_id}" for op_id, tag, _ in OPERATIONS.values()} - names == set()


def test_generated_models_tolerate_extra_fields_and_unknown_statuses() -> None:
    from paywire_gen_spaps_2025_11 import Client
    from paywire_gen_spaps_2025_11.api.stripe import get_subscription
    from paywire_gen_spaps_2025_11.models import SubscriptionResponse

    body = {
        "success": True,
        "data": {
            "id": "sub_1",
            "status": "quantum_paused",
            "current_period_start": 1,
            "current_period_end": 2,
            "cancel_at_period_end": False,
            "canceled_at": None,
            "items": [{"id": "si_1", "price": {"id": "price_1", "recurring": {"interval": "fortnight"}}}],
            "brand_new_field": {"x": 1},
        },
        "request_id": "req_1",
        "timestamp": "2025-11-09T00:00:00Z",
        "trace": "abc",
    }
    parsed = get_subscription._parse_response(
        client=Client(base_url="http://spaps.test"), response=httpx.Response(200, json=body)
    )
    assert isinstance(parsed, SubscriptionResponse)
    assert parsed.data.status == "quantum_paused"
    assert parsed.data.additional_properties == {"brand_new_field": {"x": 1}}
    assert parsed.additional_properties == {"trace": "abc"}
    assert parsed.data.items[0].price.recurring.interval == "fortnight"  # type: ignore[union-attr, index]
    assert parsed.to_dict()["data"]["brand_new_field"] == {"x": 1}


def test_generated_error_response_both_error_forms() -> None:
    from paywire_gen_spaps_2025_11 import Client
    from paywire_gen_spaps_2025_11.api.auth import sign_in_with_password
    from paywire_gen_spaps_2025_11.models import ErrorDetail, ErrorResponse

    client = Client(base_url="http://spaps.test")
    nested = sign_in_with_password._parse_response(
        client=client,
        response=httpx.Response(
            401,
            json={
                "success": False,
                "error": {"code": "INVALID_CREDENTIALS", "message": "bad", "details": ["x"]},
                "metadata": {"request_id": "req_9"},
            },
        ),
    )
    assert isinstance(nested, ErrorResponse) and isinstance(nested.error, ErrorDetail)
    assert nested.error.code == "INVALID_CREDENTIALS"
    assert nested.error.details == ["x"]
    assert nested.metadata.request_id == "req_9"  # type: ignore[union-attr]
    oauth = ErrorResponse.from_dict(
        {"error": "invalid_grant", "error_description": "expired", "request_id": "r"}
    )
    assert oauth.error == "invalid_grant"
    assert (oauth.error_description, oauth.request_id) == ("expired", "r")
    whitelist_style = ErrorResponse.from_dict({"error": {"code": "INTERNAL_ERROR", "message": "boom"}})
    assert isinstance(whitelist_style.error, ErrorDetail)


def test_generated_auth_result_accepts_flat_and_nested() -> None:
    from paywire_gen_spaps_2025_11.models import AuthResultResponse, RefreshResponse, TokenPairResponse

    user = {"id": "u1", "email": "a@b.c", "wallets": None, "roles": ["x"]}
    tokens = {"access_token": "a", "refresh_token": "r", "expires_in": 900}
    flat = AuthResultResponse.from_dict({"success": True, "message": "ok", "tokens": tokens, "user": user})
    assert flat.tokens.access_token == "a"  # type: ignore[union-attr]
    assert flat.user.additional_properties == {"roles": ["x"]}  # type: ignore[union-attr]
    nested = AuthResultResponse.from_dict(
        {"success": True, "data": {"message": "ok", "tokens": tokens, "user": user}}
    )
    assert nested.data.tokens.refresh_token == "r"  # type: ignore[union-attr]
    pending = AuthResultResponse.from_dict({"success": True, "message": "confirm", "data": {"user": user}})
    assert pending.data.user.id == "u1"  # type: ignore[union-attr]
    refreshed = RefreshResponse.from_dict(
        {"success": True, "data": {"access_token": "a2", "expires_in": 900}}
    )
    assert refreshed.data.access_token == "a2"
    with pytest.raises(KeyError):  # login always carries the user
        TokenPairResponse.from_dict({"success": True, "data": tokens})


def test_generated_invoice_and_payment_accept_wrapped_and_bare() -> None:
    from paywire_gen_spaps_2025_11.models import (
        CryptoInvoice,
        CryptoInvoiceResponse,
        CryptoInvoiceWrapper,
        PaymentDetailResponse,
        PaymentRecord,
        PaymentWrapper,
    )

    wrapped = CryptoInvoiceResponse.from_dict(
        {"success": True, "data": {"invoice": {"id": "inv_1", "status": "new"}}}
    )
    assert isinstance(wrapped.data, CryptoInvoiceWrapper) and wrapped.data.invoice.id == "inv_1"
    bare = CryptoInvoiceResponse.from_dict(
        {"success": True, "data": {"invoice_id": "inv_2", "amount": "1.5"}}
    )
    assert isinstance(bare.data, CryptoInvoice) and bare.data.invoice_id == "inv_2"
    pw = PaymentDetailResponse.from_dict({"success": True, "data": {"payment": {"id": "pi_1", "amount": 5}}})
    assert isinstance(pw.data, PaymentWrapper)
    pb = PaymentDetailResponse.from_dict({"success": True, "data": {"id": "pi_2", "status": "weird"}})
    assert isinstance(pb.data, PaymentRecord) and pb.data.status == "weird"


def test_generated_requests_carry_wire_names_and_headers() -> None:
    from paywire_gen_spaps_2025_11.api.auth import request_nonce
    from paywire_gen_spaps_2025_11.api.crypto import reconcile_crypto_payments
    from paywire_gen_spaps_2025_11.api.secure_messages import create_secure_message
    from paywire_gen_spaps_2025_11.api.usage import record_usage
    from paywire_gen_spaps_2025_11.api.whitelist import remove_whitelist_entry
    from paywire_gen_spaps_2025_11.models import (
        CreateSecureMessageRequest,
        NonceRequest,
        NonceRequestChain,
        NonceRequestChainType,
        ReconcileRequest,
        RecordUsageRequest,
    )

    kwargs = record_usage._get_kwargs(
        body=RecordUsageRequest(feature="api", quantity=2.5), x_idempotency_key="k1"
    )
    assert kwargs["headers"]["X-Idempotency-Key"] == "k1"
    assert kwargs["json"] == {"feature": "api", "quantity": 2.5}
    assert (
        "X-Idempotency-Key"
        not in record_usage._get_kwargs(body=RecordUsageRequest(feature="a", quantity=1))["headers"]
    )
    kwargs = reconcile_crypto_payments._get_kwargs(body=ReconcileRequest(), x_recon_token="rt")
    assert kwargs["headers"]["X-Recon-Token"] == "rt"
    kwargs = create_secure_message._get_kwargs(
        body=CreateSecureMessageRequest(patient_id="p", practitioner_id="d", content="c")
    )
    assert kwargs["json"] == {"patientId": "p", "practitionerId": "d", "content": "c"}
    kwargs = request_nonce._get_kwargs(
        body=NonceRequest(
            wallet_address="0xabc",
            chain_type=NonceRequestChainType.ETHEREUM,
            chain=NonceRequestChain.ETHEREUM,
        )
    )
    assert kwargs["json"] == {"wallet_address": "0xabc", "chain_type": "ethereum", "chain": "ethereum"}
    with pytest.raises(ValueError):
        NonceRequestChainType("bitcoin")
    assert (
        remove_whitelist_entry._get_kwargs("user@example.com")["url"]
        == "/api/v1/whitelist/user%40example.com"
    )

"""Contract checks for openapi/spaps/2026-10.yaml (today's SPAPS server) and paywire_gen_spaps_2026_10.

The 2026-10 contract changes the seed-era one in place (same unversioned paths), so most checks
compare the two files: what moved, what was removed, what was added, and that everything else
stayed wire-compatible.
"""

from __future__ import annotations

import sys
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support import specs
from _support.specs import merged, operations, params, resolve, walk_schema
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "spaps" / "2026-10.yaml"
SEED_PATH = ROOT / "openapi" / "spaps" / "2025-11.yaml"
PKG = "paywire_gen_spaps_2026_10"
DOC_KEYS = {"description", "summary", "x-paywire-known-values"}

sys.path.insert(0, str(ROOT / "scripts"))
import spec_diff  # noqa: E402

K = [{"ApiKeyAuth": []}]
KB = [{"ApiKeyAuth": [], "BearerAuth": []}]
KOB = [{"ApiKeyAuth": [], "BearerAuth": []}, {"ApiKeyAuth": []}]

REMOVED = {
    "get_balance": ("get", "/api/payments/balance"),
    "create_payment_intent": ("post", "/api/payments/create-payment-intent"),
    "update_payment_method": ("post", "/api/payments/update-payment-method"),
    "create_wallet_deposit": ("post", "/api/payments/wallet-deposit"),
    "get_wallet_transaction": ("get", "/api/payments/wallet-transaction/{transaction_id}"),
}
MOVED = {
    "create_checkout_session": (("post", "/api/payments/create-checkout-session"), ("post", "/api/stripe/checkout-sessions")),
    "list_sessions": (("get", "/api/sessions"), ("get", "/api/sessions/")),
}
ADDED = {
    "authorize_usage": ("post", "/api/usage/authorize", "usage", KOB),
    "get_usage_status": ("get", "/api/usage/status", "usage", KOB),
    "set_password": ("post", "/api/auth/set-password", "auth", KB),
    # what spaps 0.8.3 calls around sign-in (#16.8): MFA completion, session context, methods
    "verify_mfa": ("post", "/api/auth/mfa/verify", "auth", K),
    "get_session_context": ("get", "/api/auth/session-context", "auth", KB),
    "list_auth_methods": ("get", "/api/auth/methods", "auth", K),
}
#: operations of both contracts whose wire shape differs (everything else must be identical)
CHANGED = {
    "request_nonce", "sign_in_with_password", "wallet_sign_in", "refresh_tokens", "register", "send_magic_link",
    "verify_magic_link", "get_current_user", "validate_session", "list_sessions", "revoke_session",
    "create_checkout_session", "list_checkout_sessions", "create_guest_checkout_session",
    "list_guest_checkout_sessions", "list_products", "list_subscriptions", "list_payment_history",
    "create_crypto_invoice", "record_usage", "get_usage_history", "create_secure_message", "list_secure_messages",
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return specs.load(SPEC_PATH)


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return specs.load(SEED_PATH)


def deref(spec: dict[str, Any], node: Any) -> Any:
    """Fully dereferenced, without documentation-only keys."""
    node = resolve(spec, node)
    if isinstance(node, dict):
        return {k: deref(spec, v) for k, v in node.items() if k not in DOC_KEYS}
    if isinstance(node, list):
        return [deref(spec, v) for v in node]
    return node


def by_id(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {op["operationId"]: (method, path, op) for method, path, op in operations(spec)}


def op_of(spec: dict[str, Any], op_id: str) -> dict[str, Any]:
    return by_id(spec)[op_id][2]


def body_schema(spec: dict[str, Any], op_id: str) -> dict[str, Any]:
    content = op_of(spec, op_id)["requestBody"]["content"]
    assert list(content) == ["application/json"]
    return merged(spec, content["application/json"]["schema"])


def response_schema(spec: dict[str, Any], op_id: str, status: str = "200") -> dict[str, Any]:
    resp = resolve(spec, op_of(spec, op_id)["responses"][status])
    return merged(spec, resp["content"]["application/json"]["schema"])


def data_node(spec: dict[str, Any], op_id: str, status: str = "200") -> Any:
    return resolve(spec, response_schema(spec, op_id, status)["properties"]["data"])


# --- the document -----------------------------------------------------------------------------


def test_valid_openapi_31_with_its_own_version(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["version"] == "2026-10"
    assert "version: \"2026-10\"" in SPEC_PATH.read_text()  # quoted (house rule 1)
    assert spec["info"]["x-paywire-sdk"] == "spaps 0.8.3"
    assert [s["url"] for s in spec["servers"]] == ["http://localhost:3301", "https://api.sweetpotato.dev"]
    assert "payments" not in {t["name"] for t in spec["tags"]}  # nothing is left under that tag


def test_removed_moved_and_added_operations(spec: dict[str, Any], seed: dict[str, Any]) -> None:
    new, old = by_id(spec), by_id(seed)
    for op_id, (method, path) in REMOVED.items():
        assert old[op_id][:2] == (method, path) and op_id not in new
    assert not [p for p in spec["paths"] if p.startswith("/api/payments/") and not p.startswith("/api/payments/crypto/")]
    for op_id, (was, now) in MOVED.items():
        assert old[op_id][:2] == was and new[op_id][:2] == now, op_id
    assert "/api/sessions" not in spec["paths"] and "/api/payments/create-checkout-session" not in spec["paths"]
    assert op_of(spec, "create_checkout_session")["tags"] == ["stripe"]
    for op_id, (method, path, tag, security) in ADDED.items():
        assert op_id not in old
        assert new[op_id][:2] == (method, path) and new[op_id][2]["tags"] == [tag]
        assert new[op_id][2]["security"] == security, op_id
    assert set(new) == (set(old) - set(REMOVED)) | set(ADDED)
    assert len(new) == 56


def test_unchanged_operations_are_wire_identical(spec: dict[str, Any], seed: dict[str, Any]) -> None:
    new, old = by_id(spec), by_id(seed)
    common = set(new) & set(old)
    assert common >= CHANGED
    for op_id in sorted(common - CHANGED):
        assert new[op_id][:2] == old[op_id][:2], op_id
        assert deref(spec, new[op_id][2]) == deref(seed, old[op_id][2]), op_id
    for op_id in sorted(CHANGED):
        assert deref(spec, new[op_id][2]) != deref(seed, old[op_id][2]), f"{op_id} is listed as changed but is not"


def test_house_rules(spec: dict[str, Any]) -> None:
    for method, path, op in operations(spec):
        assert len(op["tags"]) == 1 and "default" not in op["responses"], path
        if "requestBody" in op:
            assert list(op["requestBody"]["content"]) == ["application/json"], path
        if path.startswith("/api/") and op["security"]:
            assert {"400", "401", "500"} <= set(op["responses"]), path
        if "{" in path:
            assert "404" in op["responses"], (method, path)
        for status, resp in op["responses"].items():
            HTTPStatus(int(status))
            resp = resolve(spec, resp)
            for schema in walk_schema(spec, resp.get("content", {})):
                assert "enum" not in schema and "discriminator" not in schema, (path, status)
                assert schema.get("additionalProperties") is not False, (path, status)
            if int(status) >= 400:
                assert resp["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}
                assert "X-Request-ID" in resp["headers"], (path, status)
    enum_holders = {name for name, schema in spec["components"]["schemas"].items()
                    if any("enum" in s for s in walk_schema(spec, schema))}
    assert enum_holders == {"NonceRequest", "WalletSignInRequest", "CreateCheckoutSessionRequest",
                            "CreateGuestCheckoutSessionRequest", "UsageResourceType", "UsageAuthorizeRequest",
                            "RecordUsageRequest"}


# --- the drift, one change at a time ----------------------------------------------------------


def test_sign_in_may_answer_an_mfa_challenge(spec: dict[str, Any]) -> None:
    for op_id in ("sign_in_with_password", "wallet_sign_in"):
        assert data_node(spec, op_id)["anyOf"] == [
            {"$ref": "#/components/schemas/TokenPair"}, {"$ref": "#/components/schemas/MfaChallenge"}]
    assert data_node(spec, "verify_magic_link")["anyOf"] == [
        {"$ref": "#/components/schemas/MagicLinkSignIn"}, {"$ref": "#/components/schemas/MfaChallenge"}]
    challenge = spec["components"]["schemas"]["MfaChallenge"]
    assert set(challenge["properties"]) == {"mfa_required", "challenge_id", "challenge", "expires_at", "methods"}
    assert challenge["required"] == ["mfa_required", "challenge_id"]
    pair = spec["components"]["schemas"]["TokenPair"]
    assert "refresh_token" not in pair["required"] and "user" in pair["required"]
    assert set(pair["required"]) & set(challenge["required"]) == set()  # the two can never both parse


def test_register_and_magic_link_nest_under_data(spec: dict[str, Any]) -> None:
    for op_id, status in (("register", "201"), ("verify_magic_link", "200")):
        top = response_schema(spec, op_id, status)
        assert "data" in top["required"] and not {"user", "tokens"} & set(top["properties"]), op_id
    register = merged(spec, data_node(spec, "register", "201"))
    assert register["required"] == ["user"] and set(register["properties"]) == {"message", "user", "tokens"}
    assert {"ref", "referral_click_id"} <= set(body_schema(spec, "register")["properties"])
    assert "state" in body_schema(spec, "verify_magic_link")["properties"]
    assert "confirm_url" in body_schema(spec, "send_magic_link")["properties"]
    user = merged(spec, {"$ref": "#/components/schemas/AuthUser"})
    assert {"roles", "permissions", "isAdmin", "metadata"} <= set(user["properties"])


def test_refresh_and_nonce(spec: dict[str, Any]) -> None:
    refreshed = merged(spec, data_node(spec, "refresh_tokens"))
    assert refreshed["required"] == ["access_token"] and "user" not in refreshed["properties"]
    assert refreshed["properties"]["token_type"]["default"] == "Bearer"
    nonce = body_schema(spec, "request_nonce")
    assert set(nonce["properties"]) == {"wallet_address", "chain_type"}


def test_set_password(spec: dict[str, Any]) -> None:
    body = body_schema(spec, "set_password")
    assert body["required"] == ["new_password"] and set(body["properties"]) == {"new_password", "current_password"}
    assert "INVALID_CREDENTIALS" in resolve(spec, op_of(spec, "set_password")["responses"]["400"])["description"]


def test_sessions(spec: dict[str, Any]) -> None:
    assert set(params(spec, "list_sessions")) == {("query", "limit"), ("query", "offset")}
    assert "307" in op_of(spec, "list_sessions")["description"]
    revoke = op_of(spec, "revoke_session")["responses"]
    assert "content" not in revoke["204"] and "200" in revoke
    validation = merged(spec, data_node(spec, "validate_session"))
    assert {"valid", "reason", "session", "authority", "session_id", "renewed"} <= set(validation["properties"])


def test_checkout_and_stripe_lists(spec: dict[str, Any]) -> None:
    create = body_schema(spec, "create_checkout_session")
    assert set(create["required"]) == {"line_items", "mode", "success_url", "cancel_url"}
    assert "price_id" not in create["properties"] and "trial_period_days" in create["properties"]
    created = merged(spec, data_node(spec, "create_checkout_session"))
    assert created["required"] == [] and {"session_id", "checkout_url", "id", "url"} <= set(created["properties"])
    for op_id in ("list_checkout_sessions", "list_guest_checkout_sessions", "list_products",
                  "list_subscriptions", "list_payment_history"):
        names = {name for _, name in params(spec, op_id)}
        assert {"limit", "offset"} <= names and not {"starting_after", "ending_before"} & names, op_id
        assert params(spec, op_id)[("query", "offset")]["schema"] == {"type": "integer", "minimum": 0}


def test_idempotency_headers(spec: dict[str, Any]) -> None:
    declared = {op["operationId"]: {n for (where, n) in params(spec, op["operationId"]) if where == "header"}
                for _, _, op in operations(spec)}
    assert {k: v for k, v in declared.items() if v} == {
        "create_guest_checkout_session": {"Idempotency-Key"},
        "create_crypto_invoice": {"Idempotency-Key"},
        "reconcile_crypto_payments": {"X-Recon-Token"},
    }
    for op_id in ("create_guest_checkout_session", "create_crypto_invoice"):
        assert "409" in op_of(spec, op_id)["responses"]
    assert {"prepared_journey_id", "trial_period_days"} <= set(
        body_schema(spec, "create_guest_checkout_session")["properties"])


def test_usage_two_phase(spec: dict[str, Any]) -> None:
    record = body_schema(spec, "record_usage")
    assert set(record["required"]) == {"authorization_ref", "idempotency_key", "feature_key", "resource_type",
                                       "dimensions"}
    assert not {"feature", "quantity", "timestamp"} & set(record["properties"])
    assert params(spec, "record_usage") == {}
    result = merged(spec, data_node(spec, "record_usage"))
    assert set(result["properties"]) == {"event_id", "status", "replayed", "idempotency_key", "authorization_ref",
                                         "recorded_at", "window_totals"}
    authorization = merged(spec, data_node(spec, "authorize_usage"))
    assert {"decision", "authorization_ref", "expires_at", "window_totals", "remaining"} <= set(
        authorization["properties"])
    assert {name for _, name in params(spec, "get_usage_history")} == {
        "feature_key", "resource_type", "resource_id", "subject_user_id", "limit", "offset"}
    assert params(spec, "get_usage_status")[("query", "feature_key")]["required"] is True
    assert "events" in merged(spec, data_node(spec, "get_usage_history"))["properties"]
    for op_id in ("authorize_usage", "record_usage", "get_usage_status", "get_usage_history"):
        assert op_of(spec, op_id)["security"] == KOB, op_id
    assert op_of(spec, "get_usage_features")["security"] == KB


def test_secure_messages(spec: dict[str, Any]) -> None:
    listing = params(spec, "list_secure_messages")
    assert set(listing) == {("query", "patientId"), ("query", "practitionerId"), ("query", "limit"),
                            ("query", "cursor")}
    assert listing[("query", "patientId")]["required"] and listing[("query", "practitionerId")]["required"]
    assert "SECURE_MESSAGES_OFFSET_UNSUPPORTED" in resolve(
        spec, op_of(spec, "list_secure_messages")["responses"]["400"])["description"]
    create = spec["components"]["schemas"]["CreateSecureMessageRequest"]
    assert create["additionalProperties"] is False and "clientMessageId" in create["properties"]
    assert "SECURE_MESSAGES_IDEMPOTENCY_CONFLICT" in op_of(spec, "create_secure_message")["responses"]["409"][
        "description"]
    message = merged(spec, {"$ref": "#/components/schemas/SecureMessage"})
    assert {"sender_user_id", "sender_role", "client_message_id"} <= set(message["properties"])
    assert "next_cursor" in merged(spec, data_node(spec, "list_secure_messages"))["properties"]
    for op_id in ("create_secure_message", "list_secure_messages"):
        assert op_of(spec, op_id)["security"] == KB


def test_description_records_scope_and_decisions(spec: dict[str, Any]) -> None:
    assert specs.not_mentioned(spec["info"]["description"], "in place", "501", "307", "dashboards", "CFO", "passkeys",
                         "mfa/verify", "Not modelled", "USAGE_IDEMPOTENCY_CONFLICT", "IDEMPOTENCY_CONFLICT",
                         "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT", "INVALID_CREDENTIALS", "spaps/2025-11",
                         "contract profile") == []


# --- the change report (scripts/spec_diff.py, as `generate.py add` prints it) ------------------


def test_change_report_against_2025_11(spec: dict[str, Any], seed: dict[str, Any]) -> None:
    report = spec_diff.diff(seed, spec)
    assert report.has_breaking
    breaking = set(report.breaking)
    assert "create_checkout_session: moved POST /api/payments/create-checkout-session -> POST /api/stripe/checkout-sessions" in breaking
    assert "list_sessions: moved GET /api/sessions -> GET /api/sessions/" in breaking
    for op_id, (method, path) in REMOVED.items():
        assert f"operation removed: {op_id} ({method.upper()} {path})" in breaking
    for line in ("record_usage: header parameter x-idempotency-key removed",
                 "record_usage body.feature: request field removed",
                 "record_usage body.authorization_ref: new required request field",
                 "record_usage 200.data.record_id: response field removed",
                 "list_secure_messages: new required query parameter patientId",
                 "list_products: query parameter starting_after removed",
                 "request_nonce body.chain: request field removed",
                 "register 201.tokens: response field removed"):
        assert line in breaking, line
    additions = set(report.additions)
    for op_id in ADDED:
        assert any(a.startswith(f"new operation: {op_id} ") for a in additions), op_id
    assert "revoke_session: new response 204" in additions
    assert "create_crypto_invoice: new optional header parameter idempotency-key" in additions
    # nothing breaks for the operations the contract keeps unchanged
    assert not [b for b in breaking if b.split(" ")[0].rstrip(":") in set(by_id(spec)) - CHANGED]


# --- lock and generated client ----------------------------------------------------------------


def test_lock_and_versions_table() -> None:
    assert specs.locked("spaps/2026-10", SPEC_PATH, PKG)["api_version"] == "2026-10"
    from paywire._versions import API_VERSIONS, default_version, package_for

    assert list(API_VERSIONS["spaps"]) == ["2025-11", "2026-10"]
    assert default_version("spaps") == "2026-10" and package_for("spaps", None) == ("2026-10", PKG)


def test_every_generated_module_imports(spec: dict[str, Any]) -> None:
    names = specs.import_every_module(PKG)
    assert {f"{PKG}.api.{op['tags'][0]}.{op['operationId']}" for _, _, op in operations(spec)} - names == set()
    assert f"{PKG}.api.payments" not in names


def test_generated_sign_in_parses_tokens_or_a_challenge() -> None:
    from paywire_gen_spaps_2026_10 import Client
    from paywire_gen_spaps_2026_10.api.auth import sign_in_with_password
    from paywire_gen_spaps_2026_10.models import MfaChallenge, SignInResponse, TokenPair

    client = Client(base_url="http://spaps.test")
    tokens = {"access_token": "a", "expires_in": 900, "user": {"id": "u", "isAdmin": True, "roles": ["admin"]}}
    parsed = sign_in_with_password._parse_response(client=client, response=httpx.Response(
        200, json={"success": True, "data": tokens}))
    assert isinstance(parsed, SignInResponse) and isinstance(parsed.data, TokenPair)
    assert parsed.data.user.is_admin is True and parsed.data.user.roles == ["admin"]
    challenge = {"mfa_required": True, "challenge_id": "c", "challenge": "x", "expires_at": "2026-10-24T00:00:00Z",
                 "methods": ["totp", "passkey"]}
    parsed = sign_in_with_password._parse_response(client=client, response=httpx.Response(
        200, json={"success": True, "data": challenge}))
    assert isinstance(parsed, SignInResponse) and isinstance(parsed.data, MfaChallenge)
    assert parsed.data.methods == ["totp", "passkey"]  # an unknown factor name does not break parsing


def test_generated_paths_and_bodies() -> None:
    from paywire_gen_spaps_2026_10.api.secure_messages import list_secure_messages
    from paywire_gen_spaps_2026_10.api.sessions import list_sessions, revoke_session
    from paywire_gen_spaps_2026_10.api.stripe import create_checkout_session
    from paywire_gen_spaps_2026_10.api.usage import record_usage
    from paywire_gen_spaps_2026_10.models import CreateCheckoutSessionRequest, LineItem, RecordUsageRequest

    assert list_sessions._get_kwargs(limit=5, offset=10) == {
        "method": "get", "url": "/api/sessions/", "params": {"limit": 5, "offset": 10}}
    kwargs = list_secure_messages._get_kwargs(patient_id="p", practitioner_id="d", cursor="c")
    assert kwargs["params"] == {"patientId": "p", "practitionerId": "d", "cursor": "c"}
    body = CreateCheckoutSessionRequest.from_dict({"line_items": [{"price_id": "price_1", "quantity": 2}],
                                                   "mode": "payment", "success_url": "s", "cancel_url": "c"})
    assert isinstance(body.line_items[0], LineItem)
    assert create_checkout_session._get_kwargs(body=body)["url"] == "/api/stripe/checkout-sessions"
    record = RecordUsageRequest.from_dict({"authorization_ref": "a", "idempotency_key": "k", "feature_key": "f",
                                           "resource_type": "user", "dimensions": {"calls": 1}})
    sent = record_usage._get_kwargs(body=record)
    assert "headers" not in sent or "X-Idempotency-Key" not in sent["headers"]
    assert sent["json"]["dimensions"] == {"calls": 1}
    assert revoke_session._parse_response(client=None, response=httpx.Response(204)) is None  # type: ignore[arg-type]

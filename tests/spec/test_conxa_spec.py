"""Contract checks for openapi/conxa/v1.yaml and its generated client paywire_gen_conxa_v1."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from _support import specs
from _support.specs import operations, resolve, walk_schema
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "conxa" / "v1.yaml"

OPERATIONS = {
    ("get", "/providers/session/status"): ("get_session_status", "sessions"),
    ("post", "/charge/authorize"): ("authorize_charge", "charges"),
    ("get", "/wallet/{wallet_id}"): ("get_wallet_balance", "wallets"),
    ("get", "/health"): ("health_check", "health"),
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return specs.load(SPEC_PATH)


def header_params(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    params = [resolve(spec, p) for p in op.get("parameters", [])]
    return {p["name"]: p for p in params if p["in"] == "header"}


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    assert isinstance(spec["info"]["version"], str)


def test_operations_ids_and_tags(spec: dict[str, Any]) -> None:
    assert specs.operation_index(spec) == OPERATIONS


def test_api_key_scheme_is_global(spec: dict[str, Any]) -> None:
    scheme = spec["components"]["securitySchemes"]["ProviderApiKey"]
    assert scheme == scheme | {"type": "apiKey", "in": "header", "name": "X-Provider-API-Key"}
    assert spec["security"] == [{"ProviderApiKey": []}]
    for _, _, op in operations(spec):
        # Per-operation security would force AuthenticatedClient in the generated signature.
        assert "security" not in op
        # The API key is injected by the core, never a per-operation parameter (house rule 9).
        assert "X-Provider-API-Key" not in header_params(spec, op)


def test_charge_declares_session_and_idempotency_headers(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/charge/authorize"]["post"]
    headers = header_params(spec, op)
    assert set(headers) == {"X-Provider-Session", "X-Idempotency-Key"}
    for name in headers:
        assert headers[name]["required"] is True
        assert headers[name]["schema"]["minLength"] == 1
    assert headers["X-Idempotency-Key"]["schema"]["maxLength"] == 255
    # Only the charge takes per-call headers.
    for method, path, other in operations(spec):
        if (method, path) != ("post", "/charge/authorize"):
            assert header_params(spec, other) == {}


def test_charge_request_body(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/charge/authorize"]["post"]["requestBody"]
    assert body["required"] is True
    assert list(body["content"]) == ["application/json"]
    schema = resolve(spec, body["content"]["application/json"]["schema"])
    assert set(schema["required"]) == {"model_name", "input_tokens", "output_tokens"}
    assert schema["properties"]["input_tokens"] == {"type": "integer", "minimum": 0}
    assert schema["properties"]["output_tokens"] == {"type": "integer", "minimum": 0}


def test_charge_documents_every_sdk_status(spec: dict[str, Any]) -> None:
    responses = spec["paths"]["/charge/authorize"]["post"]["responses"]
    assert set(responses) == {"200", "401", "402", "403", "404", "409", "422", "429"}
    assert "in progress" in responses["409"]["description"]
    body_402 = resolve(spec, responses["402"]["content"]["application/json"]["schema"])
    assert "new_balance" in body_402["required"]
    assert body_402["properties"]["new_balance"]["type"] == "integer"
    body_403 = resolve(spec, responses["403"]["content"]["application/json"]["schema"])
    assert {"HARD_CAP_VIOLATION", "NO_CHARGE_PERMISSION"} <= set(
        body_403["properties"]["code"]["x-paywire-known-values"]
    )


@pytest.mark.parametrize("value", ["0", "3", "120", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_every_429_documents_retry_after(spec: dict[str, Any], value: str) -> None:
    count = 0
    for _, _, op in operations(spec):
        if "429" not in op["responses"]:
            continue
        count += 1
        header = resolve(spec, op["responses"]["429"]["headers"]["Retry-After"])
        assert header["required"] is True
        assert re.fullmatch(header["schema"]["pattern"], value)
        assert not re.fullmatch(header["schema"]["pattern"], "soon")
    assert count == 3  # status poll, charge, wallet


def test_error_body_allows_envelope_and_fastapi_detail(spec: dict[str, Any]) -> None:
    body = spec["components"]["schemas"]["ErrorBody"]
    assert "required" not in body
    assert {"status", "message", "code", "errors", "detail"} <= set(body["properties"])
    assert len(body["properties"]["detail"]["anyOf"]) == 2


def test_house_rules(spec: dict[str, Any]) -> None:
    for _, path, op in operations(spec):
        assert "default" not in op["responses"], path
        for status, response in op["responses"].items():
            assert re.fullmatch(r"[1-5][0-9][0-9]", status), (path, status)
            for media in response.get("content", {}).values():
                for schema in walk_schema(spec, media["schema"]):
                    assert "enum" not in schema, (path, status)
                    assert "discriminator" not in schema, (path, status)
                    assert schema.get("additionalProperties") is not False, (path, status)
        if "requestBody" in op:
            assert len(op["requestBody"]["content"]) == 1


def test_session_status_values_are_documentation_only(spec: dict[str, Any]) -> None:
    status = spec["components"]["schemas"]["SessionStatus"]["properties"]["status"]
    assert status["type"] == "string"
    assert "enum" not in status
    assert set(status["x-paywire-known-values"]) == {"pending", "active", "expired", "not_found"}


def test_wallet_id_is_sixteen_digits(spec: dict[str, Any]) -> None:
    (param,) = spec["paths"]["/wallet/{wallet_id}"]["get"]["parameters"]
    pattern = resolve(spec, param["schema"])["pattern"]
    assert re.fullmatch(pattern, "1234567890123456")
    for bad in ("123456789012345", "12345678901234567", "12345678901234ab", "../../etc/passwd"):
        assert not re.fullmatch(pattern, bad)


def test_description_records_decisions(spec: dict[str, Any]) -> None:
    assert specs.not_mentioned(
        spec["info"]["description"],
        "scoped to the provider",
        "stored original result with the same status",
        "409",
        "IDEMPOTENCY_KEY_REUSED",
        "401",
        "QRPayload",
        "provider_id`, `provider_type`",
    ) == []


def test_qr_payload_schema_key_order(spec: dict[str, Any]) -> None:
    qr = spec["components"]["schemas"]["QRPayload"]
    assert list(qr["properties"]) == ["provider_id", "provider_type", "provider_username", "limit"]
    assert qr["properties"]["limit"]["type"] == "number"


def test_lock_matches_spec() -> None:
    specs.locked("conxa/v1", SPEC_PATH, "paywire_gen_conxa_v1")


# --- the generated client -------------------------------------------------------------------


def test_every_generated_module_imports() -> None:
    names = specs.import_every_module("paywire_gen_conxa_v1")
    assert {f"paywire_gen_conxa_v1.api.{tag}.{op_id}" for op_id, tag in OPERATIONS.values()} - names == set()


def test_generated_charge_sends_both_headers() -> None:
    from paywire_gen_conxa_v1.api.charges import authorize_charge
    from paywire_gen_conxa_v1.models import ChargeRequest

    kwargs = authorize_charge._get_kwargs(
        body=ChargeRequest(model_name="gpt-4", input_tokens=1, output_tokens=2),
        x_provider_session="ps_x",
        x_idempotency_key="req_1",
    )
    assert kwargs["headers"]["X-Provider-Session"] == "ps_x"
    assert kwargs["headers"]["X-Idempotency-Key"] == "req_1"
    assert kwargs["json"] == {"model_name": "gpt-4", "input_tokens": 1, "output_tokens": 2}


def test_generated_session_status_tolerates_unknown_values_and_extra_fields() -> None:
    from paywire_gen_conxa_v1.models import SessionStatus

    parsed = SessionStatus.from_dict(
        {"status": "suspended", "session_token": None, "wallet_hint": "…3456", "limit": 5}
    )
    assert parsed.status == "suspended"
    assert parsed.session_token is None
    assert parsed.additional_properties == {"wallet_hint": "…3456", "limit": 5}
    assert parsed.to_dict()["wallet_hint"] == "…3456"

    active = SessionStatus.from_dict(
        {"status": "active", "session_token": "ps_abc", "expires_at": "2030-01-01T00:00:00Z"}
    )
    assert active.expires_at == datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)


def test_generated_error_body_parses_both_shapes() -> None:
    from paywire_gen_conxa_v1.models import ErrorBody, InsufficientBalanceBody

    envelope = ErrorBody.from_dict(
        {"status": "error", "message": "bad", "code": "X", "errors": [{"loc": ["body", "a"], "msg": "m"}]}
    )
    assert envelope.code == "X"
    assert isinstance(envelope.errors, list)
    assert envelope.errors[0].msg == "m"
    assert ErrorBody.from_dict({"detail": "Not authenticated"}).detail == "Not authenticated"
    listed = ErrorBody.from_dict({"detail": [{"msg": "field required", "loc": ["query", "x"]}]})
    assert isinstance(listed.detail, list)
    assert listed.detail[0].msg == "field required"
    assert InsufficientBalanceBody.from_dict({"status": "error", "new_balance": 7}).new_balance == 7

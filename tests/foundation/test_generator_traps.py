"""Each known openapi-python-client 0.29 trap, shown against our real generated code and facades.

The house rules in openapi/README.md keep the traps out of the specs (tests/foundation/
test_specs.py checks them); these tests prove the generated clients and the facades cope.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import httpx
import pytest
import respx

import paywire
from paywire.vellum import VellumClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402

BASE = "https://api.vellumcharter.test"


def vellum(version: str = "v1") -> VellumClient:
    return VellumClient(api_key="vlm_sam.secret", tenant_id="sam", base_url=BASE, api_version=version,
                        cache_ttl_ms=0, max_retries=0)


def test_unknown_enum_value_does_not_fail_the_response() -> None:
    """Trap: a literal enum raises on a value it does not know. Our response schemas carry no
    enums, so a newer server's new status parses (and is kept verbatim)."""
    from paywire_gen_vellum_v2.models.subscription import Subscription

    sub = Subscription.from_dict({"status": "paused_by_new_feature", "seats": 1, "newField": {"x": 1}})
    assert sub.status == "paused_by_new_feature"
    assert sub.additional_properties["newField"] == {"x": 1}


@pytest.mark.parametrize("client", generate.discover(), ids=lambda c: c.key)
def test_no_generated_body_union_of_two_content_types(client: generate.Client) -> None:
    """Trap: two request content types give `body: X | X | Unset` and a module that fails to
    import. No generated endpoint has such a duplicated union (and every module imports:
    test_generation.py)."""
    api = ROOT / "generated" / client.package / "api"
    for path in api.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.arg) and node.arg == "body" and node.annotation is not None:
                parts = ast.unparse(node.annotation).split(" | ")
                assert len(parts) == len(set(parts)), f"{path}: {ast.unparse(node.annotation)}"


@respx.mock
def test_non_json_error_body_is_a_typed_error_not_a_json_decode_error() -> None:
    """Trap: a `default` response parses any body as JSON. We declare no `default` and the core
    maps an HTML 502 from a proxy to InternalServerError with the text kept."""
    respx.get(f"{BASE}/tenants/sam/customers/c1/entitlements").respond(
        502, text="<html><h1>502 Bad Gateway</h1></html>", headers={"content-type": "text/html"})
    with pytest.raises(paywire.InternalServerError) as info:
        vellum().get_entitlements("c1")
    assert info.value.status_code == 502 and "Bad Gateway" in str(info.value.body)


@respx.mock
def test_non_standard_status_code_is_mapped_not_a_value_error() -> None:
    """Trap: the generated `_build_response` calls HTTPStatus(520) and raises ValueError."""
    respx.get(f"{BASE}/tenants/sam/customers/c1/entitlements").respond(520, text="origin error")
    with pytest.raises(paywire.APIStatusError) as info:
        vellum().get_entitlements("c1")
    assert info.value.status_code == 520 and isinstance(info.value, paywire.InternalServerError)


@respx.mock
def test_security_schemes_and_servers_are_injected_by_the_core() -> None:
    """Trap: the generator ignores `securitySchemes` and `servers`. The generated request has no
    auth header and a relative URL; the core adds both."""
    gen = importlib.import_module("paywire_gen_vellum_v1.api.entitlements.get_entitlements")
    kwargs = gen._get_kwargs("sam", "c1")
    assert "x-api-key" not in {k.lower() for k in (kwargs.get("headers") or {})}
    assert kwargs["url"].startswith("/tenants/")
    route = respx.get(f"{BASE}/tenants/sam/customers/c1/entitlements").respond(
        200, json={"status": "active", "modules": [], "config": {}})
    vellum().get_entitlements("c1")
    assert route.calls.last.request.headers["x-api-key"] == "vlm_sam.secret"


@respx.mock
def test_response_headers_are_read_from_the_raw_response() -> None:
    """Trap: response headers (here the v1 invoice PDF's 302 Location) are not modelled."""
    respx.get(f"{BASE}/tenants/sam/accounts/a1/invoices/in_1/pdf").respond(
        302, headers={"Location": "https://files.example/in_1.pdf"})
    assert vellum().invoice_pdf_url(account_id="a1", invoice_id="in_1") == "https://files.example/in_1.pdf"


@pytest.mark.parametrize("client", generate.discover(), ids=lambda c: c.key)
def test_meta_none_gets_py_typed_back(client: generate.Client) -> None:
    """Trap: `--meta none` emits no py.typed; scripts/generate.py adds it."""
    assert (ROOT / "generated" / client.package / "py.typed").exists()


def test_discriminators_are_absent_so_unions_parse_in_order() -> None:
    """Trap: discriminators are ignored; our specs use none (test_specs.py), and anyOf parses by
    trying each member: the SPAPS error body accepts both `error` shapes."""
    from paywire._core.errors import parse_error_body

    obj = httpx.Response(401, json={"error": {"code": "INVALID_TOKEN", "message": "expired"}})
    oauth = httpx.Response(401, json={"error": "invalid_grant", "error_description": "expired"})
    assert parse_error_body(obj)[1:3] == ("INVALID_TOKEN", "expired")
    assert parse_error_body(oauth)[1:3] == ("invalid_grant", "expired")

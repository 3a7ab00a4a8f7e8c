"""The change report of the upgrade workflow (scripts/spec_diff.py, `generate.py add|diff`)."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402
import spec_diff  # noqa: E402


def base_spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Fixture", "version": "1"},
        "paths": {
            "/things/{id}": {
                "get": {
                    "operationId": "get_thing", "tags": ["things"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "expand", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": {"description": "ok", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Thing"}}}}},
                },
            },
            "/things": {
                "post": {
                    "operationId": "create_thing", "tags": ["things"],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {
                        "type": "object", "required": ["name"],
                        "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}}}}},
                    "responses": {"201": {"description": "created", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Thing"}}}}},
                },
            },
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer"}}}}},
    }


def report(mutate: Any) -> spec_diff.Report:
    new = copy.deepcopy(base_spec())
    mutate(new)
    return spec_diff.diff(base_spec(), new)


def test_identical_specs_report_nothing() -> None:
    r = spec_diff.diff(base_spec(), base_spec())
    assert r.breaking == [] and r.additions == []


def test_removed_operation_is_breaking() -> None:
    r = report(lambda s: s["paths"].pop("/things"))
    assert any("operation removed: create_thing" in b for b in r.breaking)


def test_moved_operation_is_breaking() -> None:
    def move(s: dict[str, Any]) -> None:
        s["paths"]["/v2/things"] = s["paths"].pop("/things")
    r = report(move)
    assert any("create_thing: moved POST /things -> POST /v2/things" in b for b in r.breaking)


def test_renamed_response_field_is_breaking_with_hint() -> None:
    def rename(s: dict[str, Any]) -> None:
        props = s["components"]["schemas"]["Thing"]["properties"]
        props["title"] = props.pop("name")
    r = report(rename)
    assert any("get_thing 200.name: response field removed (renamed to title?)" in b for b in r.breaking)
    assert any("get_thing 200.title: new response field" in a for a in r.additions)


def test_newly_required_parameter_and_body_field_are_breaking() -> None:
    def tighten(s: dict[str, Any]) -> None:
        s["paths"]["/things/{id}"]["get"]["parameters"][1]["required"] = True
        body = s["paths"]["/things"]["post"]["requestBody"]["content"]["application/json"]["schema"]
        body["required"].append("size")
        body["properties"]["owner"] = {"type": "string"}
        body["required"].append("owner")
    r = report(tighten)
    assert "get_thing: query parameter expand became required" in r.breaking
    assert "create_thing body.size: request field became required" in r.breaking
    assert "create_thing body.owner: new required request field" in r.breaking


def test_changed_types_are_breaking() -> None:
    def retype(s: dict[str, Any]) -> None:
        s["components"]["schemas"]["Thing"]["properties"]["count"] = {"type": "string"}
        s["paths"]["/things/{id}"]["get"]["parameters"][0]["schema"] = {"type": "integer"}
    r = report(retype)
    assert "get_thing 200.count: type changed integer -> string" in r.breaking
    assert "get_thing: path parameter id type changed string -> integer" in r.breaking


def test_success_status_and_media_type_changes_are_breaking() -> None:
    def redirect(s: dict[str, Any]) -> None:
        s["paths"]["/things/{id}"]["get"]["responses"] = {
            "302": {"description": "moved", "headers": {"Location": {"schema": {"type": "string"}}}}}
    r = report(redirect)
    assert any(b.startswith("get_thing: response 200 removed (now 302)") for b in r.breaking)


def test_new_security_requirement_is_breaking_and_a_relaxed_one_is_not() -> None:
    def secure(s: dict[str, Any]) -> None:
        s["paths"]["/things"]["post"]["security"] = [{"BearerAuth": []}]
    r = report(secure)
    assert any(b.startswith("create_thing: security changed") for b in r.breaking)
    relaxed = spec_diff.diff(report_spec(secure), base_spec())
    assert relaxed.breaking == [] and any(a.startswith("create_thing: security changed") for a in relaxed.additions)


def report_spec(mutate: Any) -> dict[str, Any]:
    new = copy.deepcopy(base_spec())
    mutate(new)
    return new


def test_additions_are_not_breaking() -> None:
    def extend(s: dict[str, Any]) -> None:
        s["paths"]["/things/{id}"]["delete"] = {"operationId": "delete_thing", "tags": ["things"],
                                                "responses": {"204": {"description": "gone"}}}
        s["paths"]["/things/{id}"]["get"]["parameters"].append({"name": "lang", "in": "query", "schema": {"type": "string"}})
        s["components"]["schemas"]["Thing"]["properties"]["color"] = {"type": "string"}
        s["paths"]["/things"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["note"] = {"type": "string"}
    r = report(extend)
    assert r.breaking == []
    assert "new operation: delete_thing (DELETE /things/{id})" in r.additions
    assert "get_thing: new optional query parameter lang" in r.additions
    assert "get_thing 200.color: new response field" in r.additions
    assert "create_thing body.note: new optional request field" in r.additions


def test_real_vellum_v1_to_v2_report() -> None:
    v1 = yaml.safe_load((ROOT / "openapi/vellum/v1.yaml").read_text())
    v2 = yaml.safe_load((ROOT / "openapi/vellum/v2.yaml").read_text())
    r = spec_diff.diff(v1, v2)
    text = r.render("vellum/v1", "vellum/v2")
    # the invoice PDF changed from a 302 redirect to 200 PDF bytes
    assert any(b.startswith("get_invoice_pdf: response 302 removed") for b in r.breaking), text
    assert "get_invoice_pdf: new response 200" in r.additions
    # the renamed provisioning fields and the removed raw ids
    assert any("create_account body.stripeCustomerId: request field removed (renamed to billingCustomerId?)" in b
               for b in r.breaking)
    assert any("list_payment_methods 200.methods[].id: response field removed" in b for b in r.breaking)
    # the new operations
    for op in ("update_subscription", "preview_change", "set_seats", "change_plan", "reactivate_subscription",
               "consume_credits", "get_customer_flags"):
        assert any(a.startswith(f"new operation: {op} ") for a in r.additions), op


def _copy_repo(tmp: Path) -> Path:
    for name in ("scripts", "openapi", "generated"):
        shutil.copytree(ROOT / name, tmp / name, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    return tmp


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PAYWIRE_GEN_TOOLS=str(generate.TOOLS))
    return subprocess.run([sys.executable, str(root / "scripts/generate.py"), *args], capture_output=True,
                          text=True, env=env, timeout=600)


@pytest.mark.slow
def test_add_workflow_refuses_unacknowledged_breaking_change_then_adds(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path)
    v2 = yaml.safe_load((root / "openapi/vellum/v2.yaml").read_text())
    breaking = copy.deepcopy(v2)
    breaking["info"]["version"] = "v3"
    del breaking["paths"]["/tenants/{tenantId}/flags"]
    src = tmp_path / "v3.yaml"
    src.write_text(yaml.safe_dump(breaking, sort_keys=False))

    refused = _run(root, "add", "vellum", "v3", "--from", str(src))
    assert refused.returncode == 2
    assert "operation removed: get_global_flags" in refused.stdout
    assert not (root / "openapi/vellum/v3.yaml").exists()

    added = _run(root, "add", "vellum", "v3", "--from", str(src), "--ack-breaking")
    assert added.returncode == 0, added.stderr
    assert (root / "generated/paywire_gen_vellum_v3/py.typed").exists()
    lock = yaml.safe_load((root / "openapi/lock.json").read_text())["clients"]
    assert lock["vellum/v3"]["api_version"] == "v3"
    assert _run(root, "--check", "--quick").returncode == 0

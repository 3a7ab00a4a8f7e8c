"""Every spec is valid OpenAPI and follows the house rules in openapi/README.md.

Each house rule exists because of a measured openapi-python-client 0.29 trap; these checks make
sure no spec reintroduces one.
"""

from __future__ import annotations

import http
from pathlib import Path
from typing import Any

import pytest
from _support import specs
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted(p for p in (ROOT / "openapi").glob("*/*.yaml") if not p.name.endswith(".config.yaml"))


def ids(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def walk(node: Any, trail: tuple[str, ...] = ()):
    """Every (trail, schema-ish dict) below node, following nothing but literal nesting."""
    if isinstance(node, dict):
        yield trail, node
        for key, value in node.items():
            yield from walk(value, (*trail, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, (*trail, str(i)))


def test_there_are_specs_for_every_service() -> None:
    services = {p.parent.name for p in SPECS}
    assert {"spaps", "lumen", "vellum", "conxa"} <= services


@pytest.mark.parametrize("path", SPECS, ids=ids)
def test_spec_is_valid_openapi_31(path: Path) -> None:
    spec = specs.load(path)
    validate(spec)
    assert spec["openapi"].startswith("3.1"), "house rule 1: OpenAPI 3.1"
    assert isinstance(spec["info"]["version"], str), "house rule 1: info.version is a quoted string"
    assert len(spec["info"].get("description", "")) > 200, "info.description must record the contract's decisions"


@pytest.mark.parametrize("path", SPECS, ids=ids)
def test_no_enum_in_any_response_schema(path: Path) -> None:
    """Rule 2: a generated StrEnum raises on an unknown value, so a newer server would crash us."""
    spec = specs.load(path)
    offenders = []
    for method, p, op in specs.operations(spec):
        for status, response in op.get("responses", {}).items():
            for schema in specs.walk_schema(spec, response):
                if "enum" in schema or "const" in schema:
                    offenders.append(f"{method.upper()} {p} {status}")
    assert not offenders, f"enum/const in response schemas: {sorted(set(offenders))}"


@pytest.mark.parametrize("path", SPECS, ids=ids)
def test_one_request_content_type_no_default_iana_statuses(path: Path) -> None:
    spec = specs.load(path)
    for method, p, op in specs.operations(spec):
        where = f"{method.upper()} {p}"
        body = op.get("requestBody")
        if body is not None:
            body = specs.resolve(spec, body)
            assert len(body.get("content", {})) == 1, f"rule 3: {where} has several request content types"
        for status in op.get("responses", {}):
            assert status != "default", f"rule 4: {where} has a default response"
            code = int(status)
            http.HTTPStatus(code)  # rule 5: raises ValueError for a non-IANA status
        assert op.get("operationId"), f"rule 11: {where} has no operationId"
        assert len(op.get("tags", [])) == 1, f"rule 11: {where} must have exactly one tag"


@pytest.mark.parametrize("path", SPECS, ids=ids)
def test_no_discriminator_and_no_closed_response_objects(path: Path) -> None:
    spec = specs.load(path)
    for trail, node in walk(spec):
        assert "discriminator" not in node, f"rule 10: discriminator at {'/'.join(trail)}"
    for method, p, op in specs.operations(spec):
        for status, response in op.get("responses", {}).items():
            for schema in specs.walk_schema(spec, response):
                assert schema.get("additionalProperties") is not False, (
                    f"rule 6: {method.upper()} {p} {status} forbids extra fields")


@pytest.mark.parametrize("path", SPECS, ids=ids)
def test_operation_ids_are_unique_snake_case(path: Path) -> None:
    spec = specs.load(path)
    seen = [op["operationId"] for _, _, op in specs.operations(spec)]
    assert len(seen) == len(set(seen))
    for op_id in seen:
        assert op_id == op_id.lower() and " " not in op_id and "-" not in op_id, op_id

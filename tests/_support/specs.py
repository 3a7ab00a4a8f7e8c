"""Walkers over an OpenAPI document, shared by the spec tests (``tests/spec``): resolve ``$ref``s,
list operations, find an operation's body / response schema / parameters, walk every schema,
merge ``allOf`` members; and ``example``, a valid instance of a schema, for the tests that build
traffic from the specs (the malformed-answer matrix, the sandbox's fast-check parity).
Each takes the loaded spec (a dict) first. Then what every spec test checks the same way: the
lock's entry for a spec, every generated module importing, the description's recorded decisions."""

from __future__ import annotations

import hashlib
import importlib
import json
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

LOCK_PATH = Path(__file__).resolve().parents[2] / "openapi" / "lock.json"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def load(path: Path) -> dict[str, Any]:
    """The OpenAPI document (or generator config) at ``path``, parsed."""
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


def resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        ref: str = node["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield method, path, op


def operation_index(spec: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    """(method, path) -> (operationId, tag) of every operation; each must carry exactly one tag."""
    index: dict[tuple[str, str], tuple[str, str]] = {}
    for method, path, op in operations(spec):
        assert len(op["tags"]) == 1, (method, path, op["tags"])
        index[(method, path)] = (op["operationId"], op["tags"][0])
    return index


def walk_schema(spec: dict[str, Any], node: Any, seen: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every (sub)schema reachable from ``node``, following $refs once each."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        if "$ref" in node:
            if node["$ref"] in seen:
                return
            seen.add(node["$ref"])
            yield from walk_schema(spec, resolve(spec, node), seen)
            return
        yield node
        for value in node.values():
            yield from walk_schema(spec, value, seen)
    elif isinstance(node, list):
        for value in node:
            yield from walk_schema(spec, value, seen)


def op_of(spec: dict[str, Any], op_id: str) -> dict[str, Any]:
    for _, _, op in operations(spec):
        if op["operationId"] == op_id:
            return op
    raise AssertionError(op_id)


def body_schema(spec: dict[str, Any], op_id: str) -> dict[str, Any]:
    body = op_of(spec, op_id)["requestBody"]
    assert body["required"] is True
    assert list(body["content"]) == ["application/json"]
    schema: dict[str, Any] = resolve(spec, body["content"]["application/json"]["schema"])
    return schema


def response_schema(spec: dict[str, Any], op_id: str, status: str) -> dict[str, Any]:
    response = resolve(spec, op_of(spec, op_id)["responses"][status])
    schema: dict[str, Any] = resolve(spec, response["content"]["application/json"]["schema"])
    return schema


def params(spec: dict[str, Any], op_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    resolved = [resolve(spec, p) for p in op_of(spec, op_id).get("parameters", [])]
    return {(p["in"], p["name"]): p for p in resolved}


def merged(spec: dict[str, Any], node: Any) -> dict[str, Any]:
    """A schema with its allOf members merged (properties and required), as the generator does."""
    node = resolve(spec, node)
    out: dict[str, Any] = {"properties": {}, "required": []}
    for part in [node, *node.get("allOf", [])]:
        part = resolve(spec, part)
        if part is not node and "allOf" in part:
            part = merged(spec, part)
        out["properties"].update(part.get("properties", {}))
        out["required"] += [r for r in part.get("required", []) if r not in out["required"]]
    return out


def types_of(schema: dict[str, Any]) -> list[str]:
    """The schema's ``type`` as a list (a 3.1 type may be a string or a list; none: [])."""
    kind = schema.get("type")
    return [kind] if isinstance(kind, str) else list(kind or [])


#: how deep ``example`` fills objects and arrays in (a recursive schema ends in ``{}`` / ``[]``)
EXAMPLE_DEPTH = 16


def example(spec: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    """A valid value for ``schema``: every property filled in, the first alternative of a union,
    ``minItems`` items, strings of the declared format and length, False for a boolean (a pager's
    ``has_more: false`` ends it); None for a free-form schema. Patterns are not honoured: callers
    judge what they build (the malformed matrix checks its example against the schema; the parity
    test counts what openapi-core accepts)."""
    schema = resolve(spec, schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return example(spec, schema[key][0], depth + 1)
    if "allOf" in schema:
        merged_value: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example(spec, part, depth + 1)
            if isinstance(value, dict):
                merged_value.update(value)
        return merged_value
    types = [t for t in types_of(schema) if t != "null"] or (["object"] if "properties" in schema else [])
    kind = types[0] if types else None
    if kind == "object":
        props = schema.get("properties", {})
        return {} if depth > EXAMPLE_DEPTH else {k: example(spec, v, depth + 1) for k, v in props.items()}
    if kind == "array":
        count = 0 if depth > EXAMPLE_DEPTH else max(1, int(schema.get("minItems", 1)))
        return [example(spec, schema.get("items", {}), depth + 1) for _ in range(count)]
    if kind == "boolean":
        return False
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return max(float(schema.get("minimum", 1.5)), 1.5)
    if kind == "string":
        return _string_example(schema)
    return None  # free-form (or only "null"): nothing to say


_FORMAT_EXAMPLES = {"date-time": "2026-01-01T00:00:00Z", "date": "2026-01-01", "uri": "https://files.test/a",
                    "url": "https://files.test/a", "email": "ada@example.com"}


def _string_example(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    if fmt in _FORMAT_EXAMPLES:
        return _FORMAT_EXAMPLES[fmt]
    return "x" * max(int(schema.get("minLength", 3)), 3)


def locked(client: str, spec_path: Path, package: str) -> dict[str, Any]:
    """openapi/lock.json's entry for ``client`` (``"spaps/2025-11"``), checked: it records the
    sha256 of the spec at ``spec_path`` and ``package`` as the generated package."""
    entry: dict[str, Any] = json.loads(LOCK_PATH.read_text())["clients"][client]
    assert entry["spec_sha256"] == hashlib.sha256(spec_path.read_bytes()).hexdigest(), client
    assert entry["package"] == package, client
    return entry


def import_every_module(package: str) -> set[str]:
    """The names of every module of a generated package, each imported (an import error fails)."""
    pkg = importlib.import_module(package)
    names = {m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")}
    for name in sorted(names):
        importlib.import_module(name)
    return names


def not_mentioned(text: str, *needles: str) -> list[str]:
    """The needles ``text`` does not contain (a spec description must record each decision)."""
    return [needle for needle in needles if needle not in text]

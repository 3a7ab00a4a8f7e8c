"""Walkers over an OpenAPI document, shared by the spec tests (``tests/spec``): resolve ``$ref``s,
list operations, find an operation's body / response schema / parameters, walk every schema,
merge ``allOf`` members.
Each takes the loaded spec (a dict) first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


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

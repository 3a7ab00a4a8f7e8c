"""Shared data for the path-segment tests: every operation with a path parameter, read from the
specs themselves (not from the generated index, which the tests check against it), and the
hostile values, split into "valid but odd" (must become exactly one encoded segment) and
"invalid" (must raise a typed error before any I/O)."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import yaml

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

#: Values that must travel as exactly one percent-encoded segment.
ODD_VALUES: dict[str, object] = {
    "slash": "a/b",
    "leading-slash": "/acct_1",
    "question": "?",
    "hash": "#frag",
    "encoded-dots": "%2e%2e",
    "encoded-slash": "a%2Fb",
    "percent": "%",
    "three-dots": "...",
    "dot-prefix": ".hidden",
    "dotdot-prefix": "../acct_1",
    "unicode": "é✓💳",
    "inner-space": "a b",
    "edge-space": " acct_1 ",
    "query-like": "x?status=suspended&y=1",
    "semicolon": "a;b=c",
    "backslash": "..\\..",
    "plus-amp": "+&=",
    "tilde": "~user",
    "longest-allowed": "x" * 1024,
    "integer": 12345,
}

#: Values that must raise a ValidationError (a PathParameterError) with no request sent.
INVALID_VALUES: dict[str, object] = {
    "dot": ".",
    "dotdot": "..",
    "empty": "",
    "blank": "   ",
    "tab": "\t",
    "one-too-long": "x" * 1025,
    "100k": "x" * 100_000,
    "nul": "a\x00b",
    "newline": "a\nb",
    "del": "a\x7fb",
    "lone-surrogate": "\ud800",
    "none": None,
    "bool": True,
    "bytes": b"acct_1",
}


@dataclass(frozen=True)
class SpecOperation:
    client: str  # "vellum/v1"
    package: str
    operation_id: str
    method: str
    path: str  # as in the spec, wire names
    path_params: tuple[str, ...]  # wire names, in URL order

    @property
    def id(self) -> str:
        return f"{self.client}:{self.operation_id}"


def _package(service: str, version: str) -> str:
    return f"paywire_gen_{service}_{version.replace('-', '_').replace('.', '_')}"


def _resolve(spec: dict[str, Any], param: dict[str, Any]) -> dict[str, Any]:
    ref = param.get("$ref")
    if ref is None:
        return param
    node: Any = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return _resolve(spec, node)


def spec_operations() -> list[SpecOperation]:
    """Every operation with at least one path parameter, in every pinned spec."""
    out = []
    for spec_path in sorted((ROOT / "openapi").glob("*/*.yaml")):
        if spec_path.name.endswith(".config.yaml") or spec_path.parent.name == "templates":
            continue
        service, version = spec_path.parent.name, spec_path.stem
        spec = yaml.safe_load(spec_path.read_text())
        for path, item in spec["paths"].items():
            shared = [_resolve(spec, p) for p in item.get("parameters", [])]
            for method in METHODS:
                op = item.get(method)
                if op is None:
                    continue
                params = shared + [_resolve(spec, p) for p in op.get("parameters", [])]
                in_path = {p["name"] for p in params if p.get("in") == "path"}
                if not in_path:
                    continue
                ordered = tuple(re.findall(r"{([^}]+)}", path))
                assert set(ordered) == in_path, f"{service}/{version} {method} {path}: {ordered} vs {in_path}"
                out.append(SpecOperation(f"{service}/{version}", _package(service, version),
                                         op["operationId"], method, path, ordered))
    return out


SPEC_OPERATIONS = spec_operations()


def index_entry(op: SpecOperation) -> Any:
    return importlib.import_module(f"{op.package}.api").OPERATIONS[op.operation_id]


def segment_of(value: object) -> str:
    return quote(str(value), safe="")


def sent_segments(raw_path: bytes, prefix: str) -> list[str]:
    text = raw_path.split(b"?", 1)[0].decode("ascii")
    assert text.startswith(prefix), (text[:200], prefix)
    return text[len(prefix):].split("/")


def expected_segments(template: str, values: dict[str, str]) -> list[str]:
    """The spec template's segments with each ``{name}`` replaced by its encoded value."""
    out = []
    for part in template.split("/"):
        match = re.fullmatch(r"{([^}]+)}", part)
        out.append(values[match.group(1)] if match else part)
    return out


def round_trips(segment: str, value: object) -> bool:
    return "/" not in segment and unquote(segment) == str(value)

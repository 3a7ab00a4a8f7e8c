"""A compiled fast path for the sandbox's spec checks, with openapi-core as the oracle.

openapi-core resolves every ``$ref`` through jsonschema-path on every request (~2-9 ms per
round trip here). This module compiles, once per operation, what a request or response of that
operation must look like: security alternatives, parameters with their casts, and the JSON
bodies as jsonschema-rs validators (Rust, compiled once). It only ever answers *"certainly
valid"* or *"not sure"*: anything it does not model exactly (arrays in the query, other media
types, a missing required field, a failed schema...) is "not sure", and openapi-core then decides
and writes the error message. So the semantics stay openapi-core's by construction, as long as
the fast path never calls valid what openapi-core rejects; ``tests/sandbox/test_fast_check_parity.py``
checks exactly that over a corpus for every operation of every spec.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable, Mapping
from typing import Any


@functools.cache
def _jsonschema_rs() -> Any:
    """jsonschema-rs, an optional accelerator (without it every check goes to openapi-core);
    imported on the first compile, not at start: loading the extension costs ~15 ms."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - exercised only where the wheel is missing
        return None
    return jsonschema_rs


_UNSURE = object()
_INT = re.compile(r"-?[0-9]+\Z")
_NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\Z")

Cast = Callable[[str], Any]


def _cast_for(schema: Mapping[str, Any]) -> Cast | None:
    """How openapi-core turns a parameter string into the schema's type (None: not modelled)."""
    kind = schema.get("type")
    if kind == "string":
        return lambda raw: raw
    if kind == "integer":
        return lambda raw: int(raw) if _INT.match(raw) else _UNSURE
    if kind == "number":
        return lambda raw: float(raw) if _NUM.match(raw) else _UNSURE
    if kind == "boolean":
        return lambda raw: {"true": True, "false": False}.get(raw, _UNSURE)
    return None


# Plain classes rather than dataclasses: each dataclass costs ~1 ms at import, on every start.
class _Param:
    __slots__ = ("cast", "location", "name", "required", "validator")

    def __init__(self, location: str, name: str, required: bool, cast: Cast, validator: Any) -> None:
        self.location = location  # path | query | header
        self.name = name
        self.required = required
        self.cast = cast
        self.validator = validator


class _Response:
    __slots__ = ("headers", "media")

    def __init__(self, media: dict[str, Any], headers: list[_Param]) -> None:
        self.media = media  # media type -> validator (None: declared but not JSON -> not sure)
        self.headers = headers


class _Operation:
    __slots__ = ("body", "body_required", "params", "responses", "security")

    def __init__(self, security: list[list[tuple[str, str]]], params: list[_Param] | None, body: Any,
                 body_required: bool) -> None:
        self.security = security  # alternatives of (kind, header name)
        self.params = params  # None: some parameter is not modelled
        self.body = body  # validator, None (no requestBody) or _UNSURE
        self.body_required = body_required
        self.responses: dict[str, _Response] = {}


class FastChecker:
    """Per-spec compiled checks; ``request_ok``/``response_ok`` -> True only when certainly valid."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self._ops: dict[tuple[str, str], _Operation | None] = {}
        self._lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        return _jsonschema_rs() is not None

    # -- compiling ---------------------------------------------------------------------------------
    def _deref(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, Mapping) and "$ref" in node and seen < 32:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                return None
            target: Any = self.spec
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node, seen = target, seen + 1
        return node

    def _compile(self, schema: Mapping[str, Any]) -> Any:
        # Local refs (#/components/...) resolve against the document, so carry the components.
        doc = {**schema, "components": self.spec.get("components", {})}
        return _jsonschema_rs().Draft202012Validator(doc, validate_formats=True)

    def _param(self, raw: Mapping[str, Any]) -> _Param | None:
        p = self._deref(raw)
        if not isinstance(p, Mapping) or p.get("in") not in ("path", "query", "header") or "content" in p:
            return None
        if p.get("style") not in (None, "form" if p["in"] == "query" else "simple"):
            return None
        schema = self._deref(p.get("schema", {}))
        cast = _cast_for(schema) if isinstance(schema, Mapping) else None
        if cast is None:
            return None
        name = str(p["name"]).lower() if p["in"] == "header" else str(p["name"])
        return _Param(p["in"], name, bool(p.get("required", p["in"] == "path")), cast, self._compile(schema))

    def _security(self, op: Mapping[str, Any]) -> list[list[tuple[str, str]]] | None:
        requirements = op.get("security", self.spec.get("security", []))
        schemes = self.spec.get("components", {}).get("securitySchemes", {})
        out: list[list[tuple[str, str]]] = []
        for requirement in requirements:
            alt: list[tuple[str, str]] = []
            for name in requirement:
                scheme = self._deref(schemes.get(name))
                if not isinstance(scheme, Mapping):
                    return None
                if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                    alt.append(("header", str(scheme["name"]).lower()))
                elif scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
                    alt.append(("bearer", "authorization"))
                else:
                    return None
            out.append(alt)
        return out

    def _operation(self, method: str, path: str) -> _Operation | None:
        key = (method, path)
        if key in self._ops:
            return self._ops[key]
        with self._lock:
            if key not in self._ops:
                self._ops[key] = self._build(method, path)
            return self._ops[key]

    def _build(self, method: str, path: str) -> _Operation | None:
        if _jsonschema_rs() is None:
            return None
        item = self.spec["paths"][path]
        op = item[method.lower()]
        security = self._security(op)
        if security is None:
            return None
        by_key: dict[tuple[str, str], Any] = {}
        for raw in [*item.get("parameters", []), *op.get("parameters", [])]:  # operation level wins
            p = self._deref(raw)
            by_key[(p.get("in"), p.get("name"))] = raw
        params: list[_Param] | None = []
        for raw in by_key.values():
            compiled = self._param(raw)
            if compiled is None:
                params = None
                break
            assert params is not None
            params.append(compiled)
        body: Any = None
        body_required = False
        request_body = self._deref(op.get("requestBody"))
        if isinstance(request_body, Mapping):
            body_required = bool(request_body.get("required", False))
            content = request_body.get("content", {})
            json_media = content.get("application/json")
            body = self._compile(self._deref(json_media.get("schema", {}))) if json_media is not None else _UNSURE
        compiled_op = _Operation(security, params, body, body_required)
        for status, raw_resp in op.get("responses", {}).items():
            resp = self._deref(raw_resp)
            media: dict[str, Any] = {}
            for media_type, spec in resp.get("content", {}).items():
                media[media_type] = (self._compile(self._deref(spec.get("schema", {})))
                                     if media_type == "application/json" else None)
            headers: list[_Param] = []
            modelled = True
            for name, raw_header in resp.get("headers", {}).items():
                compiled = self._param({**(self._deref(raw_header) or {}), "in": "header", "name": name})
                if compiled is None:
                    modelled = False
                    break
                headers.append(compiled)
            if modelled:
                compiled_op.responses[str(status)] = _Response(media, headers)
        return compiled_op

    # -- checking ------------------------------------------------------------------------------------
    @staticmethod
    def _value_ok(param: _Param, raw: str) -> bool:
        if raw == "":  # openapi-core has its own rules for empty values (allowEmptyValue)
            return False
        value = param.cast(raw)
        return value is not _UNSURE and bool(param.validator.is_valid(value))

    def request_ok(self, method: str, path: str, path_params: Mapping[str, str],
                   query: Any, headers: Mapping[str, str], body: bytes) -> bool:
        """``headers`` lower-cased; ``query`` a starlette QueryParams (or a multi-dict)."""
        op = self._operation(method, path)
        if op is None or op.params is None:
            return False
        if op.security and not any(self._satisfied(alt, headers) for alt in op.security):
            return False
        for p in op.params:
            if p.location == "path":
                raw = path_params.get(p.name)
            elif p.location == "query":
                values = query.getlist(p.name)
                if len(values) > 1:
                    return False
                raw = values[0] if values else None
            else:
                raw = headers.get(p.name)
            if raw is None:
                if p.required:
                    return False
                continue
            if not self._value_ok(p, raw):
                return False
        if op.body is None:
            return not body  # a body the operation does not declare: let openapi-core decide
        if not body:
            return not op.body_required
        if op.body is _UNSURE:
            return False
        content_type = headers.get("content-type") or "application/json"
        if content_type.split(";")[0].strip().lower() != "application/json":
            return False
        try:
            parsed = json.loads(body)
        except ValueError:
            return False
        return bool(op.body.is_valid(parsed))

    @staticmethod
    def _satisfied(alternative: list[tuple[str, str]], headers: Mapping[str, str]) -> bool:
        for kind, name in alternative:
            value = headers.get(name)
            if not value:
                return False
            if kind == "bearer" and not (value[:7].lower() == "bearer " and value[7:].strip()):
                return False
        return True

    def response_ok(self, method: str, path: str, status: int, headers: Mapping[str, str],
                    body: Any, data: bytes, media_type: str | None) -> bool:
        """``body`` the reply's Python value (what ``data`` encodes); ``headers`` as sent."""
        op = self._operation(method, path)
        if op is None:
            return False
        resp = op.responses.get(str(status))
        if resp is None:
            return False
        lowered = {k.lower(): str(v) for k, v in headers.items()}
        for h in resp.headers:
            raw = lowered.get(h.name)
            if raw is None:
                if h.required:
                    return False
                continue
            if not self._value_ok(h, raw):
                return False
        if not resp.media:
            return not data
        base = (media_type or "application/json").split(";")[0].strip().lower()
        if base not in resp.media or not data:
            return False
        validator = resp.media[base]
        if validator is None or not isinstance(body, dict | list):
            return False
        try:
            return bool(validator.is_valid(body))
        except (TypeError, ValueError):  # a Python value JSON would have written differently
            return False

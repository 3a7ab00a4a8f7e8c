"""Every control-plane route x malformed input -> 400 with a message, and nothing breaks.

The routes are discovered from the app itself (so a new control is covered, or fails the
schema-coverage test, without anyone editing this file); the malformed inputs come from each
route's own schema: every property gets wrong types, NaN/inf strings, negative and huge
numbers, nested junk; every route gets non-JSON, arrays, scalars, NaN literals, deep nesting
and unknown fields; routes with required fields get them missing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from paywire.sandbox import control_schemas
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.app import Sandbox, build_app

NUMERIC_JUNK: list[Any] = ["nan", "NaN", "inf", "-Infinity", 1e308, -1e308, 10**30, -(10**30)]
TYPE_JUNK: list[Any] = ["abc", "", "x" * 5000, -1, 0, 1.5, True, None, [], [1, "a"], {}, {"nested": [{"junk": None}]}]
BODY_JUNK: list[bytes] = [
    b"{not json", b"\xff\xfe\x00", b"[]", b"[1, 2]", b'"a string"', b"42", b"null", b"true",
    b'{"seconds": NaN}', b'{"x": Infinity}', b"[" * 50_000 + b"]" * 50_000,
    json.dumps({"zz_junk": {"a": [1, {"b": None}]}}).encode(),
]


def control_routes() -> list[tuple[str, str]]:
    """(METHOD, route relative to /_sandbox) for every concrete control-plane route."""
    app = build_app(Sandbox())
    out = []
    for r in app.routes:
        path = getattr(r, "path", "")
        if (path == "/_sandbox" or path.startswith("/_sandbox/")) and "{" not in path:
            for method in sorted(r.methods - {"HEAD"}):
                out.append((method, path.removeprefix("/_sandbox").strip("/")))
    return out


ROUTES = control_routes()


STRING_SAMPLES = ["x", "someone@example.com", "4242424242424242", "4242", "10.5", "conxa/expire"]


def example(schema: dict[str, Any]) -> Any:
    """A valid value for a schema (enough of the JSON Schema subset the control plane uses)."""
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema and "type" not in schema:
        return example(schema["anyOf"][0])
    kind = schema.get("type")
    if kind == "object":
        value = {name: example(schema["properties"][name]) for name in schema.get("required", [])}
        if "anyOf" in schema:  # e.g. "user_id or email"
            for name in schema["anyOf"][0].get("required", []):
                value[name] = example(schema["properties"][name])
        return value
    if kind == "string":
        fits = [c for c in STRING_SAMPLES if Draft202012Validator(schema).is_valid(c)]
        assert fits, f"no sample string fits {schema}"
        return fits[0]
    if kind in ("integer", "number"):
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return True
    return {}


def malformed_cases(method: str, route: str) -> Iterator[tuple[str, bytes, str | None]]:
    """(label, raw body, field the message must name) for one route."""
    schema = control_schemas.schema_for(method, route)
    assert schema is not None
    for raw in BODY_JUNK:
        yield f"body {raw[:24]!r}", raw, None
    base = example(schema)
    assert not list(Draft202012Validator(schema).iter_errors(base)), f"example for {route} is invalid"
    if schema.get("required"):
        yield "missing required fields", b"{}", None
    for name, prop in schema.get("properties", {}).items():
        validator = Draft202012Validator(prop)
        numeric = _is_numeric(prop)
        if numeric:  # no numeric field may take NaN/inf/overflowing values, whatever its bounds
            for junk in NUMERIC_JUNK:
                assert not validator.is_valid(junk), f"{method} {route}.{name} accepts {junk!r}"
        for junk in NUMERIC_JUNK + TYPE_JUNK:
            if validator.is_valid(junk):
                continue  # e.g. -1 for a signed amount, null for a nullable field
            yield f"{name}={str(junk)[:20]!r}", json.dumps({**base, name: junk}).encode(), name


def _is_numeric(schema: dict[str, Any]) -> bool:
    if schema.get("type") in ("integer", "number"):
        return True
    return any(_is_numeric(s) for s in schema.get("anyOf", []))


def test_every_control_route_has_a_schema_and_every_schema_a_route() -> None:
    routes = set(ROUTES)
    assert len(routes) > 40  # the discovery really found the per-service controls
    assert sorted(r for r in routes if control_schemas.schema_for(*r) is None) == []
    assert sorted(k for k in control_schemas.SCHEMAS if k not in routes) == []


def test_the_empty_body_shortcut_agrees_with_jsonschema_on_every_route() -> None:
    """check() answers ``{}`` without jsonschema where it is certainly valid; on every route
    (and a route without a schema) that must be jsonschema's own verdict."""
    schemas: list[Any] = [*control_schemas.SCHEMAS.values(), None]
    for schema in schemas:
        valid = Draft202012Validator(schema if schema is not None else {"type": "object"}).is_valid({})
        if control_schemas.empty_is_valid(schema):
            assert valid, schema
    for method, route in ROUTES:
        schema = control_schemas.schema_for(method, route)
        if Draft202012Validator(schema).is_valid({}):
            assert control_schemas.check(method, route, {}) == {}
        else:
            with pytest.raises(control_schemas.ControlInputError):
                control_schemas.check(method, route, {})
    # The shortcut is taken where it matters: the info route and the other body-less GETs.
    assert control_schemas.empty_is_valid(control_schemas.schema_for("GET", ""))


@pytest.fixture
def control(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=paywire_sandbox.url + "/_sandbox", timeout=30) as client:
        yield client


def test_every_control_route_refuses_malformed_input_with_400_and_a_message(
    paywire_sandbox: Any, control: httpx.Client
) -> None:
    before = paywire_sandbox.clock.offset
    counted = 0
    for method, route in ROUTES:
        for label, raw, field in malformed_cases(method, route):
            url = paywire_sandbox.url + "/_sandbox" + (f"/{route}" if route else "")
            r = control.request(method, url, content=raw, headers={"content-type": "application/json"})
            where = f"{method} /_sandbox/{route} with {label}"
            assert r.status_code == 400, f"{where}: {r.status_code} {r.text[:300]}"
            message = r.json()["error"]
            assert isinstance(message, str) and message, where
            if field is not None:
                assert field in message, f"{where}: message does not name the field: {message}"
            counted += 1
    assert counted > 1000
    # Nothing malformed got in: no fault rule, the clock did not move, the server still serves.
    assert control.get("/faults").json() == {"faults": []}
    assert paywire_sandbox.clock.offset == before and math.isfinite(paywire_sandbox.clock.now())
    login = httpx.post(paywire_sandbox.base_url("spaps") + "/api/auth/login",
                       headers={"X-API-Key": sb_spaps.DEFAULT_API_KEY},
                       json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    assert login.status_code == 200, login.text
    assert paywire_sandbox.response_violations == []


@pytest.mark.parametrize("body", [{"seconds": "nan"}, {"seconds": "inf"}, {"seconds": -1}, {"seconds": 1e308}])
def test_clock_junk_is_refused_and_spaps_login_still_works(
    paywire_sandbox: Any, control: httpx.Client, body: dict[str, Any]
) -> None:
    # The reported bug: {"seconds": "nan"} was accepted and broke SPAPS login until reset.
    r = control.post("/clock", json=body)
    assert r.status_code == 400 and "seconds" in r.json()["error"]
    login = httpx.post(paywire_sandbox.base_url("spaps") + "/api/auth/login",
                       headers={"X-API-Key": sb_spaps.DEFAULT_API_KEY},
                       json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    assert login.status_code == 200, login.text


def test_fault_with_bad_latency_is_refused_before_it_can_break_a_request(
    paywire_sandbox: Any, control: httpx.Client
) -> None:
    r = control.post("/faults", json={"match": "conxa:get_wallet_balance", "latency_ms": "abc"})
    assert r.status_code == 400 and "latency_ms" in r.json()["error"]
    r = control.post("/faults", json={"match": "conxa:no_such_operation"})
    assert r.status_code == 400 and "no such operationId" in r.json()["error"]
    r = control.post("/faults", json={"match": "nosvc:*"})
    assert r.status_code == 400 and "unknown service" in r.json()["error"]
    assert control.get("/faults").json() == {"faults": []}


def test_python_api_applies_the_same_checks() -> None:
    sb = Sandbox()
    for kwargs in ({"latency_ms": "abc"}, {"times": 0}, {"status": 200}, {"retry_after": "1\r\nX-Evil: 1"},
                   {"latency_ms": math.nan}, {"reset": "sideways"}):
        with pytest.raises(control_schemas.ControlInputError):
            sb.faults.add("*", **kwargs)
    for seconds in (math.nan, math.inf, "5", True, -1):
        with pytest.raises(ValueError, match=r"seconds|forward"):
            sb.clock.advance(seconds)  # type: ignore[arg-type]
    assert sb.faults.rules == [] and sb.clock.offset == 0


def test_error_messages_never_echo_a_secret(control: httpx.Client) -> None:
    secret = "sk_live_do_not_echo_" + "9" * 300  # too long: invalid, and must not be quoted
    r = control.post("/seed", json={"conxa": {"providers": [{"provider_id": "p", "api_key": secret}]}})
    assert r.status_code == 400 and "api_key" in r.text and "do_not_echo" not in r.text
    r = control.post("/spaps/create_user", json={"email": "a@b.co", "password": {"pw": "do_not_echo"}})
    assert r.status_code == 400 and "password" in r.text and "do_not_echo" not in r.text


def test_unknown_control_is_404_naming_it(control: httpx.Client) -> None:
    r = control.post("/conxa/no-such-thing", json={})
    assert r.status_code == 404 and "conxa/no-such-thing" in r.json()["error"]

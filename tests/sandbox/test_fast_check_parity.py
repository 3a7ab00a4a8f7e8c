"""The compiled fast path never calls valid what openapi-core rejects, and it does take the
common valid traffic (otherwise it would be correct but useless).

Corpus, for every operation of every spec: a request built from the operation's own schemas
(valid as far as the spec says), then mutations of it (each required parameter or header
missing, wrong-typed parameters, junk and wrong-typed bodies, missing credentials, a wrong
content type); and a response per declared status with a body built from its schema, plus
mutations (wrong types, missing required fields, undeclared status). Each is judged by both.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from _support.specs import example, resolve
from starlette.datastructures import Headers, QueryParams

from paywire.sandbox._fast_check import FastChecker
from paywire.sandbox._framework import ServiceApp, _OARequest, _OAResponse
from paywire.sandbox.app import load_services

SERVICES = {svc.name: svc for svc in load_services()}
#: Mutants judged per spec in the default run (every "as specified" case is always judged);
#: tests/soak/test_soak_fast_check_parity.py sets 0 = all (~5,000 cases, ~1 CPU-minute).
MUTANTS = int(os.environ.get("PAYWIRE_PARITY_MUTANTS", "60"))


def spread(cases: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """All "as specified" cases, plus MUTANTS mutants spread evenly over the whole corpus."""
    everything = list(cases)
    mutants = [c for c in everything if c[0] != "as specified"]
    step = max(1, len(mutants) // MUTANTS) if MUTANTS else 1
    keep = {id(c) for c in mutants[::step]}
    return (c for c in everything if c[0] == "as specified" or id(c) in keep)
pytestmark = pytest.mark.skipif(not FastChecker.available(), reason="jsonschema-rs not installed")


def as_param_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Kept small: openapi-core, the judge, costs milliseconds per case.
JUNK_VALUES: list[Any] = ["abc", -1, None, {"nested": ["junk"]}]


def requests_for(svc: ServiceApp) -> Iterator[tuple[str, str, str, dict[str, str], dict[str, str], dict[str, str],
                                                     bytes]]:
    """(label, METHOD, path template, path params, query, headers, body)."""
    spec = svc.spec
    schemes = spec.get("components", {}).get("securitySchemes", {})
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            params = [resolve(spec, p) for p in [*item.get("parameters", []), *op.get("parameters", [])]]
            pp: dict[str, str] = {}
            query: dict[str, str] = {}
            headers: dict[str, str] = {}
            for p in params:
                value = as_param_string(example(spec, p.get("schema", {})))
                {"path": pp, "query": query, "header": headers}.get(p["in"], {})[
                    p["name"].lower() if p["in"] == "header" else p["name"]] = value
            security = op.get("security", spec.get("security", []))
            if security and security[0]:
                for name in security[0]:
                    scheme = schemes[name]
                    if scheme["type"] == "apiKey":
                        headers[scheme["name"].lower()] = "key_123"
                    else:
                        headers["authorization"] = "Bearer tok_123"
            body = b""
            rb = resolve(spec, op.get("requestBody"))
            if rb and "application/json" in rb.get("content", {}):
                headers["content-type"] = "application/json"
                document = example(spec, rb["content"]["application/json"].get("schema", {}))
                body = json.dumps(document).encode()
            base = (method.upper(), path, pp, query, headers, body)
            yield ("as specified", *base)
            for p in params:
                where = {"path": pp, "query": query, "header": headers}.get(p["in"])
                if where is None:
                    continue
                key = p["name"].lower() if p["in"] == "header" else p["name"]
                without = {k: v for k, v in where.items() if k != key}
                for label, replaced in [(f"no {key}", without), (f"{key}=abc", {**where, key: "abc"}),
                                        (f"{key} empty", {**where, key: ""})]:
                    parts = {"path": pp, "query": query, "header": headers, p["in"]: replaced}
                    yield (label, method.upper(), path, parts["path"], parts["query"], parts["header"], body)
            if security:
                bare = {k: v for k, v in headers.items() if k not in ("authorization", "x-api-key") and
                        not k.endswith("api-key")}
                yield ("no credentials", method.upper(), path, pp, query, bare, body)
                yield ("basic auth", method.upper(), path, pp, query, {**bare, "authorization": "Basic eA=="}, body)
            if body:
                yield ("form content type", method.upper(), path, pp, query,
                       {**headers, "content-type": "application/x-www-form-urlencoded"}, body)
                yield ("non-JSON body", method.upper(), path, pp, query, headers, b"{nope")
                for junk in JUNK_VALUES:
                    yield (f"body {junk!r:.20}", method.upper(), path, pp, query, headers, json.dumps(junk).encode())
                document = json.loads(body)
                if isinstance(document, dict):
                    for field in document:
                        for junk in JUNK_VALUES:
                            yield (f"{field}={junk!r:.20}", method.upper(), path, pp, query, headers,
                                   json.dumps({**document, field: junk}).encode())
                        yield (f"no {field}", method.upper(), path, pp, query, headers,
                               json.dumps({k: v for k, v in document.items() if k != field}).encode())
            elif method in ("post", "put", "patch"):
                yield ("undeclared body", method.upper(), path, pp, query, {**headers, "content-type":
                                                                             "application/json"}, b'{"a": 1}')


def core_accepts_request(svc: ServiceApp, method: str, path: str, pp: dict[str, str], query: dict[str, str],
                         headers: dict[str, str], body: bytes) -> bool:
    url_path = path
    for k, v in pp.items():
        url_path = url_path.replace("{" + k + "}", v)
    try:
        # What the framework passes in production: starlette's case-insensitive headers.
        oa_req = _OARequest(method, url_path, QueryParams(query), Headers(headers=headers), body)
        result = svc.openapi.unmarshal_request(oa_req)
    except Exception:
        return False
    return not result.errors


def assert_parity(name: str, verdicts: Iterator[tuple[str, str, bool, bool]]) -> None:
    """``verdicts``: (label, what was judged, fast path accepts, openapi-core accepts) per case.
    The fast path is safe (never accepts what openapi-core rejects) and useful (takes most of
    the valid traffic openapi-core accepts, so it rarely has to be asked)."""
    judged = fast_valid = core_valid = 0
    wrong: list[str] = []
    for label, what, fast_ok, core_ok in verdicts:
        judged += 1
        if label == "as specified":  # (mutants like "path param missing" are not real traffic)
            fast_valid += fast_ok
            core_valid += core_ok
        if fast_ok and not core_ok:
            wrong.append(f"{what} [{label}]")
    assert wrong == [], f"{name}: fast path accepts what openapi-core rejects:\n" + "\n".join(wrong[:30])
    assert judged > 40
    assert fast_valid >= 0.9 * core_valid > 0, (name, fast_valid, core_valid)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", sorted(SERVICES))
def test_fast_request_check_never_accepts_what_openapi_core_rejects(name: str) -> None:
    svc = SERVICES[name]
    fast = FastChecker(svc.spec)
    assert_parity(name, (
        (label, f"{method} {path}", fast.request_ok(method, path, pp, QueryParams(query), headers, body),
         core_accepts_request(svc, method, path, pp, query, headers, body))
        for label, method, path, pp, query, headers, body in spread(requests_for(svc))))


def responses_for(svc: ServiceApp) -> Iterator[tuple[str, str, str, int, dict[str, str], Any]]:
    """(label, METHOD, path, status, headers, body) per declared response, plus mutations."""
    spec = svc.spec
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for status, raw in op.get("responses", {}).items():
                if not status.isdigit():
                    continue
                resp = resolve(spec, raw)
                headers = {h: as_param_string(example(spec, resolve(spec, spec_h).get("schema", {})))
                           for h, spec_h in resp.get("headers", {}).items()}
                media = resp.get("content", {}).get("application/json")
                if media is None:
                    continue
                body = example(spec, media.get("schema", {}))
                base = (method.upper(), path, int(status), headers)
                yield ("as specified", *base, body)
                yield ("undeclared status", method.upper(), path, 418, headers, body)
                for h in headers:
                    yield (f"no header {h}", method.upper(), path, int(status),
                           {k: v for k, v in headers.items() if k != h}, body)
                for junk in JUNK_VALUES:
                    yield (f"body {junk!r:.20}", *base, junk)
                if isinstance(body, dict):
                    for field in body:
                        for junk in JUNK_VALUES:
                            yield (f"{field}={junk!r:.20}", *base, {**body, field: junk})
                        yield (f"no {field}", *base, {k: v for k, v in body.items() if k != field})


def core_accepts_response(svc: ServiceApp, method: str, path: str, status: int, headers: dict[str, str],
                          data: bytes) -> bool:
    oa_req = _OARequest(method, path, QueryParams({}), {}, b"")
    try:
        return not list(svc.openapi.iter_response_errors(oa_req, _OAResponse(status, headers, data, "application/json")))
    except Exception:
        return False


@pytest.mark.timeout(600)  # openapi-core judging ~1,000 cases for the biggest spec, on a busy box
@pytest.mark.parametrize("name", sorted(SERVICES))
def test_fast_response_check_never_accepts_what_openapi_core_rejects(name: str) -> None:
    svc = SERVICES[name]
    fast = FastChecker(svc.spec)

    def verdicts() -> Iterator[tuple[str, str, bool, bool]]:
        for label, method, path, status, headers, body in spread(responses_for(svc)):
            data = json.dumps(body).encode()
            yield (label, f"{method} {path} -> {status}",
                   fast.response_ok(method, path, status, headers, body, data, "application/json"),
                   core_accepts_response(svc, method, path, status, headers, data))

    assert_parity(name, verdicts())

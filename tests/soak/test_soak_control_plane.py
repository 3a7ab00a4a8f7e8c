"""Seeded hypothesis fuzz of every control-plane route: no input may produce a 5xx.

Bodies are raw bytes, arbitrary JSON, NaN/Infinity literals, and objects built from each
route's own field names with junk or plausible values (so the fuzz also reaches the handlers
behind the schemas). Run with ``nox -s soak``; prints ``control-plane fuzz: N cases -> 0 5xx``.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paywire.sandbox import control_schemas
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.app import Sandbox, build_app
from paywire.sandbox.server import run

CASES = 5000


def control_routes() -> list[tuple[str, str]]:
    out = []
    for r in build_app(Sandbox()).routes:
        path = getattr(r, "path", "")
        if (path == "/_sandbox" or path.startswith("/_sandbox/")) and "{" not in path:
            out.extend((m, path.removeprefix("/_sandbox").strip("/")) for m in sorted(r.methods - {"HEAD"}))
    return out


ROUTES = control_routes()
PLAUSIBLE = st.sampled_from([
    "4242424242424242", "1111222233334444", "user@example.com", "openai", "sam", "conxa:*", "*",
    "conxa:get_wallet_balance", "before", "after", "flat", "pro", "spaps", "10.5", "nan", "inf", "-1", "",
    0, 1, -1, 3.5, 1e308, -1e308, 10**40, True, False, None, "x" * 3000,
])
LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
          | st.text(max_size=20) | PLAUSIBLE)
JSON = st.recursive(LEAVES, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                                                     max_size=4), max_leaves=12)


@st.composite
def bodies(draw: Any, method: str, route: str) -> bytes:
    schema = control_schemas.schema_for(method, route) or {}
    names = list(schema.get("properties", {}))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return bytes(draw(st.binary(max_size=200)))
    if kind == 1:
        return json.dumps(draw(JSON)).encode()
    if kind == 2:
        name = draw(st.sampled_from(names)) if names else "x"
        literal = draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-0", "[" * 3000]))
        return f'{{"{name}": {literal}}}'.encode()
    # Mostly: the route's own fields with plausible or junk values, sometimes an extra field.
    fields = draw(st.dictionaries(st.sampled_from(names), PLAUSIBLE | JSON, max_size=len(names))) if names else {}
    if draw(st.integers(0, 9)) == 0:
        fields[draw(st.text(max_size=8))] = draw(JSON)
    return json.dumps(fields).encode()


@st.composite
def cases(draw: Any) -> tuple[str, str, bytes]:
    method, route = draw(st.sampled_from(ROUTES))
    return method, route, draw(bodies(method, route))


@pytest.mark.soak
@pytest.mark.timeout(1800)  # ~3 min on the shared 2-core box; the default 120 s is for unit tests
def test_soak_control_plane_fuzz_never_5xx() -> None:
    counts = {"cases": 0, "5xx": 0, "400": 0, "2xx": 0, "other": 0}
    failures: list[str] = []
    with run() as sb, httpx.Client(timeout=120) as client:

        @settings(max_examples=CASES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(cases())
        def fuzz(case: tuple[str, str, bytes]) -> None:
            method, route, raw = case
            url = sb.url + "/_sandbox" + (f"/{route}" if route else "")
            r = client.request(method, url, content=raw, headers={"content-type": "application/json"})
            counts["cases"] += 1
            if r.status_code >= 500:
                counts["5xx"] += 1
                failures.append(f"{method} /_sandbox/{route} {raw[:120]!r} -> {r.status_code} {r.text[:200]}")
            elif r.status_code == 400:
                assert r.json()["error"], "a 400 must say why"
                counts["400"] += 1
            elif 200 <= r.status_code < 300:
                counts["2xx"] += 1
            else:
                counts["other"] += 1

        t0 = time.monotonic()
        fuzz()
        elapsed = time.monotonic() - t0
        # Whatever the fuzz applied, a reset gives a working sandbox again.
        assert client.post(sb.url + "/_sandbox/reset").status_code == 200
        login = client.post(sb.base_url("spaps") + "/api/auth/login",
                            headers={"X-API-Key": sb_spaps.DEFAULT_API_KEY},
                            json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
        assert login.status_code == 200, login.text
    print(f"\ncontrol-plane fuzz: {counts['cases']} cases -> {counts['5xx']} 5xx "
          f"({counts['400']} refused with 400, {counts['2xx']} accepted, {counts['other']} other; "
          f"{len(ROUTES)} routes, {elapsed:.1f} s)")
    assert failures == [], "\n".join(failures[:20])

"""Lumen proxy soak (issue #13 item 7): body-cap RSS over many 20 MiB requests, and a relay fuzz.

Run by ``nox -s soak`` (``pytest -m soak tests/soak``); both print their figures.
"""

from __future__ import annotations

import json
import random
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lumen"))
from _lumen_helpers import route_pool
from test_lumen_proxy_body_cap import (
    FRAMEWORKS,
    MiB,
    ProxyServer,
    _head,
    _read_all,
    _status,
    chunked_20mib,
    declared_20mib,
    json_of_size,
    small_post,
)

from paywire.lumen import _pool
from paywire.lumen._proxy import DEFAULT_MAX_BODY_BYTES, DEFAULT_ROUTES, LumenProxy, ProxyRequest

pytestmark = pytest.mark.soak

ROUNDS = 30
BODY = json_of_size(20 * MiB)


def full_20mib(port: int) -> int | None:
    """Send a whole 20 MiB JSON body with its Content-Length while reading the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(_head(port, f"Content-Length: {len(BODY)}\r\n"))

        def write() -> None:
            try:
                view = memoryview(BODY)
                for start in range(0, len(BODY), 1 << 16):
                    sock.sendall(view[start:start + (1 << 16)])
            except OSError:
                pass  # answered early and closed

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answer = _read_all(sock)
        writer.join(30)
    return _status(answer)


def _kib(server: ProxyServer) -> tuple[int, int]:
    return server.status_field("VmRSS"), server.status_field("VmHWM")


def test_soak_body_cap_rss_over_many_20mib_requests() -> None:
    figures: dict[str, Any] = {}
    capped = ProxyServer(DEFAULT_MAX_BODY_BYTES)
    try:
        for kind in FRAMEWORKS:
            port = capped.ports[kind]
            assert small_post(port) == 200
            calls = capped.upstream_calls()
            rss0, _ = _kib(capped)
            capped.reset_peak()
            started = time.monotonic()
            statuses: dict[str, dict[str, int]] = {"declared": {}, "full": {}, "chunked": {}}
            for _ in range(ROUNDS):
                for name, status in (("declared", declared_20mib(port)), ("full", full_20mib(port)),
                                     ("chunked", chunked_20mib(port)[0])):
                    statuses[name][str(status)] = statuses[name].get(str(status), 0) + 1
            rss1, peak1 = _kib(capped)
            figures[f"capped/{kind}"] = {
                "requests": 3 * ROUNDS, "seconds": round(time.monotonic() - started, 2), "statuses": statuses,
                "rss_before_mib": round(rss0 / 1024, 1), "rss_after_mib": round(rss1 / 1024, 1),
                "peak_mib": round(peak1 / 1024, 1), "upstream_calls": capped.upstream_calls() - calls}
            assert capped.upstream_calls() == calls
            assert peak1 - rss0 < 8 * 1024, figures
    finally:
        capped.close()

    # the same servers with the cap lifted past 20 MiB: what the proxy cost before the cap
    uncapped = ProxyServer(64 * MiB)
    try:
        for kind in FRAMEWORKS:
            port = uncapped.ports[kind]
            assert small_post(port) == 200
            rss0, _ = _kib(uncapped)
            uncapped.reset_peak()
            results = [full_20mib(port) for _ in range(3)]
            rss1, peak1 = _kib(uncapped)
            figures[f"uncapped/{kind}"] = {"statuses": results, "rss_before_mib": round(rss0 / 1024, 1),
                                           "rss_after_mib": round(rss1 / 1024, 1), "peak_mib": round(peak1 / 1024, 1)}
    finally:
        uncapped.close()
    print("\nlumen proxy body cap, 20 MiB requests (server process RSS):")
    for name, figure in figures.items():
        print(f"  {name}: {json.dumps(figure)}")


KEY = "lumen_sk_fuzz_9a8b7c6d5e4f"
MARKER = "UPSTREAM-FUZZ-3c2b"


def _hostile(rng: random.Random) -> httpx.Response:
    status = rng.choice([*range(300, 309), *range(400, 432), 451, *range(500, 512), 599])
    secret = rng.choice([KEY, f"Bearer {KEY}", f"x-api-key: {KEY}", f"Cookie: s={MARKER}", MARKER])
    kind = rng.randrange(5)
    if kind == 0:
        fields = {rng.choice(["error", "message", "details", "code", "headers", "debug"]): secret
                  for _ in range(rng.randint(1, 4))}
        content = json.dumps(fields).encode()
    elif kind == 1:
        content = f"<html><title>{status}</title><pre>{secret}</pre></html>".encode()
    elif kind == 2:
        content = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 256))) + secret.encode()
    elif kind == 3:
        content = json.dumps({"error": secret + "x" * rng.randint(0, 70_000)}).encode()
    else:
        content = json.dumps([secret, {"error": secret}]).encode()
    headers = {rng.choice(["Set-Cookie", "X-Api-Key", "Authorization", "X-Request-Id", "Retry-After",
                           "X-Debug", "Location"]): secret for _ in range(rng.randint(0, 3))}
    return httpx.Response(status, headers=headers, content=content)


def test_soak_relay_fuzz_no_upstream_bytes_reach_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1307)
    answers: list[httpx.Response] = []

    def handle(request: httpx.Request) -> httpx.Response:
        answer = answers.pop()
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    route_pool(monkeypatch, httpx.MockTransport(handle), "https://api.lumen-fuzz.test")
    proxy = LumenProxy(api_key=KEY)
    routes = [r for r in DEFAULT_ROUTES if not r.invoice]
    runs, started = 5_000, time.monotonic()
    try:
        for _ in range(runs):
            route = rng.choice(routes)
            method = sorted(route.methods)[0]
            path = route.pattern.replace("{customerId}", "u1").replace("{id}", "pm_1")
            answers.append(_hostile(rng))
            reply = proxy.handle_sync(ProxyRequest(method, path), lambda: "u1")
            seen = json.dumps(reply.body) + json.dumps(reply.headers)
            assert KEY not in seen, (reply, route.pattern)
            # the request id is the one upstream value relayed on purpose (token-shaped only)
            rebuilt = {k: v for k, v in reply.body.items() if k != "requestId"}
            assert MARKER not in json.dumps(rebuilt) + json.dumps(reply.headers), (reply, route.pattern)
            assert set(reply.body) <= {"error", "status", "requestId"}
            assert {name for name, _ in reply.headers} <= {"Retry-After"}
    finally:
        _pool.clear()
    elapsed = time.monotonic() - started
    print(f"\nlumen proxy relay fuzz: {runs} hostile upstream answers, 0 leaks, "
          f"{elapsed:.2f} s ({elapsed / runs * 1e6:.0f} us per proxied call)")

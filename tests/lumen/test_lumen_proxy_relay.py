"""Upstream error bodies are re-built, never relayed (issue #13 item 7).

Every route of the default allow-list x every hostile upstream answer (bodies echoing
``Authorization`` / ``X-API-Key`` / cookies / the key in text, HTML error pages, huge and
non-JSON bodies) x every error status, through the proxy core (sync and async) and through the
Flask, FastAPI and Django adapters: the browser gets ``{"error", "status"[, "requestId"]}``
built by paywire, never upstream bytes, never the key, and only allow-listed headers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from _lumen_helpers import route_pool
from _proxy_apps import FRAMEWORKS, Reply, send_for

from paywire.lumen._proxy import DEFAULT_ROUTES, LumenProxy, ProxyReply, ProxyRequest

KEY = "lumen_sk_relay_test_5f0c9e1d2b3a"
BASE = "https://api.lumen-relay.test"
MARKER = "UPSTREAM-BYTES-7d1e"  # planted in every hostile answer: must never reach the browser
INVOICE = "inv_relay_1"
ERROR_STATUSES = sorted({s.value for s in HTTPStatus if s.value >= 400} | {420, 499, 599})
ALLOWED_BODY_KEYS = {"error", "status", "requestId"}
# Headers the frameworks add themselves; anything else must come from the proxy's allow-list.
FRAMEWORK_HEADERS = {"content-type", "content-length", "cache-control", "server", "date", "x-frame-options",
                     "vary", "x-content-type-options", "referrer-policy", "cross-origin-opener-policy"}


# --- the hostile upstream answers -----------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    name: str
    make: Callable[[int], httpx.Response]
    known: str | None = None  # the documented Lumen message the browser may see
    request_id: str | None = None
    retry_after: str | None = None


def _json(status: int, body: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode(),
                          headers={"Content-Type": "application/json", **headers})


ECHO_HEADERS = {"Authorization": f"Bearer {KEY}", "X-API-Key": KEY, "Set-Cookie": f"s={MARKER}; Path=/",
                "X-Debug": MARKER, "WWW-Authenticate": f'Bearer error="{MARKER}"'}

VARIANTS: list[Variant] = [
    Variant("echo-authorization", lambda s: _json(s, {"error": f"Bearer {KEY} rejected {MARKER}",
                                                      "headers": {"Authorization": f"Bearer {KEY}"}})),
    Variant("echo-x-api-key", lambda s: _json(s, {"error": "Invalid key", "x-api-key": KEY, "message": MARKER})),
    Variant("echo-cookies", lambda s: _json(s, {"error": f"bad session {MARKER}", "cookie": "session=alice"},
                                            **{"Set-Cookie": f"session={MARKER}; Path=/"})),
    Variant("key-in-text", lambda s: httpx.Response(s, text=f"Invalid API key {KEY} ({MARKER})")),
    Variant("html-page", lambda s: httpx.Response(s, headers={"Content-Type": "text/html"}, text=(
        f"<html><body><h1>{MARKER}</h1><pre>Authorization: Bearer {KEY}\nCookie: s=1</pre></body></html>"))),
    Variant("huge-json", lambda s: _json(s, {"error": f"short {MARKER}", "details": "x" * (2 << 20) + KEY})),
    # a long ``error`` string: past the proxy's 16 KiB parse window (kept near it: the core
    # redacts an exception's whole message, ~0.5 s per MiB — a core matter, reported)
    Variant("long-error-string", lambda s: _json(s, {"error": MARKER + "y" * (20 << 10) + KEY})),
    Variant("huge-html", lambda s: httpx.Response(s, text="<p>" + MARKER * 200_000 + KEY + "</p>")),
    Variant("binary", lambda s: httpx.Response(s, content=b"\x00\xff\xfe" + MARKER.encode() + KEY.encode())),
    Variant("empty", lambda s: httpx.Response(s)),
    Variant("json-list", lambda s: _json(s, [MARKER, KEY])),
    Variant("json-string", lambda s: _json(s, f"{MARKER} {KEY}")),
    Variant("json-null", lambda s: _json(s, None)),
    Variant("known-message-with-details", lambda s: _json(s, {"error": "Customer not found",
                                                              "details": f"{MARKER} key={KEY}"}),
            known="Customer not found"),
    Variant("known-message-with-key-appended", lambda s: _json(s, {"error": f"Customer not found {KEY}"})),
    Variant("echoed-headers", lambda s: _json(s, {"error": MARKER}, **ECHO_HEADERS, **{"X-Request-Id": KEY})),
    Variant("request-id-and-retry-after", lambda s: _json(s, {"error": MARKER, "code": MARKER},
                                                          **{"X-Request-Id": "req_01H-abc.9", "Retry-After": "7"}),
            request_id="req_01H-abc.9", retry_after="7"),
    Variant("hostile-request-id-and-retry-after", lambda s: _json(s, {"error": "Invoice not found"}, **{
        "X-Request-Id": f"<script>{MARKER}</script>", "Retry-After": f"7; {KEY}"}), known="Invoice not found"),
]


def expected_message(variant: Variant, status: int) -> str:
    if variant.known is not None:
        return variant.known
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Upstream error"


# --- the routes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    route: str
    method: str
    path: str  # what the browser asks for (after /api/lumen/)
    overview_fails: bool = False  # invoices/{id}/pdf: the ownership check itself fails


def _concrete(pattern: str) -> str:
    return pattern.replace("{customerId}", "u1").replace("{id}", INVOICE if "invoices" in pattern else "pm_1")


CASES: list[Case] = [Case(r.pattern, m, _concrete(r.pattern)) for r in DEFAULT_ROUTES for m in sorted(r.methods)]
CASES += [Case(c.route, c.method, c.path, overview_fails=True) for c in CASES if c.route == "invoices/{id}/pdf"]


def test_every_default_route_is_covered() -> None:
    assert {c.route for c in CASES} == {r.pattern for r in DEFAULT_ROUTES}


class Upstream:
    """A MockTransport for the pooled clients: the invoice ownership check passes (unless the
    case says it fails), every other call gets the variant's answer."""

    def __init__(self) -> None:
        self.case = CASES[0]
        self.answer: Callable[[], httpx.Response] = httpx.Response
        self.calls = 0
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if (self.case.route.startswith("invoices") and not self.case.overview_fails
                and request.url.path == "/v1/customers/portal/overview"):
            return httpx.Response(200, json={"portal": {"invoices": [{"id": INVOICE}]}})
        return self.answer()


@pytest.fixture
def upstream(monkeypatch: pytest.MonkeyPatch) -> Upstream:
    up = Upstream()
    route_pool(monkeypatch, up.transport, BASE, KEY)
    return up


def check(reply: ProxyReply | Reply, case: Case, variant: Variant, status: int) -> list[str]:
    """Everything wrong with one browser reply (empty when it is as built by paywire)."""
    problems: list[str] = []
    body = reply.body
    headers = dict(reply.headers) if isinstance(reply, ProxyReply) else reply.headers
    serialized = json.dumps(body) + json.dumps(headers) + (reply.raw.decode("latin-1") if isinstance(reply, Reply) else "")
    if case.overview_fails and status < 500:
        # the ownership check could not confirm the invoice: the proxy's own 404
        want: dict[str, Any] = {"error": "Invoice not found"}
        expected_status = 404
    else:
        want = {"error": expected_message(variant, status), "status": status}
        if variant.request_id:
            want["requestId"] = variant.request_id
        expected_status = status
    if reply.status != expected_status or body != want:
        problems.append(f"got {reply.status} {str(body)[:120]!r}, want {expected_status} {want!r}")
    if KEY in serialized or MARKER in serialized:
        problems.append("upstream bytes or the key reached the browser")
    if not isinstance(body, dict) or not set(body) <= ALLOWED_BODY_KEYS:
        problems.append(f"body keys {sorted(body) if isinstance(body, dict) else type(body)}")
    relayed = {k.lower(): v for k, v in headers.items()} if isinstance(reply, ProxyReply) else {
        k: v for k, v in headers.items() if k not in FRAMEWORK_HEADERS}
    want_headers = ({"retry-after": variant.retry_after}
                    if variant.retry_after and not (case.overview_fails and status < 500) else {})
    if relayed != want_headers:
        problems.append(f"headers {relayed!r}, want {want_headers!r}")
    return problems


def _request(case: Case) -> ProxyRequest:
    body = b'{"paymentMethodId": "pm_1"}' if case.method in ("POST", "PUT", "PATCH") else b""
    return ProxyRequest(case.method, case.path, (), body)


def test_known_messages_are_constants_paywire_ships() -> None:
    from paywire.lumen._relay import KNOWN_ERRORS

    assert all(isinstance(m, str) and KEY not in m and len(m) < 100 for m in KNOWN_ERRORS)


# --- the proxy core: routes x variants x every error status, sync and async ------------------------
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_core_rebuilds_every_error_answer(upstream: Upstream, flavour: str) -> None:
    proxy = LumenProxy()
    failures: list[str] = []
    runs = 0

    async def run_async(request: ProxyRequest) -> ProxyReply:
        return await proxy.handle_async(request, lambda: "u1")

    loop = asyncio.new_event_loop()
    try:
        for variant in VARIANTS:
            template = variant.make(200)  # built once per variant: the huge ones are slow to make
            for status in ERROR_STATUSES:
                answer = httpx.Response(status, headers=template.headers, content=template.content)
                upstream.answer = lambda answer=answer: httpx.Response(
                    answer.status_code, headers=answer.headers, content=answer.content)
                # every route for a few statuses; every status for a rotating route (keeps it seconds)
                cases = CASES if status in (401, 404, 429, 503) else [CASES[runs % len(CASES)]]
                for case in cases:
                    upstream.case = case
                    request = _request(case)
                    reply = (proxy.handle_sync(request, lambda: "u1") if flavour == "sync"
                             else loop.run_until_complete(run_async(request)))
                    runs += 1
                    failures += [f"{case.method} {case.path} [{variant.name}] {status}: {p}"
                                 for p in check(reply, case, variant, status)]
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    assert not failures, f"{len(failures)} problems over {runs} replies, e.g.:\n" + "\n".join(failures[:10])
    assert runs > 1000


def test_success_bodies_are_relayed_but_never_with_the_key(upstream: Upstream) -> None:
    proxy = LumenProxy()
    for case in CASES[:-1]:
        upstream.case = case
        upstream.answer = lambda: _json(200, {"hasActiveSubscription": True},
                                        **{"Set-Cookie": f"s={MARKER}", "X-Echo": KEY, "Retry-After": "3"})
        ok = proxy.handle_sync(_request(case), lambda: "u1")
        assert (ok.status, ok.body, ok.headers) == (200, {"hasActiveSubscription": True}, (("Retry-After", "3"),))
        upstream.answer = lambda: _json(200, {"debug": {"authorization": f"Bearer {KEY}"}})
        leak = proxy.handle_sync(_request(case), lambda: "u1")
        assert (leak.status, leak.body) == (502, {"error": "Invalid upstream response", "status": 502})
        upstream.answer = lambda: httpx.Response(200, content=b"%PDF-1.7 " + MARKER.encode())
        assert proxy.handle_sync(_request(case), lambda: "u1").body == {}


# --- the three framework adapters: routes x variants, statuses rotating ------------------------------
@pytest.mark.parametrize("kind", FRAMEWORKS)
def test_adapters_send_only_the_rebuilt_answer(upstream: Upstream, kind: str) -> None:
    failures: list[str] = []
    runs = 0
    templates = {variant.name: variant.make(200) for variant in VARIANTS}
    with send_for(kind) as send:
        for i, case in enumerate(CASES):
            for j, variant in enumerate(VARIANTS):
                status = ERROR_STATUSES[(i * len(VARIANTS) + j) % len(ERROR_STATUSES)]
                answer = templates[variant.name]
                answer = httpx.Response(status, headers=answer.headers, content=answer.content)
                upstream.case = case
                upstream.answer = lambda answer=answer: httpx.Response(
                    answer.status_code, headers=answer.headers, content=answer.content)
                body = b'{"paymentMethodId": "pm_1"}' if case.method in ("POST", "PUT", "PATCH") else b""
                reply = send(case.method, f"/api/lumen/{case.path}", body)
                runs += 1
                failures += [f"{case.method} {case.path} [{variant.name}] {status}: {p}"
                             for p in check(reply, case, variant, status)]
    assert not failures, f"{len(failures)} problems over {runs} replies, e.g.:\n" + "\n".join(failures[:10])
    assert runs == len(CASES) * len(VARIANTS)

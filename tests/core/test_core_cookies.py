"""No paywire client keeps cookies between calls (issue #13 item 7).

A server-side SDK serves many users with one client: a cookie set on alice's call must never
ride on bob's. Enumerated over every concrete facade client class (each pinned contract), the
Lumen proxy's pooled clients, sync and async, at unit level (httpx.MockTransport) and over real
HTTP against a tiny local server that sets cookies.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from _core_helpers import aclose, call

import paywire.conxa
import paywire.lumen
import paywire.spaps
import paywire.vellum
from paywire._core import AsyncClient, SyncClient
from paywire._versions import API_VERSIONS
from paywire.conxa import AsyncCONXAClient, CONXAClient
from paywire.lumen import AsyncLumenClient, LumenClient, _pool
from paywire.spaps import AsyncSpapsClient, SpapsClient
from paywire.vellum import AsyncVellumClient, VellumClient

SET_COOKIES = (
    "session=alice-secret; Path=/; HttpOnly",
    "tracker=alice-tracker; Path=/; Max-Age=3600",
    "wide=alice-wide; Path=/; Domain=127.0.0.1",
)
FACADE_PACKAGES = (paywire.spaps, paywire.lumen, paywire.vellum, paywire.conxa)

Factory = Callable[[str, Any], Any]  # (base_url, transport or None) -> client


def _facades(api_version_of: str, sync: type, asyn: type, **kwargs: Any) -> list[tuple[str, type, Factory]]:
    """One factory per (flavour, pinned version) of a facade client."""
    out: list[tuple[str, type, Factory]] = []
    for version in API_VERSIONS[api_version_of]:
        for cls in (sync, asyn):
            extra = {"api_version": version} if len(API_VERSIONS[api_version_of]) > 1 else {}

            def make(url: str, transport: Any, cls: type = cls, extra: dict[str, Any] = extra) -> Any:
                return cls(base_url=url, transport=transport, **kwargs, **extra)

            out.append((f"{cls.__name__}[{version}]", cls, make))
    return out


VARIANTS: list[tuple[str, type, Factory]] = [
    *_facades("spaps", SpapsClient, AsyncSpapsClient, api_key="spaps_key_cookie_test_0123"),
    *_facades("lumen", LumenClient, AsyncLumenClient, api_key="lumen_sk_cookie_test_0123"),
    *_facades("vellum", VellumClient, AsyncVellumClient, api_key="vlm_t.cookie_test_0123", tenant_id="t"),
    *_facades("conxa", CONXAClient, AsyncCONXAClient, api_key="pk_cookie_test_0123", provider_id="p"),
]


def _concrete_clients() -> set[type]:
    """Every concrete client class the four facade packages define (new ones included)."""
    seen: set[type] = set()
    stack: list[type] = [SyncClient, AsyncClient]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if not inspect.isabstract(sub) and sub.__module__.split(".")[:2] in (
                    ["paywire", pkg.__name__.split(".")[1]] for pkg in FACADE_PACKAGES):
                seen.add(sub)
    return seen


def test_every_facade_client_class_is_enumerated() -> None:
    assert _concrete_clients() == {cls for _, cls, _ in VARIANTS}


async def _twice(client: Any, url: str) -> None:
    """Two calls through the core's request flow (the path every facade operation takes)."""
    for _ in range(2):
        await call(client._driver.run, client._request("GET", url, ok=range(400, 600)))
    await aclose(client)


# --- unit level ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "factory"), [(n, f) for n, _, f in VARIANTS], ids=[n for n, _, _ in VARIANTS])
async def test_cookie_set_on_one_call_is_never_sent_on_the_next(name: str, factory: Factory) -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("cookie"))
        return httpx.Response(200, json={}, headers=[("Set-Cookie", c) for c in SET_COOKIES])

    client = factory("http://127.0.0.1:9", httpx.MockTransport(handler))
    jar = client._http.cookies
    await _twice(client, "/cookie")
    assert seen == [None, None]
    assert not list(jar)  # nothing stored either: no per-user state grows in a shared client


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_cookie_put_in_the_jar_by_hand_is_not_sent(flavour: str) -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("cookie"))
        return httpx.Response(200, json={})

    cls = LumenClient if flavour == "sync" else AsyncLumenClient
    client = cls(api_key="lumen_sk_cookie_test_0123", api_url="http://127.0.0.1:9",
                 transport=httpx.MockTransport(handler))
    client._http.cookies.set("session", "planted", domain="127.0.0.1")
    await _twice(client, "/x")
    assert seen == [None, None]


# --- over real HTTP ---------------------------------------------------------------------------------
class _CookieServer(ThreadingHTTPServer):
    daemon_threads = True
    cookies_seen: list[str | None]


class _Handler(BaseHTTPRequestHandler):
    server: _CookieServer

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server.cookies_seen.append(self.headers.get("Cookie"))
        self.send_response(200)
        for cookie in SET_COOKIES:
            self.send_header("Set-Cookie", cookie)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def _server() -> Iterator[_CookieServer]:
    server = _CookieServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def cookie_server(_server: _CookieServer) -> _CookieServer:
    _server.cookies_seen = []
    return _server


def _url(server: _CookieServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.mark.parametrize(("name", "factory"), [(n, f) for n, _, f in VARIANTS], ids=[n for n, _, _ in VARIANTS])
async def test_over_http_no_client_sends_back_a_cookie(name: str, factory: Factory,
                                                       cookie_server: _CookieServer) -> None:
    await _twice(factory(_url(cookie_server), None), "/cookie")
    assert cookie_server.cookies_seen == [None, None]


def test_over_http_the_proxy_pool_never_carries_alices_cookie_to_bob(cookie_server: _CookieServer) -> None:
    """The reported bug: the proxy's pooled clients are shared by every user of the backend."""
    from paywire.lumen._proxy import LumenProxy, ProxyRequest

    _pool.clear()
    proxy = LumenProxy(api_key="lumen_sk_cookie_test_0123", api_url=_url(cookie_server))
    request = ProxyRequest("GET", "customers/subscription-status")
    try:
        for user in ("alice", "bob", "carol"):
            assert proxy.handle_sync(request, lambda user=user: user).status == 200

        async def run_async() -> None:
            for user in ("alice", "bob"):
                assert (await proxy.handle_async(request, lambda user=user: user)).status == 200

        asyncio.run(run_async())
    finally:
        _pool.clear()
    assert cookie_server.cookies_seen == [None] * 5

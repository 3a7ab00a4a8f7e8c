"""The default wire (#15): sync clients send over ``http.client`` (``_core/stdlib_transport.py``),
async clients over paywire's asyncio wire (``_core/asyncio_transport.py``), and the drivers skip ``Client.send``'s unused layers
(``_core/direct.py``). Every facade client class over real HTTP to the sandbox; never-sent vs
maybe-delivered over real sockets; stale keep-alive connections; fork; proxies from the
environment; respx still intercepting; the fast request builder equal to ``build_request``.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _support.raw_http import Peer, full_backlog, refused_url

import paywire
from paywire._core import AsyncClient, SyncClient, fork
from paywire._core.aiohttp_transport import AiohttpTransport
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.client import AsyncClient as CoreAsync
from paywire._core.client import SyncClient as CoreSync
from paywire._core.direct import RequestBuilder
from paywire._core.retries import never_sent
from paywire._core.stdlib_transport import StdlibTransport, httpcore_is_patched
from paywire.sandbox import conxa as sbconxa
from paywire.sandbox import lumen as sblumen
from paywire.sandbox import spaps as sbspaps
from paywire.sandbox import vellum as sbvellum


# --- every facade client class, over real HTTP, on the default wire ---------------------------
def _facade_classes() -> list[type]:
    import paywire.conxa
    import paywire.lumen
    import paywire.spaps
    import paywire.vellum

    found: dict[str, type] = {}
    for module in (paywire.spaps, paywire.lumen, paywire.vellum, paywire.conxa):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, (CoreSync, CoreAsync)) and value.__module__.startswith(
                    module.__name__):
                found[value.__qualname__] = value
    return sorted(found.values(), key=lambda c: c.__qualname__)


FACADES = _facade_classes()


def _build_and_call(cls: type, sandbox: Any) -> tuple[Any, Callable[[Any], Any]]:
    """A client of ``cls`` against the sandbox and one real operation for it."""
    name = cls.__qualname__.lower()
    if "spaps" in name:
        client = cls(base_url=sandbox.base_url("spaps"), api_key=sbspaps.DEFAULT_API_KEY, api_version="2025-11")
        return client, lambda c: c.auth.sign_in_with_password(email=sbspaps.DEFAULT_USER_EMAIL,
                                                              password=sbspaps.DEFAULT_USER_PASSWORD)
    if "lumen" in name:
        client = cls(api_key=sblumen.DEFAULT_API_KEY, api_url=sandbox.base_url("lumen"))
        return client, lambda c: c.enroll_user(user_id="wire_user", email="wire@example.com", name="Wire")
    if "vellum" in name:
        client = cls(api_key=sbvellum.DEFAULT_API_KEY, tenant_id="sam", base_url=sandbox.base_url("vellum-v2"),
                     api_version="v2")
        return client, lambda c: c.get_entitlements("cust_wire")
    if "conxa" in name:
        client = cls(api_key=sbconxa.DEFAULT_API_KEY, provider_id="openai", base_url=sandbox.base_url("conxa"))
        return client, lambda c: c.get_session_status("wire@example.com")
    raise AssertionError(f"no sandbox call for the facade class {cls.__qualname__}: add one")


def test_every_facade_class_is_enumerated() -> None:
    names = {c.__qualname__ for c in FACADES}
    assert {"SpapsClient", "AsyncSpapsClient", "LumenClient", "AsyncLumenClient", "VellumClient",
            "AsyncVellumClient", "CONXAClient", "AsyncCONXAClient"} <= names


@pytest.mark.parametrize("cls", FACADES, ids=lambda c: c.__qualname__)
def test_every_facade_client_runs_on_the_default_wire_over_real_http(cls: type, paywire_sandbox: Any) -> None:
    client, call = _build_and_call(cls, paywire_sandbox)
    before = len(paywire_sandbox.requests)
    if issubclass(cls, CoreAsync):
        assert isinstance(client._http._transport, AsyncioTransport)

        async def run() -> Any:
            try:
                return await call(client)
            finally:
                await client.aclose()

        result = asyncio.run(run())
    else:
        assert isinstance(client._http._transport, StdlibTransport)
        try:
            result = call(client)
        finally:
            client.close()
    assert result is not None
    assert len(paywire_sandbox.requests) > before  # it went over the socket to the sandbox


# --- a scripted raw server (_support/raw_http.Peer; the ``peer`` fixture) -----------------------
MAYBE_DELIVERED = {"close": httpx.RemoteProtocolError, "truncated": httpx.RemoteProtocolError,
                   "garbage": httpx.RemoteProtocolError, "stall": httpx.ReadTimeout}


@pytest.mark.parametrize("behaviour", sorted(MAYBE_DELIVERED))
def test_transport_maps_failures_after_sending_to_maybe_delivered(behaviour: str, peer: Callable[[str], Peer]) -> None:
    server = peer(behaviour)
    transport = StdlibTransport()
    request = httpx.Request("POST", server.url + "/charge", content=b"{}",
                            extensions={"timeout": {"connect": 2, "read": 0.5, "write": 2, "pool": 2}})
    with pytest.raises(httpx.TransportError) as info:
        transport.handle_request(request)
    assert type(info.value) is MAYBE_DELIVERED[behaviour]
    assert not never_sent(info.value)
    assert server.requests == 1
    assert transport.open_connections == 0  # a broken connection is never pooled
    transport.close()


def test_transport_maps_refused_and_connect_timeout_to_never_sent() -> None:
    transport = StdlibTransport()
    timeouts = {"connect": 0.3, "read": 1, "write": 1, "pool": 1}
    with pytest.raises(httpx.ConnectError) as refused:
        transport.handle_request(httpx.Request("GET", refused_url(), extensions={"timeout": timeouts}))
    assert never_sent(refused.value)
    with full_backlog() as url:  # the kernel drops further SYNs: connecting hangs
        with pytest.raises(httpx.ConnectTimeout) as timed_out:
            transport.handle_request(httpx.Request("GET", url + "/", extensions={"timeout": timeouts}))
        assert never_sent(timed_out.value)


def test_pool_timeout_is_never_sent(peer: Callable[[str], Peer]) -> None:
    server = peer("stall")
    transport = StdlibTransport(max_connections=1)
    timeouts = {"connect": 1, "read": 1.5, "write": 1, "pool": 0.2}
    held: list[BaseException] = []

    def hold_the_only_connection() -> None:
        try:
            transport.handle_request(httpx.Request("GET", server.url, extensions={"timeout": timeouts}))
        except httpx.ReadTimeout as exc:
            held.append(exc)

    holder = threading.Thread(target=hold_the_only_connection)
    holder.start()
    while server.requests == 0:
        threading.Event().wait(0.01)
    with pytest.raises(httpx.PoolTimeout) as info:
        transport.handle_request(httpx.Request("GET", server.url, extensions={"timeout": timeouts}))
    assert never_sent(info.value)
    holder.join()
    assert server.requests == 1 and len(held) == 1


def test_client_post_without_key_is_not_resent_after_a_disconnect(peer: Callable[[str], Peer]) -> None:
    server = peer("close")
    with SyncClient(base_url=server.url, max_retries=3) as client:
        client._driver.sleep = lambda seconds: None
        with pytest.raises(paywire.APIConnectionError) as info:
            client._driver.run(client._request("POST", "/charge", json={"amount": 1}))
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert server.requests == 1  # maybe delivered: sent once, never twice


def test_client_post_with_key_is_resent_and_refused_connection_retried(peer: Callable[[str], Peer]) -> None:
    server = peer("close")
    with SyncClient(base_url=server.url, max_retries=2) as client:
        client._driver.sleep = lambda seconds: None
        with pytest.raises(paywire.APIConnectionError):
            client._driver.run(client._request("POST", "/charge", json={"amount": 1},
                                               headers={"Idempotency-Key": "k1"}, retry_safe=True))
    assert server.requests == 3
    attempts: list[int] = []
    with SyncClient(base_url=refused_url(), max_retries=2) as client:
        client._driver.sleep = lambda seconds: attempts.append(1)
        with pytest.raises(paywire.APIConnectionError) as info:
            client._driver.run(client._request("POST", "/charge", json={"amount": 1}))
    assert isinstance(info.value.__cause__, httpx.ConnectError) and len(attempts) == 2  # never sent: retried


def test_a_connection_the_server_closed_while_idle_is_not_reused(peer: Callable[[str], Peer]) -> None:
    """The server answers and closes (its idle timer); the next POST, without a key, must go out
    on a new connection and succeed: the pool sees the EOF before writing a byte."""
    server = peer("answer-then-close")
    with SyncClient(base_url=server.url, max_retries=0) as client:
        for _ in range(5):
            response = client._driver.run(client._request("POST", "/charge", json={"amount": 1}))
            assert response.json() == {"ok": True}
            threading.Event().wait(0.05)  # let the FIN arrive
    assert server.requests == 5


def test_keepalive_reuses_one_connection_and_expires_idle_ones(peer: Callable[[str], Peer]) -> None:
    server = peer("keep")
    transport = StdlibTransport(keepalive_expiry=0.2)
    timeouts = {"connect": 1, "read": 1, "write": 1, "pool": 1}
    sockets = set()
    for _ in range(5):
        transport.handle_request(httpx.Request("GET", server.url, extensions={"timeout": timeouts}))
        sockets.update(c.conn.sock.getsockname() for stack in transport._idle.values() for c in stack)
    assert len(sockets) == 1 and transport.open_connections == 1
    threading.Event().wait(0.3)
    transport.handle_request(httpx.Request("GET", server.url, extensions={"timeout": timeouts}))
    new = {c.conn.sock.getsockname() for stack in transport._idle.values() for c in stack}
    assert new.isdisjoint(sockets) and transport.open_connections == 1  # expired one dropped
    transport.close()


@pytest.mark.parametrize("header", ["close", "Keep-Alive, Close", "keep-alive"])
def test_a_request_asking_to_close_never_leaves_its_connection_in_the_pool(
        header: str, peer: Callable[[str], Peer]) -> None:
    """The sync twin of the asyncio wire's rule: after a request that said ``Connection: close``
    the server closes, perhaps after the next request was written on the connection, so it is
    dropped at once (a plain keep-alive request keeps it)."""
    server = peer("keep")
    transport = StdlibTransport()
    timeouts = {"connect": 1, "read": 1, "write": 1, "pool": 1}
    for _ in range(2):
        request = httpx.Request("GET", server.url, headers={"Connection": header}, extensions={"timeout": timeouts})
        assert transport.handle_request(request).status_code == 200
        assert transport.open_connections == (1 if header == "keep-alive" else 0)
    assert server.requests == 2
    transport.close()


# --- fork, proxies, respx ----------------------------------------------------------------------
def test_fork_hook_empties_the_stdlib_pool(peer: Callable[[str], Peer]) -> None:
    server = peer("keep")
    client = SyncClient(base_url=server.url)
    client._driver.run(client._request("GET", "/warm"))
    transport = client._http._transport
    assert transport.open_connections == 1
    sock = next(iter(transport._idle.values()))[0].conn.sock
    assert fork.reset_transport(transport)  # what the at-fork hook runs in the child
    assert transport.open_connections == 0 and sock.fileno() == -1  # released, not shut down
    assert client._driver.run(client._request("GET", "/after")).json() == {"ok": True}
    client.close()


@pytest.mark.parametrize("var", ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"])
async def test_env_proxies_keep_httpx_pools_for_both_flavours(monkeypatch: pytest.MonkeyPatch, var: str) -> None:
    monkeypatch.setenv(var, "http://127.0.0.1:3128")
    sync, aclient = SyncClient(base_url="https://api.example.test"), AsyncClient(base_url="https://api.example.test")
    for client in (sync, aclient):
        assert not isinstance(client._http._transport, (StdlibTransport, AsyncioTransport, AiohttpTransport))
        assert any(mount is not None for mount in client._http._mounts.values())
    sync.close()
    await aclient.aclose()


def test_sync_client_really_goes_through_an_env_proxy(monkeypatch: pytest.MonkeyPatch,
                                                      peer: Callable[[str], Peer]) -> None:
    """A plain-HTTP proxy gets the absolute-form request (the peer answers it as the proxy)."""
    proxy = peer("keep")
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with SyncClient(base_url="http://upstream.example.test") as client:
        assert client._driver.run(client._request("GET", "/x")).json() == {"ok": True}
    assert proxy.requests == 1


@pytest.mark.parametrize("using", ["httpcore", "httpx"])
def test_respx_still_intercepts_the_default_wire(using: str) -> None:
    assert not httpcore_is_patched()
    with respx.mock(base_url="https://api.example.test", using=using) as router:
        route = router.get("/thing").respond(200, json={"mocked": True})
        assert httpcore_is_patched()
        with SyncClient(base_url="https://api.example.test") as sync:
            assert sync._driver.run(sync._request("GET", "/thing")).json() == {"mocked": True}

        async def run() -> Any:
            async with AsyncClient(base_url="https://api.example.test") as client:
                assert isinstance(client._http._transport, AsyncioTransport)
                return (await client._driver.run(client._request("GET", "/thing"))).json()

        assert asyncio.run(run()) == {"mocked": True}
        assert route.call_count == 2
    assert not httpcore_is_patched()


# --- the direct send path ----------------------------------------------------------------------
def test_direct_send_falls_back_when_a_skipped_layer_is_in_use(peer: Callable[[str], Peer]) -> None:
    server = peer("keep")
    seen: list[str] = []
    with SyncClient(base_url=server.url) as client:
        assert client._driver.send != client._http.send  # the direct path
        client._http.event_hooks["request"].append(lambda request: seen.append(request.url.path))
        client._driver.run(client._request("GET", "/hooked"))
    assert seen == ["/hooked"]  # an event hook added later still runs (via Client.send)
    with pytest.raises(RuntimeError, match="closed"):
        client._driver.run(client._request("GET", "/closed"))


def test_direct_send_runs_the_auth_flow_and_timeouts_stay_on(peer: Callable[[str], Peer]) -> None:
    server = peer("keep")

    class Twice(httpx.Auth):
        """Sends, then re-sends with a new header: like a refresh after 401."""

        def auth_flow(self, request: httpx.Request) -> Any:
            request.headers["x-try"] = "1"
            yield request
            retry = httpx.Request(request.method, request.url, headers={"x-try": "2"})  # no timeout extension
            response = yield retry
            assert retry.extensions["timeout"]["read"] is not None
            return response

    with SyncClient(base_url=server.url, auth=Twice()) as client:
        client._driver.run(client._request("GET", "/a"))
    assert server.requests == 2


# --- the request builder -------------------------------------------------------------------------
BASES = ["http://h:1", "http://h:1/v1", "http://h:1/v1/", "https://h/a/b", "https://user:pw@h:8443/x"]


def _paths() -> list[str]:
    fixed = ["/x/y", "x", "/x?a=1", "//evil/x", "", "a/../b", "a/./b", "..", ".", "a/..", "a/.b/c",
             ".well-known/x", "a%2Fb", "a%zz", "a b", "ü", "a#f", "/tenants/sam/customers/cust_000/entitlements",
             "a/b/", "x:y@z", "a'b(c)*", "https://other.example/abs"]
    rng = random.Random(15)
    return fixed + ["".join(rng.choice("ab./%2F?#:@ü ") for _ in range(rng.randint(0, 8))) for _ in range(600)]


@pytest.mark.parametrize("base", BASES)
def test_request_builder_equals_build_request(base: str) -> None:
    http = httpx.Client(base_url=base, headers={"x-api-key": "k"}, cookies=paywire._core.cookies.no_cookie_jar())
    builder = RequestBuilder(http)
    timeout = httpx.Timeout(5.0)
    for path in _paths():
        for params, headers in ((None, None), ({"q": "1 2"}, {"Idempotency-Key": "abc"})):
            try:
                expected: Any = http.build_request("POST", path, params=params, headers=headers, json={"a": 1},
                                                   timeout=timeout)
            except Exception as exc:
                expected = type(exc)
            try:
                got: Any = builder.build("POST", path, params=params, headers=headers, json={"a": 1}, timeout=timeout)
            except Exception as exc:
                got = type(exc)
            if isinstance(expected, type) or isinstance(got, type):
                assert got == expected, path
                continue
            assert str(got.url) == str(expected.url) and got.url.raw_path == expected.url.raw_path, path
            assert got.headers.raw == expected.headers.raw and got.extensions == expected.extensions
            assert got.read() == expected.read()
    http.close()


def test_chunked_gzip_answers_are_decoded_and_the_connection_reused(peer: Callable[[str], Peer]) -> None:
    server = peer("chunked-gzip")
    with SyncClient(base_url=server.url) as client:
        for _ in range(3):
            assert client._driver.run(client._request("GET", "/c")).json() == {"ok": True}
        assert client._http._transport.open_connections == 1
    assert server.requests == 3


@pytest.mark.parametrize("headers", [{"x-evil": "a\r\nInjected: 1"}, {"x-evil": "a\nb"}, {"x-evil": "a\x00b"}])
def test_header_injection_is_refused_before_any_byte_is_sent(headers: dict[str, str],
                                                             peer: Callable[[str], Peer]) -> None:
    server = peer("keep")
    transport = StdlibTransport()
    request = httpx.Request("GET", server.url + "/x", headers=headers,
                            extensions={"timeout": {"connect": 1, "read": 1, "write": 1, "pool": 1}})
    with pytest.raises(httpx.LocalProtocolError):
        transport.handle_request(request)
    assert server.requests == 0 and transport.open_connections == 0
    transport.close()

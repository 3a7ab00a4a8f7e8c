"""paywire's asyncio wire (``_core/asyncio_transport.py``) over real sockets on 127.0.0.1: the
error classification that ``retries.never_sent`` relies on, the read timeout, TLS, header
injection, respx, event loops and fork. (Framing: ``test_core_asyncio_framing.py``; the pool:
``test_core_asyncio_pool.py``.)
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import respx
from _support.raw_http import Peer, RawServer, full_backlog, http_response, refused_url
from _support.tls import self_signed

from paywire._core import AsyncClient, fork
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.retries import never_sent
from paywire._core.stdlib_transport import httpcore_is_patched

StartRaw = Callable[..., Awaitable[tuple[RawServer, str]]]
#: A way for a request to fail: given the fixtures, it sends one and returns or raises.
Scenario = Callable[[StartRaw, Callable[[str], Peer], pytest.MonkeyPatch], Awaitable[Any]]


def timeouts(**given: float) -> dict[str, float]:
    return {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0, **given}


def post(url: str, body: bytes = b'{"amount": 1}', **given: float) -> httpx.Request:
    return httpx.Request("POST", url + "/charge", content=body, extensions={"timeout": timeouts(**given)})


async def answer_keepalive(server: RawServer, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer every request on the connection with a small JSON body."""
    while await server.next_request(reader) is not None:
        writer.write(http_response("200 OK", b'{"ok": true}', {"Content-Type": "application/json"}))
        await writer.drain()


async def start_keepalive(raw_server: StartRaw, tls: Any = None) -> tuple[RawServer, str]:
    holder: list[RawServer] = []
    server, url = await raw_server(lambda r, w: answer_keepalive(holder[0], r, w), **({"tls": tls} if tls else {}))
    holder.append(server)
    return server, url


# --- the error table: never sent vs maybe delivered ------------------------------------------
async def refused(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
    return await AsyncioTransport().handle_async_request(post(refused_url()))


async def dns_failure(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
    """``.invalid`` never resolves (RFC 6761), but this box's resolver would still ask its DNS
    server: the lookup is answered here, so nothing leaves the machine."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def local_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host.endswith(".invalid"):
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)
    try:
        return await AsyncioTransport().handle_async_request(post("http://nonexistent.invalid"))
    finally:
        assert asked == ["nonexistent.invalid"]  # asyncio resolved through it


async def tls_to_a_plain_server(raw_server: StartRaw, peer: Callable[[str], Peer],
                                monkeypatch: pytest.MonkeyPatch) -> Any:
    async def not_tls(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(100)  # the ClientHello; the answer is not TLS
        writer.write(b"HTTP/1.1 400 Bad Request\r\n\r\n")
        await writer.drain()

    server, url = await raw_server(not_tls)
    try:
        return await AsyncioTransport().handle_async_request(post(url.replace("http://", "https://")))
    finally:
        assert server.requests == []


async def tls_untrusted_certificate(raw_server: StartRaw, peer: Callable[[str], Peer],
                                    monkeypatch: pytest.MonkeyPatch) -> Any:
    server, url = await start_keepalive(raw_server, tls=self_signed().server_context())
    try:  # the default verification: the self-signed certificate is trusted by nothing
        return await AsyncioTransport().handle_async_request(post(url))
    finally:
        assert server.requests == []


async def connect_timeout(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
    with full_backlog() as url:
        return await AsyncioTransport().handle_async_request(post(url, connect=0.3))


async def pool_timeout(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
    release = asyncio.Event()

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await server.next_request(reader) is not None:
            await release.wait()
            writer.write(http_response("200 OK", b"{}"))

    server, url = await raw_server(hold)
    transport = AsyncioTransport(max_connections=1)
    holder = asyncio.create_task(transport.handle_async_request(post(url)))
    while not server.requests:
        await asyncio.sleep(0.01)
    try:
        return await transport.handle_async_request(post(url, pool=0.2))
    finally:
        release.set()
        assert (await holder).status_code == 200
        assert len(server.requests) == 1  # the request that timed out in the pool never went out
        await transport.aclose()


def after_the_peer_read_it(behaviour: str, **given: float) -> Scenario:
    """The request reaches a :class:`Peer` that reads it whole, then does ``behaviour``."""
    async def scenario(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
        server = peer(behaviour)
        try:
            return await AsyncioTransport().handle_async_request(post(server.url, **given))
        finally:
            assert server.requests == 1

    return scenario


async def write_timeout(raw_server: StartRaw, peer: Callable[[str], Peer], monkeypatch: pytest.MonkeyPatch) -> Any:
    """A listener that never reads (connections complete in its backlog, never accepted) with a
    small receive buffer, and a body larger than both sides' kernel buffers."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    transport = AsyncioTransport()
    try:
        return await transport.handle_async_request(post(url, body=b"x" * (24 << 20), write=0.3))
    finally:
        assert transport.open_connections == 0  # a connection with half a request on it is dropped
        listener.close()


NEVER_SENT: dict[str, tuple[Scenario, type[httpx.TransportError]]] = {
    "refused": (refused, httpx.ConnectError),
    "dns-failure": (dns_failure, httpx.ConnectError),
    "tls-to-a-plain-server": (tls_to_a_plain_server, httpx.ConnectError),
    "tls-untrusted-certificate": (tls_untrusted_certificate, httpx.ConnectError),
    "connect-timeout": (connect_timeout, httpx.ConnectTimeout),
    "pool-timeout": (pool_timeout, httpx.PoolTimeout),
}
MAYBE_DELIVERED: dict[str, tuple[Scenario, type[httpx.TransportError]]] = {
    "closed-without-answer": (after_the_peer_read_it("close"), httpx.RemoteProtocolError),
    "reset-after-request": (after_the_peer_read_it("reset"), httpx.ReadError),
    "read-timeout": (after_the_peer_read_it("stall", read=0.3), httpx.ReadTimeout),
    "truncated-body": (after_the_peer_read_it("truncated"), httpx.RemoteProtocolError),
    "malformed-answer": (after_the_peer_read_it("garbage"), httpx.RemoteProtocolError),
    "write-timeout": (write_timeout, httpx.WriteTimeout),
}


@pytest.mark.parametrize(("name", "sent"), [(n, False) for n in NEVER_SENT] + [(n, True) for n in MAYBE_DELIVERED])
async def test_failures_are_classified_never_sent_or_maybe_delivered(
        name: str, sent: bool, raw_server: StartRaw, peer: Callable[[str], Peer],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each failure raises its httpx error type, with the request attached; only failures that
    prove nothing was written read as never sent (a POST may then be retried)."""
    scenario, expected = (MAYBE_DELIVERED if sent else NEVER_SENT)[name]
    with pytest.raises(httpx.TransportError) as info:
        await scenario(raw_server, peer, monkeypatch)
    assert type(info.value) is expected, repr(info.value)
    assert never_sent(info.value) is not sent
    assert info.value.request.url.path == "/charge"


# --- the read timeout ----------------------------------------------------------------------------
async def test_read_timeout_is_reset_by_every_arrival(raw_server: StartRaw) -> None:
    """A body dribbled one byte every 0.2 s passes a 0.5 s read timeout (each arrival restarts
    it, as httpcore's per-read timeout does); one 0.7 s silence fails it."""
    pauses: list[float] = []

    async def dribble(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await server.next_request(reader) is not None:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
            for byte, pause in zip(b"abcde", pauses, strict=True):
                await asyncio.sleep(pause)
                writer.write(bytes([byte]))

    server, url = await raw_server(dribble)
    transport = AsyncioTransport()
    pauses[:] = [0.2] * 5  # 1 s in all: twice the read timeout
    got = await transport.handle_async_request(httpx.Request("GET", url, extensions={"timeout": timeouts(read=0.5)}))
    assert got.content == b"abcde"
    pauses[:] = [0.05, 0.05, 0.7, 0.05, 0.05]
    with pytest.raises(httpx.ReadTimeout) as info:
        await transport.handle_async_request(httpx.Request("GET", url, extensions={"timeout": timeouts(read=0.5)}))
    assert not never_sent(info.value)
    await transport.aclose()


# --- TLS -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("verify", ["trusting-context", "verify-false"])
async def test_https_to_a_local_tls_server(raw_server: StartRaw, verify: str) -> None:
    """The https path: a verifying context that trusts the server's self-signed certificate,
    and ``verify=False``; the TLS connection is kept alive and reused."""
    server, url = await start_keepalive(raw_server, tls=self_signed().server_context())
    transport = AsyncioTransport(verify=self_signed().client_context() if verify == "trusting-context" else False)
    for _ in range(3):
        got = await transport.handle_async_request(post(url))
        assert got.status_code == 200 and got.json() == {"ok": True}
    assert server.accepted == 1 and len(server.requests) == 3
    assert {r.conn for r in server.requests} == {1}
    await transport.aclose()


# --- header injection ---------------------------------------------------------------------------
INJECTIONS: dict[str, dict[str, Any]] = {
    "CR-LF in a value": {"headers": [(b"X-Evil", b"a\r\nInjected: 1")]},
    "LF in a value": {"headers": [(b"X-Evil", b"a\nInjected: 1")]},
    "CR in a value": {"headers": [(b"X-Evil", b"a\rb")]},
    "NUL in a value": {"headers": [(b"X-Evil", b"a\x00b")]},
    "CR-LF in a name": {"headers": [(b"X-Evil\r\nInjected", b"1")]},
    "LF in a name": {"headers": [(b"X-Evil\nInjected", b"1")]},
    "NUL in a name": {"headers": [(b"X-Ev\x00il", b"1")]},
    "request line in the target": {"target": b"/a HTTP/1.1\r\nInjected: 1\r\nX-Pad: /x"},
    "space in the target": {"target": b"/a b"},
    "NUL in the target": {"target": b"/a\x00b"},
}


class RawTarget(httpx.URL):
    """A URL whose request target is given as is: httpx's own URLs percent-encode a space and
    refuse CR/LF, so this stands for one that got past them (a subclass, a mutated object)."""

    def __init__(self, url: str, target: bytes) -> None:
        super().__init__(url)
        self._target = target

    @property
    def raw_path(self) -> bytes:
        return self._target


@pytest.mark.parametrize("name", list(INJECTIONS))
async def test_header_injection_is_refused_before_any_byte_is_sent(raw_server: StartRaw, name: str) -> None:
    server, url = await start_keepalive(raw_server)
    case = INJECTIONS[name]
    request = httpx.Request("GET", url + "/x", headers=case.get("headers"), extensions={"timeout": timeouts()})
    if "target" in case:
        request.url = RawTarget(url + "/x", case["target"])
    transport = AsyncioTransport()
    with pytest.raises(httpx.LocalProtocolError):
        await transport.handle_async_request(request)
    await asyncio.sleep(0.05)  # a connection, had one been opened, would be accepted by now
    assert server.accepted == 0 and transport.open_connections == 0


# --- what the request says shapes how its answer is read ---------------------------------------
ANSWERS = {
    "content-length": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    "no-content": b"HTTP/1.1 204 No Content\r\n\r\n",
}


@pytest.mark.parametrize("answer", list(ANSWERS))
@pytest.mark.parametrize("value", [b" leading-space", b"trailing-space ", b"vertical\x0btab", b"form\x0cfeed"],
                         ids=["leading-space", "trailing-space", "vertical-tab", "form-feed"])
async def test_a_header_sent_under_http_client_rules_never_stops_the_answer_being_read(
        raw_server: StartRaw, value: bytes, answer: str) -> None:
    """``request_head`` sends what http.client allows (a value with a leading space, a form
    feed); h11, which reads the unusual answers, refuses such a header when asked to send it.
    The answer is read whatever its framing: h11 is never asked to re-check the request."""
    async def reply(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await server.next_request(reader) is not None:
            writer.write(ANSWERS[answer])

    server, url = await raw_server(reply)
    transport = AsyncioTransport()
    for _ in range(2):  # and the connection is reused after it
        request = httpx.Request("GET", url + "/x", headers=[(b"X-Odd", value)], extensions={"timeout": timeouts()})
        got = await transport.handle_async_request(request)
        assert got.status_code == int(ANSWERS[answer][9:12]) and got.content == (b"" if answer == "no-content" else b"ok")
    assert server.accepted == 1 and [r.headers["X-Odd"] for r in server.requests] == [value.decode().strip()] * 2
    await transport.aclose()


@pytest.mark.parametrize("answer", ["content-length", "chunked"])
@pytest.mark.parametrize("server_closes", [True, False], ids=["server-closes-late", "server-keeps-it"])
async def test_a_request_asking_to_close_never_leaves_its_connection_in_the_pool(
        raw_server: StartRaw, answer: str, server_closes: bool) -> None:
    """A request with ``Connection: close``: the server closes after answering, perhaps after
    the client read the answer (its FIN not yet there when the next request starts); the
    connection is dropped at once, so the next request goes over a new one and both arrive."""
    async def reply(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await server.next_request(reader) is not None:
            writer.write(ANSWERS[answer])
            if server_closes:
                await asyncio.sleep(0.05)
                return

    server, url = await raw_server(reply)
    transport = AsyncioTransport()
    for header in ("close", "Keep-Alive, Close"):
        request = httpx.Request("POST", url + "/x", content=b"{}", headers={"Connection": header},
                                extensions={"timeout": timeouts()})
        assert (await transport.handle_async_request(request)).content == b"ok"
        assert transport.open_connections == 0
    assert len(server.requests) == 2 and server.accepted == 2
    await transport.aclose()


# --- respx ---------------------------------------------------------------------------------------------
async def test_respx_intercepts_the_transport_itself() -> None:
    """While respx patches httpcore, requests go through httpx's own stack so the mock answers;
    afterwards, the wire again (no mock leaks into it)."""
    transport = AsyncioTransport()
    with respx.mock(using="httpcore") as router:
        route = router.post("https://api.example.test/charge").respond(201, json={"mocked": True})
        assert httpcore_is_patched()
        got = await transport.handle_async_request(post("https://api.example.test"))
        await got.aread()
        assert got.status_code == 201 and got.json() == {"mocked": True}
        assert route.call_count == 1
    assert not httpcore_is_patched()
    await transport.aclose()


# --- event loops and fork ---------------------------------------------------------------------
@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_one_client_from_successive_event_loops(tls: bool) -> None:
    """Each ``asyncio.run`` gets a new pool (the old loop's connection is released without a
    word on the wire); no "Event loop is closed", no ResourceWarning (unclosed transport or
    socket), also once closed from a third loop."""
    certs = self_signed()
    server = Peer("keep", tls=certs.server_context() if tls else None)
    transport = AsyncioTransport(verify=certs.client_context())
    client = AsyncClient(base_url=server.url, transport=transport, max_retries=0)

    async def two_calls() -> list[Any]:
        return [(await client._driver.run(client._request("GET", "/x"))).json() for _ in range(2)]

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert asyncio.run(two_calls()) == [{"ok": True}] * 2
            assert asyncio.run(two_calls()) == [{"ok": True}] * 2
            assert transport.open_connections == 1  # the second loop's; the first's was released
            asyncio.run(client.aclose())
            gc.collect()
        problems = [str(w.message) for w in caught if issubclass(w.category, (ResourceWarning, RuntimeWarning))
                    or "Event loop is closed" in str(w.message) or "nraisable" in w.category.__name__]
        assert problems == []
        assert server.connections == 2 and server.requests == 4  # one connection per loop, reused in it
    finally:
        server.close()


def test_after_fork_drops_connections_without_a_byte_on_the_wire() -> None:
    """``after_fork`` (what the at-fork hook runs in the child) empties the pool and releases
    each socket without a byte on the wire: the server keeps the connection (the parent's
    descriptor, simulated here by a duplicate, still carries requests); the child's next
    request, in its own event loop as a forked worker runs one, opens a new connection; nothing
    warns. (Real forks of every client flavour: ``test_core_fork.py``.)"""
    server = Peer("keep")
    transport = AsyncioTransport()
    parents_loop = asyncio.new_event_loop()
    try:
        parents_loop.run_until_complete(transport.handle_async_request(post(server.url)))
        [conn] = next(iter(transport._pool.idle.values()))  # type: ignore[union-attr]
        sock = conn.transport.get_extra_info("socket")  # type: ignore[union-attr]
        parents_copy = socket.socket(fileno=os.dup(sock.fileno()))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert fork.reset_transport(transport)  # in the child
            assert transport.open_connections == 0 and sock.fileno() == -1
            del conn, sock
            gc.collect()
            got = asyncio.run(transport.handle_async_request(post(server.url)))  # the child's loop
            assert got.status_code == 200
            asyncio.run(transport.aclose())
            gc.collect()
        assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
        assert server.connections == 2 and server.requests == 2
        with parents_copy:  # the parent's connection is intact: no FIN, no RST, no TLS alert
            parents_copy.settimeout(5)
            parents_copy.sendall(b"GET /parent HTTP/1.1\r\nHost: x\r\n\r\n")
            assert parents_copy.recv(65536).startswith(b"HTTP/1.1 200 OK")
        assert server.requests == 3
    finally:
        parents_loop.close()
        server.close()


def test_a_loop_left_open_can_be_used_again() -> None:
    """A client used from loop A (left open), then loop B, then A again: each switch starts a
    new pool; A's old sockets were also forgotten by A's selector, so the new socket that
    gets the same descriptor number registers there without error."""
    server = Peer("keep")
    transport = AsyncioTransport()
    loop_a = asyncio.new_event_loop()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for run in (loop_a.run_until_complete, asyncio.run, loop_a.run_until_complete):
                got = run(transport.handle_async_request(post(server.url)))
                assert got.status_code == 200
            loop_a.run_until_complete(transport.aclose())
            gc.collect()
        assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
        assert server.connections == 3 and server.requests == 3
    finally:
        loop_a.close()
        server.close()

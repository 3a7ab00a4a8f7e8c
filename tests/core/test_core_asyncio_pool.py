"""The pool of paywire's asyncio wire (``_core/asyncio_transport.py``) over real sockets on
127.0.0.1: the connection bound under load, the order waiters are served in (one origin, two
origins), the pool timeout, cancellation at every stage giving slots back, and the rules for
reusing an idle connection (a server's close or unasked bytes, keep-alive expiry); and, through
a core client, that a disconnect after writing re-sends only what may be re-sent.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from _support.raw_http import Peer, RawServer, http_response

import paywire
from paywire._core import AsyncClient
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.retries import never_sent

StartRaw = Callable[..., Awaitable[tuple[RawServer, str]]]
TIMEOUTS = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}


def get(url: str, path: str = "/", **timeouts: float) -> httpx.Request:
    return httpx.Request("GET", url + path, extensions={"timeout": {**TIMEOUTS, **timeouts}})


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait (at most 5 s, so a broken pool fails instead of hanging) until ``condition()``."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"never happened: {what}")


def answer(request: Any) -> bytes:
    """An answer naming the connection and the target it answers."""
    return http_response("200 OK", json.dumps({"conn": request.conn, "target": request.target}).encode())


class Switchboard:
    """A server handler: requests whose target starts with ``/hold`` wait until ``release`` is
    set; ``barrier`` (when set to n) holds each request until n are in flight at once (bounded:
    after 5 s it answers 503, so a pool that cannot reach n fails the test, never hangs it);
    every other request is answered at once. ``arrivals`` logs (name, target) in arrival order
    (shared between servers), ``ended`` the connections the client closed."""

    def __init__(self, name: str, arrivals: list[tuple[str, str]]) -> None:
        self.name = name
        self.arrivals = arrivals
        self.release = asyncio.Event()
        self.barrier: int | None = None
        self.in_flight = 0
        self.ended: list[int] = []
        self.server: RawServer | None = None

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert self.server is not None
        try:
            while (request := await self.server.next_request(reader)) is not None:
                self.arrivals.append((self.name, request.target))
                self.in_flight += 1
                try:
                    if request.target.startswith("/hold"):
                        await self.release.wait()
                    elif self.barrier is not None:
                        try:
                            await asyncio.wait_for(until_count(self, self.barrier), 5)
                        except TimeoutError:
                            writer.write(http_response("503 Barrier Not Reached"))
                            continue
                finally:
                    self.in_flight -= 1
                writer.write(answer(request))
                await writer.drain()
        finally:
            self.ended.append(self.server.conn_of(reader))


async def until_count(board: Switchboard, n: int) -> None:
    while board.in_flight < n:
        await asyncio.sleep(0.005)


@pytest.fixture
async def boards(raw_server: StartRaw) -> Callable[[str], Awaitable[tuple[Switchboard, RawServer, str]]]:
    arrivals: list[tuple[str, str]] = []

    async def start(name: str) -> tuple[Switchboard, RawServer, str]:
        board = Switchboard(name, arrivals)
        server, url = await raw_server(board.handle)
        board.server = server
        return board, server, url

    return start


async def run_concurrently(transport: AsyncioTransport, url: str, n: int) -> list[httpx.Response]:
    return list(await asyncio.gather(*(transport.handle_async_request(get(url, f"/c{i}")) for i in range(n))))


# --- the bound --------------------------------------------------------------------------------
async def test_the_bound_holds_under_300_concurrent_requests(raw_server: StartRaw) -> None:
    """300 requests at once, ``max_connections=5``: never more than 5 connections, at the
    server or in the pool, and the 5 are reused for all 300 (none dropped, none extra)."""
    transport = AsyncioTransport(max_connections=5)
    seen_open: list[int] = []

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (request := await server.next_request(reader)) is not None:
            seen_open.append(transport.open_connections)
            await asyncio.sleep(0.001)  # keep the connections busy so requests queue
            writer.write(answer(request))

    server, url = await raw_server(slow)
    responses = await run_concurrently(transport, url, 300)
    assert [r.json()["target"] for r in responses] == [f"/c{i}" for i in range(300)]  # each got its own
    assert len(server.requests) == 300
    assert server.accepted == 5 and server.max_open == 5
    assert max(seen_open) == 5 and transport.open_connections == 5
    await transport.aclose()


# --- waiters ------------------------------------------------------------------------------------
async def test_waiters_are_served_first_come_first_served_on_the_finished_connection(boards: Any) -> None:
    """With the only slot busy, ten requests queue; when it is free they go out in the order
    they arrived, each on the connection the previous one finished with (no new connection)."""
    board, server, url = await boards("a")
    transport = AsyncioTransport(max_connections=1)
    holder = asyncio.create_task(transport.handle_async_request(get(url, "/hold")))
    await until(lambda: len(server.requests) == 1, "the holder reached the server")
    waiters = []
    for i in range(10):
        waiters.append(asyncio.create_task(transport.handle_async_request(get(url, f"/w{i}"))))
        await asyncio.sleep(0)  # each starts (and queues) before the next is made
    board.release.set()
    await holder
    done = await asyncio.gather(*waiters)
    assert [target for _, target in board.arrivals] == ["/hold"] + [f"/w{i}" for i in range(10)]
    assert {r.json()["conn"] for r in done} == {1} and server.accepted == 1
    await transport.aclose()


async def test_with_two_origins_a_waiter_for_the_other_origin_gets_the_slot_in_its_turn(boards: Any) -> None:
    """Every slot busy with origin A; a request for B queues, then more for A. When A's
    connection finishes, B (first in line) gets its slot (A's connection is closed to make
    room), then A's waiters go on: no origin starves while another keeps the pool busy."""
    board_a, server_a, url_a = await boards("a")
    _, server_b, url_b = await boards("b")
    transport = AsyncioTransport(max_connections=1)
    holder = asyncio.create_task(transport.handle_async_request(get(url_a, "/hold")))
    await until(lambda: len(server_a.requests) == 1, "the holder reached A")
    queued = []
    for url, path in ((url_b, "/b1"), (url_a, "/a2"), (url_a, "/a3"), (url_b, "/b2")):
        queued.append(asyncio.create_task(transport.handle_async_request(get(url, path))))
        await asyncio.sleep(0)
    board_a.release.set()
    await holder
    await asyncio.gather(*queued)
    assert board_a.arrivals == [("a", "/hold"), ("b", "/b1"), ("a", "/a2"), ("a", "/a3"), ("b", "/b2")]
    assert server_a.accepted == 2 and server_b.accepted == 2  # each switch of origin: a new connection
    assert server_a.max_open + server_b.max_open <= 2 and transport.open_connections == 1
    await transport.aclose()


async def test_pool_timeout_then_the_pool_still_works(boards: Any) -> None:
    board, server, url = await boards("a")
    transport = AsyncioTransport(max_connections=1)
    holder = asyncio.create_task(transport.handle_async_request(get(url, "/hold")))
    await until(lambda: len(server.requests) == 1, "the holder reached the server")
    with pytest.raises(httpx.PoolTimeout) as info:
        await transport.handle_async_request(get(url, "/late", pool=0.2))
    assert never_sent(info.value) and len(server.requests) == 1
    board.release.set()
    await holder
    assert (await transport.handle_async_request(get(url, "/after"))).json()["conn"] == 1
    await transport.aclose()


# --- cancellation -----------------------------------------------------------------------------
async def test_a_task_cancelled_while_waiting_for_a_slot_gives_its_place_back(boards: Any) -> None:
    """Two slots busy, a third request waits and is cancelled: afterwards two requests still
    run at once (the server holds each until both are in), and nothing is left queued."""
    board, server, url = await boards("a")
    transport = AsyncioTransport(max_connections=2)
    holders = [asyncio.create_task(transport.handle_async_request(get(url, f"/hold{i}"))) for i in range(2)]
    await until(lambda: len(server.requests) == 2, "both holders reached the server")
    waiting = asyncio.create_task(transport.handle_async_request(get(url, "/never")))
    await until(lambda: bool(transport._pool and transport._pool.waiters), "the third request queued")
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    board.release.set()
    await asyncio.gather(*holders)
    board.barrier = 2
    together = await run_concurrently(transport, url, 2)
    assert [r.status_code for r in together] == [200, 200]  # both slots were free at once
    assert "/never" not in [target for _, target in board.arrivals]
    assert transport._pool is not None and not transport._pool.waiters and transport.open_connections == 2
    await transport.aclose()


async def test_a_task_cancelled_mid_exchange_gives_its_slot_back_and_its_connection_is_dropped(
        boards: Any) -> None:
    """A request cancelled while its answer is awaited: its connection is closed (an answer
    not read to its end would corrupt the next one) and its slot freed: two requests then run at
    once, neither on the cancelled connection."""
    board, server, url = await boards("a")
    transport = AsyncioTransport(max_connections=2)
    cancelled = asyncio.create_task(transport.handle_async_request(get(url, "/hold")))
    await until(lambda: len(server.requests) == 1, "the request reached the server")
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert transport.open_connections == 0
    board.release.set()  # the held answer goes to a closed connection
    await until(lambda: board.ended == [1], "the cancelled connection was closed")
    board.barrier = 2
    together = await run_concurrently(transport, url, 2)
    assert [r.status_code for r in together] == [200, 200]
    assert {r.json()["conn"] for r in together} == {2, 3}
    assert transport.open_connections == 2
    await transport.aclose()


async def test_a_task_cancelled_while_connecting_gives_its_slot_back(boards: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A request cancelled while its connection is being opened frees that slot too."""
    _, server, url = await boards("a")
    transport = AsyncioTransport(max_connections=1)
    loop = asyncio.get_running_loop()
    real = loop.create_connection
    opening = asyncio.Event()

    async def hang(*args: Any, **kwargs: Any) -> Any:
        opening.set()
        await asyncio.sleep(10)

    monkeypatch.setattr(loop, "create_connection", hang)
    connecting = asyncio.create_task(transport.handle_async_request(get(url, "/x")))
    await opening.wait()
    connecting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await connecting
    monkeypatch.setattr(loop, "create_connection", real)
    got = await transport.handle_async_request(get(url, "/after", pool=1))  # the only slot is free
    assert got.json() == {"conn": 1, "target": "/after"} and server.accepted == 1
    await transport.aclose()


# --- reusing idle connections ------------------------------------------------------------------
@pytest.mark.parametrize("via", ["transport", "core-client"])
@pytest.mark.parametrize("gap", [0.0, 0.05], ids=["back-to-back", "after-a-pause"])
async def test_an_idle_connection_the_server_closed_is_never_reused(raw_server: StartRaw, gap: float,
                                                                    via: str) -> None:
    """The server answers (keep-alive by HTTP/1.1's default) and closes. Back to back (the FIN
    may still wait in the kernel, not yet reported by the event loop: the poll before reuse
    sees it) or after a pause: ten POSTs without an idempotency key, with no retries, all
    succeed and the server sees exactly ten, each on its own connection."""
    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await server.next_request(reader)
        if request is not None:
            writer.write(answer(request))

    server, url = await raw_server(answer_then_close)
    async with AsyncClient(base_url=url, max_retries=0) as client:
        transport = client._http._transport
        assert isinstance(transport, AsyncioTransport)
        for i in range(10):
            if via == "transport":
                request = httpx.Request("POST", f"{url}/charge{i}", json={"amount": 1},
                                        extensions={"timeout": TIMEOUTS})
                got = await transport.handle_async_request(request)
            else:
                got = await client._driver.run(client._request("POST", f"/charge{i}", json={"amount": 1}))
            assert got.json()["target"] == f"/charge{i}"
            if gap:  # (not even sleep(0) back to back: one turn of the loop would report the EOF)
                await asyncio.sleep(gap)
    assert [r.target for r in server.requests] == [f"/charge{i}" for i in range(10)]
    assert [r.conn for r in server.requests] == list(range(1, 11))


async def test_a_fresh_connection_closed_before_the_request_is_never_sent_and_not_retried_forever(
        raw_server: StartRaw, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that accepts and closes at once, its FIN seen before the request is written
    (made certain here by a pause after connecting): nothing was sent, so a ConnectError
    (never sent); and one connection, not a loop of reconnections to a server that does this
    every time."""
    async def close_at_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        return None  # RawServer closes the connection

    server, url = await raw_server(close_at_once)
    transport = AsyncioTransport()
    connect = transport._connect

    async def connect_then_pause(*args: Any) -> Any:
        conn = await connect(*args)
        await asyncio.sleep(0.05)  # the server's FIN arrives and is reported meanwhile
        return conn

    monkeypatch.setattr(transport, "_connect", connect_then_pause)
    with pytest.raises(httpx.ConnectError) as info:
        await asyncio.wait_for(transport.handle_async_request(get(url, "/x")), 2)
    assert never_sent(info.value) and server.accepted == 1 and server.requests == []
    assert transport.open_connections == 0
    await transport.aclose()


@pytest.mark.parametrize("gap", [0.0, 0.05], ids=["not-yet-reported", "reported"])
async def test_unasked_bytes_on_an_idle_connection_make_it_unusable(raw_server: StartRaw, gap: float) -> None:
    """Bytes the server sends after an answer, unasked: the connection's framing is lost, so it
    is dropped; the next request goes over a new connection and gets its own answer."""
    async def answer_then_chatter(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (request := await server.next_request(reader)) is not None:
            writer.write(answer(request))
            await writer.drain()
            await asyncio.sleep(0)  # a separate write, after the answer was read
            writer.write(http_response("200 OK", b'{"unasked": true}'))

    server, url = await raw_server(answer_then_chatter)
    transport = AsyncioTransport()
    first = await transport.handle_async_request(get(url, "/one"))
    if gap:
        await asyncio.sleep(gap)
    second = await transport.handle_async_request(get(url, "/two"))
    assert first.json() == {"conn": 1, "target": "/one"}
    assert second.json() == {"conn": 2, "target": "/two"}
    await until(lambda: server.open_now == 0, "the client dropped both connections it got unasked bytes on")
    assert transport.open_connections == 0
    await transport.aclose()


async def test_keepalive_reuses_a_connection_and_expires_idle_ones(boards: Any) -> None:
    board, _, url = await boards("a")
    transport = AsyncioTransport(keepalive_expiry=0.5)
    conns = [(await transport.handle_async_request(get(url, f"/{i}"))).json()["conn"] for i in range(3)]
    assert conns == [1, 1, 1]
    await asyncio.sleep(0.7)
    assert (await transport.handle_async_request(get(url, "/later"))).json()["conn"] == 2
    await until(lambda: board.ended == [1], "the expired connection was closed")
    assert transport.open_connections == 1
    await transport.aclose()


# --- through a core client: what is re-sent after a disconnect ------------------------------------
async def test_a_post_without_key_is_not_resent_after_a_disconnect_but_a_get_is_retried(
        peer: Callable[[str], Peer]) -> None:
    """The server reads each request and closes without answering (maybe delivered): a POST
    without an idempotency key is sent once; a GET, and a POST with a key, are retried."""
    server = peer("close")

    async def no_sleep(seconds: float) -> None:
        return None

    async with AsyncClient(base_url=server.url, max_retries=2) as client:
        assert isinstance(client._http._transport, AsyncioTransport)
        client._driver.sleep = no_sleep
        with pytest.raises(paywire.APIConnectionError) as info:
            await client._driver.run(client._request("POST", "/charge", json={"amount": 1}))
        assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
        assert server.requests == 1
        with pytest.raises(paywire.APIConnectionError):
            await client._driver.run(client._request("GET", "/charge/1"))
        assert server.requests == 1 + 3
        with pytest.raises(paywire.APIConnectionError):
            await client._driver.run(client._request("POST", "/charge", json={"amount": 1},
                                                     headers={"Idempotency-Key": "k1"}, retry_safe=True))
        assert server.requests == 4 + 3

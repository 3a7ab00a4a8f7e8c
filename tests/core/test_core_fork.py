"""Fork safety of the HTTP pools (issue #13 item 1, ``_core/fork.py``).

After a client has been used, ``os.fork()`` leaves parent and child holding the same keep-alive
sockets. For every facade client class of the four services and every pool under it (paywire's
own wire: the sync stdlib transport, the async asyncio transport; the aiohttp and httpx
(sharded) backends; a user-supplied httpx transport) a real fork against a real server on
127.0.0.1 must show: the child's request goes over a *new* connection (another client port at
the server), and the parent's connection still works afterwards (the child released it without
closing it on the wire).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import threading
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import httpcore
import httpx
import pytest
from _pool_helpers import CASES, POOLS, Case, call_async, call_sync, one_case_per_flavour, peer_server

from paywire._core import AsyncClient, SyncClient, fork
from paywire._core.aiohttp_transport import AiohttpTransport
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.stdlib_transport import StdlibTransport
from paywire._core.transport import ShardedAsyncTransport

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with peer_server() as base:
        yield base


def in_child(work: Callable[[], dict[str, Any]]) -> tuple[int, Callable[[], dict[str, Any]]]:
    """Fork; the child runs ``work`` and reports its result (or error) through a pipe, then
    exits without running pytest's teardown. Returns (pid, a function that waits for the
    child and returns what it reported)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        signal.alarm(15)  # a child stuck on the parent's socket must not hang the suite
        try:
            report = {"ok": work()}
        except BaseException as exc:  # every failure, even SystemExit, is reported to the parent
            report = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write_fd, json.dumps(report).encode())
        os._exit(0)
    os.close(write_fd)

    def result() -> dict[str, Any]:
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        os.waitpid(pid, 0)
        report: dict[str, Any] = json.loads(b"".join(chunks) or b'{"error": "child died"}')
        assert "error" not in report, f"child failed: {report['error']}"
        return dict(report["ok"])

    return pid, result


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_child_never_reuses_a_parent_connection(url: str, case: Case) -> None:
    client = case.build(url)
    try:
        if case.is_async:
            first = await call_async(client, "/parent-1")
            _, child = in_child(lambda: asyncio.run(call_async(client, "/child", tag="child")))
            got = child()  # first, so the parent's idle connection is there to be (wrongly) reused
            second = await call_async(client, "/parent-2")
        else:
            first = call_sync(client, "/parent-1")
            _, child = in_child(lambda: call_sync(client, "/child", tag="child"))
            got = child()
            second = call_sync(client, "/parent-2")
    finally:
        if case.is_async:
            await client.aclose()
        else:
            client.close()
    assert got["tag"] == "child" and got["path"] == "/child"  # the child read its own response
    assert got["peer"] != first["peer"], "the child sent on the parent's keep-alive connection"
    # The child released the parent's socket without closing it on the wire: still reused.
    assert second["peer"] == first["peer"]


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_user_supplied_http_client_is_reset_too(url: str, flavour: str) -> None:
    """``http_client=`` (the core's own option): the user's httpx pool is as shared by a fork
    as ours, and paywire sees its transports, so it empties them too."""
    if flavour == "sync":
        http: Any = httpx.Client(base_url=url)
        client: Any = SyncClient(base_url=url, http_client=http)
        first = call_sync(client, "/parent-1")
        _, child = in_child(lambda: call_sync(client, "/child", tag="child"))
        got = child()
        second = call_sync(client, "/parent-2")
        http.close()
    else:
        http = httpx.AsyncClient(base_url=url)
        client = AsyncClient(base_url=url, http_client=http)
        first = await call_async(client, "/parent-1")
        _, child = in_child(lambda: asyncio.run(call_async(client, "/child", tag="child")))
        got = child()
        second = await call_async(client, "/parent-2")
        await http.aclose()
    assert got["tag"] == "child" and got["peer"] != first["peer"]
    assert second["peer"] == first["peer"]


def test_every_client_flavour_is_enumerated() -> None:
    """Four services x sync/async on paywire's own wire and on a user transport, plus the
    aiohttp and httpx backends of the async clients that offer them; the soak's selection
    has one of each (pool, sync/async)."""
    pools = {(c.facade, c.pool) for c in CASES}
    assert len({c.facade for c in CASES}) == 8
    assert {p for _, p in pools} == set(POOLS)
    assert len(CASES) == 8 + 3 + 3 + 8
    assert {(c.pool, c.is_async) for c in one_case_per_flavour()} == {(c.pool, c.is_async) for c in CASES}


#: The transport each pool flavour must put under the client.
TRANSPORTS = {("default", False): StdlibTransport, ("default", True): AsyncioTransport,
              ("aiohttp", True): AiohttpTransport, ("httpx", True): ShardedAsyncTransport,
              ("user-transport", False): httpx.HTTPTransport, ("user-transport", True): httpx.AsyncHTTPTransport}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_every_pool_flavour_builds_the_transport_it_names(case: Case) -> None:
    client = case.build("http://127.0.0.1:9")
    try:
        assert type(client._http._transport) is TRANSPORTS[case.pool, case.is_async]
    finally:
        await client.aclose() if case.is_async else client.close()


def test_held_pool_lock_is_replaced_in_the_child() -> None:
    """A parent thread inside the pool's lock at fork time must not deadlock the child."""
    pool = httpcore.ConnectionPool()
    held = pool._optional_thread_lock
    held.__enter__()
    try:
        fork.reset_httpcore_pool(pool)
        with pool._optional_thread_lock:  # would block forever on the copied, held lock
            pass
    finally:
        held.__exit__()


def test_release_socket_sends_nothing_and_leaves_a_dead_object() -> None:
    """The released descriptor is closed here only: the peer sees no FIN while another
    descriptor (the parent's) stays open, and the object can no longer touch any fd."""
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname())
    peer, _ = server.accept()
    parents_copy = os.dup(client.fileno())
    try:
        fork.release_socket(client)
        assert client.fileno() == -1
        client.close()  # a later close (a finalizer) is harmless
        peer.settimeout(0.2)
        with pytest.raises(TimeoutError):
            peer.recv(1)  # no EOF: the connection is intact for the other descriptor
        os.write(parents_copy, b"x")
        assert peer.recv(1) == b"x"
    finally:
        os.close(parents_copy)
        peer.close()
        server.close()


def test_release_socket_of_asyncio_transport_socket() -> None:
    """asyncio hands out a TransportSocket wrapper; the real socket behind it is released."""
    async def main() -> None:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        wrapper = writer.get_extra_info("socket")
        assert not isinstance(wrapper, socket.socket)
        fork.release_socket(wrapper)
        assert wrapper.fileno() == -1
        writer.transport.abort()
        server.close()

    asyncio.run(main())


def test_transports_paywire_cannot_see_are_reported_not_guessed() -> None:
    """A user transport with its own pool of unknown shape is left alone (documented limit);
    one with an ``after_fork()`` hook gets called."""
    assert not fork.reset_transport(httpx.MockTransport(lambda r: httpx.Response(200)))

    class Hooked(httpx.BaseTransport):
        def __init__(self) -> None:
            self.calls = 0

        def after_fork(self) -> None:
            self.calls += 1

    hooked = Hooked()
    assert fork.reset_transport(hooked) and hooked.calls == 1
    assert fork.reset_transport(httpx.HTTPTransport())
    assert fork.reset_transport(ShardedAsyncTransport())
    assert fork.reset_transport(AiohttpTransport())


@pytest.fixture
def only_tracked(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the child's hook here in the test process on this test's clients only (the other
    live clients of the session keep their connections)."""
    tracked: Any = weakref.WeakSet()
    monkeypatch.setattr(fork, "_TRACKED", tracked)
    return tracked


def test_mounted_transports_are_reset(url: str, only_tracked: Any) -> None:
    """Pools in ``mounts`` (e.g. per-host or proxy transports) are forked children's too."""
    mounted = httpx.HTTPTransport()
    http = httpx.Client(mounts={"http://127.0.0.1": mounted})
    try:
        http.get(url + "/x")
        assert len(mounted._pool._connections) == 1
        fork.track(http)
        fork._after_fork_in_child()  # what os.register_at_fork runs in a child
        assert mounted._pool._connections == []
    finally:
        http.close()


def test_a_failing_reset_never_breaks_the_child(monkeypatch: pytest.MonkeyPatch, only_tracked: Any,
                                                caplog: pytest.LogCaptureFixture) -> None:
    http = httpx.Client()
    fork.track(http)

    def boom(_: Any) -> None:
        raise RuntimeError("unexpected internals")

    monkeypatch.setattr(fork, "reset_http_client", boom)
    fork._after_fork_in_child()
    assert "could not reset an HTTP pool after fork" in caplog.text
    http.close()


def test_threads_in_flight_at_fork_leave_no_state_in_the_child(url: str) -> None:
    """Requests other parent threads have in flight at fork time do not exist in the child:
    the child starts with an empty pool and no queued requests."""
    from paywire.vellum import VellumClient

    client = VellumClient("k_test", "t1", base_url=url, allow_insecure_http=True)
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            call_sync(client, "/busy")

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        call_sync(client, "/warm")
        # The default sync wire is _core/stdlib_transport.py: no queue, in-flight ones are "busy".
        _, child = in_child(lambda: {"pool": client._http._transport.open_connections,
                                     "queued": len(client._http._transport._busy),
                                     "call": call_sync(client, "/child", tag="child")})
        got = child()
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        client.close()
    assert got["pool"] == 0 and got["queued"] == 0
    assert got["call"]["tag"] == "child"

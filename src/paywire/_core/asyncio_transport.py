"""Default async transport: httpx requests and responses, bytes carried by an asyncio protocol.

The async twin of ``stdlib_transport``. Measured on the 2-core bench box, 200 concurrent GETs
against ``bench/minimal_server.py`` (plain HTTP, 100 keep-alive connections): aiohttp's client
spends ~110 us of CPU per request (``ClientSession._request``: its timer, tracing, cookie and
redirect machinery, a ``ClientResponse`` and a stream reader), a bare ``asyncio.Protocol``
that writes the head and frames the answer ~34 us. httpx stays the type at the boundary;
only the bytes go through :class:`_Connection`, and nothing beyond the standard library (and
h11, which httpx already brings, for unusual framing) is imported.

Reading an answer: the common one (``HTTP/1.1``, a final status, one ``Content-Length``, every
line as h11's grammar allows it) is framed by :func:`~paywire._core.http11.quick_head` as bytes
arrive; anything else (chunked or close-delimited bodies, interim 1xx answers, 204/304, HEAD,
HTTP/1.0, bare LFs, a head over 64 KiB, any line the quick parser declines) is handed, with
every byte received so far, to an h11 connection told the request's method (:class:`_H11Reader`,
with httpcore's 100 KiB limit on an incomplete head): status, reason, raw headers, body and
keep-alive come out as httpx's own stack gives them, and what it refuses is refused
(``tests/core/test_core_asyncio_framing.py`` compares the two over a corpus delivered whole,
byte by byte and split at every boundary). One deliberate difference: bytes past the end of an
answer drop the connection (httpx would read them as the start of the next answer).

Error classification, as precise as httpcore's (``retries.never_sent`` relies on it):

- failing to connect (DNS, refused, TLS handshake), a connect timeout, no free connection
  within the pool timeout -> ``httpx.ConnectError`` / ``ConnectTimeout`` / ``PoolTimeout``:
  nothing was sent;
- anything once the first byte may have been written (resets, a server closing without an
  answer, malformed or truncated answers, read and write timeouts) -> ``ReadError`` /
  ``ReadTimeout`` / ``WriteTimeout`` / ``RemoteProtocolError``: maybe delivered.

A fresh connection the server closed before the request was written is a ``ConnectError``
(nothing sent); a reused one found closed is dropped and the request takes another connection.

Timeouts from the request (httpx's per-request dict): ``connect`` bounds connecting (TCP and
TLS), ``pool`` the wait for a free connection, ``write`` the wait for a large body to drain
into the kernel, ``read`` each wait for the next bytes of the answer (reset by every arrival,
as httpcore's per-read timeout is). A request cancelled mid-exchange closes its connection:
an answer not read to its end leaves the connection unusable.

The pool: up to ``max_connections`` connections over all origins, one LIFO stack of idle ones
per origin (the most recently used stays warm). An idle connection is reused only if it is
younger than ``keepalive_expiry``, the protocol saw neither EOF nor unasked bytes on it, and a
``poll`` of its socket finds nothing waiting (the event loop reports EOF only on its next
turn, after the request would have been written; httpcore and the sync transport make the same
check). An answer to a request that said ``Connection: close``, or that said so itself, or
followed by bytes past its end, never returns its connection to the pool. When every slot is
taken, requests queue in arrival order and are served strictly in that order: a finished
connection goes straight to the first one waiting if it waits for the same origin, else it is
closed and its slot goes to that first one (no stampede, no origin starved by another's
traffic; ``open_connections`` never exceeds the bound). A request cancelled while waiting,
connecting or mid-exchange gives its slot back.

Connections belong to the event loop that opened them. A client used from a new loop (each
``asyncio.run``, or pytest-asyncio's loop per test) starts a new pool; the old loop's sockets
are released without a word on the wire, as after a fork (``_core/fork.py``), and marked closed
so that nothing warns about them later; ``aclose()`` from another loop does the same.
"""

from __future__ import annotations

import asyncio
import collections
import select
import ssl
import time
from datetime import timedelta
from typing import TYPE_CHECKING

import httpx

from paywire._core.fork import release_transport, reset_transport
from paywire._core.http11 import quick_head, request_head
from paywire._core.httpx_models import HeaderTriple, read_response
from paywire._core.stdlib_transport import httpcore_is_patched
from paywire._core.transport import (
    ASYNC_MAX_CONNECTIONS,
    KEEPALIVE_EXPIRY,
    Origin,
    request_origin,
    tls_context,
)

if TYPE_CHECKING:
    import h11


#: A head not complete within this many bytes goes to h11, which refuses it with its own limit.
_MAX_QUICK_HEAD = 65536
#: h11's limit on an incomplete head (or chunk-size line), as httpcore sets it: a head longer
#: than this is refused the way httpx's own stack refuses it.
_MAX_INCOMPLETE_EVENT = 100 * 1024
#: Extensions of every answer, built once (``reason_phrase`` is filled in per answer).
_HTTP11 = b"HTTP/1.1"


class _Answer:
    """A whole answer as read from the wire."""

    __slots__ = ("content", "http_version", "reason", "status", "triples", "will_close")

    def __init__(self, status: int, reason: bytes, triples: list[HeaderTriple], content: bytes,
                 will_close: bool, http_version: bytes = _HTTP11) -> None:
        self.status = status
        self.reason = reason
        self.triples = triples
        self.content = content
        self.will_close = will_close
        self.http_version = http_version


class _Disconnected(Exception):
    """The connection ended before the whole answer was read (``got_bytes``: any of it)."""

    def __init__(self, got_bytes: bool, cause: BaseException | None) -> None:
        super().__init__("Server disconnected without sending a response." if not got_bytes
                         else "Server disconnected before the whole answer was read.")
        self.got_bytes = got_bytes
        self.cause = cause


class _H11Reader:
    """The answer read by h11, for everything the quick parser declines. h11 is told what of
    the request shapes the answer (its method: HEAD; whether it asked to close) as a request
    already sent whole, then fed every byte received. Not the request itself: h11 would check
    its headers again, by rules stricter than those it was sent under (``request_head``: a
    value with a leading space, say), and refuse to read the answer to a request already sent."""

    def __init__(self, method: str, asks_to_close: bool) -> None:
        import h11

        self._h11 = h11
        self._conn = conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_INCOMPLETE_EVENT)
        headers = [(b"Host", b"h"), (b"Content-Length", b"0")]
        if asks_to_close:
            headers.append((b"Connection", b"close"))
        conn.send(h11.Request(method=method.encode("ascii"), target=b"/", headers=headers))
        conn.send(h11.EndOfMessage())
        self._response: h11.Response | None = None
        self._parts: list[bytes] = []

    def feed(self, data: bytes) -> _Answer | None:
        """The answer once complete (``data`` empty: the peer closed), else None."""
        h11 = self._h11
        conn = self._conn
        conn.receive_data(data)
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                if not data:  # h11 saw EOF and still wants bytes: truncated
                    raise _Disconnected(self._response is not None, None)
                return None
            if isinstance(event, h11.Response):
                self._response = event
            elif isinstance(event, h11.Data):
                self._parts.append(bytes(event.data))
            elif isinstance(event, h11.EndOfMessage):
                response = self._response
                assert response is not None
                closes = (conn.their_state is h11.MUST_CLOSE or conn.our_state is h11.MUST_CLOSE
                          or bool(conn.trailing_data[0]))  # bytes past the answer: framing lost
                triples = [(name, name.lower(), value) for name, value in response.headers.raw_items()]
                return _Answer(response.status_code, bytes(response.reason), triples,
                               b"".join(self._parts), closes, b"HTTP/" + response.http_version)
            elif isinstance(event, h11.ConnectionClosed):
                raise _Disconnected(self._response is not None, None)
            # InformationalResponse (1xx): skipped, as httpcore does


class _Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection: writes a request, frames its answer as bytes arrive."""

    def __init__(self, loop: asyncio.AbstractEventLoop, origin: Origin) -> None:
        self.loop = loop
        self.origin = origin
        self.transport: asyncio.Transport | None = None
        self.usable = True  # False once EOF, an error or unasked bytes were seen
        self.idle_since = 0.0
        self.requests = 0  # exchanges started on this connection
        self._poller: select.poll | None = None  # asks the kernel whether the idle socket is readable
        self._waiter: asyncio.Future[_Answer] | None = None
        self._method = "GET"
        self._asks_to_close = False  # the request being answered carries "Connection: close"
        self._head: bytearray | None = None  # the first pieces of a head not complete yet
        self._parts: list[bytes] = []  # body bytes of an answer whose head was parsed
        self._have = 0
        self._need = -1  # total body length once the head is parsed, else -1
        self._answer: _Answer | None = None  # the parsed head, body still arriving
        self._h11: _H11Reader | None = None
        self._got_bytes = False
        self._last_read = 0.0
        self._timer: asyncio.TimerHandle | None = None
        self._read_timeout: float | None = None
        self._drained: asyncio.Future[None] | None = None
        self._paused = False

    # -- asyncio.Protocol ------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if _HAS_POLL and sock is not None:
            self._poller = poller = select.poll()
            poller.register(sock.fileno(), select.POLLIN)

    def data_received(self, data: bytes) -> None:
        waiter = self._waiter
        if waiter is None or waiter.done():  # bytes nobody asked for: the framing is lost
            self._discard()
            return
        self._got_bytes = True
        if self._read_timeout is not None:
            self._last_read = self.loop.time()
        try:
            answer = self._take(data)
        except Exception as exc:  # malformed answer (h11 or the quick parser): maybe delivered
            self._fail(exc)
            return
        if answer is not None:
            self._finish(answer)

    def eof_received(self) -> bool | None:
        self.usable = False
        return None  # close the transport: connection_lost follows

    def connection_lost(self, exc: Exception | None) -> None:
        self.usable = False
        self.resume_writing()
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        if self._h11 is not None and exc is None:  # e.g. a close-delimited body ends here
            try:
                answer = self._h11.feed(b"")
            except Exception as error:
                self._fail(error)
                return
            if answer is not None:
                self._finish(answer)
                return
        self._fail(_Disconnected(self._got_bytes, exc))

    def pause_writing(self) -> None:
        self._paused = True

    def resume_writing(self) -> None:
        self._paused = False
        drained = self._drained
        if drained is not None and not drained.done():
            drained.set_result(None)

    # -- framing ---------------------------------------------------------------------------------
    def _take(self, data: bytes) -> _Answer | None:
        if self._h11 is not None:
            return self._h11.feed(data)
        if self._need >= 0:  # head parsed: body bytes
            self._parts.append(data)
            self._have += len(data)
            return self._complete_body()
        pieces = self._head
        if pieces is None:  # the common case: the head starts in this piece
            start = 0
            end = data.find(b"\r\n\r\n")
        else:  # the head arrives in pieces: gather them, searching only around the new bytes
            start = max(len(pieces) - 3, 0)
            pieces += data
            end = pieces.find(b"\r\n\r\n", start)
        if end < 0:
            buffered = data if pieces is None else pieces
            if (len(buffered) > _MAX_QUICK_HEAD or buffered.find(b"\n\n", start) >= 0
                    or buffered.find(b"\n\r\n", start) >= 0):  # long, or a head ended by a bare LF
                return self._to_h11(bytes(buffered))
            if pieces is None:
                self._head = bytearray(data)
            return None
        if pieces is not None:
            data = bytes(pieces)
            self._head = None
        head = quick_head(data, end, self._method)
        if head is None:
            return self._to_h11(data)
        self._answer = _Answer(head.status, head.reason, head.triples, b"", head.will_close)
        self._need = head.length
        rest = data[head.body_start:]
        self._parts = [rest]
        self._have = len(rest)
        return self._complete_body()

    def _complete_body(self) -> _Answer | None:
        have, need = self._have, self._need
        if have < need:
            return None
        answer = self._answer
        assert answer is not None
        parts = self._parts
        body = parts[0] if len(parts) == 1 else b"".join(parts)
        if have > need:  # bytes past the answer: the connection's framing is lost
            body = body[:need]
            answer.will_close = True
        answer.content = body
        return answer

    def _to_h11(self, data: bytes) -> _Answer | None:
        """From now on h11 reads this answer, starting with every byte received of it."""
        self._head = None
        self._h11 = reader = _H11Reader(self._method, self._asks_to_close)
        return reader.feed(data)

    # -- an exchange -----------------------------------------------------------------------------
    async def exchange(self, method: str, data: bytes, asks_to_close: bool,
                       timeouts: dict[str, float | None]) -> _Answer:
        """Write ``data`` (the head and body of a ``method`` request) and wait for the whole
        answer."""
        transport = self.transport
        if transport is None or not self.usable or transport.is_closing() or (self.requests and self._readable()):
            raise _Stale(self.requests == 0)  # closed after it was picked: nothing written
        self.requests += 1
        loop = self.loop
        waiter: asyncio.Future[_Answer] = loop.create_future()
        self._waiter = waiter
        self._method = method
        self._asks_to_close = asks_to_close
        self._need = -1
        self._answer = None
        self._h11 = None
        self._head = None
        self._got_bytes = False
        try:
            transport.write(data)
            if self._paused:  # a body larger than the transport's buffer: wait for it to drain
                await self._drain(timeouts.get("write"))
            read = timeouts.get("read")
            self._read_timeout = read
            if read is not None:
                self._last_read = loop.time()
                self._timer = loop.call_at(self._last_read + read, self._check_read_timeout)
            return await waiter
        finally:
            self._waiter = None
            self._h11 = None  # what this answer's reading held, not kept while the connection idles
            self._parts = []
            self._answer = None
            timer = self._timer
            if timer is not None:
                timer.cancel()
                self._timer = None
            if waiter.done() and not waiter.cancelled():
                waiter.exception()  # retrieved (the drain failed first): no "never retrieved" log

    async def _drain(self, timeout: float | None) -> None:
        self._drained = drained = self.loop.create_future()
        try:
            async with asyncio.timeout(timeout):
                await drained
        except TimeoutError:
            raise _WriteTimedOut() from None
        finally:
            self._drained = None

    def _readable(self) -> bool:
        """Bytes or EOF wait on this idle socket that the event loop has not reported yet (it
        reports them on its next turn; the request would be written first): the server closed
        the connection or sent something unasked, so it must not carry a request. The check
        httpcore and the sync transport make before reusing a connection (``poll``, one
        syscall, no timeout)."""
        poller = self._poller
        return poller is not None and bool(poller.poll(0))

    def _check_read_timeout(self) -> None:
        read = self._read_timeout
        waiter = self._waiter
        if read is None or waiter is None or waiter.done():
            self._timer = None
            return
        due = self._last_read + read
        if self.loop.time() >= due:
            self._timer = None
            self._fail(TimeoutError(f"no bytes of the answer within {read} s"))
        else:  # bytes arrived since: wait until the last arrival's deadline
            self._timer = self.loop.call_at(due, self._check_read_timeout)

    def _finish(self, answer: _Answer) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(answer)

    def _fail(self, exc: BaseException) -> None:
        self.usable = False
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)
        self.resume_writing()  # a drain in progress ends; the waiter tells what happened
        self.abort()

    def _discard(self) -> None:
        self.usable = False
        self.abort()

    def abort(self) -> None:
        """Close at once (an unfinished answer would corrupt the next one)."""
        self.usable = False
        transport = self.transport
        if transport is not None:
            transport.abort()

    def close(self) -> None:
        self.usable = False
        transport = self.transport
        if transport is not None:
            transport.close()

    def release_socket(self, *, forked: bool) -> None:
        """Forget the socket without a word on the wire (a forked child, a dead event loop).

        ``forked``: this is a child, whose copy of the old loop's selector is the parent's epoll
        instance: it is never touched. In this process, an old loop still open and idle also
        forgets the descriptor, so that a new socket given the same number can be registered
        there if that loop is used again."""
        self.usable = False
        self._poller = None
        transport, self.transport = self.transport, None
        if transport is None:
            return
        loop = self.loop
        sock = transport.get_extra_info("socket")
        if not forked and sock is not None and not loop.is_closed() and not loop.is_running():
            for name in ("_remove_reader", "_remove_writer"):  # the public forms refuse a transport's fd
                remove = getattr(loop, name, None)
                if remove is not None:
                    remove(sock.fileno())
        release_transport(transport)


_HAS_POLL = hasattr(select, "poll")  # not on Windows: there the event loop's report is all


class _Stale(Exception):
    """The connection closed after it was picked and before the request was written
    (``fresh``: it never carried a request)."""

    def __init__(self, fresh: bool) -> None:
        super().__init__()
        self.fresh = fresh


class _WriteTimedOut(Exception):
    """The request body did not drain within the write timeout."""


class _Pool:
    """The connections of one event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.idle: dict[Origin, list[_Connection]] = {}
        self.slots = 0  # connections open or being opened, plus slots handed to a waiter
        self.busy: set[_Connection] = set()
        self.waiters: collections.deque[tuple[Origin, asyncio.Future[_Connection | None]]] = collections.deque()


class AsyncioTransport(httpx.AsyncBaseTransport):
    """paywire's default async transport: a keep-alive pool of :class:`_Connection` protocols."""

    def __init__(self, *, verify: ssl.SSLContext | bool = True, max_connections: int = ASYNC_MAX_CONNECTIONS,
                 keepalive_expiry: float = KEEPALIVE_EXPIRY) -> None:
        if max_connections < 1:
            raise ValueError("max_connections must be >= 1")
        self._verify = verify
        self._ssl_context: ssl.SSLContext | None = verify if isinstance(verify, ssl.SSLContext) else None
        self._max = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._pool: _Pool | None = None
        self._fallback: httpx.AsyncHTTPTransport | None = None
        self._closed = False

    # -- the pool ----------------------------------------------------------------------------------
    def _pool_for(self, loop: asyncio.AbstractEventLoop) -> _Pool:
        pool = self._pool
        if pool is None or pool.loop is not loop:
            if pool is not None:  # the old loop's connections cannot be used from this one
                self._forget(pool, forked=False)
            pool = self._pool = _Pool(loop)
        return pool

    def _ssl(self) -> ssl.SSLContext:
        if self._ssl_context is None:  # built on the first https connection: ~25 ms
            self._ssl_context = tls_context(self._verify)
        return self._ssl_context

    async def _acquire(self, pool: _Pool, origin: Origin, timeouts: dict[str, float | None]) -> _Connection:
        stack = pool.idle.get(origin)
        if stack:
            now = time.monotonic()
            expiry = self._keepalive_expiry
            while stack:
                conn = stack.pop()
                if conn.usable and now - conn.idle_since < expiry:
                    pool.busy.add(conn)
                    return conn
                conn.close()
                pool.slots -= 1
        if pool.slots < self._max:
            pool.slots += 1
        elif not self._evict_idle(pool):  # (an evicted connection's slot becomes ours)
            got = await self._wait(pool, origin, timeouts.get("pool"))
            if got is not None:
                pool.busy.add(got)
                return got
        # a slot is ours: open a connection in it
        try:
            conn = await self._connect(pool, origin, timeouts.get("connect"))
        except BaseException:
            self._free_slot(pool)
            raise
        pool.busy.add(conn)
        return conn

    def _evict_idle(self, pool: _Pool) -> bool:
        """Close one idle connection of another origin to make room (every slot taken)."""
        for stack in pool.idle.values():
            if stack:
                stack.pop(0).close()  # the least recently used of that origin
                return True  # its slot is reused: ``slots`` stays the same
        return False

    async def _wait(self, pool: _Pool, origin: Origin, timeout: float | None) -> _Connection | None:
        """Wait for a connection to ``origin`` (returned) or a free slot (None, the slot is ours)."""
        waiter: asyncio.Future[_Connection | None] = pool.loop.create_future()
        entry = (origin, waiter)
        pool.waiters.append(entry)
        try:
            async with asyncio.timeout(timeout):
                return await waiter
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():  # handed over just as we gave up
                handed = waiter.result()
                if handed is None:
                    self._free_slot(pool)
                else:
                    self._put_back(pool, handed)
            else:
                waiter.cancel()
                try:
                    pool.waiters.remove(entry)
                except ValueError:
                    pass
            if isinstance(exc, TimeoutError):
                raise httpx.PoolTimeout("no free connection within the pool timeout") from None
            raise

    async def _connect(self, pool: _Pool, origin: Origin, timeout: float | None) -> _Connection:
        scheme, host, port = origin
        loop = pool.loop
        context = self._ssl() if scheme == "https" else None
        try:
            async with asyncio.timeout(timeout):
                _, conn = await loop.create_connection(
                    lambda: _Connection(loop, origin), host, port, ssl=context,
                    server_hostname=host if context is not None else None)
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(f"{type(exc).__name__}: connecting to {host}:{port} took longer than {timeout} s") from exc
        except OSError as exc:  # refused, DNS, unreachable, TLS handshake (ssl.SSLError is one)
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}") from exc
        return conn

    def _free_slot(self, pool: _Pool) -> None:
        """A slot is no longer used: hand it to the first waiter, else give it back."""
        waiters = pool.waiters
        while waiters:
            _, waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        pool.slots -= 1

    def _put_back(self, pool: _Pool, conn: _Connection) -> None:
        """A connection whose answer was read whole: to the first waiter (the connection if it
        waits for its origin, else the connection's slot), else idle."""
        if not conn.usable or self._closed or pool is not self._pool:
            conn.close()
            self._free_slot(pool)
            return
        waiters = pool.waiters
        while waiters:
            origin, waiter = waiters.popleft()
            if waiter.done():  # it gave up (cancelled, pool timeout)
                continue
            if origin == conn.origin:
                waiter.set_result(conn)
            else:  # the first in line wants another origin: this connection's slot is its
                conn.close()
                waiter.set_result(None)
            return
        conn.idle_since = time.monotonic()
        pool.idle.setdefault(conn.origin, []).append(conn)

    def _release(self, pool: _Pool, conn: _Connection, keep: bool) -> None:
        pool.busy.discard(conn)
        if keep:
            self._put_back(pool, conn)
        else:
            conn.abort()
            self._free_slot(pool)

    # -- a request ---------------------------------------------------------------------------------
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if httpcore_is_patched():
            return await self._fallback_transport().handle_async_request(request)
        if self._closed:
            raise RuntimeError("the transport is closed")
        origin = request_origin(request.url)
        timeouts: dict[str, float | None] = request.extensions.get("timeout") or {}
        body = await request.aread()
        method = request.method
        built = request_head(method, request, body)
        if built is None:
            raise httpx.LocalProtocolError("illegal character in the request method or a header", request=request)
        started = time.perf_counter()
        pool = self._pool_for(asyncio.get_running_loop())
        data = built.data + body if body else built.data
        closes = built.asks_to_close
        while True:
            try:
                conn = await self._acquire(pool, origin, timeouts)
            except httpx.TransportError as exc:
                exc.request = request
                raise
            keep = False
            try:
                answer = await conn.exchange(method, data, closes, timeouts)
                keep = not (answer.will_close or closes)
                break
            except _Stale as stale:  # nothing was written (``finally`` drops this connection)
                if stale.fresh:  # the server closed a connection it just accepted: not a stale pool
                    raise httpx.ConnectError("the server closed the connection before the request was "
                                             "written", request=request) from None
                continue  # a reused one the server closed while idle: take another connection
            except _WriteTimedOut as exc:
                raise httpx.WriteTimeout("the request body did not drain within the write timeout",
                                         request=request) from exc
            except (_Disconnected, TimeoutError, OSError, ValueError) as exc:
                raise _read_error(exc, request) from exc
            except Exception as exc:  # h11.RemoteProtocolError, http.client.HTTPException: malformed
                raise httpx.RemoteProtocolError(f"{type(exc).__name__}: {exc}", request=request) from exc
            finally:  # also on cancellation: a connection whose answer was not read whole is closed
                self._release(pool, conn, keep)
        result = read_response(answer.status, answer.triples, answer.content, request,
                               {"http_version": answer.http_version, "reason_phrase": answer.reason})
        result.elapsed = timedelta(seconds=time.perf_counter() - started)
        return result

    # -- mocks, fork, close ------------------------------------------------------------------------
    def _fallback_transport(self) -> httpx.AsyncHTTPTransport:
        """httpx's own stack, for while httpcore is mocked (respx): the mock must see requests."""
        if self._fallback is None:
            self._fallback = httpx.AsyncHTTPTransport(verify=self._verify, limits=httpx.Limits(
                max_connections=self._max, keepalive_expiry=self._keepalive_expiry))
        return self._fallback

    @staticmethod
    def _forget(pool: _Pool, *, forked: bool) -> None:
        """Drop ``pool`` without touching the wire (its loop is gone, or this is a forked child)."""
        conns = [c for stack in pool.idle.values() for c in stack] + list(pool.busy)
        pool.idle.clear()
        pool.busy.clear()
        pool.waiters.clear()
        for conn in conns:
            conn.release_socket(forked=forked)

    def after_fork(self) -> None:
        """In a forked child: forget the parent's connections; release their sockets without a
        word on the wire (``_core/fork.py``)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            self._forget(pool, forked=True)
        if self._fallback is not None:
            reset_transport(self._fallback)

    @property
    def open_connections(self) -> int:
        """Connections currently held open, idle or in use (for tests and diagnostics); an idle
        one the server closed (dropped when next picked) is not counted."""
        pool = self._pool
        if pool is None:
            return 0
        return sum(conn.usable for stack in pool.idle.values() for conn in stack) + len(pool.busy)

    async def aclose(self) -> None:
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is None:
            pass
        elif pool.loop is not asyncio.get_running_loop():  # its loop is gone (closed, or another
            self._forget(pool, forked=False)  # thread's): closing through it would fail; release quietly
        else:
            for stack in pool.idle.values():
                for conn in stack:
                    conn.close()
            pool.idle.clear()
            for _, waiter in pool.waiters:
                waiter.cancel()
            pool.waiters.clear()
        if self._fallback is not None:
            await self._fallback.aclose()

    def __repr__(self) -> str:
        return f"AsyncioTransport(max_connections={self._max})"


def _read_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """Map a failure after the request may have been written: maybe delivered, never 'not sent'."""
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TimeoutError):
        return httpx.ReadTimeout(text, request=request)
    if isinstance(exc, _Disconnected):
        if exc.cause is not None:  # a reset or another socket error
            return httpx.ReadError(f"{type(exc.cause).__name__}: {exc.cause}", request=request)
        return httpx.RemoteProtocolError(str(exc), request=request)
    if isinstance(exc, OSError):
        return httpx.ReadError(text, request=request)
    return httpx.RemoteProtocolError(text, request=request)


__all__ = ["AsyncioTransport"]

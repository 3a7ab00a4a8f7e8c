"""Default sync transport: httpx requests and responses, bytes carried by ``http.client``.

Measured on this 2-core box against ``bench/minimal_server.py`` (plain HTTP, one keep-alive
connection): the stdlib ``http.client`` answers a call in ~170 us, urllib3's pool in ~250 us,
httpx's own stack (httpcore + h11) in ~440 us. Answers are read more cheaply than
``http.client`` reads them (:func:`_read_answer`: a whole ``Content-Length`` answer parsed from
the first ``recv``; :class:`_Response`: heads parsed without the ``email`` package), with
``http.client``'s own reader kept for every other framing. httpx stays the type at the boundary
(requests, auth, hooks, ``with_raw_response``); only the wire under it changes. When something patches
httpcore's pools (respx, the usual way tests mock httpx) requests go through a regular
``httpx.HTTPTransport`` instead, so the mock sees them (:func:`httpcore_is_patched`).

Error classification, kept as precise as httpcore's (``retries.never_sent`` relies on it):

- failing to connect (DNS, refused, TLS handshake), a connect timeout, no free connection
  within the pool timeout -> ``httpx.ConnectError`` / ``ConnectTimeout`` / ``PoolTimeout``:
  nothing was sent;
- anything once the first byte may have been written (write errors, resets, a server closing
  without an answer, malformed answers, read timeouts) -> ``WriteError`` / ``WriteTimeout`` /
  ``ReadError`` / ``ReadTimeout`` / ``RemoteProtocolError``: maybe delivered.

An idle connection is reused only if it is younger than ``keepalive_expiry`` and its socket is
not readable (a readable idle socket means the server closed it or sent something unasked):
a connection the server closed is thus dropped before any byte of the request is written.
"""

from __future__ import annotations

import http.client
import io
import select
import socket
import ssl
import sys
import threading
import time
from datetime import timedelta
from typing import Any, NamedTuple

import httpx

from paywire._core.fork import release_socket, reset_transport
from paywire._core.http11 import quick_head, request_head, split_head, will_close
from paywire._core.httpx_models import HeaderTriple, read_response
from paywire._core.transport import request_origin, tls_context

#: Default bound of open connections (like httpx's ``max_connections``).
MAX_CONNECTIONS = 100
_ORIGINAL_POOL_HANDLERS = ("httpcore._sync.connection_pool", "httpcore._async.connection_pool")
_HTTPX_CLIENT = "httpx._client"


def httpcore_is_patched() -> bool:
    """True while something (respx, unittest.mock) replaced httpcore's pool entry points: then
    requests must go through httpcore so the mock answers them. A few attribute reads per call;
    httpcore is not imported for it (a mock has to import it to patch it).
    Also true while httpx's clients are patched to pick a mock transport
    (``respx.mock(using="httpx")`` replaces ``_transport_for_url``): the drivers then go through
    ``Client.send`` (``_core/direct.py``)."""
    if (httpx.Client._transport_for_url.__module__ != _HTTPX_CLIENT
            or httpx.AsyncClient._transport_for_url.__module__ != _HTTPX_CLIENT):
        return True
    core = sys.modules.get("httpcore")
    return core is not None and (
        core.ConnectionPool.handle_request.__module__ != _ORIGINAL_POOL_HANDLERS[0]
        or core.AsyncConnectionPool.handle_async_request.__module__ != _ORIGINAL_POOL_HANDLERS[1])


def _socket_readable(sock: socket.socket | None) -> bool:
    """An idle keep-alive socket that is readable was closed by the server (EOF) or holds bytes
    nobody asked for: either way it must not carry a request."""
    if sock is None or sock.fileno() < 0:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class _Conn:
    __slots__ = ("conn", "idle_since")

    def __init__(self, conn: http.client.HTTPConnection) -> None:
        self.conn = conn
        self.idle_since = 0.0


class StdlibTransport(httpx.BaseTransport):
    """A thread-safe keep-alive pool of ``http.client`` connections, one LIFO stack per origin."""

    def __init__(self, *, verify: ssl.SSLContext | bool = True, max_connections: int = MAX_CONNECTIONS,
                 keepalive_expiry: float = 4.0) -> None:
        if max_connections < 1:
            raise ValueError("max_connections must be >= 1")
        self._ssl = tls_context(verify)
        self._verify = verify
        self._max = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._reset_state()
        self._fallback: httpx.HTTPTransport | None = None
        self._closed = False

    def _reset_state(self) -> None:
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)  # waited on only when every slot is taken
        self._idle: dict[tuple[str, str, int], list[_Conn]] = {}
        self._busy: set[_Conn] = set()

    # -- the pool ------------------------------------------------------------------------------
    def _acquire(self, origin: tuple[str, str, int], timeouts: dict[str, float | None]) -> tuple[_Conn, bool]:
        now = time.monotonic()
        stale: list[_Conn] = []
        with self._lock:
            if len(self._busy) >= self._max:
                pool_timeout = timeouts.get("pool")
                if not self._freed.wait_for(lambda: len(self._busy) < self._max, timeout=pool_timeout):
                    raise httpx.PoolTimeout("no free connection within the pool timeout")
            found: _Conn | None = None
            stack = self._idle.get(origin)
            while stack:
                candidate = stack.pop()
                if now - candidate.idle_since < self._keepalive_expiry and not _socket_readable(candidate.conn.sock):
                    found = candidate
                    break
                stale.append(candidate)
            if found is None:
                found = _Conn(self._new_connection(origin, timeouts))
            self._busy.add(found)
        for conn in stale:
            conn.conn.close()
        return found, found.conn.sock is not None

    def _new_connection(self, origin: tuple[str, str, int], timeouts: dict[str, float | None]) -> http.client.HTTPConnection:
        scheme, host, port = origin
        connect = timeouts.get("connect")
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=connect, context=self._ssl)
        return http.client.HTTPConnection(host, port, timeout=connect)

    def _release(self, origin: tuple[str, str, int], conn: _Conn, keep: bool) -> None:
        with self._lock:
            self._busy.discard(conn)
            if keep and not self._closed:
                conn.idle_since = time.monotonic()
                self._idle.setdefault(origin, []).append(conn)
            else:
                keep = False
            self._freed.notify()
        if not keep:
            conn.conn.close()

    # -- a request -----------------------------------------------------------------------------
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if httpcore_is_patched():
            return self._fallback_transport().handle_request(request)
        if self._closed:
            raise RuntimeError("the transport is closed")
        origin = request_origin(request.url)
        timeouts: dict[str, float | None] = request.extensions.get("timeout") or {}
        body = request.read()
        started = time.perf_counter()
        conn, connected = self._acquire(origin, timeouts)
        keep = False
        try:
            raw = conn.conn
            if not connected:
                self._connect(raw, request)
            answer, closes = self._exchange(raw, request, body, timeouts)
            keep = not (answer.will_close or closes)  # only once the whole body is in: else it is broken
        finally:
            self._release(origin, conn, keep)
        return self._to_httpx(request, answer, started)

    @staticmethod
    def _connect(raw: http.client.HTTPConnection, request: httpx.Request) -> None:
        try:
            raw.connect()
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(f"{type(exc).__name__}: {exc}", request=request) from exc
        except OSError as exc:  # refused, DNS, unreachable, TLS handshake (ssl.SSLError is one)
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}", request=request) from exc

    @staticmethod
    def _exchange(raw: http.client.HTTPConnection, request: httpx.Request, body: bytes,
                  timeouts: dict[str, float | None]) -> tuple[_Answer, bool]:
        """Write the request head and body in one ``sendall`` and read the whole answer; also
        whether the request itself said ``Connection: close`` (then the connection is not kept:
        the server closes it after answering, possibly after the next request was written).

        The head is written here rather than through ``putrequest``/``putheader`` (~20 us less
        per call, measured): httpx already built and encoded every header; what ``http.client``
        would add is its injection check, kept below (no CR/LF/NUL in a header, legal names,
        a token for the method). The answer is read by :func:`_read_answer`."""
        sock = raw.sock
        assert sock is not None
        method = request.method
        built = request_head(method, request, body)
        if built is None:
            raw.close()
            raise httpx.LocalProtocolError("illegal character in the request method or a header", request=request)
        head = built.data
        try:
            sock.settimeout(timeouts.get("write"))
            sock.sendall(head + body if body else head)
        except TimeoutError as exc:
            raw.close()
            raise httpx.WriteTimeout(f"{type(exc).__name__}: {exc}", request=request) from exc
        except OSError as exc:
            raw.close()
            raise httpx.WriteError(f"{type(exc).__name__}: {exc}", request=request) from exc
        try:
            sock.settimeout(timeouts.get("read"))
            return _read_answer(sock, method), built.asks_to_close
        except BaseException as exc:
            raw.close()  # an answer not read to its end leaves the connection unusable
            raise _read_error(exc, request) from exc

    @staticmethod
    def _to_httpx(request: httpx.Request, answer: _Answer, started: float) -> httpx.Response:
        result = read_response(
            answer.status, answer.triples, answer.content, request,
            {"http_version": b"HTTP/1.1" if answer.version == 11 else b"HTTP/1.0",
             "reason_phrase": answer.reason.encode("latin-1", "replace")},
        )
        result.elapsed = timedelta(seconds=time.perf_counter() - started)
        return result

    # -- mocks, fork, close ----------------------------------------------------------------------
    def _fallback_transport(self) -> httpx.HTTPTransport:
        if self._fallback is None:
            self._fallback = httpx.HTTPTransport(verify=self._ssl, limits=httpx.Limits(
                max_connections=self._max, keepalive_expiry=self._keepalive_expiry))
        return self._fallback

    def after_fork(self) -> None:
        """In a forked child: forget the parent's connections and locks; release their sockets
        without a word on the wire (``_core/fork.py``)."""
        conns = [c for stack in self._idle.values() for c in stack] + list(self._busy)
        self._reset_state()
        for conn in conns:
            sock, conn.conn.sock = conn.conn.sock, None
            release_socket(sock)
        if self._fallback is not None:
            reset_transport(self._fallback)

    @property
    def open_connections(self) -> int:
        with self._lock:
            return sum(len(stack) for stack in self._idle.values()) + len(self._busy)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conns = [c for stack in self._idle.values() for c in stack]
            self._idle = {}
        for conn in conns:
            conn.conn.close()
        if self._fallback is not None:
            self._fallback.close()

    def __repr__(self) -> str:
        return f"StdlibTransport(max_connections={self._max})"


class _Response(http.client.HTTPResponse):
    """``http.client``'s response, its head parsed without the ``email`` package.

    ``HTTPResponse.begin`` hands the header lines to ``email.parser`` (a feed parser, a policy
    object, a ``Message``): ~35 us of CPU per answer, measured, half the whole exchange. This
    ``begin`` reads the same lines with the same limits (``http.client._read_headers``: line
    length, header count), splits them itself and decides framing exactly as the original does
    (chunked, Content-Length, keep-alive per HTTP version); the body is then read by
    ``HTTPResponse``'s own, unchanged code. A header line without a colon is a protocol error
    here (the email parser would have folded it into the body and carried on), as in h11.
    ``header_triples`` is the head as ``httpx.Headers`` stores it (raw bytes, no re-encoding)."""

    header_triples: list[HeaderTriple]

    def begin(self) -> None:
        if self.headers is not None:
            return
        while True:  # skip any 100 Continue (interim) answers
            version, status, reason = self._read_status()
            if status != http.client.CONTINUE:
                break
            http.client._read_headers(self.fp)
        self.code = self.status = status
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise http.client.UnknownProtocol(version)
        self.header_triples = triples = split_head(http.client._read_headers(self.fp))
        first: dict[bytes, bytes] = {}
        for _, lowered, value in triples:
            first.setdefault(lowered, value)
        self.headers = self.msg = first  # only begin() below reads it
        self.chunked = first.get(b"transfer-encoding", b"").lower() == b"chunked"
        self.chunk_left = None
        self.will_close = will_close(self.version, first)
        self.length = None
        length = first.get(b"content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        if status in (204, 304) or 100 <= status < 200 or self._method == "HEAD":
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True


class _Answer(NamedTuple):
    """A whole answer as read from the wire."""

    status: int
    reason: str
    version: int  # 10 or 11, as http.client counts
    triples: list[HeaderTriple]
    content: bytes
    will_close: bool


#: First read of an answer: a typical JSON answer (head and body) arrives in one ``recv``.
_FIRST_READ = 65536


def _read_answer(sock: socket.socket, method: str) -> _Answer:
    """The answer on ``sock``: a complete ``HTTP/1.1`` answer framed by ``Content-Length`` is
    parsed from the first ``recv`` (plus the rest of its body) without a file object, a
    ``readline`` per header line and an ``HTTPResponse`` (~10 us of CPU per call, measured);
    anything else (chunked or close-delimited bodies, interim 1xx answers, bodiless statuses,
    HEAD, HTTP/1.0, a head split across reads, unusual spacing) goes to :class:`_Response`
    (``http.client``'s reader) with the bytes already read put back in front of the socket."""
    first = sock.recv(_FIRST_READ)
    if first:
        quick = _quick_answer(sock, first, method)
        if quick is not None:
            return quick
    response = _Response(_Prefixed(first, sock), method=method)  # type: ignore[arg-type]
    response.begin()
    content = response.read()
    return _Answer(response.status, response.reason, response.version, response.header_triples, content,
                   bool(response.will_close))


def _quick_answer(sock: socket.socket, data: bytes, method: str) -> _Answer | None:
    """:func:`_read_answer`'s common case, or None for http.client (nothing consumed but ``data``)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = quick_head(data, end, method)
    if head is None:
        return None
    length = head.length
    closes = head.will_close
    body = data[head.body_start:]
    if len(body) > length:  # bytes past the answer: the connection's framing is lost
        body = body[:length]
        closes = True
    elif len(body) < length:
        body = _read_rest(sock, body, length)
    reason = head.reason.decode("iso-8859-1").strip()  # as http.client reads it
    return _Answer(head.status, reason, 11, head.triples, body, closes)


def _read_rest(sock: socket.socket, body: bytes, length: int) -> bytes:
    parts = [body]
    have = len(body)
    while have < length:
        chunk = sock.recv(min(length - have, 1 << 20))
        if not chunk:
            raise http.client.IncompleteRead(b"".join(parts), length - have)
        parts.append(chunk)
        have += len(chunk)
    return b"".join(parts)


class _PrefixedReader(io.RawIOBase):
    """The socket's byte stream with ``pending`` (already received) bytes in front."""

    def __init__(self, pending: bytes, sock: socket.socket) -> None:
        self._pending = pending
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        pending = self._pending
        if pending:
            count = min(len(buffer), len(pending))
            buffer[:count] = pending[:count]
            self._pending = pending[count:]
            return count
        return self._sock.recv_into(buffer)


class _Prefixed:
    """What ``HTTPResponse`` needs of a socket (``makefile``), over a :class:`_PrefixedReader`."""

    __slots__ = ("_pending", "_sock")

    def __init__(self, pending: bytes, sock: socket.socket) -> None:
        self._pending = pending
        self._sock = sock

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(_PrefixedReader(self._pending, self._sock))


def url_target(url: httpx.URL) -> str:
    """The request target as httpx would send it: path plus query, already percent-encoded."""
    return url.raw_path.decode("ascii")


def _read_error(exc: BaseException, request: httpx.Request) -> BaseException:
    """Map a failure after the request may have been written: maybe delivered, never 'not sent'."""
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TimeoutError):
        return httpx.ReadTimeout(text, request=request)
    if isinstance(exc, http.client.RemoteDisconnected):
        return httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    if isinstance(exc, (http.client.HTTPException, ValueError)):  # bad status line, incomplete body
        return httpx.RemoteProtocolError(text, request=request)
    if isinstance(exc, OSError):
        return httpx.ReadError(text, request=request)
    return exc


__all__: list[Any] = ["StdlibTransport", "httpcore_is_patched"]

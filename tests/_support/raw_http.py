"""Raw HTTP/1.1 peers on 127.0.0.1 for the wire tests, where a test needs exact bytes or a
misbehaving server.

- :class:`RawServer`: an asyncio server in the test's own event loop; a handler speaks raw
  bytes on each connection. It numbers connections and records every request it read with the
  connection it came over, and counts connections accepted, open now and open at most.
- :class:`Peer`: a thread server with one scripted behaviour after reading a request (answer,
  close, stall, truncate, ...), for sync clients or when the server must not share the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import struct
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import NamedTuple

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class RawRequest(NamedTuple):
    line: str  # the request line, e.g. "GET /x HTTP/1.1"
    headers: dict[str, str]  # as sent (names in their case; the last of duplicates)
    body: bytes
    conn: int  # the connection's number at the server (1, 2, ...)

    @property
    def method(self) -> str:
        return self.line.split(" ", 1)[0]

    @property
    def target(self) -> str:
        return self.line.split(" ")[1]


def http_response(status: str, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
    """A ``Content-Length`` answer, e.g. ``http_response("200 OK", b"{}")``."""
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RawServer:
    """Accepts connections on 127.0.0.1 and lets ``handler`` speak raw bytes on each."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[RawRequest] = []
        self.accepted = 0  # connections accepted so far
        self.open_now = 0
        self.max_open = 0  # most connections open at once
        self.server: asyncio.Server | None = None
        self._numbers: dict[int, int] = {}  # id(reader) -> connection number
        self._handlers: dict[asyncio.Task[None], asyncio.StreamWriter] = {}

    async def start(self, tls: ssl.SSLContext | None = None) -> str:
        """Listen (over TLS with ``tls``); the base URL."""
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0, backlog=512, ssl=tls)
        port = self.server.sockets[0].getsockname()[1]
        return f"{'https' if tls else 'http'}://127.0.0.1:{port}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        self._numbers[id(reader)] = self.accepted
        self.open_now += 1
        self.max_open = max(self.max_open, self.open_now)
        task = asyncio.current_task()
        assert task is not None
        self._handlers[task] = writer
        try:
            await self.handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away: what some tests do on purpose
        except asyncio.CancelledError:  # stop() ended a handler still waiting (asyncio's stream
            pass  # server would log a cancelled handler task as an error)
        finally:
            self.open_now -= 1
            self._handlers.pop(task, None)
            writer.close()

    def conn_of(self, reader: asyncio.StreamReader) -> int:
        """The number of the connection ``reader`` belongs to."""
        return self._numbers[id(reader)]

    async def read_request(self, reader: asyncio.StreamReader) -> RawRequest:
        """The next whole request on this connection (``IncompleteReadError`` at EOF)."""
        head = await reader.readuntil(b"\r\n\r\n")
        line, *header_lines = head.decode("latin-1").split("\r\n")[:-2]
        headers = {}
        for h in header_lines:
            name, _, value = h.partition(":")
            headers[name] = value.strip()
        length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
        body = await reader.readexactly(length) if length else b""
        request = RawRequest(line, headers, body, self.conn_of(reader))
        self.requests.append(request)
        return request

    async def next_request(self, reader: asyncio.StreamReader) -> RawRequest | None:
        """The next whole request, or None once the client closed the connection."""
        try:
            return await self.read_request(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            return None

    async def stop(self) -> None:
        """Stop listening and end every handler still running (closing its connection)."""
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        await asyncio.sleep(0)  # handler tasks created just now start and register themselves
        handlers = list(self._handlers)
        for task in handlers:
            task.cancel()
        if handlers:
            await asyncio.wait(handlers)


class Peer:
    """A one-behaviour TCP server on 127.0.0.1 (threads) counting the requests it read."""

    def __init__(self, behaviour: str, tls: ssl.SSLContext | None = None) -> None:
        self.behaviour = behaviour
        self.requests = 0
        self.connections = 0
        self.tls = tls
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        if self.tls is not None:
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except (OSError, ssl.SSLError):
                conn.close()
                return
        self._serve_connection(conn)

    def _read_request(self, conn: socket.socket) -> bool:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(rest) < length:
            rest += conn.recv(65536)
        self.requests += 1
        return True

    def _serve_connection(self, conn: socket.socket) -> None:
        body = b'{"ok": true}'
        ok = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 12\r\n\r\n" + body
        with conn:
            try:
                while self._read_request(conn):
                    if not self._answer(conn, ok, body):
                        return
            except OSError:
                return

    def _answer(self, conn: socket.socket, ok: bytes, body: bytes) -> bool:
        """Act on one request; False ends the connection."""
        if self.behaviour == "close":  # read the request, answer nothing
            return False
        if self.behaviour == "reset":  # read the request, then reset the connection (RST)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if self.behaviour == "stall":
            self._stop.wait(5)
            return False
        if self.behaviour == "truncated":
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"ok\"")
            return False
        if self.behaviour == "garbage":
            conn.sendall(b"NOT HTTP AT ALL\r\n\r\n")
            return False
        if self.behaviour == "chunked-gzip":  # a chunked, gzip-encoded body, then keep-alive
            import gzip

            data = gzip.compress(body)
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
                         b"transfer-encoding: chunked\r\n\r\n" + b"".join(
                             b"%x\r\n%s\r\n" % (len(part), part) for part in (data[:5], data[5:]))
                         + b"0\r\n\r\n")
            return True
        if self.behaviour == "answer-then-close":  # keep-alive promised, then closed
            conn.sendall(ok)
            return False
        conn.sendall(ok)
        return True

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


@contextlib.contextmanager
def full_backlog() -> Iterator[str]:
    """A URL on 127.0.0.1 whose listener never accepts and whose backlog is full: the kernel
    drops further SYNs, so connecting hangs until the client's connect timeout (nothing leaves
    the machine)."""
    full = socket.socket()
    full.bind(("127.0.0.1", 0))
    full.listen(0)
    fillers = []
    for _ in range(8):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(full.getsockname())
        fillers.append(filler)
    try:
        yield f"http://127.0.0.1:{full.getsockname()[1]}"
    finally:
        for sock in (*fillers, full):
            sock.close()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (a port just bound and released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


__all__ = ["Handler", "Peer", "RawRequest", "RawServer", "full_backlog", "http_response", "refused_url"]

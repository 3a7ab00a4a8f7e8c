"""A corpus of HTTP/1.1 answers as raw bytes, the ways to deliver them, and a server that
plays them: for comparing how two async transports frame the same bytes
(``test_core_asyncio_framing.py``).

Every answer is played to a ``GET /corpus`` (or ``HEAD``); the transport then sends
``GET /next`` and the server answers it with the number of the connection it came over, so a
test sees whether the connection was reused after the answer.
"""

from __future__ import annotations

import asyncio
import gzip
from dataclasses import dataclass, field
from typing import Any

import httpx
from _support.raw_http import RawServer

_PAYLOAD = b'{"entitled": true, "pad": "' + b"x" * 300 + b'"}'
_GZIPPED = gzip.compress(_PAYLOAD)


def _chunked(*parts: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


@dataclass(frozen=True)
class Answer:
    """One answer, byte for byte."""

    name: str
    data: bytes
    method: str = "GET"
    #: The server closes the connection once the bytes are written (the answer's framing or
    #: its failure needs it; otherwise the connection stays open for the next request).
    close_after: bool = False
    #: Both stacks must refuse it (malformed, truncated): an error, never an answer.
    fails: bool = False
    #: Extra cut points for splitting (besides every CR/LF and the head's end).
    cuts: tuple[int, ...] = field(default=())
    #: Large: httpx's own stack needs seconds to read it one byte per write (h11 and anyio's
    #: per-read cost), so its reference is read from one write (its framing does not depend on
    #: the pieces: the other deliveries compare piece by piece).
    large: bool = False


def _big_head(size: int) -> bytes:
    """A ``Content-Length`` answer whose head is over ``size`` bytes (lines of 100 bytes)."""
    headers = b"".join(b"X-Filler-%05d: %s\r\n" % (n, b"v" * 82) for n in range(size // 100 + 1))
    return b"HTTP/1.1 200 OK\r\n" + headers + b"Content-Length: 2\r\n\r\nok"


def _big_value(size: int) -> bytes:
    """One header value of ``size`` bytes (a head with no line end for a long stretch)."""
    return b"HTTP/1.1 200 OK\r\nX-Big: " + b"b" * size + b"\r\nContent-Length: 2\r\n\r\nok"


OK_HEAD = b"HTTP/1.1 200 OK\r\n"


def refused(name: str, data: bytes, large: bool = False) -> Answer:
    """An answer both stacks must refuse; the server closes after it."""
    return Answer(name, data, close_after=True, fails=True, large=large)


CORPUS: list[Answer] = [
    # --- the common answer and its variants
    Answer("content-length", OK_HEAD + b"Content-Type: application/json\r\nContent-Length: 13\r\n\r\n"
           b'{"ok": true}\n'),
    Answer("content-length-zero", OK_HEAD + b"Content-Length: 0\r\n\r\n"),
    Answer("content-length-leading-zeros", OK_HEAD + b"Content-Length: 0002\r\n\r\nok"),
    Answer("content-length-duplicate-equal", OK_HEAD + b"Content-Length: 2\r\nContent-Length: 2\r\n\r\nok"),
    Answer("content-length-list-equal", OK_HEAD + b"Content-Length: 2, 2\r\n\r\nok"),
    Answer("connection-close", OK_HEAD + b"Connection: close\r\nContent-Length: 2\r\n\r\nok", close_after=True),
    Answer("connection-keep-alive-explicit", OK_HEAD + b"Connection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok"),
    Answer("reason-missing", b"HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok"),
    Answer("reason-empty", b"HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok"),
    Answer("reason-spaces", b"HTTP/1.1 404 Not  Found \r\nContent-Length: 2\r\n\r\nno"),
    Answer("reason-non-ascii", b"HTTP/1.1 200 Tr\xe8s bien\r\nContent-Length: 2\r\n\r\nok"),
    Answer("status-unregistered", b"HTTP/1.1 299 Whatever\r\nContent-Length: 2\r\n\r\nok"),
    Answer("header-spacing", OK_HEAD + b"X-A:tight\r\nX-B:   spaced \t \r\nX-Empty:\r\nX-Tab:\tv\r\n"
           b"Content-Length: 2\r\n\r\nok"),
    Answer("header-control-byte", OK_HEAD + b"X-Ctl: a\x01b\r\nContent-Length: 2\r\n\r\nok"),
    Answer("duplicate-headers", OK_HEAD + b"Set-Cookie: a=1\r\nX-Dup: first\r\nSet-Cookie: b=2\r\n"
           b"x-dup: second\r\nX-DUP: third\r\nContent-Length: 2\r\n\r\nok"),
    Answer("non-ascii-header-bytes", OK_HEAD + b"X-Name: caf\xc3\xa9\r\nX-Latin: \xe9t\xe9\r\n"
           b"X-Raw: \x80\xff\r\nContent-Length: 2\r\n\r\nok"),
    Answer("obs-fold", OK_HEAD + b"X-Folded: first\r\n  second\r\n\tthird\r\nContent-Length: 2\r\n\r\nok"),
    Answer("obs-fold-trailing-space", OK_HEAD + b"X-Folded: first  \r\n second \r\n \r\nContent-Length: 2\r\n\r\nok"),
    Answer("bare-lf-line-ends", b"HTTP/1.1 200 OK\nX-A: 1\nContent-Length: 2\n\nok"),
    Answer("gzip-content-length", OK_HEAD + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(_GZIPPED)
           + _GZIPPED),
    Answer("bytes-past-content-length", OK_HEAD + b"Content-Length: 2\r\n\r\nokEXTRA"),
    Answer("head-over-64k", _big_head(66_000), cuts=(65_535, 65_536, 65_537), large=True),
    Answer("header-value-over-64k", _big_value(66_000), cuts=(65_535, 65_536, 65_537), large=True),
    Answer("large-body", OK_HEAD + b"Content-Length: 70000\r\n\r\n" + b"y" * 70_000, cuts=(65_536,), large=True),
    # --- framings the quick parser declines
    Answer("chunked-extensions-trailers", OK_HEAD + b"Transfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
           b"5;name=val\r\nhello\r\n6;a=b;c=\"d e\"\r\n world\r\n0\r\nX-Sum: 42\r\nX-Other: t\r\n\r\n"),
    Answer("chunked-uppercase", OK_HEAD + b"Transfer-Encoding: Chunked\r\n\r\n" + _chunked(b"ab", b"cd")),
    Answer("chunked-and-content-length", OK_HEAD + b"Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
           + _chunked(b"chunked wins")),
    Answer("gzip-chunked", OK_HEAD + b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
           + _chunked(_GZIPPED[:7], _GZIPPED[7:])),
    Answer("close-delimited", OK_HEAD + b"Content-Type: text/plain\r\n\r\nuntil the end\r\nof the stream",
           close_after=True),
    Answer("interim-1xx", b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
           + OK_HEAD + b"Content-Length: 2\r\n\r\nok"),
    Answer("204-without-length", b"HTTP/1.1 204 No Content\r\nX-A: 1\r\n\r\n"),
    Answer("204-with-length", b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"),
    Answer("304-without-length", b"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n"),
    Answer("304-with-length", b"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 1234\r\n\r\n"),
    Answer("head-with-length", OK_HEAD + b"Content-Length: 1234\r\nContent-Type: text/plain\r\n\r\n", method="HEAD"),
    Answer("http10-close", b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", close_after=True),
    Answer("http10-close-delimited", b"HTTP/1.0 200 OK\r\n\r\nuntil the end", close_after=True),
    Answer("http10-keep-alive", b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
           b"Content-Length: 2\r\n\r\nok"),
    # --- malformed or cut short: both refuse
    refused("status-line-garbage", b"NOT HTTP AT ALL\r\n\r\n"),
    refused("status-code-letters", b"HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok"),
    refused("status-code-short", b"HTTP/1.1 20 OK\r\nContent-Length: 2\r\n\r\nok"),
    refused("http-version-2", b"HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\nok"),
    refused("header-without-colon", OK_HEAD + b"NoColonHere\r\nContent-Length: 2\r\n\r\nok"),
    refused("header-name-with-space", OK_HEAD + b"Bad Name: v\r\nContent-Length: 2\r\n\r\nok"),
    refused("header-space-before-colon", OK_HEAD + b"X-A : v\r\nContent-Length: 2\r\n\r\nok"),
    refused("header-nul-in-value", OK_HEAD + b"X-A: a\x00b\r\nContent-Length: 2\r\n\r\nok"),
    refused("header-cr-in-value", OK_HEAD + b"X-A: a\rb\r\nContent-Length: 2\r\n\r\nok"),
    refused("fold-before-first-header", OK_HEAD + b" folded\r\nContent-Length: 2\r\n\r\nok"),
    refused("content-length-plus", OK_HEAD + b"Content-Length: +2\r\n\r\nok"),
    refused("content-length-underscore", OK_HEAD + b"Content-Length: 1_0\r\n\r\n0123456789"),
    refused("content-length-negative", OK_HEAD + b"Content-Length: -1\r\n\r\nok"),
    refused("content-length-conflicting", OK_HEAD + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\nok"),
    refused("transfer-encoding-unknown", OK_HEAD + b"Transfer-Encoding: gzip\r\n\r\nok"),
    refused("chunk-size-garbage", OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n"),
    # Past h11's 100 KiB limit for an incomplete head in any case (httpx reads 64 KiB, we up to
    # 256 KiB at a time: both see an incomplete head over the limit).
    refused("head-over-256k", _big_head(300_000), large=True),
    refused("truncated-body", OK_HEAD + b"Content-Length: 100\r\n\r\n{\"partial\":"),
    refused("truncated-chunked", OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n10\r\nonly part"),
    refused("eof-mid-head", OK_HEAD + b"Content-Le"),
    refused("eof-mid-status-line", b"HTTP/1.1 20"),
    refused("eof-after-interim", b"HTTP/1.1 100 Continue\r\n\r\n"),
]


def cut_points(answer: Answer) -> list[int]:
    """Where to split ``answer.data`` in two: around every CR and LF (so a line end, the head's
    end and every chunk boundary fall on both sides of a read), inside the status line, one
    byte before the end, and the answer's own ``cuts``."""
    data = answer.data
    points = {5, 8, 9, 11, 12, len(data) - 1, *answer.cuts}
    for index, byte in enumerate(data[:1024]):  # the head and small bodies; big heads add cuts
        if byte in b"\r\n":
            points.update((index, index + 1))
    end = data.find(b"\r\n\r\n")
    if end >= 0:
        points.update((end + 2, end + 3, end + 4, end + 5))
    return sorted(p for p in points if 0 < p < len(data))


def deliveries(answer: Answer) -> dict[str, list[bytes]]:
    """Each way to deliver ``answer``, as the writes the server makes: (a) one write, (b) one
    byte per write (not for an answer over 256 KiB: seconds of one-byte writes that add
    nothing, as it is refused at 100 KiB), (c) two writes split at each cut point."""
    data = answer.data
    ways = {"whole": [data]}
    if len(data) < 256 * 1024:
        ways["bytewise"] = [data[i:i + 1] for i in range(len(data))]
    for point in cut_points(answer):
        ways[f"split@{point}"] = [data[:point], data[point:]]
    return ways


class CorpusServer:
    """Plays ``pieces`` (set before each exchange) to ``/corpus``; answers ``/next`` with the
    number of the connection it came over."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.close_after = False
        self.raw = RawServer(self._handle)

    async def start(self) -> str:
        return await self.raw.start()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (request := await self.raw.next_request(reader)) is not None:
            if request.target != "/corpus":
                number = str(request.conn).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(number), number))
                await writer.drain()
                continue
            for piece in self.pieces:
                writer.write(piece)
                await writer.drain()
                if len(self.pieces) > 1:  # let the client read this piece on its own:
                    await asyncio.sleep(0)  # its read runs after this task's next step, so
                    await asyncio.sleep(0)  # wait two loop iterations before the next write
            if self.close_after:
                return

    def conn_of_last(self, target: str) -> int:
        return next(r.conn for r in reversed(self.raw.requests) if r.target == target)

    async def stop(self) -> None:
        await self.raw.stop()


#: What a transport made of an answer: ("answer", status, http_version, reason_phrase, raw
#: headers, content, next) or ("error", exception, next), where ``next`` says what happened to
#: the following request: "reused" (the same connection), "new connection", or that it failed.
Outcome = tuple[Any, ...]

TIMEOUTS = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}


async def play(server: CorpusServer, url: str, transport: httpx.AsyncBaseTransport, answer: Answer,
               pieces: list[bytes]) -> Outcome:
    """Send ``answer.method /corpus`` through ``transport`` with the server playing ``pieces``,
    then ``GET /next``; what the transport made of it."""
    server.pieces, server.close_after = pieces, answer.close_after
    request = httpx.Request(answer.method, url + "/corpus", extensions={"timeout": TIMEOUTS})
    try:
        response = await transport.handle_async_request(request)
        await response.aread()
    except Exception as exc:
        outcome: Outcome = ("error", exc)
    else:
        outcome = ("answer", response.status_code, response.extensions["http_version"],
                   response.extensions["reason_phrase"], response.headers.raw, response.content)
    corpus_conn = server.conn_of_last("/corpus")
    try:
        follow = await transport.handle_async_request(
            httpx.Request("GET", url + "/next", extensions={"timeout": TIMEOUTS}))
        await follow.aread()
    except httpx.TransportError as exc:  # the answer left the connection in a state that broke the next one
        return (*outcome, f"next request failed: {type(exc).__name__}")
    return (*outcome, "reused" if int(follow.content) == corpus_conn else "new connection")


__all__ = ["CORPUS", "TIMEOUTS", "Answer", "CorpusServer", "Outcome", "cut_points", "deliveries", "play"]

"""How paywire's asyncio wire (``_core/asyncio_transport.py``) frames answers, as a class.

Every answer of the corpus (``_wire_corpus.py``: Content-Length; chunked with extensions and
trailers; close-delimited; interim 1xx; 204/304 with and without Content-Length; HEAD;
HTTP/1.0 with and without keep-alive; folded, duplicate, spaced and non-ASCII headers; gzip;
bytes past Content-Length; heads over 64 KiB; malformed status and header lines; truncated
bodies; EOF mid-head) is played by a server on 127.0.0.1 (a) in one write, (b) one byte per
write, (c) in two writes split at every CR and LF, inside the status line and around the
head's end. What ``AsyncioTransport`` returns must equal what httpx's own
``AsyncHTTPTransport`` (httpcore + h11) returns for the same bytes: status, http_version,
reason_phrase, raw header list, content, and what happens to the next request (the same
connection, a new one). Where httpx refuses the answer, ours raises the same httpx error, and
one that reads as "maybe delivered" (``retries.never_sent`` false).

One deliberate difference: bytes past Content-Length arriving with the answer. httpx keeps the
connection and reads them as the start of the next answer, which then fails; ours drops the
connection (its framing is lost), so the next request goes over a new one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from _wire_corpus import CORPUS, Answer, CorpusServer, Outcome, deliveries, play

from paywire._core import asyncio_transport
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.retries import never_sent

#: Answers where ours deliberately differs from httpx, and what ours does instead.
BYTES_PAST_THE_END = "bytes-past-content-length"


class Stage:
    """The corpus server and the two transports under comparison."""

    def __init__(self, server: CorpusServer, url: str) -> None:
        self.server = server
        self.url = url
        self.ours = AsyncioTransport()
        self.httpx = httpx.AsyncHTTPTransport()
        self.arrivals: list[int] = []  # sizes of the pieces ours received (data_received)


@pytest.fixture
async def stage(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Stage]:
    server = CorpusServer()
    stage = Stage(server, await server.start())
    received = asyncio_transport._Connection.data_received

    def counted(self: Any, data: bytes) -> None:
        stage.arrivals.append(len(data))
        received(self, data)

    monkeypatch.setattr(asyncio_transport._Connection, "data_received", counted)
    yield stage
    await stage.ours.aclose()
    await stage.httpx.aclose()
    await server.stop()


def comparable(outcome: Outcome) -> tuple[Any, ...]:
    """The outcome with an exception reduced to its type (messages differ in wording)."""
    if outcome[0] == "error":
        return ("error", type(outcome[1]), outcome[2])
    return outcome


def check_error_is_maybe_delivered(outcome: Outcome) -> None:
    if outcome[0] == "error":
        error = outcome[1]
        assert isinstance(error, httpx.TransportError), repr(error)
        assert not never_sent(error), repr(error)


@pytest.mark.parametrize("answer", CORPUS, ids=lambda a: a.name)
async def test_every_delivery_of_an_answer_is_framed_as_httpx_frames_it(stage: Stage, answer: Answer) -> None:
    reference_whole: Outcome | None = None
    for way, pieces in deliveries(answer).items():
        stage.arrivals.clear()
        ours = await play(stage.server, stage.url, stage.ours, answer, pieces)
        arrivals = list(stage.arrivals)
        if way == "bytewise" and answer.large:
            if reference_whole is None:
                reference_whole = await play(stage.server, stage.url, stage.httpx, answer, [answer.data])
            theirs = reference_whole
        else:
            theirs = await play(stage.server, stage.url, stage.httpx, answer, pieces)
        check_error_is_maybe_delivered(ours)
        assert (ours[0] == "error") == answer.fails, (way, ours)
        if answer.name == BYTES_PAST_THE_END:
            # httpx reuses the connection when the extra bytes came with the answer (the next
            # request then fails) and drops it when they came later; ours always drops it.
            assert ours[:-1] == theirs[:-1], way
            assert ours[-1] == "new connection", way
            assert theirs[-1] in ("new connection", "next request failed: RemoteProtocolError"), way
        else:
            assert comparable(ours) == comparable(theirs), way
        if way == "bytewise":  # the pieces really arrived apart (a few may merge on a busy box)
            assert len(arrivals) >= len(answer.data) // 2, (len(arrivals), len(answer.data))


def test_the_corpus_covers_every_framing_class() -> None:
    """The classes the wire must frame as httpx does, each present in the corpus."""
    heads = [a.data.split(b"\r\n\r\n", 1)[0].lower() for a in CORPUS]
    assert any(b"transfer-encoding: chunked" in h for h in heads)
    assert any(b";" in a.data and b"chunked" in a.data.lower() for a in CORPUS)  # chunk extensions
    assert any(h.startswith(b"http/1.1 1") for h in heads)  # interim 1xx
    assert {a.data[9:12] for a in CORPUS} >= {b"204", b"304", b"200", b"404"}
    assert any(a.method == "HEAD" for a in CORPUS)
    assert sum(h.startswith(b"http/1.0") for h in heads) >= 2
    assert any(b"\r\n " in a.data.split(b"\r\n\r\n")[0] for a in CORPUS)  # obs-fold
    assert any(b"content-encoding: gzip" in h for h in heads)
    big_heads = [a for a in CORPUS if len(a.data.split(b"\r\n\r\n")[0]) > 65536 and not a.fails]
    assert {a.name for a in big_heads} >= {"head-over-64k", "header-value-over-64k"}
    assert any(max(a.data) >= 0x80 for a in CORPUS)  # non-ASCII header bytes
    assert sum(a.fails for a in CORPUS) >= 15 and sum(not a.fails for a in CORPUS) >= 30
    for answer in CORPUS:  # every delivery includes the three kinds
        ways = deliveries(answer)
        assert "whole" in ways and any(w.startswith("split@") for w in ways)
        assert "bytewise" in ways or len(answer.data) >= 256 * 1024

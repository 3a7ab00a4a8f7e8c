"""The cheap constructions of the default wire (#15) give the objects the slow paths give.

- ``stdlib_transport._Response`` parses answer heads without ``email.parser``: for every head
  in a corpus of framings (lengths, chunked, HTTP/1.0 keep-alive rules, interim 100s, HEAD,
  bodiless statuses, duplicates) it decides status, reason, version, framing and keep-alive
  exactly as ``http.client.HTTPResponse`` does and reads the same body;
- ``httpx_models.read_response`` equals ``httpx.Response(...)`` + ``read()``, attribute for
  attribute, with and without a ``Content-Encoding``;
- ``RequestBuilder`` for a bodyless request equals ``Client.build_request`` (headers, their
  order and encoding, URL, extensions, content) for every method.
"""

from __future__ import annotations

import gzip
import http.client
import io
from typing import Any

import httpx
import pytest

from paywire._core.cookies import no_cookie_jar
from paywire._core.direct import RequestBuilder
from paywire._core.httpx_models import header_triples, read_response
from paywire._core.stdlib_transport import _quick_answer, _read_answer, _read_error, _Response

BODY = b'{"ok": true}'


class _FakeSocket:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(io.BytesIO(self.data))  # type: ignore[arg-type]


def _chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in (body[:4], body[4:])) + b"0\r\n\r\n"


HEADS: dict[str, tuple[str, bytes]] = {
    "length": ("GET", b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n" + BODY),
    "chunked": ("GET", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + _chunked(BODY)),
    "chunked-upper": ("GET", b"HTTP/1.1 200 OK\r\nTRANSFER-ENCODING:  Chunked\r\n\r\n" + _chunked(BODY)),
    "close": ("GET", b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 12\r\n\r\n" + BODY),
    "close-mixed": ("GET", b"HTTP/1.1 200 OK\r\nconnection: Keep-Alive, CLOSE\r\ncontent-length: 12\r\n\r\n" + BODY),
    "until-eof": ("GET", b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + BODY),
    "http10": ("GET", b"HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\n" + BODY),
    "http10-keepalive": ("GET", b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 12\r\n\r\n" + BODY),
    "http10-keepalive-header": ("GET", b"HTTP/1.0 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 12\r\n\r\n"
                                + BODY),
    "http10-proxy": ("GET", b"HTTP/1.0 200 OK\r\nProxy-Connection: keep-alive\r\nContent-Length: 12\r\n\r\n" + BODY),
    "http09-label": ("GET", b"HTTP/0.9 200 OK\r\nContent-Length: 12\r\n\r\n" + BODY),
    "no-content": ("GET", b"HTTP/1.1 204 No Content\r\nContent-Length: 12\r\n\r\n"),
    "not-modified": ("GET", b"HTTP/1.1 304 Not Modified\r\n\r\n"),
    "head": ("HEAD", b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n"),
    "continue": ("POST", b"HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 12\r\n\r\n"
                 + BODY),
    "bad-length": ("GET", b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n" + BODY),
    "negative-length": ("GET", b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n" + BODY),
    "duplicates": ("GET", b"HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 12\r\n"
                   b"Content-Length: 12\r\nX-Empty:\r\nX-Spaced:   v  \r\n\r\n" + BODY),
    "repeated": ("GET", b"HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 12\r\n"
                 b"X-Empty:\r\nX-Spaced:   v  \r\n\r\n" + BODY),
    "no-reason": ("GET", b"HTTP/1.1 404\r\nContent-Length: 12\r\n\r\n" + BODY),
    "latin1": ("GET", b"HTTP/1.1 200 OK\r\nX-Name: caf\xe9\r\nContent-Length: 12\r\n\r\n" + BODY),
    "bare-lf": ("GET", b"HTTP/1.1 200 OK\nContent-Length: 12\n\n" + BODY),
}


def _stdlib(method: str, data: bytes) -> http.client.HTTPResponse:
    response = http.client.HTTPResponse(_FakeSocket(data), method=method)  # type: ignore[arg-type]
    response.begin()
    return response


def _ours(method: str, data: bytes) -> _Response:
    response = _Response(_FakeSocket(data), method=method)  # type: ignore[arg-type]
    response.begin()
    return response


@pytest.mark.parametrize("name", sorted(HEADS))
def test_response_heads_are_framed_as_http_client_frames_them(name: str) -> None:
    method, data = HEADS[name]
    expected, got = _stdlib(method, data), _ours(method, data)
    for attribute in ("status", "reason", "version", "will_close", "chunked", "length"):
        assert getattr(got, attribute) == getattr(expected, attribute), attribute
    wanted = [(k, v.strip()) for k, v in expected.msg.items()]
    assert [(k.decode("latin-1"), v.decode("latin-1")) for k, _, v in got.header_triples] == wanted
    assert got.read() == expected.read()


class _ChunkedSocket:
    """A socket whose ``recv``/``recv_into`` hand out ``data`` a few bytes at a time."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data = data
        self.step = step

    def recv(self, size: int) -> bytes:
        part, self.data = self.data[:min(size, self.step)], self.data[min(size, self.step):]
        return part

    def recv_into(self, buffer: Any) -> int:
        part = self.recv(len(buffer))
        buffer[:len(part)] = part
        return len(part)


@pytest.mark.parametrize("step", [65536, 7, 1])
@pytest.mark.parametrize("name", sorted(HEADS))
def test_whole_answers_are_read_as_http_client_reads_them(name: str, step: int) -> None:
    """The quick path (a whole Content-Length answer in the first read) and the http.client path
    it hands everything else to (answers arriving in pieces included) agree with http.client."""
    method, data = HEADS[name]
    expected = _stdlib(method, data)
    body = expected.read()
    got = _read_answer(_ChunkedSocket(data, step), method)  # type: ignore[arg-type]
    assert (got.status, got.reason, got.version, got.will_close) == \
        (expected.status, expected.reason, expected.version, expected.will_close)
    wanted = [(k, v.strip()) for k, v in expected.msg.items()]
    assert [(k.decode("latin-1"), v.decode("latin-1")) for k, _, v in got.triples] == wanted
    assert got.content == body
    quick = _quick_answer(_ChunkedSocket(b"", 1), data, method)  # type: ignore[arg-type]
    assert (quick is not None) == (name in QUICK)  # which of them the quick path takes


#: The answers the quick path reads itself (whole HTTP/1.1 answers framed by one Content-Length;
#: "duplicates" repeats Content-Length, which h11 merges and http.client reads the first of:
#: each transport's full parser decides).
QUICK = {"length", "close", "close-mixed", "repeated", "no-reason", "latin1"}


def test_a_short_or_overlong_body_is_never_a_reusable_connection() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n"
    with pytest.raises(http.client.IncompleteRead):
        _read_answer(_ChunkedSocket(head + BODY[:5], 65536), "GET")  # type: ignore[arg-type]
    got = _read_answer(_ChunkedSocket(head + BODY + b"junk", 65536), "GET")  # type: ignore[arg-type]
    assert got.content == BODY and got.will_close
    with pytest.raises(http.client.RemoteDisconnected):
        _read_answer(_ChunkedSocket(b"", 65536), "GET")  # type: ignore[arg-type]


def test_folded_header_lines_are_joined_and_malformed_ones_are_protocol_errors() -> None:
    got = _ours("GET", b"HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\r\n\tc\r\nContent-Length: 0\r\n\r\n")
    assert got.header_triples[0] == (b"X-Long", b"x-long", b"a b c")
    # Trailing whitespace is not part of a value (RFC 9110 5.5), as in h11 (http.client keeps it
    # and would then not see "chunked " as chunked).
    got = _ours("GET", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked \r\n\r\n" + _chunked(BODY))
    assert got.chunked and got.read() == BODY
    request = httpx.Request("GET", "http://x/")
    for head in (b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", b"HTTP/1.1 200 OK\r\n folded-first: 1\r\n\r\n",
                 b"HTTP/1.1 200 OK\r\nX-Space : 1\r\n\r\n", b"HTTP/1.1 200 OK\r\n: no name\r\n\r\n"):
        with pytest.raises(http.client.HTTPException) as caught:
            _ours("GET", head)
        assert isinstance(_read_error(caught.value, request), httpx.RemoteProtocolError)


def _state(response: httpx.Response) -> dict[str, Any]:
    return {"status": response.status_code, "raw": response.headers.raw, "encoding": response.headers.encoding,
            "content": response.content, "closed": response.is_closed, "consumed": response.is_stream_consumed,
            "downloaded": response.num_bytes_downloaded, "extensions": response.extensions,
            "request": response.request, "text": response.text, "http_version": response.http_version,
            "reason": response.reason_phrase, "stream": type(response.stream)}


RAW_HEADERS = {
    "plain": [(b"Content-Type", b"application/json"), (b"Content-Length", b"12")],
    "gzip": [(b"Content-Type", b"application/json"), (b"Content-Encoding", b"gzip")],
    "utf8": [(b"X-Name", "café".encode()), (b"content-length", b"12")],
    "latin1": [(b"X-Name", b"caf\xe9")],
    "none": [],
}


@pytest.mark.parametrize("name", sorted(RAW_HEADERS))
def test_read_response_equals_the_httpx_constructor_and_read(name: str) -> None:
    raw = RAW_HEADERS[name]
    content = gzip.compress(BODY) if name == "gzip" else BODY
    request = httpx.Request("GET", "http://x/")
    extensions = {"http_version": b"HTTP/1.1", "reason_phrase": b"OK"}
    expected = httpx.Response(200, headers=raw, stream=httpx.ByteStream(content), request=request,
                              extensions=dict(extensions))
    expected.read()
    got = read_response(200, header_triples(raw), content, request, dict(extensions))
    assert _state(got) == _state(expected)
    assert list(got.iter_bytes()) == list(expected.iter_bytes()) and got.json() == {"ok": True}


@pytest.mark.parametrize("method", ["GET", "DELETE", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "get", "post"])
@pytest.mark.parametrize("defaults", [{"x-api-key": "k"}, {"Host": "override.example", "X": "1"},
                                      {"Content-Length": "0", "X": "é".encode()}])
def test_bodyless_requests_equal_build_request(method: str, defaults: dict[str, Any]) -> None:
    http = httpx.Client(base_url="https://api.example:8443/v1/", headers=defaults, cookies=no_cookie_jar())
    builder = RequestBuilder(http)
    before = list(http.headers.raw)
    timeout = httpx.Timeout(5.0)
    for headers in (None, {"Idempotency-Key": "abc", "x-api-key": "other"}):
        expected = http.build_request(method, "/tenants/sam/customers/c1/entitlements", headers=headers,
                                      timeout=timeout)
        got = builder.build(method, "/tenants/sam/customers/c1/entitlements", headers=headers, timeout=timeout)
        assert got.method == expected.method and str(got.url) == str(expected.url)
        assert got.url.raw_path == expected.url.raw_path
        assert got.headers.raw == expected.headers.raw and got.headers.encoding == expected.headers.encoding
        assert got.extensions == expected.extensions and got.content == expected.content == b""
        assert type(got.stream) is type(expected.stream)
    assert http.headers.raw == before  # the client's own headers untouched
    http.close()


def test_memoised_urls_never_keep_a_query_string() -> None:
    """The URL memos (request builder, aiohttp bridge) keep paths only: a query may carry a token."""
    from paywire._core import aiohttp_transport

    http = httpx.Client(base_url="https://api.example/v1/", cookies=no_cookie_jar())
    builder = RequestBuilder(http)
    timeout = httpx.Timeout(5.0)
    for _ in range(2):
        for url in ("/session?token=tok_secret", "/customers/c1/entitlements"):
            got = builder.build("GET", url, timeout=timeout)
            assert str(got.url) == str(http.build_request("GET", url, timeout=timeout).url)
            aiohttp_transport._yarl_url(got.url)
    assert list(builder._urls) == ["customers/c1/entitlements"]
    assert not any("tok_secret" in key for key in aiohttp_transport._URLS)
    http.close()

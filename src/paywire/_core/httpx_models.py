"""``httpx.Request`` / ``httpx.Response`` objects built for paywire's own transports, minus
httpx's redundant passes.

httpx stays the type at the boundary (auth flows, hooks, ``with_raw_response``, errors carry
its objects), but its constructors are written for arbitrary input: ``Response(headers=...)``
re-normalises every header (two encode/lower calls each) and ``read()`` runs a body already in
memory through three generators, a decoder and a chunker; ``Request(...)`` parses the URL,
normalises the client's headers, then looks up Host/Content-Length and normalises them all
*again*. Measured on the 2-core bench box: ~12 us per response and ~15 us per request of CPU.

The transports here already hold exactly what those passes produce (raw header bytes from the
wire, a whole body, a URL joined from the client's parsed base), so these functions hand it
over directly: header lists as httpx stores them (``(raw name, lower name, value)``), a body
with no ``Content-Encoding`` attached as the already-read content. A response *with* a
``Content-Encoding`` is read through httpx's own decoders, as before. The objects are the same
as the slow path's, attribute for attribute (``tests/core/test_httpx_models.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx

HeaderTriple = tuple[bytes, bytes, bytes]


def fill_headers(headers: httpx.Headers, triples: list[HeaderTriple], *, find_encoding: bool = False) -> httpx.Headers:
    """``headers`` (a fresh, empty ``httpx.Headers``) holding ``triples`` (raw name, lower-cased
    name, value) as they are. ``find_encoding``: also settle the ``encoding`` property now, in
    one pass (it would decode every header on the first lookup, which every answer gets)."""
    headers._list = triples  # httpx's own storage (0.27, 0.28)
    if find_encoding:
        for name, _, value in triples:
            if not (name.isascii() and value.isascii()):
                break
        else:  # what the ``encoding`` property would find on first use, by decoding every header
            headers._encoding = "ascii"
    return headers


def header_triples(raw: Iterable[tuple[bytes, bytes]]) -> list[HeaderTriple]:
    """``(name, value)`` byte pairs from the wire as httpx stores them."""
    return [(name, name.lower(), value) for name, value in raw]


def read_response(status: int, triples: list[HeaderTriple], content: bytes, request: httpx.Request,
                  extensions: dict[str, Any]) -> httpx.Response:
    """The ``httpx.Response`` that ``Response(status, headers=..., stream=ByteStream(content))``
    followed by ``read()`` gives, without the re-normalising and the generator passes when the
    body needs no decoding."""
    response = httpx.Response(status, stream=httpx.ByteStream(content), request=request, extensions=extensions)
    fill_headers(response.headers, triples, find_encoding=True)  # not headers=: Response() would copy them
    for _, lowered, _ in triples:
        if lowered == b"content-encoding":  # gzip & co.: httpx's decoders, exactly as before
            response.read()
            return response
    # What read() leaves behind for an unencoded body held in memory.
    response._content = content
    response._num_bytes_downloaded = len(content)
    response.is_stream_consumed = True
    response.is_closed = True
    return response


_EMPTY = httpx.ByteStream(b"")
_ZERO_LENGTH_METHODS = ("POST", "PUT", "PATCH")  # httpx adds "Content-Length: 0" to these


def bodyless_request(method: str, url: httpx.URL, netloc: bytes, headers: httpx.Headers,
                     extensions: dict[str, Any]) -> httpx.Request:
    """``httpx.Request(method, url, headers=headers, extensions=...)`` with no body and no
    params: the same headers in the same order (``Host`` first, then ``Content-Length: 0`` for
    POST/PUT/PATCH, then ``headers``), the same empty stream, already read."""
    method = method.upper()
    triples: list[HeaderTriple] = headers._list
    has_host = has_length = False
    for _, lowered, _ in triples:
        if lowered == b"host":
            has_host = True
        elif lowered == b"content-length" or lowered == b"transfer-encoding":
            has_length = True
    auto: list[HeaderTriple] = []
    if not has_host and netloc:
        auto.append((b"Host", b"host", netloc))
    if not has_length and method in _ZERO_LENGTH_METHODS:
        auto.append((b"Content-Length", b"content-length", b"0"))
    request = httpx.Request(method, url, stream=_EMPTY, extensions=extensions)
    fill_headers(request.headers, auto + triples)  # a new list: the client's headers stay its own
    request._content = b""  # what read() of the empty stream leaves
    return request


def url_with_path(base: httpx.URL, path: str) -> httpx.URL | None:
    """``base`` with its path replaced by ``path`` (already in the form httpx's parser would
    produce: the caller checked it), without parsing anything; None if httpx's internals are
    not the ones this was written against."""
    reference = base._uri_reference
    replace = getattr(reference, "_replace", None)
    if replace is None or type(reference).__name__ != "ParseResult":
        return None
    joined = httpx.URL.__new__(httpx.URL)  # httpx.URL() would parse "" first
    joined._uri_reference = replace(path=path)
    return joined


__all__ = ["bodyless_request", "fill_headers", "header_triples", "read_response", "url_with_path"]

"""HTTP/1.1 wire format shared by paywire's two transports (sync ``stdlib_transport``, async
``asyncio_transport``): the request head, and the common answer's head parsed in a few
``bytes`` calls.

Only the common answer is parsed here: ``HTTP/1.1``, a final status with a body, framed by
one ``Content-Length`` of digits, every line exactly as h11's grammar (httpx's own parser)
allows it: a token, a colon, a value of visible bytes, spaces and tabs. Everything else
(chunked or close-delimited bodies, interim 1xx answers, 204/304, HEAD, HTTP/1.0, folded
lines, a bare LF, any byte h11 would refuse, a ``Connection`` header the two full parsers
read differently) is declined (``None``) and each transport hands it to a full parser
(``http.client`` in the sync one, h11 in the async one), so unusual framing, and the decision
to refuse a malformed answer, keep a well-tested library's semantics.
"""

from __future__ import annotations

import http.client
import re
from typing import NamedTuple

import httpx

from paywire._core.httpx_models import HeaderTriple

#: A response head longer than this is not the common case (and http.client/h11 limit heads too).
MAX_HEADERS = 100  # http.client's limit

#: h11's status line and header line (``h11._abnf``): a field value is any byte but NUL, CR,
#: LF, VT and FF (tabs and spaces inside it kept, around it dropped).
_VALUE = rb"[^\x00\r\n\x0b\x0c]*"
_STATUS_LINE = re.compile(rb"HTTP/1\.1 ([0-9]{3})(?: (" + _VALUE + rb"))?\r\n")
#: A header line, anchored at the line end before it and followed by one: ``findall`` skips a
#: line that does not match, which the line count then shows.
_HEADER_LINE = re.compile(rb"\r\n([-!#$%&'*+.^_`|~0-9A-Za-z]+):[ \t]*(" + _VALUE + rb")(?=\r\n)")


class QuickHead(NamedTuple):
    """The head of a common answer; its body is the next ``length`` bytes after ``body_start``."""

    status: int
    reason: bytes  # as on the wire (h11 keeps it so; http.client strips it)
    triples: list[HeaderTriple]
    length: int
    will_close: bool
    body_start: int


def quick_head(data: bytes, end: int, method: str) -> QuickHead | None:
    """The head ``data[:end]`` (``end``: where ``\\r\\n\\r\\n`` starts) of a common answer, or
    None when the answer needs a full parser (nothing is consumed)."""
    if method == "HEAD":
        return None
    status_line = _STATUS_LINE.match(data, 0, end + 2)
    if status_line is None:
        return None
    status = int(status_line[1])
    if status < 200 or status == 204 or status == 304:
        return None
    pairs = _HEADER_LINE.findall(data, status_line.end() - 2, end + 2)
    if len(pairs) != data.count(b"\r\n", 0, end) or len(pairs) > MAX_HEADERS:
        return None  # a line h11 would refuse, a folded line, a bare CR or LF: a full parser decides
    triples: list[HeaderTriple] = []
    declared = connection = None
    for name, value in pairs:
        lowered = name.lower()
        value = value.rstrip(b" \t")
        triples.append((name, lowered, value))
        if lowered == b"content-length":
            if declared is not None:  # h11 merges equal ones and refuses others
                return None
            declared = value
        elif lowered == b"transfer-encoding":
            return None
        elif lowered == b"connection":
            if connection is not None:
                return None
            connection = value.lower()
    if declared is None or not declared.isdigit():  # ASCII digits only: no sign, space or "_"
        return None
    closes = False
    if connection is not None and b"close" in connection:  # http.client's test
        closes = True
        if b"close" not in [token.strip(b" \t") for token in connection.split(b",")]:  # h11's
            return None  # the two full parsers read it differently: each transport's decides
    return QuickHead(status, status_line[2] or b"", triples, int(declared), closes, end + 4)


def split_head(lines: list[bytes]) -> list[HeaderTriple]:
    """Header lines (with or without their line ends; an empty line ends them) as (name,
    lower-cased name, value); a folded continuation line is joined to the header before it
    with one space."""
    triples: list[HeaderTriple] = []
    for line in lines:
        if line in (b"\r\n", b"\n", b""):
            break
        if line[0] in (32, 9):  # obs-fold
            if not triples:
                raise http.client.HTTPException("continuation line before the first header")
            name, lowered, value = triples[-1]
            triples[-1] = (name, lowered, value + b" " + line.strip(b" \t\r\n"))
            continue
        name, colon, value = line.partition(b":")
        if not colon or not name or name[-1] in (32, 9):
            raise http.client.HTTPException(f"malformed header line {line[:40]!r}")
        triples.append((name, name.lower(), value.strip(b" \t\r\n")))
    return triples


def will_close(version: int, first: dict[bytes, bytes]) -> bool:
    """``HTTPResponse._check_close``, on the parsed head (``version`` 10 or 11)."""
    conn = first.get(b"connection", b"").lower()
    if version == 11:
        return b"close" in conn
    if first.get(b"keep-alive") or b"keep-alive" in conn:
        return False
    return b"keep-alive" not in first.get(b"proxy-connection", b"").lower()


_TOKEN_CHARS = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
#: A request head as :func:`request_head` assembles it: a token method, a target without
#: space/CR/LF/NUL, then "token: value" lines with no CR/LF/NUL in a value. A CR/LF pair smuggled
#: into any part would still fit this shape as an extra line, which the line count catches.
_HEAD = re.compile(_TOKEN_CHARS + rb" [^\r\n\x00 ]+ HTTP/1\.1\r\n(?:" + _TOKEN_CHARS + rb": [^\r\n\x00]*\r\n)*\r\n")


class RequestHead(NamedTuple):
    """A request head as bytes, and whether it says ``Connection: close``: the server then
    closes after answering, so the connection must not go back to the pool (its FIN may come
    after the next request was written on it)."""

    data: bytes
    asks_to_close: bool


def request_head(method: str, request: httpx.Request, body: bytes) -> RequestHead | None:
    """The request line and headers as bytes, or None if any part could inject a line.

    Checked once on the whole head (one regex match and one count, ~2 us) rather than one
    regex per header and value (~10 us): it allows exactly what ``http.client``'s own checks
    allow (a token method and names, no CR/LF/NUL in values, no space in the target). A
    ``Transfer-Encoding`` header is dropped: the body is sent whole, with its length. A
    ``Connection`` header is read in the same pass over the headers (``close`` as one of its
    comma-separated tokens, as h11 reads it)."""
    lines = [method.encode("ascii", "replace"), b" ", request.url.raw_path, b" HTTP/1.1\r\n"]
    has_length = closes = False
    count = 2  # the request line and the blank line
    for name, value in request.headers.raw:
        lowered = name.lower()
        if lowered == b"transfer-encoding":
            continue
        if lowered == b"content-length":
            has_length = True
        elif lowered == b"connection" and b"close" in [token.strip(b" \t") for token in value.lower().split(b",")]:
            closes = True
        lines += (name, b": ", value, b"\r\n")
        count += 1
    if body and not has_length:
        lines += (b"Content-Length: ", str(len(body)).encode(), b"\r\n")
        count += 1
    lines.append(b"\r\n")
    head = b"".join(lines)
    if head.count(b"\n") != count or _HEAD.fullmatch(head) is None:
        return None
    return RequestHead(head, closes)

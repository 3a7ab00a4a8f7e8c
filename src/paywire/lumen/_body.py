"""The proxy's request body cap: refuse an oversized body before reading or parsing it.

A browser-facing proxy must not buffer whatever a client sends (a 20 MiB POST used to be read,
parsed and forwarded: 111-130 MiB RSS). The declared ``Content-Length`` is checked first, so an
honest oversized request costs nothing; a body without one (chunked) is read in chunks and
counted, and reading stops one byte past the cap. Either way the answer is 413 before any JSON
parsing or upstream call. The adapters feed these helpers from their framework's stream.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable

from paywire._core import ConfigError

__all__ = ["CHUNK_BYTES", "DEFAULT_MAX_BODY_BYTES", "BodyTooLarge", "InvalidLength", "check_declared",
           "check_limit", "chunked_without_length", "read_capped", "read_capped_async"]

#: Default cap (1 MiB): the proxied routes take bodies of a few hundred bytes.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
CHUNK_BYTES = 64 * 1024


class BodyTooLarge(Exception):
    """The request body is (or claims to be) larger than the cap."""


class InvalidLength(Exception):
    """The ``Content-Length`` header is not a non-negative integer."""


def check_limit(limit: object) -> int:
    """``max_body_bytes`` as given to a handler factory: a positive int, else ConfigError."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
        raise ConfigError(f"max_body_bytes must be a positive int (bytes), got {limit!r}")
    return limit


def check_declared(content_length: str | None, limit: int) -> int | None:
    """The declared length (None when absent); raises before a byte of the body is read."""
    if content_length is None or content_length == "":
        return None
    text = content_length.strip()
    if not text.isdigit() or not text.isascii():
        raise InvalidLength
    declared = int(text)
    if declared > limit:
        raise BodyTooLarge
    return declared


def chunked_without_length(transfer_encoding: object, content_length: object) -> bool:
    """A chunked body with no ``Content-Length``: a WSGI stack that only honours the length
    (Django under WSGI; werkzeug without ``wsgi.input_terminated``) would read it as empty, so
    the adapters refuse it (411) rather than forward an empty body in its place."""
    return not content_length and "chunked" in str(transfer_encoding or "").lower()


def read_capped(read: Callable[[int], bytes], limit: int) -> bytes:
    """Read a blocking stream to its end, holding at most ``limit`` + one chunk."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(CHUNK_BYTES, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise BodyTooLarge
        chunks.append(chunk)


async def read_capped_async(stream: AsyncIterable[bytes], limit: int) -> bytes:
    """Read an async chunk stream to its end, stopping as soon as it passes ``limit``."""
    chunks: list[bytes] = []
    total = 0
    async for chunk in stream:
        total += len(chunk)
        if total > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)

"""Opt-in aiohttp backend for the async clients (``http_backend="aiohttp"``, ``pip install paywire[aiohttp]``).

httpx's async stack costs ~120 us of Python per request; aiohttp's C-accelerated client does
the same work for less (200 concurrent HTTPS entitlement checks: 0.094 s with the default
sharded httpcore pool, 0.056 s over aiohttp). httpx stays the API (requests, auth, the flow);
only the bytes go through aiohttp.

Written here instead of using ``httpx-aiohttp`` (0.2) because of one thing that adapter gets
wrong for a payments SDK: it maps every ``aiohttp.ClientConnectionError`` to
``httpx.ConnectTimeout``, including a server disconnect *after* the request was written, and
the retry policy reads ``ConnectTimeout`` as "never sent" (``retries.never_sent``), so a POST
that already took effect would be sent again. This transport maps precisely:

- failing to connect (DNS, refused, TLS handshake: ``ClientConnectorError`` and subclasses;
  a connect or pool-wait timeout: ``ConnectionTimeoutError``) -> ``httpx.ConnectError`` /
  ``httpx.ConnectTimeout``: the request was never sent;
- anything after the request may have been written (disconnects, resets, incomplete or
  undecodable bodies, read timeouts, and every aiohttp error not listed above) ->
  ``httpx.RemoteProtocolError`` / ``httpx.ReadError`` / ``httpx.ReadTimeout``: maybe delivered.

Behaviour kept the same as the httpx backend: no redirects followed; bodies returned raw with
their ``Content-Encoding`` (``auto_decompress=False``) so httpx decodes them exactly as it
would its own; request headers sent as httpx built them (aiohttp adds no ``User-Agent``,
``Accept``, ``Accept-Encoding`` or ``Content-Type`` of its own); the whole body read before
returning; timeouts from the request (``connect`` -> ``sock_connect``, ``read`` ->
``sock_read``, ``pool`` + ``connect`` -> aiohttp's ``connect``, which covers waiting for a
free connection; no total). Differences: there is no separate write timeout (aiohttp has
none; a stalled upload is bounded by ``sock_read``); aiohttp itself re-sends an *idempotent*
request (GET/HEAD/OPTIONS/PUT/DELETE) once when a reused keep-alive connection turns out to be
closed, which httpcore does not (never a POST); env proxies are not used (as with the
default transport, which httpx also builds without env proxies).

The ``aiohttp.ClientSession`` is created on the first request (it must be made inside the
running event loop) and belongs to that loop, like httpcore's connections do.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

import aiohttp
import httpx
from multidict import CIMultiDict
from yarl import URL

from paywire._core.fork import release_transport, reset_transport
from paywire._core.httpx_models import header_triples, read_response
from paywire._core.stdlib_transport import httpcore_is_patched
from paywire._core.transport import ASYNC_MAX_CONNECTIONS, KEEPALIVE_EXPIRY

# aiohttp would add these itself when missing; httpx already decided what to send.
_SKIP_AUTO_HEADERS = frozenset({"User-Agent", "Accept", "Accept-Encoding", "Content-Type"})


_TIMEOUTS: dict[tuple[Any, ...], aiohttp.ClientTimeout] = {}


def _cached_client_timeout(timeout: Any) -> aiohttp.ClientTimeout:
    """:func:`_client_timeout`, memoised: every request of a client carries the same few
    timeout dicts, and building a ClientTimeout per request cost ~5 us (measured)."""
    if not isinstance(timeout, dict):
        return _client_timeout(timeout)
    key = (timeout.get("connect"), timeout.get("pool"), timeout.get("read"))
    found = _TIMEOUTS.get(key)
    if found is None:
        if len(_TIMEOUTS) > 256:  # deadline-cut timeouts vary per call: keep the memo bounded
            _TIMEOUTS.clear()
        found = _TIMEOUTS[key] = _client_timeout(timeout)
    return found


def _client_timeout(timeout: Any) -> aiohttp.ClientTimeout:
    """httpx's per-request timeout dict (connect/read/write/pool) as an aiohttp ClientTimeout."""
    if not isinstance(timeout, dict):
        return aiohttp.ClientTimeout(total=None)
    connect = timeout.get("connect")
    pool = timeout.get("pool")
    # aiohttp's `connect` covers the wait for a pool slot plus connecting; `sock_connect` the latter.
    acquire = None if connect is None or pool is None else connect + pool
    return aiohttp.ClientTimeout(total=None, connect=acquire, sock_connect=connect, sock_read=timeout.get("read"))


_URLS: dict[str, URL] = {}


def _yarl_url(url: httpx.URL) -> URL:
    """The yarl URL of an httpx one, memoised: an operation's URLs repeat (one per customer id
    and path), and parsing one into yarl cost ~5 us per request (measured). URLs with a query
    string are parsed each time: a query may carry a one-time token, which is not kept."""
    text = str(url)
    if url.query:
        return URL(text, encoded=True)
    found = _URLS.get(text)
    if found is None:
        if len(_URLS) >= 1024:  # bounded: ids vary without limit
            _URLS.clear()
        found = _URLS[text] = URL(text, encoded=True)
    return found


_VERSIONS: dict[Any, bytes] = {}


def _http_version(version: Any) -> bytes:
    """aiohttp's ``HttpVersion(1, 1)`` as httpx's ``b"HTTP/1.1"``."""
    found = _VERSIONS.get(version)
    if found is None:
        found = _VERSIONS[version] = (f"HTTP/{version.major}.{version.minor}" if version else "HTTP/1.1").encode()
    return found


def map_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for an aiohttp/OS failure; "maybe delivered" unless it cannot have been sent."""
    message = f"{type(exc).__name__}: {exc}"
    # -- never sent: the connection was not established ------------------------------------
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # DNS, refused, TLS handshake/certificate
        return httpx.ConnectError(message, request=request)
    # -- maybe delivered: the request may have been (partly) written ---------------------------
    if isinstance(exc, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):  # SocketTimeoutError etc.
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, (aiohttp.ClientOSError, aiohttp.ClientConnectionResetError, OSError)):
        return httpx.ReadError(message, request=request)
    # ServerDisconnectedError, ClientPayloadError, ClientResponseError (bad status line), ...
    return httpx.RemoteProtocolError(message, request=request)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An httpx async transport sending over one lazily created ``aiohttp.ClientSession``."""

    def __init__(self, *, ssl_context: ssl.SSLContext | bool = True,
                 max_connections: int = ASYNC_MAX_CONNECTIONS, keepalive_expiry: float = KEEPALIVE_EXPIRY) -> None:
        if max_connections < 1:
            raise ValueError("max_connections must be >= 1")
        self._ssl = ssl_context
        self._max = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._session: aiohttp.ClientSession | None = None
        self._closed = False
        self._fallback: httpx.AsyncHTTPTransport | None = None

    def _fallback_transport(self) -> httpx.AsyncHTTPTransport:
        """httpx's own stack, for while httpcore is mocked (respx): the mock must see requests."""
        if self._fallback is None:
            self._fallback = httpx.AsyncHTTPTransport(verify=self._ssl, limits=httpx.Limits(
                max_connections=self._max, keepalive_expiry=self._keepalive_expiry))
        return self._fallback

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            if self._closed:
                raise RuntimeError("the aiohttp transport is closed")
            # Synchronous: concurrent first requests cannot race to build two sessions.
            connector = aiohttp.TCPConnector(ssl=self._ssl, limit=self._max, limit_per_host=0,
                                             keepalive_timeout=self._keepalive_expiry)
            self._session = aiohttp.ClientSession(
                connector=connector, auto_decompress=False, timeout=aiohttp.ClientTimeout(total=None),
                cookie_jar=aiohttp.DummyCookieJar(), skip_auto_headers=_SKIP_AUTO_HEADERS,
                trust_env=False,
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if httpcore_is_patched():
            return await self._fallback_transport().handle_async_request(request)
        session = self._get_session()
        body = await request.aread()
        # Bytes are sent with a Content-Length; a streamed request's chunked header would clash.
        headers: CIMultiDict[str] = CIMultiDict([
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
            if k.lower() != b"transfer-encoding"
        ])
        if body and "Content-Length" not in headers:
            headers["Content-Length"] = str(len(body))
        try:
            async with session.request(
                request.method, _yarl_url(request.url), headers=headers,
                data=body or None, allow_redirects=False,
                timeout=_cached_client_timeout(request.extensions.get("timeout")),
            ) as resp:
                content = await resp.read()
                status = resp.status
                reason = resp.reason or ""
                raw_headers = resp.raw_headers
                version = resp.version
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise map_error(exc, request) from exc
        # Built without httpx's re-normalising and its async byte iterators (~2x the sync ones):
        # _core/httpx_models.py; a later aread() returns this content.
        return read_response(status, header_triples(raw_headers), content, request,
                             {"http_version": _http_version(version), "reason_phrase": reason.encode("latin-1")})

    def after_fork(self) -> None:
        """In a forked child: forget the parent's session (it belongs to the parent's event
        loop and holds the parent's sockets) and create a new one on the next request. The
        sockets are released without a word on the wire (``_core/fork.py``); the old session
        and connector are then marked closed so their finalizers neither close the
        connections (TLS close_notify on the parent's session) nor log "Unclosed ..."."""
        if self._fallback is not None:
            reset_transport(self._fallback)
        session, self._session = self._session, None
        if session is None:
            return
        connector = session._connector
        session._connector = None
        if connector is None:
            return
        protocols = [proto for conns in connector._conns.values() for proto, _ in conns]
        protocols += list(connector._acquired)
        connector._conns.clear()
        connector._acquired.clear()
        connector._closed = True
        for proto in protocols:
            transport = proto.transport
            if transport is not None:  # released and marked closed: no "unclosed transport" warning
                release_transport(transport)

    @property
    def open_connections(self) -> int:
        """Connections currently held open, idle or in use (for tests and diagnostics)."""
        connector = self._session.connector if self._session is not None else None
        if connector is None:
            return 0
        return sum(len(conns) for conns in connector._conns.values()) + len(connector._acquired)

    async def aclose(self) -> None:
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()
        if self._fallback is not None:
            await self._fallback.aclose()

    def __repr__(self) -> str:
        return f"AiohttpTransport(max_connections={self._max})"

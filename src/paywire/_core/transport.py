"""Transport pieces the core adds under httpx.

httpcore's async connection pool rescans every queued request against every connection on each
event (``AsyncConnectionPool._assign_requests_to_connections``): with 200 concurrent requests
that is millions of ``is_idle`` calls, and a burst of 200 entitlement checks against a local
server took 0.29-0.42 s, most of it in that scan. Throttling in front of the pool helps the
scan but serialises real, latency-bound traffic. :class:`ShardedAsyncTransport` keeps full
concurrency and removes the quadratic cost instead: it spreads requests over many
single-connection pools, so every scan is over one connection and a handful of requests
(measured on the same burst: 0.08 s; still 100 connections in flight).
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from paywire._core.fork import reset_transport

#: Upper bound of connections (= shards) per async client, like ``max_connections``.
ASYNC_MAX_CONNECTIONS = 100

#: Seconds an idle keep-alive connection is kept. Below the idle timeouts of common servers
#: (uvicorn, Node and Apache: 5 s; nginx 75 s; gunicorn's threaded/async workers, 2 s, are
#: below it and usually sit behind a proxy): a server closing an idle connection just as a
#: request is written on it makes that request fail after it may have been sent (a POST
#: without an idempotency key cannot be retried), so the client must give the connection up
#: first. The server's idle clock starts when it has written a response, the client's only
#: once it has read it, so against a 5 s server the client gives up at least 1 s (plus the
#: response's travel time) earlier. Reconnecting after 4 s idle costs one handshake, which
#: busy clients never pay. A transport the user passes in keeps its own ``Limits`` (httpx's
#: default expiry is 5 s): paywire does not rewrite it.
KEEPALIVE_EXPIRY = 4.0


_DEFAULT_PORTS = {"http": 80, "https": 443}
#: Where a pooled connection goes: (scheme, host, port).
Origin = tuple[str, str, int]


def request_origin(url: httpx.URL) -> Origin:
    """The connection a request to ``url`` needs, for paywire's own pools (sync and async);
    a scheme other than http/https is refused as httpx refuses it."""
    scheme = url.scheme
    port = _DEFAULT_PORTS.get(scheme)
    if port is None:
        raise httpx.UnsupportedProtocol(f"request URL has an unsupported protocol {scheme!r}")
    return scheme, url.host, url.port or port


def tls_context(verify: ssl.SSLContext | bool) -> ssl.SSLContext:
    """The TLS context of paywire's own pools: the caller's, httpx's verified default, or an
    unverified one for ``verify=False``."""
    if isinstance(verify, ssl.SSLContext):
        return verify
    return httpx.create_ssl_context() if verify else ssl._create_unverified_context()


class ShardedAsyncTransport(httpx.AsyncBaseTransport):
    """Up to ``max_connections`` single-connection httpcore pools; each request takes an idle
    one (the most recently used, so keep-alive connections stay warm), a new one while under
    the bound, or else the least loaded."""

    def __init__(self, *, verify: Any = True, max_connections: int = ASYNC_MAX_CONNECTIONS,
                 keepalive_expiry: float = KEEPALIVE_EXPIRY) -> None:
        if max_connections < 1:
            raise ValueError("max_connections must be >= 1")
        self._verify = verify
        self._max = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._shards: list[httpx.AsyncHTTPTransport] = []
        self._load: list[int] = []
        self._idle: list[int] = []  # shard indexes with nothing in flight (a LIFO stack)

    def _acquire(self) -> int:
        if self._idle:
            index = self._idle.pop()
        elif len(self._shards) < self._max:
            index = len(self._shards)
            limits = httpx.Limits(max_connections=1, max_keepalive_connections=1,
                                  keepalive_expiry=self._keepalive_expiry)
            self._shards.append(httpx.AsyncHTTPTransport(verify=self._verify, limits=limits))
            self._load.append(0)
        else:
            index = min(range(len(self._load)), key=self._load.__getitem__)
        self._load[index] += 1
        return index

    def _release(self, index: int) -> None:
        self._load[index] -= 1
        if self._load[index] == 0:
            self._idle.append(index)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = self._acquire()
        try:
            response = await self._shards[index].handle_async_request(request)
            # Read the body while holding the shard, so its one connection is free afterwards.
            await response.aread()
        finally:
            self._release(index)
        return response

    def after_fork(self) -> None:
        """In a forked child: drop every shard (the parent's connections) without closing
        their sockets on the wire, and start over; in-flight counts of the parent's requests
        do not apply to the child (``_core/fork.py``)."""
        shards = self._shards
        self._shards, self._load, self._idle = [], [], []
        for shard in shards:
            reset_transport(shard)

    @property
    def open_connections(self) -> int:
        """Connections currently held open across the shards (for tests and diagnostics)."""
        return sum(len(shard._pool.connections) for shard in self._shards)

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()

    def __repr__(self) -> str:
        return f"ShardedAsyncTransport(connections={len(self._shards)}/{self._max})"

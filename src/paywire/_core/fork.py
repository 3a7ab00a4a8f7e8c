"""Fork safety of the HTTP connection pools.

After ``os.fork()`` (gunicorn ``--preload``, Celery/billiard prefork, ``multiprocessing`` with
the fork start method) parent and child hold the same keep-alive sockets. If both send on one
socket, each may read the other's response (measured before this module: 300 calls per side
gave crossed bodies and truncated JSON). So in the child, right after the fork and before any
other code runs, every pool paywire can see is emptied:

- the child's pool *state* is replaced (no connection list, no queued requests, a fresh
  thread lock: a lock held by another parent thread at fork time would otherwise stay locked
  forever in the child), so the next request opens a new connection;
- the parent's sockets are *released* in the child without a word on the wire: the file
  descriptor is detached from its socket object and closed. Closing one of several
  descriptors of a socket sends nothing (no FIN while the parent still holds it), whereas a
  regular ``close()`` of a TLS connection (asyncio, aiohttp) would send a close_notify record
  on the parent's TLS session and break it. The socket objects left behind are dead
  (``fileno() == -1``), so whatever later closes or garbage-collects them cannot touch a
  descriptor number the child has reused.

What is covered (see ``reset_http_client``): the transports httpx itself builds
(``httpx.HTTPTransport`` / ``AsyncHTTPTransport``, also when the user passed one, and those in
``mounts``), paywire's :class:`~paywire._core.transport.ShardedAsyncTransport` and
:class:`~paywire._core.aiohttp_transport.AiohttpTransport`, and anything with an
``after_fork()`` method. A user-supplied transport of any other kind keeps its own pool, which
paywire cannot see: it must handle fork itself (or implement ``after_fork()``).

``os.register_at_fork`` costs nothing per request, unlike a ``getpid()`` check on every call;
it covers every fork made through ``os.fork`` (multiprocessing, gunicorn, billiard all use it).
"""

from __future__ import annotations

import os
import socket
import sys
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:  # httpcore is imported by httpx only once a transport of its own is built, and
    # it imports trio/anyio when installed (~0.1-0.3 s measured cold): not at paywire's import.
    import httpcore

from paywire._core.logs import get_logger

log = get_logger("paywire")

# httpx clients whose pools must be emptied in a forked child. Weak: a client that is gone
# needs nothing; with_options() copies share their original's httpx client.
_TRACKED: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()


def track(http: httpx.Client | httpx.AsyncClient) -> None:
    """Empty ``http``'s connection pools in every child forked from now on."""
    _TRACKED.add(http)


#: Objects holding thread locks or in-flight state that a forked child must not inherit (a lock
#: another parent thread held at fork time stays locked forever in the child; a refresh the
#: parent had in flight will never finish there). Each has an ``_after_fork()`` method.
_RESETTABLE: weakref.WeakSet[Any] = weakref.WeakSet()


def reset_after_fork(obj: Any) -> None:
    """Call ``obj._after_fork()`` in every child forked from now on (token stores, refresh
    single-flights: anything with locks that is not an HTTP pool)."""
    _RESETTABLE.add(obj)


def release_socket(sock: Any) -> None:
    """Close this process's descriptor of ``sock`` without sending anything on the connection.

    ``sock`` is a ``socket.socket``/``ssl.SSLSocket`` or asyncio's ``TransportSocket`` wrapper
    (which hides the real socket in ``_sock``). ``detach()`` hands the descriptor out and
    leaves the object closed, so neither TLS shutdown nor a later ``close()`` reaches it."""
    real = sock if isinstance(sock, socket.socket) else getattr(sock, "_sock", None)
    if not isinstance(real, socket.socket):
        return
    try:
        fd = real.detach()
    except OSError:
        return
    if fd >= 0:
        try:
            os.close(fd)
        except OSError:
            pass


def release_transport(transport: Any) -> None:
    """:func:`release_socket` for an asyncio transport's socket, then the transport marked
    closed without going through its event loop: that loop is another process's (a forked
    child shares its epoll instance with the parent, so unregistering anything there would
    break the parent's loop) or closed (a client used from a new ``asyncio.run``), and the
    transport's finalizer would otherwise warn "unclosed transport" (``ResourceWarning``). A
    later ``close()``/``abort()`` is then a no-op. The attributes are asyncio's selector and
    SSL transports' own (3.11-3.13); a transport of another kind (uvloop) keeps only the
    socket release."""
    release_socket(transport.get_extra_info("socket"))
    ssl_protocol = getattr(transport, "_ssl_protocol", None)
    if ssl_protocol is not None and hasattr(transport, "_closed"):  # asyncio's TLS transport
        transport._closed = True
        transport = getattr(ssl_protocol, "_transport", None)
    if transport is not None and all(hasattr(transport, name) for name in ("_sock", "_closing", "_conn_lost")):
        transport._sock = None  # its finalizer warns while this is set
        transport._closing = True  # close(): nothing to do
        transport._conn_lost = max(transport._conn_lost, 1)  # abort(): nothing to do


def _stream_socket(connection: Any) -> Any:
    """The socket under an httpcore connection (HTTPConnection -> HTTP11/HTTP2Connection ->
    network stream; proxy connections nest one more level), or None if it never connected."""
    for _ in range(4):
        stream = getattr(connection, "_network_stream", None)
        if stream is not None:
            return stream.get_extra_info("socket")
        connection = getattr(connection, "_connection", None)
        if connection is None:
            return None
    return None


def reset_httpcore_pool(pool: httpcore.ConnectionPool | httpcore.AsyncConnectionPool) -> None:
    """Forget the parent's connections and queued requests; release their sockets quietly."""
    connections = list(pool._connections)
    pool._connections = []
    pool._requests = []
    # A parent thread may have held the lock at fork time: a held copy would never be released.
    pool._optional_thread_lock = type(pool._optional_thread_lock)()
    for connection in connections:
        release_socket(_stream_socket(connection))


def reset_transport(transport: Any) -> bool:
    """Empty one transport's pool in a forked child; False if paywire cannot see its pool."""
    after_fork = getattr(transport, "after_fork", None)
    if callable(after_fork):
        after_fork()
        return True
    pool = getattr(transport, "_pool", None)
    core = sys.modules.get("httpcore")  # not imported: no httpx transport has been built, no pool
    if core is not None and isinstance(transport, (httpx.HTTPTransport, httpx.AsyncHTTPTransport)) and isinstance(
            pool, (core.ConnectionPool, core.AsyncConnectionPool)):
        reset_httpcore_pool(pool)
        return True
    return False


def _transports(http: httpx.Client | httpx.AsyncClient) -> Iterable[Any]:
    yield http._transport
    yield from (t for t in http._mounts.values() if t is not None)


def reset_http_client(http: httpx.Client | httpx.AsyncClient) -> None:
    """Empty every pool of one httpx client whose transport paywire can see into."""
    for transport in _transports(http):
        reset_transport(transport)


def _after_fork_in_child() -> None:
    for http in list(_TRACKED):
        try:
            reset_http_client(http)
        except Exception:  # a fork hook must never break the child; the pool then stays as is
            log.warning("could not reset an HTTP pool after fork", exc_info=True)
    for obj in list(_RESETTABLE):
        try:
            obj._after_fork()
        except Exception:
            log.warning("could not reset %s after fork", type(obj).__name__, exc_info=True)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)

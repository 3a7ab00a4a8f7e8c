"""Pooled Lumen clients for the module functions and the proxy handlers.

The original SDK opened a new ``httpx.AsyncClient`` (a new TCP + TLS connection) on every call.
Here each (api key, base URL) gets one client that is reused, so calls share keep-alive
connections.

An ``httpx.AsyncClient`` belongs to the event loop it first ran on, so async clients are
pooled **per running loop**: a ``WeakKeyDictionary`` loop → clients. When the loop shuts down
through ``asyncio.run`` / ``asyncio.Runner`` (which call ``loop.shutdown_asyncgens()``), a tiny
async generator parked on that loop is closed and closes the loop's clients cleanly; a loop
closed without that is purged the next time a pool is created. Sync clients (Flask, Django)
are thread-safe and shared process-wide. Each pool keeps at most ``MAX_CLIENTS`` clients; an
evicted client is closed after a grace period, so calls still using it can finish.
"""

from __future__ import annotations

import functools
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

from paywire._core import logger
from paywire.lumen.client import AsyncLumenClient, LumenClient, normalize_base_url, resolve_api_url

if TYPE_CHECKING:  # asyncio is imported by the async paths that use it (~20 ms): the sync
    # handlers (Flask, Django) and `import paywire.lumen` never load it
    import asyncio

__all__ = ["MAX_CLIENTS", "async_client", "clear", "sync_client"]

MAX_CLIENTS = 32
EVICT_GRACE_S = 60.0

#: Extra constructor options for pooled clients (e.g. ``retry_config``, ``timeout``): set once
#: at start-up, before the first call; tests use it to make retries instant.
client_options: dict[str, Any] = {}

_Key = tuple[str, str]
_lock = threading.Lock()
_sync: OrderedDict[_Key, LumenClient] = OrderedDict()


def _after_fork_in_child() -> None:
    # A lock another parent thread held at fork time would stay locked forever in the child
    # (the pooled clients' HTTP pools are reset by paywire._core.fork).
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _LoopPool:
    __slots__ = ("__weakref__", "clients", "closer", "tasks")

    def __init__(self) -> None:
        self.clients: OrderedDict[_Key, AsyncLumenClient] = OrderedDict()
        self.closer: AsyncGenerator[None, None] | None = None
        self.tasks: set[asyncio.Future[None]] = set()


_loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopPool] = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=64)
def _normalized(url: str) -> str:
    return normalize_base_url(url)


def _key(api_key: str, api_url: str | None) -> _Key:
    return api_key, _normalized(resolve_api_url(api_url))


async def _close_on_shutdown(pool: _LoopPool, loop_ref: weakref.ref[asyncio.AbstractEventLoop]) -> AsyncGenerator[None, None]:
    """Parked on its loop; ``loop.shutdown_asyncgens()`` closes it, and with it the clients."""
    try:
        yield
    finally:
        with _lock:
            clients = list(pool.clients.values())
            pool.clients.clear()
            loop = loop_ref()
            if loop is not None and _loops.get(loop) is pool:
                del _loops[loop]
        for client in clients:
            try:
                await client.aclose()
            except Exception:  # closing must never break the loop's shutdown
                logger.debug("closing a pooled Lumen client failed", exc_info=True)


def _park(pool: _LoopPool, loop: asyncio.AbstractEventLoop) -> None:
    """Start the closer on the running loop (it registers with the loop on first iteration)."""
    closer = _close_on_shutdown(pool, weakref.ref(loop))
    step = closer.__anext__()
    try:
        step.send(None)  # runs to the bare ``yield``: no awaiting happens before it
    except StopIteration:
        pass
    pool.closer = closer


def async_client(api_key: str, api_url: str | None) -> AsyncLumenClient:
    """The running loop's pooled client for (key, URL); created on first use."""
    import asyncio  # lazily (see the TYPE_CHECKING import); loaded already by the running loop

    loop = asyncio.get_running_loop()
    key = _key(api_key, api_url)
    with _lock:
        pool = _loops.get(loop)
        if pool is not None:
            client = pool.clients.get(key)
            if client is not None:
                pool.clients.move_to_end(key)
                return client
        else:
            for stale in [lp for lp in _loops if lp.is_closed()]:
                del _loops[stale]
            pool = _loops[loop] = _LoopPool()
            _park(pool, loop)
        client = pool.clients[key] = AsyncLumenClient(api_key, key[1], **{"cache_ttl_ms": 0, **client_options})
        if len(pool.clients) > MAX_CLIENTS:
            _, old = pool.clients.popitem(last=False)
            loop.call_later(EVICT_GRACE_S, _close_async_later, pool, old)
        return client


def _close_async_later(pool: _LoopPool, client: AsyncLumenClient) -> None:
    import asyncio  # lazily (see the TYPE_CHECKING import)

    task = asyncio.ensure_future(client.aclose())
    pool.tasks.add(task)
    task.add_done_callback(pool.tasks.discard)


def sync_client(api_key: str, api_url: str | None) -> LumenClient:
    """The process-wide pooled blocking client for (key, URL)."""
    key = _key(api_key, api_url)
    with _lock:
        client = _sync.get(key)
        if client is not None:
            _sync.move_to_end(key)
            return client
        client = _sync[key] = LumenClient(api_key, key[1], **{"cache_ttl_ms": 0, **client_options})
        if len(_sync) > MAX_CLIENTS:
            _, old = _sync.popitem(last=False)
            timer = threading.Timer(EVICT_GRACE_S, old.close)
            timer.daemon = True
            timer.start()
        return client


def clear() -> None:
    """Forget every pooled client (tests; after ``os.fork``). Sync clients are closed; async
    ones are closed by their loop's shutdown."""
    with _lock:
        clients = list(_sync.values())
        _sync.clear()
        _loops.clear()
    for client in clients:
        client.close()

"""The one entitlement cache behind Vellum's and Lumen's gating calls.

Feature gating runs on every request a SaaS backend serves, so this cache is built for a hit
path of about a hundred nanoseconds (no I/O, no lock, no allocation) and for calm behaviour on
the miss path:

- **TTL** (``ttl_ms``; 0 disables caching) measured with ``time.monotonic``.
- **Bounded size** (``max_size``) with second-chance (CLOCK) eviction, an approximate LRU: a
  hit only sets the entry's *referenced* flag (one list store: no reordering, no lock), and
  when the cache overflows the eviction sweeps from the oldest inserted entry, clearing the
  flag of (and moving to the newest end) every referenced entry it passes, and evicts the first
  entry not referenced since the last sweep passed it. Guarantee: an entry hit since the sweep
  last passed it survives the next eviction, and the size never exceeds ``max_size`` (when
  every entry was hit, the sweep clears all flags and then evicts the oldest inserted).
- **Explicit invalidation**: one key or everything (:meth:`EntitlementCache.invalidate`).
- **Single-flight**: N concurrent misses for one key make *one* fetch. Threads share a
  ``concurrent.futures.Future``; asyncio tasks share one fetch task (per event loop), each
  awaiting it through ``asyncio.shield`` so a cancelled caller never cancels the others.
- **Invalidation wins over in-flight fetches**: every fetch snapshots the cache's generation
  counter when it starts; ``invalidate()`` bumps the counter (all keys) or voids that key's
  flights, and a fetch whose generation is no longer current never writes its result back.
  Callers that arrive after ``invalidate()`` never join a flight that started before it.
- **Stale-if-error** (off by default): with ``stale_if_error_ms > 0`` a fetch that fails with
  a connection error, a timeout, a 5xx or a 429 returns the last known value if it expired
  less than that long ago, and logs a warning saying so. ``invalidate()`` forgets the last
  known value, so an invalidated key is never served stale.
- **Fork safety**: locks and in-flight records are reset in a forked child (gunicorn/celery
  prefork); cached values stay valid for their TTL.
- **A shared second level** (optional, :meth:`EntitlementCache.attach_shared`): a miss asks the
  shared tier (e.g. :class:`paywire.entitlements.redis_tier.RedisTier`) instead of calling
  ``fetch`` directly, and ``invalidate()`` is published to every process. The hit path above
  is untouched: the tier is only consulted on a miss.
- **Fetch time**: every entry carries the wall-clock time its value was fetched from the API
  (which, for a value read from a shared tier, may be earlier than this process saw it);
  :meth:`EntitlementCache.age` says how stale a cached value is.

Hit-path cost on the development machine (2 vCPUs shared with other jobs, Python 3.11,
``timeit`` of a statement string, best of 5 x 1,000,000; quietest of several runs):

    bare ``dict.get`` hit                                    ~17 ns
    ``EntitlementCache.get`` hit (TTL check + referenced flag) ~105 ns
    ``VellumClient.can`` hit (sync)                          ~135 ns
    ``await AsyncVellumClient.can`` hit (in a coroutine)     ~210 ns
    vellumcharter 0.1.0 ``VellumClient.can`` hit             ~245 ns  (the floor to beat)

A strict LRU's touch (``OrderedDict.move_to_end`` on every hit) was ~10-20 ns of that; the
referenced flag (``entry[3] = True``) costs about a third of it, and an unbounded dict (the
bench's floor) needs neither. Binding ``get`` as a closure saved ~20 ns over a method. ``python bench/entitlements_hit_path.py`` reproduces the table.
"""

from __future__ import annotations

import concurrent.futures
import os
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from paywire._core.errors import APIConnectionError, InternalServerError, RateLimitError
from paywire._core.logs import get_logger

if TYPE_CHECKING:  # asyncio is imported lazily (~10 ms) where the async paths need it
    import asyncio

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
KC = TypeVar("KC", bound=Hashable, contravariant=True)

logger = get_logger("paywire.entitlements")

#: Failures that mean "the API is unreachable right now" (stale-if-error may answer them).
#: Auth and 4xx errors are never answered from a stale value: they are real answers.
DEFAULT_STALE_ERRORS: tuple[type[BaseException], ...] = (APIConnectionError, InternalServerError,
                                                         RateLimitError)
DEFAULT_MAX_SIZE = 10_000


class SharedTier(Protocol[KC, V]):
    """What :meth:`EntitlementCache.attach_shared` accepts: a second cache level shared by
    processes. ``load`` returns ``(value, fetched_at, cacheable)``: the value, the wall-clock
    time (``time.time()``) it was fetched from the API, and False when a newer invalidation
    overtook the fetch (the caller gets the value but it must not be cached)."""

    def load(self, key: KC, fetch: Callable[[], V]) -> tuple[V, float, bool]: ...

    async def load_async(self, key: KC, fetch: Callable[[], Awaitable[V]]) -> tuple[V, float, bool]: ...

    def publish_invalidate(self, key: KC | None) -> None: ...


class _Flight:
    """One in-progress fetch for one key."""

    __slots__ = ("future", "generation", "task", "void")

    def __init__(self, generation: int) -> None:
        self.generation = generation
        self.void = False  # set by invalidate(key): the result must not be written back
        self.future: concurrent.futures.Future[Any] | None = None
        self.task: asyncio.Task[Any] | None = None


_ALL_CACHES: weakref.WeakSet[EntitlementCache[Any, Any]] = weakref.WeakSet()


class EntitlementCache(Generic[K, V]):
    """TTL + bounded (second-chance, approximately LRU) cache with single-flight fetches, safe across threads and asyncio tasks.

    ``get(key)`` is the hot path: the fresh value or ``None`` (values must not be ``None``).
    ``get_or_fetch(key, fetch)`` / ``await get_or_fetch_async(key, fetch)`` are the miss paths.
    """

    def __init__(
        self,
        ttl_ms: float = 30_000,
        *,
        max_size: int = DEFAULT_MAX_SIZE,
        stale_if_error_ms: float = 0,
        stale_errors: tuple[type[BaseException], ...] = DEFAULT_STALE_ERRORS,
        mark_stale: Callable[[V], V] | None = None,
        name: str = "entitlements",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl_ms < 0:
            raise ValueError("ttl_ms must be >= 0 (0 disables caching)")
        if max_size < 1:
            raise ValueError("max_size must be >= 1")
        if stale_if_error_ms < 0:
            raise ValueError("stale_if_error_ms must be >= 0 (0 disables it)")
        self.name = name
        self._ttl = ttl_ms / 1000.0
        self._max_size = max_size
        self._stale_window = stale_if_error_ms / 1000.0
        self._stale_errors = stale_errors
        self._mark_stale = mark_stale
        self._now = clock
        # key -> [value, expires_at, fetched_at wall time, referenced], in insertion order (the
        # CLOCK sweep's order). Expired entries stay until replaced, evicted or invalidated: they
        # are the "last known value" for stale-if-error. A list, so a hit can set `referenced`.
        self._data: OrderedDict[K, list[Any]] = OrderedDict()
        self._shared: SharedTier[K, V] | None = None
        self._install_get()
        self._lock = threading.Lock()
        self._generation = 0
        self._sync_flights: dict[K, _Flight] = {}
        self._async_flights: dict[tuple[K, asyncio.AbstractEventLoop], _Flight] = {}
        self.fetches = 0  # fetches started (misses that were not coalesced)
        self.coalesced = 0  # misses that joined a fetch already in flight
        self.stale_served = 0
        self.evictions = 0
        _ALL_CACHES.add(self)

    # -- configuration -----------------------------------------------------------------------
    @property
    def ttl_ms(self) -> float:
        return self._ttl * 1000.0

    @property
    def enabled(self) -> bool:
        """False when ``ttl_ms == 0``: nothing is stored (single-flight still coalesces)."""
        return self._ttl > 0

    @property
    def max_size(self) -> int:
        return self._max_size

    @property
    def generation(self) -> int:
        """Bumped by every ``invalidate()`` of all keys."""
        return self._generation

    # -- the hot path ---------------------------------------------------------------------------
    def get(self, key: K) -> V | None:
        """The cached value if still fresh, else ``None``. No I/O, no lock, no allocation.

        (Each instance replaces this method with an equivalent closure over its dict's bound
        methods and the clock, which saves about 20 ns per hit: see ``_install_get``.)
        """
        entry = self._data.get(key)
        if entry is not None and entry[1] > self._now():
            entry[3] = True
            value: V = entry[0]
            return value
        return None

    def _install_get(self) -> None:
        """Bind the hot path as a closure: local-variable lookups instead of attribute loads."""
        data_get, now = self._data.get, self._now

        def get(key: K) -> V | None:
            entry = data_get(key)
            if entry is not None and entry[1] > now():
                # Second chance: the next eviction sweep spares it. (Racing a sweep in another
                # thread at worst loses this one mark: the size bound never depends on it.)
                entry[3] = True
                value: V = entry[0]
                return value
            return None

        get.__doc__ = EntitlementCache.get.__doc__
        self.__dict__["get"] = get

    def hit_parts(self) -> tuple[Callable[[K], list[Any] | None], Callable[[], float]]:
        """What :meth:`get` is made of (the entry lookup and the clock), for a hot path that
        inlines it (``_core/cached.py``'s ``key_first`` reads): an entry is the list
        ``[value, expires_at, fetched_at, referenced]``, fresh while ``expires_at > clock()``,
        and a hit must set ``entry[3] = True`` (the eviction sweep's second chance)."""
        return self._data.get, self._now

    # -- the shared second level -----------------------------------------------------------------
    def attach_shared(self, tier: SharedTier[K, V] | None) -> None:
        """Put a shared tier under this cache (``None`` detaches it). Misses then go through
        ``tier.load`` and ``invalidate()`` is also published through the tier."""
        if tier is not None and self._ttl <= 0:
            raise ValueError("a shared cache tier needs ttl_ms > 0")
        self._shared = tier

    @property
    def shared(self) -> SharedTier[K, V] | None:
        return self._shared

    def age(self, key: K) -> float | None:
        """Seconds since the cached value for ``key`` was fetched from the API (by this or,
        through a shared tier, by another process); ``None`` when nothing is cached."""
        entry = self._data.get(key)
        if entry is None:
            return None
        fetched_at: float = entry[2]
        return max(0.0, time.time() - fetched_at)

    # -- writes and invalidation ----------------------------------------------------------------
    def put(self, key: K, value: V) -> None:
        """Store a value now (e.g. from a push event). Ignored when caching is disabled."""
        with self._lock:
            self._store(key, value)

    def invalidate(self, key: K | None = None) -> None:
        """Forget one key (or every key): its value, its last known value, and any fetch in
        flight for it, whose result will not be written back. Synchronous; with a shared tier
        the invalidation is also published to every other process (one Redis round trip)."""
        self.invalidate_local(key)
        if self._shared is not None:
            self._shared.publish_invalidate(key)

    def invalidate_local(self, key: K | None = None) -> None:
        """:meth:`invalidate` in this process only (what a shared tier calls when another
        process published an invalidation). No I/O."""
        with self._lock:
            if key is None:
                self._data.clear()
                self._generation += 1
                for flight in (*self._sync_flights.values(), *self._async_flights.values()):
                    flight.void = True
                self._sync_flights.clear()
                self._async_flights.clear()
                return
            self._data.pop(key, None)
            if key in self._sync_flights:
                self._sync_flights.pop(key).void = True
            for fkey in [fk for fk in self._async_flights if fk[0] == key]:
                self._async_flights.pop(fkey).void = True

    def clear(self) -> None:
        self.invalidate(None)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        """True when a *fresh* value is cached for ``key``."""
        entry = self._data.get(key)  # type: ignore[arg-type]
        return entry is not None and entry[1] > self._now()

    def stats(self) -> dict[str, int]:
        return {"size": len(self._data), "fetches": self.fetches, "coalesced": self.coalesced,
                "stale_served": self.stale_served, "evictions": self.evictions,
                "in_flight": len(self._sync_flights) + len(self._async_flights)}

    def __repr__(self) -> str:
        return (f"EntitlementCache(name={self.name!r}, ttl_ms={self.ttl_ms:g}, max_size={self._max_size}, "
                f"size={len(self._data)}, stale_if_error_ms={self._stale_window * 1000:g})")

    # -- miss path: threads -----------------------------------------------------------------------
    def get_or_fetch(self, key: K, fetch: Callable[[], V]) -> V:
        """The cached value, or the result of ``fetch()``; concurrent misses for one key (in
        any number of threads) call ``fetch`` once and all get its result or its exception."""
        value = self.get(key)
        if value is not None:
            return value
        with self._lock:
            value = self.get(key)  # filled while we waited for the lock
            if value is not None:
                return value
            flight = self._sync_flights.get(key)
            leader = flight is None
            if flight is None:
                flight = _Flight(self._generation)
                flight.future = concurrent.futures.Future()
                self._sync_flights[key] = flight
                self.fetches += 1
            else:
                self.coalesced += 1
            future = flight.future
            assert future is not None
        if not leader:
            result: V = future.result()
            return result
        shared = self._shared
        try:
            if shared is None:
                value, fetched_at, cacheable = fetch(), time.time(), True
            else:
                value, fetched_at, cacheable = shared.load(key, fetch)
        except BaseException as exc:
            stale = self._finish_failed(key, flight, exc, self._sync_flights, key)
            if stale is None:
                future.set_exception(exc)
                raise
            future.set_result(stale)
            return stale
        self._finish_ok(key, flight, value, self._sync_flights, key, fetched_at, cacheable)
        future.set_result(value)
        return value

    # -- miss path: asyncio -----------------------------------------------------------------------
    async def get_or_fetch_async(self, key: K, fetch: Callable[[], Awaitable[V]]) -> V:
        """Async :meth:`get_or_fetch`: concurrent tasks missing one key share one fetch task
        (per event loop). Cancelling a waiting task does not cancel the shared fetch."""
        value = self.get(key)
        if value is not None:
            return value
        import asyncio

        loop = asyncio.get_running_loop()
        fkey = (key, loop)
        with self._lock:
            value = self.get(key)
            if value is not None:
                return value
            flight = self._async_flights.get(fkey)
            if flight is not None:
                self.coalesced += 1
            else:
                flight = _Flight(self._generation)
                self._async_flights[fkey] = flight
                self.fetches += 1
                flight.task = loop.create_task(self._run_async(key, fkey, flight, fetch))
                flight.task.add_done_callback(_retrieve)
            task = flight.task
        assert task is not None
        result: V = await asyncio.shield(task)
        return result

    async def _run_async(self, key: K, fkey: tuple[K, asyncio.AbstractEventLoop], flight: _Flight,
                         fetch: Callable[[], Awaitable[V]]) -> V:
        shared = self._shared
        try:
            if shared is None:
                value, fetched_at, cacheable = await fetch(), time.time(), True
            else:
                value, fetched_at, cacheable = await shared.load_async(key, fetch)
        except BaseException as exc:
            stale = self._finish_failed(key, flight, exc, self._async_flights, fkey)
            if stale is None:
                raise
            return stale
        self._finish_ok(key, flight, value, self._async_flights, fkey, fetched_at, cacheable)
        return value

    # -- shared bookkeeping -------------------------------------------------------------------------
    def _finish_ok(self, key: K, flight: _Flight, value: V, flights: dict[Any, _Flight], fkey: Any,
                   fetched_at: float, cacheable: bool) -> None:
        with self._lock:
            if flights.get(fkey) is flight:
                del flights[fkey]
            if cacheable and not flight.void and flight.generation == self._generation:
                self._store(key, value, fetched_at)

    def _finish_failed(self, key: K, flight: _Flight, exc: BaseException, flights: dict[Any, _Flight],
                       fkey: Any) -> V | None:
        """End a failed flight; the stale value to answer with, or None to raise."""
        with self._lock:
            if flights.get(fkey) is flight:
                del flights[fkey]
            if (self._stale_window <= 0 or not isinstance(exc, self._stale_errors) or flight.void
                    or flight.generation != self._generation):
                return None
            entry = self._data.get(key)
            if entry is None:
                return None
            age = self._now() - entry[1]
            if age > self._stale_window:
                return None
            self.stale_served += 1
        logger.warning(
            "paywire %s cache: serving the last known value for %r (expired %.1fs ago, stale-if-error "
            "window %.0fs) because the API is unreachable: %s: %s",
            self.name, key, max(age, 0.0), self._stale_window, type(exc).__name__, exc,
        )
        value = entry[0]
        return self._mark_stale(value) if self._mark_stale is not None else value

    def _store(self, key: K, value: V, fetched_at: float | None = None) -> None:
        """Write under the lock (a written entry counts as the newest, not yet referenced);
        beyond ``max_size``, evict by the second-chance sweep (:meth:`_evict_one`).

        A value fetched earlier (read from a shared tier) lives only for the rest of its TTL,
        so a value never outlives ``ttl_ms`` from its fetch however many levels it crossed."""
        if self._ttl <= 0:
            return
        wall = time.time()
        age = 0.0 if fetched_at is None else min(max(wall - fetched_at, 0.0), self._ttl)
        data = self._data
        if key in data:
            del data[key]  # rewritten: it becomes the newest entry
        else:
            while len(data) >= self._max_size:  # make room first: the new entry is never the victim
                self._evict_one()
        data[key] = [value, self._now() + self._ttl - age, wall if fetched_at is None else fetched_at, False]

    def _evict_one(self) -> None:
        """CLOCK / second chance, under the lock: from the oldest inserted entry on, a
        referenced entry has its flag cleared and goes to the newest end; the first one not
        referenced is evicted. Ends within one lap: after clearing every flag the oldest goes."""
        data = self._data
        for _ in range(len(data)):
            key, entry = next(iter(data.items()))
            if not entry[3]:
                break
            entry[3] = False
            data.move_to_end(key)
        data.popitem(last=False)
        self.evictions += 1

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._sync_flights = {}
        self._async_flights = {}


def _retrieve(task: asyncio.Task[Any]) -> None:
    """Mark a shared fetch's exception as retrieved (every waiter may have been cancelled)."""
    if not task.cancelled():
        task.exception()


def _reset_after_fork() -> None:
    for cache in list(_ALL_CACHES):
        cache._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)

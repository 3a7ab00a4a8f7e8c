"""The shared entitlement cache: TTL, second-chance eviction, invalidation, single-flight, stale-if-error."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from paywire._core import APIConnectionError, AuthenticationError, InternalServerError
from paywire.entitlements import EntitlementCache
from paywire.entitlements import _cache as cache_module


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make(clock: Clock | None = None, **kwargs: Any) -> EntitlementCache[str, Any]:
    kwargs.setdefault("ttl_ms", 30_000)
    return EntitlementCache(clock=clock or Clock(), **kwargs)


def counter(value: Any = "v") -> tuple[Callable[[], Any], list[int]]:
    calls = [0]

    def fetch() -> Any:
        calls[0] += 1
        return value if not callable(value) else value(calls[0])

    return fetch, calls


# --- TTL, disable, LRU -------------------------------------------------------------------------


def test_ttl_hit_then_expiry() -> None:
    clock = Clock()
    cache = make(clock, ttl_ms=1000)
    fetch, calls = counter(lambda n: f"v{n}")
    assert cache.get("a") is None
    assert cache.get_or_fetch("a", fetch) == "v1"
    assert cache.get("a") == "v1"
    assert "a" in cache and len(cache) == 1
    clock.advance(0.999)
    assert cache.get_or_fetch("a", fetch) == "v1"
    clock.advance(0.002)
    assert cache.get("a") is None and "a" not in cache
    assert cache.get_or_fetch("a", fetch) == "v2"
    assert calls == [2]
    assert cache.stats()["fetches"] == 2


def test_ttl_zero_disables_storage() -> None:
    cache = make(ttl_ms=0)
    fetch, calls = counter()
    assert not cache.enabled
    for _ in range(3):
        assert cache.get_or_fetch("a", fetch) == "v"
    cache.put("a", "x")
    assert calls == [3]
    assert len(cache) == 0 and cache.get("a") is None


def test_eviction_gives_a_hit_entry_a_second_chance() -> None:
    cache = make(max_size=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is referenced: the sweep spares it once
    cache.put("c", 3)  # evicts b, the oldest entry not hit since the sweep last passed it
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)
    assert cache.stats()["evictions"] == 1
    assert len(cache) == 2


HitPath = Callable[[EntitlementCache[str, Any], str], Any]


def _hit_get(cache: EntitlementCache[str, Any], key: str) -> Any:
    return cache.get(key)


def _hit_get_or_fetch(cache: EntitlementCache[str, Any], key: str) -> Any:
    return cache.get_or_fetch(key, lambda: pytest.fail("a hit must not fetch"))


def _hit_get_or_fetch_async(cache: EntitlementCache[str, Any], key: str) -> Any:
    async def fetch() -> Any:
        pytest.fail("a hit must not fetch")

    return asyncio.run(cache.get_or_fetch_async(key, fetch))


def _hit_parts(cache: EntitlementCache[str, Any], key: str) -> Any:
    """What _core/cached.py's compiled key_first hit path does with hit_parts()."""
    entry_of, clock = cache.hit_parts()
    entry = entry_of(key)
    assert entry is not None and entry[1] > clock()
    entry[3] = True
    return entry[0]


HIT_PATHS = [_hit_get, _hit_get_or_fetch, _hit_get_or_fetch_async, _hit_parts]


@pytest.mark.parametrize("hit", HIT_PATHS, ids=lambda f: f.__name__)
def test_every_entry_hit_since_the_last_sweep_survives_the_next_eviction(hit: HitPath) -> None:
    size = 8
    cache = make(max_size=size)
    for i in range(size):
        cache.put(f"k{i}", i)
    # Several rounds, each protecting a different subset: the sweep clears the marks it passes,
    # so what counts is being hit since then, not ever.
    for round_, protected in enumerate(({"k0", "k1", "k5"}, {"k2", "k7"}, {"k3", "k4", "k6"})):
        for key in protected:
            if key in cache:
                assert hit(cache, key) == int(key[1:])
        survivors = {key for key in protected if key in cache}
        cache.put(f"new{round_}", -1)
        assert len(cache) == size
        assert all(key in cache for key in survivors), (round_, survivors)
        assert cache.stats()["evictions"] == round_ + 1


def test_eviction_when_every_entry_was_hit_drops_the_oldest_and_holds_the_bound() -> None:
    cache = make(max_size=4)
    for key in "abcd":
        cache.put(key, key)
    for key in "dcba":
        assert cache.get(key) == key
    cache.put("e", "e")  # every flag cleared in one lap, then the oldest inserted goes
    assert "a" not in cache and all(key in cache for key in "bcde") and len(cache) == 4


def test_size_bound_holds_under_any_mix_of_hits_and_writes() -> None:
    import random

    rng = random.Random(15)
    cache = make(max_size=16)
    for step in range(5000):
        key = f"k{rng.randrange(64)}"
        if rng.random() < 0.6:
            cache.get(key)
        else:
            cache.put(key, step)
        assert len(cache) <= 16
    assert cache.stats()["evictions"] > 0


def test_invalidate_one_and_all() -> None:
    cache = make()
    cache.put("a", 1)
    cache.put("b", 2)
    cache.invalidate("a")
    assert (cache.get("a"), cache.get("b")) == (None, 2)
    generation = cache.generation
    cache.invalidate()
    assert cache.get("b") is None and len(cache) == 0
    assert cache.generation == generation + 1
    cache.invalidate("never-cached")  # no error


def test_constructor_validation_and_repr() -> None:
    with pytest.raises(ValueError, match="ttl_ms"):
        EntitlementCache(-1)
    with pytest.raises(ValueError, match="max_size"):
        EntitlementCache(1, max_size=0)
    with pytest.raises(ValueError, match="stale_if_error_ms"):
        EntitlementCache(1, stale_if_error_ms=-5)
    cache: EntitlementCache[str, int] = EntitlementCache(1500, max_size=7, name="demo")
    assert (cache.ttl_ms, cache.max_size, cache.enabled) == (1500, 7, True)
    assert "demo" in repr(cache) and "ttl_ms=1500" in repr(cache)


# --- errors ----------------------------------------------------------------------------------------


def test_failed_fetch_is_not_cached() -> None:
    cache = make()
    calls = [0]

    def boom() -> str:
        calls[0] += 1
        raise RuntimeError("down")

    with pytest.raises(RuntimeError):
        cache.get_or_fetch("a", boom)
    with pytest.raises(RuntimeError):
        cache.get_or_fetch("a", boom)
    assert calls == [2] and len(cache) == 0
    assert cache.stats()["in_flight"] == 0


# --- single-flight: threads -----------------------------------------------------------------------


def thread_herd(cache: EntitlementCache[str, Any], n: int, answer: Callable[[], str]) -> list[Future[Any]]:
    """``n`` threads call ``get_or_fetch("a")`` at once; the leader's fetch waits until the other
    n-1 joined its flight (or 5 s passed), then gives ``answer()`` (its value or its exception).
    The callers' finished futures."""
    release = threading.Event()

    def fetch() -> str:
        assert release.wait(10)
        return answer()

    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = [pool.submit(cache.get_or_fetch, "a", fetch) for _ in range(n)]
        # every thread is either the leader (blocked in fetch) or waiting on the shared future
        for _ in range(500):
            if cache.stats()["coalesced"] == n - 1:
                break
            threading.Event().wait(0.01)
        release.set()
    return futures  # leaving the pool waited for every caller


def test_fifty_threads_missing_one_key_make_one_fetch() -> None:
    cache = make()
    calls = [0]

    def answer() -> str:
        calls[0] += 1
        return "value"

    futures = thread_herd(cache, 50, answer)
    assert [f.result(timeout=10) for f in futures] == ["value"] * 50
    assert calls == [1]
    assert cache.stats()["fetches"] == 1 and cache.stats()["coalesced"] == 49


def test_thread_waiters_share_the_leaders_exception() -> None:
    cache = make()

    def answer() -> str:
        raise ValueError("api down")

    futures = thread_herd(cache, 10, answer)
    assert all(isinstance(f.exception(timeout=10), ValueError) for f in futures)
    assert cache.stats()["fetches"] == 1


@contextmanager
def fetch_in_flight(cache: EntitlementCache[str, Any], key: str) -> Iterator[Callable[[], Any]]:
    """A thread's ``get_or_fetch(key)`` held inside its fetch; yields ``finish()``, which lets
    that fetch answer "old" and returns what the thread's caller got."""
    started, release = threading.Event(), threading.Event()

    def old_fetch() -> str:
        started.set()
        assert release.wait(10)
        return "old"

    with ThreadPoolExecutor(max_workers=1) as pool:
        leader = pool.submit(cache.get_or_fetch, key, old_fetch)
        assert started.wait(10)

        def finish() -> Any:
            release.set()
            return leader.result(timeout=10)

        try:
            yield finish
        finally:
            release.set()


def test_invalidate_during_thread_fetch_does_not_write_stale_result() -> None:
    cache = make()
    with fetch_in_flight(cache, "a") as finish:
        cache.invalidate("a")  # e.g. a push event said the plan changed
        # a caller arriving after invalidate() does not join the old flight
        assert cache.get_or_fetch("a", lambda: "new") == "new"
        assert finish() == "old"  # the in-flight caller still gets its answer
    assert cache.get("a") == "new"  # ...but it was never written back over the fresh value


def test_invalidate_all_during_thread_fetch_bumps_generation() -> None:
    cache = make()
    with fetch_in_flight(cache, "a") as finish:
        cache.invalidate()
        assert finish() == "old"
    assert cache.get("a") is None


# --- single-flight: asyncio -------------------------------------------------------------------------


async def test_two_hundred_tasks_missing_one_key_make_one_fetch() -> None:
    cache = make()
    release = asyncio.Event()
    calls = [0]

    async def fetch() -> str:
        calls[0] += 1
        await release.wait()
        return "value"

    tasks = [asyncio.create_task(cache.get_or_fetch_async("a", fetch)) for _ in range(200)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(*tasks) == ["value"] * 200
    assert calls == [1]
    assert cache.stats()["coalesced"] == 199
    assert cache.get("a") == "value"


async def test_cancelled_waiter_does_not_cancel_the_shared_fetch() -> None:
    cache = make()
    release = asyncio.Event()

    async def fetch() -> str:
        await release.wait()
        return "value"

    first = asyncio.create_task(cache.get_or_fetch_async("a", fetch))
    second = asyncio.create_task(cache.get_or_fetch_async("a", fetch))
    await asyncio.sleep(0)
    first.cancel()  # the task that started the fetch goes away
    await asyncio.sleep(0)
    release.set()
    assert await second == "value"
    assert first.cancelled()
    assert cache.get("a") == "value"


async def test_invalidate_during_async_fetch_does_not_write_stale_result() -> None:
    cache = make()
    started, release = asyncio.Event(), asyncio.Event()

    async def old_fetch() -> str:
        started.set()
        await release.wait()
        return "old"

    async def new_fetch() -> str:
        return "new"

    leader = asyncio.create_task(cache.get_or_fetch_async("a", old_fetch))
    await started.wait()
    cache.invalidate("a")
    assert await cache.get_or_fetch_async("a", new_fetch) == "new"
    release.set()
    assert await leader == "old"
    assert cache.get("a") == "new"
    assert cache.stats()["fetches"] == 2


async def test_async_waiters_share_exception_and_nothing_is_cached() -> None:
    cache = make()

    async def boom() -> str:
        await asyncio.sleep(0)
        raise ValueError("down")

    results = await asyncio.gather(*(cache.get_or_fetch_async("a", boom) for _ in range(20)),
                                   return_exceptions=True)
    assert all(isinstance(r, ValueError) for r in results)
    assert cache.stats()["fetches"] == 1 and len(cache) == 0


def test_one_cache_used_from_two_event_loops() -> None:
    cache = make(ttl_ms=0)  # every call fetches, in whichever loop it runs

    async def fetch() -> str:
        await asyncio.sleep(0)
        return "v"

    async def use() -> list[str]:
        return list(await asyncio.gather(*(cache.get_or_fetch_async("a", fetch) for _ in range(5))))

    assert asyncio.run(use()) == ["v"] * 5
    assert asyncio.run(use()) == ["v"] * 5
    assert cache.stats()["fetches"] == 2


# --- stale-if-error -----------------------------------------------------------------------------------


def _conn_error() -> APIConnectionError:
    return APIConnectionError("ConnectError: refused", request=httpx.Request("GET", "https://x.test"))


def _status_error(status: int, cls: type[Any]) -> Any:
    request = httpx.Request("GET", "https://x.test")
    return cls("nope", response=httpx.Response(status, request=request))


def test_stale_if_error_serves_last_known_value_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    cache = make(clock, ttl_ms=1000, stale_if_error_ms=60_000, mark_stale=lambda v: f"{v} (stale)")
    cache.put("a", "v1")
    clock.advance(5)  # expired 4 s ago, inside the 60 s window

    def down() -> str:
        raise _conn_error()

    with caplog.at_level(logging.WARNING, logger="paywire.entitlements"):
        assert cache.get_or_fetch("a", down) == "v1 (stale)"
    assert "serving the last known value" in caplog.text and "unreachable" in caplog.text
    assert cache.stats()["stale_served"] == 1
    # 5xx counts as unreachable too
    assert cache.get_or_fetch("a", lambda: (_ for _ in ()).throw(_status_error(503, InternalServerError))) \
        == "v1 (stale)"
    # a real answer (401) is never hidden behind a stale value
    with pytest.raises(AuthenticationError):
        cache.get_or_fetch("a", lambda: (_ for _ in ()).throw(_status_error(401, AuthenticationError)))
    # past the window the error surfaces
    clock.advance(60)
    with pytest.raises(APIConnectionError):
        cache.get_or_fetch("a", down)


async def test_stale_if_error_async_and_invalidate_forgets() -> None:
    clock = Clock()
    cache = make(clock, ttl_ms=1000, stale_if_error_ms=10_000)
    cache.put("a", "v1")
    clock.advance(2)

    async def down() -> str:
        raise _conn_error()

    assert await cache.get_or_fetch_async("a", down) == "v1"
    cache.invalidate("a")  # invalidated values are never served stale
    with pytest.raises(APIConnectionError):
        await cache.get_or_fetch_async("a", down)


def test_stale_if_error_off_by_default() -> None:
    clock = Clock()
    cache = make(clock, ttl_ms=1000)
    cache.put("a", "v1")
    clock.advance(2)
    with pytest.raises(APIConnectionError):
        cache.get_or_fetch("a", lambda: (_ for _ in ()).throw(_conn_error()))


def test_after_fork_resets_locks_and_flights() -> None:
    cache = make()
    cache.put("a", 1)
    old_lock = cache._lock
    cache._sync_flights["b"] = cache_module._Flight(0)
    cache_module._reset_after_fork()
    assert cache._lock is not old_lock
    assert cache.stats()["in_flight"] == 0
    assert cache.get("a") == 1  # values survive: still valid for their TTL

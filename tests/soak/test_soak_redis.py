"""Issue #17 figures for the Redis entitlement tier (``nox -s soak``; printed, and asserted).

Real redis-server, the real sandbox over HTTP, real OS processes (``redis_worker.py``):

- 8 processes, 1,000 customers, cold: API entitlement requests = 1,000 (not 8,000); warm
  ``can()`` hits at in-process speed (same figure with and without the tier); a Redis hit
  <= 1 ms p50 on loopback.
- an ``invalidate()`` or a verified push reaches every process in <= 200 ms p99.
- Redis stopped for 10 s mid-run: 0 failed ``can()`` calls (memory and the API answer).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import timeit
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from redis_support import redis_server, redis_url, run_workers

from paywire.entitlements.redis_tier import RedisTier
from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT
from paywire.vellum import VellumClient

__all__ = ["redis_server", "redis_url"]
pytestmark = pytest.mark.soak

PROCESSES = 8
CUSTOMERS = 1_000


def _base(sandbox: Any) -> dict[str, Any]:
    return {"api_key": DEFAULT_API_KEY, "tenant": DEFAULT_TENANT, "base_url": sandbox.base_url("vellum-v2")}


def _reads(sandbox: Any) -> int:
    return sum(1 for r in sandbox.requests if r["op"] == "get_entitlements")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _client(sandbox: Any, tier: RedisTier | None) -> VellumClient:
    return VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, base_url=sandbox.base_url("vellum-v2"),
                        allow_insecure_http=True, cache_ttl_ms=600_000, shared_cache=tier)


def test_soak_cold_start_eight_processes(paywire_sandbox: Any, redis_url: str) -> None:
    customers = [f"unit_{i}" for i in range(CUSTOMERS)]
    before = _reads(paywire_sandbox)
    start = time.perf_counter()
    results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "cold", "customers": customers,
                                       "ttl_ms": 600_000, "warm_calls": 10_000, "redis_samples": 0}] * PROCESSES,
                          timeout=600)
    wall = time.perf_counter() - start
    api = _reads(paywire_sandbox) - before
    failures = sum(int(r["failures"]) for r in results)
    print(f"\n[redis soak] cold: {PROCESSES} processes x {CUSTOMERS} customers: API entitlement requests "
          f"{api} (without the tier: {PROCESSES * CUSTOMERS}); failures {failures}; wall {wall:.1f}s "
          f"(incl. process start); per-process redis hits "
          f"{[r['stats']['redis_hits'] for r in results]}, API fetches {[r['stats']['api_fetches'] for r in results]}")
    assert failures == 0
    assert api == CUSTOMERS

    # Warm hits and Redis hits, measured alone (8 busy processes on 2 cores would measure the box).
    tier = RedisTier(redis_url)
    with_tier, without = _client(paywire_sandbox, tier), _client(paywire_sandbox, None)
    redis_us: list[float] = []
    for customer in customers:
        t0 = time.perf_counter()
        with_tier.can(customer, "imports")  # not in this process's memory yet: one Redis read
        redis_us.append((time.perf_counter() - t0) * 1e6)
    assert tier.stats.redis_hits == CUSTOMERS and tier.stats.api_fetches == 0
    for customer in customers:  # same cache size and contents on both sides, no I/O
        without.entitlement_cache.put(customer, with_tier.get_entitlements(customer))
    n = 1_000_000
    # Interleaved rounds, best of each: on a shared box the load changes between two blocks.
    tier_runs: list[float] = []
    plain_runs: list[float] = []
    for _ in range(7):
        tier_runs.append(timeit.timeit("can('unit_1', 'imports')", number=n, globals={"can": with_tier.can}))
        plain_runs.append(timeit.timeit("can('unit_1', 'imports')", number=n, globals={"can": without.can}))
    hit_tier, hit_plain = min(tier_runs) / n * 1e9, min(plain_runs) / n * 1e9
    print(f"[redis soak] Redis hit (miss in memory, value in Redis), {CUSTOMERS} customers: "
          f"p50 {statistics.median(redis_us):.0f} us, p99 {_pct(redis_us, 0.99):.0f} us, max {max(redis_us):.0f} us")
    print(f"[redis soak] warm can() hit: {hit_tier:.0f} ns with the Redis tier, {hit_plain:.0f} ns without "
          f"(best of 7 interleaved x {n:,})")
    assert statistics.median(redis_us) <= 1000
    assert hit_tier < hit_plain * 1.5  # the same code path: the tier is not on it
    with_tier.close()
    without.close()
    tier.close()


def test_soak_invalidation_reaches_every_process(paywire_sandbox: Any, redis_url: str) -> None:
    from paywire.entitlements.relay import handle_vellum_push
    from paywire.vellum.push import sign_push_payload

    customers = [f"unit_{i}" for i in range(200)]
    tier = RedisTier(redis_url)
    me = _client(paywire_sandbox, tier)
    sent: dict[str, float] = {}

    def invalidate_all_of_them() -> None:
        time.sleep(0.5)
        for i, customer in enumerate(customers):
            sent[customer] = time.time()
            if i % 2:  # half by invalidate(), half by a verified push
                me.invalidate(customer)
            else:
                body = json.dumps({"type": "subscription.updated", "data": {"customerId": customer}}).encode()
                handle_vellum_push(me, body, sign_push_payload(body, "whsec_soak"), "whsec_soak")
            time.sleep(0.005)

    results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "listen", "customers": customers,
                                       "duration": 60}] * PROCESSES, during=invalidate_all_of_them, timeout=600)
    latencies_ms = [(r["received"][c] - sent[c]) * 1000 for r in results for c in customers]
    print(f"\n[redis soak] invalidation reach: {len(customers)} invalidations (half verified pushes) x "
          f"{PROCESSES} processes = {len(latencies_ms)} deliveries: p50 {statistics.median(latencies_ms):.2f} ms, "
          f"p99 {_pct(latencies_ms, 0.99):.2f} ms, max {max(latencies_ms):.2f} ms; "
          f"left cached {sum(r['still_cached'] for r in results)}")
    assert len(latencies_ms) == PROCESSES * len(customers)
    assert all(r["still_cached"] == 0 for r in results)
    assert _pct(latencies_ms, 0.99) <= 200
    me.close()
    tier.close()


def test_soak_redis_down_ten_seconds(paywire_sandbox: Any, redis_url: str, redis_server: Any) -> None:
    customers = [f"unit_{i}" for i in range(300)]
    outage = {"stopped": 0.0, "started": 0.0}

    def take_redis_away() -> None:
        time.sleep(3)
        outage["stopped"] = time.monotonic()
        redis_server.stop()
        time.sleep(10)
        redis_server.start()
        outage["started"] = time.monotonic()

    before = _reads(paywire_sandbox)
    results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "outage", "customers": customers,
                                       "ttl_ms": 1_000, "duration": 20}] * PROCESSES,
                          during=take_redis_away, timeout=600)
    calls = sum(int(r["calls"]) for r in results)
    failures = sum(int(r["failures"]) for r in results)
    fallbacks = sum(int(r["stats"]["fallbacks"]) for r in results)
    hits = sum(int(r["stats"]["redis_hits"]) for r in results)
    print(f"\n[redis soak] Redis stopped {outage['started'] - outage['stopped']:.1f}s during a 20 s run of "
          f"{PROCESSES} processes: can() calls {calls:,}, failed {failures}, misses answered by the API while "
          f"Redis was down {fallbacks:,}, Redis hits {hits:,}, Redis-tier misses in the last 4 s (after recovery) per process "
          f"{[r['late_redis_ops'] for r in results]}, API entitlement requests "
          f"{_reads(paywire_sandbox) - before:,}; errors {[r['errors'] for r in results if r['errors']]}")
    assert failures == 0
    assert fallbacks > 0  # Redis really was away
    assert all(r["late_redis_ops"] > 0 for r in results)  # and every process used it again after

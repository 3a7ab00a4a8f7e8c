"""One app process for the multi-process Redis-tier tests and soak figures (run as a script).

``python redis_worker.py '<json config>'``; prints one JSON line of results. Modes:

- ``cold``: miss every customer once (in a per-worker order), then time warm ``can()`` hits
  and Redis hits (local entry dropped, value still in Redis).
- ``listen``: fill the cache, record when each published invalidation reached this process.
- ``outage``: call ``can()`` for ``duration`` seconds with a short TTL (so misses keep coming)
  while the test stops and restarts Redis; count failures.
- ``reader``: ``read_only`` tier next to a relay; read every customer, report tier stats.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from typing import Any


def _client(cfg: dict[str, Any], **tier_kwargs: Any) -> Any:
    from paywire.entitlements.redis_tier import RedisTier
    from paywire.vellum import VellumClient

    tier = RedisTier(cfg["redis"], namespace=cfg.get("ns", "paywire"), **tier_kwargs)
    return VellumClient(api_key=cfg["api_key"], tenant_id=cfg["tenant"], base_url=cfg["base_url"],
                        api_version=cfg.get("version", "v2"), allow_insecure_http=True,
                        cache_ttl_ms=cfg.get("ttl_ms", 60_000), shared_cache=tier)


def _barrier(client: Any, cfg: dict[str, Any]) -> None:
    """Everyone starts together: report ready, wait for the test's go."""
    r = client.shared_binding.tier.client
    r.set(f"test:ready:{cfg['idx']}", "1")
    while not r.exists("test:go"):
        time.sleep(0.002)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def cold(cfg: dict[str, Any]) -> dict[str, Any]:
    client = _client(cfg)
    tier = client.shared_binding.tier
    tier.wait_subscribed()
    customers = list(cfg["customers"])
    random.Random(cfg["idx"]).shuffle(customers)
    _barrier(client, cfg)
    start = time.perf_counter()
    failures = 0
    for customer in customers:
        try:
            client.can(customer, "imports")
        except Exception:
            failures += 1
    cold_s = time.perf_counter() - start
    # warm: in-process hits (the same loop the README's can() figure uses)
    can, first = client.can, customers[0]
    n = int(cfg.get("warm_calls", 200_000))
    t0 = time.perf_counter()
    for _ in range(n):
        can(first, "imports")
    warm_ns = (time.perf_counter() - t0) / n * 1e9
    # Redis hits: drop the local entry only, the value is still in Redis
    redis_us: list[float] = []
    cache = client.entitlement_cache
    for customer in customers[: cfg.get("redis_samples", 300)]:
        cache.invalidate_local(customer)
        t0 = time.perf_counter()
        client.can(customer, "imports")
        redis_us.append((time.perf_counter() - t0) * 1e6)
    stats = tier.stats.as_dict()
    client.close()
    tier.close()
    return {"failures": failures, "cold_s": cold_s, "warm_can_ns": warm_ns,
            "redis_hit_us_p50": statistics.median(redis_us) if redis_us else 0.0, "redis_hit_us_p99": _percentile(redis_us, 0.99),
            "stats": stats}


def listen(cfg: dict[str, Any]) -> dict[str, Any]:
    client = _client(cfg)
    binding = client.shared_binding
    binding.tier.wait_subscribed()
    for customer in cfg["customers"]:
        client.get_entitlements(customer)
    received: dict[str, float] = {}
    original = binding.apply_invalidation

    def record(k: str | None) -> None:
        original(k)
        received[k or "*"] = time.time()

    binding.apply_invalidation = record
    _barrier(client, cfg)
    deadline = time.monotonic() + cfg["duration"]
    while time.monotonic() < deadline and len(received) < len(cfg["customers"]):
        time.sleep(0.01)
    still_cached = sum(1 for c in cfg["customers"] if c in client.entitlement_cache)
    client.close()
    binding.tier.close()
    return {"received": received, "still_cached": still_cached}


def outage(cfg: dict[str, Any]) -> dict[str, Any]:
    client = _client(cfg, retry_after_s=0.5, socket_timeout_s=0.2)
    tier = client.shared_binding.tier
    tier.wait_subscribed()
    _barrier(client, cfg)
    calls = failures = 0
    errors: list[str] = []
    deadline = time.monotonic() + cfg["duration"]
    late = deadline - 4  # Redis is back by then: count misses that went through it again
    late_base: int | None = None
    customers = cfg["customers"]
    i = cfg["idx"]
    while time.monotonic() < deadline:
        if late_base is None and time.monotonic() >= late:
            late_base = tier.stats.redis_hits + tier.stats.api_fetches
        customer = customers[i % len(customers)]
        i += 1
        try:
            client.can(customer, "imports")
        except Exception as exc:  # any failure is what the figure counts
            failures += 1
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
        calls += 1
        if calls % 50 == 0:
            time.sleep(0.001)
    stats = tier.stats.as_dict()
    late_ops = tier.stats.redis_hits + tier.stats.api_fetches - (late_base or 0)
    client.close()
    tier.close()
    return {"calls": calls, "failures": failures, "errors": errors[:5], "stats": stats, "late_redis_ops": late_ops}


def reader(cfg: dict[str, Any]) -> dict[str, Any]:
    client = _client(cfg, read_only=True)
    tier = client.shared_binding.tier
    tier.wait_subscribed()
    _barrier(client, cfg)
    found = sum(1 for c in cfg["customers"] if client.get_entitlements(c).found)
    stats = tier.stats.as_dict()
    client.close()
    tier.close()
    return {"found": found, "stats": stats}


if __name__ == "__main__":
    config = json.loads(sys.argv[1])
    result = {"cold": cold, "listen": listen, "outage": outage, "reader": reader}[config["mode"]](config)
    print(json.dumps(result), flush=True)

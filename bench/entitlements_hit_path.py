"""Measure the entitlement hit path: ``python bench/entitlements_hit_path.py``.

Prints nanoseconds per call (best of 5 runs) for a bare dict lookup, ``EntitlementCache.get``,
a cached ``VellumClient.can`` (sync and async), and vellumcharter 0.1.0's cached ``can`` when
that package is installed (``pip install vellumcharter==0.1.0``, part of the ``bench`` extra).
No network: clients are pointed at a mock transport and warmed once.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import time
import timeit
from typing import Any

import httpx

ENTITLEMENTS = {"status": "active", "modules": ["imports", "exports"], "config": {}, "hasAccess": True}


def _ns(stmt: str, number: int, **names: Any) -> float:
    """Best of 5 runs of a statement (a string, so no lambda call is measured), in ns per call."""
    return min(timeit.repeat(stmt, number=number, repeat=5, globals=names)) / number * 1e9


def _transport() -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, json=ENTITLEMENTS))


def main(number: int = 1_000_000) -> dict[str, float]:
    from paywire.entitlements import EntitlementCache
    from paywire.vellum import AsyncVellumClient, VellumClient

    results: dict[str, float] = {}
    plain = {f"unit_{i}": i for i in range(1000)}
    results["bare dict.get hit"] = _ns("get('unit_5')", number, get=plain.get)

    cache: EntitlementCache[str, int] = EntitlementCache(60_000)
    for key, value in plain.items():
        cache.put(key, value)
    results["EntitlementCache.get hit"] = _ns("get('unit_5')", number, get=cache.get)

    client = VellumClient(api_key="vlm_bench.secret", tenant_id="bench", cache_ttl_ms=60_000,
                          transport=_transport())
    assert client.can("unit_1", "imports")
    results["VellumClient.can hit (sync)"] = _ns("can('unit_1', 'imports')", number, can=client.can)
    client.close()

    async def run_async() -> float:
        aclient = AsyncVellumClient(api_key="vlm_bench.secret", tenant_id="bench", cache_ttl_ms=60_000,
                                    transport=_transport())
        assert await aclient.can("unit_1", "imports")
        acan = aclient.can
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(number):
                await acan("unit_1", "imports")
            best = min(best, time.perf_counter() - start)
        await aclient.aclose()
        return best / number * 1e9

    results["AsyncVellumClient.can hit (awaited)"] = asyncio.run(run_async())

    try:
        vellumcharter = importlib.import_module("vellumcharter")
    except ImportError:
        pass
    else:
        HttpResponse = vellumcharter.HttpResponse

        def seed_transport(method: str, url: str, headers: dict[str, str], body: str | None) -> Any:
            return HttpResponse(200, {}, json.dumps(ENTITLEMENTS))

        seed = vellumcharter.VellumClient(api_key="vlm_bench.secret", tenant_id="bench", cache_ttl_ms=60_000,
                                          transport=seed_transport)
        assert seed.can("unit_1", "imports")
        results["vellumcharter 0.1.0 can hit"] = _ns("can('unit_1', 'imports')", number, can=seed.can)
    return results


if __name__ == "__main__":
    for name, ns in main().items():
        print(f"{name:40s} {ns:8.1f} ns")

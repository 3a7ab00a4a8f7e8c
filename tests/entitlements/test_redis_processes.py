"""The Redis tier's claims with real OS processes, the real sandbox over HTTP and a real
redis-server (#17 builds 1, 2, 3): one API fetch per customer across processes, invalidation
reaching every process, and read-only app processes next to one relay."""

from __future__ import annotations

import time
from typing import Any

from redis_support import run_workers

from paywire.entitlements.redis_tier import RedisTier
from paywire.entitlements.relay import Relay
from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT
from paywire.vellum import VellumClient

PROCESSES = 3  # the soak runs 8; 3 real processes prove the claims in the default suite


def _base(sandbox: Any) -> dict[str, Any]:
    return {"api_key": DEFAULT_API_KEY, "tenant": DEFAULT_TENANT, "base_url": sandbox.base_url("vellum-v2")}


def _reads(sandbox: Any) -> int:
    return sum(1 for r in sandbox.requests if r["op"] == "get_entitlements")


def _provision(sandbox: Any, customers: list[str]) -> None:
    client = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                          base_url=sandbox.base_url("vellum-v2"))
    client.create_account(account_id="acct_1", email="billing@acme.example")
    for customer in customers:
        client.create_customer(account_id="acct_1", customer_id=customer, email=f"{customer}@acme.example")
    client.close()


def test_cold_processes_fetch_each_customer_once(paywire_sandbox: Any, redis_url: str) -> None:
    customers = [f"unit_{i}" for i in range(40)]
    _provision(paywire_sandbox, customers[:15])  # the other 25 have no record: 404s, cached too
    before = _reads(paywire_sandbox)
    results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "cold", "customers": customers,
                                       "redis_samples": 20, "warm_calls": 1000}] * PROCESSES)
    assert [r["failures"] for r in results] == [0] * PROCESSES
    assert _reads(paywire_sandbox) - before == len(customers)  # not 4 x 60
    assert sum(r["stats"]["api_fetches"] for r in results) == len(customers)
    assert sum(r["stats"]["redis_hits"] for r in results) >= (PROCESSES - 1) * len(customers)


def test_invalidation_reaches_every_process(paywire_sandbox: Any, redis_url: str) -> None:
    customers = [f"unit_{i}" for i in range(10)]
    sent: dict[str, float] = {}
    tier = RedisTier(redis_url)
    me = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                      base_url=paywire_sandbox.base_url("vellum-v2"), shared_cache=tier)

    def invalidate_each() -> None:
        time.sleep(0.2)
        for customer in customers:
            sent[customer] = time.time()
            me.invalidate(customer)
            time.sleep(0.01)

    results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "listen", "customers": customers,
                                       "duration": 5}] * PROCESSES, during=invalidate_each)
    latencies = [r["received"][c] - sent[c] for r in results for c in customers]
    assert len(latencies) == PROCESSES * len(customers)
    assert all(r["still_cached"] == 0 for r in results)
    # the <= 200 ms p99 figure is the soak's (8 processes, 1,600 deliveries); here, on a shared
    # 2-core box, a generous bound that no "never arrives" or polling design would meet
    assert sorted(latencies)[len(latencies) // 2] < 0.2 and max(latencies) < 1.0
    me.close()
    tier.close()


def test_read_only_processes_next_to_a_relay_never_call_the_api(paywire_sandbox: Any, redis_url: str) -> None:
    customers = [f"unit_{i}" for i in range(30)]
    _provision(paywire_sandbox, customers[:10])
    tier = RedisTier(redis_url)
    source = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                          base_url=paywire_sandbox.base_url("vellum-v2"), shared_cache=tier)
    relay = Relay(tier, refresh_s=30)
    relay.add(source, customers[:25])  # the last 5 are adopted on demand (fill requests)
    before = _reads(paywire_sandbox)
    relay.start()
    try:
        results = run_workers(redis_url, [{**_base(paywire_sandbox), "mode": "reader",
                                           "customers": customers}] * PROCESSES)
    finally:
        relay.stop()
    assert [r["found"] for r in results] == [10] * PROCESSES
    assert [r["stats"]["api_fetches"] + r["stats"]["fallbacks"] for r in results] == [0] * PROCESSES
    # Every API read is the relay's (the readers' own counters above are 0). Two readers asking
    # the relay to fill the same on-demand customer at once may (rarely, under load) cost the
    # relay a second fetch of it: at most one per extra reader.
    assert len(customers) <= _reads(paywire_sandbox) - before <= len(customers) + PROCESSES - 1
    assert relay.owned() == {source.shared_binding.scope: len(customers)}
    source.close()
    tier.close()

"""The Redis second level (#17 builds 1, 2, 5) against a real redis-server and the real sandbox.

Each ``RedisTier`` is what one process has: its own connection pool, listener and origin id.
Two clients on two tiers are two "processes" for the protocol; ``test_redis_processes.py``
repeats the central claims with real OS processes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import redis

from paywire.entitlements.redis_tier import RedisTier
from paywire.lumen import AsyncLumenClient, LumenClient, LumenConfigurationError
from paywire.sandbox.lumen import DEFAULT_API_KEY as LUMEN_KEY
from paywire.sandbox.lumen import PRO_PLAN_ID
from paywire.sandbox.vellum import DEFAULT_API_KEY as VELLUM_KEY
from paywire.sandbox.vellum import DEFAULT_TENANT
from paywire.vellum import AsyncVellumClient, VellumClient, VellumConfigError

VERSIONS = ["v1", "v2"]


@pytest.fixture
def tiers(redis_url: str) -> Iterator[Callable[..., RedisTier]]:
    made: list[RedisTier] = []

    def make(**kwargs: Any) -> RedisTier:
        tier = RedisTier(redis_url, **kwargs)
        made.append(tier)
        return tier

    yield make
    for tier in made:
        tier.close()


@pytest.fixture
def vellum(paywire_sandbox: Any, tiers: Callable[..., RedisTier]) -> Iterator[Callable[..., Any]]:
    """``vellum(version, tier=None, flavour="sync")``: a client over HTTP on the sandbox."""
    made: list[Any] = []

    def make(version: str, tier: RedisTier | None = None, flavour: str = "sync", **kwargs: Any) -> Any:
        cls = VellumClient if flavour == "sync" else AsyncVellumClient
        client = cls(api_key=VELLUM_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                     base_url=paywire_sandbox.base_url(f"vellum-{version}"), api_version=version,
                     shared_cache=tier if tier is not None else tiers(), **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        if isinstance(client, VellumClient):
            client.close()


def reads(sandbox: Any, op: str = "get_entitlements") -> int:
    return sum(1 for r in sandbox.requests if r["op"] == op)


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> float:
    """Seconds until ``predicate()`` held (fails the test after ``timeout``)."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            pytest.fail(f"condition not reached within {timeout}s")
        time.sleep(0.001)
    return time.monotonic() - start


def provision(client: VellumClient, *customers: str) -> None:
    client.create_account(account_id="acct_1", email="billing@acme.example")
    for customer in customers:
        client.create_customer(account_id="acct_1", customer_id=customer, email=f"{customer}@acme.example")


# --- build 1: two levels, one fetch per key across processes ---------------------------------------
@pytest.mark.parametrize("version", VERSIONS)
def test_vellum_second_process_reads_redis_not_the_api(vellum: Any, paywire_sandbox: Any, version: str) -> None:
    a, b = vellum(version), vellum(version)
    provision(a, "unit_1", "unit_2")
    for customer in ("unit_1", "unit_2", "nobody"):
        assert a.get_entitlements(customer).found is (customer != "nobody")
    before = reads(paywire_sandbox)
    for customer in ("unit_1", "unit_2", "nobody"):
        ent = b.get_entitlements(customer)
        assert ent.found is (customer != "nobody") and ent.data == a.get_entitlements(customer).data
        assert b.can(customer, "imports") is False
    assert reads(paywire_sandbox) == before  # all three came from Redis
    stats = b.shared_binding.tier.stats
    assert stats.redis_hits == 3 and stats.api_fetches == 0
    assert b.entitlement_cache.stats()["size"] == 3  # and now they are in b's memory


def test_lumen_second_process_reads_redis_not_the_api(paywire_sandbox: Any, tiers: Callable[..., RedisTier]) -> None:
    url = paywire_sandbox.base_url("lumen") + "/v1"
    paywire_sandbox.state("lumen").subscribe("ada", PRO_PLAN_ID)
    a = LumenClient(api_key=LUMEN_KEY, api_url=url, allow_insecure_http=True, shared_cache=tiers())
    b = LumenClient(api_key=LUMEN_KEY, api_url=url, allow_insecure_http=True, shared_cache=tiers())
    features = a.get_features(user_id="ada")
    assert features["premium-feature"] is True
    before = reads(paywire_sandbox)
    assert b.get_features(user_id="ada") == features
    assert b.is_feature_entitled("premium-feature", user_id="ada") is True
    assert reads(paywire_sandbox) == before
    # another account's key is another scope: no value leaks between Lumen accounts
    assert a.shared_binding is not None and "lumen_sk" not in a.shared_binding.scope
    a.close()
    b.close()


def test_concurrent_misses_in_many_processes_make_one_request(vellum: Any, paywire_sandbox: Any) -> None:
    """Six "processes" x 8 threads miss one key while the API is slow: one request in total."""
    from concurrent.futures import ThreadPoolExecutor

    clients = [vellum("v2") for _ in range(6)]
    provision(clients[0], "unit_1")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=300)
    before = reads(paywire_sandbox)
    with ThreadPoolExecutor(48) as pool:
        found = list(pool.map(lambda i: clients[i % 6].get_entitlements("unit_1").found, range(48)))
    assert found == [True] * 48
    assert reads(paywire_sandbox) - before == 1
    waits = sum(c.shared_binding.tier.stats.waits for c in clients)
    assert waits >= 1  # other processes waited on the leader's lock instead of calling the API


async def test_async_clients_share_through_redis(vellum: Any, paywire_sandbox: Any) -> None:
    a, b = vellum("v2", flavour="async"), vellum("v2", flavour="async")
    sync = vellum("v2")
    provision(sync, "unit_1")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=200)
    before = reads(paywire_sandbox)
    results = await asyncio.gather(*(c.get_entitlements("unit_1") for c in (a, b) for _ in range(10)))
    assert all(r.found for r in results)
    assert reads(paywire_sandbox) - before == 1
    a.invalidate("unit_1")
    await asyncio.sleep(0)
    wait_until(lambda: "unit_1" not in b.entitlement_cache)
    await a.aclose()
    await b.aclose()
    for c in (a, b):
        await c.shared_binding.tier.aclose()
        assert not c.shared_binding.tier._aio


def test_entries_carry_their_fetch_time(vellum: Any) -> None:
    a, b = vellum("v2"), vellum("v2")
    a.get_entitlements("unit_9")
    time.sleep(0.25)
    b.get_entitlements("unit_9")  # read from Redis: as old as a's fetch, not "just now"
    age_b = b.entitlement_cache.age("unit_9")
    assert age_b is not None and 0.25 <= age_b < 2
    assert b.entitlement_cache.age("unknown") is None


def test_a_value_never_outlives_its_ttl_across_levels(vellum: Any, paywire_sandbox: Any) -> None:
    a, b = vellum("v2", cache_ttl_ms=600), vellum("v2", cache_ttl_ms=600)
    a.get_entitlements("unit_9")
    time.sleep(0.4)
    b.get_entitlements("unit_9")  # 0.4 s old: b keeps it for the remaining ~0.2 s only
    time.sleep(0.3)
    assert "unit_9" not in b.entitlement_cache


# --- the lock -------------------------------------------------------------------------------------
def test_only_the_owner_releases_the_lock(redis_url: str, tiers: Callable[..., RedisTier], vellum: Any) -> None:
    tier = tiers()
    binding = vellum("v2", tier).shared_binding
    keys = binding._keys("unit_1")
    _, g, _, got, _ = tier._read(keys=keys, args=binding._read_args("unit_1", "owner-token", True))
    assert got == 1
    lock = f"{binding.prefix}:lk:{g}:unit_1"
    _, _, _, again, _ = tier._read(keys=keys, args=binding._read_args("unit_1", "thief", True))
    assert again == 0  # held
    assert tier._release(keys=[lock], args=["thief"]) == 0
    assert tier.client.get(lock) == "owner-token"
    assert tier._release(keys=[lock], args=["owner-token"]) == 1
    assert tier.client.get(lock) is None


def test_a_crashed_leader_blocks_others_only_until_its_lock_expires(vellum: Any, tiers: Callable[..., RedisTier],
                                                                    paywire_sandbox: Any) -> None:
    tier = tiers(lock_ttl_ms=300)
    binding = vellum("v2", tier).shared_binding
    keys = binding._keys("unit_1")
    tier._read(keys=keys, args=binding._read_args("unit_1", "dead-leader", True))  # and never writes
    b = vellum("v2", tiers(lock_ttl_ms=300))
    start = time.monotonic()
    assert b.get_entitlements("unit_1").found is False
    assert 0.25 <= time.monotonic() - start < 5


# --- build 2: invalidation everywhere ----------------------------------------------------------------
@pytest.mark.parametrize("version", VERSIONS)
def test_invalidate_reaches_every_process(vellum: Any, version: str) -> None:
    clients = [vellum(version) for _ in range(4)]
    for c in clients:
        c.shared_binding.tier.wait_subscribed()
        c.get_entitlements("unit_1")
        c.get_entitlements("unit_2")
    clients[0].invalidate("unit_1")
    took = wait_until(lambda: all("unit_1" not in c.entitlement_cache for c in clients))
    assert took < 1.0  # the <= 200 ms p99 figure is measured by tests/soak/test_soak_redis.py
    assert all("unit_2" in c.entitlement_cache for c in clients)
    clients[1].invalidate()  # everyone, everywhere
    wait_until(lambda: all(len(c.entitlement_cache) == 0 for c in clients))


def test_invalidate_reaches_a_second_client_of_the_same_process(vellum: Any, tiers: Callable[..., RedisTier]) -> None:
    tier = tiers()
    a, b = vellum("v2", tier), vellum("v2", tier)
    a.get_entitlements("unit_1")
    b.get_entitlements("unit_1")
    a.invalidate("unit_1")
    assert "unit_1" not in b.entitlement_cache  # same tier: done before invalidate() returned


@pytest.mark.parametrize("scope", ["one key", "all keys"])
def test_an_inflight_fetch_never_overwrites_a_newer_invalidation(vellum: Any, paywire_sandbox: Any,
                                                                 scope: str) -> None:
    """Process A's fetch is in flight when process B invalidates: A's (older) answer must not
    land in Redis nor in A's memory, and the next reader anywhere asks the API again."""
    import threading

    a, b = vellum("v2"), vellum("v2")
    provision(b, "unit_1")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=400)
    done = threading.Event()
    threading.Thread(target=lambda: (a.get_entitlements("unit_1"), done.set()), daemon=True).start()
    wait_until(lambda: reads(paywire_sandbox) == 1)
    b.invalidate("unit_1" if scope == "one key" else None)
    assert done.wait(5)
    assert a.shared_binding.tier.stats.superseded == 1
    assert "unit_1" not in a.entitlement_cache
    binding = b.shared_binding
    stored, *_ = binding.tier._read(keys=binding._keys("unit_1"), args=binding._read_args("unit_1", "", False))
    assert stored == ""
    b.get_entitlements("unit_1")
    assert reads(paywire_sandbox) == 2  # b could not have used a's stale answer


def test_a_reader_after_invalidate_does_not_wait_for_the_old_fetch(vellum: Any, paywire_sandbox: Any) -> None:
    import threading

    a, b = vellum("v2"), vellum("v2")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=2500, times=1)
    slow = threading.Thread(target=lambda: a.get_entitlements("unit_1"), daemon=True)
    slow.start()
    wait_until(lambda: reads(paywire_sandbox) == 1)
    b.invalidate("unit_1")
    start = time.monotonic()
    b.get_entitlements("unit_1")
    assert time.monotonic() - start < 2.0  # its own fetch, not the 2.5 s one that began earlier
    slow.join(5)


def test_a_verified_push_invalidates_every_process(vellum: Any, paywire_sandbox: Any) -> None:
    from paywire.entitlements.relay import handle_vellum_push
    from paywire.vellum.errors import VellumSignatureError
    from paywire.vellum.push import sign_push_payload

    receiver, app = vellum("v2"), vellum("v2")
    for c in (receiver, app):
        c.shared_binding.tier.wait_subscribed()
        c.get_entitlements("unit_1")
        c.get_entitlements("unit_2")
    body = b'{"eventId":"evt_1","type":"subscription.updated","data":{"customerId":"unit_1"}}'
    with pytest.raises(VellumSignatureError):
        handle_vellum_push(receiver, body, sign_push_payload(body, "other-secret"), "whsec_1")
    time.sleep(0.05)
    assert "unit_1" in app.entitlement_cache  # an unverified push invalidates nothing
    event = handle_vellum_push(receiver, body, sign_push_payload(body, "whsec_1"), "whsec_1")
    assert event["type"] == "subscription.updated"
    wait_until(lambda: "unit_1" not in app.entitlement_cache, timeout=1.0)
    assert "unit_2" in app.entitlement_cache
    account_only = b'{"eventId":"evt_2","type":"payment.failed","data":{"accountId":"acct_1"}}'
    handle_vellum_push(receiver, account_only, sign_push_payload(account_only, "whsec_1"), "whsec_1")
    wait_until(lambda: len(app.entitlement_cache) == 0, timeout=1.0)


def test_sandbox_push_delivery_drives_invalidation(vellum: Any, paywire_sandbox: Any) -> None:
    """The sandbox delivers its real signed pushes to a receiver that invalidates everywhere."""
    import http.server
    import threading

    from paywire.entitlements.relay import handle_vellum_push

    receiver, app = vellum("v2"), vellum("v2")
    app.shared_binding.tier.wait_subscribed()
    provision(receiver, "unit_1")
    app.get_entitlements("unit_1")
    secret = "whsec_sandbox"

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            handle_vellum_push(receiver, body, self.headers["X-Vellum-Signature"], secret, tolerance_s=0)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        st = paywire_sandbox.state("vellum")
        st.configure_push(f"http://127.0.0.1:{server.server_port}/hook", secret)
        st.emit(st.tenant(), "subscription.updated", {"customerId": "unit_1", "accountId": "acct_1"})
        assert st.deliver_pushes()["delivered"] >= 1
        wait_until(lambda: "unit_1" not in app.entitlement_cache, timeout=1.0)
    finally:
        server.shutdown()


# --- build 5: Redis goes away and comes back -------------------------------------------------------
def test_redis_restart_mid_run(vellum: Any, paywire_sandbox: Any, redis_server: Any) -> None:
    a, b = vellum("v2", tier=None), vellum("v2", tier=None)
    for c in (a, b):
        c.shared_binding.tier.retry_after_s = 0.2
        c.shared_binding.tier.wait_subscribed()
    provision(a, *(f"unit_{i}" for i in range(10)))
    for i in range(5):
        assert a.get_entitlements(f"unit_{i}").found
    redis_server.stop()
    try:
        for i in range(10):  # memory answers the cached ones, the API the rest: nothing fails
            assert a.get_entitlements(f"unit_{i}").found
            assert b.get_entitlements(f"unit_{i}").found
            assert a.can(f"unit_{i}", "imports") is False
        a.invalidate("unit_0")  # cannot be published now: queued
        assert a.shared_binding.tier.stats.fallbacks >= 1
    finally:
        redis_server.start()
    # recovered: the listener resubscribes, drops what it may have missed, flushes the queue
    for c in (a, b):
        assert c.shared_binding.tier.wait_subscribed(5)
    wait_until(lambda: "unit_0" not in b.entitlement_cache, timeout=3)
    time.sleep(c.shared_binding.tier.retry_after_s)
    before = reads(paywire_sandbox)
    a.get_entitlements("unit_3")
    b.get_entitlements("unit_3")
    assert reads(paywire_sandbox) - before <= 1
    assert a.shared_binding.tier.available and b.shared_binding.tier.available
    a.invalidate("unit_3")
    wait_until(lambda: "unit_3" not in b.entitlement_cache, timeout=1.0)


def test_unreachable_redis_from_the_start_serves_from_the_api(paywire_sandbox: Any) -> None:
    from redis_support import free_port

    tier = RedisTier(f"redis://127.0.0.1:{free_port()}/0", socket_timeout_s=0.2)
    client = VellumClient(api_key=VELLUM_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                          base_url=paywire_sandbox.base_url("vellum-v2"), shared_cache=tier)
    assert client.get_entitlements("unit_1").found is False
    assert client.can("unit_1", "imports") is False  # memory hit
    client.invalidate("unit_1")  # queued, never raises
    assert tier.stats.fallbacks == 1 and not tier.available
    client.close()
    tier.close()


# --- configuration: clear errors before any I/O --------------------------------------------------
def test_bad_configuration_is_a_typed_error(redis_url: str, paywire_sandbox: Any) -> None:
    tier = RedisTier(redis_url)
    common = {"api_key": VELLUM_KEY, "tenant_id": DEFAULT_TENANT, "allow_insecure_http": True,
              "base_url": paywire_sandbox.base_url("vellum-v2")}
    with pytest.raises(VellumConfigError, match="cache_ttl_ms > 0"):
        VellumClient(**common, cache_ttl_ms=0, shared_cache=tier)
    with pytest.raises(VellumConfigError, match="RedisTier"):
        VellumClient(**common, shared_cache="redis://x")  # type: ignore[arg-type]
    with pytest.raises(LumenConfigurationError, match="cache_ttl_ms > 0"):
        AsyncLumenClient(api_key=LUMEN_KEY, api_url=paywire_sandbox.base_url("lumen"), allow_insecure_http=True,
                         cache_ttl_ms=0, shared_cache=tier)
    for bad in ({"url": "http://x"}, {"url": redis_url, "namespace": "a b"}, {"url": redis_url, "lock_ttl_ms": 0}):
        with pytest.raises(ValueError):
            RedisTier(**bad)
    assert "secret" not in repr(RedisTier("redis://:secret@127.0.0.1:1/0"))
    tier.close()


def test_redis_keys_and_values_hold_no_secrets(vellum: Any, redis_url: str, paywire_sandbox: Any) -> None:
    vellum("v2").get_entitlements("unit_1")
    url = paywire_sandbox.base_url("lumen") + "/v1"
    paywire_sandbox.state("lumen").subscribe("ada", PRO_PLAN_ID)
    lumen = LumenClient(api_key=LUMEN_KEY, api_url=url, allow_insecure_http=True, shared_cache=RedisTier(redis_url))
    lumen.get_features(user_id="ada")
    r = redis.Redis.from_url(redis_url, decode_responses=True)
    everything = " ".join(k + " " + (r.get(k) or "") for k in r.keys("*") if r.type(k) == "string")
    assert VELLUM_KEY not in everything and LUMEN_KEY not in everything
    lumen.close()


def _forked_child(client: VellumClient, ready: Any, result: Any) -> None:
    """In a prefork worker: the inherited entry is served from memory, and an invalidation
    published by the parent reaches the child's own listener."""
    ok = client.can("unit_1", "imports") is False and "unit_1" in client.entitlement_cache
    ok = ok and client.shared_binding.tier.wait_subscribed(5)
    ready.set()
    deadline = time.monotonic() + 5
    while "unit_1" in client.entitlement_cache and time.monotonic() < deadline:
        time.sleep(0.002)
    result.value = int(ok and "unit_1" not in client.entitlement_cache)


def test_a_forked_worker_gets_its_own_listener(vellum: Any) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    client = vellum("v2")
    client.get_entitlements("unit_1")
    ready, result = ctx.Event(), ctx.Value("i", 0)
    child = ctx.Process(target=_forked_child, args=(client, ready, result))
    child.start()
    assert ready.wait(10)
    client.invalidate("unit_1")  # the parent's origin differs from the child's after the fork
    child.join(10)
    assert child.exitcode == 0 and result.value == 1


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_failed_fetch_releases_its_lock_at_once(vellum: Any, paywire_sandbox: Any, flavour: str) -> None:
    from paywire import APIStatusError

    a, b = vellum("v2", max_retries=0, flavour=flavour), vellum("v2")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", status=500, times=1)
    async def fetch_async() -> None:
        try:
            await a.get_entitlements("unit_1")
        finally:
            await a.aclose()
            await a.shared_binding.tier.aclose()

    with pytest.raises(APIStatusError):
        a.get_entitlements("unit_1") if flavour == "sync" else asyncio.run(fetch_async())
    binding = a.shared_binding
    assert binding.tier.client.keys(f"{binding.prefix}:lk:*") == []  # released, not left to expire
    start = time.monotonic()
    assert b.get_entitlements("unit_1").found is False
    assert time.monotonic() - start < binding.tier.lock_ttl_ms / 1000 / 2
    assert b.shared_binding.tier.stats.waits == 0


def test_a_fetch_across_a_redis_data_loss_does_not_write_back(vellum: Any, paywire_sandbox: Any,
                                                              redis_server: Any) -> None:
    """Leader reads the versions, another process invalidates, Redis loses its data (failover
    to an empty replica: counters start again), the leader finishes: its answer predates the
    invalidation and must not be stored as if nothing had happened."""
    import threading

    a, b = vellum("v2"), vellum("v2")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=500)
    done = threading.Event()
    threading.Thread(target=lambda: (a.get_entitlements("unit_1"), done.set()), daemon=True).start()
    wait_until(lambda: reads(paywire_sandbox) == 1)
    b.invalidate("unit_1")
    redis_server.flushall()
    assert done.wait(5)
    binding = b.shared_binding
    stored, *_ = binding.tier._read(keys=binding._keys("unit_1"), args=binding._read_args("unit_1", "", False))
    assert stored == "" and a.shared_binding.tier.stats.superseded == 1


def test_a_cancelled_async_fetch_releases_its_lock(vellum: Any, paywire_sandbox: Any) -> None:
    """The leader's task is cancelled while the API call is in flight: the cancellation is
    thrown into the load flow, which releases the key's lock before it propagates."""
    a = vellum("v2", flavour="async")
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", latency_ms=2000, times=1)
    binding = a.shared_binding

    async def cancel_mid_fetch() -> None:
        task = asyncio.create_task(a.get_entitlements("unit_1"))
        while not binding.tier.client.keys(f"{binding.prefix}:lk:*"):  # the leader holds the lock
            await asyncio.sleep(0.005)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await a.aclose()
        await binding.tier.aclose()

    asyncio.run(cancel_mid_fetch())
    assert binding.tier.client.keys(f"{binding.prefix}:lk:*") == []

"""One-writer mode (#17 build 3): a Relay keeps Redis filled; read-only readers never call the
API for its customers. Real redis-server, real sandbox over HTTP (relay and readers are separate
``RedisTier`` instances, i.e. separate "processes" for the protocol)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from paywire.entitlements.redis_tier import RedisTier
from paywire.entitlements.relay import Relay
from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT
from paywire.vellum import VellumClient


@pytest.fixture
def make(paywire_sandbox: Any, redis_url: str) -> Iterator[Callable[..., VellumClient]]:
    made: list[VellumClient] = []

    def build(**tier_kwargs: Any) -> VellumClient:
        client = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                              base_url=paywire_sandbox.base_url("vellum-v2"),
                              shared_cache=RedisTier(redis_url, **tier_kwargs))
        made.append(client)
        return client

    yield build
    for client in made:
        client.close()
        client.shared_binding.tier.close()  # type: ignore[union-attr]


def reads(sandbox: Any) -> int:
    return sum(1 for r in sandbox.requests if r["op"] == "get_entitlements")


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.005)


@pytest.fixture
def relay(make: Callable[..., VellumClient]) -> Iterator[tuple[Relay, VellumClient]]:
    source = make()
    r = Relay(source.shared_binding.tier, refresh_s=30, heartbeat_s=0.2)  # type: ignore[union-attr]
    r.add(source, [f"unit_{i}" for i in range(5)])
    r.start()
    wait_until(lambda: r.refreshes >= 5)
    yield r, source
    r.stop()


def test_readers_never_call_the_api_for_relay_customers(relay: Any, make: Any, paywire_sandbox: Any) -> None:
    _r, _source = relay
    before = reads(paywire_sandbox)
    reader = make(read_only=True)
    for i in range(5):
        assert reader.get_entitlements(f"unit_{i}").found is False
    assert reads(paywire_sandbox) == before
    assert reader.shared_binding.tier.stats.api_fetches == 0
    assert reader.shared_binding.tier.stats.redis_hits == 5


def test_a_change_reaches_readers_through_the_relay(relay: Any, make: Any, paywire_sandbox: Any) -> None:
    _r, source = relay
    reader, other = make(read_only=True), make(read_only=True)
    assert reader.get_entitlements("unit_1").found is False
    source.create_account(account_id="acct_1", email="b@acme.example")
    source.create_customer(account_id="acct_1", customer_id="unit_1", email="u@acme.example")
    assert reader.get_entitlements("unit_1").found is False  # cached: nobody said it changed
    source.invalidate("unit_1")  # what the app (or a verified push) does after the change
    wait_until(lambda: "unit_1" not in reader.entitlement_cache)
    wait_until(lambda: reader.get_entitlements("unit_1").found)  # the relay refetched it
    assert other.get_entitlements("unit_1").found
    for c in (reader, other):
        assert c.shared_binding.tier.stats.api_fetches == 0


def test_a_reader_miss_outside_the_set_is_adopted(relay: Any, make: Any, paywire_sandbox: Any) -> None:
    r, source = relay
    reader = make(read_only=True)
    before = reads(paywire_sandbox)
    assert reader.get_entitlements("newcomer").found is False
    assert reader.shared_binding.tier.stats.fill_requests == 1
    assert reader.shared_binding.tier.stats.api_fetches == 0
    assert reads(paywire_sandbox) - before == 1  # the relay's fetch
    assert r.owned()[source.shared_binding.scope] == 6


def test_readers_fall_back_to_the_api_when_the_relay_is_gone(relay: Any, make: Any) -> None:
    r, _source = relay
    r.stop()
    time.sleep(0.65)  # heartbeat (3 beats of 0.2 s) expired
    reader = make(read_only=True, relay_wait_ms=100)
    assert reader.get_entitlements("someone_else").found is False
    assert reader.shared_binding.tier.stats.api_fetches == 1


def test_the_relay_refills_after_a_redis_restart(relay: Any, make: Any, redis_server: Any) -> None:
    r, _source = relay
    redis_server.restart(down_s=0.3)  # comes back empty
    wait_until(lambda: r.errors >= 1 and r.refreshes >= 10, timeout=10)
    reader = make(read_only=True)
    for i in range(5):
        reader.get_entitlements(f"unit_{i}")
    assert reader.shared_binding.tier.stats.api_fetches == 0


def test_relay_rejects_a_client_without_its_tier(relay: Any, make: Any, paywire_sandbox: Any) -> None:
    r, _ = relay
    with pytest.raises(ValueError, match="shared_cache"):
        r.add(make(), ["x"])
    plain = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                         base_url=paywire_sandbox.base_url("vellum-v2"))
    with pytest.raises(ValueError, match="shared_cache"):
        r.add(plain, ["x"])
    plain.close()


async def test_async_read_only_readers_use_the_relay(relay: Any, paywire_sandbox: Any, redis_url: str) -> None:
    from paywire.vellum import AsyncVellumClient

    tier = RedisTier(redis_url, read_only=True)
    reader = AsyncVellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, allow_insecure_http=True,
                               base_url=paywire_sandbox.base_url("vellum-v2"), shared_cache=tier)
    before = reads(paywire_sandbox)
    for i in range(5):
        assert (await reader.get_entitlements(f"unit_{i}")).found is False
    assert (await reader.get_entitlements("async_newcomer")).found is False  # filled by the relay
    assert tier.stats.api_fetches == 0 and tier.stats.redis_hits == 6 and tier.stats.fill_requests == 1
    assert reads(paywire_sandbox) - before == 1
    await reader.aclose()
    tier.close()


def test_a_lumen_relay_serves_lumen_readers(paywire_sandbox: Any, redis_url: str) -> None:
    from paywire.lumen import LumenClient
    from paywire.sandbox.lumen import DEFAULT_API_KEY as LUMEN_KEY
    from paywire.sandbox.lumen import PRO_PLAN_ID

    url = paywire_sandbox.base_url("lumen") + "/v1"
    for user in ("ada", "bob"):
        paywire_sandbox.state("lumen").subscribe(user, PRO_PLAN_ID)
    source_tier, reader_tier = RedisTier(redis_url), RedisTier(redis_url, read_only=True)
    source = LumenClient(api_key=LUMEN_KEY, api_url=url, allow_insecure_http=True, shared_cache=source_tier)
    reader = LumenClient(api_key=LUMEN_KEY, api_url=url, allow_insecure_http=True, shared_cache=reader_tier)
    r = Relay(source_tier, refresh_s=30, heartbeat_s=0.2)
    r.add(source, [("ada", True), ("bob", True)])
    r.start()
    try:
        wait_until(lambda: r.refreshes >= 2)
        before = sum(1 for q in paywire_sandbox.requests if q["service"] == "lumen")
        assert reader.is_feature_entitled("premium-feature", user_id="ada") is True
        assert reader.get_features(user_id="bob")["premium-feature"] is True
        assert sum(1 for q in paywire_sandbox.requests if q["service"] == "lumen") == before
        assert reader_tier.stats.api_fetches == 0
    finally:
        r.stop()
        for c in (source, reader):
            c.close()
        source_tier.close()
        reader_tier.close()

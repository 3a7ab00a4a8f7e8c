"""The module functions' client pool: one connection pool reused across calls, one client per
event loop, clean shutdown with the loop, thread safety."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
import respx
from _lumen_helpers import BASE, STATUS_OK
from _support.concurrency import run_threads

from paywire import lumen
from paywire.lumen import AsyncLumenClient, _pool
from paywire.sandbox.lumen import DEFAULT_API_KEY


@pytest.fixture
def sandbox_env(lumen_env: Any, paywire_sandbox: Any) -> Any:
    lumen_env.subscribe("pool_user")
    return paywire_sandbox


def _connections(client: AsyncLumenClient) -> int:
    return int(client._http._transport.open_connections)


async def test_calls_reuse_one_client_and_one_connection(sandbox_env: Any) -> None:
    for _ in range(5):
        status = await lumen.get_subscription_status(user_id="pool_user")
        assert status["hasActiveSubscription"] is True
        assert await lumen.is_feature_entitled(feature="premium-feature", user_id="pool_user") is True
    client = _pool.async_client(DEFAULT_API_KEY, sandbox_env.base_url("lumen"))
    assert _connections(client) == 1  # ten sequential calls, one keep-alive connection
    assert client is _pool.async_client(DEFAULT_API_KEY, sandbox_env.base_url("lumen") + "/v1/")
    assert client is not _pool.async_client("lumen_sk_another_key", sandbox_env.base_url("lumen"))
    assert client._cache.enabled is False  # module functions never answer from a cache


async def test_concurrent_calls_share_the_pool(sandbox_env: Any) -> None:
    results = await asyncio.gather(*(lumen.get_features(user_id="pool_user") for _ in range(20)))
    assert all(r["premium-feature"] is True for r in results)
    client = _pool.async_client(DEFAULT_API_KEY, sandbox_env.base_url("lumen"))
    assert 1 <= _connections(client) <= 20


def test_two_event_loops(sandbox_env: Any) -> None:
    url = sandbox_env.base_url("lumen")
    seen: list[AsyncLumenClient] = []

    async def one_call() -> dict[str, Any]:
        result = await lumen.get_subscription_status(user_id="pool_user")
        seen.append(_pool.async_client(DEFAULT_API_KEY, url))
        return result

    first = asyncio.run(one_call())
    second = asyncio.run(one_call())  # a client bound to the first (closed) loop would fail here
    assert first["hasActiveSubscription"] is second["hasActiveSubscription"] is True
    assert seen[0] is not seen[1]
    # each loop's shutdown closed that loop's clients and dropped its pool
    assert seen[0]._http.is_closed and seen[1]._http.is_closed
    assert not [loop for loop in _pool._loops if not loop.is_closed()]


def test_loops_in_threads_at_once(sandbox_env: Any) -> None:
    errors: list[BaseException] = []
    results: list[bool] = []

    def worker() -> None:
        async def run() -> None:
            for _ in range(3):
                results.append(await lumen.is_feature_entitled(feature="api-calls", user_id="pool_user"))

        try:
            asyncio.run(run())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    run_threads([worker] * 4)
    assert not errors and results == [True] * 12


def test_a_loop_closed_without_shutdown_is_purged(env: pytest.MonkeyPatch) -> None:
    with respx.mock(base_url=BASE) as mock:  # no real socket is left behind on the dead loop
        mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
        loop = asyncio.new_event_loop()
        try:
            assert loop.run_until_complete(lumen.get_subscription_status(user_id="u1")) == STATUS_OK
        finally:
            loop.close()  # no shutdown_asyncgens: the pool cannot close politely
        assert loop in _pool._loops
        asyncio.run(lumen.get_subscription_status(user_id="u1"))  # a new pool purges the dead one
    assert loop not in _pool._loops


def test_sync_pool_reuse_and_eviction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pool, "MAX_CLIENTS", 2)
    monkeypatch.setattr(_pool, "EVICT_GRACE_S", 0.01)
    a = _pool.sync_client("lumen_sk_key_a", "https://api.lumen.test")
    assert a is _pool.sync_client("lumen_sk_key_a", "https://api.lumen.test/")
    _pool.sync_client("lumen_sk_key_b", "https://api.lumen.test")
    _pool.sync_client("lumen_sk_key_c", "https://api.lumen.test")  # evicts a (least recently used)
    deadline = time.monotonic() + 5
    while not a._http.is_closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert a._http.is_closed
    assert _pool.sync_client("lumen_sk_key_a", "https://api.lumen.test") is not a


async def test_async_eviction_closes_after_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pool, "MAX_CLIENTS", 1)
    monkeypatch.setattr(_pool, "EVICT_GRACE_S", 0.0)
    first = _pool.async_client("lumen_sk_key_a", "https://api.lumen.test")
    _pool.async_client("lumen_sk_key_b", "https://api.lumen.test")
    for _ in range(20):
        await asyncio.sleep(0)
    assert first._http.is_closed


def test_pool_needs_a_running_loop() -> None:
    with pytest.raises(RuntimeError):
        _pool.async_client("lumen_sk_key_a", "https://api.lumen.test")


async def test_works_without_an_asyncio_loop(env: pytest.MonkeyPatch) -> None:
    """Under another event loop (trio) there is no asyncio loop to pool by: one client per call."""

    def no_asyncio_loop(api_key: str, api_url: str | None) -> AsyncLumenClient:
        raise RuntimeError("no running event loop")

    env.setattr(_pool, "async_client", no_asyncio_loop)
    with respx.mock(base_url=BASE) as mock:
        mock.get("/v1/customers/subscription-status").respond(json=STATUS_OK)
        assert await lumen.get_subscription_status("u1") == STATUS_OK
        assert await lumen.get_subscription_status("u1", "http://remote.example") == {
            "error": "Catch error: Failed to fetch subscription status"}

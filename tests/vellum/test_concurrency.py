"""Concurrency: single-flight in threads and tasks, invalidation racing an in-flight fetch, and
200 concurrent async checks for 200 customers really running at the same time."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import respx
from _vellum_helpers import API_KEY, BASE_URL, ENT, T

from paywire.vellum import AsyncVellumClient, VellumClient

ENT_PATH = f"{T}/customers/unit_1/entitlements"


def wait_until(predicate: Any, timeout: float = 10.0) -> None:
    event = threading.Event()
    for _ in range(int(timeout / 0.005)):
        if predicate():
            return
        event.wait(0.005)
    raise AssertionError("condition not reached")


def test_fifty_threads_missing_one_customer_make_one_request(mock: respx.MockRouter) -> None:
    release = threading.Event()

    def slow(request: httpx.Request) -> httpx.Response:
        assert release.wait(10)
        return httpx.Response(200, json=ENT)

    route = mock.get(ENT_PATH).mock(side_effect=slow)
    with VellumClient(api_key=API_KEY, tenant_id="sam") as client, ThreadPoolExecutor(50) as pool:
        futures = [pool.submit(client.can, "unit_1", "imports") for _ in range(50)]
        wait_until(lambda: client.entitlement_cache.stats()["coalesced"] == 49)
        release.set()
        assert [f.result(timeout=10) for f in futures] == [True] * 50
    assert route.call_count == 1


async def test_two_hundred_tasks_missing_one_customer_make_one_request(mock: respx.MockRouter) -> None:
    release = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return httpx.Response(200, json=ENT)

    route = mock.get(ENT_PATH).mock(side_effect=slow)
    async with AsyncVellumClient(api_key=API_KEY, tenant_id="sam") as client:
        tasks = [asyncio.create_task(client.can("unit_1", "imports")) for _ in range(200)]
        while client.entitlement_cache.stats()["coalesced"] < 199:
            await asyncio.sleep(0)
        release.set()
        assert await asyncio.gather(*tasks) == [True] * 200
    assert route.call_count == 1


def test_thread_invalidation_during_fetch_is_not_overwritten(mock: respx.MockRouter) -> None:
    started, release = threading.Event(), threading.Event()
    answers = iter([{**ENT, "modules": ["imports"]}, {**ENT, "modules": []}])

    def respond(request: httpx.Request) -> httpx.Response:
        body = next(answers)
        if body["modules"]:  # the first (old) answer is held until the invalidation happened
            started.set()
            assert release.wait(10)
        return httpx.Response(200, json=body)

    mock.get(ENT_PATH).mock(side_effect=respond)
    with VellumClient(api_key=API_KEY, tenant_id="sam") as client, ThreadPoolExecutor(1) as pool:
        old = pool.submit(client.can, "unit_1", "imports")
        assert started.wait(10)
        client.invalidate("unit_1")  # a push said the subscription was canceled
        assert client.can("unit_1", "imports") is False  # fresh read, not joined to the old one
        release.set()
        assert old.result(timeout=10) is True  # the old caller gets its (old) answer...
        assert client.can("unit_1", "imports") is False  # ...which never overwrote the fresh one


async def test_async_invalidation_during_fetch_is_not_overwritten(mock: respx.MockRouter) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    answers = iter([{**ENT, "modules": ["imports"]}, {**ENT, "modules": []}])

    async def respond(request: httpx.Request) -> httpx.Response:
        body = next(answers)
        if body["modules"]:
            started.set()
            await release.wait()
        return httpx.Response(200, json=body)

    route = mock.get(ENT_PATH).mock(side_effect=respond)
    async with AsyncVellumClient(api_key=API_KEY, tenant_id="sam") as client:
        old = asyncio.create_task(client.can("unit_1", "imports"))
        await started.wait()
        client.invalidate()  # all customers
        assert await client.can("unit_1", "imports") is False
        release.set()
        assert await old is True
        assert await client.can("unit_1", "imports") is False
    assert route.call_count == 2


async def test_two_hundred_customers_checked_concurrently(mock: respx.MockRouter) -> None:
    """Every request is held until all 200 are in flight at once: if the client serialised
    them (or ran them on a small thread pool), the barrier would never open."""
    in_flight = 0
    all_in = asyncio.Event()

    async def barrier(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight
        in_flight += 1
        if in_flight == 200:
            all_in.set()
        await asyncio.wait_for(all_in.wait(), timeout=10)
        customer = request.url.path.split("/")[-2]
        return httpx.Response(200, json={**ENT, "modules": [customer]})

    route = mock.get(url__regex=rf"{BASE_URL}{T}/customers/[^/]+/entitlements").mock(side_effect=barrier)
    async with AsyncVellumClient(api_key=API_KEY, tenant_id="sam") as client:
        checks = [client.can(f"cust_{i}", f"cust_{i}") for i in range(200)]
        assert await asyncio.gather(*checks) == [True] * 200
        assert not await client.can("cust_0", "cust_1")
    assert route.call_count == 200

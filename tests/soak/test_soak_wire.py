"""Soak (#15): the default wire under a server whose keep-alive timer races the client.

Thousands of POSTs *without* an idempotency key (never resent once they may have been
delivered) go through the default sync wire (``StdlibTransport``, several threads) and every
async backend (paywire's asyncio wire, the default; aiohttp; httpx's sharded pools), against ``_peer_server.py --idle-timeout 1.0`` (a request that
arrives on a connection idle for 1 s or more is dropped unanswered, like uvicorn's timer firing
as it arrives), with pauses around the client's expiry and the server's timer. Pools expire idle
connections after 0.2 s: 0.8 s below the server's timer, like KEEPALIVE_EXPIRY (4 s) below
uvicorn's 5 s. (A 50 ms margin is not enough on a loaded box: an event loop running a burst of
50 can take that long between the pool's idle check and the write; then the request fails as
maybe-delivered and is not resent, which the counts below would show.)
Every call must succeed, and the server must have counted exactly one POST per call: nothing
lost, nothing sent twice. Prints calls, failures, POSTs counted, reconnects and time.
"""

from __future__ import annotations

import asyncio
import functools
import random
import sys
import time
from pathlib import Path
from typing import get_args

import httpx
import pytest
from _support.concurrency import run_threads

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from _pool_helpers import peer_server

from paywire._core import AsyncClient, SyncClient
from paywire._core.aiohttp_transport import AiohttpTransport
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.client import HttpBackend
from paywire._core.stdlib_transport import StdlibTransport
from paywire._core.transport import ShardedAsyncTransport

pytestmark = pytest.mark.soak

CALLS_PER_THREAD = 1_500
THREADS = 4
ASYNC_CALLS = 6_000
IDLE_TIMEOUT = 1.0
EXPIRY = 0.2


def _posts(url: str) -> int:
    return int(httpx.get(url + "/_count").json().get("POST", 0))


def _pause(rng: random.Random) -> float:
    """Mostly none; sometimes just under, around or past the server's idle timeout."""
    roll = rng.random()
    if roll < 0.97:
        return 0.0
    return rng.choice([EXPIRY - 0.02, EXPIRY + 0.02, IDLE_TIMEOUT - 0.01, IDLE_TIMEOUT + 0.01])


def test_soak_sync_wire_keepalive_race() -> None:
    failures: list[str] = []
    with peer_server(idle_timeout=IDLE_TIMEOUT) as url:
        client = SyncClient(base_url=url, max_retries=0)
        assert isinstance(client._http._transport, StdlibTransport)
        client._http._transport._keepalive_expiry = EXPIRY

        def worker(seed: int) -> None:
            rng = random.Random(seed)
            for i in range(CALLS_PER_THREAD):
                time.sleep(_pause(rng))
                try:
                    client._driver.run(client._request("POST", "/charge", json={"i": i, "seed": seed}))
                except Exception as exc:
                    failures.append(f"{type(exc).__name__}: {exc}")

        started = time.perf_counter()
        run_threads(functools.partial(worker, seed) for seed in range(THREADS))
        elapsed = time.perf_counter() - started
        posts = _posts(url)
        client.close()
    calls = CALLS_PER_THREAD * THREADS
    print(f"\nsync wire soak: {calls} POSTs without key in {THREADS} threads, {elapsed:.1f} s; "
          f"failures {len(failures)}; POSTs counted by the server {posts}")
    assert not failures, failures[:5]
    assert posts == calls


#: Every async backend and the transport it must build.
ASYNC_BACKENDS: dict[HttpBackend, type] = {"asyncio": AsyncioTransport, "aiohttp": AiohttpTransport,
                                           "httpx": ShardedAsyncTransport}


def test_every_async_backend_is_soaked() -> None:
    assert set(ASYNC_BACKENDS) == set(get_args(HttpBackend))


@pytest.mark.parametrize("backend", list(ASYNC_BACKENDS))
def test_soak_async_wire_keepalive_race(backend: HttpBackend) -> None:
    failures: list[str] = []

    async def main(url: str) -> float:
        client = AsyncClient(base_url=url, max_retries=0, http_backend=backend)
        assert type(client._http._transport) is ASYNC_BACKENDS[backend]
        client._http._transport._keepalive_expiry = EXPIRY
        rng = random.Random(15)
        started = time.perf_counter()
        done = 0
        while done < ASYNC_CALLS:
            await asyncio.sleep(_pause(rng))
            batch = min(rng.choice([1, 10, 50]), ASYNC_CALLS - done)
            results = await asyncio.gather(*(client._driver.run(client._request("POST", "/charge", json={"i": i}))
                                             for i in range(batch)), return_exceptions=True)
            failures.extend(f"{type(r).__name__}: {r}" for r in results if isinstance(r, BaseException))
            done += batch
        await client.aclose()
        return time.perf_counter() - started

    with peer_server(idle_timeout=IDLE_TIMEOUT) as url:
        elapsed = asyncio.run(main(url))
        posts = _posts(url)
    print(f"\nasync wire soak ({backend}): {ASYNC_CALLS} POSTs without key in bursts of 1-50, {elapsed:.1f} s; "
          f"failures {len(failures)}; POSTs counted by the server {posts}")
    assert not failures, failures[:5]
    assert posts == ASYNC_CALLS

"""Per-layer CPU of one uncached ``get_entitlements`` call (the breakdown in bench/breakdown.md).

Runs ``minimal_server.py`` in its own process and measures, with ``time.process_time`` (this
process only: the server and the scheduler's waits are not counted), best of several rounds:

- sync: the whole call over plain HTTP; the same exchange with bare ``http.client`` + ``json``;
  the SDK without the wire (the transport answers a canned, already-parsed answer), and the
  SDK's layers one by one (request build, answer build, strict parse, facade argument checks);
- async: CPU per call inside a burst of 200 concurrent calls: paywire over its default wire
  (``_core/asyncio_transport.py``), raw aiohttp, paywire over ``http_backend="aiohttp"``
  (context); the async SDK without the wire; the wire alone (``AsyncioTransport`` handed
  already-built requests, the answer read, no SDK above it); the burst's own floor (a task
  per call and the gather), which every async row includes.

Run: ``python bench/layers.py [calls]``.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

import httpx
from run import MinimalServer, cpu_per_call  # bench/run.py (this folder is on sys.path when run)

from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.direct import direct_async_send, direct_sync_send
from paywire._core.httpx_models import read_response
from paywire._core.stdlib_transport import StdlibTransport
from paywire.vellum import AsyncVellumClient, VellumClient

BODY = json.dumps({"status": "active", "modules": ["imports", "exports"], "config": {"trial_days": 14}}).encode()
HEAD = [(b"content-type", b"content-type", b"application/json"),
        (b"content-length", b"content-length", str(len(BODY)).encode()),
        (b"connection", b"connection", b"keep-alive")]
PATH = "/tenants/sam/customers/cust_1/entitlements"


def canned(request: httpx.Request) -> httpx.Response:
    return read_response(200, list(HEAD), BODY, request, {"http_version": b"HTTP/1.1", "reason_phrase": b"OK"})


class CannedSync(StdlibTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return canned(request)


class CannedAsync(AsyncioTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return canned(request)


def micro(fn: Callable[[], Any], n: int) -> float:
    return min(timeit.repeat(fn, number=n, repeat=7)) / n


def sync_layers(base: str, n: int) -> dict[str, float]:
    kwargs: dict[str, Any] = {"api_key": "vlm_sam.k", "tenant_id": "sam", "base_url": base, "cache_ttl_ms": 0,
                              "api_version": "v1", "allow_insecure_http": True}
    client = VellumClient(**kwargs)
    host, port = base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port))
    headers = {"x-api-key": "vlm_sam.k", "accept": "application/json"}

    def stdlib() -> Any:
        conn.request("GET", PATH, headers=headers)
        return json.loads(conn.getresponse().read())

    for _ in range(300):
        client.get_entitlements("cust_1")
        stdlib()
    out = {"whole call": cpu_per_call(lambda: client.get_entitlements("cust_1"), n),
           "http.client + json (the floor)": cpu_per_call(stdlib, n)}
    bare = VellumClient(**kwargs)
    bare._http._transport = CannedSync()
    bare._driver.send = direct_sync_send(bare._http)
    out["SDK without the wire"] = cpu_per_call(lambda: bare.get_entitlements("cust_1"), n * 4)
    out["wire (whole call - SDK)"] = out["whole call"] - out["SDK without the wire"]

    from paywire_gen_vellum_v1.api.entitlements import get_entitlements as op1

    from paywire.vellum.models import EntitlementSet
    from paywire.vellum.resources._base import E, check, json_object

    timeout = bare._timeout
    request = bare._builder.build("GET", PATH, timeout=timeout)
    out["  httpx.Request build (RequestBuilder)"] = micro(lambda: bare._builder.build("GET", PATH, timeout=timeout),
                                                          20000)
    out["  httpx.Response build (read_response)"] = micro(lambda: canned(request), 20000)

    def parse() -> Any:
        response = canned(request)
        model = op1.parse_response(response, E)
        return EntitlementSet(json_object(response), True, modules=model.modules)

    out["  strict parse + EntitlementSet"] = micro(parse, 20000) - out["  httpx.Response build (read_response)"]
    out["  argument checks + generated build_request"] = micro(
        lambda: (check.path_id("cust_1", "customer_id"), op1.build_request("sam", "cust_1")), 20000)
    parts = [v for k, v in out.items() if k.startswith("  ")]
    out["  flow, driver, retry policy, cached-read plumbing (rest)"] = out["SDK without the wire"] - sum(parts)
    client.close()
    conn.close()
    return out


async def async_layers(base: str, n: int) -> dict[str, float]:
    import aiohttp

    kwargs: dict[str, Any] = {"api_key": "vlm_sam.k", "tenant_id": "sam", "base_url": base, "cache_ttl_ms": 0,
                              "api_version": "v1", "allow_insecure_http": True}
    client = AsyncVellumClient(**kwargs)
    assert isinstance(client._http._transport, AsyncioTransport), "the default async wire"
    over_aiohttp = AsyncVellumClient(**kwargs, http_backend="aiohttp")
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))
    headers = {"x-api-key": "vlm_sam.k", "accept": "application/json"}
    customers = [f"cust_{i:03d}" for i in range(200)]

    async def raw(customer: str) -> Any:
        async with session.get(f"{base}/tenants/sam/customers/{customer}/entitlements", headers=headers) as r:
            return await r.json()

    async def one_burst(fetch: Callable[[str], Any]) -> float:
        t0 = time.process_time()
        await asyncio.gather(*(fetch(c) for c in customers))
        return time.process_time() - t0

    # The wire alone: the transport paywire's clients send with (same pool size, 100), each
    # request built before its burst with the timeouts the client passes, the answer read.
    wire = AsyncioTransport(max_connections=100)
    timeout = client._http.timeout.as_dict()
    requests: dict[str, httpx.Request] = {}

    def build_requests() -> None:
        for c in customers:
            requests[c] = httpx.Request("GET", f"{base}/tenants/sam/customers/{c}/entitlements", headers=headers,
                                        extensions={"timeout": timeout})

    async def wire_only(customer: str) -> bytes:
        response = await wire.handle_async_request(requests[customer])
        return await response.aread()

    bare = AsyncVellumClient(**kwargs)
    bare._http._transport = CannedAsync()
    bare._driver.send = direct_async_send(bare._http)

    async def nothing(customer: str) -> str:
        return customer

    whole, sdk = "paywire (default: asyncio wire), per call in a burst of 200", "async SDK without the wire, same"
    contenders: dict[str, Callable[[str], Any]] = {
        whole: client.get_entitlements,
        "raw aiohttp (session.get + json), same": raw,
        "paywire with http_backend='aiohttp' (context), same": over_aiohttp.get_entitlements,
        sdk: bare.get_entitlements,
        "asyncio wire alone (built request in, answer read), same": wire_only,
        # every row includes this: a task per call and the gather (so the SDK row and the wire
        # row together count it twice)
        "burst floor: a coroutine that returns at once (task + gather), same": nothing,
    }
    # Best CPU per call over `rounds` bursts each (after warm-up bursts that open the
    # connections), the contenders interleaved burst by burst: a spell of load on the shared
    # box then hits every row instead of one.
    rounds = max(5, n // 300)
    best = dict.fromkeys(contenders, float("inf"))
    for round_ in range(rounds + 3):
        for name, fetch in contenders.items():
            build_requests()
            spent = await one_burst(fetch)
            if round_ >= 3:
                best[name] = min(best[name], spent)
    out = {name: seconds / len(customers) for name, seconds in best.items()}
    out["wire (whole call - SDK without the wire)"] = out[whole] - out[sdk]
    for c in (client, over_aiohttp, bare):
        await c.aclose()
    await wire.aclose()
    await session.close()
    return out


def main(n: int) -> None:
    server = MinimalServer()  # bench/run.py's: minimal_server.py in its own process
    try:
        with open("/proc/loadavg") as f:
            print("load average:", " ".join(f.read().split()[:3]))
        for name, seconds in sync_layers(server.url, n).items():
            print(f"sync  {name:58} {seconds * 1e6:7.1f} us")
        for name, seconds in asyncio.run(async_layers(server.url, n)).items():
            print(f"async {name:70} {seconds * 1e6:7.1f} us")
    finally:
        server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)

"""Where per-call time goes in the default sync and async paths (input for bench/breakdown.md).

Runs ``minimal_server.py`` in its own process, then for ``VellumClient`` (default wire:
``_core/stdlib_transport.py``) and ``AsyncVellumClient`` (default wire:
``_core/asyncio_transport.py``; ``--backend aiohttp`` or ``httpx`` profiles another one), cache
off so every call is a request: CPU per call with ``time.process_time`` (waiting for a busy box
is excluded) and a cProfile of the same loop, its own time summed by package.
Run: ``python bench/profile_transport.py [calls] [--backend asyncio|aiohttp|httpx]``.
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from paywire.vellum import AsyncVellumClient, VellumClient

PACKAGES = ("paywire", "httpx", "httpcore", "h11", "anyio", "sniffio", "aiohttp", "multidict", "yarl", "asyncio",
            "urllib", "json")


def bucket(filename: str, function: str) -> str:
    if filename == "~":  # a C function
        return f"C: {function}" if any(s in function for s in ("send", "recv", "poll")) else "C: other"
    return next((p for p in PACKAGES if f"/{p}/" in filename or f"/{p}." in filename), "other Python")


def report(name: str, profile: cProfile.Profile, cpu: float) -> None:
    stats: Any = pstats.Stats(profile)
    own: Counter[str] = Counter()
    for (filename, _, function), (_, _, tottime, _, _) in stats.stats.items():
        own[bucket(filename, function)] += tottime
    total = sum(own.values())
    print(f"\n{name}: {cpu * 1e6:.0f} us CPU per call (no profiler); profiled own time by package:")
    for key, seconds in own.most_common(12):
        print(f"  {key:50} {100 * seconds / total:5.1f}%")
    stats.sort_stats("tottime").print_stats(15)


async def async_calls(kwargs: dict[str, Any], calls: int) -> tuple[cProfile.Profile, float]:
    client = AsyncVellumClient(**kwargs)
    for _ in range(300):
        await client.get_entitlements("cust_1")
    started = time.process_time()
    for _ in range(calls):
        await client.get_entitlements("cust_1")
    cpu = (time.process_time() - started) / calls
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        await client.get_entitlements("cust_1")
    profile.disable()
    await client.aclose()
    return profile, cpu


def main(calls: int, backend: str) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("minimal_server.py")), str(port)])
    time.sleep(1.0)
    kwargs: dict[str, Any] = {"api_key": "vlm_sam.k", "tenant_id": "sam", "base_url": f"http://127.0.0.1:{port}",
                              "cache_ttl_ms": 0, "api_version": "v1", "allow_insecure_http": True}
    try:
        client = VellumClient(**kwargs)
        kwargs["http_backend"] = backend  # async clients only
        for _ in range(300):
            client.get_entitlements("cust_1")
        started = time.process_time()
        for _ in range(calls):
            client.get_entitlements("cust_1")
        cpu = (time.process_time() - started) / calls
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(calls):
            client.get_entitlements("cust_1")
        profile.disable()
        client.close()
        report("sync VellumClient.get_entitlements", profile, cpu)
        profile, cpu = asyncio.run(async_calls(kwargs, calls))
        report(f"async AsyncVellumClient.get_entitlements, sequential (http_backend={kwargs['http_backend']!r})",
               profile, cpu)
    finally:
        server.terminate()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("calls", nargs="?", type=int, default=2000)
    parser.add_argument("--backend", choices=("asyncio", "aiohttp", "httpx"), default="asyncio")
    args = parser.parse_args()
    main(args.calls, args.backend)

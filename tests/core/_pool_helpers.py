"""Shared by the pool tests (fork safety, keep-alive expiry) and their soak: the peer server
process and every facade client class of the four services, in every pool flavour."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from paywire.conxa import AsyncCONXAClient, CONXAClient
from paywire.lumen import AsyncLumenClient, LumenClient
from paywire.spaps import AsyncSpapsClient, SpapsClient
from paywire.vellum import AsyncVellumClient, VellumClient

SERVER = Path(__file__).with_name("_peer_server.py")


@contextlib.contextmanager
def peer_server(idle_timeout: float | None = None) -> Iterator[str]:
    """Start ``_peer_server.py`` in its own process (a fork of the test process must not carry
    server threads) and yield its base URL."""
    args = [sys.executable, str(SERVER)]
    if idle_timeout is not None:
        args += ["--idle-timeout", str(idle_timeout)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# Every facade client class, built against ``url`` (keys are throwaway; the server ignores them).
FACADES: dict[str, Callable[..., Any]] = {
    "SpapsClient": lambda url, **kw: SpapsClient(base_url=url, api_key="k_test", allow_insecure_http=True, **kw),
    "AsyncSpapsClient": lambda url, **kw: AsyncSpapsClient(base_url=url, api_key="k_test",
                                                           allow_insecure_http=True, **kw),
    "LumenClient": lambda url, **kw: LumenClient("k_test", base_url=url, allow_insecure_http=True, **kw),
    "AsyncLumenClient": lambda url, **kw: AsyncLumenClient("k_test", base_url=url, allow_insecure_http=True, **kw),
    "VellumClient": lambda url, **kw: VellumClient("k_test", "t1", base_url=url, allow_insecure_http=True, **kw),
    "AsyncVellumClient": lambda url, **kw: AsyncVellumClient("k_test", "t1", base_url=url,
                                                             allow_insecure_http=True, **kw),
    "CONXAClient": lambda url, **kw: CONXAClient("k_test", base_url=url, provider_id="p1",
                                                 allow_insecure_http=True, **kw),
    "AsyncCONXAClient": lambda url, **kw: AsyncCONXAClient("k_test", base_url=url, provider_id="p1",
                                                           allow_insecure_http=True, **kw),
}
# Async clients that offer a choice of backend (``http_backend``; SPAPS does not).
BACKEND_FACADES = ("AsyncLumenClient", "AsyncVellumClient", "AsyncCONXAClient")

#: The pools a client can sit on: "default" (paywire's own wire: _core/stdlib_transport.py for
#: sync clients, _core/asyncio_transport.py for async ones), "aiohttp" (``http_backend="aiohttp"``),
#: "httpx" (``http_backend="httpx"``: the sharded httpcore pools of _core/transport.py) and
#: "user-transport" (the user's own pooled httpx transport).
POOLS = ("default", "aiohttp", "httpx", "user-transport")


@dataclass(frozen=True)
class Case:
    """One client set-up: a facade class and the pool under it."""

    facade: str
    pool: str  # one of POOLS

    @property
    def is_async(self) -> bool:
        return self.facade.startswith("Async")

    @property
    def service(self) -> str:
        return self.facade.removeprefix("Async")

    @property
    def id(self) -> str:
        return f"{self.facade}-{self.pool}"

    def build(self, url: str) -> Any:
        kwargs: dict[str, Any] = {}
        if self.pool in ("aiohttp", "httpx"):
            kwargs["http_backend"] = self.pool
        elif self.pool == "user-transport":  # the user's own pooled httpx transport
            kwargs["transport"] = httpx.AsyncHTTPTransport() if self.is_async else httpx.HTTPTransport()
        return FACADES[self.facade](url, **kwargs)


CASES = ([Case(name, "default") for name in FACADES] + [Case(name, "aiohttp") for name in BACKEND_FACADES]
         + [Case(name, "httpx") for name in BACKEND_FACADES] + [Case(name, "user-transport") for name in FACADES])


def one_case_per_flavour() -> list[Case]:
    """One case for each (pool, sync or async) that exists, spread over the services (for the
    soak tests, which cannot afford every facade)."""
    used: Counter[str] = Counter()
    chosen = []
    for pool, is_async in sorted({(c.pool, c.is_async) for c in CASES}):
        candidates = [c for c in CASES if c.pool == pool and c.is_async == is_async]
        case = min(candidates, key=lambda c: (used[c.service], c.facade))
        used[case.service] += 1
        chosen.append(case)
    return chosen


def get_flow(client: Any, path: str, tag: str = "", pad: int = 0, method: str = "GET") -> Any:
    """A core request flow through the client's own pool (no retries: a failure must show)."""
    return client.with_options(max_retries=0)._request(
        method, path, params={"pad": pad} if pad else None, headers={"X-Tag": tag} if tag else None)


def call_sync(client: Any, path: str, tag: str = "", pad: int = 0, method: str = "GET") -> dict[str, Any]:
    response = client._driver.run(get_flow(client, path, tag, pad, method))
    data: dict[str, Any] = response.json()
    return data


async def call_async(client: Any, path: str, tag: str = "", pad: int = 0, method: str = "GET") -> dict[str, Any]:
    response = await client._driver.run(get_flow(client, path, tag, pad, method))
    data: dict[str, Any] = response.json()
    return data

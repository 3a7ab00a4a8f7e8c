"""Helpers shared by the core's tests (kept out of conftest so test modules can import them)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

API_KEY = "demo_key_9f8e7d6c5b4a3210"


class FakeClock:
    """``time.monotonic`` for the core, advanced only by the (patched) driver sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def record(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def patch_sleep(client: Any, clock: FakeClock) -> None:
    """Replace the driver's sleep so backoffs are recorded, never waited out."""
    if client._is_async:
        async def asleep(seconds: float) -> None:
            clock.record(seconds)

        client._driver.sleep = asleep
    else:
        client._driver.sleep = clock.record


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call an operation of either flavour; await the result when it is awaitable."""
    result = fn(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def collect(pager: Any) -> list[Any]:
    if hasattr(pager, "__aiter__"):
        return [item async for item in pager]
    return list(pager)


async def aclose(client: Any) -> None:
    if client._is_async:
        await client.aclose()
    else:
        client.close()

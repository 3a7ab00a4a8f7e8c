"""One way to drive a client of either flavour (sync or async) from an async test: call an
operation and await it when it is awaitable, drain a pager, close a client, skip or record retry
sleeps. Every service's ``_<service>_helpers.py`` re-exports these."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call an operation of either flavour; await the result when it is awaitable."""
    result = fn(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def collect(pager: Any) -> list[Any]:
    """Every item of a sync or async pager."""
    if hasattr(pager, "__aiter__"):
        return [item async for item in pager]
    return list(pager)


async def aclose(client: Any) -> None:
    if client._is_async:
        await client.aclose()
    else:
        client.close()


def replace_sleep(client: Any, sleep: Callable[[float], None]) -> Any:
    """Route the client's retry/poll waits to ``sleep`` (a plain function; wrapped in a coroutine
    for an async client), so tests record backoffs instead of waiting them out."""
    if client._is_async:
        async def asleep(seconds: float) -> None:
            sleep(seconds)

        client._driver.sleep = asleep
    else:
        client._driver.sleep = sleep
    return client


def no_sleep(client: Any) -> Any:
    """Retries without real waits."""
    return replace_sleep(client, lambda seconds: None)


def body_of(request: httpx.Request) -> Any:
    """The JSON body a request sent (None when it sent none)."""
    return json.loads(request.content) if request.content else None


__all__ = ["aclose", "body_of", "call", "collect", "no_sleep", "replace_sleep"]

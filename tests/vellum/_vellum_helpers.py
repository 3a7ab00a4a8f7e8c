"""Helpers shared by the Vellum facade tests (kept out of conftest so modules can import them)."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx

BASE_URL = "https://api.vellumcharter.com"
API_KEY = "vlm_sam.unit_test_secret_42"
TENANT = "sam"
T = f"/tenants/{TENANT}"
ENT = {"status": "active", "modules": ["imports", "exports"], "config": {"trial_days": 14}, "hasAccess": True}


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a method of either flavour; await the result when it is awaitable."""
    result = fn(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


async def aclose(client: Any) -> None:
    if client._is_async:
        await client.aclose()
    else:
        client.close()


def _flavours() -> dict[str, Any]:
    from paywire.vellum import AsyncVellumClient, VellumClient

    return {"sync": VellumClient, "async": AsyncVellumClient}


FLAVOURS = _flavours()


def no_sleep(client: Any) -> Any:
    """Retries without real waits: swap the driver's sleep for a no-op."""
    if client._is_async:
        async def asleep(seconds: float) -> None:
            return None

        client._driver.sleep = asleep
    else:
        client._driver.sleep = lambda seconds: None
    return client

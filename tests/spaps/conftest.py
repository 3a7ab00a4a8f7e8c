"""SPAPS test fixtures: a client factory parametrized over sync and async, a respx router on the
local default base URL, and a clean environment (no SPAPS_* variables leak in)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx

sys.path.insert(0, str(Path(__file__).parent))

from _spaps_helpers import API_KEY, BASE_URL, FLAVOURS, SEED_VERSION, TODAY_VERSION, aclose


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPAPS_API_URL", "SPAPS_API_KEY", "SPAPS_REQUEST_TIMEOUT", "SPAPS_API_VERSION", "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` builds a client of this test's flavour; retries never really sleep.

    Pinned to ``api_version="2025-11"`` unless a test says otherwise: the tests written for the
    seed-era contract check its wire details (paths, cursor paging, the usage record header).
    Tests of today's contract pass ``api_version="2026-10"`` (or use ``make26``).
    """
    built: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("base_url", BASE_URL)
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("api_version", SEED_VERSION)
        client = FLAVOURS[flavour](**kwargs)
        if client._is_async:
            async def asleep(seconds: float) -> None:
                return None

            client._driver.sleep = asleep
        else:
            client._driver.sleep = lambda seconds: None
        built.append(client)
        return client

    yield factory
    for client in built:
        await aclose(client)


@pytest.fixture
def make26(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make`` pinned to today's contract, ``api_version="2026-10"``."""

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_version", TODAY_VERSION)
        return make(**kwargs)

    return factory


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router

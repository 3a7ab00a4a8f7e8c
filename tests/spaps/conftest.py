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

from _spaps_helpers import API_KEY, BASE_URL, FLAVOURS, aclose


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPAPS_API_URL", "SPAPS_API_KEY", "SPAPS_REQUEST_TIMEOUT", "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` builds a client of this test's flavour; retries never really sleep."""
    built: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("base_url", BASE_URL)
        kwargs.setdefault("api_key", API_KEY)
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
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router

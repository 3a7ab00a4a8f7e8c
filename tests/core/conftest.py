"""Fixtures for the core's tests: a client factory parametrized over sync and async, a fake
clock that the patched driver sleep advances, a respx router on the demo base URL."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx

sys.path.insert(0, str(Path(__file__).parent))

from _core_facade import BASE_URL, ENV_KEY, ENV_TIMEOUT, ENV_URL, FLAVOURS
from _core_helpers import API_KEY, FakeClock, aclose, patch_sleep


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Patch the core's clock: deadlines see time pass only when the driver 'sleeps'."""
    fake = FakeClock()

    class _Time:
        monotonic = staticmethod(fake.monotonic)

    monkeypatch.setattr("paywire._core.client.time", _Time)
    return fake


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (ENV_KEY, ENV_URL, ENV_TIMEOUT, "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(flavour: str, clock: FakeClock) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` builds a demo client of this test's flavour (sleep patched)."""
    built: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", API_KEY)
        client = FLAVOURS[flavour](**kwargs)
        patch_sleep(client, clock)
        built.append(client)
        return client

    yield factory
    for client in built:
        await aclose(client)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router

"""Fixtures for the Lumen tests: both client flavours, respx, a clean pool and environment."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
import respx
from _lumen_helpers import API_KEY, BASE, aclose

from paywire import RetryConfig
from paywire.lumen import AsyncLumenClient, LumenClient, _pool

FAST = RetryConfig(backoff_factor=0.001, max_backoff=0.001)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LUMEN_API_KEY", "LUMEN_API_URL"):
        monkeypatch.delenv(name, raising=False)
    _pool.clear()
    monkeypatch.setitem(_pool.client_options, "retry_config", FAST)
    yield
    _pool.clear()


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` → a client of this test's flavour (closed afterwards)."""
    made: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("api_url", BASE)
        kwargs.setdefault("retry_config", FAST)
        cls = LumenClient if flavour == "sync" else AsyncLumenClient
        client = cls(**kwargs)
        made.append(client)
        return client

    yield factory
    for client in made:
        await aclose(client)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """LUMEN_API_KEY / LUMEN_API_URL pointing at the respx base."""
    monkeypatch.setenv("LUMEN_API_KEY", API_KEY)
    monkeypatch.setenv("LUMEN_API_URL", BASE)
    return monkeypatch

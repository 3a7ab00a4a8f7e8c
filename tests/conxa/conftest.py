"""Fixtures for the CONXA facade tests: both client flavours, respx, fake time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
import respx
from _conxa_helpers import API_KEY, BASE, FakeTime, aclose, install

from paywire import RetryConfig
from paywire.conxa import AsyncCONXAClient, CONXAClient

FAST = RetryConfig(backoff_factor=0.01)


@pytest.fixture(autouse=True)
def _no_conxa_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONXA_API_KEY", "CONXA_PROVIDER_ID", "CONXA_API_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def make(flavour: str, fake: FakeTime) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` → a client of this test's flavour on fake time (closed afterwards)."""
    made: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("base_url", BASE)
        kwargs.setdefault("retry_config", FAST)
        cls = CONXAClient if flavour == "sync" else AsyncCONXAClient
        client = install(cls(**kwargs), fake)
        made.append(client)
        return client

    yield factory
    for client in made:
        await aclose(client)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router

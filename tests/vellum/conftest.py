"""Fixtures for the Vellum facade tests: clients of both flavours (and both API versions), a
respx router on the default base URL, no real sleeps between retries."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx

sys.path.insert(0, str(Path(__file__).parent))

from _vellum_helpers import API_KEY, BASE_URL, FLAVOURS, TENANT, aclose, no_sleep


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VELLUM_API_KEY", "VELLUM_TENANT_ID", "VELLUM_API_URL", "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["v1", "v2"])
def api_version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kwargs)`` builds a Vellum client of this test's flavour (retry sleeps skipped)."""
    built: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("tenant_id", TENANT)
        client = no_sleep(FLAVOURS[flavour](**kwargs))
        built.append(client)
        return client

    yield factory
    for client in built:
        await aclose(client)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router

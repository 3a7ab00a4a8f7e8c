"""Fixtures for the Lumen tests: both client flavours, respx, a clean pool and environment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _lumen_helpers import API_KEY, BASE
from _support.client_fixtures import client_fixtures

from paywire import RetryConfig
from paywire.lumen import AsyncLumenClient, LumenClient, _pool
from paywire.sandbox.lumen import DEFAULT_API_KEY, LumenState

FAST = RetryConfig(backoff_factor=0.001, max_backoff=0.001)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LUMEN_API_KEY", "LUMEN_API_URL"):
        monkeypatch.delenv(name, raising=False)
    _pool.clear()
    monkeypatch.setitem(_pool.client_options, "retry_config", FAST)
    yield
    _pool.clear()


# ``make(**kwargs)`` → a client of this test's flavour (closed afterwards); FAST keeps retries short.
flavour, make, mock = client_fixtures({"sync": LumenClient, "async": AsyncLumenClient}, base_url=BASE,
                                      defaults={"api_key": API_KEY, "api_url": BASE, "retry_config": FAST})


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """LUMEN_API_KEY / LUMEN_API_URL pointing at the respx base."""
    monkeypatch.setenv("LUMEN_API_KEY", API_KEY)
    monkeypatch.setenv("LUMEN_API_URL", BASE)
    return monkeypatch


@pytest.fixture
def lumen_env(paywire_sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> LumenState:
    """LUMEN_API_KEY / LUMEN_API_URL pointing at the sandbox (its seeded key); its Lumen state."""
    monkeypatch.setenv("LUMEN_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("LUMEN_API_URL", paywire_sandbox.base_url("lumen"))
    state: LumenState = paywire_sandbox.state("lumen")
    return state

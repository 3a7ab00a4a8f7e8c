"""Fixtures for the CONXA facade tests: both client flavours, respx, fake time."""

from __future__ import annotations

import pytest
from _conxa_helpers import API_KEY, BASE, FakeTime, install
from _support.client_fixtures import client_fixtures

from paywire import RetryConfig
from paywire.conxa import AsyncCONXAClient, CONXAClient

FAST = RetryConfig(backoff_factor=0.01)


@pytest.fixture(autouse=True)
def _no_conxa_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONXA_API_KEY", "CONXA_PROVIDER_ID", "CONXA_API_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


# ``make(**kwargs)`` → a client of this test's flavour on the test's fake time (closed afterwards).
flavour, make, mock = client_fixtures({"sync": CONXAClient, "async": AsyncCONXAClient}, base_url=BASE,
                                      defaults={"api_key": API_KEY, "base_url": BASE, "retry_config": FAST},
                                      prepare=install, needs=("fake",))

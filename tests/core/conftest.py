"""Fixtures for the core's tests: a client factory parametrized over sync and async, a fake
clock that the patched driver sleep advances, a respx router on the demo base URL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _core_facade import BASE_URL, ENV_KEY, ENV_TIMEOUT, ENV_URL, FLAVOURS
from _core_helpers import API_KEY, FakeClock, patch_sleep
from _support.client_fixtures import client_fixtures


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


# ``make(**kwargs)`` builds a demo client of this test's flavour (sleeps recorded on ``clock``).
flavour, make, mock = client_fixtures(FLAVOURS, base_url=BASE_URL, defaults={"api_key": API_KEY},
                                      prepare=patch_sleep, needs=("clock",))

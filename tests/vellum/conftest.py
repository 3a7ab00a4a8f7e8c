"""Fixtures for the Vellum facade tests: clients of both flavours (and both API versions), a
respx router on the default base URL, no real sleeps between retries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _support.client_fixtures import client_fixtures
from _vellum_helpers import API_KEY, BASE_URL, FLAVOURS, TENANT, no_sleep


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VELLUM_API_KEY", "VELLUM_TENANT_ID", "VELLUM_API_URL", "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["v1", "v2"])
def api_version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# ``make(**kwargs)`` builds a Vellum client of this test's flavour (retry sleeps skipped).
flavour, make, mock = client_fixtures(FLAVOURS, base_url=BASE_URL, defaults={"api_key": API_KEY, "tenant_id": TENANT},
                                      prepare=no_sleep)

"""SPAPS test fixtures: a client factory parametrized over sync and async, a respx router on the
local default base URL, and a clean environment (no SPAPS_* variables leak in)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _spaps_helpers import API_KEY, BASE_URL, FLAVOURS, PROFILES, SEED_VERSION, TODAY_VERSION
from _support.client_fixtures import client_fixtures
from _support.flavours import no_sleep

from paywire.sandbox.spaps import DEFAULT_API_KEY


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPAPS_API_URL", "SPAPS_API_KEY", "SPAPS_REQUEST_TIMEOUT", "SPAPS_API_VERSION", "PAYWIRE_LOG"):
        monkeypatch.delenv(name, raising=False)


# ``make(**kwargs)`` builds a client of this test's flavour; retries never really sleep.
# Pinned to ``api_version="2025-11"`` unless a test says otherwise: the tests written for the
# seed-era contract check its wire details (paths, cursor paging, the usage record header).
# Tests of today's contract pass ``api_version="2026-10"`` (or use ``make26``).
flavour, make, mock = client_fixtures(FLAVOURS, base_url=BASE_URL, prepare=no_sleep,
                                      defaults={"base_url": BASE_URL, "api_key": API_KEY, "api_version": SEED_VERSION})


@pytest.fixture
def make26(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make`` pinned to today's contract, ``api_version="2026-10"``."""

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_version", TODAY_VERSION)
        return make(**kwargs)

    return factory


@pytest.fixture(params=sorted(PROFILES))
def version(request: pytest.FixtureRequest) -> str:
    """Each pinned contract, for the tests against the sandbox (``PROFILES[version]`` serves it)."""
    return str(request.param)


@pytest.fixture
def connect(make: Callable[..., Any], paywire_sandbox: Any, version: str) -> Callable[..., Any]:
    """``connect(**kwargs)``: ``make`` on the sandbox app serving ``version``, with the seeded API
    key unless the test gives one. (A module about one contract defines its own ``connect``.)"""

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", DEFAULT_API_KEY)
        return make(base_url=paywire_sandbox.base_url(PROFILES[version]), api_version=version, **kwargs)

    return factory

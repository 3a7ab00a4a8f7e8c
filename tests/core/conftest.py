"""Fixtures for the core's tests: a client factory parametrized over sync and async, a fake
clock that the patched driver sleep advances, a respx router on the demo base URL, and raw
HTTP peers on 127.0.0.1 (``raw_server``: asyncio, in the test's loop; ``peer``: threads)."""

from __future__ import annotations

import ssl
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from _core_facade import BASE_URL, ENV_KEY, ENV_TIMEOUT, ENV_URL, FLAVOURS
from _core_helpers import API_KEY, FakeClock, patch_sleep
from _support.client_fixtures import client_fixtures
from _support.raw_http import Handler, Peer, RawServer


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


@pytest.fixture
async def raw_server() -> AsyncIterator[Callable[[Handler], Awaitable[tuple[RawServer, str]]]]:
    """``await raw_server(handler, tls=None)`` -> (server, base URL); stopped after the test."""
    started: list[RawServer] = []

    async def start(handler: Handler, tls: ssl.SSLContext | None = None) -> tuple[RawServer, str]:
        server = RawServer(handler)
        url = await server.start(tls)
        started.append(server)
        return server, url

    yield start
    for server in started:
        await server.stop()


@pytest.fixture
def peer() -> Iterator[Callable[[str], Peer]]:
    """``peer(behaviour)`` -> a :class:`Peer` doing that after each request; closed after the test."""
    made: list[Peer] = []

    def factory(behaviour: str) -> Peer:
        made.append(Peer(behaviour))
        return made[-1]

    yield factory
    for p in made:
        p.close()

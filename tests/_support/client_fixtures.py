"""The client fixtures every service's facade tests share: ``flavour`` (each test runs once with
the sync client and once with the async one), ``make`` (builds clients of that flavour and closes
them after the test) and ``mock`` (a respx router on the service's base URL).

A service's conftest states only what differs, in one line::

    flavour, make, mock = client_fixtures(FLAVOURS, base_url=BASE_URL, defaults={"api_key": API_KEY},
                                          prepare=patch_sleep, needs=("clock",))
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any

import pytest
import respx

from _support.flavours import aclose

Fixture = Callable[..., Any]


def client_fixtures(
    flavours: Mapping[str, Callable[..., Any]],
    *,
    base_url: str,
    defaults: Mapping[str, Any],
    prepare: Callable[..., object] | None = None,
    needs: tuple[str, ...] = (),
) -> tuple[Fixture, Fixture, Fixture]:
    """The ``flavour``, ``make`` and ``mock`` fixtures of one service.

    ``flavours`` maps ``"sync"`` / ``"async"`` to the client class; ``make(**kwargs)`` fills in
    ``defaults`` for what the test leaves out, then calls ``prepare(client, *needed)`` (how that
    service's tests keep retries from really sleeping), where ``needed`` are the values of the
    fixtures named in ``needs`` (a fake clock, say), set up before the first client is made."""

    @pytest.fixture(params=list(flavours))
    def flavour(request: pytest.FixtureRequest) -> str:
        return str(request.param)

    @pytest.fixture
    async def make(flavour: str, request: pytest.FixtureRequest) -> AsyncIterator[Callable[..., Any]]:
        needed = [request.getfixturevalue(name) for name in needs]
        made: list[Any] = []

        def factory(**kwargs: Any) -> Any:
            client = flavours[flavour](**{**defaults, **kwargs})
            if prepare is not None:
                prepare(client, *needed)
            made.append(client)
            return client

        yield factory
        for client in made:
            await aclose(client)

    @pytest.fixture
    def mock() -> Iterator[respx.MockRouter]:
        with respx.mock(base_url=base_url, assert_all_called=False) as router:
            yield router

    return flavour, make, mock


__all__ = ["client_fixtures"]

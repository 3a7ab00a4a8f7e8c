"""pytest plugin (entry point ``pytest11``): the ``paywire_sandbox`` fixture.

One sandbox server per test session; before each test its state is re-seeded, faults cleared,
the clock rewound and the request log emptied. A sandbox response that breaks its own spec
fails the test that caused it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def paywire_sandbox_server() -> Iterator[Any]:
    from paywire.sandbox.server import run

    with run() as running:
        yield running


@pytest.fixture
def paywire_sandbox(paywire_sandbox_server: Any) -> Iterator[Any]:
    paywire_sandbox_server.reset()
    yield paywire_sandbox_server
    violations = list(paywire_sandbox_server.sandbox.response_violations)
    paywire_sandbox_server.sandbox.response_violations.clear()
    if violations:
        pytest.fail("sandbox responses broke their spec:\n" + "\n".join(violations), pytrace=False)

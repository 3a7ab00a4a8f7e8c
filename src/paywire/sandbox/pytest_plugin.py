"""pytest plugin (entry point ``pytest11``): the ``paywire_sandbox`` fixture and ready clients.

One sandbox server per test session (per xdist worker). Each test gets its **own namespace**
on it (``paywire_sandbox_namespace``: a fresh name per test; override that fixture to share
one), so its users, charges, clock, faults and request log start seeded and empty and no other
test sees them; the namespace is dropped at teardown. ``paywire_sandbox.url`` and
``base_url()`` carry the namespace's ``/_ns/<name>`` prefix, so any HTTP client built from them
stays inside it; the paywire clients handed out send the ``X-Paywire-Namespace`` header.

Ready clients, seeded keys filled in, closed at teardown::

    def test_gate(paywire_vellum, paywire_sandbox):          # VellumClient, newest version
        assert paywire_vellum.get_entitlements(...)

    def test_v1(paywire_sandbox):
        client = paywire_sandbox.client("vellum", api_version="v1")     # or .async_client(...)

Fixtures: ``paywire_spaps``, ``paywire_lumen``, ``paywire_vellum``, ``paywire_conxa`` (sync) and
``paywire_async_spaps``... (async), each the service's newest pinned version. A sandbox response
that breaks its own spec fails the test that caused it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import Any

import pytest

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def paywire_sandbox_server() -> Iterator[Any]:
    from paywire.sandbox.server import run

    with run() as running:
        yield running


@pytest.fixture
def paywire_sandbox_namespace() -> str:
    """The namespace of one test: unique per test and xdist worker (override to share one)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"t-{worker}-{os.getpid()}-{next(_counter)}"


@pytest.fixture
def paywire_sandbox(paywire_sandbox_server: Any, paywire_sandbox_namespace: str) -> Iterator[Any]:
    view = paywire_sandbox_server.in_namespace(paywire_sandbox_namespace)
    view.reset()  # a shared (overridden) namespace starts seeded too
    try:
        yield view
        violations = list(view.response_violations)
        view.response_violations.clear()
        if violations:
            pytest.fail("sandbox responses broke their spec:\n" + "\n".join(violations), pytrace=False)
    finally:
        view.drop()


def _client_fixture(service: str, flavour: str) -> Any:
    @pytest.fixture(name=f"paywire_{'async_' if flavour == 'async' else ''}{service}")
    def fixture(paywire_sandbox: Any) -> Any:
        make = paywire_sandbox.client if flavour == "sync" else paywire_sandbox.async_client
        return make(service)  # closed when paywire_sandbox tears down

    fixture.__doc__ = f"A ready {flavour} {service} client on this test's sandbox namespace (newest version)."
    return fixture


paywire_spaps = _client_fixture("spaps", "sync")
paywire_lumen = _client_fixture("lumen", "sync")
paywire_vellum = _client_fixture("vellum", "sync")
paywire_conxa = _client_fixture("conxa", "sync")
paywire_async_spaps = _client_fixture("spaps", "async")
paywire_async_lumen = _client_fixture("lumen", "async")
paywire_async_vellum = _client_fixture("vellum", "async")
paywire_async_conxa = _client_fixture("conxa", "async")

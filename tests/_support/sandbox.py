"""Talking to a running sandbox from tests at the HTTP level: each service's seeded credentials
as request headers, and namespaces of one server that go away after the test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from paywire.sandbox import conxa, lumen, spaps, vellum

#: service -> the headers that authenticate as its seeded API key
AUTH: dict[str, dict[str, str]] = {
    "spaps": {"X-API-Key": spaps.DEFAULT_API_KEY},
    "lumen": {"Authorization": f"Bearer {lumen.DEFAULT_API_KEY}"},
    "vellum": {"x-api-key": vellum.DEFAULT_API_KEY},
    "conxa": {"X-Provider-API-Key": conxa.DEFAULT_API_KEY},
}


def auth_headers(service: str) -> dict[str, str]:
    """Seeded credentials, so requests get past authentication and reach the handlers (a copy:
    callers add headers of their own)."""
    return dict(AUTH[service])


@contextmanager
def namespaces(server: Any, *names: str) -> Iterator[tuple[Any, ...]]:
    """Views of ``server`` in the namespaces ``names`` (each an isolated world), dropped after."""
    views = tuple(server.in_namespace(name) for name in names)
    try:
        yield views
    finally:
        for view in views:
            view.drop()


__all__ = ["AUTH", "auth_headers", "namespaces"]

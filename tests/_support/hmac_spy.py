"""Seeing that signature checks compare digests in constant time."""

from __future__ import annotations

import hmac

import pytest

from paywire._core import signatures


def record_compare_digest(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, bytes]]:
    """Every ``hmac.compare_digest(a, b)`` paywire's signature code makes from now on (each
    still compares for real), in order."""
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(signatures.hmac, "compare_digest", spy)
    return calls


__all__ = ["record_compare_digest"]

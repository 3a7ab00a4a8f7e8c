"""Helpers shared by the core's tests (kept out of conftest so test modules can import them)."""

from __future__ import annotations

from typing import Any

from _support.flavours import aclose, call, collect, replace_sleep  # noqa: F401  (re-exported)

API_KEY = "demo_key_9f8e7d6c5b4a3210"


class FakeClock:
    """``time.monotonic`` for the core, advanced only by the (patched) driver sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def record(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def patch_sleep(client: Any, clock: FakeClock) -> None:
    """Replace the driver's sleep so backoffs are recorded, never waited out."""
    replace_sleep(client, clock.record)

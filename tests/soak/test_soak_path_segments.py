"""Fuzz for issue #13.2 (``nox -s soak``): 200,000 random ids, biased towards the characters
that break URLs (``. / % ? # \\``, whitespace, controls, surrogates, astral unicode) and lengths
around the limit, through ``path_segment`` and through httpx's own URL handling. Every value is
either refused with ``PathParameterError`` for a rule it really breaks, or becomes one segment
that httpx keeps as one segment and that decodes back to the value. Prints the figures."""

from __future__ import annotations

import random
import time
from collections import Counter
from urllib.parse import unquote

import httpx
import pytest

from paywire._core.paths import MAX_SEGMENT_CHARS, PathParameterError, path_segment

pytestmark = pytest.mark.soak

ITERATIONS = 200_000
TRICKY = [".", ".", "..", "/", "%", "%2e", "%2F", "?", "#", "\\", " ", "\t", "\n", "\x00", "\x7f",
          "é", "💳", "\u202e", "\ud800", "a", "Z", "0", "_", "-", "~", "+", "&", "=", ";", ":", "@"]


def random_id(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.02:
        return rng.choice(["", ".", "..", " ", "...", "./", "/.."])
    if roll < 0.04:  # around the length limit
        return "x" * rng.randint(MAX_SEGMENT_CHARS - 2, MAX_SEGMENT_CHARS + 2)
    return "".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 12)))


def reason(value: str) -> str | None:
    """The rule ``value`` breaks, computed independently of the implementation."""
    if not value.strip():
        return "blank"
    if value in (".", ".."):
        return "dot"
    if len(value) > MAX_SEGMENT_CHARS:
        return "long"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return "control"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return "surrogate"
    return None


def test_soak_random_ids_are_one_segment_or_refused_for_a_real_reason() -> None:
    rng = random.Random(13_2)
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for _ in range(ITERATIONS):
        value = random_id(rng)
        expected = reason(value)
        try:
            segment = path_segment(value, "id")
        except PathParameterError as exc:
            assert expected is not None, repr(value)
            assert exc.field == "id"
            outcomes[f"refused:{expected}"] += 1
            continue
        assert expected is None, (repr(value), expected)
        assert "/" not in segment and segment not in (".", "..")
        assert unquote(segment, errors="strict") == value
        url = httpx.URL(f"http://api.test/a/{segment}/b")
        assert url.raw_path.decode("ascii").split("/") == ["", "a", segment, "b"], repr(value)
        outcomes["accepted"] += 1
    elapsed = time.perf_counter() - started
    print(f"\npath_segment fuzz: {ITERATIONS:,} ids in {elapsed:.2f} s "
          f"({elapsed / ITERATIONS * 1e6:.1f} us per id incl. httpx URL parse) -> {dict(sorted(outcomes.items()))}")
    assert outcomes["accepted"] > ITERATIONS // 4
    assert all(outcomes[f"refused:{r}"] > 0 for r in ("blank", "dot", "long", "control", "surrogate"))


def test_soak_path_segment_cost() -> None:
    """The per-call cost every generated request now pays (a typical 20-character id)."""
    value = "cus_01HZX3K4M5N6P7Q8"
    rounds = 200_000
    started = time.perf_counter()
    for _ in range(rounds):
        path_segment(value, "customer_id")
    elapsed = time.perf_counter() - started
    print(f"\npath_segment: {elapsed / rounds * 1e6:.2f} us per call ({rounds:,} calls)")
    assert elapsed / rounds < 50e-6

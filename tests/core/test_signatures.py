"""Issue #13.8: every webhook verifier (SPAPS bool + raising, Vellum push) over one header
corpus. Any header value yields the verifier's own typed error (or ``False`` for the seed's
bool API), never ``TypeError``/``OverflowError``; strict ASCII timestamps; every ``v1`` checked;
tolerance both ways; optional replay memory bounded by the window and safe across threads."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from _support.concurrency import run_threads
from _support.hmac_spy import record_compare_digest
from _webhook_corpus import (
    BODY,
    NOW,
    OLD_SECRET,
    SECRET,
    TOLERANCE,
    VERIFIERS,
    Verifier,
    corpus,
    digest,
    header,
    legitimately_signed,
)

from paywire._core import signatures
from paywire._core.signatures import ReplayGuard

CASES = corpus()
by_name = pytest.mark.parametrize("verifier", VERIFIERS, ids=[v.name for v in VERIFIERS])


@by_name
@pytest.mark.parametrize(("value", "expected"), [(v, e) for _, v, e in CASES], ids=[n for n, _, _ in CASES])
def test_header_corpus(verifier: Verifier, value: Any, expected: bool) -> None:
    assert verifier.accepts(BODY, value) is expected
    # The corpus agrees with the independent oracle the fuzz uses (no accepted forgery).
    if expected:
        assert legitimately_signed(value)


@by_name
@pytest.mark.parametrize("payload", [BODY, BODY.decode(), bytearray(BODY), memoryview(BODY)],
                         ids=["bytes", "str", "bytearray", "memoryview"])
def test_payload_forms_accepted(verifier: Verifier, payload: Any) -> None:
    assert verifier.accepts(payload, header())


@by_name
@pytest.mark.parametrize("payload", [BODY + b" ", BODY[:-1], BODY.replace(b"succeeded", b"failed!!!"), b"",
                                     None, 42, {"eventId": "evt_1"}, "\ud800", BODY.decode() + "\udfff"],
                         ids=["trailing-space", "truncated", "tampered", "empty", "none", "int", "dict",
                              "lone-surrogate", "str-with-surrogate"])
def test_bad_payloads_refused_with_the_typed_error(verifier: Verifier, payload: Any) -> None:
    assert verifier.accepts(payload, header()) is False


@by_name
@pytest.mark.parametrize("secret", ["", None, b"whsec_bytes_secret", 123, "\ud800secret", "whsec_not_the_one"],
                         ids=["empty", "none", "bytes", "int", "lone-surrogate", "wrong"])
def test_bad_secrets_refused_with_the_typed_error(verifier: Verifier, secret: Any) -> None:
    assert verifier.accepts(BODY, header(), secret=secret) is False


@by_name
@pytest.mark.parametrize(("now", "tolerance"), [(float("nan"), TOLERANCE), (float("inf"), TOLERANCE),
                                                (NOW, -1), (NOW, float("nan")), (NOW, "300")],
                         ids=["nan-now", "inf-now", "negative-tolerance", "nan-tolerance", "str-tolerance"])
def test_bad_clock_or_tolerance_refused(verifier: Verifier, now: float, tolerance: Any) -> None:
    assert verifier.accepts(BODY, header(), now=now, tolerance=tolerance) is False


@by_name
@pytest.mark.parametrize("secret", [SECRET, OLD_SECRET], ids=["new-secret", "old-secret"])
def test_key_rotation_header_verifies_with_either_secret(verifier: Verifier, secret: str) -> None:
    rotated = f"t={NOW},v1={digest(BODY, NOW, OLD_SECRET)},v1={digest(BODY, NOW, SECRET)}"
    assert verifier.accepts(BODY, rotated, secret=secret)


@by_name
def test_every_well_formed_v1_is_compared_in_constant_time(verifier: Verifier,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record_compare_digest(monkeypatch)
    others = [digest(BODY, NOW, f"whsec_other_{i}") for i in range(3)]
    value = f"t={NOW},v1={header().split('v1=')[1]}," + ",".join(f"v1={o}" for o in others) + ",v1=☃"
    assert verifier.accepts(BODY, value)
    assert len(calls) == 4  # the valid one does not stop the loop; the non-hex one is never compared
    assert all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in calls)


@by_name
@pytest.mark.parametrize("offset", [-TOLERANCE - 1, TOLERANCE + 1, -86_400, 10**9 - NOW + 10**9],
                         ids=["just-too-old", "just-too-new", "a-day-old", "far-future"])
def test_tolerance_applies_both_ways(verifier: Verifier, offset: int) -> None:
    ts = NOW + offset
    assert verifier.accepts(BODY, header(ts)) is False
    assert verifier.accepts(BODY, header(ts), now=ts)  # the same header is fine at its own time


@by_name
def test_identical_delivery_accepted_once_with_a_replay_guard(verifier: Verifier) -> None:
    guard = ReplayGuard()
    value = header()
    assert verifier.accepts(BODY, value, guard=guard)
    assert verifier.accepts(BODY, value, guard=guard) is False
    assert verifier.accepts(BODY, value.replace(",", ", "), guard=guard) is False  # same signature
    assert verifier.accepts(BODY, header(NOW + 1), now=NOW + 1, guard=guard)  # a new signature
    assert verifier.accepts(BODY, value)  # without a guard nothing is remembered


@by_name
def test_replay_memory_is_bounded_by_the_tolerance_window(verifier: Verifier) -> None:
    guard = ReplayGuard()
    for i in range(50):
        assert verifier.accepts(BODY, header(NOW + i), now=NOW + i, guard=guard)
    assert len(guard) == 50
    later = NOW + 50 + 2 * TOLERANCE
    assert verifier.accepts(BODY, header(later), now=later, guard=guard)
    assert len(guard) == 1  # everything older than the window was dropped
    # ...and a dropped entry cannot be replayed: the timestamp check refuses it now.
    assert verifier.accepts(BODY, header(NOW), now=later, guard=guard) is False


@by_name
def test_forged_headers_never_enter_the_replay_memory(verifier: Verifier) -> None:
    guard = ReplayGuard()
    for i in range(20):
        assert verifier.accepts(BODY, f"t={NOW},v1={digest(BODY, NOW, f'forger_{i}')}", guard=guard) is False
    assert len(guard) == 0


@by_name
def test_replay_guard_is_atomic_across_threads(verifier: Verifier) -> None:
    guard = ReplayGuard()
    value = header()
    barrier = threading.Barrier(16)
    results: list[bool] = []
    lock = threading.Lock()

    def deliver() -> None:
        barrier.wait()
        ok = verifier.accepts(BODY, value, guard=guard)
        with lock:
            results.append(ok)

    run_threads([deliver] * 16)
    assert sorted(results) == [False] * 15 + [True]


def test_vellum_tolerance_zero_keeps_the_seed_meaning_but_not_with_replay() -> None:
    vellum = VERIFIERS[2]
    assert vellum.accepts(BODY, header(NOW - 86_400), tolerance=0)
    assert vellum.accepts(BODY, "t=0" + header()[len(f"t={NOW}"):], tolerance=0) is False  # still strict
    assert vellum.accepts(BODY, header(), tolerance=0, guard=ReplayGuard()) is False


def test_spaps_tolerance_zero_means_this_second_only() -> None:
    for verifier in VERIFIERS[:2]:
        assert verifier.accepts(BODY, header(), tolerance=0)
        assert verifier.accepts(BODY, header(NOW - 1), tolerance=0) is False


def test_one_hmac_implementation_in_the_sdk() -> None:
    """The class guard: no facade module computes or compares webhook HMACs by hand."""
    root = Path(signatures.__file__).resolve().parents[1]
    offenders = [
        str(path.relative_to(root)) for path in root.rglob("*.py")
        if "sandbox" not in path.parts and path.name != "signatures.py"
        and ("hmac.new(" in (text := path.read_text()) or "compare_digest(" in text)
    ]
    assert offenders == []

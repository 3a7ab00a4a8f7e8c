"""Every webhook verifier in paywire, behind one adapter, plus a header corpus and an oracle.

Shared by ``tests/core/test_signatures.py`` (the enumerated corpus) and
``tests/soak/test_soak_webhooks.py`` (the fuzz run).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from paywire._core.signatures import ReplayGuard
from paywire.spaps.webhooks import (
    CryptoWebhookSignatureError,
    verify_crypto_webhook,
    verify_crypto_webhook_signature,
)
from paywire.vellum import VellumSignatureError, verify_push_signature

SECRET = "whsec_corpus_secret_0123"
OLD_SECRET = "whsec_corpus_previous_99"
NOW = 1_700_000_000
TOLERANCE = 300
BODY = json.dumps({"eventId": "evt_1", "type": "payment.succeeded", "name": "Zoë ☃"},
                  ensure_ascii=False, separators=(",", ":")).encode()


def digest(body: bytes, ts: int, secret: str = SECRET) -> str:
    """Written independently of paywire: the oracle must not share the code under test."""
    return hmac.new(secret.encode(), str(ts).encode() + b"." + body, hashlib.sha256).hexdigest()


def header(ts: int = NOW, body: bytes = BODY, secret: str = SECRET) -> str:
    return f"t={ts},v1={digest(body, ts, secret)}"


@dataclass(frozen=True)
class Verifier:
    """``accepts`` returns True/False; the verifier's own typed error means False, and any
    other exception escapes (a crash)."""

    name: str
    error: type[Exception] | None
    call: Callable[..., Any]

    def accepts(self, payload: Any, value: Any, *, secret: Any = SECRET, now: float = NOW,
                tolerance: int = TOLERANCE, guard: ReplayGuard | None = None) -> bool:
        if self.error is None:
            result = self.call(payload, value, secret, tolerance=tolerance, now=now, replay_guard=guard)
            assert isinstance(result, bool)
            return result
        try:
            self.call(payload, value, secret, tolerance=tolerance, now=now, replay_guard=guard)
        except self.error as exc:
            assert SECRET not in str(exc) and OLD_SECRET not in str(exc)
            return False
        return True


def _vellum(payload: Any, value: Any, secret: Any, *, tolerance: int, now: float,
            replay_guard: ReplayGuard | None) -> Any:
    return verify_push_signature(payload, value, secret, tolerance, now=now, replay_guard=replay_guard)


VERIFIERS = [
    Verifier("spaps.verify_crypto_webhook_signature", None, verify_crypto_webhook_signature),
    Verifier("spaps.verify_crypto_webhook", CryptoWebhookSignatureError, verify_crypto_webhook),
    Verifier("vellum.verify_push_signature", VellumSignatureError, _vellum),
]

_V1 = re.compile(r"(?:^|,)[ \t]*v1=([0-9a-f]{64})[ \t]*(?=,|\Z)")
_T = re.compile(r"(?:^|,)[ \t]*t=([0-9]+)[ \t]*(?=,|\Z)")


def legitimately_signed(value: Any, body: bytes = BODY, now: float = NOW, tolerance: int = TOLERANCE,
                        secrets: tuple[str, ...] = (SECRET,)) -> bool:
    """Oracle for the fuzz: could ``value`` have been produced by signing ``body`` with one of
    ``secrets`` at a time within ``tolerance`` of ``now``? Accepting anything else is a false
    accept. (Stricter parsing than this is allowed: a refused valid header is not counted.)"""
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("ascii")
        except UnicodeDecodeError:
            return False
    if not isinstance(value, str):
        return False
    stamps = _T.findall(value)
    if len(stamps) != 1 or len(stamps[0]) > 10 or (stamps[0].startswith("0") and stamps[0] != "0"):
        return False
    ts = int(stamps[0])
    if abs(now - ts) > tolerance:
        return False
    wanted = {digest(body, ts, s) for s in secrets}
    return any(sig in wanted for sig in _V1.findall(value))


def corpus() -> list[tuple[str, Any, bool]]:
    """(case id, header value, accepted?) for a body of ``BODY`` verified at ``NOW``."""
    good = digest(BODY, NOW)
    wrong = digest(BODY, NOW, "whsec_not_the_secret")
    rotated = digest(BODY, NOW, OLD_SECRET)
    accept = [
        ("valid", f"t={NOW},v1={good}"),
        ("v1-first", f"v1={good},t={NOW}"),
        ("spaces-after-commas", f"t={NOW}, v1={good}"),
        ("tabs-and-spaces-around-elements", f" \tt={NOW} ,\tv1={good}\t"),
        ("unknown-keys-ignored", f"t={NOW},v0=abc,scheme=x,v1={good}"),
        ("element-without-equals-ignored", f"t={NOW},garbage,v1={good}"),
        ("multi-v1-valid-first", f"t={NOW},v1={good},v1={wrong},v1=deadbeef"),
        ("multi-v1-valid-middle", f"t={NOW},v1={wrong},v1={good},v1={rotated}"),
        ("multi-v1-valid-last", f"t={NOW},v1={rotated},v1={wrong},v1={good}"),
        ("non-ascii-v1-then-valid", f"t={NOW},v1=é{good[1:]},v1={good}"),
        ("valid-then-non-ascii-v1", f"t={NOW},v1={good},v1=☃"),
        ("empty-v1-then-valid", f"t={NOW},v1=,v1={good}"),
        ("uppercase-v1-then-valid", f"t={NOW},v1={good.upper()},v1={good}"),
        ("ascii-bytes-header", f"t={NOW},v1={good}".encode()),
        ("oldest-inside-tolerance", header(NOW - TOLERANCE)),
        ("newest-inside-tolerance", header(NOW + TOLERANCE)),
    ]
    reject = [
        ("empty", ""),
        ("whitespace-only", "   "),
        ("none", None),
        ("int", 12345),
        ("dict", {"t": NOW, "v1": good}),
        ("no-equals-anywhere", "garbage"),
        ("missing-t", f"v1={good}"),
        ("missing-v1", f"t={NOW}"),
        ("empty-t", f"t=,v1={good}"),
        ("only-empty-v1", f"t={NOW},v1="),
        ("duplicated-t-same", f"t={NOW},t={NOW},v1={good}"),
        ("duplicated-t-different", f"t=1,t={NOW},v1={good}"),
        ("leading-zero-t", f"t=0{NOW},v1={digest(BODY, NOW)}"),
        ("plus-t", f"t=+{NOW},v1={good}"),
        ("minus-t", f"t=-{NOW},v1={good}"),
        ("underscore-t", f"t=1_700_000_000,v1={good}"),
        ("decimal-t", f"t={NOW}.0,v1={good}"),
        ("exponent-t", f"t=1.7e9,v1={good}"),
        ("hex-t", f"t=0x{NOW:x},v1={good}"),
        ("arabic-indic-t", "t=" + "".join(chr(0x660 + int(c)) for c in str(NOW)) + f",v1={good}"),
        ("fullwidth-t", "t=" + "".join(chr(0xFF10 + int(c)) for c in str(NOW)) + f",v1={good}"),
        ("devanagari-t", "t=" + "".join(chr(0x966 + int(c)) for c in str(NOW)) + f",v1={good}"),
        ("superscript-t", f"t=¹{NOW},v1={good}"),
        ("400-digit-t", "t=" + "9" * 400 + f",v1={good}"),
        ("11-digit-t", f"t=1{NOW},v1={good}"),
        ("space-inside-t", f"t= {NOW},v1={good}"),
        ("space-before-equals", f"t ={NOW},v1={good}"),
        ("newline-after-t", f"t={NOW}\n,v1={good}"),
        ("newline-separator", f"t={NOW},\nv1={good}"),
        ("nbsp-around-element", f"\u00a0t={NOW},v1={good}"),
        ("semicolon-separator", f"t={NOW};v1={good}"),
        ("uppercase-keys", f"T={NOW},V1={good}"),
        ("non-ascii-v1-only", f"t={NOW},v1=é{good[1:]}"),
        ("lone-surrogate-v1", f"t={NOW},v1=\ud800{good[1:]}"),
        ("lone-surrogate-t", f"t=\ud800,v1={good}"),
        ("uppercase-hex-only", f"t={NOW},v1={good.upper()}"),
        ("truncated-v1", f"t={NOW},v1={good[:-1]}"),
        ("v1-with-extra-char", f"t={NOW},v1={good}0"),
        ("wrong-secret", f"t={NOW},v1={wrong}"),
        ("digest-for-other-timestamp", f"t={NOW},v1={digest(BODY, NOW - 1)}"),
        ("digest-of-other-body", f"t={NOW},v1={digest(BODY + b' ', NOW)}"),
        ("old-timestamp", header(NOW - TOLERANCE - 1)),
        ("future-timestamp", header(NOW + TOLERANCE + 1)),
        ("epoch-zero", header(0)),
        ("far-future", header(9_999_999_999)),
        ("over-4096-chars", f"t={NOW},v1={good}," + "x" * 4096),
        ("non-ascii-bytes-header", f"t={NOW},v1={good},x=é".encode()),
    ]
    return [(name, value, True) for name, value in accept] + [(name, value, False) for name, value in reject]

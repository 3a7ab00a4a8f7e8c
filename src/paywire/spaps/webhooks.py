"""Crypto-payment webhook signatures (client-side helper, no HTTP).

The signature value is ``t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`` with a
300-second tolerance (shared/reference/spaps.md §1.5). The header that carries it is not known
for the 0.1.x server, so the caller passes the value.

``verify_crypto_webhook_signature`` keeps the seed's contract (returns ``bool``, never raises
for any header value); :func:`verify_crypto_webhook` is the same check raising
:class:`CryptoWebhookSignatureError` with the reason. Both use the shared verifier in
:mod:`paywire._core.signatures`: strict ASCII timestamps, every ``v1`` compared in constant
time (secret rotation), timestamps too far in the past **or** future refused, optional replay
memory.
"""

from __future__ import annotations

import time

from paywire._core.signatures import ReplayGuard, signature_header, verify_signature
from paywire.spaps.errors import SpapsError

DEFAULT_TOLERANCE = 300


class CryptoWebhookSignatureError(SpapsError, ValueError):
    """A crypto webhook failed verification (malformed header, bad or stale/future timestamp,
    wrong secret or tampered body, replayed delivery). The message never contains the secret."""


def compute_crypto_webhook_signature(payload: bytes | str, secret: str, timestamp: int | None = None) -> str:
    """The ``t=…,v1=…`` value for ``payload`` (useful to test your webhook endpoint)."""
    ts = int(time.time()) if timestamp is None else int(timestamp)
    body = payload.encode() if isinstance(payload, str) else payload
    return signature_header(body, secret, ts)


def verify_crypto_webhook(payload: bytes | str, signature: str | None, secret: str, *,
                          tolerance: int = DEFAULT_TOLERANCE, now: float | None = None,
                          replay_guard: ReplayGuard | None = None) -> bytes:
    """Verify ``signature`` for ``payload``; return the payload bytes or raise
    :class:`CryptoWebhookSignatureError`."""
    return verify_signature(payload, signature, secret, tolerance_s=tolerance,
                            error=CryptoWebhookSignatureError, now=now, replay_guard=replay_guard)


def verify_crypto_webhook_signature(payload: bytes | str, signature: str | None, secret: str, *,
                                    tolerance: int = DEFAULT_TOLERANCE, now: float | None = None,
                                    replay_guard: ReplayGuard | None = None) -> bool:
    """True when ``signature`` is a valid ``t=…,v1=…`` for ``payload`` within ``tolerance`` s
    (and, with ``replay_guard``, not accepted before); False for anything else."""
    try:
        verify_crypto_webhook(payload, signature, secret, tolerance=tolerance, now=now, replay_guard=replay_guard)
    except CryptoWebhookSignatureError:
        return False
    return True


__all__ = [
    "CryptoWebhookSignatureError",
    "ReplayGuard",
    "compute_crypto_webhook_signature",
    "verify_crypto_webhook",
    "verify_crypto_webhook_signature",
]

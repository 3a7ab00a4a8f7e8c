"""Crypto-payment webhook signatures (client-side helper, no HTTP).

The signature value is ``t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`` with a
300-second tolerance (shared/reference/spaps.md §1.5). The header that carries it is not known
for the 0.1.x server, so the caller passes the value. Comparison is constant-time; several
``v1=`` values (secret rotation) are accepted; timestamps too far in the past **or** future
are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import time

DEFAULT_TOLERANCE = 300


def compute_crypto_webhook_signature(payload: bytes | str, secret: str, timestamp: int | None = None) -> str:
    """The ``t=…,v1=…`` value for ``payload`` (useful to test your webhook endpoint)."""
    ts = int(time.time()) if timestamp is None else int(timestamp)
    body = payload.encode() if isinstance(payload, str) else payload
    digest = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={ts},v1={digest}"


def verify_crypto_webhook_signature(payload: bytes | str, signature: str | None, secret: str, *,
                                    tolerance: int = DEFAULT_TOLERANCE, now: float | None = None) -> bool:
    """True when ``signature`` is a valid ``t=…,v1=…`` for ``payload`` within ``tolerance`` s."""
    if not signature or not secret:
        return False
    timestamp: int | None = None
    candidates: list[str] = []
    for part in signature.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                return False
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        return False
    expected = compute_crypto_webhook_signature(payload, secret, timestamp).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)


__all__ = ["compute_crypto_webhook_signature", "verify_crypto_webhook_signature"]

"""Push webhook verification (``verify_push_signature``), byte-compatible with vellumcharter.

Vellum signs each push with ``t=<unix seconds>,v1=<hex>`` where the hex is
``HMAC-SHA256(secret, "<t>.<raw body>")``. The sandbox (and the spec) send it in the
``X-Vellum-Signature`` header; only the header's value is passed here. Parsing, freshness,
the constant-time comparison of every ``v1`` and replay memory live in
:mod:`paywire._core.signatures`, shared with SPAPS.
"""

from __future__ import annotations

import json
import time
from typing import Any

from paywire._core import register_secret
from paywire._core.signatures import ReplayGuard, signature_header, verify_signature
from paywire.vellum.errors import VellumSignatureError

SIGNATURE_HEADER = "X-Vellum-Signature"
DEFAULT_TOLERANCE_S = 300


def sign_push_payload(payload: str | bytes | bytearray, secret: str, timestamp: int | None = None) -> str:
    """The signature header value Vellum would send for ``payload`` (for tests and tooling)."""
    ts = int(time.time()) if timestamp is None else int(timestamp)
    body = bytes(payload) if isinstance(payload, (bytes, bytearray)) else payload.encode("utf-8")
    return signature_header(body, secret, ts)


def verify_push_signature(
    payload: str | bytes | bytearray,
    header: str,
    secret: str,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    *,
    replay_guard: ReplayGuard | None = None,
    now: float | None = None,
) -> dict[str, Any]:
    """Verify a Vellum push webhook and return the parsed event.

    Pass the *raw* request body (bytes or str), not a re-serialised dict. Raises
    :class:`VellumSignatureError` (never anything else) on a malformed header, a timestamp
    more than ``tolerance_s`` seconds in the past or the future (``tolerance_s=0`` skips the
    freshness check, as in vellumcharter), a wrong secret or a tampered body, a delivery that
    ``replay_guard`` has already accepted, or a body that is not a JSON object. Every ``v1``
    in the header is checked, so a header signed with an old and a new secret verifies.
    """
    if isinstance(secret, str) and secret:
        register_secret(secret)
    body = verify_signature(
        payload, header, secret, tolerance_s=tolerance_s or None, error=VellumSignatureError,
        now=now, replay_guard=replay_guard,
    )
    try:
        event = json.loads(body)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly nested JSON
        raise VellumSignatureError("signed body is not valid JSON") from exc
    if not isinstance(event, dict):
        raise VellumSignatureError("signed body is not a JSON object")
    return event


__all__ = ["DEFAULT_TOLERANCE_S", "SIGNATURE_HEADER", "ReplayGuard", "sign_push_payload", "verify_push_signature"]

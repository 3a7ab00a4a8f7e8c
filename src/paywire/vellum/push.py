"""Push webhook verification (``verify_push_signature``), byte-compatible with vellumcharter.

Vellum signs each push with ``t=<unix seconds>,v1=<hex>`` where the hex is
``HMAC-SHA256(secret, "<t>.<raw body>")``. The sandbox (and the spec) send it in the
``X-Vellum-Signature`` header; only the header's value is passed here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from paywire._core import register_secret
from paywire.vellum.errors import VellumSignatureError

SIGNATURE_HEADER = "X-Vellum-Signature"
DEFAULT_TOLERANCE_S = 300
_MAX_HEADER = 4096


def sign_push_payload(payload: str | bytes | bytearray, secret: str, timestamp: int | None = None) -> str:
    """The signature header value Vellum would send for ``payload`` (for tests and tooling)."""
    ts = int(time.time()) if timestamp is None else int(timestamp)
    body = bytes(payload) if isinstance(payload, (bytes, bytearray)) else payload.encode("utf-8")
    return f"t={ts},v1={_digest(secret, ts, body)}"


def verify_push_signature(
    payload: str | bytes | bytearray,
    header: str,
    secret: str,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
) -> dict[str, Any]:
    """Verify a Vellum push webhook and return the parsed event.

    Pass the *raw* request body (bytes or str), not a re-serialised dict. Raises
    :class:`VellumSignatureError` on a malformed header, a timestamp more than ``tolerance_s``
    seconds in the past or the future (``tolerance_s=0`` skips the freshness check), a wrong
    secret or a tampered body (compared in constant time), or a body that is not a JSON object.
    """
    if not isinstance(secret, str) or not secret:
        raise VellumSignatureError("push secret must be a non-empty string")
    register_secret(secret)
    if not isinstance(header, str) or not header or len(header) > _MAX_HEADER:
        raise VellumSignatureError("malformed signature header")
    if isinstance(payload, (bytes, bytearray)):
        body = bytes(payload)
    elif isinstance(payload, str):
        body = payload.encode("utf-8")
    else:
        raise VellumSignatureError("payload must be the raw request body (bytes or str)")

    parts: dict[str, str] = {}
    for piece in header.split(","):
        key, sep, value = piece.strip().partition("=")
        if sep:
            parts[key] = value  # unknown keys ignored; a repeated key: the last one wins
    timestamp, signature = parts.get("t"), parts.get("v1")
    if not timestamp or not signature:
        raise VellumSignatureError("malformed signature header")
    if not timestamp.isascii() or not timestamp.isdigit():
        raise VellumSignatureError("invalid signature timestamp")
    ts = int(timestamp)
    if tolerance_s and abs(time.time() - ts) > tolerance_s:
        raise VellumSignatureError("signature timestamp outside tolerance")

    expected = _digest(secret, ts, body)
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", errors="replace")):
        raise VellumSignatureError("signature mismatch")
    try:
        event = json.loads(body)
    except ValueError as exc:
        raise VellumSignatureError("signed body is not valid JSON") from exc
    if not isinstance(event, dict):
        raise VellumSignatureError("signed body is not a JSON object")
    return event


def _digest(secret: str, ts: int, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), str(ts).encode("ascii") + b"." + body, hashlib.sha256).hexdigest()

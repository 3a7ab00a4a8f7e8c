"""One verifier for every ``t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>")>`` webhook.

SPAPS crypto webhooks and Vellum push webhooks use the same Stripe-style scheme. Each service
used to parse it by hand and each parser had its own holes (``int()`` accepting ``+1``, ``1_0``
and Arabic-Indic digits, ``OverflowError`` on 400-digit timestamps, ``TypeError`` from
``hmac.compare_digest`` on non-ASCII input, only the last ``v1`` checked). This module is the
single place that decides what a valid header is:

* the header is a ``str`` (or ASCII ``bytes``) of at most :data:`MAX_HEADER_LENGTH` characters,
  split on ``,``; each element is ``key=value`` with only spaces/tabs around it (HTTP's OWS);
  elements with other keys are ignored (room for future schemes such as ``v0``);
* exactly one ``t``, matching ``0|[1-9][0-9]{0,9}`` in ASCII (no sign, ``_``, leading zeros,
  Unicode digits or a trailing newline), so the number is bounded before it is converted;
* at least one ``v1``; **every** ``v1`` is compared (in constant time) with the expected
  digest, so a sender rotating its secret can send one signature per secret. A value that is
  not 64 lowercase hex characters can never match and is skipped without being compared;
* the timestamp must be within ``tolerance_s`` of now in **both** directions;
* optionally a :class:`ReplayGuard` refuses a signature it has already accepted while that
  signature is still inside the tolerance window.

Every failure is raised as the caller's own exception class (``VellumSignatureError``,
SPAPS's ``CryptoWebhookSignatureError``) with a message that never contains the secret.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Longer headers are refused before any parsing (a real one is ~80 characters per secret).
MAX_HEADER_LENGTH = 4096
#: Ten digits reach the year 2286; longer "timestamps" are milliseconds or garbage.
MAX_TIMESTAMP_DIGITS = 10

_TIMESTAMP = re.compile(rf"0|[1-9][0-9]{{0,{MAX_TIMESTAMP_DIGITS - 1}}}")
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_OWS = " \t"

MALFORMED = "malformed signature header"
BAD_TIMESTAMP = "invalid signature timestamp"
OUTSIDE_TOLERANCE = "signature timestamp outside tolerance"
MISMATCH = "signature mismatch"
REPLAYED = "signature already used (replayed delivery)"

ErrorFactory = Callable[[str], Exception]


@dataclass(frozen=True, slots=True)
class ParsedSignature:
    """A syntactically valid header: its timestamp and every ``v1`` value, in order."""

    timestamp: int
    signatures: tuple[str, ...]


def compute_signature(payload: bytes, secret: str, timestamp: int) -> str:
    """Lower-case hex HMAC-SHA256 keyed with ``secret`` (UTF-8) over ``b"<t>." + payload``."""
    return hmac.new(secret.encode("utf-8"), b"%d." % timestamp + payload, hashlib.sha256).hexdigest()


def signature_header(payload: bytes, secret: str, timestamp: int) -> str:
    """The header value a sender produces: ``t=<timestamp>,v1=<hex>``."""
    return f"t={timestamp},v1={compute_signature(payload, secret, timestamp)}"


def parse_signature_header(header: object, error: ErrorFactory) -> ParsedSignature:
    """Parse ``header`` strictly; raise ``error(message)`` for anything that is not valid."""
    if isinstance(header, (bytes, bytearray)):
        try:
            header = bytes(header).decode("ascii")
        except UnicodeDecodeError:
            raise error(MALFORMED) from None
    if not isinstance(header, str) or not header or len(header) > MAX_HEADER_LENGTH:
        raise error(MALFORMED)
    timestamps: list[str] = []
    signatures: list[str] = []
    for element in header.split(","):
        key, sep, value = element.strip(_OWS).partition("=")
        if not sep:
            continue  # not key=value: ignored like any unknown element
        if key == "t":
            timestamps.append(value)
        elif key == "v1":
            signatures.append(value)
    if len(timestamps) != 1 or not signatures:
        # Two ``t`` values are ambiguous (which one did the sender sign?): refuse, never guess.
        raise error(MALFORMED)
    raw = timestamps[0]
    if not _TIMESTAMP.fullmatch(raw):
        raise error(BAD_TIMESTAMP)
    return ParsedSignature(int(raw), tuple(signatures))


def payload_bytes(payload: object, error: ErrorFactory) -> bytes:
    """The exact bytes that were signed: bytes-like as is, ``str`` as UTF-8."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload)
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: no sender could have signed this
            raise error("payload is not valid UTF-8 text") from None
    raise error("payload must be the raw request body (bytes or str)")


def check_secret(secret: object, error: ErrorFactory) -> str:
    if not isinstance(secret, str) or not secret:
        raise error("signing secret must be a non-empty string")
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        raise error("signing secret is not valid UTF-8 text") from None
    return secret


class ReplayGuard:
    """Remembers accepted signatures until their timestamp leaves the tolerance window.

    Pass one instance to every call of a verifier (``replay_guard=``) to refuse a delivery that
    was already accepted. Memory is bounded by the window: an entry is dropped once its
    timestamp is older than the tolerance, because from then on the timestamp check alone
    refuses it. Only verified signatures are stored, so a forger cannot fill it. Thread-safe;
    the check and the insert are one atomic step, so two threads racing with the same delivery
    accept it once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._expiry: dict[str, float] = {}
        self._heap: list[tuple[float, str]] = []

    def __len__(self) -> int:
        with self._lock:
            return len(self._expiry)

    def remember(self, signature: str, expires_at: float, now: float) -> bool:
        """Record ``signature`` until ``expires_at``; False when it is already remembered."""
        with self._lock:
            self._prune(now)
            if signature in self._expiry:
                return False
            self._expiry[signature] = expires_at
            heapq.heappush(self._heap, (expires_at, signature))
            return True

    def _prune(self, now: float) -> None:
        heap = self._heap
        while heap and heap[0][0] < now:
            _, signature = heapq.heappop(heap)
            self._expiry.pop(signature, None)


def verify_signature(
    payload: object,
    header: object,
    secret: object,
    *,
    tolerance_s: float | None,
    error: ErrorFactory,
    now: float | None = None,
    replay_guard: ReplayGuard | None = None,
) -> bytes:
    """Verify a signed webhook; return the payload bytes or raise ``error(message)``.

    ``tolerance_s=None`` turns the freshness check off (Vellum's ``tolerance_s=0``); replay
    protection needs a window, so it cannot be combined with that.
    """
    if tolerance_s is not None and (isinstance(tolerance_s, bool) or not isinstance(tolerance_s, (int, float))
                                    or not math.isfinite(tolerance_s) or tolerance_s < 0):
        raise error("tolerance must be a finite number of seconds >= 0")
    if replay_guard is not None and tolerance_s is None:
        raise error("replay protection needs a tolerance window (tolerance must be > 0)")
    current = time.time() if now is None else now
    if isinstance(current, bool) or not isinstance(current, (int, float)) or not math.isfinite(current):
        raise error("now must be a finite unix time")
    key = check_secret(secret, error)
    body = payload_bytes(payload, error)
    parsed = parse_signature_header(header, error)
    if tolerance_s is not None and abs(current - parsed.timestamp) > tolerance_s:
        raise error(OUTSIDE_TOLERANCE)
    expected = compute_signature(body, key, parsed.timestamp).encode("ascii")
    matched: str | None = None
    for candidate in parsed.signatures:
        # Only well-formed digests reach compare_digest (it raises TypeError on non-ASCII str);
        # the format check says nothing about the secret, so skipping is not a timing leak.
        if _HEX_DIGEST.fullmatch(candidate) and hmac.compare_digest(expected, candidate.encode("ascii")):
            matched = candidate
    if matched is None:
        raise error(MISMATCH)
    if (replay_guard is not None and tolerance_s is not None
            and not replay_guard.remember(matched, parsed.timestamp + tolerance_s, current)):
        raise error(REPLAYED)
    return body


__all__ = [
    "MAX_HEADER_LENGTH",
    "MAX_TIMESTAMP_DIGITS",
    "ParsedSignature",
    "ReplayGuard",
    "compute_signature",
    "parse_signature_header",
    "signature_header",
    "verify_signature",
]

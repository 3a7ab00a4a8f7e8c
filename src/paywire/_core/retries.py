"""Retry policy: exponential backoff with full jitter, ``Retry-After``, attempts and deadline.

Written here rather than taken from httpx-retries/stamina/tenacity because the policy must see
the *logical* call: whether it carries an idempotency key (a POST without one is never
retried once it may have reached the server), the operation's own retryable statuses, and a
deadline spanning every attempt. Those libraries see either bytes (a transport) or a plain
callable, and none drives both our sync and async flows from one description.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from dataclasses import dataclass, field, replace

import httpx

_RNG = random.Random()
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class RetryConfig:
    """How a client retries.

    ``max_attempts`` counts the first try (3 = two retries, the default, as the best SDKs do;
    1 turns retries off). The n-th retry waits a random time in
    ``[0, min(max_backoff, backoff_factor * 2**(n-1))]`` (full jitter), unless the server sent
    ``Retry-After``: then that many seconds, if it is at most ``max_retry_after``; a longer
    hint is not waited out and the error is raised with ``retry_after`` set. ``deadline``
    (seconds) bounds the whole logical call, waits included.
    """

    max_attempts: int = 3
    backoff_factor: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    deadline: float | None = None
    retry_statuses: frozenset[int] = field(default=RETRY_STATUSES)
    jitter: bool = True

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be >= 1")
        if self.backoff_factor < 0 or self.max_backoff < 0 or self.max_retry_after < 0:
            raise ValueError("backoff values must be >= 0")
        if self.deadline is not None and self.deadline <= 0:
            raise ValueError("deadline must be > 0")

    def with_max_retries(self, max_retries: int) -> RetryConfig:
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        return replace(self, max_attempts=max_retries + 1)

    def backoff(self, retry_number: int, rng: random.Random | None = None) -> float:
        ceiling = min(self.max_backoff, self.backoff_factor * (2.0 ** max(retry_number - 1, 0)))
        if not self.jitter:
            return ceiling
        generator = rng or _RNG
        return generator.uniform(0, ceiling)


NO_RETRIES = RetryConfig(max_attempts=1)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP-date; None if unusable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        current = dt.datetime.now(dt.UTC).timestamp() if now is None else now
        seconds = when.timestamp() - current
    if seconds != seconds or seconds < 0:  # NaN or in the past
        return 0.0 if seconds == seconds else None
    return seconds


def request_may_retry(request: httpx.Request, has_idempotency_key: bool) -> bool:
    """May this request be sent again after it possibly reached the server?"""
    return request.method in SAFE_METHODS or has_idempotency_key


def never_sent(exc: BaseException) -> bool:
    """Transport errors that prove the request never reached the server (safe for any method).

    Deliberately *not* here: "Server disconnected without sending a response"
    (``RemoteProtocolError``) or a reset while reading, even on a reused keep-alive connection.
    A server whose idle timer fired as the request arrived gives that, but so does one that
    applied the request and then died; RFC 9110 section 9.2.2 allows an automatic retry of
    a non-idempotent request only when it is known not to have been applied (Go's
    ``net/http`` likewise resends such a request only if it is replayable: idempotent or
    carrying an ``Idempotency-Key``, which the flow already resends). The provable case, a
    connection found closed before any byte of the request was written, never surfaces as
    an error: httpcore and aiohttp check an idle connection before reusing it and connect
    anew (verified for every pool). The race in between is what ``KEEPALIVE_EXPIRY``
    (``transport.py``) removes: the client gives idle connections up before the server does."""
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))

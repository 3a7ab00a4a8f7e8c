"""Retry building blocks beside the core's per-request retries (``BaseClient._send``): flow
combinators for the two waits an operation needs *above* one request.

- :func:`wait_while_in_progress`: the server answers 409 "the first request with this
  idempotency key is still running"; ask again later with the **same** key (the caller's
  ``attempt`` resends one request built once), honouring ``Retry-After`` or the policy's
  backoff, until the deadline. The server then replays the stored first result, so nothing is
  charged twice.
- :func:`poll_rate_limited`: a status poll answered 429 waits ``Retry-After`` (else a doubling
  backoff) and polls again, a caller-given number of times; a hint longer than the policy's
  ``max_retry_after`` or past the deadline is not waited out.

Both only ``yield Sleep(...)``: they run on the sync and the async driver alike, and a test
clock/sleep sees every wait. ``Retry-After`` is read by :func:`~paywire._core.retries.parse_retry_after`
(delta-seconds or HTTP-date), as in the core's own retries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import httpx

from paywire._core.errors import APIStatusError
from paywire._core.flow import Flow, Sleep
from paywire._core.retries import RetryConfig, parse_retry_after

T = TypeVar("T")
E = TypeVar("E", bound=APIStatusError)


def retry_after(response: httpx.Response | None) -> float | None:
    """The server's ``Retry-After`` in seconds (None when absent or unusable)."""
    return None if response is None else parse_retry_after(response.headers.get("retry-after"))


def doubling_backoff(retry_number: int) -> float:
    """1, 2, 4 ... 60 s: the wait before the n-th repeat of a poll without a ``Retry-After``."""
    return float(min(2 ** (retry_number - 1), 60))


def wait_while_in_progress(
    attempt: Callable[[], Flow[T]],
    *,
    in_progress: type[E],
    response_of: Callable[[E], httpx.Response | None],
    policy: RetryConfig,
    deadline: float,
    clock: Callable[[], float],
) -> Flow[T]:
    """Run ``attempt`` until it does not raise ``in_progress``; between tries wait the server's
    ``Retry-After`` (capped at ``policy.max_retry_after``) or ``policy.backoff(n)``.

    ``attempt`` must resend the *same* request (same idempotency key): that is what makes asking
    again safe. The conflict is raised when the policy allows no retries (``max_attempts == 1``)
    or the next wait would end after ``deadline`` (a ``clock()`` time)."""
    waits = 0
    while True:
        try:
            return (yield from attempt())
        except in_progress as exc:
            waits += 1
            hint = retry_after(response_of(exc))
            delay = policy.backoff(waits) if hint is None else min(hint, policy.max_retry_after)
            if policy.max_attempts <= 1 or clock() + delay > deadline:
                raise
            yield Sleep(delay)


def poll_rate_limited(
    send: Callable[[], Flow[httpx.Response]],
    *,
    rate_limited: Callable[[httpx.Response], Exception],
    max_retries: int,
    max_retry_after: float,
    clock: Callable[[], float],
    deadline: float | None = None,
    backoff: Callable[[int], float] = doubling_backoff,
) -> Flow[httpx.Response]:
    """``send()`` (which must return 429 answers rather than raise them) until the answer is
    not 429; return that response. A 429 waits ``Retry-After`` (else ``backoff(n)``) and is
    retried up to ``max_retries`` times; ``rate_limited(response)`` is raised when retries are
    used up, the wait would exceed ``max_retry_after``, or end after ``deadline``."""
    retries = 0
    while True:
        response = yield from send()
        if response.status_code != 429:
            return response
        hint = retry_after(response)
        delay = backoff(retries + 1) if hint is None else hint
        if (retries >= max_retries or delay > max_retry_after
                or (deadline is not None and clock() + delay > deadline)):
            raise rate_limited(response)
        retries += 1
        yield Sleep(delay)

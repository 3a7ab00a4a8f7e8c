"""Sessions: the connection status poll and ``wait_for_connection``."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import httpx

from paywire._core import Flow, Sleep, make_status_error, operation
from paywire._core.flow import Call
from paywire._core.waits import poll_rate_limited
from paywire.conxa.errors import (
    ConnectionTimeoutError,
    ConxaResponseValidationError,
    RateLimitError,
    SessionExpiredError,
    SessionNotFoundError,
)
from paywire.conxa.models import QRCodeData, SessionStatus
from paywire.conxa.resources._base import ConxaBase, bad, number, text


class SessionsOps(ConxaBase):
    def _poll(self, username: str, retry_on_rate_limit: bool, max_retries: int,
              deadline: float | None = None) -> Flow[SessionStatus]:
        # generated code is imported on first call (resources/_base.py)
        from paywire_gen_conxa_v1.api.sessions import get_session_status as gen_session_status

        spec = gen_session_status.build_request(provider_username=username)
        # 429 comes back as a response (ok=...) so the seed's own retry count applies, not the core's.
        response = yield from poll_rate_limited(
            lambda: self._call(spec, ok=(429,)), rate_limited=self._rate_limited,
            max_retries=max_retries if retry_on_rate_limit else 0, max_retry_after=self._retry.max_retry_after,
            clock=self._clock, deadline=deadline)
        return SessionStatus.from_model(gen_session_status.parse_response(response, ConxaResponseValidationError))

    def _rate_limited(self, response: httpx.Response) -> RateLimitError:
        error = make_status_error(response, self._errors)
        assert isinstance(error, RateLimitError)
        return error

    @operation
    def get_session_status(
        self,
        provider_username: str,
        retry_on_rate_limit: bool = True,
        max_retries: int = 3,
        qr_data: QRCodeData | None = None,
    ) -> Flow[SessionStatus]:
        """Poll the user's connection: ``status`` pending/active/expired/not_found (unknown
        values read as not_found). Raises :class:`SessionExpiredError` before any request if
        ``qr_data`` has expired; retries 429 up to ``max_retries`` times (``Retry-After``)."""
        name = text(provider_username, "provider_username")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise bad("max_retries", "must be a non-negative integer")
        if qr_data is not None and qr_data.is_expired():
            raise SessionExpiredError("QR code has expired. Please generate a new QR code.")
        return (yield from self._poll(name, bool(retry_on_rate_limit), max_retries))

    @operation
    def wait_for_connection(
        self,
        provider_username: str,
        timeout: float = 120,
        poll_interval: float = 2,
        on_pending: Callable[[SessionStatus], object] | Callable[[SessionStatus], Awaitable[object]] | None = None,
        rate_limit_timeout: float = 10,
        qr_data: QRCodeData | None = None,
    ) -> Flow[SessionStatus]:
        """Poll until the user connects; returns the active :class:`SessionStatus`.

        Raises :class:`ConnectionTimeoutError` after ``timeout`` seconds and
        :class:`SessionExpiredError` when the QR expires, the session reports ``expired``, or the
        poll has been rate limited for ``rate_limit_timeout`` seconds in total. ``on_pending``
        is called with each pending status; on the async client it may be an ``async`` function
        (awaited before the next poll); the sync client refuses one before any request. A 404
        or ``not_found`` keeps waiting; a 429 waits ``Retry-After`` (else
        ``min(2 * poll_interval, 30)``) with a ``UserWarning``.
        """
        name = text(provider_username, "provider_username")
        limit = number(timeout, "timeout", positive=True)
        interval = number(poll_interval, "poll_interval", positive=True)
        rl_limit = number(rate_limit_timeout, "rate_limit_timeout", positive=False)
        if on_pending is not None and not callable(on_pending):
            raise bad("on_pending", "must be a callable")
        if on_pending is not None and not self._is_async and inspect.iscoroutinefunction(on_pending):
            # The sync client cannot await it: it would silently never run.
            raise bad("on_pending", "is an async function: use the async client, or a plain function")
        clock = self._clock
        start = clock()
        deadline = start + limit
        rl_started: float | None = None
        rl_total = 0.0
        while True:
            if clock() - start >= limit:
                raise ConnectionTimeoutError(f"User did not connect within {timeout} seconds")
            if qr_data is not None and qr_data.is_expired():
                raise SessionExpiredError("QR code has expired. Please generate a new QR code.")
            try:
                status = yield from self._poll(name, True, 3, deadline)
            except SessionNotFoundError:
                status = None
            except RateLimitError as exc:
                # The poll's own 429 retries are used up: the seed's outer budget of time spent
                # rate limited (rate_limit_timeout) decides whether to keep waiting.
                now = clock()
                if rl_started is None:
                    rl_started = now
                limited = rl_total + (now - rl_started)
                if limited >= rl_limit:
                    raise SessionExpiredError(
                        "QR code session expired due to rate limiting. Please generate a new QR code.") from exc
                backoff = min(interval * 2, 30.0) if exc.retry_after is None else exc.retry_after
                warnings.warn(f"Rate limit hit while waiting for connection. Backing off for {backoff:g} seconds. "
                              f"Total rate limit time: {limited:.1f}s/{rl_limit:g}s", UserWarning, stacklevel=2)
                yield Sleep(min(backoff, max(deadline - clock(), 0.0)))
                continue
            if rl_started is not None:
                rl_total += clock() - rl_started
                rl_started = None
            if status is not None:
                if status.is_active:
                    return status
                if status.is_expired:
                    raise SessionExpiredError("Session expired before connection")
                if on_pending is not None and status.is_pending:
                    # An effect, so the async driver can await what the callback returns.
                    yield Call(partial(_notify, on_pending, status), partial(_notify_async, on_pending, status))
            yield Sleep(min(interval, max(deadline - clock(), 0.0)))


def _notify(callback: Callable[[SessionStatus], Any], status: SessionStatus) -> None:
    """``on_pending`` on the sync client; an awaitable it returns (a callable object whose
    ``__call__`` is async, which the up-front check cannot see) is refused, not dropped."""
    result = callback(status)
    if inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()  # never awaited: no "coroutine was never awaited" warning
        raise bad("on_pending", "returned an awaitable: use the async client, or a plain function")


async def _notify_async(callback: Callable[[SessionStatus], Any], status: SessionStatus) -> None:
    """``on_pending`` on the async client: a plain function is called, an awaitable it returns
    is awaited before the next poll."""
    result = callback(status)
    if inspect.isawaitable(result):
        await result

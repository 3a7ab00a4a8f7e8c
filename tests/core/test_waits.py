"""``paywire._core.waits``: the wait-while-409 and poll-with-429 flow combinators.

Each combinator is run on the real sync and async drivers over ``httpx.MockTransport`` with a
scripted server and a recorded sleep, so every wait it asks for is seen; the ``Retry-After``
variants (delta seconds, HTTP date, absent, garbage, 0, longer than allowed) and every way to
stop (retries used up, deadline, policy without retries) are enumerated.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from paywire._core import ConflictError, Flow, RateLimitError, RetryConfig, Send
from paywire._core.flow import AsyncDriver, SyncDriver
from paywire._core.waits import doubling_backoff, poll_rate_limited, retry_after, wait_while_in_progress

URL = "https://waits.test/op"


def _server(script: list[tuple[int, dict[str, str]]]) -> tuple[httpx.MockTransport, list[int]]:
    """Answers in order (the last one repeats); records the statuses it sent."""
    sent: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        status, headers = script[min(len(sent), len(script) - 1)]
        sent.append(status)
        return httpx.Response(status, headers=headers, json={"n": len(sent), "key": request.headers.get("k")})

    return httpx.MockTransport(handle), sent


class _Clock:
    """Test time: starts at 0 and moves only when the driver sleeps (no real waiting)."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return sum(self.sleeps)


def _run(flavour: str, transport: httpx.MockTransport, make: Callable[[], Flow[Any]],
         clock: _Clock | None = None) -> tuple[Any, list[float]]:
    sleeps: list[float] = [] if clock is None else clock.sleeps
    if flavour == "sync":
        with httpx.Client(transport=transport) as http:
            return SyncDriver(http, sleep=sleeps.append).run(make()), sleeps

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async def main() -> Any:
        async with httpx.AsyncClient(transport=transport) as http:
            return await AsyncDriver(http, sleep=record).run(make())

    return asyncio.run(main()), sleeps


def _attempt(request: httpx.Request) -> Callable[[], Flow[Any]]:
    def attempt() -> Flow[Any]:
        response = yield Send(request)
        if response.status_code == 409:
            raise ConflictError("in progress", response=response)
        return response.json()

    return attempt


FLAVOURS = pytest.mark.parametrize("flavour", ["sync", "async"])
POLICY = RetryConfig(max_attempts=3, backoff_factor=0.5, max_backoff=8.0, max_retry_after=10.0, jitter=False)


def _wait(flavour: str, script: list[tuple[int, dict[str, str]]], policy: RetryConfig = POLICY,
          deadline: float = 100.0) -> tuple[Any, list[float], list[int]]:
    transport, sent = _server(script)
    request = httpx.Request("POST", URL, headers={"k": "key-1"})
    clock = _Clock()
    result, sleeps = _run(flavour, transport, lambda: wait_while_in_progress(
        _attempt(request), in_progress=ConflictError, response_of=lambda exc: exc.response, policy=policy,
        deadline=deadline, clock=clock), clock)
    return result, sleeps, sent


@FLAVOURS
@pytest.mark.parametrize(("headers", "expected"), [
    ({"Retry-After": "2"}, 2.0),
    ({"Retry-After": "0"}, None),  # asked again at once (the drivers skip a 0 s sleep)
    ({}, 0.5),  # no hint: the policy's backoff(1)
    ({"Retry-After": "soon"}, 0.5),  # unusable hint: backoff too
    ({"Retry-After": "99"}, 10.0),  # capped at max_retry_after
])
def test_wait_while_in_progress_honours_retry_after(flavour: str, headers: dict[str, str],
                                                     expected: float | None) -> None:
    result, sleeps, sent = _wait(flavour, [(409, headers), (200, {})])
    assert sent == [409, 200]
    assert sleeps == ([] if expected is None else [expected])
    assert result["key"] == "key-1"  # the same request (same idempotency key) asked again


@FLAVOURS
def test_wait_while_in_progress_backs_off_per_wait(flavour: str) -> None:
    _, sleeps, sent = _wait(flavour, [(409, {}), (409, {}), (409, {}), (200, {})])
    assert sleeps == [0.5, 1.0, 2.0]
    assert sent == [409, 409, 409, 200]


@FLAVOURS
def test_wait_while_in_progress_stops_at_the_deadline(flavour: str) -> None:
    transport, sent = _server([(409, {"Retry-After": "5"})])
    clock = _Clock()
    with pytest.raises(ConflictError):
        _run(flavour, transport, lambda: wait_while_in_progress(
            _attempt(httpx.Request("POST", URL)), in_progress=ConflictError, response_of=lambda exc: exc.response,
            policy=POLICY, deadline=12.0, clock=clock), clock)
    assert clock.sleeps == [5.0, 5.0]  # 5 + 5 fit in 12 s, a third wait would not
    assert sent == [409, 409, 409]


@FLAVOURS
def test_wait_while_in_progress_without_retries_raises_at_once(flavour: str) -> None:
    transport, sent = _server([(409, {"Retry-After": "1"}), (200, {})])
    request = httpx.Request("POST", URL)
    with pytest.raises(ConflictError):
        _run(flavour, transport, lambda: wait_while_in_progress(
            _attempt(request), in_progress=ConflictError, response_of=lambda exc: exc.response,
            policy=RetryConfig(max_attempts=1), deadline=time.monotonic() + 60, clock=time.monotonic))
    assert sent == [409]


@FLAVOURS
def test_wait_while_in_progress_lets_other_errors_through(flavour: str) -> None:
    transport, sent = _server([(500, {})])
    request = httpx.Request("POST", URL)

    def attempt() -> Flow[Any]:
        response = yield Send(request)
        raise RuntimeError(f"status {response.status_code}")

    with pytest.raises(RuntimeError, match="status 500"):
        _run(flavour, transport, lambda: wait_while_in_progress(
            attempt, in_progress=ConflictError, response_of=lambda exc: exc.response, policy=POLICY,
            deadline=time.monotonic() + 60, clock=time.monotonic))
    assert sent == [500]


def _poll(flavour: str, script: list[tuple[int, dict[str, str]]], *, max_retries: int = 3,
          max_retry_after: float = 60.0, deadline: float | None = None) -> tuple[Any, list[float], list[int]]:
    transport, sent = _server(script)
    request = httpx.Request("GET", URL)
    clock = _Clock()

    def send() -> Flow[httpx.Response]:
        response: httpx.Response = yield Send(request)
        return response

    result, sleeps = _run(flavour, transport, lambda: poll_rate_limited(
        send, rate_limited=lambda r: RateLimitError("slow down", response=r), max_retries=max_retries,
        max_retry_after=max_retry_after, clock=clock, deadline=deadline), clock)
    return result, sleeps, sent


@FLAVOURS
def test_poll_doubles_without_a_hint_then_returns_the_answer(flavour: str) -> None:
    response, sleeps, sent = _poll(flavour, [(429, {}), (429, {}), (429, {}), (200, {})])
    assert sleeps == [1.0, 2.0, 4.0]
    assert response.status_code == 200
    assert sent == [429, 429, 429, 200]


@FLAVOURS
def test_poll_honours_retry_after_seconds_and_dates(flavour: str) -> None:
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    response, sleeps, _ = _poll(flavour, [(429, {"Retry-After": "3"}), (429, {"Retry-After": date}),
                                          (429, {"Retry-After": "0"}), (200, {})])
    assert response.status_code == 200
    assert len(sleeps) == 2  # the Retry-After: 0 wait is no sleep at all
    assert sleeps[0] == 3.0 and 27 < sleeps[1] <= 30


@FLAVOURS
@pytest.mark.parametrize(("script", "kwargs", "sent_before_raise"), [
    ([(429, {})], {"max_retries": 2}, 3),  # retries used up
    ([(429, {})], {"max_retries": 0}, 1),  # polling without retries
    ([(429, {"Retry-After": "61"})], {}, 1),  # hint longer than max_retry_after
    ([(429, {"Retry-After": "5"})], {"deadline": 7.0}, 2),  # 5 s fits in 7, the next 5 would not
])
def test_poll_raises_the_rate_limit_error(flavour: str, script: list[tuple[int, dict[str, str]]],
                                          kwargs: dict[str, Any], sent_before_raise: int) -> None:
    transport_script = script
    with pytest.raises(RateLimitError) as info:
        _poll(flavour, transport_script, **kwargs)
    assert info.value.status_code == 429
    assert info.value.response.json()["n"] == sent_before_raise


def test_helpers() -> None:
    assert [doubling_backoff(n) for n in (1, 2, 3, 7, 8)] == [1.0, 2.0, 4.0, 60.0, 60.0]
    assert retry_after(None) is None
    assert retry_after(httpx.Response(429, headers={"Retry-After": "1.5"})) == 1.5
    assert retry_after(httpx.Response(429)) is None

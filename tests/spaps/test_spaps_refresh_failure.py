"""Issue #13.4: refresh under failure — retried, visible to hooks, one in flight, outcome shared.

Both pinned contracts and both flavours. The sandbox (real HTTP) injects the refresh failures
where the behaviour is about the wire; a ``httpx.MockTransport`` server counts concurrency
where the point is how many refresh requests the callers make.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from _spaps_helpers import (
    ACCESS,
    PROFILES,
    SlowRefreshServer,
    burst,
    call,
    err,
    ok,
    signed_in_and_expired,
    token_pair,
    tokens,
)

import paywire
from paywire.spaps import LoggingHooks, RetryConfig
from paywire.spaps._refresh import NEGATIVE_CACHE_TTL


@pytest.mark.parametrize("fault", [{"status": 500}, {"status": 503}, {"status": 429, "retry_after": 0}],
                         ids=["500", "503", "429"])
async def test_one_failed_refresh_is_retried_and_the_hooks_see_it(connect: Callable[..., Any],
                                                                  paywire_sandbox: Any, fault: dict[str, Any]) -> None:
    events: list[tuple[str, str, int]] = []
    hooks = LoggingHooks(
        on_request=lambda **f: events.append(("request", f["url"], f["attempt"])),
        on_retry=lambda **f: events.append(("retry", f["url"], f["attempt"])))
    client = await signed_in_and_expired(connect, paywire_sandbox, logging_hooks=hooks)
    paywire_sandbox.faults.add("refresh_tokens", **fault)
    assert (await call(client.sessions.get_current_session)).session_id
    refresh_events = [e[:1] + e[2:] for e in events if e[1].endswith("/api/auth/refresh")]
    assert refresh_events == [("request", 1), ("retry", 1), ("request", 2)]
    assert events[-1][1].endswith("/api/sessions/current")
    statuses = [r.get("status") for r in paywire_sandbox.requests if r["op"] == "refresh_tokens"]
    assert statuses == [fault["status"], 200]


async def test_refresh_retries_stay_inside_the_call_deadline(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    # Sign in with the default policy (a loaded machine may need more than 0.6 s for it), then
    # put the tight deadline on the client that makes the call under test.
    client = (await signed_in_and_expired(connect, paywire_sandbox)).with_options(
        retry_config=RetryConfig(max_attempts=10, deadline=0.6, backoff_factor=0.05))
    paywire_sandbox.faults.add("refresh_tokens", latency_ms=250, status=503, times=100)
    client._driver.sleep = time.sleep if not client._is_async else asyncio.sleep
    started = time.monotonic()
    with pytest.raises((paywire.InternalServerError, paywire.APITimeoutError)):
        await call(client.sessions.get_current_session)
    assert time.monotonic() - started < 1.5  # 10 attempts of 0.25 s would take 2.5 s and more
    assert not any(r["op"] == "get_current_session" for r in paywire_sandbox.requests)
    assert 1 <= sum(r["op"] == "refresh_tokens" for r in paywire_sandbox.requests) <= 3


# --- one refresh in flight, its outcome shared ------------------------------------------------------
class OutageServer(SlowRefreshServer):
    """A SPAPS stand-in whose refresh fails slowly (0.2 s, 503); counts concurrency."""

    def __init__(self, delay: float = 0.2) -> None:
        super().__init__(delay)
        self.refreshes = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.resource_calls = 0
        self.lock = threading.Lock()

    def refresh_started(self, request: httpx.Request) -> None:
        with self.lock:
            self.refreshes += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def refresh_answer(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.in_flight -= 1
        return err(503, "SERVER_ERROR")

    def resource(self, request: httpx.Request) -> httpx.Response:
        self.resource_calls += 1
        return ok({"session": {"id": "s1"}})


async def _burst(client: Any, n: int) -> list[BaseException]:
    """n concurrent callers (tasks or threads); their errors (every one must fail here)."""
    return [r for r in await burst(client, n) if isinstance(r, BaseException)]


@pytest.mark.parametrize("api_version", sorted(PROFILES))
async def test_twenty_callers_share_one_failing_refresh(make: Any, flavour: str, api_version: str) -> None:
    server = OutageServer()
    client = make(api_version=api_version, transport=server.transport(flavour), max_retries=0)
    client.set_tokens(tokens(expires_in=0))
    started = time.monotonic()
    errors = await _burst(client, 20)
    elapsed = time.monotonic() - started
    assert len(errors) == 20 and all(isinstance(e, paywire.InternalServerError) for e in errors)
    assert server.refreshes == 1 and server.max_in_flight == 1 and server.resource_calls == 0
    assert elapsed < 1.5  # one 0.2 s refresh for everybody, not 20 of them in a row (4 s)
    # The negative cache: a caller right after the outage answer does not send another refresh.
    with pytest.raises(paywire.InternalServerError):
        await call(client.sessions.get_current_session)
    assert server.refreshes == 1
    assert client.get_tokens().access_token == ACCESS  # a failure never signs out


@pytest.mark.parametrize("api_version", sorted(PROFILES))
async def test_negative_cache_expires(make: Any, flavour: str, api_version: str) -> None:
    clock = [1000.0]
    responses = [err(503, "SERVER_ERROR"), ok(token_pair())]
    client = make(api_version=api_version, max_retries=0,
                  transport=httpx.MockTransport(lambda r: responses.pop(0) if r.url.path.endswith("/refresh")
                                                else ok({"session": {"id": "s1"}})))
    client.token_manager.flight._clock = lambda: clock[0]
    client.set_tokens(tokens(expires_in=0))
    for _ in range(2):
        with pytest.raises(paywire.InternalServerError):
            await call(client.sessions.get_current_session)
    assert len(responses) == 1  # the second failure came from memory
    clock[0] += NEGATIVE_CACHE_TTL
    assert (await call(client.sessions.get_current_session)).session_id == "s1"


@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("failure", ["503", "429", "connect", "timeout"])
async def test_early_refresh_failure_uses_the_still_valid_token(make: Any, flavour: str, api_version: str,
                                                                failure: str) -> None:
    """Stale-if-error: the token has 10 s left (inside the 30 s early-refresh skew)."""
    side: dict[str, Any] = {"503": err(503, "SERVER_ERROR"), "429": err(429, "RATE_LIMITED"),
                            "connect": httpx.ConnectError("refused"), "timeout": httpx.ReadTimeout("slow")}
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refresh"):
            failure_value = side[failure]
            if isinstance(failure_value, Exception):
                raise failure_value
            return failure_value
        seen.append(request.headers.get("authorization"))
        return ok({"session": {"id": "s1"}})

    client = make(api_version=api_version, max_retries=0, transport=httpx.MockTransport(handler))
    client.set_tokens(tokens(expires_in=10))
    assert (await call(client.sessions.get_current_session)).session_id == "s1"
    assert seen == [f"Bearer {ACCESS}"]


@pytest.mark.parametrize("api_version", sorted(PROFILES))
async def test_expired_token_is_not_used_when_the_refresh_fails(make: Any, flavour: str, api_version: str) -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        return err(503, "SERVER_ERROR")

    client = make(api_version=api_version, max_retries=0, transport=httpx.MockTransport(handler))
    client.set_tokens(tokens(expires_in=-5))
    with pytest.raises(paywire.InternalServerError):
        await call(client.sessions.get_current_session)
    assert sent == ["/api/auth/refresh"]

"""Issue #13.3: an interrupted refresh never signs the user out while a retry would succeed.

Against the real sandbox over HTTP, both pinned SPAPS contracts (``/spaps`` = 2025-11,
``/spaps-2026-10`` = 2026-10) and both flavours. Each test makes the access token expire on the
sandbox clock, so the next user call refreshes, and interrupts that refresh *after the server
committed the rotation*: the connection dropped (``reset="after"`` fault), the answer slower
than the client's timeout (latency fault), or the caller cancelled (async task cancellation /
an interrupt in the sync caller's thread). Afterwards the user is still signed in: the next
call works, the server session is alive, and the sandbox never saw reuse outside its interval.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import (
    ACCESS,
    NEW_ACCESS,
    NEW_REFRESH,
    PROFILES,
    REFRESH,
    call,
    err,
    ok,
    signed_in_and_expired,
    token_pair,
    tokens,
)

import paywire
from paywire.sandbox.spaps import (
    ACCESS_TOKEN_TTL,
    DEFAULT_API_KEY,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_PASSWORD,
    REFRESH_REUSE_INTERVAL,
)
from paywire.spaps import RetryConfig, StoredTokens
from paywire.spaps.errors import AuthError


def refreshes(paywire_sandbox: Any) -> list[dict[str, Any]]:
    return [r for r in paywire_sandbox.requests if r["op"] == "refresh_tokens"]


async def assert_still_signed_in(client: Any, paywire_sandbox: Any) -> None:
    session = await call(client.sessions.get_current_session)
    assert session.session_id
    assert client.get_tokens() is not None
    # Much later (reuse interval long over) the stored refresh token is the live one: a refresh works.
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + REFRESH_REUSE_INTERVAL + 1)
    assert (await call(client.sessions.get_current_session)).session_id == session.session_id
    assert all(r.get("status") != 401 for r in refreshes(paywire_sandbox))


async def test_connection_dropped_after_the_server_rotated(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in_and_expired(connect, paywire_sandbox)
    paywire_sandbox.faults.add("refresh_tokens", reset="after")  # rotation committed, answer lost
    await assert_still_signed_in(client, paywire_sandbox)
    first, second = refreshes(paywire_sandbox)[:2]
    assert first["fault"]["reset"] == "after" and second["status"] == 200  # retried inside the call


async def test_refresh_answer_slower_than_the_timeout(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in_and_expired(connect, paywire_sandbox, retry_config=RetryConfig(max_attempts=6))
    paywire_sandbox.faults.add("refresh_tokens", latency_ms=2000)  # the first refresh times out
    assert (await call(client.with_options(timeout=0.6).sessions.get_current_session)).session_id
    # The abandoned slow request lands inside the reuse interval and is answered with the
    # current pair; wait for it before the clock jumps (a 15-minute-late arrival would be reuse).
    for _ in range(500):
        if "status" in refreshes(paywire_sandbox)[0]:
            break
        await asyncio.sleep(0.01)
    statuses = [r.get("status") for r in refreshes(paywire_sandbox)]
    assert len(statuses) >= 2 and set(statuses) == {200}
    await assert_still_signed_in(client, paywire_sandbox)


class InterruptAfterCommit(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The real HTTP transport, except that while ``armed`` the next refresh answer is thrown
    away as it arrives and the caller is interrupted: the server committed, the client never
    heard. Firing disarms it; ``fired`` counts the interruptions. (The refresh soak re-arms it.)"""

    def __init__(self, interrupt: type[BaseException], armed: bool = True) -> None:
        self.sync = httpx.HTTPTransport()
        self.async_ = httpx.AsyncHTTPTransport()
        self.interrupt = interrupt
        self.armed = armed
        self.fired = 0

    def _hit(self, request: httpx.Request) -> bool:
        if not self.armed or not request.url.path.endswith("/auth/refresh"):
            return False
        self.armed = False
        self.fired += 1
        return True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.sync.handle_request(request)
        if self._hit(request):
            response.read()
            raise self.interrupt()
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.async_.handle_async_request(request)
        if self._hit(request):
            await response.aread()
            raise self.interrupt()
        return response


class CallerInterrupted(BaseException):
    """Stands in for KeyboardInterrupt / a thread being torn down in the sync flavour."""


async def test_caller_cancelled_after_the_server_rotated(connect: Callable[..., Any], paywire_sandbox: Any,
                                                         flavour: str) -> None:
    interrupt = asyncio.CancelledError if flavour == "async" else CallerInterrupted
    transport = InterruptAfterCommit(interrupt)
    client = await signed_in_and_expired(connect, paywire_sandbox, transport=transport)
    with pytest.raises(interrupt):
        await call(client.sessions.get_current_session)
    assert transport.fired and refreshes(paywire_sandbox)[-1]["status"] == 200  # the server rotated
    assert client.get_tokens() is not None
    assert not client.token_manager.flight.in_flight  # the abandoned refresh let go of its flight
    await assert_still_signed_in(client, paywire_sandbox)


async def test_reuse_after_the_interval_still_signs_out(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    """The other side of the rule: the sandbox really revokes a rotated token presented late."""
    client = await signed_in_and_expired(connect, paywire_sandbox)
    old = client.get_tokens().refresh_token
    await call(client.auth.refresh_tokens)
    paywire_sandbox.clock.advance(REFRESH_REUSE_INTERVAL + 0.5)
    with pytest.raises(AuthError) as info:
        await call(client.auth.refresh_tokens, refresh_token=old)
    assert info.value.error_code == "INVALID_REFRESH"


# --- unit: only a definitive rejection with no newer stored token signs out ----------------------
@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("status", [400, 401, 403])
async def test_rejection_adopts_a_newer_token_stored_meanwhile(make: Any, mock: respx.MockRouter,
                                                               api_version: str, status: int) -> None:
    client = make(api_version=api_version)
    client.set_tokens(tokens(expires_in=0))
    newer = StoredTokens(NEW_ACCESS, NEW_REFRESH, tokens(NEW_ACCESS, NEW_REFRESH).expires_at)

    def another_process_refreshed_first(request: httpx.Request) -> httpx.Response:
        client.token_store.save(newer)  # ...and its rotation made our token stale
        return err(status, "INVALID_REFRESH")

    mock.post("/api/auth/refresh").mock(side_effect=another_process_refreshed_first)
    current = mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "s1"}}))
    assert (await call(client.sessions.get_current_session)).session_id == "s1"
    assert current.calls.last.request.headers["authorization"] == f"Bearer {NEW_ACCESS}"
    assert client.get_tokens() == newer


@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("failure", ["cancel", "connect", "timeout", "503"])
async def test_unfinished_refresh_keeps_the_tokens(make: Any, mock: respx.MockRouter, flavour: str,
                                                   api_version: str, failure: str) -> None:
    client = make(api_version=api_version, max_retries=0)
    client.set_tokens(tokens(expires_in=0))
    side: dict[str, Any] = {
        "cancel": asyncio.CancelledError() if flavour == "async" else CallerInterrupted(),
        "connect": httpx.ConnectError("refused"), "timeout": httpx.ReadTimeout("slow"),
        "503": err(503, "SERVER_ERROR")}
    mock.post("/api/auth/refresh").mock(side_effect=[side[failure], ok(token_pair())])
    mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "s1"}}))
    with pytest.raises((BaseException,)) as info:
        await call(client.sessions.get_current_session)
    assert not isinstance(info.value, paywire.AuthenticationError)  # not a sign-out
    assert client.get_tokens().access_token == ACCESS and client.get_tokens().refresh_token == REFRESH
    if failure != "cancel":  # the negative cache answers for a moment; then the retry succeeds
        assert isinstance(info.value, paywire.APIError)
        client.token_manager.flight._negative = None
    assert (await call(client.sessions.get_current_session)).session_id == "s1"
    assert client.get_tokens().access_token == NEW_ACCESS


# --- the sandbox rule itself, on the wire -----------------------------------------------------------
@pytest.mark.parametrize("service", sorted(PROFILES.values()))
def test_sandbox_reuse_interval_answers_with_the_newest_pair(paywire_sandbox: Any, service: str) -> None:
    with httpx.Client(base_url=paywire_sandbox.base_url(service), headers={"X-API-Key": DEFAULT_API_KEY},
                      timeout=10) as http:
        login = http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL, "password": DEFAULT_USER_PASSWORD})
        first = login.json()["data"]
        first = first.get("tokens", first)

        def refresh(token: str) -> httpx.Response:
            return http.post("/api/auth/refresh", json={"refresh_token": token})

        second = refresh(first["refresh_token"]).json()["data"]
        third = refresh(second["refresh_token"]).json()["data"]
        paywire_sandbox.clock.advance(REFRESH_REUSE_INTERVAL - 1)
        late = refresh(first["refresh_token"]).json()["data"]  # two rotations old, still in the interval
        assert late["refresh_token"] == third["refresh_token"]
        assert http.get("/api/sessions/current", headers={"Authorization": f"Bearer {late['access_token']}"}
                        ).status_code == 200
        paywire_sandbox.clock.advance(1)  # the first rotation is now 10 s old: reuse, family revoked
        assert refresh(first["refresh_token"]).status_code == 401
        assert refresh(third["refresh_token"]).status_code == 401

"""The CONXA facade against the sandbox over real HTTP: connect, poll, charge, balances.

The user's phone is played by the sandbox control plane (``POST /_sandbox/conxa/scan`` and
``/approve``) or its state object. Waits go to a fake clock that also advances the sandbox
clock, so the sandbox's poll rate limit and session expiry are exercised without sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from _conxa_helpers import USER, FakeTime, aclose, call, decode_data_url, install

from paywire import RetryConfig
from paywire.conxa import (
    AsyncCONXAClient,
    AuthenticationError,
    ChargeResult,
    CONXAClient,
    IdempotencyConflictError,
    SessionExpiredError,
    SessionNotFoundError,
    SessionStatus,
    ValidationError,
    WalletBalance,
)
from paywire.sandbox.conxa import (
    DEFAULT_API_KEY,
    DEFAULT_PROVIDER_ID,
    DEFAULT_WALLET_ID,
    DEFAULT_WALLET_TOKENS,
)

FAST = RetryConfig(backoff_factor=0.01)
SMALL_WALLET = "5555444433332222"


def control(sandbox: Any, action: str, **body: Any) -> Any:
    """The phone / admin side, over the sandbox's HTTP control plane."""
    response = httpx.post(f"{sandbox.url}/_sandbox/conxa/{action}", json=body, timeout=5)
    assert response.status_code == 200, response.text
    return response.json()


def price(input_tokens: int, output_tokens: int) -> int:
    return input_tokens + 2 * output_tokens  # the sandbox's seeded rates


@pytest.fixture
async def sandbox_client(paywire_sandbox: Any, flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(**kw)``: a client on the sandbox whose waits advance the sandbox clock."""
    made: list[Any] = []

    def factory(**kwargs: Any) -> Any:
        fake = FakeTime(on_sleep=paywire_sandbox.clock.advance)
        kwargs.setdefault("api_key", DEFAULT_API_KEY)
        kwargs.setdefault("base_url", paywire_sandbox.base_url("conxa"))
        kwargs.setdefault("retry_config", FAST)
        cls = CONXAClient if flavour == "sync" else AsyncCONXAClient
        client = install(cls(**kwargs), fake)
        client.fake = fake
        made.append(client)
        return client

    yield factory
    for client in made:
        await aclose(client)


async def test_full_flow_qr_scan_approve_charge(paywire_sandbox: Any, sandbox_client: Any) -> None:
    client = sandbox_client()
    code = client.create_payment_qr(USER, limit=50_000, expires_in=60)
    assert decode_data_url(code.qr_base64)[0].decode() == code.qr_data

    pending: list[SessionStatus] = []

    def phone(status: SessionStatus) -> None:  # the user scans, looks, then approves
        pending.append(status)
        if len(pending) == 2:
            control(paywire_sandbox, "approve", provider_username=USER, wallet_id=DEFAULT_WALLET_ID,
                    limit=50_000)

    control(paywire_sandbox, "scan", provider_username=USER)
    session = await call(client.wait_for_connection, USER, poll_interval=1, on_pending=phone, qr_data=code)
    assert session.is_active and session.session_token.startswith("ps_")
    assert len(pending) == 2 and all(s.is_pending for s in pending)

    result = await call(client.charge, session.session_token, "req_abc123", "gpt-4", 1000, 500)
    assert result == ChargeResult(approved=True, new_balance=DEFAULT_WALLET_TOKENS - price(1000, 500))
    assert await call(client.get_wallet_balance, DEFAULT_WALLET_ID) == WalletBalance(
        DEFAULT_WALLET_ID, DEFAULT_WALLET_TOKENS - price(1000, 500))
    assert await call(client.health_check) is True


async def test_poll_rate_limit_is_retried_after_retry_after(paywire_sandbox: Any, sandbox_client: Any) -> None:
    client = sandbox_client()
    paywire_sandbox.state("conxa").approve(DEFAULT_PROVIDER_ID, USER, DEFAULT_WALLET_ID)
    assert (await call(client.get_session_status, USER)).is_active
    # Polled again at once: the sandbox answers 429 Retry-After 1; the client waits 1 s and asks again.
    assert (await call(client.get_session_status, USER)).is_active
    statuses = [r["status"] for r in paywire_sandbox.requests if r["op"] == "get_session_status"]
    assert statuses == [200, 429, 200]
    assert client.fake.sleeps == [1.0]


async def test_wait_gives_up_after_being_rate_limited_too_long(paywire_sandbox: Any, sandbox_client: Any) -> None:
    paywire_sandbox.faults.add("conxa:get_session_status", status=429, retry_after=2, times=1000)
    with pytest.warns(UserWarning, match="Rate limit"), pytest.raises(SessionExpiredError, match="rate limiting"):
        await call(sandbox_client().wait_for_connection, USER, rate_limit_timeout=10)


async def test_unknown_user_404_keeps_waiting(paywire_sandbox: Any, sandbox_client: Any) -> None:
    st = paywire_sandbox.state("conxa")
    st.unknown_user_404 = True
    client = sandbox_client()
    with pytest.raises(SessionNotFoundError):
        await call(client.get_session_status, USER)
    polls = 0

    def approve_later(seconds: float) -> None:
        nonlocal polls
        paywire_sandbox.clock.advance(seconds)
        polls += 1
        if polls == 3:
            st.approve(DEFAULT_PROVIDER_ID, USER, DEFAULT_WALLET_ID)

    client.fake.on_sleep = approve_later
    assert (await call(client.wait_for_connection, USER)).is_active


async def test_expired_session_while_waiting(paywire_sandbox: Any, sandbox_client: Any) -> None:
    st = paywire_sandbox.state("conxa")
    st.approve(DEFAULT_PROVIDER_ID, USER, DEFAULT_WALLET_ID, ttl_seconds=5)
    paywire_sandbox.clock.advance(10)
    with pytest.raises(SessionExpiredError, match="before connection"):
        await call(sandbox_client().wait_for_connection, USER)


def connect(paywire_sandbox: Any, username: str = USER, wallet: str = DEFAULT_WALLET_ID, **kw: Any) -> str:
    conn = paywire_sandbox.state("conxa").approve(DEFAULT_PROVIDER_ID, username, wallet, **kw)
    token: str = conn.session_token
    return token


async def test_refusals_are_results_and_replays_return_them(paywire_sandbox: Any, sandbox_client: Any) -> None:
    st = paywire_sandbox.state("conxa")
    st.seed_wallet(SMALL_WALLET, 100)
    client = sandbox_client()
    token = connect(paywire_sandbox, "poor@example.com", SMALL_WALLET)
    short = await call(client.charge, token, "big-1", "gpt-4", 1000, 500)
    assert short == ChargeResult(False, 100, "INSUFFICIENT_BALANCE", "[402] insufficient balance")
    assert await call(client.charge, token, "big-1", "gpt-4", 1000, 500) == short  # replay, same answer
    assert st.balance(SMALL_WALLET) == 100

    capped = connect(paywire_sandbox, "capped@example.com", limit=10)
    refused = await call(client.charge, capped, "cap-1", "gpt-4", 10, 1)
    assert (refused.approved, refused.error_code, refused.new_balance) == (
        False, "HARD_CAP_VIOLATION", DEFAULT_WALLET_TOKENS)

    control(paywire_sandbox, "set_charge_permission", provider_username="capped@example.com", allowed=False)
    denied = await call(client.charge, capped, "cap-2", "gpt-4", 1, 1)
    assert (denied.approved, denied.error_code) == (False, "NO_CHARGE_PERMISSION")
    assert st.ledger == []


async def test_session_and_request_errors_raise(paywire_sandbox: Any, sandbox_client: Any) -> None:
    client = sandbox_client()
    token = connect(paywire_sandbox, ttl_seconds=60)
    with pytest.raises(ValidationError) as unknown:
        await call(client.charge, token, "m-1", "no-such-model", 1, 1)
    assert unknown.value.error_code == "UNKNOWN_MODEL" and unknown.value.status_code == 422
    assert (await call(client.charge, token, "k-1", "gpt-4", 1, 1)).approved
    with pytest.raises(ValidationError) as reused:
        await call(client.charge, token, "k-1", "gpt-4", 2, 2)
    assert reused.value.error_code == "IDEMPOTENCY_KEY_REUSED"
    paywire_sandbox.clock.advance(120)
    with pytest.raises(SessionExpiredError) as expired:
        await call(client.charge, token, "k-2", "gpt-4", 1, 1)
    assert isinstance(expired.value, AuthenticationError) and expired.value.error_code == "SESSION_EXPIRED"
    # a replay of a completed charge is still answered after the session expired
    assert (await call(client.charge, token, "k-1", "gpt-4", 1, 1)).approved
    with pytest.raises(AuthenticationError):
        await call(sandbox_client(api_key="pk_test_openai_wrong").get_wallet_balance, DEFAULT_WALLET_ID)
    with pytest.raises(SessionNotFoundError):
        await call(client.get_wallet_balance, "9999888877776666")


async def test_in_progress_409_is_waited_out_with_the_same_key(paywire_sandbox: Any, flavour: str) -> None:
    """A request times out while the server is still charging; the retry meets 409 (in
    progress) and waits until the stored result can be replayed. One debit."""
    st = paywire_sandbox.state("conxa")
    st.set_charge_latency(0.4)
    token = connect(paywire_sandbox)
    cls = CONXAClient if flavour == "sync" else AsyncCONXAClient
    client = cls(api_key=DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("conxa"), timeout=0.15,
                 retry_config=RetryConfig(backoff_factor=0.05, max_attempts=5))
    try:
        result = await call(client.charge, token, "slow-1", "gpt-4", 10, 5)
    finally:
        await aclose(client)
    assert result == ChargeResult(True, DEFAULT_WALLET_TOKENS - price(10, 5))
    charge_log = [r for r in paywire_sandbox.requests if r["op"] == "authorize_charge"]
    assert {r["idempotency_key"] for r in charge_log} == {"slow-1"}
    assert 409 in [r.get("status") for r in charge_log]
    assert [e.idempotency_key for e in st.ledger] == ["slow-1"]


async def test_concurrent_duplicates_charge_once(paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("conxa")
    st.set_charge_latency(0.2)
    token = connect(paywire_sandbox)
    async with AsyncCONXAClient(api_key=DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("conxa"),
                                retry_config=RetryConfig(backoff_factor=0.05)) as client:
        results = await asyncio.gather(*(client.charge(token, "dup-1", "gpt-4", 100, 0) for _ in range(4)))
        assert len(set(map(repr, results))) == 1 and results[0].approved
        first = asyncio.create_task(client.charge(token, "dup-2", "gpt-4", 1, 0))
        await asyncio.sleep(0.05)  # the first request is now in flight
        with pytest.raises(IdempotencyConflictError):  # retries off: the seed's "do not retry"
            await client.with_options(max_retries=0).charge(token, "dup-2", "gpt-4", 1, 0)
        assert (await first).approved
    assert [e.idempotency_key for e in st.ledger] == ["dup-1", "dup-2"]
    assert st.balance(DEFAULT_WALLET_ID) == DEFAULT_WALLET_TOKENS - 101

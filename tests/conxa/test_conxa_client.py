"""CONXA client unit tests over respx: config, bad input, polling, waiting, charges.

Every scenario with I/O runs for the sync and the async client (``make`` is parametrized);
waits go to a fake clock, so nothing here really sleeps.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

import httpx
import pytest
import respx
from _conxa_helpers import API_KEY, BASE, TOKEN, USER, FakeTime, call, install

import paywire
from paywire import RetryConfig
from paywire.conxa import (
    AsyncCONXAClient,
    AsyncConxaClient,
    AuthenticationError,
    ChargeResult,
    ConnectionStatus,
    ConnectionTimeoutError,
    CONXAClient,
    ConxaClient,
    ConxaConnectionError,
    IdempotencyConflictError,
    RateLimitError,
    SessionExpiredError,
    SessionStatus,
    ValidationError,
    WalletBalance,
)
from paywire.conxa.errors import ConxaResponseValidationError
from paywire.conxa.models import QRCodeData

STATUS = "/providers/session/status"


def status_body(status: str, token: str | None = None) -> dict[str, Any]:
    return {"status": status, "session_token": token,
            "expires_at": "2030-01-01T00:00:00Z" if token else None}


def expired_qr() -> QRCodeData:
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    return QRCodeData(qr_data="", created_at=past, expires_at=past)


# --- construction -------------------------------------------------------------------------------
def test_aliases() -> None:
    assert ConxaClient is CONXAClient and AsyncConxaClient is AsyncCONXAClient


def test_constructor_defaults_and_provider_id_from_key() -> None:
    with CONXAClient(api_key="pk_live_openai_abcdef123456") as client:
        assert (client.provider_id, client.provider_type, client.base_url, client.timeout) == (
            "openai", "api", "https://api.conxa.in", 30.0)
        assert client.DEFAULT_BASE_URL == "https://api.conxa.in"
        assert "abcdef123456" not in repr(client)
        assert client._http.headers["X-Provider-API-Key"] == "pk_live_openai_abcdef123456"


def test_seed_positional_order_and_keywords() -> None:
    with CONXAClient("pk_test_acme_x1y2z3w4", "https://conxa.example/", 2.5, "prov-1", " WEB ") as client:
        assert (client.base_url, client.timeout, client.provider_id, client.provider_type) == (
            "https://conxa.example", 2.5, "prov-1", "web")
    with CONXAClient(api_key=API_KEY, provider_id="your_provider_id", base_url="https://api.conxa.in",
                     timeout=30, provider_type="api") as client:
        assert client.provider_id == "your_provider_id"


def test_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONXA_API_KEY", "pk_live_envprov_zzzzzzzz")
    monkeypatch.setenv("CONXA_PROVIDER_ID", "from-env")
    monkeypatch.setenv("CONXA_API_URL", "https://staging.conxa.example")
    with CONXAClient() as client:
        assert (client.api_key, client.provider_id, client.base_url) == (
            "pk_live_envprov_zzzzzzzz", "from-env", "https://staging.conxa.example")
    with CONXAClient(api_key=API_KEY, provider_id="explicit", base_url=BASE) as client:
        assert (client.api_key, client.provider_id, client.base_url) == (API_KEY, "explicit", BASE)


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"api_key": ""}, AuthenticationError, "API key is required"),
    ({"api_key": "   "}, AuthenticationError, "API key is required"),
    ({"api_key": None}, AuthenticationError, "CONXA_API_KEY"),
    ({"api_key": "secretkeywithoutshape1234567"}, ValueError, "provider_id is required"),
    ({"api_key": "pk_live__abc"}, ValueError, "provider_id is required"),
    ({"api_key": API_KEY, "provider_id": "  "}, ValueError, "provider_id cannot be empty"),
    ({"api_key": API_KEY, "provider_type": "mobile"}, ValueError, "provider_type"),
    ({"api_key": API_KEY, "timeout": 0}, ValueError, "timeout"),
    ({"api_key": API_KEY, "timeout": -1}, ValueError, "timeout"),
    ({"api_key": API_KEY, "base_url": "http://api.conxa.in"}, ValueError, "plain-HTTP"),
])
def test_constructor_rejects(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as info:
        CONXAClient(**kwargs)
    assert "secretkeywithoutshape" not in str(info.value)  # never derived from / echoed


def test_missing_key_is_also_a_paywire_config_error() -> None:
    with pytest.raises(paywire.ConfigError):
        CONXAClient(api_key="")


# --- bad input never reaches the network ----------------------------------------------------------
BAD_CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
    ("get_session_status", ("",), {}, "provider_username"),
    ("get_session_status", (USER,), {"max_retries": -1}, "max_retries"),
    ("wait_for_connection", ("  ",), {}, "provider_username"),
    ("wait_for_connection", (USER,), {"timeout": 0}, "timeout"),
    ("wait_for_connection", (USER,), {"poll_interval": -1}, "poll_interval"),
    ("wait_for_connection", (USER,), {"rate_limit_timeout": -1}, "rate_limit_timeout"),
    ("wait_for_connection", (USER,), {"on_pending": "print"}, "on_pending"),
    ("charge", ("", "k", "gpt-4", 1, 1), {}, "session_token"),
    ("charge", ("ps_bad token", "k", "gpt-4", 1, 1), {}, "session_token"),
    ("charge", (TOKEN, "", "gpt-4", 1, 1), {}, "idempotency_key"),
    ("charge", (TOKEN, None, "gpt-4", 1, 1), {}, "idempotency_key"),
    ("charge", (TOKEN, "k" * 256, "gpt-4", 1, 1), {}, "idempotency_key"),
    ("charge", (TOKEN, "has space", "gpt-4", 1, 1), {}, "idempotency_key"),
    ("charge", (TOKEN, "k", "", 1, 1), {}, "model_name"),
    ("charge", (TOKEN, "k", "gpt-4", -1, 1), {}, "input_tokens"),
    ("charge", (TOKEN, "k", "gpt-4", 1, -1), {}, "output_tokens"),
    ("charge", (TOKEN, "k", "gpt-4", 1.5, 1), {}, "input_tokens"),
    ("charge", (TOKEN, "k", "gpt-4", 1, "2"), {}, "output_tokens"),
    ("charge", (TOKEN, "k", "gpt-4", True, 1), {}, "input_tokens"),
    ("get_wallet_balance", ("",), {}, "wallet_id"),
    ("get_wallet_balance", ("1234/567890123456",), {}, "wallet_id"),
    ("get_wallet_balance", ("1234\\567890123456",), {}, "wallet_id"),
    ("get_wallet_balance", ("..",), {}, "wallet_id"),
    ("get_wallet_balance", ("12345678901234ab",), {}, "wallet_id"),
    ("get_wallet_balance", ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦",), {}, "wallet_id"),
    ("get_wallet_balance", ("123",), {}, "wallet_id"),
]


@pytest.mark.parametrize(("op", "args", "kwargs", "field"), BAD_CALLS,
                         ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(BAD_CALLS)])
async def test_bad_input_is_refused_before_any_request(
    make: Any, op: str, args: tuple[Any, ...], kwargs: dict[str, Any], field: str
) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.route().respond(200, json={})
        with pytest.raises(ValidationError) as info:
            await call(getattr(make(), op), *args, **kwargs)
        assert not router.calls
    assert info.value.field == field
    assert isinstance(info.value, ValueError) and isinstance(info.value, paywire.ValidationError)
    assert TOKEN not in str(info.value)


async def test_expired_qr_raises_before_any_request(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(STATUS).respond(200, json=status_body("pending"))
    with pytest.raises(SessionExpiredError, match="QR code has expired"):
        await call(make().get_session_status, USER, qr_data=expired_qr())
    with pytest.raises(SessionExpiredError):
        await call(make().wait_for_connection, USER, qr_data=expired_qr())
    assert route.call_count == 0


# --- get_session_status --------------------------------------------------------------------------
async def test_status_parsing(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(STATUS)
    client = make()
    route.respond(200, json=status_body("active", TOKEN))
    status = await call(client.get_session_status, f"  {USER} ")
    assert route.calls.last.request.url.params["provider_username"] == USER
    assert route.calls.last.request.headers["X-Provider-API-Key"] == API_KEY
    assert status == SessionStatus(ConnectionStatus.ACTIVE, TOKEN,
                                   dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    assert status.is_active and not status.is_pending and not status.is_expired
    assert TOKEN not in repr(status)
    route.respond(200, json={"status": "active"})  # active without a token is not usable
    assert not (await call(client.get_session_status, USER)).is_active
    route.respond(200, json={"status": "pending", "session_token": None, "expires_at": None})
    assert (await call(client.get_session_status, USER)).is_pending
    route.respond(200, json={"status": "active", "expires_at": "not a date"})  # malformed: typed error
    with pytest.raises(ConxaResponseValidationError, match=r"expires_at|date"):
        await call(client.get_session_status, USER)
    route.respond(200, json={"status": "revoked_by_user"})
    odd = await call(client.get_session_status, USER)
    assert (odd.status, odd.raw_status, odd.expires_at) == (ConnectionStatus.NOT_FOUND, "revoked_by_user", None)
    assert odd.to_dict() == {"status": "not_found", "session_token": None, "expires_at": None}


async def test_status_retries_429_with_retry_after_then_backoff(
    make: Any, mock: respx.MockRouter, fake: FakeTime
) -> None:
    route = mock.get(STATUS).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "3"}, json={"message": "slow"}),
        httpx.Response(429, json={"message": "slow"}),
        httpx.Response(429, headers={"Retry-After": "0"}, json={"message": "slow"}),
        httpx.Response(200, json=status_body("pending")),
    ])
    assert (await call(make().get_session_status, USER)).is_pending
    assert route.call_count == 4
    # Retry-After 3, then the seed's 2**attempt = 2, then Retry-After 0: retried at once, no sleep
    assert fake.sleeps == [3.0, 2.0]


async def test_status_429_retries_are_bounded(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    route = mock.get(STATUS).respond(429, json={"message": "slow"})
    with pytest.raises(RateLimitError) as info:
        await call(make().get_session_status, USER, max_retries=2)
    assert route.call_count == 3 and fake.sleeps == [1.0, 2.0]
    assert info.value.retry_after is None
    route.reset()
    with pytest.raises(RateLimitError):
        await call(make().get_session_status, USER, retry_on_rate_limit=False)
    assert route.call_count == 1


async def test_status_does_not_wait_out_a_huge_retry_after(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    mock.get(STATUS).respond(429, headers={"Retry-After": "3600"}, json={"message": "later"})
    with pytest.raises(RateLimitError) as info:
        await call(make().get_session_status, USER)
    assert info.value.retry_after == 3600 and fake.sleeps == []


async def test_status_transient_5xx_is_retried_by_the_core(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(STATUS).mock(side_effect=[httpx.Response(503), httpx.ReadError("reset"),
                                               httpx.Response(200, json=status_body("pending"))])
    assert (await call(make().get_session_status, USER)).is_pending
    assert route.call_count == 3


# --- wait_for_connection ----------------------------------------------------------------------
async def test_wait_pending_then_active(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    mock.get(STATUS).mock(side_effect=[
        httpx.Response(200, json=status_body("not_found")),
        httpx.Response(404, json={"message": "no session yet"}),
        httpx.Response(200, json=status_body("pending")),
        httpx.Response(200, json=status_body("mystery")),
        httpx.Response(200, json=status_body("pending")),
        httpx.Response(200, json=status_body("active", TOKEN)),
    ])
    seen: list[SessionStatus] = []
    session = await call(make().wait_for_connection, USER, poll_interval=2, on_pending=seen.append)
    assert session.is_active and session.session_token == TOKEN
    assert [s.status for s in seen] == [ConnectionStatus.PENDING, ConnectionStatus.PENDING]
    assert fake.sleeps == [2, 2, 2, 2, 2]


class _AsyncCallable:
    """A callable object whose ``__call__`` is async: ``iscoroutinefunction`` cannot see it."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, status: SessionStatus) -> None:
        self.seen.append(status.status)


async def test_async_client_awaits_an_async_on_pending_before_the_next_poll(
        mock: respx.MockRouter, fake: FakeTime) -> None:
    """On the async client ``on_pending`` may be an ``async`` function (or any callable that
    returns an awaitable): each is awaited, with the poll count it saw proving it ran before
    the next poll."""
    route = mock.get(STATUS)
    route.side_effect = [httpx.Response(200, json=status_body("pending")),
                         httpx.Response(200, json=status_body("pending")),
                         httpx.Response(200, json=status_body("active", TOKEN))]
    polls_seen: list[int] = []

    async def on_pending(status: SessionStatus) -> None:
        await asyncio.sleep(0)
        polls_seen.append(route.call_count)

    client = AsyncCONXAClient(api_key=API_KEY, base_url=BASE)
    install(client, fake)
    try:
        session = await client.wait_for_connection(USER, poll_interval=2, on_pending=on_pending)
        assert session.is_active and polls_seen == [1, 2]
        route.side_effect = [httpx.Response(200, json=status_body("pending")),
                             httpx.Response(200, json=status_body("active", TOKEN))]
        route.reset()
        obj = _AsyncCallable()
        await client.wait_for_connection(USER, poll_interval=2, on_pending=obj)
        assert obj.seen == ["pending"]
    finally:
        await client.aclose()


def test_sync_client_refuses_an_async_on_pending(mock: respx.MockRouter, fake: FakeTime) -> None:
    """The sync client cannot await: an ``async def`` is refused before any request, and a
    callable returning an awaitable is refused when it returns one (no "never awaited"
    warning, polling stops), instead of silently never running."""
    import warnings

    route = mock.get(STATUS).respond(200, json=status_body("pending"))
    client = CONXAClient(api_key=API_KEY, base_url=BASE)
    install(client, fake)

    async def on_pending(status: SessionStatus) -> None:
        raise AssertionError("never called")

    with client:
        with pytest.raises(ValidationError, match="on_pending"):
            client.wait_for_connection(USER, on_pending=on_pending)
        assert route.call_count == 0
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a coroutine never awaited would warn
            with pytest.raises(ValidationError, match="on_pending"):
                client.wait_for_connection(USER, on_pending=_AsyncCallable())
        assert route.call_count == 1


async def test_an_exception_from_on_pending_stops_the_wait(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    """Whatever ``on_pending`` raises reaches the caller as it is, and polling stops."""
    route = mock.get(STATUS).respond(200, json=status_body("pending"))

    def on_pending(status: SessionStatus) -> None:
        raise KeyError("stop waiting")

    with pytest.raises(KeyError, match="stop waiting"):
        await call(make().wait_for_connection, USER, on_pending=on_pending)
    assert route.call_count == 1


async def test_wait_times_out(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    mock.get(STATUS).respond(200, json=status_body("pending"))
    start = fake.now
    with pytest.raises(ConnectionTimeoutError, match="within 10 seconds"):
        await call(make().wait_for_connection, USER, timeout=10, poll_interval=3)
    assert fake.now - start == 10  # waits never run past the timeout
    assert fake.sleeps == [3, 3, 3, 1]


async def test_wait_expired_status(make: Any, mock: respx.MockRouter) -> None:
    mock.get(STATUS).respond(200, json=status_body("expired"))
    with pytest.raises(SessionExpiredError, match="before connection"):
        await call(make().wait_for_connection, USER)


async def test_wait_stops_when_the_qr_expires(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    code = QRCodeData(qr_data="", expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    polls = 0

    def respond(request: httpx.Request) -> httpx.Response:
        nonlocal polls
        polls += 1
        if polls == 3:
            code.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        return httpx.Response(200, json=status_body("pending"))

    mock.get(STATUS).mock(side_effect=respond)
    with pytest.raises(SessionExpiredError, match="QR code has expired"):
        await call(make().wait_for_connection, USER, qr_data=code)
    assert polls == 3


async def test_wait_rate_limited_too_long_closes_the_qr(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    mock.get(STATUS).respond(429, headers={"Retry-After": "1"}, json={"message": "slow"})
    with pytest.warns(UserWarning, match="Rate limit hit"), \
            pytest.raises(SessionExpiredError, match="rate limiting"):
        await call(make().wait_for_connection, USER, rate_limit_timeout=5)
    # each poll: 1 + 3 inner retries of 1 s; the outer loop counts from its first 429 (seed)
    assert sum(fake.sleeps) >= 5


async def test_wait_rate_limit_backoff_without_retry_after(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    mock.get(STATUS).mock(side_effect=[
        *[httpx.Response(429, json={"message": "slow"})] * 4,  # one poll + its 3 retries
        httpx.Response(200, json=status_body("active", TOKEN)),
    ])
    with pytest.warns(UserWarning):
        session = await call(make().wait_for_connection, USER, poll_interval=2)
    assert session.is_active
    assert fake.sleeps == [1, 2, 4, 4]  # inner 1, 2, 4; then the outer min(2 * poll_interval, 30)


async def test_async_wait_does_not_block_the_event_loop(mock: respx.MockRouter) -> None:
    responses = [httpx.Response(200, json=status_body("pending"))] * 3 + [
        httpx.Response(200, json=status_body("active", TOKEN))]
    mock.get(STATUS).mock(side_effect=responses)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    async with AsyncCONXAClient(api_key=API_KEY, base_url=BASE) as client:
        task = asyncio.create_task(ticker())
        session = await client.wait_for_connection(USER, poll_interval=0.05)
        task.cancel()
    assert session.is_active
    assert ticks >= 10  # ~0.15 s of real waiting, during which the loop kept running


# --- charges ------------------------------------------------------------------------------------
def charge_ok(balance: int = 990) -> httpx.Response:
    return httpx.Response(200, json={"approved": True, "new_balance": balance, "error_code": None})


async def test_charge_request_shape(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/charge/authorize").mock(return_value=charge_ok())
    result = await call(make().charge, TOKEN, "req_abc123", "gpt-4", 1000, 500)
    assert result == ChargeResult(approved=True, new_balance=990)
    request = route.calls.last.request
    assert request.headers["X-Provider-Session"] == TOKEN
    assert request.headers["X-Idempotency-Key"] == "req_abc123"
    assert request.headers["X-Provider-API-Key"] == API_KEY
    assert json.loads(request.content) == {"model_name": "gpt-4", "input_tokens": 1000, "output_tokens": 500}


async def test_charge_200_not_approved_passes_error_code(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/charge/authorize").respond(200, json={"approved": False, "new_balance": 4,
                                                      "error_code": "HARD_CAP_VIOLATION"})
    assert await call(make().charge, TOKEN, "k1", "gpt-4", 1, 1) == ChargeResult(False, 4, "HARD_CAP_VIOLATION")


TRANSIENT = [
    httpx.ReadError("connection reset by peer"),
    httpx.RemoteProtocolError("Server disconnected without sending a response."),
    httpx.ReadTimeout("timed out"),
    httpx.ConnectError("refused"),
    httpx.Response(503, json={"message": "unavailable"}),
    httpx.Response(502),
    httpx.Response(429, headers={"Retry-After": "0"}, json={"message": "slow"}),
]


@pytest.mark.parametrize("failure", TRANSIENT, ids=["reset", "dropped", "timeout", "refused", "503", "502", "429"])
async def test_charge_transient_failures_are_retried_with_the_same_key(
    make: Any, mock: respx.MockRouter, failure: Any
) -> None:
    route = mock.post("/charge/authorize").mock(side_effect=[failure, failure, charge_ok(42)])
    result = await call(make().charge, TOKEN, "req-same", "gpt-4", 1, 1)
    assert result == ChargeResult(True, 42)
    assert route.call_count == 3
    assert {c.request.headers["X-Idempotency-Key"] for c in route.calls} == {"req-same"}
    assert len({c.request.content for c in route.calls}) == 1


async def test_charge_409_in_progress_is_waited_out_then_replayed(
    make: Any, mock: respx.MockRouter, fake: FakeTime
) -> None:
    conflict = httpx.Response(409, json={"status": "error", "message": "in progress",
                                         "code": "IDEMPOTENCY_KEY_IN_PROGRESS"})
    route = mock.post("/charge/authorize").mock(side_effect=[
        httpx.ReadTimeout("timed out"), conflict, conflict,
        httpx.Response(409, headers={"Retry-After": "2"}, json={"message": "in progress"}), charge_ok(7)])
    result = await call(make(retry_config=RetryConfig(backoff_factor=0.01, jitter=False)).charge,
                        TOKEN, "req-slow", "gpt-4", 1, 1)
    assert result == ChargeResult(True, 7)
    assert {c.request.headers["X-Idempotency-Key"] for c in route.calls} == {"req-slow"}
    assert route.call_count == 5
    assert fake.sleeps[-1] == 2.0  # the server's Retry-After on a 409 is honoured


async def test_charge_409_gives_up_at_the_deadline(make: Any, mock: respx.MockRouter, fake: FakeTime) -> None:
    route = mock.post("/charge/authorize").respond(409, json={"message": "in progress"})
    policy = RetryConfig(backoff_factor=0.5, jitter=False, deadline=5)
    with pytest.raises(IdempotencyConflictError):
        await call(make(retry_config=policy).charge, TOKEN, "req-stuck", "gpt-4", 1, 1)
    assert sum(fake.sleeps) <= 5 and route.call_count > 3


@pytest.mark.parametrize("failure", [httpx.ReadError("reset"), httpx.Response(503),
                                     httpx.Response(409, json={"message": "in progress"})],
                         ids=["reset", "503", "409"])
async def test_charge_with_retries_off_sends_once(make: Any, mock: respx.MockRouter, failure: Any) -> None:
    route = mock.post("/charge/authorize").mock(side_effect=[failure, charge_ok()])
    with pytest.raises((ConxaConnectionError, paywire.APIStatusError)):
        await call(make(max_retries=0).charge, TOKEN, "req-once", "gpt-4", 1, 1)
    assert route.call_count == 1


async def test_charge_transient_failures_exhaust_attempts(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/charge/authorize").mock(side_effect=httpx.ReadError("reset"))
    with pytest.raises(ConxaConnectionError):
        await call(make(retry_config=RetryConfig(max_attempts=4, backoff_factor=0.01)).charge,
                   TOKEN, "req-x", "gpt-4", 1, 1)
    assert route.call_count == 4


async def test_wallet_balance(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/wallet/1234567890123456").respond(200, json={"wallet_id": "1234567890123456", "tokens": 77})
    assert await call(make().get_wallet_balance, " 1234567890123456 ") == WalletBalance("1234567890123456", 77)
    assert route.calls.last.request.headers["X-Provider-API-Key"] == API_KEY


async def test_raw_response_and_with_options(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/wallet/1234567890123456").respond(200, json={"wallet_id": "1234567890123456", "tokens": 1},
                                                 headers={"x-request-id": "rid-1"})
    client = make()
    raw = await call(client.with_raw_response.get_wallet_balance, "1234567890123456")
    assert raw.parsed == WalletBalance("1234567890123456", 1) and raw.request_id == "rid-1"
    assert client.with_options(max_retries=0).retry_config.max_attempts == 1


def test_preview_charge_is_local() -> None:
    with respx.mock(base_url=BASE) as router, CONXAClient(api_key=API_KEY, base_url=BASE) as client:
        assert client.preview_charge(TOKEN, "gpt-4", 1, 2) == {
            "model_name": "gpt-4", "input_tokens": 1, "output_tokens": 2, "can_proceed": True}
        assert not router.calls

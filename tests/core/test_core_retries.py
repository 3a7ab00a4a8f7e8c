"""Retries: which requests are resent, with which key, how long the core waits, and when it stops.

Every scenario runs for the sync and the async client (``make`` is parametrized). The driver's
sleep is patched to record waits and advance a fake clock, so nothing here really sleeps.
"""

from __future__ import annotations

import email.utils
import random
import time
import uuid
from typing import Any

import httpx
import pytest
import respx
from _core_helpers import FakeClock, call

from paywire._core import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
    RetryConfig,
    parse_retry_after,
)


def ok() -> httpx.Response:
    return httpx.Response(200, json={"id": "t1", "name": "x"})


# --- POST without an idempotency key ---------------------------------------------------------------
@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500, json={"message": "boom"}),
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "0"}),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("connection reset by peer"),
        httpx.WriteError("broken pipe"),
    ],
    ids=["500", "503", "429", "read-timeout", "dropped", "reset", "write-error"],
)
async def test_post_without_key_is_never_resent_once_it_may_have_arrived(
    make: Any, mock: respx.MockRouter, clock: FakeClock, failure: Any
) -> None:
    route = mock.post("/things").mock(side_effect=[failure, ok()])
    client = make()
    with pytest.raises((InternalServerError, RateLimitError, APIConnectionError)):
        await call(client.create_thing, name="x")
    assert route.call_count == 1
    assert clock.sleeps == []
    assert "idempotency-key" not in route.calls[0].request.headers


@pytest.mark.parametrize("never_sent", [httpx.ConnectError("refused"), httpx.ConnectTimeout("connect"),
                                        httpx.PoolTimeout("pool")], ids=["connect", "connect-timeout", "pool"])
async def test_post_without_key_is_retried_when_it_was_never_sent(
    make: Any, mock: respx.MockRouter, clock: FakeClock, never_sent: Exception
) -> None:
    route = mock.post("/things").mock(side_effect=[never_sent, ok()])
    client = make()
    assert await call(client.create_thing, name="x") == {"id": "t1", "name": "x"}
    assert route.call_count == 2
    assert len(clock.sleeps) == 1


async def test_post_without_key_read_timeout_raises_timeout_error(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/things").mock(side_effect=httpx.ReadTimeout("slow"))
    client = make()
    with pytest.raises(APITimeoutError) as info:
        await call(client.create_thing, name="x")
    assert isinstance(info.value, APIConnectionError)
    assert info.value.request is not None and info.value.request.method == "POST"


# --- POST with an idempotency key ----------------------------------------------------------------
@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500), httpx.Response(503), httpx.ReadTimeout("slow"),
     httpx.RemoteProtocolError("dropped"), httpx.ConnectError("refused")],
    ids=["500", "503", "read-timeout", "dropped", "connect"],
)
async def test_post_with_callers_key_is_retried_with_the_same_key(
    make: Any, mock: respx.MockRouter, failure: Any
) -> None:
    route = mock.post("/things").mock(side_effect=[failure, failure, ok()])
    client = make()
    assert (await call(client.create_thing, name="x", idempotency_key="order-42"))["id"] == "t1"
    assert route.call_count == 3
    assert [c.request.headers["idempotency-key"] for c in route.calls] == ["order-42"] * 3
    assert len({c.request.content for c in route.calls}) == 1


async def test_generated_key_is_the_same_on_every_attempt_and_new_per_call(
    make: Any, mock: respx.MockRouter
) -> None:
    route = mock.post("/things").mock(side_effect=[httpx.Response(502), ok(), httpx.Response(503), ok()])
    client = make()
    await call(client.create_thing, name="x", keyed=True)
    await call(client.create_thing, name="x", keyed=True)
    keys = [c.request.headers["idempotency-key"] for c in route.calls]
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert uuid.UUID(keys[0]).version == 4


async def test_generated_request_with_key_header_is_retried_with_the_same_key(
    make: Any, mock: respx.MockRouter
) -> None:
    route = mock.post("/charge/authorize").mock(
        side_effect=[httpx.RemoteProtocolError("dropped after commit"), httpx.Response(200, json={"approved": True})]
    )
    client = make()
    result = await call(client.authorize_charge, session_token="sess_tok_123456", input_tokens=5,
                        idempotency_key="charge-1")
    assert result == {"approved": True}
    assert [c.request.headers["x-idempotency-key"] for c in route.calls] == ["charge-1", "charge-1"]
    assert all(c.request.headers["x-provider-session"] == "sess_tok_123456" for c in route.calls)


async def test_post_with_key_stops_after_max_attempts(make: Any, mock: respx.MockRouter,
                                                      clock: FakeClock) -> None:
    route = mock.post("/things").mock(return_value=httpx.Response(503, json={"message": "down"}))
    client = make()
    with pytest.raises(InternalServerError) as info:
        await call(client.create_thing, name="x", idempotency_key="k-1")
    assert route.call_count == 3  # default: two retries
    assert len(clock.sleeps) == 2
    assert info.value.status_code == 503 and info.value.message == "down"


# --- idempotent methods ------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500), httpx.Response(502), httpx.Response(503), httpx.Response(504), httpx.Response(408),
     httpx.Response(429), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"),
     httpx.ConnectError("refused")],
    ids=["500", "502", "503", "504", "408", "429", "read-timeout", "dropped", "connect"],
)
async def test_idempotent_methods_retry_by_default_two_retries(
    make: Any, mock: respx.MockRouter, clock: FakeClock, method: str, failure: Any
) -> None:
    route = mock.route(method=method, path="/things/t1").mock(side_effect=[failure, failure, ok(), ok()])
    client = make()
    op = {"GET": lambda: call(client.get_thing, "t1"),
          "PUT": lambda: call(client.put_thing, "t1", name="x"),
          "DELETE": lambda: call(client.delete_thing, "t1")}[method]
    await op()
    assert route.call_count == 3
    assert len(clock.sleeps) == 2


async def test_idempotent_retries_are_bounded(make: Any, mock: respx.MockRouter, clock: FakeClock) -> None:
    route = mock.get("/things/t1").mock(side_effect=httpx.ConnectError("refused"))
    client = make()
    with pytest.raises(APIConnectionError):
        await call(client.get_thing, "t1")
    assert route.call_count == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
async def test_non_retryable_statuses_are_not_retried(make: Any, mock: respx.MockRouter, status: int) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(status))
    client = make()
    with pytest.raises(Exception) as info:
        await call(client.get_thing, "t1")
    assert getattr(info.value, "status_code", None) == status
    assert route.call_count == 1


async def test_custom_attempt_count(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(503))
    client = make(retry_config=RetryConfig(max_attempts=5))
    with pytest.raises(InternalServerError):
        await call(client.get_thing, "t1")
    assert route.call_count == 5


# --- turning retries off -------------------------------------------------------------------------------
async def test_with_options_max_retries_zero_turns_retries_off(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1").mock(side_effect=[httpx.Response(503), ok()])
    client = make()
    with pytest.raises(InternalServerError):
        await call(client.with_options(max_retries=0).get_thing, "t1")
    assert route.call_count == 1
    assert client.retry_config.max_attempts == 3  # the original keeps its policy
    assert (await call(client.get_thing, "t1"))["id"] == "t1"


async def test_with_options_max_retries_zero_also_stops_connect_error_retries(
    make: Any, mock: respx.MockRouter
) -> None:
    route = mock.post("/things").mock(side_effect=[httpx.ConnectError("refused"), ok()])
    client = make()
    with pytest.raises(APIConnectionError):
        await call(client.with_options(max_retries=0).create_thing, name="x", idempotency_key="k-2")
    assert route.call_count == 1


@pytest.mark.parametrize("kwargs", [{"retry_config": RetryConfig(max_attempts=1)}, {"max_retries": 0}],
                         ids=["RetryConfig(max_attempts=1)", "max_retries=0"])
async def test_client_level_retries_off(make: Any, mock: respx.MockRouter, kwargs: dict[str, Any]) -> None:
    route = mock.get("/things/t1").mock(side_effect=[httpx.ReadTimeout("slow"), ok()])
    client = make(**kwargs)
    with pytest.raises(APITimeoutError):
        await call(client.get_thing, "t1")
    assert route.call_count == 1


async def test_max_retries_overrides_retry_config_attempts(make: Any) -> None:
    client = make(retry_config=RetryConfig(max_attempts=7, backoff_factor=2.0), max_retries=1)
    assert client.retry_config.max_attempts == 2
    assert client.retry_config.backoff_factor == 2.0


# --- Retry-After --------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_seconds_is_honoured(make: Any, mock: respx.MockRouter, clock: FakeClock,
                                               status: int) -> None:
    route = mock.get("/things/t1").mock(
        side_effect=[httpx.Response(status, headers={"Retry-After": "7"}), ok()]
    )
    client = make()
    await call(client.get_thing, "t1")
    assert clock.sleeps == [7.0]
    assert route.call_count == 2


async def test_retry_after_http_date_is_honoured(make: Any, mock: respx.MockRouter, clock: FakeClock) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    mock.get("/things/t1").mock(side_effect=[httpx.Response(429, headers={"Retry-After": when}), ok()])
    client = make()
    await call(client.get_thing, "t1")
    assert len(clock.sleeps) == 1
    assert 27.0 <= clock.sleeps[0] <= 30.0


async def test_retry_after_in_the_past_retries_at_once(make: Any, mock: respx.MockRouter,
                                                        clock: FakeClock) -> None:
    when = email.utils.formatdate(time.time() - 300, usegmt=True)
    route = mock.get("/things/t1").mock(side_effect=[httpx.Response(503, headers={"Retry-After": when}), ok()])
    client = make()
    await call(client.get_thing, "t1")
    assert route.call_count == 2
    assert clock.sleeps == []  # a zero wait is not slept at all


async def test_unusable_retry_after_falls_back_to_backoff(make: Any, mock: respx.MockRouter,
                                                          clock: FakeClock) -> None:
    mock.get("/things/t1").mock(side_effect=[httpx.Response(503, headers={"Retry-After": "soon-ish"}), ok()])
    client = make(retry_config=RetryConfig(jitter=False, backoff_factor=0.25))
    await call(client.get_thing, "t1")
    assert clock.sleeps == [0.25]


async def test_retry_after_above_cap_is_not_waited_out(make: Any, mock: respx.MockRouter,
                                                       clock: FakeClock) -> None:
    route = mock.get("/things/t1").mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "3600"}, json={"message": "slow down"}), ok()]
    )
    client = make()
    with pytest.raises(RateLimitError) as info:
        await call(client.get_thing, "t1")
    assert route.call_count == 1
    assert clock.sleeps == []
    assert info.value.retry_after == 3600.0
    assert info.value.message == "slow down"


async def test_retry_after_cap_is_configurable(make: Any, mock: respx.MockRouter, clock: FakeClock) -> None:
    mock.get("/things/t1").mock(side_effect=[httpx.Response(429, headers={"Retry-After": "5"}), ok()])
    client = make(retry_config=RetryConfig(max_retry_after=2.0))
    with pytest.raises(RateLimitError) as info:
        await call(client.get_thing, "t1")
    assert info.value.retry_after == 5.0
    assert clock.sleeps == []


async def test_rate_limit_error_after_exhausted_retries_carries_retry_after(
    make: Any, mock: respx.MockRouter, clock: FakeClock
) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(429, headers={"Retry-After": "1.5"}))
    client = make()
    with pytest.raises(RateLimitError) as info:
        await call(client.get_thing, "t1")
    assert route.call_count == 3
    assert clock.sleeps == [1.5, 1.5]
    assert info.value.retry_after == 1.5


async def test_post_without_key_ignores_retry_after(make: Any, mock: respx.MockRouter,
                                                    clock: FakeClock) -> None:
    route = mock.post("/things").mock(side_effect=[httpx.Response(429, headers={"Retry-After": "1"}), ok()])
    client = make()
    with pytest.raises(RateLimitError) as info:
        await call(client.create_thing, name="x")
    assert route.call_count == 1 and clock.sleeps == []
    assert info.value.retry_after == 1.0


def test_parse_retry_after() -> None:
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 12, usegmt=True)
    assert parse_retry_after(None) is None
    assert parse_retry_after("") is None
    assert parse_retry_after("  ") is None
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("nan") is None
    assert parse_retry_after("tomorrow") is None
    assert parse_retry_after(date, now=now) == pytest.approx(12.0)
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00", now=now) == 0.0  # naive date: read as UTC


# --- deadline -----------------------------------------------------------------------------------------
async def test_deadline_bounds_the_whole_call(make: Any, mock: respx.MockRouter, clock: FakeClock) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(503, headers={"Retry-After": "4"}))
    client = make(retry_config=RetryConfig(max_attempts=10, deadline=10.0))
    with pytest.raises(InternalServerError):
        await call(client.get_thing, "t1")
    # waits of 4 s fit twice into 10 s; a third would end past the deadline
    assert clock.sleeps == [4.0, 4.0]
    assert route.call_count == 3
    assert sum(clock.sleeps) <= 10.0


async def test_deadline_shorter_than_first_wait_means_no_retry(make: Any, mock: respx.MockRouter,
                                                               clock: FakeClock) -> None:
    route = mock.get("/things/t1").mock(side_effect=[httpx.ReadTimeout("slow"), ok()])
    client = make(retry_config=RetryConfig(deadline=0.1, backoff_factor=1.0, jitter=False))
    with pytest.raises(APITimeoutError):
        await call(client.get_thing, "t1")
    assert route.call_count == 1 and clock.sleeps == []


async def test_deadline_counts_time_spent_in_attempts(make: Any, mock: respx.MockRouter,
                                                      clock: FakeClock) -> None:
    def slow_failure(request: httpx.Request) -> httpx.Response:
        clock.now += 6.0  # each attempt takes 6 s of (fake) time
        return httpx.Response(503)

    route = mock.get("/things/t1").mock(side_effect=slow_failure)
    client = make(retry_config=RetryConfig(max_attempts=10, deadline=10.0, backoff_factor=0.5, jitter=False))
    with pytest.raises(InternalServerError):
        await call(client.get_thing, "t1")
    assert route.call_count == 2  # 6 + 0.5 + 6 = 12.5 > 10 stops before a third wait
    assert clock.now - 1000.0 <= 13.0


# --- backoff -------------------------------------------------------------------------------------------
def test_full_jitter_stays_within_zero_and_the_ceiling() -> None:
    config = RetryConfig(backoff_factor=0.5, max_backoff=8.0)
    rng = random.Random(1234)
    for retry in range(1, 9):
        ceiling = min(8.0, 0.5 * 2 ** (retry - 1))
        samples = [config.backoff(retry, rng) for _ in range(300)]
        assert all(0.0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8 and min(samples) < ceiling * 0.2  # really spread out


def test_backoff_without_jitter_is_the_capped_exponential() -> None:
    config = RetryConfig(backoff_factor=0.5, max_backoff=3.0, jitter=False)
    assert [config.backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


async def test_recorded_waits_respect_the_jitter_ceiling(make: Any, mock: respx.MockRouter,
                                                         clock: FakeClock) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(502))
    client = make(retry_config=RetryConfig(max_attempts=6, backoff_factor=0.5, max_backoff=2.0))
    with pytest.raises(InternalServerError):
        await call(client.get_thing, "t1")
    assert len(clock.sleeps) == 5
    for retry, waited in enumerate(clock.sleeps, start=1):
        assert 0.0 <= waited <= min(2.0, 0.5 * 2 ** (retry - 1))


def test_retry_config_validation() -> None:
    with pytest.raises(ValueError):
        RetryConfig(max_attempts=0)
    with pytest.raises(ValueError):
        RetryConfig(backoff_factor=-1)
    with pytest.raises(ValueError):
        RetryConfig(deadline=0)
    with pytest.raises(ValueError):
        RetryConfig().with_max_retries(-1)
    assert RetryConfig().max_attempts == 3


# --- flows may wait --------------------------------------------------------------------------------------
async def test_flow_sleep_effect_goes_through_the_driver(make: Any, mock: respx.MockRouter,
                                                         clock: FakeClock) -> None:
    mock.get("/things/t1").mock(return_value=ok())
    client = make()
    assert (await call(client.get_later, "t1", wait=2.5))["id"] == "t1"
    assert clock.sleeps == [2.5]


async def test_generated_get_kwargs_lowercase_method_is_retried(make: Any, mock: respx.MockRouter,
                                                                 clock: FakeClock) -> None:
    """Generated ``_get_kwargs`` say ``"method": "get"``; the core must still treat it as a GET."""
    route = mock.get("/wallet/1234567890123456").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json={"wallet_id": "1234567890123456", "tokens": 1})])
    client = make()
    assert (await call(client.get_balance, "1234567890123456"))["tokens"] == 1
    assert route.call_count == 2


async def test_each_attempt_timeout_is_cut_to_the_time_left(make: Any, mock: respx.MockRouter,
                                                            clock: FakeClock) -> None:
    seen: list[dict[str, float]] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        clock.now += 7.0
        return httpx.Response(503)

    mock.get("/things/t1").mock(side_effect=record)
    client = make(retry_config=RetryConfig(max_attempts=5, deadline=10.0, backoff_factor=0.0, jitter=False),
                  timeout=30.0)
    with pytest.raises(InternalServerError):
        await call(client.get_thing, "t1")
    assert len(seen) == 2
    assert max(seen[0].values()) <= 10.0  # not the configured 30 s
    assert max(seen[1].values()) <= 3.0 + 1e-6  # 10 s deadline - 7 s already spent

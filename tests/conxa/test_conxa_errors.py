"""Status → exception mapping (reference §2.4), for the sync and the async client.

Each case checks the seed's class and attributes *and* the paywire class it is mixed into, so
both ``except conxa.X`` and ``except paywire.Y`` catch it.
"""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx
import pytest
import respx
from _conxa_helpers import TOKEN, USER, call

import paywire
from paywire import conxa
from paywire.conxa import (
    APIError,
    AuthenticationError,
    ConnectionTimeoutError,
    CONXAError,
    ForbiddenError,
    IdempotencyConflictError,
    InsufficientBalanceError,
    ProviderNotFoundError,
    RateLimitError,
    SessionExpiredError,
    SessionNotFoundError,
    ValidationError,
)

WALLET = "1234567890123456"


def err(message: str, code: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"status": "error", "message": message, **extra}
    if code is not None:
        body["code"] = code
    return body


# status, body, headers, seed class, paywire class, expected str(), extra attributes
CASES: list[tuple[int, Any, dict[str, str], type[Exception], type[Exception], str, dict[str, Any]]] = [
    (401, err("invalid API key", "INVALID_API_KEY"), {}, AuthenticationError, paywire.AuthenticationError,
     "[401] invalid API key", {"error_code": "INVALID_API_KEY"}),
    (402, err("insufficient balance", "INSUFFICIENT_BALANCE", new_balance=7), {}, InsufficientBalanceError,
     paywire.PaymentRequiredError, "[402] insufficient balance", {"current_balance": 7}),
    (403, err("charge exceeds the spending limit", "HARD_CAP_VIOLATION"), {}, ForbiddenError,
     paywire.PermissionDeniedError, "[403] charge exceeds the spending limit", {"error_code": "HARD_CAP_VIOLATION"}),
    (404, err("wallet not found", "WALLET_NOT_FOUND"), {}, SessionNotFoundError, paywire.NotFoundError,
     "[404] wallet not found", {}),
    (409, err("in progress", "IDEMPOTENCY_KEY_IN_PROGRESS"), {}, IdempotencyConflictError,
     paywire.ConflictError, "[409] in progress", {}),
    (422, err("wallet_id must be 16 digits", "VALIDATION_ERROR",
              errors=[{"loc": ["path", "wallet_id"], "msg": "bad", "type": "value_error"}]), {},
     ValidationError, paywire.UnprocessableEntityError, "[422] wallet_id must be 16 digits",
     {"errors": [{"loc": ["path", "wallet_id"], "msg": "bad", "type": "value_error"}]}),
    (422, {"detail": [{"loc": ["query"], "msg": "field required", "type": "missing"}]}, {}, ValidationError,
     paywire.UnprocessableEntityError, "[422] field required", {"errors": []}),
    (429, err("slow down", "RATE_LIMITED"), {"Retry-After": "7"}, RateLimitError, paywire.RateLimitError,
     "[429] slow down", {"retry_after": 7}),
    (429, err("slow down"), {}, RateLimitError, paywire.RateLimitError, "[429] slow down", {"retry_after": None}),
    (500, err("boom"), {}, APIError, paywire.InternalServerError, "[500] boom", {}),
    (503, "<html>upstream down</html>", {}, APIError, paywire.InternalServerError,
     "[503] HTTP 503 Service Unavailable", {}),
    (400, {"detail": "bad request"}, {}, APIError, paywire.BadRequestError, "[400] bad request", {}),
    (418, err("teapot"), {}, APIError, paywire.APIStatusError, "[418] teapot", {}),
]


@pytest.mark.parametrize(("status", "body", "headers", "seed_cls", "core_cls", "text", "attrs"), CASES,
                         ids=[f"{c[0]}-{c[3].__name__}" for c in CASES])
async def test_status_maps_to_seed_and_paywire_class(
    make: Any, mock: respx.MockRouter, status: int, body: Any, headers: dict[str, str],
    seed_cls: type[Exception], core_cls: type[Exception], text: str, attrs: dict[str, Any],
) -> None:
    kwargs: dict[str, Any] = {"json": body} if not isinstance(body, str) else {"text": body}
    mock.get(f"/wallet/{WALLET}").mock(return_value=httpx.Response(status, headers=headers, **kwargs))
    client = make(max_retries=0)
    with pytest.raises(seed_cls) as info:
        await call(client.get_wallet_balance, WALLET)
    e: Any = info.value
    assert isinstance(e, CONXAError)
    assert isinstance(e, core_cls)
    assert isinstance(e, paywire.APIStatusError)
    assert e.status_code == status
    assert str(e) == text
    for name, value in attrs.items():
        assert getattr(e, name) == value
    # The seed's e.response is the parsed body; it also answers like the HTTP response.
    if isinstance(body, dict):
        assert e.response == body
        assert e.response.get("code") == body.get("code")
    assert e.response.status_code == status
    assert e.response.headers.get("retry-after") == headers.get("Retry-After")
    assert e.error_code == (body.get("code") if isinstance(body, dict) else None)
    assert e.http_response.status_code == status


async def test_retry_after_as_http_date(make: Any, mock: respx.MockRouter) -> None:
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    mock.get(f"/wallet/{WALLET}").respond(429, headers={"Retry-After": when}, json=err("later"))
    with pytest.raises(RateLimitError) as info:
        await call(make(max_retries=0).get_wallet_balance, WALLET)
    assert info.value.retry_after is not None and 110 < info.value.retry_after <= 120


async def test_401_naming_the_session_is_session_expired_and_authentication_error(
    make: Any, mock: respx.MockRouter
) -> None:
    mock.post("/charge/authorize").respond(401, json=err("session expired", "SESSION_EXPIRED"))
    with pytest.raises(SessionExpiredError) as info:
        await call(make().charge, TOKEN, "req-1", "gpt-4", 10, 5)
    assert isinstance(info.value, AuthenticationError)
    assert isinstance(info.value, paywire.AuthenticationError)
    assert str(info.value) == "[401] session expired"
    assert info.value.error_code == "SESSION_EXPIRED"


async def test_401_for_the_api_key_on_charge_is_authentication_error_only(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/charge/authorize").respond(401, json=err("invalid API key", "INVALID_API_KEY"))
    with pytest.raises(AuthenticationError) as info:
        await call(make().charge, TOKEN, "req-1", "gpt-4", 10, 5)
    assert not isinstance(info.value, SessionExpiredError)


@pytest.mark.parametrize(("status", "code", "seed_cls"), [
    (404, "SESSION_NOT_FOUND", SessionNotFoundError),
    (422, "UNKNOWN_MODEL", ValidationError),
    (422, "IDEMPOTENCY_KEY_REUSED", ValidationError),
    (500, "INTERNAL", APIError),
])
async def test_charge_raises_what_it_cannot_turn_into_a_result(
    make: Any, mock: respx.MockRouter, status: int, code: str, seed_cls: type[Exception]
) -> None:
    mock.post("/charge/authorize").respond(status, json=err("nope", code))
    with pytest.raises(seed_cls) as info:
        await call(make(max_retries=0).charge, TOKEN, "req-1", "gpt-4", 10, 5)
    assert getattr(info.value, "error_code", None) == code


@pytest.mark.parametrize(("status", "body", "expected"), [
    (402, err("insufficient balance", "INSUFFICIENT_BALANCE", new_balance=12),
     conxa.ChargeResult(False, 12, "INSUFFICIENT_BALANCE", "[402] insufficient balance")),
    (403, err("charge exceeds the spending limit", "HARD_CAP_VIOLATION", new_balance=900),
     conxa.ChargeResult(False, 900, "HARD_CAP_VIOLATION", "[403] charge exceeds the spending limit")),
    (403, err("no permission", "NO_CHARGE_PERMISSION"),
     conxa.ChargeResult(False, 0, "NO_CHARGE_PERMISSION", "[403] no permission")),
])
async def test_charge_402_and_403_are_results_not_exceptions(
    make: Any, mock: respx.MockRouter, status: int, body: Any, expected: conxa.ChargeResult
) -> None:
    route = mock.post("/charge/authorize").respond(status, json=body)
    assert await call(make().charge, TOKEN, "req-1", "gpt-4", 10, 5) == expected
    assert route.call_count == 1  # a decision: never retried


@pytest.mark.parametrize(("status", "seed_cls"), [(401, AuthenticationError), (422, ValidationError),
                                                  (500, APIError)])
async def test_status_poll_errors(make: Any, mock: respx.MockRouter, status: int, seed_cls: type[Exception]) -> None:
    mock.get("/providers/session/status").respond(status, json=err("no"))
    with pytest.raises(seed_cls):
        await call(make(max_retries=0).get_session_status, USER)


async def test_status_poll_404_is_session_not_found(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/providers/session/status").respond(404, json=err("no session yet", "SESSION_NOT_FOUND"))
    with pytest.raises(SessionNotFoundError) as info:
        await call(make().get_session_status, USER)
    assert isinstance(info.value, paywire.NotFoundError)


@pytest.mark.parametrize(("failure", "seed_text", "core_cls"), [
    (httpx.ConnectError("connection refused"), "Connection error - unable to reach CONXA API",
     paywire.APIConnectionError),
    (httpx.ReadError("connection reset by peer"), "Connection error - unable to reach CONXA API",
     paywire.APIConnectionError),
    (httpx.ReadTimeout("timed out"), "Request timeout", paywire.APITimeoutError),
])
async def test_transport_failures_are_conxa_errors(
    make: Any, mock: respx.MockRouter, failure: Exception, seed_text: str, core_cls: type[Exception]
) -> None:
    mock.get(f"/wallet/{WALLET}").mock(side_effect=failure)
    with pytest.raises(CONXAError) as info:
        await call(make(max_retries=0).get_wallet_balance, WALLET)
    assert isinstance(info.value, core_cls)
    assert str(info.value).startswith(seed_text)
    assert info.value.status_code is None


async def test_health_check_swallows_errors(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/health")
    client = make(max_retries=0)
    route.respond(200, json={"status": "ok"})
    assert await call(client.health_check) is True
    route.respond(200, json={"status": "degraded"})
    assert await call(client.health_check) is False
    route.respond(503, text="down")
    assert await call(client.health_check) is False
    route.mock(side_effect=httpx.ConnectError("refused"))
    assert await call(client.health_check) is False


# --- the seed's constructors and str() -------------------------------------------------------
def test_seed_constructors_and_str() -> None:
    assert str(CONXAError("plain")) == "plain"
    e = CONXAError("boom", 500, {"code": "X"})
    assert (str(e), e.status_code, e.response, e.error_code) == ("[500] boom", 500, {"code": "X"}, "X")
    assert CONXAError("m", 400, None, "EXPLICIT").error_code == "EXPLICIT"
    assert str(AuthenticationError()) == "[401] Invalid or missing API key"
    ib = InsufficientBalanceError("low", current_balance=3)
    assert (ib.current_balance, ib.status_code, str(ib)) == (3, 402, "[402] low")
    assert InsufficientBalanceError("low", response={"new_balance": 9}).current_balance == 9
    rl = RateLimitError("slow", retry_after=5, response={"code": "RATE_LIMITED"})
    assert (rl.retry_after, rl.error_code, str(rl)) == (5, "RATE_LIMITED", "[429] slow")
    assert APIError("x").status_code == 500 and APIError("x", status_code=502).status_code == 502
    ve = ValidationError("bad", errors=[{"msg": "m"}])
    assert (ve.errors, ve.status_code, str(ve)) == ([{"msg": "m"}], 422, "[422] bad")
    assert ValidationError("bad", response={"errors": [1]}).errors == [1]
    assert isinstance(ve, ValueError)
    assert str(SessionExpiredError()) == "[401] Session expired or invalid"
    assert ConnectionTimeoutError().status_code is None
    assert str(ConnectionTimeoutError("late")) == "late"
    assert str(ForbiddenError()) == "[403] Forbidden"
    assert str(SessionNotFoundError()) == "[404] No active session found"
    assert str(ProviderNotFoundError()) == "[404] Provider not found"
    assert str(IdempotencyConflictError()) == "[409] Idempotency key in progress"
    for cls in (AuthenticationError, InsufficientBalanceError, SessionExpiredError, ConnectionTimeoutError,
                SessionNotFoundError, ProviderNotFoundError, ForbiddenError, IdempotencyConflictError,
                RateLimitError, APIError, ValidationError):
        assert issubclass(cls, CONXAError) and issubclass(cls, paywire.PaywireError)


def test_secrets_never_reach_exception_text() -> None:
    from paywire._core import register_secret

    register_secret(TOKEN)
    assert TOKEN not in str(CONXAError(f"token {TOKEN} rejected", 401))

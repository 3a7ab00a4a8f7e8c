"""CONXA sandbox over real HTTP (plain httpx against the ``paywire_sandbox`` server)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from paywire.sandbox.conxa import (
    DEFAULT_API_KEY,
    DEFAULT_PROVIDER_ID,
    DEFAULT_WALLET_ID,
    DEFAULT_WALLET_TOKENS,
    ConxaState,
    conxa,
)

USER = "user@example.com"
AUTH = {"X-Provider-API-Key": DEFAULT_API_KEY}


@pytest.fixture
def st(paywire_sandbox: Any) -> ConxaState:
    state: ConxaState = paywire_sandbox.state("conxa")
    return state


@pytest.fixture
def http(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=paywire_sandbox.base_url("conxa"), headers=AUTH, timeout=10) as client:
        yield client


def charge_headers(token: str, key: str) -> dict[str, str]:
    return {"X-Provider-Session": token, "X-Idempotency-Key": key}


def gpt4(input_tokens: int = 1000, output_tokens: int = 500) -> dict[str, Any]:
    return {"model_name": "gpt-4", "input_tokens": input_tokens, "output_tokens": output_tokens}


def connect(st: ConxaState, username: str = USER, wallet_id: str = DEFAULT_WALLET_ID,
            limit: int | None = None) -> str:
    conn = st.approve(DEFAULT_PROVIDER_ID, username, wallet_id, limit)
    assert conn.session_token is not None
    return conn.session_token


def test_every_operation_has_a_handler() -> None:
    assert conxa.missing_handlers() == []
    assert {op for _, _, op in conxa.operations()} == {
        "get_session_status", "authorize_charge", "get_wallet_balance", "health_check"}


def test_health(http: httpx.Client) -> None:
    r = http.get("/health")
    assert (r.status_code, r.json()) == (200, {"status": "ok"})


def test_session_lifecycle_not_found_pending_active_expired(
    paywire_sandbox: Any, http: httpx.Client, st: ConxaState
) -> None:
    st.set_min_poll_interval(0)
    params = {"provider_username": USER}
    assert http.get("/providers/session/status", params=params).json()["status"] == "not_found"

    st.scan(DEFAULT_PROVIDER_ID, USER)
    pending = http.get("/providers/session/status", params=params).json()
    assert pending["status"] == "pending"
    assert pending["session_token"] is None

    st.approve(DEFAULT_PROVIDER_ID, USER, DEFAULT_WALLET_ID)
    active = http.get("/providers/session/status", params={"provider_username": f"  {USER} "}).json()
    assert active["status"] == "active"
    assert active["session_token"].startswith("ps_")
    assert active["expires_at"].endswith("Z")

    paywire_sandbox.clock.advance(3601)
    expired = http.get("/providers/session/status", params=params).json()
    assert expired["status"] == "expired"
    assert expired["session_token"] is None


def test_status_is_scoped_to_the_provider(http: httpx.Client, st: ConxaState) -> None:
    st.set_min_poll_interval(0)
    st.add_provider("anthropic", "pk_test_anthropic_x")
    st.approve("anthropic", USER, DEFAULT_WALLET_ID)
    assert http.get("/providers/session/status", params={"provider_username": USER}).json()["status"] == "not_found"
    other = http.get("/providers/session/status", params={"provider_username": USER},
                     headers={"X-Provider-API-Key": "pk_test_anthropic_x"})
    assert other.json()["status"] == "active"


def test_unknown_or_missing_api_key_is_401(http: httpx.Client) -> None:
    bad = http.get("/providers/session/status", params={"provider_username": USER},
                   headers={"X-Provider-API-Key": "pk_test_openai_wrong"})
    assert bad.status_code == 401
    assert bad.json()["code"] == "INVALID_API_KEY"
    assert "pk_test" not in bad.text  # the key never echoes back
    with httpx.Client(base_url=str(http.base_url)) as anonymous:
        missing = anonymous.get("/wallet/" + DEFAULT_WALLET_ID)
    assert missing.status_code == 401
    assert missing.json()["status"] == "error"


def test_fast_polling_gets_429_with_retry_after(http: httpx.Client, st: ConxaState) -> None:
    assert st.min_poll_interval == 0.2
    params = {"provider_username": USER}
    assert http.get("/providers/session/status", params=params).status_code == 200
    limited = http.get("/providers/session/status", params=params)
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "1"
    assert limited.json()["code"] == "RATE_LIMITED"
    # Another user has its own window.
    assert http.get("/providers/session/status", params={"provider_username": "b@x"}).status_code == 200
    time.sleep(0.25)
    assert http.get("/providers/session/status", params=params).status_code == 200


def test_set_min_poll_interval_controls_the_window(paywire_sandbox: Any, http: httpx.Client) -> None:
    r = http.post(paywire_sandbox.url + "/_sandbox/conxa/set_min_poll_interval", json={"seconds": 5})
    assert r.json() == {"min_poll_interval": 5.0}
    params = {"provider_username": USER}
    http.get("/providers/session/status", params=params)
    time.sleep(0.25)
    limited = http.get("/providers/session/status", params=params)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 5


def test_charge_debits_once_and_replay_returns_the_stored_result(http: httpx.Client, st: ConxaState) -> None:
    token = connect(st)
    first = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "req_1"))
    assert first.status_code == 200
    expected_balance = DEFAULT_WALLET_TOKENS - (1000 + 2 * 500)
    assert first.json() == {"approved": True, "new_balance": expected_balance, "error_code": None}
    assert st.balance(DEFAULT_WALLET_ID) == expected_balance

    replay = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "req_1"))
    assert replay.status_code == 200
    assert replay.content == first.content
    assert st.balance(DEFAULT_WALLET_ID) == expected_balance
    assert [(e.idempotency_key, e.tokens) for e in st.ledger] == [("req_1", 2000)]

    second = http.post("/charge/authorize", json=gpt4(10, 0), headers=charge_headers(token, "req_2"))
    assert second.json()["new_balance"] == expected_balance - 10
    assert [o.idempotency_key for o in st.charges_for(DEFAULT_WALLET_ID)] == ["req_1", "req_2"]


def conxa_http(sandbox: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=sandbox.base_url("conxa"), headers=AUTH, timeout=10)


async def staggered_duplicates(client: httpx.AsyncClient, token: str, key: str) -> tuple[httpx.Response, ...]:
    """The same charge twice, concurrently, the second sent 0.1 s after the first (the order of
    arrival is what the tests need; nothing asserts on time)."""

    async def send(delay: float) -> httpx.Response:
        await asyncio.sleep(delay)
        return await client.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, key))

    return tuple(await asyncio.gather(send(0), send(0.1)))


async def test_concurrent_duplicates_one_200_one_409_single_debit(paywire_sandbox: Any, st: ConxaState) -> None:
    token = connect(st)
    st.set_charge_latency(0.3)
    async with conxa_http(paywire_sandbox) as client:
        a, b = await staggered_duplicates(client, token, "dup")
        assert (a.status_code, b.status_code) == (200, 409)
        assert b.json()["code"] == "IDEMPOTENCY_KEY_IN_PROGRESS"
        assert len(st.ledger) == 1
        assert st.balance(DEFAULT_WALLET_ID) == DEFAULT_WALLET_TOKENS - 2000

        later = await client.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "dup"))
        assert (later.status_code, later.content) == (200, a.content)
    assert len(st.ledger) == 1


async def test_latency_fault_on_a_duplicate_never_double_debits(paywire_sandbox: Any, st: ConxaState) -> None:
    token = connect(st)
    # The framework delays the first request before its handler; the duplicate overtakes it.
    paywire_sandbox.faults.add("conxa:authorize_charge", latency_ms=300, times=1)
    async with conxa_http(paywire_sandbox) as client:
        a, b = await staggered_duplicates(client, token, "slow")
    assert (a.status_code, b.status_code) == (200, 200)
    assert a.content == b.content
    assert len(st.ledger) == 1


def test_lost_response_retry_gets_stored_result(paywire_sandbox: Any, http: httpx.Client, st: ConxaState) -> None:
    token = connect(st)
    paywire_sandbox.faults.add("conxa:authorize_charge", reset="after", times=1)
    with pytest.raises(httpx.TransportError):
        http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "lost"))
    assert len(st.ledger) == 1  # committed although the client never heard
    retry = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "lost"))
    assert retry.status_code == 200
    assert retry.json()["new_balance"] == DEFAULT_WALLET_TOKENS - 2000
    assert len(st.ledger) == 1


def test_same_key_different_request_is_422(http: httpx.Client, st: ConxaState) -> None:
    token = connect(st)
    assert http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "k")).status_code == 200
    reused = http.post("/charge/authorize", json=gpt4(1, 1), headers=charge_headers(token, "k"))
    assert reused.status_code == 422
    assert reused.json()["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert len(st.ledger) == 1


def test_idempotency_key_is_scoped_to_the_provider(http: httpx.Client, st: ConxaState) -> None:
    st.add_provider("anthropic", "pk_test_anthropic_x")
    openai_token = connect(st)
    other = st.approve("anthropic", USER, DEFAULT_WALLET_ID).session_token
    assert other is not None
    http.post("/charge/authorize", json=gpt4(), headers=charge_headers(openai_token, "shared"))
    r = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(other, "shared")
                  | {"X-Provider-API-Key": "pk_test_anthropic_x"})
    assert r.status_code == 200
    assert len(st.ledger) == 2


def test_insufficient_balance_is_402_and_debits_nothing(http: httpx.Client, st: ConxaState) -> None:
    st.seed_wallet("1111222233334444", 100)
    token = connect(st, "poor@example.com", "1111222233334444")
    r = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "p1"))
    assert r.status_code == 402
    assert r.json()["new_balance"] == 100
    assert r.json()["code"] == "INSUFFICIENT_BALANCE"
    assert st.balance("1111222233334444") == 100
    assert st.ledger == []
    # A top-up does not change what the key already decided; a new key succeeds.
    st.seed_wallet("1111222233334444", 5000)
    replay = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "p1"))
    assert (replay.status_code, replay.content) == (402, r.content)
    ok = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "p2"))
    assert ok.json() == {"approved": True, "new_balance": 3000, "error_code": None}
    assert [o.status for o in st.charges_for("1111222233334444")] == [402, 200]


def test_hard_cap_is_403_and_debits_nothing(http: httpx.Client, st: ConxaState) -> None:
    token = connect(st, limit=2500)
    assert http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "c1")).status_code == 200
    capped = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "c2"))
    assert capped.status_code == 403
    assert capped.json()["code"] == "HARD_CAP_VIOLATION"
    assert capped.json()["new_balance"] == DEFAULT_WALLET_TOKENS - 2000
    assert st.balance(DEFAULT_WALLET_ID) == DEFAULT_WALLET_TOKENS - 2000
    assert len(st.ledger) == 1
    replay = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "c2"))
    assert (replay.status_code, replay.content) == (403, capped.content)


def test_no_charge_permission_is_403(paywire_sandbox: Any, http: httpx.Client, st: ConxaState) -> None:
    token = connect(st)
    r = http.post(paywire_sandbox.url + "/_sandbox/conxa/set_charge_permission",
                  json={"provider_username": USER, "allowed": False})
    assert r.json()["can_charge"] is False
    denied = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "np"))
    assert denied.status_code == 403
    assert denied.json()["code"] == "NO_CHARGE_PERMISSION"
    assert st.balance(DEFAULT_WALLET_ID) == DEFAULT_WALLET_TOKENS


def test_bad_or_expired_session_is_401_and_not_stored(paywire_sandbox: Any, http: httpx.Client,
                                                      st: ConxaState) -> None:
    unknown = http.post("/charge/authorize", json=gpt4(), headers=charge_headers("ps_nope", "s1"))
    assert unknown.status_code == 401
    assert unknown.json()["code"] == "INVALID_SESSION"

    token = connect(st)
    done = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "before-expiry"))
    paywire_sandbox.clock.advance(3601)
    expired = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "s1"))
    assert expired.status_code == 401
    assert expired.json()["code"] == "SESSION_EXPIRED"
    # A replay of a charge completed before expiry still returns its stored result.
    replay = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "before-expiry"))
    assert (replay.status_code, replay.content) == (200, done.content)
    # 401 outcomes are not stored: after reconnecting, the same key charges normally.
    fresh = connect(st)
    assert fresh != token
    old = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "s2"))
    assert old.status_code == 401  # re-approval revoked the old token
    again = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(fresh, "s1"))
    assert again.status_code == 200
    assert len(st.ledger) == 2


def test_charge_request_validation(http: httpx.Client, st: ConxaState) -> None:
    token = connect(st)
    no_key = http.post("/charge/authorize", json=gpt4(), headers={"X-Provider-Session": token})
    assert no_key.status_code == 422
    too_long = http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "k" * 256))
    assert too_long.status_code == 422
    negative = http.post("/charge/authorize", json=gpt4(-1, 0), headers=charge_headers(token, "n"))
    assert negative.status_code == 422
    unknown_model = http.post("/charge/authorize", json=gpt4() | {"model_name": "gpt-9"},
                              headers=charge_headers(token, "m"))
    assert unknown_model.status_code == 422
    assert unknown_model.json()["code"] == "UNKNOWN_MODEL"
    assert st.ledger == []
    # The rejected key is free: once the model is priced, the same key charges.
    st.set_price("gpt-9", 3, 3)
    ok = http.post("/charge/authorize", json=gpt4(1, 1) | {"model_name": "gpt-9"}, headers=charge_headers(token, "m"))
    assert ok.json()["new_balance"] == DEFAULT_WALLET_TOKENS - 6


def test_wallet_balance_404_and_422(http: httpx.Client, st: ConxaState) -> None:
    ok = http.get(f"/wallet/{DEFAULT_WALLET_ID}")
    assert ok.json() == {"wallet_id": DEFAULT_WALLET_ID, "tokens": DEFAULT_WALLET_TOKENS}
    missing = http.get("/wallet/0000000000000000")
    assert missing.status_code == 404
    assert missing.json()["code"] == "WALLET_NOT_FOUND"
    for bad in ("123", "12345678901234567", "12345678abcdefgh"):
        r = http.get(f"/wallet/{bad}")
        assert r.status_code == 422, bad
        assert r.json()["status"] == "error"


def test_control_plane_approve_and_ledger(paywire_sandbox: Any, http: httpx.Client, st: ConxaState) -> None:
    st.set_min_poll_interval(0)
    control = paywire_sandbox.url + "/_sandbox/conxa"
    assert http.post(control + "/scan", json={"provider_username": USER}).json()["status"] == "pending"
    approved = http.post(control + "/approve", json={"provider_username": USER, "limit": 10_000})
    assert approved.json()["status"] == "active"
    assert "session_token" not in approved.json()
    token = http.get("/providers/session/status", params={"provider_username": USER}).json()["session_token"]
    http.post("/charge/authorize", json=gpt4(), headers=charge_headers(token, "via-control"))
    ledger = http.get(control + "/ledger").json()["ledger"]
    assert [(e["idempotency_key"], e["tokens"]) for e in ledger] == [("via-control", 2000)]
    assert http.post(control + "/approve", json={"provider_username": USER, "wallet_id": "9" * 16}).status_code == 400


def test_reprs_hide_secrets(st: ConxaState) -> None:
    conn = st.approve(DEFAULT_PROVIDER_ID, USER, DEFAULT_WALLET_ID)
    assert conn.session_token is not None
    assert conn.session_token not in repr(conn)
    assert DEFAULT_API_KEY not in repr(st.providers[DEFAULT_PROVIDER_ID])
    assert DEFAULT_API_KEY not in repr(st)

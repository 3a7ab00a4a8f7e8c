"""Timed script actions over real HTTP: "expire this session in 5 s of sandbox time"."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import spaps as sb_spaps

SPAPS = {"X-API-Key": sb_spaps.DEFAULT_API_KEY}
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}


def _sign_in(sb: Any) -> tuple[str, str]:
    data = httpx.post(sb.base_url("spaps") + "/api/auth/login", headers=SPAPS, json={
        "email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD}).json()["data"]
    token = data["access_token"]
    current = httpx.get(sb.base_url("spaps") + "/api/sessions/current",
                        headers={**SPAPS, "Authorization": f"Bearer {token}"})
    return token, current.json()["data"]["session"]["id"]


def _session_status(sb: Any, token: str) -> int:
    return httpx.get(sb.base_url("spaps") + "/api/sessions/current",
                     headers={**SPAPS, "Authorization": f"Bearer {token}"}).status_code


def _clock(sb: Any, seconds: float) -> dict[str, Any]:
    r = httpx.post(sb.url + "/_sandbox/clock", json={"seconds": seconds})
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_expire_this_session_in_5_s_of_sandbox_time(paywire_sandbox: Any) -> None:
    token, session_id = _sign_in(paywire_sandbox)
    r = httpx.post(paywire_sandbox.url + "/_sandbox/schedule", json={
        "in_seconds": 5, "control": "spaps/expire_sessions", "body": {"session_id": session_id}})
    assert r.status_code == 200, r.text
    assert r.json()["fired"] is False
    assert _session_status(paywire_sandbox, token) == 200
    assert _clock(paywire_sandbox, 4)["fired"] == []
    assert _session_status(paywire_sandbox, token) == 200  # 4 s in: not yet
    fired = _clock(paywire_sandbox, 2)["fired"]  # 6 s in: the clock passed it
    assert [(a["control"], a["result"]) for a in fired] == [("spaps/expire_sessions", {"expired": [session_id]})]
    assert _session_status(paywire_sandbox, token) == 401
    listed = httpx.get(paywire_sandbox.url + "/_sandbox/schedule").json()["actions"]
    assert [a["fired"] for a in listed] == [True]
    assert _clock(paywire_sandbox, 60)["fired"] == []  # once only


def test_actions_fire_in_due_order_on_a_request_after_wall_time_passes(paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("conxa")
    st.approve(sb_conxa.DEFAULT_PROVIDER_ID, "timed@example.com", sb_conxa.DEFAULT_WALLET_ID)
    status = paywire_sandbox.base_url("conxa") + "/providers/session/status"
    params = {"provider_username": "timed@example.com"}
    # The service's first request loads its spec (and the checks' compiler): done before the
    # window below opens, so the window only has to hold one ordinary request. (Not the
    # status route itself: it refuses polls that come too fast.)
    wallet = paywire_sandbox.base_url("conxa") + f"/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    assert httpx.get(wallet, headers=CONXA).status_code == 200
    # Margins of half a second: the first request must land before the earliest action is due
    # even on a loaded CI box (0.1 s margins were not enough under load).
    scheduled = time.monotonic()
    paywire_sandbox.schedule.add("conxa/seed_wallet", {"wallet_id": "1111222233334444", "tokens": 2},
                                 in_seconds=1.0)
    paywire_sandbox.schedule.add("conxa/seed_wallet", {"wallet_id": "1111222233334444", "tokens": 1},
                                 in_seconds=0.5)
    paywire_sandbox.schedule.add("conxa/expire", {"provider_username": "timed@example.com"}, in_seconds=0.75)
    assert httpx.get(status, headers=CONXA, params=params).json()["status"] == "active"
    time.sleep(max(0.0, scheduled + 1.1 - time.monotonic()))  # sandbox time runs with wall time too
    assert httpx.get(status, headers=CONXA, params=params).json()["status"] == "expired"
    # seed_wallet sets the balance: the 1.0 s action ran after the 0.5 s one
    assert st.wallets["1111222233334444"].tokens == 2


def test_a_failing_action_is_recorded_and_never_breaks_the_request(paywire_sandbox: Any) -> None:
    paywire_sandbox.schedule.add("conxa/expire", {"provider_username": "nobody@example.com"}, in_seconds=1)
    _clock(paywire_sandbox, 2)
    wallet = httpx.get(paywire_sandbox.base_url("conxa") + f"/wallet/{sb_conxa.DEFAULT_WALLET_ID}", headers=CONXA)
    assert wallet.status_code == 200
    (action,) = httpx.get(paywire_sandbox.url + "/_sandbox/schedule").json()["actions"]
    assert action["fired"] is True and "nobody@example.com" in action["error"]


@pytest.mark.parametrize(("body", "names"), [
    ({"in_seconds": 5, "control": "conxa/no_such_action"}, "no control"),
    ({"in_seconds": 5, "control": "nope/expire"}, "no control"),
    ({"in_seconds": 5, "control": "conxa/expire", "body": {"provider_usernme": "x"}}, "/_sandbox/conxa/expire"),
    ({"in_seconds": 5, "control": "spaps/expire_sessions", "body": {}}, "expire_sessions"),
    ({"in_seconds": 5, "at": 10, "control": "conxa/expire", "body": {"provider_username": "x"}}, "exactly one"),
    ({"control": "conxa/expire", "body": {"provider_username": "x"}}, "exactly one"),
    ({"in_seconds": -1, "control": "conxa/expire"}, "in_seconds"),
    ({"in_seconds": 5, "control": "../../etc"}, "control"),
])
def test_bad_timed_actions_are_a_400_and_schedule_nothing(paywire_sandbox: Any, body: dict[str, Any],
                                                          names: str) -> None:
    r = httpx.post(paywire_sandbox.url + "/_sandbox/schedule", json=body)
    assert r.status_code == 400 and names in r.json()["error"], r.text
    assert paywire_sandbox.schedule.actions == []


def test_schedule_is_per_namespace_and_cleared_by_reset(paywire_sandbox: Any, paywire_sandbox_server: Any) -> None:
    other = paywire_sandbox_server.in_namespace("timed-other")
    try:
        paywire_sandbox.schedule.add("conxa/seed_wallet", {"wallet_id": "1111222233334444", "tokens": 3},
                                     in_seconds=1)
        _clock(other, 5)
        assert other.schedule.actions == [] and "1111222233334444" not in other.state("conxa").wallets
        assert httpx.delete(paywire_sandbox.url + "/_sandbox/schedule").json()["actions"] == []
        paywire_sandbox.schedule.add("conxa/seed_wallet", {"wallet_id": "1111222233334444", "tokens": 3},
                                     in_seconds=1)
        httpx.post(paywire_sandbox.url + "/_sandbox/reset", json={})
        assert paywire_sandbox.schedule.actions == []
    finally:
        other.drop()

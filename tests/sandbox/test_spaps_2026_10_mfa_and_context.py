"""SPAPS 2026-10 sandbox over real HTTP: MFA verify, session context, auth methods, set-password
under ``data`` (#16.8), checked against the spec by the sandbox's own response validation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _spaps_sandbox import KEY, api_fixture, control_fixture

from paywire.sandbox.spaps import (
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    DEFAULT_USER_PASSWORD,
    MFA_CHALLENGE_TTL,
    RECOVERY_CODES,
)

http = api_fixture("spaps-2026-10")
control = control_fixture("spaps-2026-10")


def _error(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code, r.text


def _challenge(http: httpx.Client, control: httpx.Client) -> tuple[dict[str, Any], str, list[str]]:
    codes = control.post("/require_mfa", json={"email": DEFAULT_USER_EMAIL}).json()["recovery_codes"]
    data = http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL,
                                              "password": DEFAULT_USER_PASSWORD}).json()["data"]
    assert data["mfa_required"] is True and "access_token" not in data
    (listed,) = [c for c in control.get("/mfa_challenges").json()["challenges"] if c["challenge_id"] == data["challenge_id"]]
    return data, listed["code"], codes


def test_mfa_challenge_completed_with_the_authenticator_code(http: httpx.Client, control: httpx.Client,
                                                              paywire_sandbox: Any) -> None:
    challenge, code, codes = _challenge(http, control)
    assert len(codes) == RECOVERY_CODES
    r = http.post("/api/auth/mfa/verify", json={"challenge_id": challenge["challenge_id"],
                                                "challenge": challenge["challenge"], "code": code})
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["mfa_method"] == "totp" and data["user"]["id"] == DEFAULT_USER_ID
    assert data["recovery_codes_remaining"] == RECOVERY_CODES
    me = http.get("/api/auth/user", headers={"Authorization": f"Bearer {data['access_token']}"})
    assert me.status_code == 200
    # single use
    _error(http.post("/api/auth/mfa/verify", json={"challenge_id": challenge["challenge_id"],
                                                   "challenge": challenge["challenge"], "code": code}),
           401, "INVALID_MFA_CHALLENGE")
    assert paywire_sandbox.response_violations == []


def test_mfa_recovery_codes_are_single_use(http: httpx.Client, control: httpx.Client) -> None:
    challenge, _, codes = _challenge(http, control)
    body = {"challenge_id": challenge["challenge_id"], "challenge": challenge["challenge"]}
    r = http.post("/api/auth/mfa/verify", json={**body, "recovery_code": codes[0]})
    assert r.status_code == 200 and r.json()["data"]["mfa_method"] == "recovery_code"
    assert r.json()["data"]["recovery_codes_remaining"] == RECOVERY_CODES - 1
    again, _, _ = _challenge(http, control)
    _error(http.post("/api/auth/mfa/verify", json={"challenge_id": again["challenge_id"],
                                                   "challenge": again["challenge"], "recovery_code": codes[0]}),
           401, "INVALID_MFA_CODE")


@pytest.mark.parametrize(("change", "status", "code"), [
    ({"code": "000000x"}, 401, "INVALID_MFA_CODE"),
    ({"challenge": "not-the-challenge"}, 401, "INVALID_MFA_CHALLENGE"),
    ({"challenge_id": "mfa_unknown"}, 401, "INVALID_MFA_CHALLENGE"),
    ({"recovery_code": "also"}, 400, "VALIDATION_ERROR"),  # both code and recovery_code
    ({"code": None}, 400, "VALIDATION_ERROR"),  # neither
])
def test_mfa_verify_refusals(http: httpx.Client, control: httpx.Client, change: dict[str, Any], status: int,
                             code: str) -> None:
    challenge, good, _ = _challenge(http, control)
    body = {"challenge_id": challenge["challenge_id"], "challenge": challenge["challenge"], "code": good, **change}
    _error(http.post("/api/auth/mfa/verify", json={k: v for k, v in body.items() if v is not None}), status, code)


def test_mfa_challenge_expires_on_the_sandbox_clock(http: httpx.Client, control: httpx.Client,
                                                    paywire_sandbox: Any) -> None:
    challenge, code, _ = _challenge(http, control)
    paywire_sandbox.clock.advance(MFA_CHALLENGE_TTL + 1)
    _error(http.post("/api/auth/mfa/verify", json={"challenge_id": challenge["challenge_id"],
                                                   "challenge": challenge["challenge"], "code": code}),
           401, "MFA_CHALLENGE_EXPIRED")


def test_session_context_and_auth_methods(http: httpx.Client, control: httpx.Client, paywire_sandbox: Any) -> None:
    tokens = http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL,
                                                "password": DEFAULT_USER_PASSWORD}).json()["data"]
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    ctx = http.get("/api/auth/session-context", headers=auth)
    assert ctx.status_code == 200, ctx.text
    data = ctx.json()["data"]
    assert data["user"]["id"] == DEFAULT_USER_ID and data["tier"] == "pro" and data["mfa_enrolled"] is False
    assert data["methods_hint"] == "/api/auth/methods"
    control.post("/require_mfa", json={"email": DEFAULT_USER_EMAIL})
    assert http.get("/api/auth/session-context", headers=auth).json()["data"]["mfa_enrolled"] is True
    _error(http.get("/api/auth/session-context"), 401, "UNAUTHORIZED")

    methods = http.get("/api/auth/methods")  # API key alone
    assert methods.status_code == 200, methods.text
    by_name = {m["method"]: m for m in methods.json()["data"]["methods"]}
    assert by_name["password"]["enabled"] and by_name["totp"]["enabled"]
    assert not by_name["webauthn"]["enabled"] and by_name["webauthn"]["setup_reason"]
    assert paywire_sandbox.response_violations == []


def test_set_password_answers_under_data(http: httpx.Client) -> None:
    tokens = http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL,
                                                "password": DEFAULT_USER_PASSWORD}).json()["data"]
    r = http.post("/api/auth/set-password", headers={"Authorization": f"Bearer {tokens['access_token']}"},
                  json={"new_password": "NewSecret123!", "current_password": DEFAULT_USER_PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["data"] == {"message": "Password updated successfully"} and "message" not in r.json()


def test_the_seed_era_profile_has_none_of_them(paywire_sandbox: Any) -> None:
    base = paywire_sandbox.base_url("spaps")
    for method, path in (("POST", "/api/auth/mfa/verify"), ("GET", "/api/auth/session-context"),
                         ("GET", "/api/auth/methods")):
        assert httpx.request(method, base + path, headers=KEY).status_code in (404, 405)

"""SPAPS sandbox, contract profile 2026-10, over real HTTP (plain httpx against ``paywire_sandbox``).

The profile shares its state with the seed-era ``/spaps`` app (one server, two contracts), so
several tests act through one profile and check through the other.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _spaps_sandbox import (
    KEY,
    api_fixture,
    bearer,
    control_fixture,
    error_of,
    eth_address,
    eth_sign,
    login,
    state_fixture,
    token,
)
from coincurve import PrivateKey

from paywire.sandbox.spaps import (
    APPS,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    DEFAULT_USER_PASSWORD,
    FEATURE_CATALOG,
    METERED_DIMENSIONS,
    REFRESH_REUSE_INTERVAL,
    USAGE_AUTHORIZATION_TTL,
    SpapsState,
    profile,
    require_mfa,
    spaps,
    spaps_2026_10,
)

URL = "https://example.com"

st = state_fixture()
http = api_fixture("spaps-2026-10")
seed_http = api_fixture("spaps")  # the seed-era (2025-11) contract of the same server
control = control_fixture("spaps-2026-10")


def new_user(st: SpapsState, email: str, tier: str = "free") -> str:
    return st.create_user(email, "Password123!", email_confirmed=True, tier=tier).id


# --- the profile ------------------------------------------------------------------------------


def test_one_handler_per_operation_registered_where_the_spec_has_it() -> None:
    """Each app has a handler for exactly its spec's operations; an operation in both specs is
    served by one handler function (bound to each app's contract), version-only ones only where
    they exist."""
    assert (spaps_2026_10.prefix, spaps_2026_10.state_key) == ("/spaps-2026-10", spaps.state_key)
    ops = {app.name: {op_id for _, _, op_id in app.operations()} for app, _ in APPS}
    for app, _ in APPS:
        assert set(app.handlers) == ops[app.name], app.name
    shared = ops["spaps"] & ops["spaps-2026-10"]
    assert {"sign_in_with_password", "record_usage", "list_sessions", "create_checkout_session"} <= shared
    for op_id in shared:
        assert spaps_2026_10.handlers[op_id].__wrapped__ is spaps.handlers[op_id].__wrapped__, op_id  # type: ignore[attr-defined]
    assert {"set_password", "verify_mfa", "authorize_usage"} <= ops["spaps-2026-10"] - shared
    assert {"get_balance", "create_wallet_deposit"} <= ops["spaps"] - shared


def test_each_app_serves_the_facades_contract() -> None:
    """The features a handler asks about are the facade's own for that version, and each app's
    spec has the operations of that version's generated package."""
    from paywire.spaps._contract import CONTRACTS

    for app, contract in APPS:
        facade = CONTRACTS[contract.version]  # type: ignore[index]
        assert contract.features == facade.features, app.name
        assert {op_id for _, _, op_id in app.operations()} == facade.operations, app.name
    with pytest.raises(KeyError, match="unknown SPAPS feature"):
        APPS[0][1].has("offset_paginng")


def test_one_server_two_contracts_share_users(http: httpx.Client, seed_http: httpx.Client) -> None:
    r = seed_http.post("/api/auth/register", json={"email": "old@example.com", "password": "Password123!"})
    assert r.status_code == 201 and "tokens" in r.json()  # seed era: flat envelope
    signed_in = login(http, "old@example.com", "Password123!")
    assert signed_in["user"]["email"] == "old@example.com"
    # and the other way round: registered through 2026-10 (nested), signed in through the seed era
    r = http.post("/api/auth/register", json={"email": "new@example.com", "password": "Password123!",
                                               "ref": "friend42", "referral_click_id": "clk_1"})
    assert r.status_code == 201
    body = r.json()
    assert set(body) >= {"success", "data"} and "tokens" not in body and "user" not in body
    assert body["data"]["tokens"]["access_token"] and "token_type" not in body["data"]["tokens"]
    assert body["data"]["user"]["email"] == "new@example.com"
    r = seed_http.post("/api/auth/login", json={"email": "new@example.com", "password": "Password123!"})
    assert r.status_code == 200
    me = http.get("/api/auth/user", headers=bearer(r.json()["data"]["access_token"])).json()["data"]["user"]
    assert me["metadata"]["referral"] == {"ref": "friend42", "referral_click_id": "clk_1"}


def test_seed_era_calls_keep_no_state_of_the_newer_contract(seed_http: httpx.Client, st: SpapsState) -> None:
    """The seed contract has no MFA, Idempotency-Key replays or message authorship: its calls
    neither read nor create that state (features gate it, not the operation)."""
    require_mfa(st, DEFAULT_USER_EMAIL)
    st.profiles.clear()
    assert login(seed_http)["user"]["id"] == DEFAULT_USER_ID  # no challenge on the seed contract
    seed_http.post("/api/auth/magic-link", json={"email": DEFAULT_USER_EMAIL})
    r = seed_http.post("/api/auth/verify-magic-link", json={"token": st.last_token(DEFAULT_USER_EMAIL, "magic_link")})
    assert r.status_code == 200 and r.json()["tokens"]["access_token"]
    guest = {"customer_email": "guest@example.com", "mode": "payment", "line_items": [{"price_id": "price_basic"}],
             "success_url": URL, "cancel_url": URL}
    first = seed_http.post("/api/stripe/guest-checkout-sessions", json=guest, headers={"Idempotency-Key": "k1"})
    again = seed_http.post("/api/stripe/guest-checkout-sessions", json=guest, headers={"Idempotency-Key": "k1"})
    assert first.status_code == again.status_code == 200
    assert first.json()["data"]["id"] != again.json()["data"]["id"]  # no replay on the seed contract
    message = {"patientId": "p1", "practitionerId": "d1", "content": "hello"}
    created = seed_http.post("/api/secure-messages", json=message).json()["data"]
    assert "sender_role" not in created
    assert st.profiles == {}


def test_register_waiting_for_confirmation_is_nested_without_tokens(http: httpx.Client, st: SpapsState) -> None:
    st.require_email_confirmation = True
    r = http.post("/api/auth/register", json={"email": "later@example.com", "password": "Password123!"})
    assert r.status_code == 201
    data = r.json()["data"]
    assert data["user"]["email_confirmed"] is False and "tokens" not in data and data["message"]


def test_sign_in_and_refresh_without_user(http: httpx.Client, paywire_sandbox: Any) -> None:
    data = login(http)
    assert data["user"]["id"] == DEFAULT_USER_ID
    assert data["user"]["roles"] == ["user"] and data["user"]["isAdmin"] is False
    assert data["token_type"] == "Bearer" and data["refresh_token"]
    r = http.post("/api/auth/refresh", json={"refresh_token": data["refresh_token"]})
    assert r.status_code == 200
    refreshed = r.json()["data"]
    assert "user" not in refreshed and refreshed["access_token"] != data["access_token"]
    # inside the reuse interval the rotated token answers with the current pair; after it, reuse
    again = http.post("/api/auth/refresh", json={"refresh_token": data["refresh_token"]}).json()["data"]
    assert again["refresh_token"] == refreshed["refresh_token"] and again["access_token"] != refreshed["access_token"]
    paywire_sandbox.clock.advance(REFRESH_REUSE_INTERVAL)
    error_of(http.post("/api/auth/refresh", json={"refresh_token": data["refresh_token"]}), 401, "INVALID_REFRESH")


def test_nonce_takes_chain_type(http: httpx.Client) -> None:
    key = PrivateKey()
    r = http.post("/api/auth/nonce", json={"wallet_address": eth_address(key), "chain_type": "ethereum"})
    assert r.status_code == 200 and r.json()["data"]["chain_type"] == "ethereum"
    error_of(http.post("/api/auth/nonce", json={"wallet_address": eth_address(key), "chain_type": "bitcoin"}),
             400, "VALIDATION_ERROR")


# --- MFA --------------------------------------------------------------------------------------


def test_mfa_challenge_instead_of_tokens(http: httpx.Client, seed_http: httpx.Client, st: SpapsState,
                                         control: httpx.Client) -> None:
    r = control.post("/require_mfa", json={"email": DEFAULT_USER_EMAIL})
    answer = r.json()
    assert answer.pop("recovery_codes") and answer == {"user_id": DEFAULT_USER_ID, "mfa_required": True}
    sessions_before = len(st.sessions)
    r = http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL, "password": DEFAULT_USER_PASSWORD})
    assert r.status_code == 200
    challenge = r.json()["data"]
    assert challenge["mfa_required"] is True and challenge["methods"] == ["totp"]
    assert challenge["challenge_id"] and challenge["challenge"] and challenge["expires_at"].endswith("Z")
    assert "access_token" not in challenge and len(st.sessions) == sessions_before  # no session opened
    assert [c["challenge_id"] for c in control.get("/mfa_challenges").json()["challenges"]] == [
        challenge["challenge_id"]]
    # wrong password is still 401, not a challenge
    error_of(http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL, "password": "nope-nope"}),
             401, "INVALID_CREDENTIALS")
    # the seed-era contract cannot express a challenge: that profile still signs in
    assert seed_http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL,
                                                    "password": DEFAULT_USER_PASSWORD}).status_code == 200
    # magic link: the token is consumed, the answer is a challenge
    http.post("/api/auth/magic-link", json={"email": DEFAULT_USER_EMAIL})
    r = http.post("/api/auth/verify-magic-link", json={"token": st.last_token(DEFAULT_USER_EMAIL, "magic_link"),
                                                       "state": "opaque"})
    assert r.status_code == 200 and r.json()["data"]["mfa_required"] is True
    control.post("/require_mfa", json={"user_id": DEFAULT_USER_ID, "required": False})
    assert login(http)["user"]["id"] == DEFAULT_USER_ID


def test_wallet_sign_in_with_mfa(http: httpx.Client, st: SpapsState) -> None:
    key = PrivateKey()
    address = eth_address(key)

    def sign_in() -> dict[str, Any]:
        message = http.post("/api/auth/nonce", json={"wallet_address": address}).json()["data"]["message"]
        r = http.post("/api/auth/wallet-sign-in", json={"wallet_address": address, "message": message,
                                                        "signature": eth_sign(key, message), "chain_type": "ethereum"})
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()["data"]
        return data

    first = sign_in()
    assert first["user"]["wallet_address"] == address
    require_mfa(st, first["user"]["id"])
    assert sign_in()["mfa_required"] is True
    assert profile(st).mfa_users == {first["user"]["id"]}


def test_magic_link_uses_confirm_url_and_nests_tokens(http: httpx.Client, st: SpapsState) -> None:
    r = http.post("/api/auth/magic-link", json={"email": "Link@Example.com", "confirm_url": "https://app.test/in"})
    assert r.status_code == 200 and r.json()["data"]["email"] == "link@example.com"
    assert st.outbox("link@example.com")[-1]["link"].startswith("https://app.test/in?token=")
    r = http.post("/api/auth/verify-magic-link", json={"token": st.last_token("link@example.com")})
    body = r.json()
    assert r.status_code == 200 and "tokens" not in body
    assert body["data"]["tokens"]["access_token"] and body["data"]["user"]["email_confirmed"] is True


def test_set_password(http: httpx.Client, st: SpapsState) -> None:
    http.post("/api/auth/magic-link", json={"email": "nopw@example.com"})
    first = http.post("/api/auth/verify-magic-link", json={"token": st.last_token("nopw@example.com")}).json()["data"]
    auth = bearer(first["tokens"]["access_token"])
    # first password: no current_password needed
    error_of(http.post("/api/auth/set-password", json={"new_password": "short"}, headers=auth), 400, "VALIDATION_ERROR")
    r = http.post("/api/auth/set-password", json={"new_password": "FirstPass123"}, headers=auth)
    assert r.status_code == 200 and r.json()["data"]["message"]  # under data, as today's server answers
    other = token(http, "nopw@example.com", "FirstPass123")
    # changing it needs the current one
    error_of(http.post("/api/auth/set-password", json={"new_password": "SecondPass123"}, headers=auth),
             400, "VALIDATION_ERROR")
    error_of(http.post("/api/auth/set-password", json={"new_password": "SecondPass123", "current_password": "bad"},
                       headers=auth), 400, "INVALID_CREDENTIALS")
    r = http.post("/api/auth/set-password", json={"new_password": "SecondPass123", "current_password": "FirstPass123"},
                  headers=auth)
    assert r.status_code == 200
    error_of(http.get("/api/auth/user", headers=other), 401, "INVALID_SESSION")  # other sessions revoked
    assert http.get("/api/auth/user", headers=auth).status_code == 200  # the calling one stays
    login(http, "nopw@example.com", "SecondPass123")
    error_of(http.post("/api/auth/set-password", json={"new_password": "x" * 12}), 401, "UNAUTHORIZED")


# --- sessions ---------------------------------------------------------------------------------


def test_sessions_list_has_a_trailing_slash_and_offset_paging(http: httpx.Client, paywire_sandbox: Any) -> None:
    tokens = [login(http)["access_token"] for _ in range(3)]
    auth = bearer(tokens[-1])
    r = http.get("/api/sessions/", headers=auth)
    assert r.status_code == 200
    everything = r.json()["data"]
    assert everything["total"] == 3 and len(everything["sessions"]) == 3
    page = http.get("/api/sessions/", params={"limit": 1, "offset": 1}, headers=auth).json()["data"]
    assert [s["id"] for s in page["sessions"]] == [everything["sessions"][1]["id"]] and page["has_more"] is True
    last = http.get("/api/sessions/", params={"limit": 2, "offset": 2}, headers=auth).json()["data"]
    assert len(last["sessions"]) == 1 and last["has_more"] is False
    # the slashless path redirects like the real (FastAPI) server; httpx does not follow by default
    r = http.get("/api/sessions", params={"limit": 1}, headers=auth)
    assert r.status_code == 307
    assert r.headers["location"].startswith(paywire_sandbox.base_url("spaps-2026-10") + "/api/sessions/")
    # the seed-era profile still serves the slashless path
    with httpx.Client(base_url=paywire_sandbox.base_url("spaps"), headers=KEY, timeout=10) as seed_http:
        assert seed_http.get("/api/sessions", headers=auth).json()["data"]["total"] == 3


def test_revoke_answers_204_and_validate_has_authority(http: httpx.Client) -> None:
    a = login(http)["access_token"]
    b = login(http)["access_token"]
    r = http.post("/api/sessions/validate", json={}, headers=bearer(a))
    data = r.json()["data"]
    assert data["valid"] is True and data["reason"] is None and data["session_id"] == data["session"]["id"]
    assert data["authority"]["user_id"] == DEFAULT_USER_ID and data["authority"]["access_jti"].startswith("jti_")
    assert a not in r.text  # the token itself is never echoed
    target = http.get("/api/sessions/current", headers=bearer(b)).json()["data"]["session"]["id"]
    r = http.delete(f"/api/sessions/{target}", headers=bearer(a))
    assert r.status_code == 204 and r.content == b"" and r.headers["X-Request-ID"]
    error_of(http.delete(f"/api/sessions/{target}", headers=bearer(a)), 404, "SESSION_NOT_FOUND")
    error_of(http.post("/api/sessions/validate", json={}, headers=bearer(b)), 403, "SESSION_REVOKED")


# --- stripe, crypto, the removed payments stubs -----------------------------------------------


def test_checkout_at_the_new_path(http: httpx.Client, seed_http: httpx.Client, st: SpapsState) -> None:
    auth = token(http)
    r = http.post("/api/stripe/checkout-sessions", headers=auth, json={
        "line_items": [{"price_id": "price_123", "quantity": 1}], "mode": "subscription",
        "success_url": URL + "/ok", "cancel_url": URL + "/no", "trial_period_days": 7, "client_reference_id": "ref-1",
    })
    assert r.status_code == 200, r.text
    created = r.json()["data"]
    assert created["id"] == created["session_id"] and created["url"] == created["checkout_url"]
    detail = http.get(f"/api/stripe/checkout-sessions/{created['id']}", headers=auth).json()["data"]
    assert detail["client_reference_id"] == "ref-1" and detail["customer_email"] == DEFAULT_USER_EMAIL
    # the seed era sees the same session
    assert seed_http.get(f"/api/stripe/checkout-sessions/{created['id']}", headers=auth).status_code == 200
    error_of(http.post("/api/stripe/checkout-sessions", headers=auth, json={
        "line_items": [{"price_id": "price_basic"}], "mode": "subscription",
        "success_url": URL, "cancel_url": URL}), 400, "INVALID_PRICE")
    error_of(http.post("/api/stripe/checkout-sessions", headers=auth, json={
        "line_items": [{"price_id": "price_basic"}], "mode": "payment", "trial_period_days": 3,
        "success_url": URL, "cancel_url": URL}), 400, "VALIDATION_ERROR")
    error_of(http.post("/api/stripe/checkout-sessions", headers=auth, json={
        "price_id": "price_123", "mode": "subscription", "success_url": URL, "cancel_url": URL}),
        400, "VALIDATION_ERROR")  # the legacy body shape
    # the legacy path and the five payments stubs are not part of this contract
    legacy = {"price_id": "price_123", "mode": "subscription", "success_url": URL, "cancel_url": URL}
    assert http.post("/api/payments/create-checkout-session", headers=auth, json=legacy).status_code == 404
    assert http.get("/api/payments/balance", headers=auth).status_code == 404
    assert seed_http.get("/api/payments/balance", headers=auth).status_code == 200
    page = http.get("/api/stripe/checkout-sessions", params={"limit": 1, "offset": 0}, headers=auth).json()["data"]
    assert page["has_more"] is True and page["next_cursor"] is None
    assert page["sessions"][0]["id"] == created["id"]  # newest first
    second = http.get("/api/stripe/checkout-sessions", params={"limit": 1, "offset": 1}, headers=auth).json()["data"]
    assert second["sessions"][0]["id"] != created["id"] and second["has_more"] is False


def test_stripe_lists_page_by_offset(http: httpx.Client) -> None:
    auth = token(http)
    products = http.get("/api/stripe/products", params={"limit": 1}, headers=auth).json()["data"]
    assert products["total"] == 2 and len(products["products"]) == 1
    rest = http.get("/api/stripe/products", params={"limit": 1, "offset": 1}, headers=auth).json()["data"]
    assert rest["products"][0]["id"] != products["products"][0]["id"]
    assert http.get("/api/stripe/products", params={"offset": 5}, headers=auth).json()["data"]["products"] == []
    assert len(http.get("/api/stripe/subscriptions", headers=auth).json()["data"]["subscriptions"]) == 1
    assert http.get("/api/stripe/subscriptions", params={"offset": 1}, headers=auth).json()["data"] == {
        "subscriptions": [], "has_more": False}
    history = http.get("/api/stripe/history", params={"limit": 1, "offset": 0}, headers=auth).json()["data"]
    assert history["total_count"] == 1 and len(history["payments"]) == 1
    error_of(http.get("/api/stripe/history", params={"offset": -1}, headers=auth), 400, "VALIDATION_ERROR")
    # starting_after is not in this contract: ignored, not used as a cursor
    ignored = http.get("/api/stripe/products", params={"limit": 1, "starting_after": products["products"][0]["id"]},
                       headers=auth).json()["data"]
    assert ignored["products"] == products["products"]


def test_guest_checkout_and_invoice_idempotency_key(http: httpx.Client) -> None:
    guest = {"customer_email": "Guest@Example.com", "mode": "payment", "success_url": URL, "cancel_url": URL,
             "line_items": [{"price_id": "price_basic", "quantity": 2}]}
    first = http.post("/api/stripe/guest-checkout-sessions", json=guest, headers={"Idempotency-Key": "g-1"})
    again = http.post("/api/stripe/guest-checkout-sessions", json=guest, headers={"Idempotency-Key": "g-1"})
    assert first.status_code == again.status_code == 200
    assert first.json()["data"] == again.json()["data"]
    assert first.json()["request_id"] != again.json()["request_id"]
    other = http.post("/api/stripe/guest-checkout-sessions", json=guest)
    assert other.json()["data"]["id"] != first.json()["data"]["id"]  # no key: a new session
    error_of(http.post("/api/stripe/guest-checkout-sessions", json={**guest, "mode": "subscription"},
                       headers={"Idempotency-Key": "g-1"}), 409, "IDEMPOTENCY_CONFLICT")
    listed = http.get("/api/stripe/guest-checkout-sessions", params={"customer_email": "guest@example.com"}).json()
    assert len(listed["data"]["sessions"]) == 2
    auth = token(http)
    invoice = {"asset": "USDC", "network": "base", "amount": "12.50"}
    a = http.post("/api/payments/crypto/invoices", json=invoice, headers={**auth, "Idempotency-Key": "inv-1"})
    b = http.post("/api/payments/crypto/invoices", json=invoice, headers={**auth, "Idempotency-Key": "inv-1"})
    assert a.json()["data"]["invoice"]["id"] == b.json()["data"]["invoice"]["id"]
    error_of(http.post("/api/payments/crypto/invoices", json={**invoice, "amount": "13"},
                       headers={**auth, "Idempotency-Key": "inv-1"}), 409, "IDEMPOTENCY_CONFLICT")


# --- usage ------------------------------------------------------------------------------------


def authorize(http: httpx.Client, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = http.post("/api/usage/authorize", json={"feature_key": "api_calls", "resource_type": "user", **body},
                  headers=headers)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()["data"]
    return data


def test_usage_authorize_record_replay_status(http: httpx.Client, seed_http: httpx.Client) -> None:
    auth = token(http)
    decision = authorize(http, auth, dimensions={"calls": 5})
    assert decision["decision"] == "allowed" and decision["resource_id"] == DEFAULT_USER_ID
    assert decision["remaining"] == {"calls": FEATURE_CATALOG["api_calls"][1]["pro"]}
    record = {"authorization_ref": decision["authorization_ref"], "idempotency_key": "run-1",
              "feature_key": "api_calls", "resource_type": "user", "dimensions": {"calls": 5, "retries": 1}}
    r = http.post("/api/usage/record", json=record, headers=auth)
    assert r.status_code == 200, r.text
    first = r.json()["data"]
    assert (first["status"], first["replayed"]) == ("recorded", False)
    assert first["window_totals"] == {"calls": 5.0, "retries": 1.0}
    replay = http.post("/api/usage/record", json=record, headers=auth).json()["data"]
    assert (replay["status"], replay["replayed"], replay["event_id"]) == ("replayed", True, first["event_id"])
    error_of(http.post("/api/usage/record", json={**record, "dimensions": {"calls": 6}}, headers=auth),
             409, "USAGE_IDEMPOTENCY_CONFLICT")
    status = http.get("/api/usage/status", params={"feature_key": "api_calls", "resource_type": "user"},
                      headers=auth).json()["data"]
    assert status["window_totals"] == {"calls": 5.0, "retries": 1.0} and status["decision"] == "allowed"
    assert "authorization_ref" not in status
    # one server: the seed-era view counts it, and seed-era records count here
    features = seed_http.get("/api/usage/features", headers=auth).json()["data"]["features"]
    assert next(f for f in features if f["name"] == "api_calls")["used"] == 5
    assert seed_http.post("/api/usage/record", json={"feature": "api_calls", "quantity": 2}, headers=auth).status_code == 200
    status = http.get("/api/usage/status", params={"feature_key": "api_calls", "resource_type": "user"},
                      headers=auth).json()["data"]
    assert status["window_totals"]["calls"] == 7
    history = http.get("/api/usage/history", params={"feature_key": "api_calls"}, headers=auth).json()["data"]
    assert history["total"] == 2 and history["has_more"] is False
    assert {e["dimensions"]["calls"] for e in history["events"]} == {5.0, 2.0}
    assert history["events"][1]["idempotency_key"] == "run-1"  # newest first: the seed-era record leads
    page = http.get("/api/usage/history", params={"limit": 1}, headers=auth).json()["data"]
    assert page["has_more"] is True and page["next_offset"] == 1


def test_usage_blocked_expired_and_mismatched(http: httpx.Client, st: SpapsState, paywire_sandbox: Any) -> None:
    new_user(st, "free@example.com")
    auth = token(http, "free@example.com", "Password123!")
    limit = FEATURE_CATALOG["api_calls"][1]["free"]
    assert limit is not None
    blocked = authorize(http, auth, dimensions={"calls": limit + 1})
    assert blocked["decision"] == "blocked" and blocked["reasons"][0]["code"] == "LIMIT_EXCEEDED"
    record = {"authorization_ref": blocked["authorization_ref"], "idempotency_key": "b-1", "feature_key": "api_calls",
              "resource_type": "user", "dimensions": {"calls": 1}}
    error_of(http.post("/api/usage/record", json=record, headers=auth), 403, "USAGE_BLOCKED")
    warned = authorize(http, auth, dimensions={"calls": 0.9 * limit})
    assert warned["decision"] == "allowed_with_warning" and warned["warnings"]
    error_of(http.post("/api/usage/record", json={**record, "authorization_ref": warned["authorization_ref"],
                                                  "feature_key": "ai_tokens"}, headers=auth),
             400, "USAGE_AUTHORIZATION_INVALID")
    error_of(http.post("/api/usage/record", json={**record, "authorization_ref": "uauth_nope"}, headers=auth),
             400, "USAGE_AUTHORIZATION_INVALID")
    ok_record = {**record, "authorization_ref": warned["authorization_ref"], "idempotency_key": "w-1"}
    assert http.post("/api/usage/record", json=ok_record, headers=auth).status_code == 200
    paywire_sandbox.clock.advance(USAGE_AUTHORIZATION_TTL + 1)
    auth = token(http, "free@example.com", "Password123!")  # the access token expired as well
    error_of(http.post("/api/usage/record", json={**ok_record, "idempotency_key": "w-2"}, headers=auth),
             400, "USAGE_AUTHORIZATION_EXPIRED")
    # a replay still answers after the authorization expired
    assert http.post("/api/usage/record", json=ok_record, headers=auth).json()["data"]["replayed"] is True
    error_of(http.get("/api/usage/status", params={"feature_key": "api_calls", "resource_type": "user",
                                                   "resource_id": DEFAULT_USER_ID}, headers=auth), 403, "FORBIDDEN")


def test_usage_with_the_api_key_alone(http: httpx.Client, st: SpapsState) -> None:
    error_of(http.post("/api/usage/authorize", json={"feature_key": "api_calls", "resource_type": "user"}),
             400, "VALIDATION_ERROR")  # no bearer: resource_id needed
    error_of(http.post("/api/usage/authorize", json={"feature_key": "api_calls", "resource_type": "user",
                                                     "resource_id": "usr_missing"}), 404, "NOT_FOUND")
    error_of(http.post("/api/usage/authorize", json={"feature_key": "api_calls", "resource_type": "company"}),
             400, "VALIDATION_ERROR")
    for_user = authorize(http, {}, resource_id=DEFAULT_USER_ID, dimensions={"calls": 1})
    assert for_user["active_entitlements"] == ["tier:pro"] and for_user["subject_user_id"] is None
    company = authorize(http, {}, feature_key="seats", resource_type="company", resource_id="co_1",
                        subject_user_id=DEFAULT_USER_ID, dimensions={"seats": 3})
    assert company["decision"] == "allowed" and company["remaining"] is None
    r = http.post("/api/usage/record", json={
        "authorization_ref": company["authorization_ref"], "idempotency_key": "co-1", "feature_key": "seats",
        "resource_type": "company", "resource_id": "co_1", "dimensions": {"seats": 3},
        "occurred_at": "2026-10-01T12:00:00Z", "metadata": {"plan": "team"}})
    assert r.status_code == 200 and r.json()["data"]["authorization_ref"] == company["authorization_ref"]
    events = http.get("/api/usage/history", params={"resource_type": "company"}).json()["data"]["events"]
    assert [(e["resource_id"], e["occurred_at"], e["metadata"]) for e in events] == [
        ("co_1", "2026-10-01T12:00:00Z", {"plan": "team"})]
    # the user whose id is the subject sees the event in their own history
    mine = http.get("/api/usage/history", headers=token(http)).json()["data"]["events"]
    assert [e["event_id"] for e in mine] == [events[0]["event_id"]]
    assert METERED_DIMENSIONS["api_calls"] == "calls"


# --- secure messages --------------------------------------------------------------------------


def test_secure_message_rules(http: httpx.Client, st: SpapsState) -> None:
    doctor = new_user(st, "doctor@example.com")
    outsider = new_user(st, "outsider@example.com")
    patient_auth = token(http)
    doctor_auth = token(http, "doctor@example.com", "Password123!")
    pair = {"patientId": DEFAULT_USER_ID, "practitionerId": doctor}
    # both operations need a bearer now
    error_of(http.get("/api/secure-messages", params=pair), 401, "UNAUTHORIZED")
    error_of(http.post("/api/secure-messages", json={**pair, "content": "hi"}), 401, "UNAUTHORIZED")
    r = http.post("/api/secure-messages", json={**pair, "content": "hello doctor", "clientMessageId": "c-1"},
                  headers=patient_auth)
    assert r.status_code == 201
    first = r.json()["data"]
    assert (first["sender_user_id"], first["sender_role"], first["client_message_id"]) == (
        DEFAULT_USER_ID, "patient", "c-1")
    again = http.post("/api/secure-messages", json={**pair, "content": "hello doctor", "clientMessageId": "c-1"},
                      headers=patient_auth)
    assert again.status_code == 201 and again.json()["data"]["id"] == first["id"]
    error_of(http.post("/api/secure-messages", json={**pair, "content": "changed", "clientMessageId": "c-1"},
                       headers=patient_auth), 409, "SECURE_MESSAGES_IDEMPOTENCY_CONFLICT")
    error_of(http.post("/api/secure-messages", json={**pair, "content": "x", "senderUserId": doctor},
                       headers=patient_auth), 400, "VALIDATION_ERROR")  # sender keys are refused
    error_of(http.post("/api/secure-messages", json={**pair, "content": "x"},
                       headers=token(http, "outsider@example.com", "Password123!")),
             403, "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT")
    error_of(http.post("/api/secure-messages", json={"patientId": DEFAULT_USER_ID, "practitionerId": DEFAULT_USER_ID,
                                                     "content": "me"}, headers=patient_auth),
             400, "SECURE_MESSAGES_AMBIGUOUS_SENDER")
    reply = http.post("/api/secure-messages", json={**pair, "content": "hello patient"}, headers=doctor_auth)
    assert reply.json()["data"]["sender_role"] == "practitioner"
    # listing: the pair is required, offset paging is refused, keyset paging works
    error_of(http.get("/api/secure-messages", params={"patientId": DEFAULT_USER_ID}, headers=patient_auth),
             400, "VALIDATION_ERROR")
    error_of(http.get("/api/secure-messages", params={**pair, "offset": 1}, headers=patient_auth),
             400, "SECURE_MESSAGES_OFFSET_UNSUPPORTED")
    error_of(http.get("/api/secure-messages", params={**pair, "cursor": "!!!"}, headers=patient_auth),
             400, "SECURE_MESSAGES_INVALID_CURSOR")
    error_of(http.get("/api/secure-messages", params={"patientId": outsider, "practitionerId": doctor},
                      headers=patient_auth), 403, "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT")
    page = http.get("/api/secure-messages", params={**pair, "limit": 1, "offset": 0}, headers=patient_auth).json()
    assert [m["content"] for m in page["data"]["messages"]] == ["hello patient"]
    cursor = page["data"]["next_cursor"]
    assert cursor
    rest = http.get("/api/secure-messages", params={**pair, "limit": 1, "cursor": cursor}, headers=doctor_auth).json()
    assert [m["id"] for m in rest["data"]["messages"]] == [first["id"]] and rest["data"]["next_cursor"] is None


def test_seed_era_messages_have_unknown_authorship(http: httpx.Client, seed_http: httpx.Client, st: SpapsState) -> None:
    doctor = new_user(st, "doc2@example.com")
    auth = token(http)
    pair = {"patientId": DEFAULT_USER_ID, "practitionerId": doctor}
    assert seed_http.post("/api/secure-messages", json={**pair, "content": "old style"}, headers=auth).status_code == 201
    messages = http.get("/api/secure-messages", params=pair, headers=auth).json()["data"]["messages"]
    assert [(m["content"], m["sender_user_id"], m["sender_role"]) for m in messages] == [("old style", None, None)]
    # and the seed-era list (no params) still shows the message written through 2026-10
    http.post("/api/secure-messages", json={**pair, "content": "new style"}, headers=auth)
    listed = seed_http.get("/api/secure-messages", headers=auth).json()["data"]["messages"]
    assert {m["content"] for m in listed} == {"old style", "new style"}

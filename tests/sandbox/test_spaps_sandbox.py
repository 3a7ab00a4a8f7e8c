"""SPAPS sandbox over real HTTP (plain httpx against the ``paywire_sandbox`` server)."""

from __future__ import annotations

import base64
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
)
from coincurve import PrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from paywire.sandbox.spaps import (
    ACCESS_TOKEN_TTL,
    APPS,
    CHECKOUT_TTL,
    DEFAULT_APPLICATION_ID,
    DEFAULT_RECON_TOKEN,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    DEFAULT_USER_PASSWORD,
    NONCE_TTL,
    REFRESH_REUSE_INTERVAL,
    SEED_SUBSCRIPTION_ID,
    SpapsState,
    b58decode,
    b58encode,
    check_password,
    recover_ethereum_address,
    spaps,
    verify_ethereum_signature,
)

st = state_fixture()
http = api_fixture("spaps")
control = control_fixture("spaps")


# --- framework coverage, keys, envelopes -------------------------------------------------------


def test_every_operation_has_a_handler() -> None:
    assert spaps.missing_handlers() == []
    assert len(spaps.operations()) == 55
    assert spaps.prefix == "/spaps" and spaps.state_key == "spaps"


def test_missing_or_unknown_api_key_is_401(http: httpx.Client, paywire_sandbox: Any) -> None:
    with httpx.Client(base_url=paywire_sandbox.base_url("spaps"), timeout=10) as bare:
        error_of(bare.post("/api/auth/login", json={"email": "a@b.co", "password": "x"}), 401, "UNAUTHORIZED")
        error_of(bare.get("/api/v1/whitelist/check", params={"email": "a@b.co"}), 401, "UNAUTHORIZED")
    r = http.post(
        "/api/auth/login",
        json={"email": DEFAULT_USER_EMAIL, "password": DEFAULT_USER_PASSWORD},
        headers={"X-API-Key": "wrong_key"},
    )
    body = error_of(r, 401, "UNAUTHORIZED")
    assert r.headers["X-Request-ID"] == body["metadata"]["request_id"]
    assert "wrong_key" not in r.text  # the key is never echoed


def test_user_endpoints_need_a_valid_bearer(http: httpx.Client) -> None:
    error_of(http.get("/api/auth/user"), 401, "UNAUTHORIZED")
    error_of(http.get("/api/auth/user", headers=bearer("not-a-token")), 401, "INVALID_TOKEN")
    r = http.get("/api/auth/user", headers=bearer(login(http)["access_token"]))
    assert r.status_code == 200
    body = r.json()
    assert body["data"]["user"]["id"] == DEFAULT_USER_ID
    assert body["request_id"] == r.headers["X-Request-ID"] and body["timestamp"].endswith("Z")


def test_health_and_metrics_need_no_key(paywire_sandbox: Any, http: httpx.Client) -> None:
    login(http)
    with httpx.Client(base_url=paywire_sandbox.base_url("spaps"), timeout=10) as bare:
        assert bare.get("/health").json() == {"status": "healthy"}
        assert bare.get("/health/ready").json() == {"ready": True}
        prom = bare.get("/api/metrics", headers={"Accept": "text/plain"})
        assert prom.status_code == 200 and prom.headers["content-type"].startswith("text/plain")
        samples = {
            line.split(" ")[0]: line.split(" ")[1]
            for line in prom.text.splitlines()
            if line and not line.startswith("#")
        }
        assert samples['spaps_http_requests_total{operation="sign_in_with_password",status="200"}'] == "1"
        assert float(samples["spaps_active_sessions"]) == 1
        metrics = bare.get("/api/metrics/json").json()
        assert set(metrics) == {"timestamp", "uptime_seconds", "system"}
        assert metrics["system"]["memory"]["rss_mb"] > 0


@pytest.mark.parametrize("app", [app.name for app, _ in APPS])
def test_request_counters_cover_every_pinned_app(paywire_sandbox: Any, app: str) -> None:
    """The pinned SPAPS contracts are one server with one state: a sign-in through any of
    them is counted, and the counters read the same through each."""
    before = [_sign_ins(paywire_sandbox, other.name) for other, _ in APPS]
    with httpx.Client(base_url=paywire_sandbox.base_url(app), headers=KEY, timeout=10) as http:
        login(http)
    after = [_sign_ins(paywire_sandbox, other.name) for other, _ in APPS]
    assert after == [count + 1 for count in before]
    assert len(set(after)) == 1


def _sign_ins(sandbox: Any, app: str) -> int:
    prom = httpx.get(sandbox.base_url(app) + "/api/metrics", timeout=10).text
    key = 'spaps_http_requests_total{operation="sign_in_with_password",status="200"} '
    return sum(int(line[len(key):]) for line in prom.splitlines() if line.startswith(key))


# --- password sign-in, expiry, refresh rotation -------------------------------------------------


def test_password_sign_in_and_bad_credentials(http: httpx.Client, st: SpapsState) -> None:
    data = login(http)
    assert data["expires_in"] == ACCESS_TOKEN_TTL == 900
    assert data["token_type"] == "Bearer"
    assert data["user"]["email"] == DEFAULT_USER_EMAIL
    error_of(
        http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL, "password": "nope-nope"}),
        401,
        "INVALID_CREDENTIALS",
    )
    error_of(
        http.post("/api/auth/login", json={"email": "ghost@example.com", "password": "whatever1"}),
        401,
        "INVALID_CREDENTIALS",
    )
    stored = st.users[DEFAULT_USER_ID].password_hash
    assert stored is not None and stored.startswith("scrypt$") and DEFAULT_USER_PASSWORD not in stored
    assert check_password(DEFAULT_USER_PASSWORD, stored)
    assert DEFAULT_USER_PASSWORD not in repr(st.users[DEFAULT_USER_ID])


def test_access_token_expires_after_900s_and_refresh_renews(http: httpx.Client, paywire_sandbox: Any) -> None:
    tokens = login(http)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL - 1)
    assert http.get("/api/sessions/current", headers=bearer(tokens["access_token"])).status_code == 200
    paywire_sandbox.clock.advance(2)
    error_of(http.get("/api/sessions/current", headers=bearer(tokens["access_token"])), 401, "INVALID_TOKEN")
    r = http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200, r.text
    fresh = r.json()["data"]
    assert "user" not in fresh
    assert fresh["expires_in"] == 900 and fresh["access_token"] != tokens["access_token"]
    current = http.get("/api/sessions/current", headers=bearer(fresh["access_token"]))
    assert current.status_code == 200
    assert current.json()["data"]["session"]["application_id"] == DEFAULT_APPLICATION_ID


def test_refresh_rotation_rejects_the_old_token_and_reuse_kills_the_session(
        http: httpx.Client, paywire_sandbox: Any) -> None:
    tokens = login(http)
    first = http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()["data"]
    paywire_sandbox.clock.advance(REFRESH_REUSE_INTERVAL)  # past the grace for lost answers
    error_of(
        http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}),
        401,
        "INVALID_REFRESH",
    )
    # Reuse of a rotated token revoked the session: the newest pair is dead too.
    error_of(
        http.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]}), 401, "INVALID_REFRESH"
    )
    error_of(http.get("/api/sessions/current", headers=bearer(first["access_token"])), 401, "INVALID_SESSION")
    error_of(
        http.post("/api/auth/refresh", json={"refresh_token": "spaps_rt_made_up"}), 401, "INVALID_REFRESH"
    )


def test_refresh_chain_keeps_one_session(http: httpx.Client) -> None:
    tokens = login(http)
    for _ in range(3):
        tokens = http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()[
            "data"
        ]
    sessions = http.get("/api/sessions", headers=bearer(tokens["access_token"])).json()["data"]
    assert sessions["total"] == 1 and sessions["sessions"][0]["is_current"] is True


# --- register, magic link, password reset (outbox) ----------------------------------------------


def test_register_auto_login_flat_then_nested(http: httpx.Client, control: httpx.Client) -> None:
    r = http.post(
        "/api/auth/register", json={"email": "New@Example.com", "password": "Passw0rd!", "username": "new"}
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["message"] and body["user"]["email"] == "new@example.com"
    assert set(body["tokens"]) == {"access_token", "refresh_token", "expires_in"}  # no token_type
    assert "data" not in body
    me = http.get("/api/auth/user", headers=bearer(body["tokens"]["access_token"])).json()["data"]["user"]
    assert me["username"] == "new"
    error_of(
        http.post("/api/auth/register", json={"email": "new@example.com", "password": "Passw0rd!"}),
        400,
        "EMAIL_ALREADY_EXISTS",
    )
    error_of(
        http.post("/api/auth/register", json={"email": "not-an-email", "password": "Passw0rd!"}),
        400,
        "INVALID_EMAIL",
    )
    assert control.post("/set_auth_envelope", json={"mode": "nested"}).json() == {"auth_envelope": "nested"}
    nested = http.post(
        "/api/auth/register", json={"email": "nested@example.com", "password": "Passw0rd!"}
    ).json()
    assert set(nested["data"]) == {"message", "user", "tokens"}
    assert "tokens" not in nested and "user" not in nested


def test_register_with_email_confirmation_then_confirm_link(
    http: httpx.Client, control: httpx.Client, st: SpapsState
) -> None:
    control.post("/require_email_confirmation", json={"required": True})
    r = http.post("/api/auth/register", json={"email": "confirm@example.com", "password": "Passw0rd!"})
    assert r.status_code == 201
    body = r.json()
    assert body["data"]["user"]["email_confirmed"] is False and "tokens" not in body
    messages = st.outbox("confirm@example.com")
    assert [m["kind"] for m in messages] == ["email_confirmation"]
    verified = http.post(
        "/api/auth/verify-magic-link", json={"token": messages[0]["token"], "type": "signup"}
    )
    assert verified.status_code == 200
    assert verified.json()["user"]["email_confirmed"] is True


def test_magic_link_via_outbox(http: httpx.Client, control: httpx.Client, paywire_sandbox: Any) -> None:
    r = http.post("/api/auth/magic-link", json={"email": DEFAULT_USER_EMAIL})
    assert r.status_code == 200
    assert r.json()["message"] and r.json()["data"]["email"] == DEFAULT_USER_EMAIL
    outbox = control.post("/outbox", json={"email": DEFAULT_USER_EMAIL}).json()["messages"]
    assert len(outbox) == 1 and outbox[0]["kind"] == "magic_link"
    assert outbox[0]["token"] in outbox[0]["link"]
    token = outbox[0]["token"]
    ok = http.post("/api/auth/verify-magic-link", json={"token": token, "type": "magiclink"})
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["user"]["id"] == DEFAULT_USER_ID and body["tokens"]["token_type"] == "Bearer"
    assert http.get("/api/auth/user", headers=bearer(body["tokens"]["access_token"])).status_code == 200
    error_of(
        http.post("/api/auth/verify-magic-link", json={"token": token}), 401, "INVALID_TOKEN"
    )  # single use
    http.post("/api/auth/magic-link", json={"email": DEFAULT_USER_EMAIL})
    late = paywire_sandbox.state("spaps").last_token(DEFAULT_USER_EMAIL, "magic_link")
    paywire_sandbox.clock.advance(16 * 60)
    error_of(http.post("/api/auth/verify-magic-link", json={"token": late}), 401, "INVALID_TOKEN")


def test_magic_link_for_a_new_email_signs_up(http: httpx.Client, st: SpapsState) -> None:
    http.post("/api/auth/magic-link", json={"email": "fresh@example.com"})
    body = http.post("/api/auth/verify-magic-link", json={"token": st.last_token("fresh@example.com")}).json()
    assert body["user"]["email"] == "fresh@example.com" and body["user"]["email_confirmed"] is True


def test_password_reset(http: httpx.Client, st: SpapsState) -> None:
    old = login(http)
    unknown = http.post("/api/auth/password-reset", json={"email": "nobody@example.com"})
    known = http.post(
        "/api/auth/password-reset",
        json={"email": DEFAULT_USER_EMAIL, "redirect_url": "https://example.com/reset"},
    )
    assert unknown.status_code == known.status_code == 200
    assert unknown.json()["message"] == known.json()["message"]  # no account enumeration
    assert st.outbox("nobody@example.com") == []
    mail = st.outbox(DEFAULT_USER_EMAIL)[-1]
    assert mail["kind"] == "password_reset" and mail["link"].startswith("https://example.com/reset?token=")
    error_of(
        http.post(
            "/api/auth/reset-password-confirm", json={"token": "bogus", "new_password": "Sup3rStrong!"}
        ),
        401,
        "INVALID_TOKEN",
    )
    r = http.post(
        "/api/auth/reset-password-confirm", json={"token": mail["token"], "new_password": "Sup3rStrong!"}
    )
    assert r.status_code == 200 and r.json() == r.json() | {"success": True}
    assert "data" not in r.json() and r.json()["message"]
    error_of(
        http.post("/api/auth/login", json={"email": DEFAULT_USER_EMAIL, "password": DEFAULT_USER_PASSWORD}),
        401,
        "INVALID_CREDENTIALS",
    )
    login(http, password="Sup3rStrong!")
    error_of(http.get("/api/sessions/current", headers=bearer(old["access_token"])), 401, "INVALID_SESSION")
    error_of(
        http.post(
            "/api/auth/reset-password-confirm", json={"token": mail["token"], "new_password": "Another1!"}
        ),
        401,
        "INVALID_TOKEN",
    )


# --- wallet sign-in with real signatures --------------------------------------------------------


def test_wallet_sign_in_solana_ed25519(http: httpx.Client) -> None:
    key = Ed25519PrivateKey.generate()
    address = b58encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    # The 0.1.4 SDK sends the legacy `chain` field on nonce.
    nonce = http.post("/api/auth/nonce", json={"wallet_address": address, "chain": "solana"}).json()["data"]
    assert nonce["message"] == nonce["nonce"] and nonce["message"].startswith("Sign this message")
    assert nonce["wallet_address"] == address

    def sign_in(signature: str, message: str = nonce["message"]) -> httpx.Response:
        return http.post("/api/auth/wallet-sign-in", json={
            "wallet_address": address, "signature": signature, "message": message, "chain_type": "solana"})

    error_of(sign_in(b58encode(key.sign(b"some other message"))), 401, "INVALID_SIGNATURE")
    signature = b58encode(key.sign(nonce["message"].encode()))
    r = sign_in(signature)
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["user"]["wallet_address"] == address and data["user"]["chain"] == "solana"
    me = http.get("/api/auth/user", headers=bearer(data["access_token"])).json()["data"]["user"]
    assert me["wallets"] == [{"wallet_address": address, "chain_type": "solana", "verified": True}]
    error_of(sign_in(signature), 401, "INVALID_NONCE")  # the nonce is single use
    # base64 signatures are accepted too, and the same wallet maps to the same user.
    again = http.post("/api/auth/nonce", json={"wallet_address": address, "chain_type": "solana"}).json()[
        "data"
    ]
    second = sign_in(base64.b64encode(key.sign(again["message"].encode())).decode(), again["message"])
    assert second.json()["data"]["user"]["id"] == data["user"]["id"]


def test_wallet_sign_in_ethereum_eip191(http: httpx.Client) -> None:
    key = PrivateKey()
    address = eth_address(key)
    nonce = http.post("/api/auth/nonce", json={"wallet_address": address, "chain_type": "ethereum"}).json()[
        "data"
    ]
    assert nonce["chain_type"] == "ethereum"

    def sign_in(signature: str, message: str = nonce["message"], wallet: str = address) -> httpx.Response:
        return http.post("/api/auth/wallet-sign-in", json={
            "wallet_address": wallet, "signature": signature, "message": message, "chain_type": "ethereum"})

    error_of(sign_in(eth_sign(PrivateKey(), nonce["message"])), 401, "INVALID_SIGNATURE")  # an impostor
    error_of(sign_in("0x1234"), 401, "INVALID_SIGNATURE")
    error_of(sign_in(eth_sign(key, "tampered"), "tampered"), 401, "INVALID_NONCE")
    # Mixed-case (checksummed) address in, same wallet.
    r = sign_in(eth_sign(key, nonce["message"]), wallet="0x" + address[2:].upper())
    assert r.status_code == 200, r.text
    assert r.json()["data"]["user"]["chain"] == "ethereum"


def test_nonce_expires_and_bad_addresses_are_rejected(http: httpx.Client, paywire_sandbox: Any) -> None:
    key = PrivateKey()
    address = eth_address(key)
    nonce = http.post("/api/auth/nonce", json={"wallet_address": address}).json()["data"]  # chain inferred
    assert nonce["chain_type"] == "ethereum"
    paywire_sandbox.clock.advance(NONCE_TTL + 1)
    error_of(
        http.post(
            "/api/auth/wallet-sign-in",
            json={
                "wallet_address": address,
                "signature": eth_sign(key, nonce["message"]),
                "message": nonce["message"],
                "chain_type": "ethereum",
            },
        ),
        401,
        "INVALID_NONCE",
    )
    error_of(
        http.post("/api/auth/nonce", json={"wallet_address": "0xabc", "chain_type": "ethereum"}),
        400,
        "VALIDATION_ERROR",
    )
    error_of(
        http.post("/api/auth/nonce", json={"wallet_address": address, "chain": "bitcoin"}),
        400,
        "VALIDATION_ERROR",
    )


def test_eip191_recovery_matches_a_published_vector() -> None:
    # eth-account documentation: Account.sign_message(encode_defunct(text="I♥SF"), key) for this key.
    message = "I♥SF"
    signature = (
        "0xe6ca9bba58c88611fad66a6ce8f996908195593807c4b38bd528d2cff09d4eb3"
        "3e5bfbbf4d3e39b1a2fd816a7680c19ebebaf3a141b239934ad43cb33fcec8ce1c"
    )
    address = "0x5ce9454909639D2D17A3F753ce7d93fa0b9aB12E"
    assert recover_ethereum_address(message, signature) == address.lower()
    assert verify_ethereum_signature(address, message, signature)
    assert not verify_ethereum_signature(address, "I♥NY", signature)
    key = PrivateKey(bytes.fromhex("b25c7db31feed9122727bf0939dc769a96564b2de4c4726d035b36ecf1e5b364"))
    assert eth_address(key) == address.lower()
    assert eth_sign(key, message) == signature  # RFC 6979: deterministic


def test_base58_round_trip() -> None:
    for raw in (b"", b"\0\0\x01", bytes(range(32)), b"\xff" * 64):
        assert b58decode(b58encode(raw)) == raw
    assert b58encode(b"hello world") == "StV1DL6CwTryKyV"
    with pytest.raises(ValueError):
        b58decode("0OIl")


# --- sessions ---------------------------------------------------------------------------------


def test_sessions_list_page_touch_validate_revoke(http: httpx.Client, paywire_sandbox: Any) -> None:
    first = login(http)
    paywire_sandbox.clock.advance(1)
    second = login(http)
    paywire_sandbox.clock.advance(1)
    third = login(http)
    auth = bearer(third["access_token"])
    page1 = http.get("/api/sessions", params={"limit": 2}, headers=auth).json()["data"]
    assert page1["total"] == 3 and page1["has_more"] is True
    assert page1["sessions"][0]["is_current"] is True
    page2 = http.get(
        "/api/sessions", params={"limit": 2, "starting_after": page1["sessions"][-1]["id"]}, headers=auth
    ).json()["data"]
    assert len(page2["sessions"]) == 1 and page2["has_more"] is False
    first_id = page2["sessions"][0]["id"]
    paywire_sandbox.clock.advance(120)
    touched = http.post("/api/sessions/touch", json={}, headers=auth).json()["data"]
    current = http.get("/api/sessions/current", headers=auth).json()["data"]["session"]
    assert current["last_activity"] == touched["last_activity"] and current["idle_minutes"] == 0
    assert current["duration_minutes"] >= 2
    valid = http.post("/api/sessions/validate", headers=auth).json()["data"]
    assert valid == valid | {"valid": True, "session_id": current["id"], "renewed": False}
    revoked = http.delete(f"/api/sessions/{first_id}", headers=auth)
    assert revoked.status_code == 200 and revoked.json()["data"]["session_id"] == first_id
    error_of(http.delete(f"/api/sessions/{first_id}", headers=auth), 404, "SESSION_NOT_FOUND")
    error_of(http.delete("/api/sessions/sess_unknown", headers=auth), 404, "SESSION_NOT_FOUND")
    error_of(http.get("/api/sessions/current", headers=bearer(first["access_token"])), 401, "INVALID_SESSION")
    error_of(
        http.post("/api/sessions/validate", json={}, headers=bearer(first["access_token"])),
        403,
        "SESSION_REVOKED",
    )
    out = http.post("/api/auth/logout", headers=bearer(second["access_token"]))
    assert out.status_code == 200 and out.json()["message"]
    assert http.get("/api/sessions", headers=auth).json()["data"]["total"] == 1


def test_validate_renews_a_session_close_to_its_end(http: httpx.Client, paywire_sandbox: Any) -> None:
    tokens = login(http)
    for _ in range(29):  # 29 days of refreshing keeps the access token fresh
        paywire_sandbox.clock.advance(86400)
        tokens = http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()[
            "data"
        ]
    paywire_sandbox.clock.advance(3600)  # less than a day of the session left now
    tokens = http.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()["data"]
    valid = http.post("/api/sessions/validate", json={}, headers=bearer(tokens["access_token"])).json()[
        "data"
    ]
    assert valid["renewed"] is True
    again = http.post("/api/sessions/validate", json={}, headers=bearer(tokens["access_token"])).json()[
        "data"
    ]
    assert again["renewed"] is False and again["expires_at"] == valid["expires_at"]


# --- usage ------------------------------------------------------------------------------------


def test_usage_record_is_idempotent_by_header(http: httpx.Client, paywire_sandbox: Any) -> None:
    auth = bearer(login(http)["access_token"])
    first = http.post(
        "/api/usage/record",
        json={"feature": "api_calls", "quantity": 5},
        headers={**auth, "X-Idempotency-Key": "rec-1"},
    )
    assert first.status_code == 200, first.text
    again = http.post(
        "/api/usage/record",
        json={"feature": "api_calls", "quantity": 5},
        headers={**auth, "X-Idempotency-Key": "rec-1"},
    )
    assert again.json()["data"] == first.json()["data"]
    assert first.json()["data"]["current_usage"] == {"used": 5, "limit": 10000, "remaining": 9995}
    other = http.post(
        "/api/usage/record",
        json={"feature": "api_calls", "quantity": 2.5},
        headers={**auth, "X-Idempotency-Key": "rec-2"},
    ).json()["data"]
    assert other["record_id"] != first.json()["data"]["record_id"]
    assert other["current_usage"]["used"] == 7.5
    unkeyed = http.post("/api/usage/record", json={"feature": "api_calls", "quantity": 1}, headers=auth)
    assert unkeyed.json()["data"]["current_usage"]["used"] == 8.5
    assert [e["idempotency_key"] for e in paywire_sandbox.requests if e["op"] == "record_usage"] == [
        "rec-1",
        "rec-1",
        "rec-2",
        None,
    ]
    features = http.get("/api/usage/features", headers=auth).json()["data"]
    api = next(f for f in features["features"] if f["name"] == "api_calls")
    assert api["used"] == 8.5 and api["limit"] == 10000 and features["tier"] == "pro"
    history = http.get(
        "/api/usage/history", params={"period": "daily", "feature": "api_calls"}, headers=auth
    ).json()["data"]
    assert len(history["history"]) == 30
    assert history["history"][-1]["features"] == {"api_calls": 8.5}
    assert history["summary"]["total_quantity"] == 8.5
    error_of(
        http.get("/api/usage/history", params={"start_date": "2025-13-01"}, headers=auth),
        400,
        "VALIDATION_ERROR",
    )


def test_usage_warning_near_and_over_the_limit(http: httpx.Client) -> None:
    reg = http.post("/api/auth/register", json={"email": "free@example.com", "password": "Passw0rd!"}).json()
    auth = bearer(reg["tokens"]["access_token"])
    near = http.post("/api/usage/record", json={"feature": "storage_gb", "quantity": 4}, headers=auth).json()[
        "data"
    ]
    assert near["warning"] and near["current_usage"]["remaining"] == 1
    over = http.post("/api/usage/record", json={"feature": "storage_gb", "quantity": 2}, headers=auth).json()[
        "data"
    ]
    assert "exceeded" in over["warning"] and over["current_usage"]["remaining"] == 0


# --- checkout, guest checkout, subscriptions, history ------------------------------------------


def test_guest_checkout_without_bearer(
    http: httpx.Client, control: httpx.Client, st: SpapsState, paywire_sandbox: Any
) -> None:
    body = {
        "customer_email": "Guest@Example.com",
        "mode": "payment",
        "line_items": [{"price_id": "price_basic", "quantity": 2}],
        "success_url": "https://example.com/success",
        "cancel_url": "https://example.com/cancel",
        "metadata": {"campaign": "launch"},
        "client_reference_id": "ref-1",
    }
    r = http.post("/api/stripe/guest-checkout-sessions", json=body)
    assert r.status_code == 200, r.text
    assert "authorization" not in {k.lower() for k in r.request.headers}
    created = r.json()["data"]
    assert set(created) == {
        "id",
        "url",
        "expiresAt",
        "customerEmail",
        "clientReferenceId",
        "successUrl",
        "cancelUrl",
    }
    assert created["customerEmail"] == "guest@example.com"
    sid = created["id"]
    detail = http.get(f"/api/stripe/guest-checkout-sessions/{sid}").json()["data"]
    assert (
        detail["amount_total"] == 1998
        and detail["status"] == "open"
        and detail["expires_at"] == created["expiresAt"]
    )
    listed = http.get(
        "/api/stripe/guest-checkout-sessions", params={"customer_email": "guest@example.com"}
    ).json()
    assert [s["session_id"] for s in listed["data"]["sessions"]] == [sid]
    assert listed["data"]["sessions"][0]["created_at"].endswith("Z")  # ISO on the guest list
    assert (
        http.get("/api/stripe/guest-checkout-sessions", params={"customer_email": "x@y.co"}).json()["data"][
            "sessions"
        ]
        == []
    )
    convert = {"session_id": sid, "email": "guest@example.com", "send_magic_link": True}
    error_of(http.post("/api/stripe/guest-checkout-sessions/convert", json=convert), 400, "INVALID_STATE")
    paid = control.post("/complete_checkout", json={"session_id": sid}).json()
    assert paid["status"] == "complete" and paid["payment_status"] == "paid"
    conv = http.post("/api/stripe/guest-checkout-sessions/convert", json=convert)
    assert conv.status_code == 200, conv.text
    data = conv.json()["data"]
    assert data["success"] is True and data["magicLinkSent"] is True and data["userId"].startswith("usr_")
    token = st.last_token("guest@example.com", "magic_link")
    signed = http.post("/api/auth/verify-magic-link", json={"token": token}).json()
    history = http.get("/api/stripe/history", headers=bearer(signed["tokens"]["access_token"])).json()["data"]
    assert [p["amount"] for p in history["payments"]] == [1998]
    error_of(http.get("/api/stripe/guest-checkout-sessions/cs_test_nope"), 404, "NOT_FOUND")
    error_of(
        http.post(
            "/api/stripe/guest-checkout-sessions", json={**body, "line_items": [{"price_id": "price_123"}]}
        ),
        400,
        "INVALID_PRICE",
    )  # a recurring price in payment mode
    late = http.post("/api/stripe/guest-checkout-sessions", json=body).json()["data"]["id"]
    paywire_sandbox.clock.advance(CHECKOUT_TTL)
    assert http.get(f"/api/stripe/guest-checkout-sessions/{late}").json()["data"]["status"] == "expired"


def test_user_checkout_create_list_expire_complete(http: httpx.Client, control: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    legacy = {
        "price_id": "price_plus",
        "mode": "subscription",
        "success_url": "https://e.com/s",
        "cancel_url": "https://e.com/c",
    }
    error_of(
        http.post(
            "/api/payments/create-checkout-session", json={**legacy, "price_id": "price_nope"}, headers=auth
        ),
        400,
        "INVALID_PRICE",
    )
    error_of(
        http.post("/api/payments/create-checkout-session", json={**legacy, "mode": "payment"}, headers=auth),
        400,
        "INVALID_PRICE",
    )
    error_of(
        http.post("/api/payments/create-checkout-session", json={**legacy, "mode": "rental"}, headers=auth),
        400,
        "VALIDATION_ERROR",
    )
    a = http.post("/api/payments/create-checkout-session", json=legacy, headers=auth).json()["data"]
    b = http.post("/api/payments/create-checkout-session", json=legacy, headers=auth).json()["data"]
    assert a["checkout_url"].endswith(a["session_id"])
    page = http.get("/api/stripe/checkout-sessions", params={"limit": 2}, headers=auth).json()["data"]
    assert [s["id"] for s in page["sessions"]] == [b["session_id"], a["session_id"]]
    assert page["has_more"] is True and page["next_cursor"] == a["session_id"]  # cs_test_123 is older
    expired = http.post(
        f"/api/stripe/checkout-sessions/{a['session_id']}/expire", json={}, headers=auth
    ).json()
    assert expired["data"] == {"id": a["session_id"], "status": "expired", "expired": True}
    control.post("/complete_checkout", json={"session_id": b["session_id"]})
    done = http.get(f"/api/stripe/checkout-sessions/{b['session_id']}", headers=auth).json()["data"]
    assert done["status"] == "complete" and done["subscription"].startswith("sub_")
    error_of(
        http.post(f"/api/stripe/checkout-sessions/{b['session_id']}/expire", headers=auth),
        400,
        "INVALID_STATE",
    )
    sub = http.get(f"/api/stripe/subscription/{done['subscription']}", headers=auth).json()["data"]
    assert sub["status"] == "active" and sub["items"][0]["price"]["id"] == "price_plus"
    pay = http.get(f"/api/stripe/payment/{done['payment_intent']}", headers=auth).json()["data"]["payment"]
    assert pay["amount"] == 2999 and pay["status"] == "succeeded"
    error_of(http.get("/api/stripe/checkout-sessions/cs_test_other", headers=auth), 404, "NOT_FOUND")


def test_subscription_update_cancel_and_rollover(http: httpx.Client, paywire_sandbox: Any) -> None:
    auth = bearer(login(http)["access_token"])
    path = f"/api/stripe/subscription/{SEED_SUBSCRIPTION_ID}"
    sub = http.get(path, headers=auth).json()["data"]
    assert sub["plan"]["interval"] == "month"
    updated = http.post(f"{path}/update", json={"price_id": "price_plus"}, headers=auth).json()["data"]
    assert updated["items"][0]["price"]["id"] == "price_plus"
    error_of(
        http.post(f"{path}/update", json={"price_id": "price_basic"}, headers=auth), 400, "INVALID_PRICE"
    )
    # A period end passes: renewal with a payment.
    paywire_sandbox.clock.advance(sub["current_period_end"] - paywire_sandbox.clock.now() + 1)
    auth = bearer(login(http)["access_token"])  # the old access token expired meanwhile
    renewed = http.get(path, headers=auth).json()["data"]
    assert renewed["current_period_start"] == sub["current_period_end"]
    history = http.get("/api/stripe/history", headers=auth).json()["data"]
    assert history["total_count"] == 2 and history["payments"][0]["amount"] == 2999
    older = http.get(
        "/api/stripe/history", params={"starting_after": history["payments"][0]["id"]}, headers=auth
    ).json()["data"]
    assert [p["id"] for p in older["payments"]] == ["pi_123"]
    newer = http.get("/api/stripe/history", params={"ending_before": "pi_123"}, headers=auth).json()["data"]
    assert [p["id"] for p in newer["payments"]] == [history["payments"][0]["id"]]
    # Cancel at period end, then let the period pass.
    at_end = http.post(f"{path}/cancel", json={"immediately": False}, headers=auth).json()["data"]
    assert at_end["cancel_at_period_end"] is True and at_end["status"] == "active"
    paywire_sandbox.clock.advance(renewed["current_period_end"] - paywire_sandbox.clock.now() + 1)
    auth = bearer(login(http)["access_token"])
    ended = http.get(path, headers=auth).json()["data"]
    assert ended["status"] == "canceled" and ended["canceled_at"] == renewed["current_period_end"]
    error_of(
        http.post(f"{path}/cancel", json={"immediately": True}, headers=auth), 400, "INVALID_SUBSCRIPTION"
    )
    error_of(
        http.post(f"{path}/update", json={"price_id": "price_123"}, headers=auth),
        400,
        "SUBSCRIPTION_UPDATE_ERROR",
    )
    assert http.get("/api/stripe/subscriptions", headers=auth).json()["data"]["subscriptions"] == []
    all_subs = http.get("/api/stripe/subscriptions", params={"status": "all"}, headers=auth).json()["data"]
    assert [s["id"] for s in all_subs["subscriptions"]] == [SEED_SUBSCRIPTION_ID]
    error_of(http.get("/api/stripe/subscription/sub_nope", headers=auth), 404, "SUBSCRIPTION_NOT_FOUND")


def test_immediate_cancel(http: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    done = http.post(
        f"/api/stripe/subscription/{SEED_SUBSCRIPTION_ID}/cancel", json={"immediately": True}, headers=auth
    ).json()["data"]
    assert done["status"] == "canceled" and done["canceled_at"] is not None


def test_products_catalogue(http: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    subs = http.get(
        "/api/stripe/products", params={"mode": "subscription", "active": "true"}, headers=auth
    ).json()
    assert [p["id"] for p in subs["data"]["products"]] == ["prod_123"]
    product = http.get("/api/stripe/products/prod_123", headers=auth).json()["data"]
    assert product["prices"][0]["nickname"] == "Pro monthly" and product["default_price"]["id"] == "price_123"
    bare = http.get("/api/stripe/products/prod_123", params={"include_prices": "false"}, headers=auth).json()[
        "data"
    ]
    assert bare["prices"] == []
    page = http.get("/api/stripe/products", params={"limit": 1}, headers=auth).json()["data"]
    assert page["total"] == 2 and len(page["products"]) == 1
    error_of(http.get("/api/stripe/products/prod_nope", headers=auth), 404, "NOT_FOUND")


# --- legacy payments and crypto ----------------------------------------------------------------


def test_payment_intent_decline_and_payment_methods(http: httpx.Client, control: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    intent = http.post(
        "/api/payments/create-payment-intent", json={"amount": 500, "currency": "usd"}, headers=auth
    ).json()["data"]
    assert intent["client_secret"].startswith(intent["payment_intent_id"])
    control.post("/decline_cards", json={"declined": True})
    error_of(
        http.post(
            "/api/payments/create-payment-intent", json={"amount": 500, "currency": "usd"}, headers=auth
        ),
        402,
        "CARD_DECLINED",
    )
    error_of(
        http.post("/api/payments/update-payment-method", json={"payment_method_id": "pm_nope"}, headers=auth),
        404,
        "PAYMENT_METHOD_NOT_FOUND",
    )
    pm = http.post(
        "/api/payments/update-payment-method",
        json={"payment_method_id": "pm_card_mastercard", "set_default": True},
        headers=auth,
    ).json()["data"]
    assert pm["is_default"] is True and pm["customer_id"] == f"cus_{DEFAULT_USER_ID}"


def test_wallet_deposit_confirms_with_the_clock(http: httpx.Client, paywire_sandbox: Any) -> None:
    auth = bearer(login(http)["access_token"])
    tx = "0x" + "ab" * 32
    deposit = {
        "wallet_address": "0x" + "11" * 20,
        "chain_type": "ethereum",
        "transaction_id": tx,
        "amount": 25.5,
        "currency": "USDC",
    }
    error_of(
        http.post("/api/payments/wallet-deposit", json={**deposit, "transaction_id": "0x123"}, headers=auth),
        422,
        "INVALID_TRANSACTION",
    )
    dep = http.post("/api/payments/wallet-deposit", json=deposit, headers=auth).json()["data"]
    assert dep == dep | {"status": "pending", "confirmation_required": 12, "confirmation_current": 0}
    error_of(
        http.post("/api/payments/wallet-deposit", json=deposit, headers=auth), 422, "INVALID_TRANSACTION"
    )
    paywire_sandbox.clock.advance(60)
    mid = http.get(f"/api/payments/wallet-transaction/{tx}", headers=auth).json()["data"]
    assert mid["status"] == "confirming" and mid["confirmations"] == 5 and mid["balance_added"] is None
    paywire_sandbox.clock.advance(100)
    done = http.get(f"/api/payments/wallet-transaction/{tx}", headers=auth).json()["data"]
    assert done["status"] == "completed" and done["balance_added"] == 25.5 and done["completed_at"]
    balance = http.get("/api/payments/balance", headers=auth).json()["data"]
    assert balance["balance"]["available"] == 25.5 and balance["tier"] == "pro"
    error_of(http.get("/api/payments/wallet-transaction/0xdead", headers=auth), 404, "TRANSACTION_NOT_FOUND")


def test_crypto_invoice_lifecycle_and_reconcile(http: httpx.Client, control: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    created = http.post(
        "/api/payments/crypto/invoices",
        json={"asset": "usdc", "network": "Base", "amount": "12.50", "metadata": {"order": "o1"}},
        headers=auth,
    ).json()["data"]["invoice"]
    assert created == created | {"asset": "USDC", "network": "base", "amount": "12.50", "status": "pending"}
    inv = created["id"]
    assert (
        http.get(f"/api/payments/crypto/invoices/{inv}", headers=auth).json()["data"]["invoice"]["invoice_id"]
        == inv
    )
    control.post("/pay_invoice", json={"invoice_id": inv, "amount": "5"})
    part = http.get(f"/api/payments/crypto/invoices/{inv}/status", headers=auth).json()["data"]
    assert part == part | {"status": "underpaid", "underpaid": True, "overpaid": False, "finalized_at": None}
    control.post("/pay_invoice", json={"invoice_id": inv, "amount": "7.50"})
    full = http.get(f"/api/payments/crypto/invoices/{inv}/status", headers=auth).json()["data"]
    assert (
        full["status"] == "paid" and full["normalized_amount"] == "12.50" and len(full["settlement_ids"]) == 2
    )
    assert full["finalized_at"] is not None
    error_of(
        http.post(
            "/api/payments/crypto/invoices",
            json={"asset": "USDC", "network": "base", "amount": "abc"},
            headers=auth,
        ),
        400,
        "VALIDATION_ERROR",
    )
    error_of(http.get("/api/payments/crypto/invoices/inv_nope", headers=auth), 404, "NOT_FOUND")
    error_of(
        http.post("/api/payments/crypto/reconcile", json={}, headers={**auth, "X-Recon-Token": "wrong"}),
        401,
        "UNAUTHORIZED",
    )
    job = http.post(
        "/api/payments/crypto/reconcile",
        json={"cursor": {"after": "x"}},
        headers={**auth, "X-Recon-Token": DEFAULT_RECON_TOKEN},
    ).json()["data"]
    assert job["job_id"].startswith("job_") and job["cursor"]["settlements_seen"] == 2
    assert http.post("/api/payments/crypto/reconcile", headers=auth).status_code == 200


# --- secure messages and whitelist -------------------------------------------------------------


def test_secure_messages_with_and_without_bearer(http: httpx.Client) -> None:
    body = {"patientId": "pat_1", "practitionerId": "doc_1", "content": "ciphertext", "metadata": {"v": 1}}
    anon = http.post("/api/secure-messages", json=body)
    assert anon.status_code == 201, anon.text
    assert anon.json()["data"] == anon.json()["data"] | {
        "patient_id": "pat_1",
        "practitioner_id": "doc_1",
        "application_id": DEFAULT_APPLICATION_ID,
    }
    auth = bearer(login(http)["access_token"])
    assert http.post("/api/secure-messages", json=body, headers=auth).status_code == 201
    error_of(http.post("/api/secure-messages", json=body, headers=bearer("stale")), 401, "INVALID_TOKEN")
    messages = http.get("/api/secure-messages").json()["data"]["messages"]
    assert len(messages) == 2
    error_of(http.post("/api/secure-messages", json={"patientId": "p"}), 400, "VALIDATION_ERROR")


def test_whitelist_crud(http: httpx.Client) -> None:
    auth = bearer(login(http)["access_token"])
    miss = http.get("/api/v1/whitelist/check", params={"email": "vip@example.com"})
    assert miss.status_code == 200 and "entry" not in miss.json()["data"]
    added = http.post("/api/v1/whitelist", json={"email": "VIP@example.com"}, headers=auth)
    assert added.status_code == 201
    assert added.json()["data"]["entry"] == {
        "email": "vip@example.com",
        "application_id": DEFAULT_APPLICATION_ID,
        "tier": "premium",
        "bypass_payment": True,
        "metadata": None,
    }
    error_of(
        http.post("/api/v1/whitelist", json={"email": "vip@example.com"}, headers=auth),
        400,
        "EMAIL_ALREADY_EXISTS",
    )
    hit = http.get("/api/v1/whitelist/check", params={"email": "vip@example.com"}).json()
    assert hit["data"]["entry"]["tier"] == "premium" and hit["message"]
    for i in range(3):
        http.post(
            "/api/v1/whitelist",
            json={"email": f"u{i}@example.com", "tier": "basic", "bypass_payment": False},
            headers=auth,
        )
    page = http.get(
        "/api/v1/whitelist", params={"limit": 2, "offset": 1, "tier": "basic"}, headers=auth
    ).json()["data"]
    assert page["total"] == 3 and [e["email"] for e in page["entries"]] == [
        "u1@example.com",
        "u2@example.com",
    ]
    raw = http.put(
        "/api/v1/whitelist/vip@example.com", json={"tier": "gold", "metadata": {"note": "x"}}, headers=auth
    )
    assert raw.json()["data"]["entry"]["tier"] == "gold"
    encoded = http.put("/api/v1/whitelist/vip%40example.com", json={"bypass_payment": False}, headers=auth)
    assert encoded.json()["data"]["entry"] == encoded.json()["data"]["entry"] | {
        "tier": "gold",
        "bypass_payment": False,
    }
    removed = http.delete("/api/v1/whitelist/vip@example.com", headers=auth)
    assert removed.status_code == 200 and removed.json()["data"]["message"]
    error_of(http.delete("/api/v1/whitelist/vip@example.com", headers=auth), 404, "NOT_FOUND")
    error_of(http.put("/api/v1/whitelist/ghost@example.com", json={}, headers=auth), 404, "NOT_FOUND")
    error_of(http.get("/api/v1/whitelist"), 401, "UNAUTHORIZED")  # list needs the bearer


def test_state_methods_for_tests_and_demo(st: SpapsState) -> None:
    key = st.add_api_key("app_other")
    assert st.api_keys[key] == "app_other"
    user = st.create_user("demo@example.com", "Passw0rd!")
    tokens = st.issue_tokens(user, "app_other")
    assert st.access_tokens[tokens["access_token"]].user_id == user.id
    st.expire_access_tokens(user.id)
    assert st.access_tokens[tokens["access_token"]].expires_at <= st.clock.now()
    with pytest.raises(ValueError):
        st.create_user("demo@example.com")
    with pytest.raises(KeyError):
        st.last_token("demo@example.com")

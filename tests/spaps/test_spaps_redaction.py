"""Passwords, tokens and signatures never reach logs, reprs or exception text, sync and async."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import (
    ACCESS,
    API_KEY,
    NEW_ACCESS,
    NEW_REFRESH,
    PASSWORD,
    REFRESH,
    call,
    err,
    ok,
    token_pair,
    tokens,
)

from paywire.spaps import AuthError, default_logging_hooks

SIGNATURE = "0x" + "5e" * 65
ETH = "0x" + "ab" * 20
SECRETS = (PASSWORD, ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH, SIGNATURE, API_KEY)


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="paywire")
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")
    return caplog


async def test_a_whole_session_leaks_nothing(make: Any, mock: respx.MockRouter, logs: pytest.LogCaptureFixture) -> None:
    mock.post("/api/auth/login").mock(return_value=ok(
        {"access_token": ACCESS, "refresh_token": REFRESH, "expires_in": 900, "user": {"id": "u1"}}))
    mock.post("/api/auth/wallet-sign-in").mock(return_value=ok(
        {"access_token": ACCESS, "refresh_token": REFRESH, "expires_in": 900, "user": {"id": "u1"}}))
    mock.get("/api/sessions/current").mock(side_effect=[err(401, "INVALID_TOKEN"), ok({"session": {"id": "s1"}})])
    mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    mock.post("/api/auth/logout").mock(return_value=ok({"message": "bye"}))
    client = make(logging_hooks=default_logging_hooks())
    result = await call(client.auth.sign_in_with_password, email="user@example.com", password=PASSWORD)
    wallet = await call(client.auth.verify_wallet, wallet_address=ETH, signature=SIGNATURE, message="m",
                        chain="ethereum")
    await call(client.sessions.get_current_session)
    texts = [repr(client), repr(result), str(result), repr(wallet), repr(client.get_tokens()),
             repr(client.token_store), repr(client.auth), logs.text]
    assert client.token_manager.refresh_count == 1
    await call(client.auth.sign_out)
    texts.append(logs.text)
    for text in texts:
        assert leaks(text) == [], text


async def test_errors_do_not_echo_secrets(make: Any, mock: respx.MockRouter, logs: pytest.LogCaptureFixture) -> None:
    """Even when the server puts the credential into its error message."""
    mock.post("/api/auth/login").mock(return_value=httpx.Response(401, json={
        "success": False, "error": {"code": "INVALID_CREDENTIALS", "message": f"password {PASSWORD} is wrong"}}))
    mock.post("/api/auth/refresh").mock(return_value=httpx.Response(401, json={
        "error": {"code": "INVALID_REFRESH", "message": f"refresh token {REFRESH} already used"}}))
    mock.get("/api/auth/user").mock(return_value=err(401, "INVALID_TOKEN", f"token {ACCESS} expired"))
    client = make(logging_hooks=default_logging_hooks())
    with pytest.raises(AuthError) as login:
        await call(client.auth.sign_in_with_password, email="user@example.com", password=PASSWORD)
    client.set_tokens(tokens())
    with pytest.raises(AuthError) as refresh:
        await call(client.auth.get_current_user)
    for error in (login.value, refresh.value):
        rendered = [str(error), repr(error), error.message, "".join(traceback.format_exception(error))]
        for text in rendered:
            assert leaks(text) == [], text
    assert leaks(logs.text) == []


async def test_request_headers_in_logs_are_masked(make: Any, mock: respx.MockRouter,
                                                  logs: pytest.LogCaptureFixture) -> None:
    mock.get("/api/auth/user").mock(return_value=ok({"user": {"id": "u1"}}))
    client = make()
    client.set_tokens(tokens())
    await call(client.auth.get_current_user)
    logging.getLogger("paywire").debug("headers: Authorization: Bearer %s x-api-key: %s", ACCESS, API_KEY)
    assert leaks(logs.text) == []


def test_model_and_token_reprs_hide_tokens() -> None:
    from paywire.spaps import AuthResult, PaymentIntent, StoredTokens

    result = AuthResult(access_token=ACCESS, refresh_token=REFRESH)
    intent = PaymentIntent(payment_intent_id="pi_1", client_secret="pi_1_secret_zzzzzzzz")
    stored = StoredTokens(ACCESS, REFRESH)
    for text in (repr(result), repr(stored), repr(intent)):
        assert leaks(text) == [] and "pi_1_secret_zzzzzzzz" not in text

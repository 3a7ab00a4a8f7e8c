"""SPAPS #16.8 on the typed facade, against respx, sync and async: ``auth.verify_mfa`` completes
the challenge of every sign-in that can answer one (tokens stored through the sign-in reader,
nothing stored from a malformed answer, secrets out of errors and logs), and
``auth.get_session_context`` / ``auth.list_auth_methods`` send the contract's auth and read
their answers into the typed results. The end-to-end run over real HTTP is
``test_spaps_mfa_flow.py``; the refusal on 2025-11 is in ``test_spaps_versions.py``."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import (
    ACCESS,
    API_KEY,
    NEW_ACCESS,
    NEW_REFRESH,
    body_of,
    call,
    err,
    ok,
    token_pair,
    tokens,
)

import paywire
from paywire.spaps import (
    AuthMethods,
    AuthResult,
    MfaAuthResult,
    MfaChallenge,
    NotSignedInError,
    SessionContext,
    SessionContextWallet,
    SpapsResponseValidationError,
)

ETH = "0x" + "ab" * 20
USER = {"id": "usr_1", "email": "user@example.com"}
CHALLENGE_VALUE = "opaque-challenge-value-xyz"
CHALLENGE = {"mfa_required": True, "challenge_id": "mfa_123", "challenge": CHALLENGE_VALUE,
             "expires_at": "2026-10-01T00:05:00Z", "methods": ["totp"]}
CODE = "493817"
RECOVERY = "rcv-7f3k-92ld"

#: every sign-in that may answer an MFA challenge on 2026-10: (path, call)
SIGN_INS: dict[str, tuple[str, Any]] = {
    "password": ("/api/auth/login",
                 lambda c: c.auth.sign_in_with_password(email="user@example.com", password="Passw0rd!")),
    "wallet": ("/api/auth/wallet-sign-in",
               lambda c: c.auth.verify_wallet(wallet_address=ETH, signature="0x" + "11" * 65,
                                              message="Sign this: n", chain="ethereum")),
    "magic_link": ("/api/auth/verify-magic-link", lambda c: c.auth.verify_magic_link(token="ml_tok_123456")),
}


def verified(method: str = "totp", **extra: Any) -> dict[str, Any]:
    return {**token_pair(user=USER), "mfa_method": method, **extra}


@pytest.fixture
def client(make26: Any) -> Any:
    return make26()


# --- verify_mfa --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flow", sorted(SIGN_INS))
@pytest.mark.parametrize(("factor", "sent"), [("code", CODE), ("recovery_code", RECOVERY)])
async def test_every_sign_in_challenge_is_completed_and_the_tokens_stored(
        client: Any, mock: respx.MockRouter, flow: str, factor: str, sent: str) -> None:
    path, sign_in = SIGN_INS[flow]
    mock.post(path).mock(return_value=ok(CHALLENGE))
    method = "totp" if factor == "code" else "recovery_code"
    route = mock.post("/api/auth/mfa/verify").mock(return_value=ok(
        verified(method, recovery_codes_remaining=7 if factor == "recovery_code" else None, assurance="mfa"),
        message="MFA verified"))
    challenge = await call(sign_in, client)
    assert isinstance(challenge, MfaChallenge) and client.get_tokens() is None
    result = await call(client.auth.verify_mfa, challenge, **{factor: sent})
    assert isinstance(result, MfaAuthResult) and isinstance(result, AuthResult) and result.signed_in
    assert not result.mfa_required and result.mfa_method == method and result.message == "MFA verified"
    assert result.recovery_codes_remaining == (7 if factor == "recovery_code" else None)
    assert result.user is not None and result.user.id == "usr_1" and result.raw["data"]["assurance"] == "mfa"
    assert (result.access_token, result.refresh_token, result.expires_in) == (NEW_ACCESS, NEW_REFRESH, 900)
    stored = client.get_tokens()
    assert (stored.access_token, stored.refresh_token, stored.expires_at) == (NEW_ACCESS, NEW_REFRESH,
                                                                              result.expires_at)
    request = route.calls[0].request
    assert body_of(request) == {"challenge_id": "mfa_123", "challenge": CHALLENGE_VALUE, factor: sent}
    assert request.headers["x-api-key"] == API_KEY and "authorization" not in request.headers
    for secret in (NEW_ACCESS, NEW_REFRESH, CHALLENGE_VALUE, sent):
        assert secret not in repr(result) and secret not in repr(challenge)


async def test_verify_mfa_replaces_tokens_already_stored(client: Any, mock: respx.MockRouter) -> None:
    client.set_tokens(tokens())
    route = mock.post("/api/auth/mfa/verify").mock(return_value=ok(verified()))
    result = await call(client.auth.verify_mfa, MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE),
                        CODE)
    assert client.get_tokens().access_token == NEW_ACCESS == result.access_token
    assert "authorization" not in route.calls[0].request.headers  # the API key alone: no bearer sent


#: answers the contract refuses (the tokens must not be stored from any of them)
MALFORMED = {
    "no-access-token": {k: v for k, v in verified().items() if k != "access_token"},
    "access-token-not-a-string": {**verified(), "access_token": 12345},
    "no-mfa-method": {k: v for k, v in verified().items() if k != "mfa_method"},
    "no-user": {k: v for k, v in verified().items() if k != "user"},
    "expires-in-a-string": {**verified(), "expires_in": "soon"},
}


@pytest.mark.parametrize("label", sorted(MALFORMED))
async def test_a_malformed_answer_stores_nothing(client: Any, mock: respx.MockRouter, label: str) -> None:
    client.set_tokens(tokens())
    before = client.get_tokens()
    mock.post("/api/auth/mfa/verify").mock(return_value=ok(MALFORMED[label]))
    with pytest.raises(SpapsResponseValidationError):
        await call(client.auth.verify_mfa, MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE), CODE)
    assert client.get_tokens() == before


@pytest.mark.parametrize(("factor", "sent"), [("code", CODE), ("recovery_code", RECOVERY)])
async def test_a_refused_code_is_a_401_without_the_secrets(client: Any, mock: respx.MockRouter, factor: str,
                                                          sent: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    # a server that echoes what it was sent: the error must still not show the code or challenge
    route = mock.post("/api/auth/mfa/verify").mock(return_value=err(
        401, "INVALID_MFA_CODE", f"Invalid MFA code {sent} for challenge {CHALLENGE_VALUE}"))
    with pytest.raises(paywire.AuthenticationError) as info:
        await call(client.auth.verify_mfa, MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE),
                   **{factor: sent})
    assert info.value.status_code == 401 and info.value.code == "INVALID_MFA_CODE"
    assert route.call_count == 1  # a single-use challenge is never resent
    # (``.body`` is the server's parsed answer as sent, like ``.response``: not a rendering)
    shown = " ".join([str(info.value), repr(info.value), info.value.message, caplog.text])
    assert sent not in shown and CHALLENGE_VALUE not in shown
    assert client.get_tokens() is None


#: bad arguments: (args, kwargs, the field the error names)
BAD_ARGUMENTS = [
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE),), {}, "code"),
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE), CODE), {"recovery_code": RECOVERY},
     "recovery_code"),
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE), ""), {}, "code"),
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE), "   "), {}, "code"),
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE),), {"recovery_code": ""}, "recovery_code"),
    ((MfaChallenge(challenge_id="mfa_123", challenge=CHALLENGE_VALUE), 493817), {}, "code"),
    (("mfa_123", CODE), {}, "challenge"),
    ((CHALLENGE, CODE), {}, "challenge"),
    ((MfaChallenge(challenge_id="mfa_123"), CODE), {}, "challenge.challenge"),
    ((MfaChallenge(challenge_id="", challenge=CHALLENGE_VALUE), CODE), {}, "challenge.challenge_id"),
    ((MfaChallenge(challenge_id="../login", challenge=CHALLENGE_VALUE), CODE), {}, "challenge.challenge_id"),
]


@pytest.mark.parametrize(("args", "kwargs", "field"), BAD_ARGUMENTS)
async def test_bad_arguments_are_refused_before_any_request(client: Any, mock: respx.MockRouter,
                                                           args: tuple[Any, ...], kwargs: dict[str, Any],
                                                           field: str) -> None:
    route = mock.post("/api/auth/mfa/verify").mock(return_value=ok(verified()))
    with pytest.raises(paywire.ValidationError) as info:
        await call(client.auth.verify_mfa, *args, **kwargs)
    assert info.value.field == field and not route.calls
    assert CHALLENGE_VALUE not in str(info.value) and CODE not in str(info.value)


# --- get_session_context / list_auth_methods ---------------------------------------------------------------
CONTEXT = {
    "user": {"id": "usr_1", "email": "user@example.com", "tier": "pro",
             "wallets": [{"wallet_address": ETH, "chain_type": "ethereum", "verified": True}]},
    "entitlements": [{"key": "reports", "source": "subscription"}], "entitlements_count": 1,
    "wallets": [{"id": "wal_1", "wallet_address": ETH, "chain_type": "ethereum", "is_primary": True,
                 "verified_at": None, "created_at": "2026-10-01T00:00:00Z", "label": "main"}],
    "tier": "pro", "mfa_enrolled": True, "methods_hint": "/api/auth/methods",
    "application_capabilities": ["checkout"], "feature_flags": {"beta": True},
}


async def test_session_context_needs_a_bearer_and_reads_every_field(client: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/auth/session-context").mock(return_value=ok(CONTEXT))
    with pytest.raises(NotSignedInError):
        await call(client.auth.get_session_context)
    assert not route.calls
    client.set_tokens(tokens())
    context = await call(client.auth.get_session_context)
    assert isinstance(context, SessionContext)
    assert (context.user.id, context.user.tier, context.user.wallets[0].wallet_address) == ("usr_1", "pro", ETH)
    assert context.entitlements == [{"key": "reports", "source": "subscription"}] and context.entitlements_count == 1
    assert context.wallets == [SessionContextWallet(id="wal_1", wallet_address=ETH, chain_type="ethereum",
                                                    is_primary=True, created_at="2026-10-01T00:00:00Z")]
    assert context.wallets[0].raw["label"] == "main"  # unknown fields kept, out of the repr
    assert (context.tier, context.mfa_enrolled, context.methods_hint) == ("pro", True, "/api/auth/methods")
    assert context.application_capabilities == ["checkout"] and context.raw["feature_flags"] == {"beta": True}
    assert "feature_flags" not in repr(context) and "label" not in repr(context)
    request = route.calls[0].request
    assert request.headers["authorization"] == f"Bearer {ACCESS}" and request.headers["x-api-key"] == API_KEY


async def test_session_context_absent_fields_read_none(client: Any, mock: respx.MockRouter) -> None:
    client.set_tokens(tokens())
    mock.get("/api/auth/session-context").mock(return_value=ok({"user": {"id": "usr_1"}}))
    context = await call(client.auth.get_session_context)
    assert context.user.id == "usr_1" and context.user.email is None
    assert (context.entitlements_count, context.tier, context.mfa_enrolled, context.methods_hint) == (None,) * 4
    assert context.entitlements == [] and context.wallets == [] and context.application_capabilities == []


async def test_auth_methods_with_the_api_key_alone(client: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/auth/methods").mock(return_value=ok({"methods": [
        {"method": "password", "enabled": True, "allowed": True, "configured": True, "ready": True,
         "setup_reason": None, "config": {"min_length": 8}},
        {"method": "totp", "enabled": True},
        {"method": "webauthn", "enabled": False, "allowed": True, "configured": False, "ready": False,
         "setup_reason": "no relying party configured"},
    ]}))
    methods = await call(client.auth.list_auth_methods)  # nobody signed in: the key is enough
    assert isinstance(methods, AuthMethods)
    assert [(m.method, m.enabled) for m in methods.methods] == [("password", True), ("totp", True),
                                                                 ("webauthn", False)]
    assert methods.enabled("password") and methods.enabled("totp")
    assert not methods.enabled("webauthn") and not methods.enabled("sms")  # disabled / not listed
    password, totp, webauthn = methods.methods
    assert password.config == {"min_length": 8} and password.ready is True
    assert totp.allowed is None and totp.config is None and totp.setup_reason is None
    assert webauthn.setup_reason == "no relying party configured" and webauthn.configured is False
    request = route.calls[0].request
    assert request.headers["x-api-key"] == API_KEY and "authorization" not in request.headers
    client.set_tokens(tokens())
    await call(client.auth.list_auth_methods)
    assert "authorization" not in route.calls[1].request.headers  # a stored token is not sent either


@pytest.mark.parametrize(("path", "invoke"), [
    ("/api/auth/session-context", lambda c: c.auth.get_session_context()),
    ("/api/auth/methods", lambda c: c.auth.list_auth_methods()),
])
async def test_a_malformed_context_or_methods_answer_is_a_response_error(
        client: Any, mock: respx.MockRouter, path: str, invoke: Any) -> None:
    client.set_tokens(tokens())
    mock.get(path).mock(return_value=httpx.Response(200, json={"success": True, "data": {"user": "usr_1",
                                                                                         "methods": "all"}}))
    with pytest.raises(SpapsResponseValidationError):
        await call(invoke, client)

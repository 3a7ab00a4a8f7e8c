"""An MFA challenge completed end to end through the facade (#16.8), sync and async, against the
sandbox over real HTTP; plus session context, auth methods and set-password's ``data`` answer."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, TypeVar

import httpx
import pytest

from paywire import ValidationError
from paywire.sandbox.spaps import DEFAULT_USER_EMAIL, DEFAULT_USER_ID, DEFAULT_USER_PASSWORD
from paywire.spaps.errors import UnsupportedOperationError
from paywire.spaps.models import AuthResult, MfaAuthResult, MfaChallenge

T = TypeVar("T")
FLAVOURS = ["sync", "async"]


def _run(value: T | Awaitable[T]) -> T:
    if isinstance(value, Awaitable):
        async def wait() -> T:
            return await value  # type: ignore[misc]

        return asyncio.run(wait())
    return value


def _client(sb: Any, flavour: str, version: str = "2026-10") -> Any:
    return sb.client("spaps", api_version=version) if flavour == "sync" else sb.async_client("spaps", api_version=version)


def _require_mfa(sb: Any) -> list[str]:
    r = httpx.post(sb.url + "/_sandbox/spaps-2026-10/require_mfa", json={"email": DEFAULT_USER_EMAIL})
    codes: list[str] = r.json()["recovery_codes"]
    return codes


def _authenticator_code(sb: Any, challenge: MfaChallenge) -> str:
    listed = httpx.get(sb.url + "/_sandbox/spaps-2026-10/mfa_challenges").json()["challenges"]
    return str(next(c["code"] for c in listed if c["challenge_id"] == challenge.challenge_id))


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_mfa_challenge_completed_end_to_end(paywire_sandbox: Any, flavour: str) -> None:
    _require_mfa(paywire_sandbox)
    client = _client(paywire_sandbox, flavour)
    challenge = _run(client.auth.sign_in_with_password(DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD))
    assert isinstance(challenge, MfaChallenge) and challenge.mfa_required
    assert client.get_tokens() is None  # nothing stored until the second factor passed
    result = _run(client.auth.verify_mfa(challenge, _authenticator_code(paywire_sandbox, challenge)))
    assert isinstance(result, AuthResult) and result.signed_in and result.user is not None
    assert result.user.id == DEFAULT_USER_ID and result.raw["data"]["mfa_method"] == "totp"
    assert isinstance(result, MfaAuthResult) and result.mfa_method == "totp"
    assert client.get_tokens() is not None and client.get_tokens().access_token == result.access_token
    assert _run(client.auth.get_current_user()).id == DEFAULT_USER_ID  # the stored token works
    context = _run(client.auth.get_session_context())
    assert context.user.id == DEFAULT_USER_ID and context.mfa_enrolled and context.tier == "pro"
    methods = _run(client.auth.list_auth_methods())
    assert methods.enabled("totp") and methods.enabled("password") and not methods.enabled("webauthn")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_recovery_code_and_a_wrong_code(paywire_sandbox: Any, flavour: str) -> None:
    from paywire.spaps.errors import SpapsError

    codes = _require_mfa(paywire_sandbox)
    client = _client(paywire_sandbox, flavour)
    challenge = _run(client.auth.sign_in_with_password(DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD))
    with pytest.raises(SpapsError) as caught:
        _run(client.auth.verify_mfa(challenge, "999999x"))
    assert getattr(caught.value, "status_code", None) == 401 and "999999x" not in repr(caught.value)
    result = _run(client.auth.verify_mfa(challenge, recovery_code=codes[0]))
    assert result.signed_in and result.raw["data"]["mfa_method"] == "recovery_code"
    assert result.mfa_method == "recovery_code" and result.recovery_codes_remaining == len(codes) - 1


@pytest.mark.parametrize(("args", "kwargs"), [
    ((), {}),  # neither code nor recovery code
    (("123456",), {"recovery_code": "abcd-efgh"}),  # both
    (("",), {}),  # an empty code
])
def test_bad_verify_arguments_fail_before_any_request(paywire_sandbox: Any, args: tuple[Any, ...],
                                                      kwargs: dict[str, Any]) -> None:
    client = paywire_sandbox.client("spaps")
    challenge = MfaChallenge(challenge_id="mfa_x", challenge="c")
    with pytest.raises(ValidationError):
        client.auth.verify_mfa(challenge, *args, **kwargs)
    with pytest.raises(ValidationError):
        client.auth.verify_mfa("mfa_x", "123456")  # not a challenge object
    assert paywire_sandbox.requests == []


def test_the_seed_era_contract_refuses_all_three_before_io(paywire_sandbox: Any) -> None:
    client = paywire_sandbox.client("spaps", api_version="2025-11")
    challenge = MfaChallenge(challenge_id="mfa_x", challenge="c")
    for call in (lambda: client.auth.verify_mfa(challenge, "123456"), client.auth.get_session_context,
                 client.auth.list_auth_methods):
        with pytest.raises(UnsupportedOperationError, match="2026-10"):
            call()
    for name in ("auth.verify_mfa", "auth.get_session_context", "auth.list_auth_methods"):
        assert client.supports(name) is False
        assert paywire_sandbox.client("spaps").supports(name) is True
    assert paywire_sandbox.requests == []


def test_set_password_message_read_from_data(paywire_sandbox: Any) -> None:
    client = paywire_sandbox.client("spaps")
    client.auth.sign_in_with_password(DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD)
    result = client.auth.set_password("NewSecret123!", current_password=DEFAULT_USER_PASSWORD)
    assert result.message == "Password updated successfully"
    assert "message" not in result.raw and result.raw["data"]["message"] == result.message

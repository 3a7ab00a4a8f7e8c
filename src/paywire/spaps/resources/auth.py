"""``spaps.auth``: sign-in (password, wallet, magic link; 2026-10: completing an MFA challenge),
registration, refresh, sign-out, password resets and (2026-10) the session context and the auth
methods; the tokens an answer carries are stored."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx

from paywire._core import AsyncResource, Flow, SyncResource, operation, register_secret
from paywire.spaps._signin import TokenFields, auth_result, refresh_wire
from paywire.spaps._validate import v
from paywire.spaps.errors import AUTH_ERRORS, NotSignedInError, SpapsResponseValidationError
from paywire.spaps.models import (
    AuthMethods,
    AuthResult,
    CurrentUser,
    EmailSent,
    MessageResult,
    MfaAuthResult,
    MfaChallenge,
    NonceResult,
    SessionContext,
)
from paywire.spaps.resources._base import _data, _json, _message, _Ops
from paywire.spaps.tokens import StoredTokens, TokenManager


# --- auth -------------------------------------------------------------------------------------------
class _AuthOps(_Ops):
    _errors = AUTH_ERRORS
    _resource = "auth"

    def _signed_in(self, resp: httpx.Response, typed: TokenFields | None = None) -> Flow[AuthResult]:
        """Parse an auth result and store its tokens (if any; the async driver waits for a
        shared store's lock without blocking the event loop). ``typed``: the token fields of
        the generated model of the answer, where the flow has it."""
        tokens: TokenManager = self._client._tokens
        result = auth_result(_json(resp, self._errors), tokens.clock(), nested=self._contract.has("nested_auth"),
                             tokens=typed)
        if result.access_token:
            yield from tokens.save_flow(
                StoredTokens(result.access_token, result.refresh_token, result.expires_at, result.token_type))
        return result

    def _signed_in_or_challenge(self, resp: httpx.Response) -> Flow[AuthResult | MfaChallenge]:
        """A sign-in answer: tokens (stored), or on 2026-10 an MFA challenge (nothing stored)."""
        if self._contract.has("mfa"):
            body = _json(resp, self._errors)
            data = _data(body)
            if data.get("mfa_required") is True:
                challenge = data.get("challenge")
                register_secret(challenge if isinstance(challenge, str) else None)
                return dataclasses.replace(MfaChallenge.from_dict(data), message=_message(body))
        return (yield from self._signed_in(resp))

    @operation
    def request_nonce(self, wallet_address: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[NonceResult]:
        """``POST /api/auth/nonce``: the message the wallet must sign (``chain_type`` on the wire)."""
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import request_nonce as old

            kind = None if chain_name is None else m25.NonceRequestChainType(chain_name)
            data = yield from self._get_data(old, old.build_request(
                body=m25.NonceRequest(wallet_address=address, chain_type=kind)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import request_nonce as new

            kind_ = None if chain_name is None else m26.NonceRequestChainType(chain_name)
            data = yield from self._get_data(new, new.build_request(
                body=m26.NonceRequest(wallet_address=address, chain_type=kind_)), auth="key")
        return NonceResult.from_dict(data)

    @operation
    def verify_wallet(self, wallet_address: str, signature: str, message: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/wallet-sign-in`` with the signed nonce message; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back and nothing is stored)."""
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        register_secret(v.secret(signature, "signature"))
        text = v.secret(message, "message")
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import wallet_sign_in as old

            kind = None if chain_name is None else m25.WalletSignInRequestChainType(chain_name)
            resp = yield from self._call(old, old.build_request(body=m25.WalletSignInRequest(
                wallet_address=address, signature=signature, message=text, chain_type=kind)), auth="key")
            return (yield from self._signed_in(resp, old.parse_response(resp, SpapsResponseValidationError).data))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import wallet_sign_in as new

            kind_ = None if chain_name is None else m26.WalletSignInRequestChainType(chain_name)
            resp = yield from self._call(new, new.build_request(body=m26.WalletSignInRequest(
                wallet_address=address, signature=signature, message=text, chain_type=kind_)), auth="key")
            answer = new.parse_response(resp, SpapsResponseValidationError).data
            if isinstance(answer, m26.MfaChallenge):
                return (yield from self._signed_in_or_challenge(resp))
            return (yield from self._signed_in(resp, answer))

    @operation
    def sign_in_with_password(self, email: str, password: str) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/login``; tokens are stored (2026-10: or an :class:`MfaChallenge`
        comes back and nothing is stored)."""
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import sign_in_with_password as old

            resp = yield from self._call(old, old.build_request(
                body=m25.LoginRequest(email=address, password=password)), auth="key")
            return (yield from self._signed_in(resp, old.parse_response(resp, SpapsResponseValidationError).data))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import sign_in_with_password as new

            resp = yield from self._call(new, new.build_request(
                body=m26.LoginRequest(email=address, password=password)), auth="key")
            answer = new.parse_response(resp, SpapsResponseValidationError).data
            if isinstance(answer, m26.MfaChallenge):
                return (yield from self._signed_in_or_challenge(resp))
            return (yield from self._signed_in(resp, answer))

    @operation
    def refresh_tokens(self, refresh_token: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/refresh`` (the stored refresh token by default); new tokens are stored.

        Refresh happens automatically when the stored access token expires or is rejected; call
        this only to rotate on your own schedule. An answer without a new refresh token keeps
        the one used. The request is built, and the answer parsed, by the same
        :class:`~paywire.spaps._signin.RefreshWire` the automatic refresh uses.
        """
        if refresh_token is None:
            stored = self._client._tokens.require()
            if not stored.refresh_token:
                raise NotSignedInError("no refresh token stored: sign in again")
            refresh_token = stored.refresh_token
        register_secret(v.secret(refresh_token, "refresh_token"))
        wire = refresh_wire(self._contract)
        # retry_safe: inside the server's reuse interval a resent refresh token answers with the
        # current pair (see the refresh operation in the SPAPS specs), so a lost answer is retried
        resp = yield from self._call(wire.op, wire.build(refresh_token), auth="key", retry_safe=True)
        result = wire.result(resp, self._client._tokens.clock())
        if result.access_token:
            yield from self._client._tokens.save_flow(StoredTokens(
                result.access_token, result.refresh_token or refresh_token, result.expires_at, result.token_type))
        return result

    @operation
    def register(self, email: str, password: str, username: str | None = None, phone_number: str | None = None, *,
                 ref: str | None = None, referral_click_id: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/register`` (201). With auto-login the tokens are stored; when email
        confirmation is needed ``result.signed_in`` is False and ``result.user`` is set.
        ``ref`` / ``referral_click_id`` (2026-10): the referral the user arrived with."""
        self._feature("auth_extras", "register", ref=ref, referral_click_id=referral_click_id)
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        name = v.optional_text(username, "username", max_length=200)
        phone = v.optional_text(phone_number, "phone_number", max_length=40)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import register as old

            resp = yield from self._call(old, old.build_request(body=m25.RegisterRequest(
                email=address, password=password, username=name, phone_number=phone)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import register as new

            resp = yield from self._call(new, new.build_request(body=m26.RegisterRequest(
                email=address, password=password, username=name, phone_number=phone,
                ref=v.optional_text(ref, "ref", max_length=200),
                referral_click_id=v.optional_text(referral_click_id, "referral_click_id", max_length=200))),
                auth="key")
        return (yield from self._signed_in(resp))

    @operation
    def send_magic_link(self, email: str, *, confirm_url: str | None = None) -> Flow[EmailSent]:
        """``POST /api/auth/magic-link``: email a sign-in link (2026-10: ``confirm_url`` is the
        landing page the link points at)."""
        self._feature("auth_extras", "send_magic_link", confirm_url=confirm_url)
        address = v.email(email)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import send_magic_link as old

            resp = yield from self._call(old, old.build_request(body=m25.MagicLinkRequest(email=address)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import send_magic_link as new

            resp = yield from self._call(new, new.build_request(body=m26.MagicLinkRequest(
                email=address, confirm_url=v.optional_url(confirm_url, "confirm_url"))), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def verify_magic_link(self, token: str, type: str = "magiclink", *,
                          state: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/verify-magic-link``: exchange the link's token; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back; ``state`` is echoed to the server)."""
        self._feature("auth_extras", "verify_magic_link", state=state)
        register_secret(v.secret(token, "token"))
        kind = v.text(type, "type", max_length=40)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import verify_magic_link as old

            resp = yield from self._call(old, old.build_request(body=m25.VerifyMagicLinkRequest(
                token=token, type_=kind)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import verify_magic_link as new

            resp = yield from self._call(new, new.build_request(body=m26.VerifyMagicLinkRequest(
                token=token, type_=kind, state=v.optional_text(state, "state", max_length=2048))), auth="key")
        return (yield from self._signed_in_or_challenge(resp))

    @operation
    def set_password(self, new_password: str, current_password: str | None = None) -> Flow[MessageResult]:
        """(2026-10) ``POST /api/auth/set-password``: set a first password (wallet or magic-link
        users) or change it (``current_password`` required then). The user's other sessions are
        revoked; this client stays signed in."""
        self._require("set_password")
        from paywire_gen_spaps_2026_10 import models as m26
        from paywire_gen_spaps_2026_10.api.auth import set_password as new

        register_secret(v.secret(new_password, "new_password"))
        if current_password is not None:
            register_secret(v.secret(current_password, "current_password"))
        resp = yield from self._call(new, new.build_request(body=m26.SetPasswordRequest(
            new_password=new_password, current_password=current_password)), auth="bearer")
        body_json = _json(resp, self._errors)
        return MessageResult(message=_message(body_json), raw=body_json if isinstance(body_json, dict) else {})

    @operation
    def verify_mfa(self, challenge: MfaChallenge, code: str | None = None, *,
                   recovery_code: str | None = None) -> Flow[MfaAuthResult]:
        """(2026-10) ``POST /api/auth/mfa/verify``: complete the :class:`MfaChallenge` a sign-in
        returned with exactly one of ``code`` (the authenticator's) and ``recovery_code``. The
        tokens are stored as after any sign-in; ``result.mfa_method`` says which factor passed.
        A wrong, expired or used challenge or code is
        :class:`~paywire.spaps.errors.AuthenticationError` (401)."""
        self._require("verify_mfa")
        if not isinstance(challenge, MfaChallenge):
            raise v.fail("challenge", f"must be the MfaChallenge a sign-in returned, got {type(challenge).__name__}")
        if code is None and recovery_code is None:
            raise v.fail("code", "or recovery_code is required")
        if code is not None and recovery_code is not None:
            raise v.fail("recovery_code", "must not be given with code: pass one of them")
        challenge_id = v.ident(challenge.challenge_id, "challenge.challenge_id")
        # the challenge value and either code are credentials: never in logs, reprs or errors
        challenge_value = v.secret(challenge.challenge, "challenge.challenge")
        register_secret(challenge_value)
        if code is not None:
            register_secret(v.secret(code, "code"))
        if recovery_code is not None:
            register_secret(v.secret(recovery_code, "recovery_code"))
        from paywire_gen_spaps_2026_10 import models as m26
        from paywire_gen_spaps_2026_10.api.auth import verify_mfa as new

        # not retry_safe (a POST is resent only if it provably never left): the server takes a
        # challenge once, so a resend after a lost answer could only fail; sign in again instead
        resp = yield from self._call(new, new.build_request(body=m26.MfaVerifyRequest(
            challenge_id=challenge_id, challenge=challenge_value, code=code, recovery_code=recovery_code)),
            auth="key")
        answer = new.parse_response(resp, SpapsResponseValidationError).data
        signed_in = yield from self._signed_in(resp, answer)
        return MfaAuthResult(**{f.name: getattr(signed_in, f.name) for f in dataclasses.fields(AuthResult)},
                             mfa_method=answer.mfa_method, recovery_codes_remaining=answer.recovery_codes_remaining)

    @operation
    def get_session_context(self) -> Flow[SessionContext]:
        """(2026-10) ``GET /api/auth/session-context``: the signed-in user, entitlements, wallets,
        tier and whether sign-in asks for a second factor (``mfa_enrolled``), in one call."""
        self._require("get_session_context")
        from paywire_gen_spaps_2026_10.api.auth import get_session_context as new

        data = yield from self._get_data(new, new.build_request())
        return SessionContext.from_dict(data)

    @operation
    def list_auth_methods(self) -> Flow[AuthMethods]:
        """(2026-10) ``GET /api/auth/methods`` (API key only, no sign-in needed): the sign-in
        methods this application offers (``methods.enabled("totp")``)."""
        self._require("list_auth_methods")
        from paywire_gen_spaps_2026_10.api.auth import list_auth_methods as new

        data = yield from self._get_data(new, new.build_request(), auth="key")
        return AuthMethods.from_dict(data)

    @operation
    def get_current_user(self) -> Flow[CurrentUser]:
        """``GET /api/auth/user``: the signed-in user's profile."""
        # shape-alike with sessions.get_current_session: another operation (see _base.py)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.auth import get_current_user as old
            data = yield from self._get_data(old, old.build_request())
        else:
            from paywire_gen_spaps_2026_10.api.auth import get_current_user as new
            data = yield from self._get_data(new, new.build_request())
        user = data.get("user")
        return CurrentUser.from_dict(user if isinstance(user, dict) else data)

    @operation
    def sign_out(self) -> Flow[MessageResult]:
        """``POST /api/auth/logout``, then forget the stored tokens (locally even if it fails)."""
        tokens: TokenManager = self._client._tokens
        if tokens.current() is None:
            return MessageResult(message="not signed in")
        try:
            if self._seed:
                from paywire_gen_spaps_2025_11.api.auth import logout as old
                resp = yield from self._call(old, old.build_request(), auth="bearer")
            else:
                from paywire_gen_spaps_2026_10.api.auth import logout as new
                resp = yield from self._call(new, new.build_request(), auth="bearer")
        except Exception:
            yield from tokens.clear_flow()
            raise
        except BaseException:  # interrupted: no more effects can run, clear right here
            tokens.clear()
            raise
        yield from tokens.clear_flow()
        body = _json(resp, self._errors)
        return MessageResult(message=_message(body), raw=body if isinstance(body, dict) else {})

    @operation
    def logout(self) -> Flow[MessageResult]:
        """The 0.1.4 name of :meth:`sign_out`."""
        return (yield from type(self).sign_out.fn(self))

    @operation
    def request_password_reset(self, email: str, redirect_url: str | None = None) -> Flow[EmailSent]:
        """``POST /api/auth/password-reset`` (same answer whether or not the account exists)."""
        address, redirect = v.email(email), v.optional_url(redirect_url, "redirect_url")
        # shape-alike with confirm_password_reset: another operation and request model
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import request_password_reset as old

            resp = yield from self._call(old, old.build_request(body=m25.PasswordResetRequest(
                email=address, redirect_url=redirect)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import request_password_reset as new

            resp = yield from self._call(new, new.build_request(body=m26.PasswordResetRequest(
                email=address, redirect_url=redirect)), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def confirm_password_reset(self, token: str, new_password: str) -> Flow[MessageResult]:
        """``POST /api/auth/reset-password-confirm``."""
        register_secret(v.secret(token, "token"))
        register_secret(v.secret(new_password, "new_password"))
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.auth import confirm_password_reset as old

            resp = yield from self._call(old, old.build_request(body=m25.ConfirmPasswordResetRequest(
                token=token, new_password=new_password)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.auth import confirm_password_reset as new

            resp = yield from self._call(new, new.build_request(body=m26.ConfirmPasswordResetRequest(
                token=token, new_password=new_password)), auth="key")
        body_json = _json(resp, self._errors)
        return MessageResult(message=_message(body_json), raw=body_json if isinstance(body_json, dict) else {})

    # -- local (no HTTP) ------------------------------------------------------------------------------
    def get_stored_tokens(self) -> StoredTokens | None:
        """The tokens in the store (0.1.4 name)."""
        stored: StoredTokens | None = self._client._tokens.current()
        return stored

    def clear_stored_tokens(self) -> None:
        """Forget the stored tokens without calling the server (0.1.4 name)."""
        self._client._tokens.clear()


def _email_sent(body: Any) -> EmailSent:
    data = _data(body)
    return EmailSent(message=_message(body), email=data.get("email") if isinstance(data.get("email"), str) else None,
                     sent_at=data.get("sent_at") if isinstance(data.get("sent_at"), str) else None,
                     raw=body if isinstance(body, dict) else {})


class SyncAuth(_AuthOps, SyncResource):
    pass


class AsyncAuth(_AuthOps, AsyncResource):
    pass

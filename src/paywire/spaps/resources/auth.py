"""``spaps.auth``: sign-in (password, wallet, magic link, MFA), registration, refresh, sign-out,
password resets, the session context and the auth methods; the tokens an answer carries are
stored."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import httpx

from paywire._core import AsyncResource, Flow, SyncResource, ValidationError, operation, register_secret
from paywire.spaps import _validate as v
from paywire.spaps.errors import AUTH_ERRORS, NotSignedInError
from paywire.spaps.models import (
    AuthResult,
    AuthUser,
    CurrentUser,
    EmailSent,
    MessageResult,
    MfaChallenge,
    NonceResult,
    SpapsModel,
)
from paywire.spaps.resources._base import _data, _json, _message, _Ops, _pick
from paywire.spaps.tokens import StoredTokens, TokenManager


def _auth_result(body: Any, now: float, *, nested: bool = False) -> AuthResult:
    """Tokens and user at the top level, inside ``data``, or ``data`` itself a token pair.

    ``nested`` (2026-10): ``message``/``user``/``tokens`` are read from ``data`` first (the
    production envelope), the top level only as a fallback.
    """
    if nested:
        data = _data(body)
        tokens = data.get("tokens")
        if not isinstance(tokens, dict):
            tokens = data if "access_token" in data else _pick(body, "tokens")
        user = data.get("user") if isinstance(data.get("user"), dict) else _pick(body, "user")
        message = data.get("message") if isinstance(data.get("message"), str) else _message(body)
    else:
        tokens = _pick(body, "tokens")
        if not isinstance(tokens, dict):
            data = _data(body)
            tokens = data if "access_token" in data else None
        user = _pick(body, "user")
        message = _message(body)
    kwargs: dict[str, Any] = {"message": message, "raw": body if isinstance(body, dict) else {}}
    if isinstance(user, dict):
        kwargs["user"] = AuthUser.from_dict(user)
    if isinstance(tokens, dict) and isinstance(tokens.get("access_token"), str):
        access = tokens["access_token"]
        refresh = tokens.get("refresh_token") if isinstance(tokens.get("refresh_token"), str) else None
        register_secret(access)
        register_secret(refresh)
        stored = StoredTokens.from_expires_in(access, refresh, tokens.get("expires_in"),
                                              tokens.get("token_type") if isinstance(tokens.get("token_type"), str) else None,
                                              now=now)
        expires_in = tokens.get("expires_in")
        kwargs.update(access_token=access, refresh_token=refresh, token_type=stored.token_type,
                      expires_at=stored.expires_at,
                      expires_in=expires_in if isinstance(expires_in, int) and not isinstance(expires_in, bool) else None)
    return AuthResult(**kwargs)


# --- results of the 2026-10 additions (models.py is where they belong once the facade settles) -----
@dataclass(frozen=True, slots=True, kw_only=True)
class SessionContextWallet(SpapsModel):
    id: str | None = None
    wallet_address: str = ""
    chain_type: str | None = None
    is_primary: bool | None = None
    verified_at: str | None = None
    created_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionContext(SpapsModel):
    """(2026-10) ``get_session_context``: the signed-in user's bootstrap payload."""

    user: CurrentUser = field(default_factory=CurrentUser)
    entitlements: list[dict[str, Any]] = field(default_factory=list)
    entitlements_count: int = 0
    wallets: list[SessionContextWallet] = field(default_factory=list)
    tier: str | None = None
    mfa_enrolled: bool = False
    methods_hint: str | None = None
    application_capabilities: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthMethod(SpapsModel):
    """One sign-in method the application offers (``enabled``), or why not (``setup_reason``)."""

    method: str = ""
    enabled: bool = False
    allowed: bool | None = None
    configured: bool | None = None
    ready: bool | None = None
    setup_reason: str | None = None
    config: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthMethods(SpapsModel):
    """(2026-10) ``list_auth_methods``: ``methods``, and ``enabled("totp")`` to ask about one."""

    methods: list[AuthMethod] = field(default_factory=list)

    def enabled(self, method: str) -> bool:
        return any(m.method == method and m.enabled for m in self.methods)


# --- auth -------------------------------------------------------------------------------------------
class _AuthOps(_Ops):
    _errors = AUTH_ERRORS
    _resource = "auth"

    def _signed_in(self, resp: httpx.Response) -> Flow[AuthResult]:
        """Parse an auth result and store its tokens (if any; the async driver waits for a
        shared store's lock without blocking the event loop)."""
        tokens: TokenManager = self._client._tokens
        result = _auth_result(_json(resp, self._errors), tokens.clock(), nested=self._contract.has("nested_auth"))
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
        gen = self._gen("request_nonce")
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        body = self._model("NonceRequest", wallet_address=v.wallet_address(wallet_address),
                           chain_type=self._enum("NonceRequestChainType", chain_name))
        data = yield from self._get_data(gen, gen._get_kwargs(body=body), auth="key")
        return NonceResult.from_dict(data)

    @operation
    def verify_wallet(self, wallet_address: str, signature: str, message: str, chain: str | None = None, *,
                      chain_type: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/wallet-sign-in`` with the signed nonce message; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back and nothing is stored)."""
        gen = self._gen("wallet_sign_in", "verify_wallet")
        chosen = chain_type if chain_type is not None else chain
        chain_name = None if chosen is None else v.chain(chosen, "chain_type" if chain_type is not None else "chain")
        address = v.wallet_address(wallet_address)
        register_secret(v.secret(signature, "signature"))
        body = self._model("WalletSignInRequest", wallet_address=address, signature=signature,
                           message=v.secret(message, "message"),
                           chain_type=self._enum("WalletSignInRequestChainType", chain_name))
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return (yield from self._signed_in_or_challenge(resp))

    @operation
    def sign_in_with_password(self, email: str, password: str) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/login``; tokens are stored (2026-10: or an :class:`MfaChallenge`
        comes back and nothing is stored)."""
        gen = self._gen("sign_in_with_password")
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        resp = yield from self._call(gen, gen._get_kwargs(body=self._model("LoginRequest", email=address, password=password)),
                                     auth="key")
        return (yield from self._signed_in_or_challenge(resp))

    @operation
    def refresh_tokens(self, refresh_token: str | None = None) -> Flow[AuthResult]:
        """``POST /api/auth/refresh`` (the stored refresh token by default); new tokens are stored.

        Refresh happens automatically when the stored access token expires or is rejected; call
        this only to rotate on your own schedule. An answer without a new refresh token keeps
        the one used.
        """
        gen = self._gen("refresh_tokens")
        if refresh_token is None:
            stored = self._client._tokens.require()
            if not stored.refresh_token:
                raise NotSignedInError("no refresh token stored: sign in again")
            refresh_token = stored.refresh_token
        register_secret(v.secret(refresh_token, "refresh_token"))
        # retry_safe: inside the server's reuse interval a resent refresh token answers with the
        # current pair (see the refresh operation in the SPAPS specs), so a lost answer is retried
        resp = yield from self._call(gen, gen._get_kwargs(body=self._model("RefreshRequest", refresh_token=refresh_token)),
                                     auth="key", retry_safe=True)
        result = _auth_result(_json(resp, self._errors), self._client._tokens.clock(),
                              nested=self._contract.has("nested_auth"))
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
        gen = self._gen("register")
        self._feature("auth_extras", "register", ref=ref, referral_click_id=referral_click_id)
        address = v.email(email)
        register_secret(v.secret(password, "password"))
        body = self._model("RegisterRequest", email=address, password=password,
                           username=v.optional_text(username, "username", max_length=200),
                           phone_number=v.optional_text(phone_number, "phone_number", max_length=40),
                           ref=v.optional_text(ref, "ref", max_length=200),
                           referral_click_id=v.optional_text(referral_click_id, "referral_click_id", max_length=200))
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return (yield from self._signed_in(resp))

    @operation
    def send_magic_link(self, email: str, *, confirm_url: str | None = None) -> Flow[EmailSent]:
        """``POST /api/auth/magic-link``: email a sign-in link (2026-10: ``confirm_url`` is the
        landing page the link points at)."""
        gen = self._gen("send_magic_link")
        self._feature("auth_extras", "send_magic_link", confirm_url=confirm_url)
        body = self._model("MagicLinkRequest", email=v.email(email), confirm_url=v.optional_url(confirm_url, "confirm_url"))
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def verify_magic_link(self, token: str, type: str = "magiclink", *,
                          state: str | None = None) -> Flow[AuthResult | MfaChallenge]:
        """``POST /api/auth/verify-magic-link``: exchange the link's token; tokens are stored
        (2026-10: or an :class:`MfaChallenge` comes back; ``state`` is echoed to the server)."""
        gen = self._gen("verify_magic_link")
        self._feature("auth_extras", "verify_magic_link", state=state)
        register_secret(v.secret(token, "token"))
        body = self._model("VerifyMagicLinkRequest", token=token, type_=v.text(type, "type", max_length=40),
                           state=v.optional_text(state, "state", max_length=2048))
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return (yield from self._signed_in_or_challenge(resp))

    @operation
    def set_password(self, new_password: str, current_password: str | None = None) -> Flow[MessageResult]:
        """(2026-10) ``POST /api/auth/set-password``: set a first password (wallet or magic-link
        users) or change it (``current_password`` required then). The user's other sessions are
        revoked; this client stays signed in."""
        gen = self._gen("set_password")
        register_secret(v.secret(new_password, "new_password"))
        if current_password is not None:
            register_secret(v.secret(current_password, "current_password"))
        body = self._model("SetPasswordRequest", new_password=new_password, current_password=current_password)
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="bearer")
        body_json = _json(resp, self._errors)
        return MessageResult(message=_message(body_json), raw=body_json if isinstance(body_json, dict) else {})

    @operation
    def verify_mfa(self, challenge: MfaChallenge, code: str | None = None, *,
                   recovery_code: str | None = None) -> Flow[AuthResult]:
        """(2026-10) ``POST /api/auth/mfa/verify``: complete the :class:`MfaChallenge` a sign-in
        returned with exactly one of ``code`` (the authenticator's) and ``recovery_code``; the
        tokens are stored as after any sign-in. ``result.raw["data"]["mfa_method"]`` says which
        factor passed. A wrong code is :class:`~paywire.spaps.errors.AuthenticationError` (401)."""
        gen = self._gen("verify_mfa")
        if not isinstance(challenge, MfaChallenge):
            raise ValidationError("challenge must be the MfaChallenge a sign-in returned", field="challenge")
        if (code is None) == (recovery_code is None):
            raise ValidationError("give exactly one of code and recovery_code", field="code")
        register_secret(v.secret(challenge.challenge, "challenge"))
        if code is not None:
            register_secret(v.secret(code, "code"))
        if recovery_code is not None:
            register_secret(v.secret(recovery_code, "recovery_code"))
        body = self._model("MfaVerifyRequest", challenge_id=v.text(challenge.challenge_id, "challenge_id"),
                           challenge=challenge.challenge, code=code, recovery_code=recovery_code)
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return (yield from self._signed_in(resp))

    @operation
    def get_session_context(self) -> Flow[SessionContext]:
        """(2026-10) ``GET /api/auth/session-context``: user, entitlements, wallets, tier and
        whether sign-in needs a second factor (``mfa_enrolled``), in one call."""
        gen = self._gen("get_session_context")
        data = yield from self._get_data(gen, gen._get_kwargs())
        return SessionContext.from_dict(data)

    @operation
    def list_auth_methods(self) -> Flow[AuthMethods]:
        """(2026-10) ``GET /api/auth/methods`` (API key only): the sign-in methods this
        application offers."""
        gen = self._gen("list_auth_methods")
        data = yield from self._get_data(gen, gen._get_kwargs(), auth="key")
        return AuthMethods.from_dict(data)

    @operation
    def get_current_user(self) -> Flow[CurrentUser]:
        """``GET /api/auth/user``: the signed-in user's profile."""
        gen = self._gen("get_current_user")
        data = yield from self._get_data(gen, gen._get_kwargs())
        user = data.get("user")
        return CurrentUser.from_dict(user if isinstance(user, dict) else data)

    @operation
    def sign_out(self) -> Flow[MessageResult]:
        """``POST /api/auth/logout``, then forget the stored tokens (locally even if it fails)."""
        gen = self._gen("logout", "sign_out")
        tokens: TokenManager = self._client._tokens
        if tokens.current() is None:
            return MessageResult(message="not signed in")
        try:
            resp = yield from self._call(gen, gen._get_kwargs(), auth="bearer")
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
        gen = self._gen("request_password_reset")
        body = self._model("PasswordResetRequest", email=v.email(email),
                           redirect_url=v.optional_url(redirect_url, "redirect_url"))
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
        return _email_sent(_json(resp, self._errors))

    @operation
    def confirm_password_reset(self, token: str, new_password: str) -> Flow[MessageResult]:
        """``POST /api/auth/reset-password-confirm``."""
        gen = self._gen("confirm_password_reset")
        register_secret(v.secret(token, "token"))
        register_secret(v.secret(new_password, "new_password"))
        body = self._model("ConfirmPasswordResetRequest", token=token, new_password=new_password)
        resp = yield from self._call(gen, gen._get_kwargs(body=body), auth="key")
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

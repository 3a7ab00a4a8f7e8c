"""SPAPS tag ``auth``: nonces and wallet sign-in, password sign-in, refresh, register, magic
links, the current user, logout and password resets (MFA and the session context:
:mod:`.auth_mfa`).

Where the pinned contracts differ: ``mfa`` (a user who must pass a second factor gets a
challenge instead of tokens), ``nested_auth`` (register / verify-magic-link nest message, user
and tokens in ``data``; the seed era can be switched to it with the ``set_auth_envelope``
control), ``auth_extras`` (referral on register, ``confirm_url`` on magic links) and
``user_roles`` (the answer's user carries roles and metadata).
"""

from __future__ import annotations

import secrets

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Body, Contract, ok, op
from paywire.sandbox.spaps.constants import MAGIC_LINK_TTL, NONCE_PREFIX, NONCE_TTL, PASSWORD_RESET_TTL
from paywire.sandbox.spaps.handlers.auth_mfa import mfa_challenge
from paywire.sandbox.spaps.passwords import check_password, hash_password
from paywire.sandbox.spaps.records import Nonce, User, Wallet
from paywire.sandbox.spaps.request_checks import (
    app_of,
    body_of,
    checked_email,
    checked_password,
    signed_in,
)
from paywire.sandbox.spaps.state import SpapsState, new_id, norm_address
from paywire.sandbox.spaps.views import auth_user_view, current_user_view
from paywire.sandbox.spaps.wallet_crypto import (
    ETH_ADDRESS_RE,
    is_solana_address,
    verify_ethereum_signature,
    verify_solana_signature,
)


def _auth_result(st: SpapsState, contract: Contract, message: str, user: User, tokens: Body | None,
                 status: int = 200) -> Reply:
    """register / verify-magic-link result in the contract's envelope (``nested_auth``), or on
    the seed era in the one the ``set_auth_envelope`` control chose (flat by default)."""
    if contract.has("nested_auth") or st.auth_envelope == "nested":
        data: Body = {"message": message, "user": auth_user_view(user, contract)}
        if tokens is not None:
            data["tokens"] = tokens
        return ok(data, status=status)
    if tokens is None:  # 0.1.4 fixture: {success, message, data:{user}}
        return ok({"user": auth_user_view(user, contract)}, message=message, status=status)
    return ok(None, message=message, status=status, tokens=tokens, user=auth_user_view(user, contract))


def _signed_in(ctx: Ctx, st: SpapsState, contract: Contract, user: User, app_id: str) -> Reply:
    """Tokens and user of a sign-in; with ``mfa``, a challenge instead (no session opened) for a
    user who must pass a second factor."""
    challenge = mfa_challenge(ctx, st, contract, user, app_id)
    if challenge is not None:
        return ok(challenge)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({**tokens, "user": auth_user_view(user, contract)})


def _chain_for(address: str, requested: str | None) -> str:
    chain = requested or ("ethereum" if ETH_ADDRESS_RE.match(address) else "solana")
    if chain == "ethereum" and not ETH_ADDRESS_RE.match(address):
        raise ApiError(400, "VALIDATION_ERROR", "wallet_address is not an Ethereum address")
    if chain == "solana" and not is_solana_address(address):
        raise ApiError(400, "VALIDATION_ERROR", "wallet_address is not a Solana address")
    return chain


@op("request_nonce")
def request_nonce(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    b = body_of(ctx)
    address = str(b["wallet_address"]).strip()
    chain = _chain_for(address, b.get("chain_type") or b.get("chain"))
    message = NONCE_PREFIX + secrets.token_hex(16)
    expires = ctx.clock.now() + NONCE_TTL
    st.nonces[(chain, norm_address(chain, address))] = Nonce(chain, address, message, expires)
    return ok({"nonce": message, "message": message, "wallet_address": address,
               "expires_at": ctx.clock.iso(expires), "chain_type": chain})


def wallet_user(ctx: Ctx, st: SpapsState) -> User:
    """The user a wallet sign-in proves (nonce message and signature checked; the nonce is spent
    whatever follows, a second factor included); the first sign-in of a wallet creates its user."""
    b = body_of(ctx)
    address = str(b["wallet_address"]).strip()
    chain = _chain_for(address, b.get("chain_type"))
    key = (chain, norm_address(chain, address))
    nonce = st.nonces.get(key)
    if nonce is None or nonce.message != b["message"] or ctx.clock.now() >= nonce.expires_at:
        raise ApiError(401, "INVALID_NONCE", "Unknown or expired nonce message; request a new nonce")
    valid = (verify_ethereum_signature(address, nonce.message, str(b["signature"])) if chain == "ethereum"
             else verify_solana_signature(address, nonce.message, str(b["signature"])))
    if not valid:
        raise ApiError(401, "INVALID_SIGNATURE", "Signature does not match the wallet address")
    del st.nonces[key]  # single use
    uid = st.wallet_index.get(key)
    if uid is None:
        return st._add_user(User(new_id("usr", 8), None, created_at=ctx.clock.now(),
                                 wallets=[Wallet(address, chain)]))
    return st.users[uid]


@op("wallet_sign_in")
def wallet_sign_in(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    return _signed_in(ctx, st, contract, wallet_user(ctx, st), app_id)


def password_user(ctx: Ctx, st: SpapsState) -> User:
    """The user whose email and password the sign-in body names (401 otherwise)."""
    b = body_of(ctx)
    user = st.user_by_email(str(b["email"]))
    if user is None or user.password_hash is None or not check_password(str(b["password"]), user.password_hash):
        raise ApiError(401, "INVALID_CREDENTIALS", "Invalid email or password")
    return user


@op("sign_in_with_password")
def sign_in_with_password(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    return _signed_in(ctx, st, contract, password_user(ctx, st), app_id)


@op("refresh_tokens")
def refresh_tokens(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    return ok(st.refresh(str(body_of(ctx)["refresh_token"])))


def register_user(st: SpapsState, b: Body) -> User:
    """The user a register body creates (email and password checked, the email not yet taken).
    While the sandbox requires email confirmation the user is unconfirmed and the confirmation
    link goes to the outbox."""
    email = checked_email(b["email"])
    password = checked_password(b["password"])
    if st.user_by_email(email):
        raise ApiError(400, "EMAIL_ALREADY_EXISTS", "An account with this email already exists")
    user = st.create_user(email, password, username=b.get("username"), phone_number=b.get("phone_number"),
                          email_confirmed=not st.require_email_confirmation)
    if st.require_email_confirmation:
        st.send_one_time_token("email_confirmation", email, MAGIC_LINK_TTL, "https://app.sandbox.invalid/confirm")
    return user


@op("register")
def register(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    b = body_of(ctx)
    user = register_user(st, b)
    if contract.has("auth_extras"):
        referral = {k: str(b[k]) for k in ("ref", "referral_click_id") if b.get(k)}
        if referral:
            user.metadata["referral"] = referral
    if st.require_email_confirmation:
        return _auth_result(st, contract, "Registration successful. Check your email to confirm your account.",
                            user, None, 201)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    del tokens["token_type"]  # register's tokens carry none (spaps.md §1.6)
    return _auth_result(st, contract, "Registration successful", user, tokens, 201)


@op("send_magic_link")
def send_magic_link(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    b = body_of(ctx)
    email = checked_email(b["email"])
    landing = (b.get("confirm_url") if contract.has("auth_extras") else None) or "https://app.sandbox.invalid/auth/magic"
    msg = st.send_one_time_token("magic_link", email, MAGIC_LINK_TTL, str(landing))
    return ok({"email": email, "sent_at": ctx.clock.iso(msg.sent_at)}, message="Magic link sent")


def magic_link_user(ctx: Ctx, st: SpapsState) -> User:
    """The user a magic-link (or email-confirmation) token names, now confirmed; the token is
    single use, and a link to an unknown email signs the user up."""
    record = st.consume_token(str(body_of(ctx)["token"]), ("magic_link", "email_confirmation"))
    if record is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid or expired magic link")
    user = st.user_by_email(record.email) or st.create_user(record.email)
    user.email_confirmed = True
    return user


@op("verify_magic_link")
def verify_magic_link(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    user = magic_link_user(ctx, st)
    challenge = mfa_challenge(ctx, st, contract, user, app_id)
    if challenge is not None:
        return ok(challenge)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return _auth_result(st, contract, "Signed in", user, tokens)


@op("get_current_user")
def get_current_user(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    return ok({"user": current_user_view(user)})


@op("logout")
def logout(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, _, session = signed_in(ctx, st)
    st.revoke_session(session.id)
    if st.auth_envelope == "nested":
        return ok({"message": "Logged out successfully"})
    return ok(None, message="Logged out successfully")


@op("request_password_reset")
def request_password_reset(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    b = body_of(ctx)
    email = checked_email(b["email"])
    now = ctx.clock.now()
    if st.user_by_email(email) is not None:  # same answer either way
        st.send_one_time_token("password_reset", email, PASSWORD_RESET_TTL,
                               str(b.get("redirect_url") or "https://app.sandbox.invalid/reset-password"))
    return ok({"email": email, "sent_at": ctx.clock.iso(now)},
              message="If an account with this email exists, a password reset link has been sent.")


@op("confirm_password_reset")
def confirm_password_reset(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    b = body_of(ctx)
    password = checked_password(b["new_password"])
    record = st.consume_token(str(b["token"]), ("password_reset",))
    user = st.user_by_email(record.email) if record else None
    if user is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid or expired reset token")
    user.password_hash = hash_password(password)
    st.revoke_user_sessions(user.id)
    return ok(None, message="Password has been reset successfully")


@op("set_password")
def set_password(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, session = signed_in(ctx, st)
    b = body_of(ctx)
    new_password = checked_password(b["new_password"])
    if user.password_hash is not None:
        current = b.get("current_password")
        if not current:
            raise ApiError(400, "VALIDATION_ERROR", "current_password is required to change an existing password")
        if not check_password(str(current), user.password_hash):
            raise ApiError(400, "INVALID_CREDENTIALS", "Current password is incorrect")
    user.password_hash = hash_password(new_password)
    for other in st.sessions.values():
        if other.user_id == user.id and other.id != session.id:
            other.revoked = True
    return ok({"message": "Password updated successfully"})  # under data, as today's server (decision 7)

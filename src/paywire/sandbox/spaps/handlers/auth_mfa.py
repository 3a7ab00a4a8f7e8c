"""SPAPS tag ``auth``, the second factor and the session context (operations of contracts with
``mfa``): the challenge a sign-in answers instead of tokens, ``verify_mfa``, the signed-in
bootstrap payload and the application's sign-in methods."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Body, Contract, ok, op
from paywire.sandbox.spaps.constants import AUTH_METHODS, MFA_CHALLENGE_TTL, MFA_METHODS
from paywire.sandbox.spaps.records import MfaChallenge, User
from paywire.sandbox.spaps.request_checks import app_of, body_of, signed_in
from paywire.sandbox.spaps.state import SpapsState, new_id, profile
from paywire.sandbox.spaps.views import auth_user_view, current_user_view


def mfa_challenge(ctx: Ctx, st: SpapsState, contract: Contract, user: User, app_id: str) -> Body | None:
    """The challenge body when the contract has ``mfa`` and the user must pass a second factor,
    else None."""
    if not contract.has("mfa"):
        return None
    prof = profile(st)
    if user.id not in prof.mfa_users:
        return None
    rec = MfaChallenge(new_id("mfa", 10), user.id, app_id, secrets.token_urlsafe(24), MFA_METHODS,
                       ctx.clock.now() + MFA_CHALLENGE_TTL, code=f"{secrets.randbelow(10**6):06d}")
    prof.challenges[rec.id] = rec
    return {"mfa_required": True, "challenge_id": rec.id, "challenge": rec.challenge,
            "expires_at": ctx.clock.iso(rec.expires_at), "methods": list(rec.methods)}


@op("verify_mfa")
def verify_mfa(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """Complete a sign-in's MFA challenge (decision 1): tokens and user, plus ``mfa_method``."""
    app_id = app_of(ctx, st)
    b = body_of(ctx)
    code, recovery = b.get("code"), b.get("recovery_code")
    if (code is None) == (recovery is None):
        raise ApiError(400, "VALIDATION_ERROR", "Provide exactly one of code or recovery_code")
    prof = profile(st)
    rec = prof.challenges.get(str(b["challenge_id"]))
    if rec is None or not hmac.compare_digest(rec.challenge, str(b["challenge"])) or rec.application_id != app_id:
        raise ApiError(401, "INVALID_MFA_CHALLENGE", "Unknown or already used MFA challenge")
    if ctx.clock.now() >= rec.expires_at:
        raise ApiError(401, "MFA_CHALLENGE_EXPIRED", "The MFA challenge expired; sign in again")
    user = st.users.get(rec.user_id)
    if user is None:
        raise ApiError(401, "INVALID_MFA_CHALLENGE", "Unknown or already used MFA challenge")
    codes = prof.recovery_codes.get(user.id, [])
    if code is not None:
        if not (rec.code and hmac.compare_digest(rec.code, str(code))):
            raise ApiError(401, "INVALID_MFA_CODE", "Invalid MFA code")
        method = "totp"
    else:
        if str(recovery) not in codes:
            raise ApiError(401, "INVALID_MFA_CODE", "Invalid or already used recovery code")
        codes.remove(str(recovery))
        method = "recovery_code"
    del prof.challenges[rec.id]  # single use
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({**tokens, "user": auth_user_view(user, contract), "mfa_method": method,
               "recovery_codes_remaining": len(codes), "assurance": "mfa"})


@op("get_session_context")
def get_session_context(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """The signed-in bootstrap payload (decision 12)."""
    _, user, _ = signed_in(ctx, st)
    wallets = [{"id": f"wal_{hashlib.sha256(w.address.encode()).hexdigest()[:12]}", "wallet_address": w.address,
                "chain_type": w.chain, "is_primary": i == 0, "verified_at": None,
                "created_at": ctx.clock.iso(user.created_at)} for i, w in enumerate(user.wallets)]
    return ok({"user": current_user_view(user), "entitlements": [], "entitlements_count": 0,
               "wallets": wallets, "tier": user.tier, "mfa_enrolled": user.id in profile(st).mfa_users,
               "methods_hint": "/api/auth/methods", "application_capabilities": []})


@op("list_auth_methods")
def list_auth_methods(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_of(ctx, st)
    return ok({"methods": [{"method": name, "enabled": enabled, "allowed": enabled, "configured": enabled,
                            "ready": enabled, "setup_reason": why, "config": {}}
                           for name, enabled, why in AUTH_METHODS]})

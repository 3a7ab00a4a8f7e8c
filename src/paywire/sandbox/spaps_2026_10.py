"""SPAPS sandbox, contract profile ``2026-10`` (``openapi/spaps/2026-10.yaml``).

SPAPS has no URL or header version: today's server answers some of the seed-era (0.1.4) calls
differently on the same ``/api/...`` paths. The sandbox models that as two *contract profiles*
of **one** server: the seed-era app :data:`paywire.sandbox.spaps.spaps` under ``/spaps`` and
this app, :data:`spaps_2026_10`, under ``/spaps-2026-10``. Both use ``state_key="spaps"``, so
they share one :class:`~paywire.sandbox.spaps.SpapsState`: a user registered through one
profile signs in through the other, a checkout created here is listed there, usage recorded
here counts against the limits the seed-era ``GET /api/usage/features`` reports, and so on.

Every operationId of the 2026-10 spec has a handler:

* **Unchanged operations** (:data:`REUSED_OPERATIONS`) are served by the very handler the
  seed-era app registered (``spaps.handlers[op_id]``).
* **Stripe lists and the session list** page by ``limit`` + ``offset``: the seed-era handler
  runs with ``limit = offset + limit`` and the page is cut here (:func:`offset_paged`); the
  session list lives at ``/api/sessions/``. The slashless ``/api/sessions`` has no route, so
  the sandbox's Starlette router answers it with **307** to the slash path, like the real
  (FastAPI) server.
* **Changed and new operations** have handlers below: MFA challenges on password, wallet and
  magic-link sign-in (:func:`require_mfa`, control ``POST /_sandbox/spaps-2026-10/require_mfa``),
  the nested ``data`` envelope of register and verify-magic-link, ``set-password``, checkout
  creation at ``POST /api/stripe/checkout-sessions`` with ``line_items``, ``Idempotency-Key``
  replays of guest checkout and crypto invoice creation, revoke answering 204, session
  validation with ``authority``, two-phase usage (authorize → record, idempotent by
  ``idempotency_key``) with status and per-event history, and pair-scoped secure messages
  with keyset paging and ``clientMessageId`` idempotency.
* The five legacy ``/api/payments/*`` stubs are not in this contract, so the sandbox has no
  route for them under ``/spaps-2026-10`` (404; the real server answers 501).

State that only this profile needs (MFA requirements and challenges, usage authorizations and
events, idempotency slots, message authorship) lives in a :class:`ProfileState` attached to the
shared state object (:func:`profile`), so a sandbox reset clears it and a snapshot carries it.

Usage limits: :data:`paywire.sandbox.spaps.FEATURE_CATALOG` tier limits apply to ``resource_type:
user`` on the feature's metered dimension (:data:`METERED_DIMENSIONS`, e.g. ``api_calls`` →
``calls``); other resource types are metered without limits. Usage recorded through the seed-era
``POST /api/usage/record`` counts as ``{<metered dimension>: quantity}``, and user events recorded
here are mirrored into the seed-era usage list.
"""

from __future__ import annotations

import base64
import binascii
import copy
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox import spaps as seed
from paywire.sandbox._framework import ApiError, Clock, Ctx, Reply
from paywire.sandbox.spaps import (
    DEFAULT_API_KEY,
    DEFAULT_APPLICATION_ID,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    DEFAULT_USER_PASSWORD,
    FEATURE_CATALOG,
    MAGIC_LINK_TTL,
    Body,
    SecureMessage,
    SpapsHandler,
    SpapsState,
    UsageEntry,
    User,
    _app,
    _auth,
    _bearer,
    _body,
    _checkout_url,
    _email,
    _new_checkout,
    _new_id,
    _password,
    _usage_period,
    as_reply,
    check_password,
    hash_password,
    magic_link_user,
    ok,
    password_user,
    register_user,
    wallet_user,
)

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_APPLICATION_ID",
    "DEFAULT_USER_EMAIL",
    "DEFAULT_USER_ID",
    "DEFAULT_USER_PASSWORD",
    "METERED_DIMENSIONS",
    "REUSED_OPERATIONS",
    "ProfileState",
    "profile",
    "require_mfa",
    "spaps_2026_10",
]

MFA_CHALLENGE_TTL = 300
MFA_METHODS = ("totp",)
RECOVERY_CODES = 8
USAGE_AUTHORIZATION_TTL = 900
USAGE_WARNING_RATIO = 0.8
USAGE_HISTORY_LIMIT = 50
SECURE_MESSAGES_LIMIT = 50
#: feature key -> the dimension its tier limit (FEATURE_CATALOG) applies to; other features
#: count a seed-era ``quantity`` as the dimension ``quantity``.
METERED_DIMENSIONS: dict[str, str] = {"api_calls": "calls", "storage_gb": "gb", "ai_tokens": "tokens"}


# --- profile-only state -----------------------------------------------------------------------
@dataclass
class MfaChallenge:
    id: str
    user_id: str
    application_id: str
    challenge: str = field(repr=False)
    methods: tuple[str, ...]
    expires_at: float
    #: the sandbox's stand-in for the user's authenticator app: the code it would show now
    #: (listed by GET /_sandbox/spaps-2026-10/mfa_challenges)
    code: str = field(default="", repr=False)


@dataclass
class UsageAuthorization:
    ref: str
    application_id: str
    feature_key: str
    resource_type: str
    resource_id: str | None
    subject_user_id: str | None
    decision: str
    expires_at: float


@dataclass
class UsageEvent:
    event_id: str
    application_id: str
    feature_key: str
    resource_type: str
    resource_id: str | None
    subject_user_id: str | None
    authorization_ref: str | None
    idempotency_key: str | None
    dimensions: dict[str, float]
    metadata: dict[str, Any] | None
    occurred_at: float
    recorded_at: float
    fingerprint: str = ""
    window_totals: dict[str, float] = field(default_factory=dict)


@dataclass
class Authorship:
    sender_user_id: str
    sender_role: str
    client_message_id: str | None
    fingerprint: str


@dataclass
class ProfileState:
    """What only the 2026-10 profile keeps, attached to one SpapsState (see :func:`profile`)."""

    mfa_users: set[str] = field(default_factory=set)
    #: user id -> unused recovery codes (handed out by the require_mfa control)
    recovery_codes: dict[str, list[str]] = field(default_factory=dict)
    challenges: dict[str, MfaChallenge] = field(default_factory=dict)
    authorizations: dict[str, UsageAuthorization] = field(default_factory=dict)
    events: list[UsageEvent] = field(default_factory=list)
    event_keys: dict[tuple[str, str], UsageEvent] = field(default_factory=dict)
    #: (scope, owner, Idempotency-Key) -> (request fingerprint, the original reply)
    idempotent: dict[tuple[str, str, str], tuple[str, Reply]] = field(default_factory=dict)
    authorship: dict[str, Authorship] = field(default_factory=dict)
    #: (application, sender, clientMessageId) -> message id
    client_message_ids: dict[tuple[str, str, str], str] = field(default_factory=dict)


PROFILE_KEY = "2026-10"


def profile(st: SpapsState) -> ProfileState:
    """The 2026-10 profile state of a SpapsState (created on first use; a reset starts afresh).

    It lives in the state object's ``profiles`` dict, so a snapshot of the state carries it."""
    with st.lock:
        prof = st.profiles.get(PROFILE_KEY)
        if prof is None:
            prof = st.profiles[PROFILE_KEY] = ProfileState()
        return prof


def _find_user(st: SpapsState, who: str) -> User:
    user = st.users.get(who) or st.user_by_email(who)
    if user is None:
        raise KeyError(f"no user {who!r}")
    return user


def require_mfa(st: SpapsState, who: str, required: bool = True) -> User:
    """Make sign-in of a user (email or user id) answer an MFA challenge on the 2026-10 profile.

    The seed-era profile ignores it: the 0.1.4 contract has no way to express a challenge.
    """
    with st.lock:
        user = _find_user(st, who)
        prof = profile(st)
        if required:
            prof.mfa_users.add(user.id)
            prof.recovery_codes.setdefault(user.id, [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}"
                                                     for _ in range(RECOVERY_CODES)])
        else:
            prof.mfa_users.discard(user.id)
            prof.recovery_codes.pop(user.id, None)
        return user


# --- the service app --------------------------------------------------------------------------
spaps_2026_10 = seed.service_app("spaps-2026-10", "/spaps-2026-10", "spaps/2026-10.yaml")

#: Operations whose wire contract did not change: served by the seed-era app's own handler.
REUSED_OPERATIONS = (
    "request_nonce", "refresh_tokens", "get_current_user", "logout", "request_password_reset",
    "confirm_password_reset", "get_current_session", "touch_session",
    "get_crypto_invoice", "get_crypto_invoice_status", "reconcile_crypto_payments",
    "get_checkout_session", "expire_checkout_session", "get_guest_checkout_session",
    "convert_guest_checkout_session", "get_product", "get_subscription", "cancel_subscription",
    "update_subscription", "get_payment_detail", "get_usage_features",
    "check_whitelist", "list_whitelist_entries", "add_whitelist_entry", "update_whitelist_entry",
    "remove_whitelist_entry", "get_health", "get_readiness", "get_prometheus_metrics", "get_metrics_json",
)
for _op_id in REUSED_OPERATIONS:
    spaps_2026_10.op(_op_id)(seed.spaps.handlers[_op_id])


def op(operation_id: str) -> Callable[[SpapsHandler], SpapsHandler]:
    """Register a handler on this profile, wrapped as the seed-era app's are (:func:`seed.op`)."""
    return seed.op(operation_id, spaps_2026_10)


def _fingerprint(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def _caller(ctx: Ctx, st: SpapsState) -> User | None:
    """The bearer's user when a bearer is sent (usage: key alone or key + bearer)."""
    return _auth(ctx, st)[1] if _bearer(ctx) is not None else None


def _idempotent(ctx: Ctx, st: SpapsState, scope: str, owner: str, create: Callable[[], Reply]) -> Reply:
    """``Idempotency-Key``: a repeat with the same body answers the original reply, else 409."""
    key = ctx.header("idempotency-key")
    if key is None:
        return create()
    slot = (scope, owner, key)
    fingerprint = _fingerprint(ctx.json)
    prof = profile(st)
    hit = prof.idempotent.get(slot)
    if hit is not None:
        if hit[0] != fingerprint:
            raise ApiError(409, "IDEMPOTENCY_CONFLICT", "Idempotency-Key was already used for a different request")
        return Reply(hit[1].status, copy.deepcopy(hit[1].body))
    reply = create()
    prof.idempotent[slot] = (fingerprint, Reply(reply.status, copy.deepcopy(reply.body)))
    return reply


def offset_paged(raw: SpapsHandler, list_key: str, **overrides: Any) -> SpapsHandler:
    """Serve a seed-era cursor list with ``limit`` + ``offset`` paging.

    The seed-era handler runs with ``limit = offset + limit`` and no cursor; the first ``offset``
    items are cut here, so ``has_more`` and totals stay the seed-era handler's own.
    """

    def handler(ctx: Ctx, st: SpapsState) -> Reply:
        limit = int(ctx.query.get("limit", 10))
        offset = int(ctx.query.get("offset", 0))
        query = {k: v for k, v in ctx.query.items() if k not in ("offset", "starting_after", "ending_before")}
        query["limit"] = str(offset + limit)
        reply = as_reply(raw(dataclasses.replace(ctx, query=query, query_list=list(query.items())), st))
        data = reply.body["data"]
        data[list_key] = data[list_key][offset:]
        data.update(overrides)
        return reply

    return handler


# --- auth -------------------------------------------------------------------------------------
def auth_user_view(user: User) -> Body:
    return {**seed.auth_user_view(user), "roles": ["user"], "permissions": [], "isAdmin": False,
            "metadata": dict(user.metadata)}


def _mfa_challenge(ctx: Ctx, st: SpapsState, user: User, app_id: str) -> Body | None:
    """The challenge body when the user must pass a second factor, else None (no session opened)."""
    prof = profile(st)
    if user.id not in prof.mfa_users:
        return None
    rec = MfaChallenge(_new_id("mfa", 10), user.id, app_id, secrets.token_urlsafe(24), MFA_METHODS,
                       ctx.clock.now() + MFA_CHALLENGE_TTL, code=f"{secrets.randbelow(10**6):06d}")
    prof.challenges[rec.id] = rec
    return {"mfa_required": True, "challenge_id": rec.id, "challenge": rec.challenge,
            "expires_at": ctx.clock.iso(rec.expires_at), "methods": list(rec.methods)}


def _sign_in(ctx: Ctx, st: SpapsState, user: User, app_id: str) -> Reply:
    challenge = _mfa_challenge(ctx, st, user, app_id)
    if challenge is not None:
        return ok(challenge)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({**tokens, "user": auth_user_view(user)})


@op("sign_in_with_password")
def sign_in_with_password(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    return _sign_in(ctx, st, password_user(ctx, st), app_id)


@op("wallet_sign_in")
def wallet_sign_in(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    return _sign_in(ctx, st, wallet_user(ctx, st), app_id)  # the nonce is spent also when a second factor follows


@op("register")
def register(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    b = _body(ctx)
    user = register_user(st, b)
    referral = {k: str(b[k]) for k in ("ref", "referral_click_id") if b.get(k)}
    if referral:
        user.metadata["referral"] = referral
    if st.require_email_confirmation:
        return ok({"message": "Registration successful. Check your email to confirm your account.",
                   "user": auth_user_view(user)}, status=201)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    del tokens["token_type"]  # register's tokens carry none
    return ok({"message": "Registration successful", "user": auth_user_view(user), "tokens": tokens}, status=201)


@op("send_magic_link")
def send_magic_link(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    b = _body(ctx)
    email = _email(b["email"])
    landing = str(b.get("confirm_url") or "https://app.sandbox.invalid/auth/magic")
    msg = st.send_one_time_token("magic_link", email, MAGIC_LINK_TTL, landing)
    return ok({"email": email, "sent_at": ctx.clock.iso(msg.sent_at)}, message="Magic link sent")


@op("verify_magic_link")
def verify_magic_link(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    user = magic_link_user(ctx, st)
    challenge = _mfa_challenge(ctx, st, user, app_id)
    if challenge is not None:
        return ok(challenge)
    tokens = st.issue_tokens(user, app_id, ctx.header("user-agent"))
    return ok({"message": "Signed in", "user": auth_user_view(user), "tokens": tokens})


@op("set_password")
def set_password(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, session = _auth(ctx, st)
    b = _body(ctx)
    new_password = _password(b["new_password"])
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


@op("verify_mfa")
def verify_mfa(ctx: Ctx, st: SpapsState) -> Reply:
    """Complete a sign-in's MFA challenge (decision 1): tokens and user, plus ``mfa_method``."""
    app_id = _app(ctx, st)
    b = _body(ctx)
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
    return ok({**tokens, "user": auth_user_view(user), "mfa_method": method,
               "recovery_codes_remaining": len(codes), "assurance": "mfa"})


@op("get_session_context")
def get_session_context(ctx: Ctx, st: SpapsState) -> Reply:
    """The signed-in bootstrap payload (decision 12)."""
    _, user, _ = _auth(ctx, st)
    wallets = [{"id": f"wal_{hashlib.sha256(w.address.encode()).hexdigest()[:12]}", "wallet_address": w.address,
                "chain_type": w.chain, "is_primary": i == 0, "verified_at": None,
                "created_at": ctx.clock.iso(user.created_at)} for i, w in enumerate(user.wallets)]
    return ok({"user": seed.current_user_view(user), "entitlements": [], "entitlements_count": 0,
               "wallets": wallets, "tier": user.tier, "mfa_enrolled": user.id in profile(st).mfa_users,
               "methods_hint": "/api/auth/methods", "application_capabilities": []})


#: (method, enabled, why not) — what the sandbox's application offers (decision 13)
AUTH_METHODS: tuple[tuple[str, bool, str | None], ...] = (
    ("password", True, None), ("magic_link", True, None), ("wallet", True, None), ("totp", True, None),
    ("sms", False, "no SMS provider configured in the sandbox"),
    ("webauthn", False, "no relying party configured in the sandbox"),
    ("oidc", False, "no identity provider configured in the sandbox"),
)


@op("list_auth_methods")
def list_auth_methods(ctx: Ctx, st: SpapsState) -> Reply:
    _app(ctx, st)
    return ok({"methods": [{"method": name, "enabled": enabled, "allowed": enabled, "configured": enabled,
                            "ready": enabled, "setup_reason": why, "config": {}}
                           for name, enabled, why in AUTH_METHODS]})


# --- sessions ---------------------------------------------------------------------------------
@op("validate_session")
def validate_session(ctx: Ctx, st: SpapsState) -> Reply:
    reply = as_reply(seed.validate_session(ctx, st))  # 403 SESSION_REVOKED, renewal: unchanged
    token = _bearer(ctx) or ""
    record = st.access_tokens[token]
    session_reply = as_reply(seed.get_current_session(ctx, st))
    data = reply.body["data"]
    data["reason"] = None
    data["session"] = session_reply.body["data"]["session"]
    session = st.sessions[record.session_id]
    data["authority"] = {
        "user_id": record.user_id, "application_id": session.application_id, "session_id": session.id,
        "access_jti": "jti_" + hashlib.sha256(token.encode()).hexdigest()[:24],
        "access_expires_at": ctx.clock.iso(record.expires_at),
    }
    return reply


op("list_sessions")(offset_paged(seed.list_sessions, "sessions"))


@op("revoke_session")
def revoke_session(ctx: Ctx, st: SpapsState) -> Reply:
    seed.revoke_session(ctx, st)  # 404 SESSION_NOT_FOUND and the revocation itself: unchanged
    return Reply(204)


# --- stripe and crypto ------------------------------------------------------------------------
@op("create_checkout_session")
def create_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    b = _body(ctx)
    if b.get("trial_period_days") is not None and b["mode"] != "subscription":
        raise ApiError(400, "VALIDATION_ERROR", "trial_period_days needs mode subscription")
    items = [(str(i["price_id"]), int(i.get("quantity", 1))) for i in b["line_items"]]
    cs = _new_checkout(st, ctx, app_id, user, False, b, items)
    if b.get("require_legal_consent"):
        cs.metadata["legal_consent_text"] = str(
            b.get("legal_consent_text") or "I agree to the Terms of Service and Privacy Policy.")
    url = _checkout_url(cs)
    return ok({"id": cs.id, "url": url, "session_id": cs.id, "checkout_url": url, "expires_at": int(cs.expires_at)})


op("list_checkout_sessions")(offset_paged(seed.list_checkout_sessions, "sessions", next_cursor=None))
op("list_guest_checkout_sessions")(offset_paged(seed.list_guest_checkout_sessions, "sessions"))
op("list_products")(offset_paged(seed.list_products, "products"))
op("list_subscriptions")(offset_paged(seed.list_subscriptions, "subscriptions"))
op("list_payment_history")(offset_paged(seed.list_payment_history, "payments"))


@op("create_guest_checkout_session")
def create_guest_checkout_session(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    b = _body(ctx)
    if b.get("trial_period_days") is not None and b.get("mode") != "subscription":
        raise ApiError(400, "VALIDATION_ERROR", "trial_period_days needs mode subscription")
    return _idempotent(ctx, st, "guest_checkout", app_id,
                       lambda: as_reply(seed.create_guest_checkout_session(ctx, st)))


@op("create_crypto_invoice")
def create_crypto_invoice(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = _auth(ctx, st)
    return _idempotent(ctx, st, "crypto_invoice", user.id, lambda: as_reply(seed.create_crypto_invoice(ctx, st)))


# --- usage ------------------------------------------------------------------------------------
def _metered_dimension(feature_key: str) -> str:
    return METERED_DIMENSIONS.get(feature_key, "quantity")


def _resource(st: SpapsState, caller: User | None, resource_type: str, resource_id: Any,
              subject_user_id: Any) -> tuple[str | None, str | None]:
    """(resource id, subject user id) after the defaults and checks of decision 3."""
    rid = str(resource_id) if resource_id else None
    subject = str(subject_user_id) if subject_user_id else (caller.id if caller else None)
    if resource_type == "user":
        rid = rid or (caller.id if caller else None)
        if rid is None:
            raise ApiError(400, "VALIDATION_ERROR", "resource_id is required for resource_type user without a bearer")
        if caller is not None and rid != caller.id:
            raise ApiError(403, "FORBIDDEN", "A signed-in user can only meter their own usage")
        if rid not in st.users:
            raise ApiError(404, "NOT_FOUND", "No such user")
    elif resource_type in ("company", "org") and rid is None:
        raise ApiError(400, "VALIDATION_ERROR", f"resource_id is required for resource_type {resource_type}")
    return rid, subject


def _window(st: SpapsState, clock: Clock) -> tuple[float, float, Body]:
    start, end = _usage_period(st)
    return start, end, {"window_key": f"period:{clock.iso(start)}", "starts_at": clock.iso(start),
                        "ends_at": clock.iso(end)}


def _all_events(st: SpapsState) -> list[UsageEvent]:
    """Events recorded here plus seed-era records (user resources, ``{<metered dim>: quantity}``)."""
    prof = profile(st)
    mine = {e.event_id for e in prof.events}
    legacy = [UsageEvent(e.record_id, "", e.feature, "user", e.user_id, e.user_id, None, None,
                         {_metered_dimension(e.feature): e.quantity}, e.metadata, e.at, e.recorded_at)
              for e in st.usage if e.record_id not in mine]
    return [*prof.events, *legacy]


def _same_resource(ev: UsageEvent, app_id: str, resource_type: str, resource_id: str | None) -> bool:
    if ev.resource_type != resource_type or ev.resource_id != resource_id:
        return False
    return resource_type == "user" or ev.application_id == app_id  # users are metered across apps


def _totals(st: SpapsState, clock: Clock, app_id: str, feature_key: str, resource_type: str,
            resource_id: str | None) -> dict[str, float]:
    start, end, _ = _window(st, clock)
    totals: dict[str, float] = {}
    for ev in _all_events(st):
        if ev.feature_key == feature_key and _same_resource(ev, app_id, resource_type, resource_id) \
                and start <= ev.occurred_at < end:
            for name, amount in ev.dimensions.items():
                totals[name] = totals.get(name, 0.0) + amount
    return totals


def _decide(ctx: Ctx, st: SpapsState, app_id: str, feature_key: str, resource_type: str, resource_id: str | None,
            subject: str | None, requested: dict[str, float]) -> Body:
    totals = _totals(st, ctx.clock, app_id, feature_key, resource_type, resource_id)
    user = st.users.get(resource_id or "") if resource_type == "user" else None
    limit = seed._feature_limit(feature_key, user.tier) if user is not None else None
    dim = _metered_dimension(feature_key)
    decision, reasons, warnings = "allowed", [], []
    remaining: dict[str, float] | None = None
    if limit is not None:
        used = totals.get(dim, 0.0)
        after = used + requested.get(dim, 0.0)
        remaining = {dim: max(0.0, limit - used)}
        details = {"dimension": dim, "used": used, "requested": requested.get(dim, 0.0), "limit": limit}
        if after > limit or used >= limit:
            decision = "blocked"
            reasons.append({"code": "LIMIT_EXCEEDED", "details": details,
                            "message": f"{feature_key}.{dim} would reach {after:g} of {limit:g}"})
        elif after >= USAGE_WARNING_RATIO * limit:
            decision = "allowed_with_warning"
            text = f"{round(100 * after / limit)}% of the {feature_key}.{dim} limit used"
            warnings.append(text)
            reasons.append({"code": "LIMIT_NEARLY_REACHED", "message": text, "details": details})
    _, _, window = _window(st, ctx.clock)
    return {
        "decision": decision, "feature_key": feature_key, "resource_type": resource_type,
        "resource_id": resource_id, "subject_user_id": subject,
        "active_entitlements": [f"tier:{user.tier}"] if user is not None else [],
        "policy_key": f"tier:{user.tier}" if user is not None and feature_key in FEATURE_CATALOG else None,
        "window": window, "window_totals": totals, "remaining": remaining, "reasons": reasons, "warnings": warnings,
    }


def _dimensions(value: Any) -> dict[str, float]:
    dims = {str(k): float(v) for k, v in (value or {}).items()}
    if any(v < 0 for v in dims.values()):
        raise ApiError(400, "VALIDATION_ERROR", "dimensions must not be negative")
    return dims


@op("authorize_usage")
def authorize_usage(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    caller = _caller(ctx, st)
    b = _body(ctx)
    feature_key, resource_type = str(b["feature_key"]), str(b["resource_type"])
    rid, subject = _resource(st, caller, resource_type, b.get("resource_id"), b.get("subject_user_id"))
    status = _decide(ctx, st, app_id, feature_key, resource_type, rid, subject, _dimensions(b.get("dimensions")))
    auth = UsageAuthorization(_new_id("uauth", 12), app_id, feature_key, resource_type, rid, subject,
                              status["decision"], ctx.clock.now() + USAGE_AUTHORIZATION_TTL)
    profile(st).authorizations[auth.ref] = auth
    return ok({**status, "authorization_ref": auth.ref, "expires_at": ctx.clock.iso(auth.expires_at)})


def _record_view(ev: UsageEvent, clock: Clock, *, replayed: bool) -> Body:
    return {"event_id": ev.event_id, "status": "replayed" if replayed else "recorded", "replayed": replayed,
            "idempotency_key": ev.idempotency_key, "authorization_ref": ev.authorization_ref,
            "recorded_at": clock.iso(ev.recorded_at), "window_totals": dict(ev.window_totals)}


@op("record_usage")
def record_usage(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    caller = _caller(ctx, st)
    b = _body(ctx)
    prof = profile(st)
    key = str(b["idempotency_key"])
    fingerprint = _fingerprint(b)
    previous = prof.event_keys.get((app_id, key))
    if previous is not None:
        if previous.fingerprint != fingerprint:
            raise ApiError(409, "USAGE_IDEMPOTENCY_CONFLICT", "idempotency_key was already used for a different record")
        return ok(_record_view(previous, ctx.clock, replayed=True))
    feature_key, resource_type = str(b["feature_key"]), str(b["resource_type"])
    rid, subject = _resource(st, caller, resource_type, b.get("resource_id"), b.get("subject_user_id"))
    auth = prof.authorizations.get(str(b["authorization_ref"]))
    if auth is None or auth.application_id != app_id or (auth.feature_key, auth.resource_type, auth.resource_id) \
            != (feature_key, resource_type, rid):
        raise ApiError(400, "USAGE_AUTHORIZATION_INVALID", "authorization_ref does not authorize this feature and resource")
    if ctx.clock.now() >= auth.expires_at:
        raise ApiError(400, "USAGE_AUTHORIZATION_EXPIRED", "authorization_ref has expired; authorize again")
    if auth.decision not in ("allowed", "allowed_with_warning"):
        raise ApiError(403, "USAGE_BLOCKED", f"the authorization was {auth.decision}")
    if not b.get("subject_user_id"):
        subject = auth.subject_user_id  # the actor named when the work was authorized
    now = ctx.clock.now()
    occurred = now
    if b.get("occurred_at"):
        try:
            occurred = dt.datetime.fromisoformat(str(b["occurred_at"]).replace("Z", "+00:00")).timestamp()
        except ValueError as exc:
            raise ApiError(400, "VALIDATION_ERROR", "occurred_at must be ISO-8601") from exc
    dims = _dimensions(b["dimensions"])
    ev = UsageEvent(_new_id("uevt", 12), app_id, feature_key, resource_type, rid, subject, auth.ref, key, dims,
                    b.get("metadata"), occurred, now, fingerprint)
    prof.events.append(ev)
    prof.event_keys[(app_id, key)] = ev
    dim = _metered_dimension(feature_key)
    if resource_type == "user" and rid is not None and dim in dims:  # the seed-era view counts it too
        st.usage.append(UsageEntry(ev.event_id, rid, feature_key, dims[dim], occurred, now, ev.metadata))
    ev.window_totals = _totals(st, ctx.clock, app_id, feature_key, resource_type, rid)
    return ok(_record_view(ev, ctx.clock, replayed=False))


@op("get_usage_status")
def get_usage_status(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    caller = _caller(ctx, st)
    q = ctx.query
    rid, subject = _resource(st, caller, q["resource_type"], q.get("resource_id"), q.get("subject_user_id"))
    return ok(_decide(ctx, st, app_id, q["feature_key"], q["resource_type"], rid, subject, {}))


def _event_view(ev: UsageEvent, clock: Clock) -> Body:
    return {"event_id": ev.event_id, "feature_key": ev.feature_key, "resource_type": ev.resource_type,
            "resource_id": ev.resource_id, "subject_user_id": ev.subject_user_id,
            "authorization_ref": ev.authorization_ref, "idempotency_key": ev.idempotency_key,
            "dimensions": dict(ev.dimensions), "metadata": ev.metadata,
            "occurred_at": clock.iso(ev.occurred_at), "recorded_at": clock.iso(ev.recorded_at)}


@op("get_usage_history")
def get_usage_history(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = _app(ctx, st)
    caller = _caller(ctx, st)
    q = ctx.query
    events = [ev for ev in _all_events(st) if ev.resource_type == "user" or ev.application_id == app_id]
    if caller is not None:  # a user sees their own usage only
        events = [ev for ev in events if caller.id in (ev.subject_user_id, ev.resource_id if ev.resource_type == "user"
                                                       else None)]
    for name in ("feature_key", "resource_type", "resource_id", "subject_user_id"):
        if q.get(name):
            events = [ev for ev in events if getattr(ev, name) == q[name]]
    events.sort(key=lambda ev: (ev.occurred_at, ev.recorded_at, ev.event_id), reverse=True)
    limit = int(q.get("limit", USAGE_HISTORY_LIMIT))
    offset = int(q.get("offset", 0))
    page = events[offset:offset + limit]
    has_more = len(events) > offset + limit
    return ok({"events": [_event_view(ev, ctx.clock) for ev in page], "has_more": has_more,
               "next_offset": offset + limit if has_more else None, "total": len(events)})


# --- secure messages --------------------------------------------------------------------------
def message_view(st: SpapsState, m: SecureMessage, clock: Clock) -> Body:
    """A message with its authorship; messages written through the seed-era profile have none."""
    a = profile(st).authorship.get(m.id)
    return {**seed.message_view(m, clock), "sender_user_id": a.sender_user_id if a else None,
            "sender_role": a.sender_role if a else None, "client_message_id": a.client_message_id if a else None}


def _participant_role(user: User, patient_id: str, practitioner_id: str) -> str:
    if user.id not in (patient_id, practitioner_id):
        raise ApiError(403, "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT", "The caller is not a participant of this conversation")
    if patient_id == practitioner_id:
        raise ApiError(400, "SECURE_MESSAGES_AMBIGUOUS_SENDER", "patientId and practitionerId must differ")
    return "patient" if user.id == patient_id else "practitioner"


@op("create_secure_message")
def create_secure_message(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    b = _body(ctx)
    patient, practitioner = str(b["patientId"]), str(b["practitionerId"])
    role = _participant_role(user, patient, practitioner)
    prof = profile(st)
    client_id = b.get("clientMessageId")
    fingerprint = _fingerprint([patient, practitioner, b["content"], b.get("metadata")])
    if client_id is not None:
        existing = prof.client_message_ids.get((app_id, user.id, str(client_id)))
        if existing is not None:
            if prof.authorship[existing].fingerprint != fingerprint:
                raise ApiError(409, "SECURE_MESSAGES_IDEMPOTENCY_CONFLICT",
                               "clientMessageId was already used for a different message")
            original = next(m for m in st.messages if m.id == existing)
            return ok(message_view(st, original, ctx.clock), status=201)
    msg = SecureMessage(_new_id("msg", 10), app_id, patient, practitioner, str(b["content"]), b.get("metadata"),
                        ctx.clock.now(), user.id)
    st.messages.append(msg)
    prof.authorship[msg.id] = Authorship(user.id, role, str(client_id) if client_id is not None else None, fingerprint)
    if client_id is not None:
        prof.client_message_ids[(app_id, user.id, str(client_id))] = msg.id
    return ok(message_view(st, msg, ctx.clock), status=201)


def _encode_cursor(m: SecureMessage) -> str:
    return base64.urlsafe_b64encode(json.dumps([m.created_at, m.id]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        created_at, msg_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return float(created_at), str(msg_id)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ApiError(400, "SECURE_MESSAGES_INVALID_CURSOR", "cursor was not issued by this server") from exc


@op("list_secure_messages")
def list_secure_messages(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = _auth(ctx, st)
    q = ctx.query
    offset = q.get("offset")
    if offset is not None and offset.strip() not in ("", "0"):
        raise ApiError(400, "SECURE_MESSAGES_OFFSET_UNSUPPORTED",
                       "offset paging is not supported; page with cursor / next_cursor")
    patient, practitioner = q["patientId"], q["practitionerId"]
    _participant_role(user, patient, practitioner)
    thread = sorted((m for m in st.messages if m.application_id == app_id and m.patient_id == patient
                     and m.practitioner_id == practitioner), key=lambda m: (m.created_at, m.id), reverse=True)
    if q.get("cursor"):
        after = _decode_cursor(q["cursor"])
        thread = [m for m in thread if (m.created_at, m.id) < after]
    limit = int(q.get("limit", SECURE_MESSAGES_LIMIT))
    page = thread[:limit]
    return ok({"messages": [message_view(st, m, ctx.clock) for m in page],
               "next_cursor": _encode_cursor(page[-1]) if len(thread) > limit else None})


# --- control plane: /_sandbox/spaps-2026-10/<action> ------------------------------------------
def _cbody(body: Any) -> Body:
    return body if isinstance(body, dict) else {}


@spaps_2026_10.control("require_mfa")
def control_require_mfa(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    required = bool(b.get("required", True))
    user = require_mfa(st, str(b.get("user_id") or b["email"]), required)
    codes = list(profile(st).recovery_codes.get(user.id, []))
    return {"user_id": user.id, "mfa_required": required, "recovery_codes": codes}


@spaps_2026_10.control("mfa_challenges", method="GET")
def control_mfa_challenges(st: SpapsState, body: Any) -> Any:
    # "code" is what the user's authenticator app would show: tests complete the challenge with it
    return {"challenges": [{"challenge_id": c.id, "user_id": c.user_id, "methods": list(c.methods),
                            "expires_at": st.clock.iso(c.expires_at), "code": c.code}
                           for c in profile(st).challenges.values()]}

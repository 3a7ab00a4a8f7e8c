"""SPAPS tag ``sessions``: the current session, validation (with renewal), the session list,
touch and revoke.

Where the pinned contracts differ: the list pages by cursor or by offset (``offset_paging``;
2026-10 serves it at ``/api/sessions/``, and the slashless path is answered 307 by the
router, like the real FastAPI server), ``session_authority`` (validate also answers the
session, a reason and the token's authority) and ``revoke_no_content`` (revoke answers 204).
"""

from __future__ import annotations

import hashlib

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Body, Contract, ok, op
from paywire.sandbox.spaps.constants import SESSION_RENEW_WINDOW, SESSION_TTL
from paywire.sandbox.spaps.paging import page_of
from paywire.sandbox.spaps.request_checks import bearer_of, signed_in
from paywire.sandbox.spaps.state import SpapsState
from paywire.sandbox.spaps.views import session_view


@op("get_current_session")
def get_current_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, s = signed_in(ctx, st)
    return ok({"session": session_view(user, s, ctx.clock)})


@op("validate_session")
def validate_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, s = signed_in(ctx, st, revoked_status=403)
    now = ctx.clock.now()
    renewed = s.expires_at - now < SESSION_RENEW_WINDOW
    if renewed:
        s.expires_at = now + SESSION_TTL
        for rt in st.refresh_tokens.values():
            if rt.session_id == s.id and not rt.rotated:
                rt.expires_at = s.expires_at
    s.last_activity = now
    data: Body = {"valid": True, "session_id": s.id, "expires_at": ctx.clock.iso(s.expires_at), "renewed": renewed}
    if contract.has("session_authority"):
        token = bearer_of(ctx) or ""
        record = st.access_tokens[token]
        data["reason"] = None
        data["session"] = session_view(user, s, ctx.clock)
        data["authority"] = {
            "user_id": record.user_id, "application_id": s.application_id, "session_id": s.id,
            "access_jti": "jti_" + hashlib.sha256(token.encode()).hexdigest()[:24],
            "access_expires_at": ctx.clock.iso(record.expires_at),
        }
    return ok(data)


@op("list_sessions")
def list_sessions(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, current = signed_in(ctx, st)
    active = sorted(st.active_sessions(user.id), key=lambda s: (s.created_at, s.id), reverse=True)
    page, has_more = page_of(ctx, contract, active, lambda s: s.id)
    return ok({"sessions": [{
        "id": s.id, "user_id": s.user_id, "application_id": s.application_id,
        "created_at": ctx.clock.iso(s.created_at), "expires_at": ctx.clock.iso(s.expires_at),
        "last_used": ctx.clock.iso(s.last_activity), "user_agent": s.user_agent, "ip_address": s.ip_address,
        "is_current": s.id == current.id,
    } for s in page], "total": len(active), "has_more": has_more})


@op("touch_session")
def touch_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, _, s = signed_in(ctx, st)
    s.last_activity = ctx.clock.now()
    return ok({"message": "Session activity updated", "session_id": s.id,
               "last_activity": ctx.clock.iso(s.last_activity)})


@op("revoke_session")
def revoke_session(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    sid = ctx.path["session_id"]
    target = st.sessions.get(sid)
    if target is None or target.user_id != user.id or target.revoked:
        raise ApiError(404, "SESSION_NOT_FOUND", "Session not found")
    st.revoke_session(sid)
    if contract.has("revoke_no_content"):
        return Reply(204)
    return ok({"message": "Session revoked", "session_id": sid})

"""Who is calling and what they sent: API key, bearer and body checks shared by SPAPS handlers.

A missing ``X-API-Key`` (or a missing bearer where the spec requires one) is a 401 from the
framework's security check already; these answer an unknown key (401 ``UNAUTHORIZED``), a bad
or expired access token (401 ``INVALID_TOKEN``) and a revoked session (401 ``INVALID_SESSION``,
or 403 ``SESSION_REVOKED`` where the spec says so).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.spaps.constants import MIN_PASSWORD_LENGTH
from paywire.sandbox.spaps.records import Session, User
from paywire.sandbox.spaps.state import SpapsState

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Owned(Protocol):
    @property
    def user_id(self) -> str | None: ...


R = TypeVar("R", bound=_Owned)


def app_of(ctx: Ctx, st: SpapsState) -> str:
    key = ctx.header("x-api-key")
    app_id = st.api_keys.get(key or "")
    if app_id is None:
        raise ApiError(401, "UNAUTHORIZED", "Invalid API key")
    return app_id


def bearer_of(ctx: Ctx) -> str | None:
    auth = ctx.header("authorization") or ""
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def signed_in(ctx: Ctx, st: SpapsState, *, revoked_status: int = 401) -> tuple[str, User, Session]:
    """(application id, user, session) of a K+B call."""
    app_id = app_of(ctx, st)
    token = bearer_of(ctx)
    if token is None:
        raise ApiError(401, "UNAUTHORIZED", "Missing bearer token")
    record = st.access_tokens.get(token)
    if record is None:
        raise ApiError(401, "INVALID_TOKEN", "Invalid access token")
    if ctx.clock.now() >= record.expires_at:
        raise ApiError(401, "INVALID_TOKEN", "Access token expired")
    session = st.sessions[record.session_id]
    if session.revoked or ctx.clock.now() >= session.expires_at:
        if revoked_status == 403:
            raise ApiError(403, "SESSION_REVOKED", "Session has been revoked")
        raise ApiError(401, "INVALID_SESSION", "Session is no longer valid")
    return app_id, st.users[record.user_id], session


def optional_user(ctx: Ctx, st: SpapsState) -> User | None:
    """The bearer's user when a bearer is sent (calls taking the key alone or key + bearer)."""
    if bearer_of(ctx) is None:
        return None
    return signed_in(ctx, st)[1]


def body_of(ctx: Ctx) -> dict[str, Any]:
    return ctx.json if isinstance(ctx.json, dict) else {}


def limit_of(ctx: Ctx, default: int = 10) -> int:
    return int(ctx.query.get("limit", default))


def checked_email(value: Any, code: str = "INVALID_EMAIL") -> str:
    email = str(value or "").strip().lower()
    if not EMAIL_RE.match(email):
        raise ApiError(400, code, "A valid email address is required")
    return email


def checked_password(value: Any) -> str:
    password = str(value or "")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ApiError(400, "VALIDATION_ERROR", f"Password must be at least {MIN_PASSWORD_LENGTH} characters")
    return password


def owned(ctx: Ctx, st: SpapsState, records: Mapping[str, R], param: str, code: str, what: str) -> R:
    """The signed-in user's record that path parameter ``param`` names: 404 ``code`` ("<what> not
    found") when there is none or it is someone else's."""
    _, user, _ = signed_in(ctx, st)
    record = records.get(ctx.path[param])
    if record is None or record.user_id != user.id:
        raise ApiError(404, code, f"{what} not found")
    return record


def instant(b: dict[str, Any], name: str, default: float) -> float:
    """The ISO-8601 time in body field ``name`` as a timestamp (``default`` when absent)."""
    if not b.get(name):
        return default
    try:
        return dt.datetime.fromisoformat(str(b[name]).replace("Z", "+00:00")).timestamp()
    except ValueError as exc:
        raise ApiError(400, "VALIDATION_ERROR", f"{name} must be ISO-8601") from exc

"""``spaps.sessions``: the signed-in user's sessions (current, validate, list, touch, revoke)."""

from __future__ import annotations

from paywire._core import AsyncResource, Flow, SyncResource, operation, paginated
from paywire._core.flow import PageFetch
from paywire.spaps._validate import v
from paywire.spaps.errors import SESSION_ERRORS
from paywire.spaps.models import (
    CurrentSession,
    RevokeResult,
    SessionList,
    SessionSummary,
    SessionValidation,
    TouchResult,
)
from paywire.spaps.resources._base import PAGE_SIZE, _drop_none, _more, _Ops, _unwrap


class _SessionsOps(_Ops):
    _errors = SESSION_ERRORS
    _resource = "sessions"

    @operation
    def get_current_session(self) -> Flow[CurrentSession]:
        """``GET /api/sessions/current`` (``current.session_id``)."""
        gen = self._gen("get_current_session")
        data = yield from self._get_data(gen, gen._get_kwargs())
        return CurrentSession.from_dict(_unwrap(data, "session"))

    @operation
    def validate_session(self) -> Flow[SessionValidation]:
        """``POST /api/sessions/validate`` (403 ``SESSION_REVOKED`` for a revoked session;
        2026-10 adds ``reason``, ``session`` and ``authority``)."""
        gen = self._gen("validate_session")
        data = yield from self._get_data(gen, gen._get_kwargs(body=self._model("EmptyRequest")))
        return SessionValidation.from_dict(data)

    @operation
    def list_sessions(self, limit: int | None = None, starting_after: str | None = None, *,
                      offset: int | None = None) -> Flow[SessionList]:
        """``GET /api/sessions`` (2025-11, ``starting_after``) or ``GET /api/sessions/`` (2026-10,
        ``offset``): one page (see :meth:`iter_sessions` for all)."""
        gen = self._gen("list_sessions")
        page = self._page("list_sessions", starting_after=starting_after, offset=offset)
        data = yield from self._get_data(gen, gen._get_kwargs(**_drop_none(limit=v.limit(limit)), **page))
        return SessionList.from_dict(data)

    @paginated
    def iter_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[SessionSummary]:
        """Every session, page after page."""
        list_page = type(self).list_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, **page), lambda p: p.sessions,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def touch_session(self) -> Flow[TouchResult]:
        """``POST /api/sessions/touch``: record activity."""
        gen = self._gen("touch_session")
        data = yield from self._get_data(gen, gen._get_kwargs(body=self._model("EmptyRequest")))
        return TouchResult.from_dict(data)

    @operation
    def revoke_session(self, session_id: str) -> Flow[RevokeResult]:
        """``DELETE /api/sessions/{session_id}`` (404 ``SESSION_NOT_FOUND``; 2026-10 answers 204)."""
        gen = self._gen("revoke_session")
        ident = v.ident(session_id, "session_id")
        data = yield from self._get_data(gen, gen._get_kwargs(ident))
        result = RevokeResult.from_dict(data)
        return result if result.session_id else RevokeResult(message=result.message, session_id=ident, raw=data)


class SyncSessions(_SessionsOps, SyncResource):
    pass


class AsyncSessions(_SessionsOps, AsyncResource):
    pass

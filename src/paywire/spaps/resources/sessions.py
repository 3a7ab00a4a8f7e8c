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
from paywire.spaps.resources._base import PAGE_SIZE, _more, _Ops, _q, _unwrap


class _SessionsOps(_Ops):
    _errors = SESSION_ERRORS
    _resource = "sessions"

    @operation
    def get_current_session(self) -> Flow[CurrentSession]:
        """``GET /api/sessions/current`` (``current.session_id``)."""
        # shape-alike with auth.get_current_user, usage.get_features: other operations (see _base.py)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.sessions import get_current_session as old
            data = yield from self._get_data(old, old.build_request())
        else:
            from paywire_gen_spaps_2026_10.api.sessions import get_current_session as new
            data = yield from self._get_data(new, new.build_request())
        return CurrentSession.from_dict(_unwrap(data, "session"))

    @operation
    def validate_session(self) -> Flow[SessionValidation]:
        """``POST /api/sessions/validate`` (403 ``SESSION_REVOKED`` for a revoked session;
        2026-10 adds ``reason``, ``session`` and ``authority``)."""
        # shape-alike with touch_session: another operation, each version's own builder (see _base.py)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.sessions import validate_session as old
            data = yield from self._get_data(old, old.build_request(body=m25.EmptyRequest()))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.sessions import validate_session as new
            data = yield from self._get_data(new, new.build_request(body=m26.EmptyRequest()))
        return SessionValidation.from_dict(data)

    @operation
    def list_sessions(self, limit: int | None = None, starting_after: str | None = None, *,
                      offset: int | None = None) -> Flow[SessionList]:
        """``GET /api/sessions`` (2025-11, ``starting_after``) or ``GET /api/sessions/`` (2026-10,
        ``offset``): one page (see :meth:`iter_sessions` for all)."""
        page = self._page("list_sessions", starting_after=starting_after, offset=offset)
        size = v.limit(limit)
        # shape-alike with payments.list_checkout_sessions: the same paging, another operation's builders
        if self._seed:
            from paywire_gen_spaps_2025_11.api.sessions import list_sessions as old
            data = yield from self._get_data(old, old.build_request(limit=_q(size),
                                                                    starting_after=_q(page.starting_after)))
        else:
            from paywire_gen_spaps_2026_10.api.sessions import list_sessions as new
            data = yield from self._get_data(new, new.build_request(limit=_q(size), offset=_q(page.offset)))
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
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.sessions import touch_session as old
            data = yield from self._get_data(old, old.build_request(body=m25.EmptyRequest()))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.sessions import touch_session as new
            data = yield from self._get_data(new, new.build_request(body=m26.EmptyRequest()))
        return TouchResult.from_dict(data)

    @operation
    def revoke_session(self, session_id: str) -> Flow[RevokeResult]:
        """``DELETE /api/sessions/{session_id}`` (404 ``SESSION_NOT_FOUND``; 2026-10 answers 204)."""
        # shape-alike with the other get-by-id operations (crypto.get_invoice ...): see _base.py
        ident = v.ident(session_id, "session_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.sessions import revoke_session as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.sessions import revoke_session as new
            data = yield from self._get_data(new, new.build_request(ident))
        result = RevokeResult.from_dict(data)
        return result if result.session_id else RevokeResult(message=result.message, session_id=ident, raw=data)


class SyncSessions(_SessionsOps, SyncResource):
    pass


class AsyncSessions(_SessionsOps, AsyncResource):
    pass

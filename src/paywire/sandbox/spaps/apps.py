"""The SPAPS sandbox's apps (one server, two pinned contracts) and how handlers register.

SPAPS has no URL or header version: today's server answers some seed-era (0.1.4) calls
differently on the same ``/api/...`` paths. The sandbox serves each pinned contract as an app
of **one** server: :data:`spaps` (``openapi/spaps/2025-11.yaml``) under ``/spaps`` and
:data:`spaps_2026_10` (``openapi/spaps/2026-10.yaml``) under ``/spaps-2026-10``. Both use
``state_key="spaps"``, so they share one :class:`~.state.SpapsState`.

A handler is written once per operationId: ``@op("list_sessions")`` registers it on every app
whose spec has that operation (so a version-only operation lands only where it exists), and
the handler receives the :class:`Contract` of the app the request came through, to ask
``contract.has("offset_paging")`` where the versions differ. The features are the facade's own
(one table, :mod:`paywire._features`; :mod:`paywire.spaps._contract` builds the facade's
contracts from it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from paywire.sandbox._framework import ApiError, Ctx, Reply, ServiceApp
from paywire.sandbox.spaps.services import APPS as APPS
from paywire.sandbox.spaps.services import CONTRACT_2026_10 as CONTRACT_2026_10
from paywire.sandbox.spaps.services import SEED_CONTRACT as SEED_CONTRACT
from paywire.sandbox.spaps.services import Contract as Contract
from paywire.sandbox.spaps.services import error_body as error_body
from paywire.sandbox.spaps.services import spaps as spaps
from paywire.sandbox.spaps.services import spaps_2026_10 as spaps_2026_10
from paywire.sandbox.spaps.state import SpapsState, new_id

Body = dict[str, Any]


SpapsHandler = Callable[[Ctx, SpapsState, Contract], "Reply | Body"]


@functools.cache
def _spec_operations(app: ServiceApp) -> frozenset[str]:
    return frozenset(op_id for _, _, op_id in app.operations())


def op(operation_id: str) -> Callable[[SpapsHandler], SpapsHandler]:
    """Register ``fn(ctx, st, contract)`` for ``operation_id`` on every app whose spec has it:
    state lock, X-Request-ID on every answer, envelope request_id/timestamp."""

    def register(fn: SpapsHandler) -> SpapsHandler:
        served = [(app, contract) for app, contract in APPS if operation_id in _spec_operations(app)]
        if not served:
            raise ValueError(f"no pinned SPAPS contract has the operation {operation_id!r}")
        for app, contract in served:
            app.op(operation_id)(_bind(fn, contract))
        return fn

    return register


def _bind(fn: SpapsHandler, contract: Contract) -> Callable[[Ctx], Reply]:
    @functools.wraps(fn)
    def handler(ctx: Ctx) -> Reply:
        st: SpapsState = ctx.state
        rid = new_id("req", 8)
        try:
            with st.lock:
                result = fn(ctx, st, contract)
        except ApiError as err:
            if err.body is None:
                err.body = error_body(err.status, err.code, err.message, rid)
            err.headers.setdefault("X-Request-ID", rid)
            raise
        reply = as_reply(result)
        if isinstance(reply.body, dict) and "success" in reply.body:
            reply.body.setdefault("request_id", rid)
            reply.body.setdefault("timestamp", ctx.clock.iso())
        reply.headers = {**(reply.headers or {}), "X-Request-ID": rid}
        return reply

    return handler


def as_reply(result: Reply | Body) -> Reply:
    """A handler's result as a Reply (a bare body is a 200)."""
    return result if isinstance(result, Reply) else Reply(200, result)


def ok(data: Any = None, *, message: str | None = None, status: int = 200, **top: Any) -> Reply:
    body: Body = {"success": True}
    if message is not None:
        body["message"] = message
    body.update(top)
    if data is not None:
        body["data"] = data
    return Reply(status, body)

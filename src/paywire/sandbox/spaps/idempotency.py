"""``Idempotency-Key`` replays (contracts with ``idempotency_header``: guest checkout and crypto
invoice creation): a repeat with the same body answers the original reply, another body 409."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Contract
from paywire.sandbox.spaps.state import SpapsState, profile


def fingerprint(value: Any) -> str:
    """A stable text of a request body, to tell a replay from a different request."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def idempotent(ctx: Ctx, st: SpapsState, contract: Contract, scope: str, owner: str,
               create: Callable[[], Reply]) -> Reply:
    """``create()`` once per (scope, owner, Idempotency-Key); every time without the header or
    on a contract without ``idempotency_header``."""
    key = ctx.header("idempotency-key")
    if key is None or not contract.has("idempotency_header"):
        return create()
    slot = (scope, owner, key)
    request = fingerprint(ctx.json)
    prof = profile(st)
    hit = prof.idempotent.get(slot)
    if hit is not None:
        if hit[0] != request:
            raise ApiError(409, "IDEMPOTENCY_CONFLICT", "Idempotency-Key was already used for a different request")
        return Reply(hit[1].status, copy.deepcopy(hit[1].body))
    reply = create()
    prof.idempotent[slot] = (request, Reply(reply.status, copy.deepcopy(reply.body)))
    return reply

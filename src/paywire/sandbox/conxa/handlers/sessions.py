"""CONXA ``sessions`` tag: the provider polls a user's connection (rate-limited per user)."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.conxa.service import conxa, provider, state


@conxa.op("get_session_status")
def get_session_status(ctx: Ctx) -> dict[str, Any]:
    provider_id = provider(ctx).provider_id
    username = (ctx.query.get("provider_username") or "").strip()
    if not username:
        raise ApiError(422, "VALIDATION_ERROR", "provider_username must be non-empty")
    return state(ctx).poll(provider_id, username)

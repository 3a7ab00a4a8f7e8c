"""CONXA ``charges`` tag: authorize a charge, exactly once per (provider, ``X-Idempotency-Key``)
(the decision and its replay rules live in :meth:`ConxaState.charge`)."""

from __future__ import annotations

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.conxa.service import conxa, provider, state
from paywire.sandbox.conxa.state import MAX_IDEMPOTENCY_KEY_LENGTH


@conxa.op("authorize_charge")
async def authorize_charge(ctx: Ctx) -> Reply:
    provider_id = provider(ctx).provider_id
    token = ctx.header("X-Provider-Session") or ""
    idem_key = ctx.header("X-Idempotency-Key") or ""
    if not token:
        raise ApiError(401, "INVALID_SESSION", "missing X-Provider-Session")
    if not idem_key or len(idem_key) > MAX_IDEMPOTENCY_KEY_LENGTH:
        raise ApiError(422, "VALIDATION_ERROR", "X-Idempotency-Key must be 1-255 characters")
    body = ctx.json if isinstance(ctx.json, dict) else {}
    model = body.get("model_name")
    input_tokens = body.get("input_tokens")
    output_tokens = body.get("output_tokens")
    if not isinstance(model, str) or not model:
        raise ApiError(422, "VALIDATION_ERROR", "model_name must be a non-empty string")
    for name, value in (("input_tokens", input_tokens), ("output_tokens", output_tokens)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ApiError(422, "VALIDATION_ERROR", f"{name} must be an integer >= 0")
    assert isinstance(input_tokens, int) and isinstance(output_tokens, int)
    return await state(ctx).charge(provider_id, idem_key, token, model, input_tokens, output_tokens)

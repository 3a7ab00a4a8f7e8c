"""Tag ``flags`` (v2's spec): global feature flags and per-customer overrides."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.vellum.apps import begin, operation


@operation("get_customer_flags")
def get_customer_flags(ctx: Ctx) -> dict[str, Any]:
    _, t, _ = begin(ctx)
    return {"flags": {**t.flags, **t.flag_overrides.get(ctx.path["customerId"], {})}}


@operation("get_global_flags")
def get_global_flags(ctx: Ctx) -> dict[str, Any]:
    _, t, _ = begin(ctx)
    return {"flags": dict(t.flags)}

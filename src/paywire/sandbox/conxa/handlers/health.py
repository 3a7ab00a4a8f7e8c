"""CONXA ``health`` tag (no API key needed)."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.conxa.service import conxa


@conxa.op("health_check")
def health_check(ctx: Ctx) -> dict[str, Any]:
    return {"status": "ok"}

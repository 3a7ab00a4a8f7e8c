"""Lumen ``subscriptions`` tag: a free subscription by enrollment rules (enrollment's older twin)."""

from __future__ import annotations

from paywire.sandbox._framework import Ctx, Reply
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.handlers.enrollment import enroll_request
from paywire.sandbox.lumen.service import lumen_v1


@lumen_v1.op("create_free_subscription")
def create_free_subscription(ctx: Ctx) -> Reply:
    st, sub, _ = enroll_request(ctx, plan_id_allowed=False, no_free_plan="No free plan available")
    return Reply(
        201,
        {"success": True, "message": "Free subscription created", "subscription": views.subscription_view(st, sub)},
    )

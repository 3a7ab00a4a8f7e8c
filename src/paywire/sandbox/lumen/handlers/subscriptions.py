"""Lumen ``subscriptions`` tag: a free subscription by enrollment rules (enrollment's older twin)."""

from __future__ import annotations

from paywire.sandbox._framework import Ctx, Reply
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.handlers.enrollment import enroll, reject_existing_subscription
from paywire.sandbox.lumen.service import bad_request, json_body, lumen_v1, state


@lumen_v1.op("create_free_subscription")
def create_free_subscription(ctx: Ctx) -> Reply:
    st = state(ctx)
    body = json_body(ctx)
    reject_existing_subscription(st, str(body["userId"]))
    plan = st.free_plan_for(str(body["customerEmail"]))
    if plan is None:
        raise bad_request("No free plan available")
    sub = enroll(st, body, plan)
    return Reply(
        201,
        {"success": True, "message": "Free subscription created", "subscription": views.subscription_view(st, sub)},
    )

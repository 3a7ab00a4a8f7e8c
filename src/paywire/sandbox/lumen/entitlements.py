"""Lumen entitlement resolution: which source decides a feature, and what the wire says about it.

Priority is credits (an unexpired grant) > per-customer override > the active plan's feature >
default (not entitled). A numeric feature reports its metric's usage in the current billing
period; a credit grant reports what usage since the grant has consumed of its allowance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from paywire.sandbox.lumen.views import wire_number

if TYPE_CHECKING:
    from paywire.sandbox.lumen.state import LumenState


def all_for(st: LumenState, customer_id: str) -> list[dict[str, Any]]:
    """The plan's features in plan order, then any feature only an override or a grant names."""
    sub = st.active_subscription(customer_id)
    plan = st.plans.get(sub.plan_id) if sub else None
    slugs: list[str] = [f.slug for f in plan.features] if plan else []
    for cid, slug in [*st.overrides, *st.credits]:
        if cid == customer_id and slug not in slugs:
            slugs.append(slug)
    return [resolve(st, customer_id, slug) for slug in slugs]


def resolve(st: LumenState, customer_id: str, slug: str) -> dict[str, Any]:
    sub = st.active_subscription(customer_id)
    plan = st.plans.get(sub.plan_id) if sub else None
    plan_feature = plan.feature(slug) if plan else None
    since = st.period(sub)[0] if sub else 0.0
    metric = plan_feature.metric if plan_feature else None
    used = st.usage(customer_id, metric, since) if metric else None
    name = plan_feature.name if plan_feature else None
    usages = [{"metricId": metric, "usage": used}] if metric and used is not None else []

    grant = st.credits.get((customer_id, slug))
    if grant is not None and (grant.expires_at is None or grant.expires_at > st.clock.now()):
        consumed = st.usage(customer_id, metric, grant.granted_at) if metric else 0
        remaining = wire_number(max(0, grant.allowance - consumed))
        return {
            "entitled": remaining > 0,
            "feature": {"slug": slug, "value": grant.allowance, "name": name},
            "source": "credits",
            "usages": usages,
            "creditInfo": {
                "creditAllowance": grant.allowance,
                "creditsRemaining": remaining,
                "nextExpiryDate": None if grant.expires_at is None else st.clock.iso(grant.expires_at),
            },
            "usage": consumed,
            "limit": grant.allowance,
        }
    override = st.overrides.get((customer_id, slug))
    if override is not None:
        value, source = override.value, "override"
    elif plan_feature is not None:
        value, source = plan_feature.value, "plan"
    else:
        return {"entitled": False, "feature": {"slug": slug, "value": False}, "source": "default"}
    if isinstance(value, bool):
        return {
            "entitled": value,
            "feature": {"slug": slug, "value": value, "name": name},
            "source": source,
        }
    current = used if used is not None else 0
    return {
        "entitled": current < value,
        "feature": {"slug": slug, "value": value, "name": name},
        "source": source,
        "usages": usages,
        "usage": current,
        "limit": value,
    }

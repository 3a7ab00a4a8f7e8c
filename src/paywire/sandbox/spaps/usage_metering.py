"""How SPAPS usage is metered: tier limits per feature (:data:`~.constants.FEATURE_CATALOG`,
30-day periods), and the two-phase model of contracts with ``usage_authorization`` (events
with dimensions per resource, decisions against the limits).

Tier limits apply to ``resource_type: user`` on the feature's metered dimension
(:data:`~.constants.METERED_DIMENSIONS`, e.g. ``api_calls`` -> ``calls``); other resource types
are metered without limits. Usage recorded by the seed era's ``record_usage`` counts as
``{<metered dimension>: quantity}``, and user events recorded by the two-phase model are
mirrored into the seed era's usage list, so both contracts see one account.
"""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Clock, Ctx
from paywire.sandbox.spaps.apps import Body
from paywire.sandbox.spaps.constants import FEATURE_CATALOG, METERED_DIMENSIONS, USAGE_WARNING_RATIO
from paywire.sandbox.spaps.records import UsageEvent, User
from paywire.sandbox.spaps.state import SpapsState, profile, usage_period


def feature_limit(feature: str, tier: str) -> float | None:
    entry = FEATURE_CATALOG.get(feature)
    if entry is None:
        return None
    limits = entry[1]
    return limits.get(tier, limits["free"])


def used_in_period(st: SpapsState, user_id: str, feature: str) -> float:
    start, end = usage_period(st)
    return sum(e.quantity for e in st.usage if e.user_id == user_id and e.feature == feature and start <= e.at < end)


def metered_dimension(feature_key: str) -> str:
    return METERED_DIMENSIONS.get(feature_key, "quantity")


def resource_of(st: SpapsState, caller: User | None, resource_type: str, resource_id: Any,
                subject_user_id: Any) -> tuple[str | None, str | None]:
    """(resource id, subject user id) after the defaults and checks of decision 3."""
    rid = str(resource_id) if resource_id else None
    subject = str(subject_user_id) if subject_user_id else (caller.id if caller else None)
    if resource_type == "user":
        rid = rid or (caller.id if caller else None)
        if rid is None:
            raise ApiError(400, "VALIDATION_ERROR", "resource_id is required for resource_type user without a bearer")
        if caller is not None and rid != caller.id:
            raise ApiError(403, "FORBIDDEN", "A signed-in user can only meter their own usage")
        if rid not in st.users:
            raise ApiError(404, "NOT_FOUND", "No such user")
    elif resource_type in ("company", "org") and rid is None:
        raise ApiError(400, "VALIDATION_ERROR", f"resource_id is required for resource_type {resource_type}")
    return rid, subject


def usage_window(st: SpapsState, clock: Clock) -> tuple[float, float, Body]:
    start, end = usage_period(st)
    return start, end, {"window_key": f"period:{clock.iso(start)}", "starts_at": clock.iso(start),
                        "ends_at": clock.iso(end)}


def all_events(st: SpapsState) -> list[UsageEvent]:
    """Two-phase events plus the seed era's quantity records (user resources, ``{<metered dim>: quantity}``)."""
    prof = profile(st)
    mine = {e.event_id for e in prof.events}
    legacy = [UsageEvent(e.record_id, "", e.feature, "user", e.user_id, e.user_id, None, None,
                         {metered_dimension(e.feature): e.quantity}, e.metadata, e.at, e.recorded_at)
              for e in st.usage if e.record_id not in mine]
    return [*prof.events, *legacy]


def same_resource(ev: UsageEvent, app_id: str, resource_type: str, resource_id: str | None) -> bool:
    if ev.resource_type != resource_type or ev.resource_id != resource_id:
        return False
    return resource_type == "user" or ev.application_id == app_id  # users are metered across apps


def window_totals(st: SpapsState, clock: Clock, app_id: str, feature_key: str, resource_type: str,
                  resource_id: str | None) -> dict[str, float]:
    start, end, _ = usage_window(st, clock)
    totals: dict[str, float] = {}
    for ev in all_events(st):
        if ev.feature_key == feature_key and same_resource(ev, app_id, resource_type, resource_id) \
                and start <= ev.occurred_at < end:
            for name, amount in ev.dimensions.items():
                totals[name] = totals.get(name, 0.0) + amount
    return totals


def decide(ctx: Ctx, st: SpapsState, app_id: str, feature_key: str, resource_type: str, resource_id: str | None,
           subject: str | None, requested: dict[str, float]) -> Body:
    totals = window_totals(st, ctx.clock, app_id, feature_key, resource_type, resource_id)
    user = st.users.get(resource_id or "") if resource_type == "user" else None
    limit = feature_limit(feature_key, user.tier) if user is not None else None
    dim = metered_dimension(feature_key)
    decision, reasons, warnings = "allowed", [], []
    remaining: dict[str, float] | None = None
    if limit is not None:
        used = totals.get(dim, 0.0)
        after = used + requested.get(dim, 0.0)
        remaining = {dim: max(0.0, limit - used)}
        details = {"dimension": dim, "used": used, "requested": requested.get(dim, 0.0), "limit": limit}
        if after > limit or used >= limit:
            decision = "blocked"
            reasons.append({"code": "LIMIT_EXCEEDED", "details": details,
                            "message": f"{feature_key}.{dim} would reach {after:g} of {limit:g}"})
        elif after >= USAGE_WARNING_RATIO * limit:
            decision = "allowed_with_warning"
            text = f"{round(100 * after / limit)}% of the {feature_key}.{dim} limit used"
            warnings.append(text)
            reasons.append({"code": "LIMIT_NEARLY_REACHED", "message": text, "details": details})
    _, _, window = usage_window(st, ctx.clock)
    return {
        "decision": decision, "feature_key": feature_key, "resource_type": resource_type,
        "resource_id": resource_id, "subject_user_id": subject,
        "active_entitlements": [f"tier:{user.tier}"] if user is not None else [],
        "policy_key": f"tier:{user.tier}" if user is not None and feature_key in FEATURE_CATALOG else None,
        "window": window, "window_totals": totals, "remaining": remaining, "reasons": reasons, "warnings": warnings,
    }


def dimensions(value: Any) -> dict[str, float]:
    dims = {str(k): float(v) for k, v in (value or {}).items()}
    if any(v < 0 for v in dims.values()):
        raise ApiError(400, "VALIDATION_ERROR", "dimensions must not be negative")
    return dims


"""SPAPS tag ``usage``: features and limits, recording, history, and (contracts with
``usage_authorization``) authorization and status. Metering: :mod:`..usage_metering`.

Where the pinned contracts differ: ``legacy_usage`` records a quantity of a feature for the
signed-in user (``X-Idempotency-Key`` repeats return the original record without counting
again) and reports history by period; ``usage_authorization`` is two-phase (authorize ->
record, idempotent by ``idempotency_key``, with the API key alone or key + bearer) with status
and per-event history.
"""

from __future__ import annotations

import datetime as dt
import re

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Contract, ok, op
from paywire.sandbox.spaps.constants import FEATURE_CATALOG, USAGE_AUTHORIZATION_TTL, USAGE_HISTORY_LIMIT
from paywire.sandbox.spaps.idempotency import fingerprint
from paywire.sandbox.spaps.records import UsageAuthorization, UsageEntry, UsageEvent
from paywire.sandbox.spaps.request_checks import app_of, body_of, instant, optional_user, signed_in
from paywire.sandbox.spaps.state import SpapsState, new_id, profile, usage_period
from paywire.sandbox.spaps.usage_metering import (
    all_events,
    decide,
    dimensions,
    feature_limit,
    metered_dimension,
    resource_of,
    used_in_period,
    window_totals,
)
from paywire.sandbox.spaps.views import usage_event_view, usage_record_view

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@op("get_usage_features")
def get_usage_features(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    _, user, _ = signed_in(ctx, st)
    start, end = usage_period(st)
    names = list(FEATURE_CATALOG) + sorted({e.feature for e in st.usage if e.user_id == user.id} - set(FEATURE_CATALOG))
    features, charges = [], []
    for name in names:
        used = used_in_period(st, user.id, name)
        limit = feature_limit(name, user.tier)
        features.append({"name": name, "description": FEATURE_CATALOG[name][0] if name in FEATURE_CATALOG else None,
                         "used": used, "limit": limit,
                         "percentage": round(100 * used / limit, 2) if limit else None,
                         "reset_at": ctx.clock.iso(end)})
        if limit is not None and used > limit and user.tier != "free":
            over = used - limit
            charges.append({"feature": name, "quantity": over,
                            "amount": round(over * FEATURE_CATALOG[name][2], 4)})
    return ok({"user_id": user.id, "tier": user.tier,
               "period": {"start": ctx.clock.iso(start), "end": ctx.clock.iso(end)},
               "features": features, "overage": {"allowed": user.tier != "free", "charges": charges}})


@op("record_usage")
def record_usage(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """``legacy_usage``: a quantity of a feature for the signed-in user, idempotent by
    ``X-Idempotency-Key``; ``usage_authorization``: an event under an authorization, idempotent
    by ``idempotency_key``."""
    if contract.has("usage_authorization"):
        return _record_event(ctx, st)
    return _record_quantity(ctx, st)


def _record_quantity(ctx: Ctx, st: SpapsState) -> Reply:
    app_id, user, _ = signed_in(ctx, st)
    key = ctx.header("x-idempotency-key")
    if key is not None and (app_id, user.id, key) in st.usage_keys:
        return ok(dict(st.usage_keys[(app_id, user.id, key)].response))  # the original record
    b = body_of(ctx)
    quantity = float(b["quantity"])
    if quantity < 0:
        raise ApiError(400, "VALIDATION_ERROR", "quantity must not be negative")
    now = ctx.clock.now()
    at = instant(b, "timestamp", now)
    feature = str(b["feature"])
    entry = UsageEntry(new_id("usage", 10), user.id, feature, quantity, at, now, b.get("metadata"))
    st.usage.append(entry)
    used = used_in_period(st, user.id, feature)
    limit = feature_limit(feature, user.tier)
    warning = None
    if limit is not None and used > limit:
        warning = f"Usage limit exceeded for {feature}"
    elif limit is not None and used >= 0.8 * limit:
        warning = f"{round(100 * used / limit)}% of the {feature} limit used"
    entry.response = {"record_id": entry.record_id, "feature": feature, "quantity": quantity,
                      "recorded_at": ctx.clock.iso(now),
                      "current_usage": {"used": used, "limit": limit,
                                        "remaining": max(0.0, limit - used) if limit is not None else None},
                      "warning": warning}
    if key is not None:
        st.usage_keys[(app_id, user.id, key)] = entry
    return ok(dict(entry.response))


def _parse_date(value: str | None, default: dt.date) -> dt.date:
    if value is None:
        return default
    if not DATE_RE.match(value):
        raise ApiError(400, "VALIDATION_ERROR", "dates must be YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(400, "VALIDATION_ERROR", "dates must be YYYY-MM-DD") from exc


def _bucket(day: dt.date, period: str) -> dt.date:
    if period == "weekly":
        return day - dt.timedelta(days=day.weekday())
    if period == "monthly":
        return day.replace(day=1)
    return day


@op("get_usage_history")
def get_usage_history(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """``legacy_usage``: the signed-in user's usage by day, week or month; ``usage_authorization``:
    the events, newest first, paged by offset."""
    if contract.has("usage_authorization"):
        return _event_history(ctx, st)
    return _period_history(ctx, st)


def _period_history(ctx: Ctx, st: SpapsState) -> Reply:
    _, user, _ = signed_in(ctx, st)
    q = ctx.query
    period = q.get("period", "daily")
    if period not in ("daily", "weekly", "monthly"):
        raise ApiError(400, "VALIDATION_ERROR", "period must be daily, weekly or monthly")
    today = dt.datetime.fromtimestamp(ctx.clock.now(), dt.UTC).date()
    end = _parse_date(q.get("end_date"), today)
    start = _parse_date(q.get("start_date"), end - dt.timedelta(days=29))
    if start > end or (end - start).days > 366:
        raise ApiError(400, "VALIDATION_ERROR", "start_date must be before end_date, at most 366 days apart")
    feature = q.get("feature")
    buckets: dict[dt.date, dict[str, float]] = {}
    day = start
    while day <= end:
        buckets.setdefault(_bucket(day, period), {})
        day += dt.timedelta(days=1)
    totals: dict[str, float] = {}
    for e in st.usage:
        d = dt.datetime.fromtimestamp(e.at, dt.UTC).date()
        if e.user_id != user.id or not (start <= d <= end) or (feature and e.feature != feature):
            continue
        b = buckets[_bucket(d, period)]
        b[e.feature] = b.get(e.feature, 0.0) + e.quantity
        totals[e.feature] = totals.get(e.feature, 0.0) + e.quantity

    def cost(features: dict[str, float]) -> float:
        return round(sum(q * FEATURE_CATALOG.get(f, ("", {}, 0.0))[2] for f, q in features.items()), 6)

    return ok({"period": period, "start_date": start.isoformat(), "end_date": end.isoformat(),
               "history": [{"date": d.isoformat(), "features": f, "total_cost": cost(f)}
                           for d, f in sorted(buckets.items())],
               "summary": {"total_quantity": sum(totals.values()), "total_cost": cost(totals),
                           "features": totals}})


@op("authorize_usage")
def authorize_usage(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    caller = optional_user(ctx, st)
    b = body_of(ctx)
    feature_key, resource_type = str(b["feature_key"]), str(b["resource_type"])
    rid, subject = resource_of(st, caller, resource_type, b.get("resource_id"), b.get("subject_user_id"))
    status = decide(ctx, st, app_id, feature_key, resource_type, rid, subject, dimensions(b.get("dimensions")))
    auth = UsageAuthorization(new_id("uauth", 12), app_id, feature_key, resource_type, rid, subject,
                              status["decision"], ctx.clock.now() + USAGE_AUTHORIZATION_TTL)
    profile(st).authorizations[auth.ref] = auth
    return ok({**status, "authorization_ref": auth.ref, "expires_at": ctx.clock.iso(auth.expires_at)})


def _record_event(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = app_of(ctx, st)
    caller = optional_user(ctx, st)
    b = body_of(ctx)
    prof = profile(st)
    key = str(b["idempotency_key"])
    request = fingerprint(b)
    previous = prof.event_keys.get((app_id, key))
    if previous is not None:
        if previous.fingerprint != request:
            raise ApiError(409, "USAGE_IDEMPOTENCY_CONFLICT", "idempotency_key was already used for a different record")
        return ok(usage_record_view(previous, ctx.clock, replayed=True))
    feature_key, resource_type = str(b["feature_key"]), str(b["resource_type"])
    rid, subject = resource_of(st, caller, resource_type, b.get("resource_id"), b.get("subject_user_id"))
    auth = prof.authorizations.get(str(b["authorization_ref"]))
    if auth is None or auth.application_id != app_id or (auth.feature_key, auth.resource_type, auth.resource_id) \
            != (feature_key, resource_type, rid):
        raise ApiError(400, "USAGE_AUTHORIZATION_INVALID", "authorization_ref does not authorize this feature and resource")
    if ctx.clock.now() >= auth.expires_at:
        raise ApiError(400, "USAGE_AUTHORIZATION_EXPIRED", "authorization_ref has expired; authorize again")
    if auth.decision not in ("allowed", "allowed_with_warning"):
        raise ApiError(403, "USAGE_BLOCKED", f"the authorization was {auth.decision}")
    if not b.get("subject_user_id"):
        subject = auth.subject_user_id  # the actor named when the work was authorized
    now = ctx.clock.now()
    occurred = instant(b, "occurred_at", now)
    dims = dimensions(b["dimensions"])
    ev = UsageEvent(new_id("uevt", 12), app_id, feature_key, resource_type, rid, subject, auth.ref, key, dims,
                    b.get("metadata"), occurred, now, request)
    prof.events.append(ev)
    prof.event_keys[(app_id, key)] = ev
    dim = metered_dimension(feature_key)
    if resource_type == "user" and rid is not None and dim in dims:  # the seed-era view counts it too
        st.usage.append(UsageEntry(ev.event_id, rid, feature_key, dims[dim], occurred, now, ev.metadata))
    ev.window_totals = window_totals(st, ctx.clock, app_id, feature_key, resource_type, rid)
    return ok(usage_record_view(ev, ctx.clock, replayed=False))


@op("get_usage_status")
def get_usage_status(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    caller = optional_user(ctx, st)
    q = ctx.query
    rid, subject = resource_of(st, caller, q["resource_type"], q.get("resource_id"), q.get("subject_user_id"))
    return ok(decide(ctx, st, app_id, q["feature_key"], q["resource_type"], rid, subject, {}))


def _event_history(ctx: Ctx, st: SpapsState) -> Reply:
    app_id = app_of(ctx, st)
    caller = optional_user(ctx, st)
    q = ctx.query
    events = [ev for ev in all_events(st) if ev.resource_type == "user" or ev.application_id == app_id]
    if caller is not None:  # a user sees their own usage only
        events = [ev for ev in events if caller.id in (ev.subject_user_id, ev.resource_id if ev.resource_type == "user"
                                                       else None)]
    for name in ("feature_key", "resource_type", "resource_id", "subject_user_id"):
        if q.get(name):
            events = [ev for ev in events if getattr(ev, name) == q[name]]
    events.sort(key=lambda ev: (ev.occurred_at, ev.recorded_at, ev.event_id), reverse=True)
    limit = int(q.get("limit", USAGE_HISTORY_LIMIT))
    offset = int(q.get("offset", 0))
    page = events[offset:offset + limit]
    has_more = len(events) > offset + limit
    return ok({"events": [usage_event_view(ev, ctx.clock) for ev in page], "has_more": has_more,
               "next_offset": offset + limit if has_more else None, "total": len(events)})



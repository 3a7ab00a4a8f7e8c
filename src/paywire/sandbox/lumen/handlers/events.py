"""Lumen ``events`` tag: usage events, de-duplicated per customer by ``idempotencyKey``."""

from __future__ import annotations

from paywire.sandbox._framework import Ctx, Reply
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import bad_request, json_body, lumen_v1, not_found, parse_iso, state
from paywire.sandbox.lumen.state import INVALID_EVENT_DETAILS


@lumen_v1.op("send_event")
def send_event(ctx: Ctx) -> Reply:
    st = state(ctx)
    body = json_body(ctx)
    value = body.get("eventValue")
    text = body.get("eventString")
    internal = body.get("customerId")
    external = body.get("extCustomerId")
    if (value is None) == (text is None) or not (internal or external):
        raise bad_request("Invalid event payload", INVALID_EVENT_DETAILS)
    timestamp = None
    if body.get("eventTimestamp") is not None:
        timestamp = parse_iso(str(body["eventTimestamp"]))
        if timestamp is None:
            raise bad_request("Invalid event payload", "eventTimestamp must be an ISO 8601 date-time.")
    by_internal = st.customers.get(internal) if internal else None
    by_external = st.customer_by_external(external) if external else None
    if (
        internal
        and external
        and by_internal is not None
        and by_external is not None
        and by_internal != by_external
    ):
        raise bad_request("Invalid event payload", "customerId and extCustomerId name different customers.")
    cust = by_internal or by_external
    if cust is None or (internal and by_internal is None) or (external and by_external is None):
        raise not_found()
    ev, dedup = st.record_event(
        cust.id,
        str(body["eventName"]),
        value=None if value is None else float(value),
        text=text,
        timestamp=timestamp,
        properties=body.get("properties"),
        idempotency_key=body.get("idempotencyKey"),
    )
    return Reply(202, {"event": views.event_view(st, ev), "deduplicated": dedup})

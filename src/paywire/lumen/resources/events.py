"""Usage events: ``send_event`` (``POST /v1/events``), always idempotent."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenResponseError, LumenValidationError
from paywire.lumen.resources._base import LumenBase, V, require_text, string_map

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import EventRequest

    from paywire.lumen.models import EventResult


def event_value_fields(value: object) -> tuple[int | None, str | None]:
    """(eventValue, eventString) for ``send_event``'s ``value`` (lumen.md §2.11.4).

    ``None`` → ``eventValue: 1``; an int or float → ``eventValue: int(value)`` (floats are
    truncated; ``bool`` is an int, so ``True`` → 1); a ``str`` → ``eventString``. Anything
    else (and NaN/infinity) is a :class:`LumenValidationError` instead of the original's
    silent ``1``.
    """
    if value is None:
        return 1, None
    if isinstance(value, str):
        return None, value
    if isinstance(value, int):
        return int(value), None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise LumenValidationError("value must be a finite number", field="value")
        return int(value), None
    raise LumenValidationError("value must be an int, a float, a str or None", field="value")


def idempotency(supplied: str | None) -> str:
    """The caller's key (validated) or a fresh uuid4; an empty key counts as none, as before."""
    return V.idempotency_key(supplied or None, required=False)


def event_body(
    name: str,
    value: object = None,
    *,
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    idempotency_key: str | None = None,
    timestamp: str | None = None,
    properties: Mapping[str, Any] | None = None,
) -> EventRequest:
    """The ``POST /v1/events`` body. Always carries an ``idempotencyKey`` (yours or a uuid4), so
    the event can be resent safely; the server generates one itself when it is omitted, so
    nothing changes for callers who never passed one."""
    from paywire_gen_lumen_v1.models import EventRequest, EventRequestProperties

    event_value, event_string = event_value_fields(value)
    props = string_map(properties, "properties")
    return EventRequest(
        event_name=require_text(name, "name"), event_value=event_value, event_string=event_string,
        customer_id=lumen_customer_id or None, ext_customer_id=user_id or None,
        idempotency_key=idempotency(idempotency_key), event_timestamp=timestamp or None,
        properties=None if props is None else EventRequestProperties.from_dict(props),
    )


class EventsOps(LumenBase):
    def _event_response(self, body: EventRequest) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.events import send_event as gen_send_event

        # The body always carries an idempotencyKey (event_body), so a resend is deduplicated.
        try:
            return (yield from self._send_spec(gen_send_event.build_request(body=body), retry_safe=True))
        finally:  # usage changed (or may have): cached entitlements of this customer are stale
            self._forget(body.ext_customer_id, body.customer_id)

    @operation
    def send_event(
        self,
        name: str,
        value: int | float | str | None = None,
        user_id: str | None = None,
        lumen_customer_id: str | None = None,
        idempotency_key: str | None = None,
        *,
        timestamp: str | None = None,
        properties: Mapping[str, Any] | None = None,
    ) -> Flow[EventResult]:
        """Record a usage event (202). ``value`` mapping as in the original SDK; one of
        ``user_id`` / ``lumen_customer_id`` is required here. Without ``idempotency_key`` a
        uuid4 is sent, so the SDK's own retries never count an event twice; a duplicate key
        within 24 h comes back with ``deduplicated=True``."""
        if not user_id and not lumen_customer_id:
            raise LumenValidationError("Either user_id or lumen_customer_id must be provided", field="user_id")
        body = event_body(name, value, user_id=user_id, lumen_customer_id=lumen_customer_id,
                          idempotency_key=idempotency_key, timestamp=timestamp, properties=properties)
        from paywire_gen_lumen_v1.api.events import send_event as gen_send_event

        response = yield from self._event_response(body)
        return gen_send_event.parse_response(response, LumenResponseError)

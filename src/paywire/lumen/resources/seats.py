"""Seats: add, remove, usage (by Lumen customer id or by your user id)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenResponseError, LumenValidationError
from paywire.lumen.resources._base import json_of, require_text, string_map
from paywire.lumen.resources.customers import CustomersOps
from paywire.lumen.resources.events import idempotency

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import (
        AddSeatRequest,
        AddSeatResponse,
        RemoveSeatRequest,
        RemoveSeatResponse,
        SeatUsageResponse,
        SubscriptionStatus,
    )


def _seat_fields(organisation_user_id: str | None, organization_id: str | None, metadata: Mapping[str, Any] | None,
                 idempotency_key: str | None, timestamp: str | None) -> tuple[dict[str, Any] | None, str]:
    """The checks both seat bodies share; (metadata, idempotency key)."""
    if not organization_id and not organisation_user_id:
        raise LumenValidationError(
            "Either organization_id or organisation_user_id must be provided", field="organization_id"
        )
    if timestamp and not timestamp.endswith("Z"):
        raise LumenValidationError("timestamp must be a UTC ISO 8601 string ending in 'Z'", field="timestamp")
    return string_map(metadata, "metadata"), idempotency(idempotency_key)


def add_seat_body(new_user_id: str, *, organisation_user_id: str | None = None, organization_id: str | None = None,
                  metadata: Mapping[str, Any] | None = None, idempotency_key: str | None = None,
                  timestamp: str | None = None) -> AddSeatRequest:
    """The ``/v1/seats/add`` body; always idempotent (key generated if absent)."""
    from paywire_gen_lumen_v1.models import AddSeatRequest, AddSeatRequestMetadata

    meta, key = _seat_fields(organisation_user_id, organization_id, metadata, idempotency_key, timestamp)
    return AddSeatRequest(
        created_user_id=require_text(new_user_id, "created_user_id"), user_id=organisation_user_id or None,
        organization_id=organization_id or None, idempotency_key=key, timestamp=timestamp or None,
        metadata=None if meta is None else AddSeatRequestMetadata.from_dict(meta),
    )


def remove_seat_body(removed_user_id: str, *, organisation_user_id: str | None = None,
                     organization_id: str | None = None, metadata: Mapping[str, Any] | None = None,
                     idempotency_key: str | None = None, timestamp: str | None = None) -> RemoveSeatRequest:
    """The ``/v1/seats/remove`` body; always idempotent (key generated if absent)."""
    from paywire_gen_lumen_v1.models import RemoveSeatRequest, RemoveSeatRequestMetadata

    meta, key = _seat_fields(organisation_user_id, organization_id, metadata, idempotency_key, timestamp)
    return RemoveSeatRequest(
        removed_user_id=require_text(removed_user_id, "removed_user_id"), user_id=organisation_user_id or None,
        organization_id=organization_id or None, idempotency_key=key, timestamp=timestamp or None,
        metadata=None if meta is None else RemoveSeatRequestMetadata.from_dict(meta),
    )


class NoSeats(LookupError):
    """A user's id leads to no seats: its text is the reason, as the seed SDK words it."""


def seat_holder(status: SubscriptionStatus) -> str:
    """The Lumen customer id whose seat usage a user's subscription status leads to, else
    :class:`NoSeats` (``"Customer not found"`` / ``"No active subscription"``)."""
    if status.customer is None or not status.customer.id:
        raise NoSeats("Customer not found")
    if status.has_active_subscription is not True:
        raise NoSeats("No active subscription")
    return status.customer.id


class SeatsOps(CustomersOps):  # seat usage by user reads the subscription status
    def _seat_response(self, body: AddSeatRequest | RemoveSeatRequest) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.seats import add_seat as gen_add_seat
        from paywire_gen_lumen_v1.api.seats import remove_seat as gen_remove_seat
        from paywire_gen_lumen_v1.models import AddSeatRequest

        # The body always has an idempotency_key: the server replays the first result on a resend.
        spec = (gen_add_seat.build_request(body=body) if isinstance(body, AddSeatRequest)
                else gen_remove_seat.build_request(body=body))
        try:
            return (yield from self._send_spec(spec, retry_safe=True))
        finally:
            self._forget(body.user_id, body.organization_id)

    def _seat_json(self, body: AddSeatRequest | RemoveSeatRequest) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.seats import add_seat as gen_add_seat
        from paywire_gen_lumen_v1.api.seats import remove_seat as gen_remove_seat
        from paywire_gen_lumen_v1.models import AddSeatRequest

        op = gen_add_seat if isinstance(body, AddSeatRequest) else gen_remove_seat
        return json_of(op, (yield from self._seat_response(body)))

    def _seat_usage_response(self, customer_id: str) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.seats import get_seat_usage as gen_seat_usage

        return (yield from self._send_spec(gen_seat_usage.build_request(require_text(customer_id, "customer_id"))))

    def _seat_usage_json(self, customer_id: str) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.seats import get_seat_usage as gen_seat_usage

        return json_of(gen_seat_usage, (yield from self._seat_usage_response(customer_id)))

    def _seat_holder(self, user_id: str) -> Flow[str]:
        """Your user id -> the Lumen customer id holding the seats (its subscription status),
        else :class:`NoSeats`."""
        from paywire_gen_lumen_v1.api.customers import get_subscription_status

        return seat_holder(get_subscription_status.parse_response((yield from self._status_response(user_id)),
                                                                  LumenResponseError))

    @operation
    def add_seat(
        self,
        new_user_id: str,
        organisation_user_id: str | None = None,
        organization_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        timestamp: str | None = None,
    ) -> Flow[AddSeatResponse]:
        """Give ``new_user_id`` a seat on the organisation's subscription (``organization_id``,
        the Lumen id, preferred; else the owner's ``organisation_user_id``)."""
        from paywire_gen_lumen_v1.api.seats import add_seat as gen_add_seat

        body = add_seat_body(new_user_id, organisation_user_id=organisation_user_id,
                             organization_id=organization_id, metadata=metadata,
                             idempotency_key=idempotency_key, timestamp=timestamp)
        return gen_add_seat.parse_response((yield from self._seat_response(body)), LumenResponseError)

    @operation
    def remove_seat(
        self,
        removed_user_id: str,
        organisation_user_id: str | None = None,
        organization_id: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        timestamp: str | None = None,
    ) -> Flow[RemoveSeatResponse]:
        """Free ``removed_user_id``'s seat."""
        from paywire_gen_lumen_v1.api.seats import remove_seat as gen_remove_seat

        body = remove_seat_body(removed_user_id, organisation_user_id=organisation_user_id,
                                organization_id=organization_id, metadata=metadata,
                                idempotency_key=idempotency_key, timestamp=timestamp)
        return gen_remove_seat.parse_response((yield from self._seat_response(body)), LumenResponseError)

    @operation
    def get_seat_usage(self, customer_id: str) -> Flow[SeatUsageResponse]:
        """Seat usage by **Lumen** customer id (``cus_...``)."""
        from paywire_gen_lumen_v1.api.seats import get_seat_usage as gen_seat_usage

        return gen_seat_usage.parse_response((yield from self._seat_usage_response(customer_id)), LumenResponseError)

    @operation
    def get_seat_usage_by_user(self, user_id: str) -> Flow[SeatUsageResponse | None]:
        """Seat usage by your user id (resolved through the subscription status); ``None`` when
        the user is not a customer or has no active subscription."""
        from paywire_gen_lumen_v1.api.seats import get_seat_usage as gen_seat_usage

        try:
            customer_id = yield from self._seat_holder(user_id)
        except NoSeats:
            return None
        return gen_seat_usage.parse_response((yield from self._seat_usage_response(customer_id)), LumenResponseError)

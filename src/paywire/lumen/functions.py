"""The seed's module-level async functions, with the original's return / raise contract.

``from paywire.lumen import get_subscription_status, send_event, ...`` is a drop-in for
``from lumen import ...`` (lumen-python-sdk 0.1.1): same names, same arguments in the same
order, same results:

- ``get_subscription_status``, ``get_customer_overview``, ``get_seat_usage_by_user``,
  ``get_usage``, ``add_seat``, ``remove_seat``, ``get_seat_usage`` return the API's JSON, or
  ``{"error": str}`` with the original messages; they never raise;
- ``get_features`` → ``{}`` and ``is_feature_entitled`` → ``False`` on any failure (fail closed);
- ``send_event`` → the ``httpx.Response`` (also for an error status), or ``None`` when nothing
  could be sent;
- ``enroll_user`` and ``create_free_subscription_if_none_exists`` raise. The exception is a
  paywire error (``LumenAPIError`` subclass for an error status, ``LumenConfigurationError``
  without a key, ``APIConnectionError`` when unreachable) and still an ``Exception`` whose text
  is the original's (``"Failed to enroll user: 409"``).

``api_key`` / ``api_url`` override ``$LUMEN_API_KEY`` / ``$LUMEN_API_URL``, which are read on
every call. Improvements, all invisible to code written for the original:

- one pooled ``AsyncLumenClient`` per (key, URL) and event loop instead of a new connection
  per call (see :mod:`paywire.lumen._pool`); idempotent requests are retried on 429/5xx and
  dropped connections;
- ``send_event`` always sends an ``idempotencyKey`` (a uuid4 when none is given; the server
  generates one when it is omitted, so nothing changes) and so is resent safely; a given key
  is validated (printable ASCII, ≤ 255 characters) and a bad one returns ``None`` without
  sending, like the original's other local failures. Seat changes get the same treatment
  (``idempotency_key`` in the body), so a resend replays instead of double-adding;
- a ``value`` that is neither a number nor a string (e.g. ``Decimal``) is refused (``None``)
  instead of being silently counted as 1;
- ``create_free_subscription_if_none_exists`` returns, rather than raises, when the customer
  already has a subscription (the API's 409 that carries it):
  ``{"success": True, "alreadyExists": True, "message": ..., "subscription": {...}}``;
- ``get_seat_usage_by_user`` treats ``customer: null`` like a missing customer id.
- a seat ``timestamp`` that does not end in ``Z`` is refused locally (``{"error": ...}``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import httpx

from paywire._core import APIStatusError, Flow, logger
from paywire.lumen import _pool
from paywire.lumen.client import (
    KEY_HELP,
    AsyncLumenClient,
    add_seat_body,
    event_body,
    features_from,
    remove_seat_body,
    resolve_api_key,
    sign_up_body,
)
from paywire.lumen.errors import LumenAPIError, LumenConfigurationError, LumenValidationError
from paywire.lumen.resources._base import CustomerKey
from paywire.lumen.resources.seats import NoSeats

if TYPE_CHECKING:  # generated code is imported where a body is built (resources/_base.py)
    from paywire_gen_lumen_v1.models import (
        AddSeatRequest,
        EventRequest,
        FreeSubscriptionRequest,
        RemoveSeatRequest,
    )

__all__ = [
    "add_seat",
    "create_free_subscription",
    "create_free_subscription_if_none_exists",
    "enroll_user",
    "get_customer_overview",
    "get_features",
    "get_seat_usage",
    "get_seat_usage_by_user",
    "get_subscription_status",
    "get_usage",
    "is_feature_entitled",
    "remove_seat",
    "send_event",
]

T = TypeVar("T")

KEY_NOT_SET = f"Lumen API key is not set. {KEY_HELP}"
KEY_NOT_SET_ERROR: dict[str, Any] = {"error": f"Error: {KEY_NOT_SET}"}
ID_REQUIRED = "Either user_id or lumen_customer_id must be provided"


# --- plumbing ---------------------------------------------------------------------------------
async def _call(
    api_key: str | None,
    api_url: str | None,
    make_flow: Callable[[AsyncLumenClient], Flow[T]],
    *,
    missing_key: Callable[[], T],
    unusable: Callable[[LumenConfigurationError], T],
) -> T:
    """Run a flow on the pooled client of this loop for (key, URL)."""
    try:
        key = resolve_api_key(api_key)
    except LumenConfigurationError:
        logger.warning("lumen: %s", KEY_NOT_SET)
        return missing_key()
    try:
        try:
            client = _pool.async_client(key, api_url)
        except RuntimeError:  # no asyncio loop (e.g. trio): a client for this one call
            async with AsyncLumenClient(key, api_url, cache_ttl_ms=0, **_pool.client_options) as once:
                outcome: T = await once._driver.run(make_flow(once))
            return outcome
    except LumenConfigurationError as exc:
        logger.warning("lumen: unusable api_url: %s", exc)
        return unusable(exc)
    result: T = await client._driver.run(make_flow(client))
    return result


def _error_dict(message: str) -> Callable[..., dict[str, Any]]:
    return lambda *_: {"error": message}


def _server_error(exc: APIStatusError) -> Any:
    """The body's ``error`` field when truthy (what the original reports), else None."""
    body = exc.body
    return body.get("error") or None if isinstance(body, Mapping) else None


def _failure(exc: Exception, failed: str, caught: str) -> dict[str, Any]:
    """The original's error dict for a call that failed with ``exc``."""
    if isinstance(exc, LumenValidationError):
        return {"error": str(exc)}
    if isinstance(exc, APIStatusError):
        logger.warning("lumen: failed to %s: status=%d", failed, exc.status_code)
        return {"error": _server_error(exc) or f"Failed to {failed}: {exc.status_code}"}
    logger.warning("lumen: failed to %s: %s", failed, exc)
    return {"error": caught}


def _as_dict(raw: Flow[Any], failed: str, caught: str) -> Flow[Any]:
    """The original's error-dict contract around a raw JSON flow."""
    try:
        return (yield from raw)
    except Exception as exc:
        return _failure(exc, failed, caught)


def _customer(user_id: str | None, lumen_customer_id: str | None) -> CustomerKey | None:
    """(id, is your user id) as the original picks it (your user id first), None without one."""
    if user_id:
        return user_id, True
    if lumen_customer_id:
        return lumen_customer_id, False
    return None


def _raising(raw: Flow[T], failed: str) -> Flow[T]:
    """The original's raising contract: an error status is ``"Failed to <what>: <status>"``."""
    try:
        return (yield from raw)
    except LumenAPIError as exc:
        raise exc.with_message(f"Failed to {failed}: {exc.status_code}") from exc


def _raise_missing_key() -> Any:
    raise LumenConfigurationError(KEY_NOT_SET)


def _reraise(exc: LumenConfigurationError) -> Any:
    raise exc


# --- customers --------------------------------------------------------------------------------
async def get_subscription_status(
    user_id: str, api_url: str | None = None, api_key: str | None = None
) -> dict[str, Any]:
    """``{"hasActiveSubscription": bool, "customer": {...} | None, "subscription": ...}``, or
    ``{"error": str}``."""
    caught = "Catch error: Failed to fetch subscription status"
    return await _call(
        api_key, api_url,
        lambda c: _as_dict(c._status_json(user_id), "fetch subscription status", caught),
        missing_key=lambda: dict(KEY_NOT_SET_ERROR), unusable=_error_dict(caught),
    )


async def get_customer_overview(
    user_id: str, api_url: str | None = None, api_key: str | None = None
) -> dict[str, Any]:
    """``{"portal": {customer, subscription, paymentMethods, invoices, payments}}`` or
    ``{"error": str}``."""
    caught = "Catch error: Failed to fetch customer overview"
    return await _call(
        api_key, api_url,
        lambda c: _as_dict(c._overview_json(user_id), "fetch customer overview", caught),
        missing_key=lambda: dict(KEY_NOT_SET_ERROR), unusable=_error_dict(caught),
    )


def _seat_usage_by_user(client: AsyncLumenClient, user_id: str) -> Flow[Any]:
    """The client's two steps (``SeatsOps.get_seat_usage_by_user``), each with the original's errors."""
    try:
        customer_id = yield from client._seat_holder(user_id)
    except NoSeats as exc:
        return {"error": str(exc)}
    except Exception as exc:
        return _failure(exc, "fetch subscription status", "Catch error: Failed to fetch subscription status")
    return (yield from _as_dict(client._seat_usage_json(customer_id), "fetch seat usage",
                                "Catch error: Failed to fetch seat usage by user"))


async def get_seat_usage_by_user(
    user_id: str, api_url: str | None = None, api_key: str | None = None
) -> dict[str, Any]:
    """Seat usage by your user id: subscription status, then ``/v1/seats/usage/{cus_id}``.
    ``{"error": "Customer not found" | "No active subscription" | ...}`` otherwise."""
    return await _call(
        api_key, api_url, lambda c: _seat_usage_by_user(c, user_id),
        missing_key=lambda: dict(KEY_NOT_SET_ERROR),
        unusable=_error_dict("Catch error: Failed to fetch seat usage by user"),
    )


# --- entitlements -----------------------------------------------------------------------------
def _usage(client: AsyncLumenClient, customer_id: str, is_ext: bool) -> Flow[Any]:
    try:
        return (yield from client._entitlements_json(customer_id, is_ext))
    except APIStatusError as exc:
        # As the original: the full URL (with the query), not the server's message.
        url = str(exc.response.request.url)
        logger.warning("lumen: failed to fetch entitlements: status=%d", exc.status_code)
        return {"error": f"Error: Failed to fetch {url}"}
    except Exception as exc:
        logger.warning("lumen: failed to fetch entitlements: %s", exc)
        return {"error": f"Catch error: Failed to fetch /v1/entitlements/{quote(customer_id)}"}


async def get_usage(
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, Any]:
    """``{"entitlements": [{"feature": {...}, "entitled": bool, ...}]}`` by your ``user_id``
    (preferred) or the Lumen customer id, or ``{"error": str}``."""
    customer = _customer(user_id, lumen_customer_id)
    if customer is None:
        return {"error": ID_REQUIRED}
    customer_id, is_ext = customer
    caught = f"Catch error: Failed to fetch /v1/entitlements/{quote(customer_id)}"
    return await _call(
        api_key, api_url, lambda c: _usage(c, customer_id, is_ext),
        missing_key=lambda: dict(KEY_NOT_SET_ERROR), unusable=_error_dict(caught),
    )


async def get_features(
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, bool]:
    """Feature slug → entitled (e.g. ``{"api-calls": True, "premium-feature": False}``);
    ``{}`` on any failure."""
    usage = await get_usage(user_id=user_id, lumen_customer_id=lumen_customer_id,
                            api_url=api_url, api_key=api_key)
    return features_from(usage)


def _entitled(client: AsyncLumenClient, feature: str, customer: CustomerKey) -> Flow[bool]:
    """The client's uncached check (``GET /v1/entitlements/{id}/feature/{slug}``), failing closed."""
    try:
        return (yield from client._entitled_flow(customer, feature))
    except Exception as exc:
        logger.warning("lumen: entitlement check failed closed: %s", exc)
        return False


async def is_feature_entitled(
    feature: str,
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> bool:
    """True only when Lumen says ``entitled: true``; ``False`` on any failure (fail closed)."""
    customer = _customer(user_id, lumen_customer_id)
    if customer is None:
        return False
    return await _call(api_key, api_url, lambda c: _entitled(c, feature, customer),
                       missing_key=lambda: False, unusable=lambda _: False)


# --- events -----------------------------------------------------------------------------------
def _send(client: AsyncLumenClient, build: Callable[[], EventRequest]) -> Flow[httpx.Response | None]:
    try:
        body = build()
        response = yield from client._event_response(body)
    except LumenValidationError as exc:
        logger.warning("lumen: event not sent: %s", exc)
        return None
    except APIStatusError as exc:
        logger.warning("lumen: failed to send event: status=%d", exc.status_code)
        return exc.response
    except Exception as exc:
        logger.warning("lumen: failed to send event: %s", exc)
        return None
    return response


async def send_event(
    name: str,
    value: int | float | str | None = None,
    user_id: str | None = None,
    lumen_customer_id: str | None = None,
    idempotency_key: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> httpx.Response | None:
    """Record a usage event. Returns the ``httpx.Response`` (202 on success, also for a
    duplicate ``idempotency_key``; an error status is returned, not raised), or ``None`` when
    nothing could be sent (no key, bad input, unreachable)."""

    def build() -> EventRequest:
        return event_body(name, value, user_id=user_id, lumen_customer_id=lumen_customer_id,
                          idempotency_key=idempotency_key)

    return await _call(api_key, api_url, lambda c: _send(c, build),
                       missing_key=lambda: None, unusable=lambda _: None)


# --- seats ------------------------------------------------------------------------------------
def _seat(client: AsyncLumenClient, kind: str, build: Callable[[], AddSeatRequest | RemoveSeatRequest]) -> Flow[Any]:
    try:
        body = build()
    except LumenValidationError as exc:
        return {"error": str(exc)}
    what = "add seat" if kind == "add" else "remove seat"
    return (yield from _as_dict(client._seat_json(body), what,
                                f"Catch error: Failed to {what}"))


async def add_seat(
    new_user_id: str,
    organisation_user_id: str | None = None,
    organization_id: str | None = None,
    metadata: dict[str, Any] | None = None,
    idempotency_key: str | None = None,
    timestamp: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, Any]:
    """Add ``new_user_id`` to the organisation's seat-based subscription; the API's JSON or
    ``{"error": str}``."""

    def build() -> AddSeatRequest:
        return add_seat_body(new_user_id, organisation_user_id=organisation_user_id,
                             organization_id=organization_id, metadata=metadata,
                             idempotency_key=idempotency_key, timestamp=timestamp)

    return await _call(api_key, api_url, lambda c: _seat(c, "add", build),
                       missing_key=lambda: dict(KEY_NOT_SET_ERROR),
                       unusable=_error_dict("Catch error: Failed to add seat"))


async def remove_seat(
    removed_user_id: str,
    organisation_user_id: str | None = None,
    organization_id: str | None = None,
    metadata: dict[str, Any] | None = None,
    idempotency_key: str | None = None,
    timestamp: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, Any]:
    """Remove ``removed_user_id``'s seat; the API's JSON or ``{"error": str}``."""

    def build() -> RemoveSeatRequest:
        return remove_seat_body(removed_user_id, organisation_user_id=organisation_user_id,
                                organization_id=organization_id, metadata=metadata,
                                idempotency_key=idempotency_key, timestamp=timestamp)

    return await _call(api_key, api_url, lambda c: _seat(c, "remove", build),
                       missing_key=lambda: dict(KEY_NOT_SET_ERROR),
                       unusable=_error_dict("Catch error: Failed to remove seat"))


async def get_seat_usage(
    customer_id: str, api_url: str | None = None, api_key: str | None = None
) -> dict[str, Any]:
    """Seat usage by Lumen customer id (``cus_...``), or ``{"error": str}``."""
    caught = "Catch error: Failed to get seat usage"
    return await _call(
        api_key, api_url,
        lambda c: _as_dict(c._seat_usage_json(customer_id), "get seat usage", caught),
        missing_key=lambda: dict(KEY_NOT_SET_ERROR), unusable=_error_dict(caught),
    )


# --- enrollment / free subscription -------------------------------------------------------------
# The parameter lists repeat the client methods' (resources/enrollment.py, subscriptions.py) on
# purpose: the seed fixes these signatures, api_url/api_key last, and typing cannot derive one
# signature from another. The bodies are one: sign_up_body + the client's own flows.
async def enroll_user(
    email: str,
    name: str,
    user_id: str,
    plan_id: str | None = None,
    billing_address_line1: str | None = None,
    billing_address_line2: str | None = None,
    billing_city: str | None = None,
    billing_postal_code: str | None = None,
    billing_country: str | None = None,
    tax_id: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, Any]:
    """Enroll a user on sign-up (enrollment rules, else the first free plan). Returns the API's
    JSON; raises ``LumenAPIError`` (``"Failed to enroll user: <status>"``) on an error status,
    e.g. 409 when the user already has a subscription."""
    from paywire_gen_lumen_v1.models import EnrollmentRequest  # see resources/_base.py

    body = sign_up_body(EnrollmentRequest, email, name, user_id, plan_id, billing_address_line1=billing_address_line1,
                        billing_address_line2=billing_address_line2, billing_city=billing_city,
                        billing_postal_code=billing_postal_code, billing_country=billing_country, tax_id=tax_id)
    result: dict[str, Any] = await _call(
        api_key, api_url, lambda c: _raising(c._enroll_json(body), "enroll user"),
        missing_key=_raise_missing_key, unusable=_reraise,
    )
    return result


def _free_subscription(client: AsyncLumenClient, body: FreeSubscriptionRequest) -> Flow[Any]:
    created, data = yield from _raising(client._free_subscription_json(body), "create free subscription")
    if created:
        return data
    return {"success": True, "alreadyExists": True, "message": data.get("error"),
            "subscription": data.get("subscription")}


async def create_free_subscription_if_none_exists(
    email: str,
    name: str,
    user_id: str,
    billing_address_line1: str | None = None,
    billing_address_line2: str | None = None,
    billing_city: str | None = None,
    billing_postal_code: str | None = None,
    billing_country: str | None = None,
    tax_id: str | None = None,
    api_url: str | None = None,
    api_key: str | None = None,
) -> dict[str, Any]:
    """``{"success": True, "subscription": {...}}`` when one was created, ``{"success": True,
    "alreadyExists": True, "message": ..., "subscription": {...}}`` when the customer already
    had one; raises ``LumenAPIError`` (``"Failed to create free subscription: <status>"``)."""
    from paywire_gen_lumen_v1.models import FreeSubscriptionRequest  # see resources/_base.py

    body = sign_up_body(FreeSubscriptionRequest, email, name, user_id, billing_address_line1=billing_address_line1,
                        billing_address_line2=billing_address_line2, billing_city=billing_city,
                        billing_postal_code=billing_postal_code, billing_country=billing_country, tax_id=tax_id)
    result: dict[str, Any] = await _call(
        api_key, api_url, lambda c: _free_subscription(c, body),
        missing_key=_raise_missing_key, unusable=_reraise,
    )
    return result


create_free_subscription = create_free_subscription_if_none_exists

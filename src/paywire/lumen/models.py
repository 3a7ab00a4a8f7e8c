"""Typed results of the Lumen client.

Most results are the generated models of ``paywire_gen_lumen_v1`` (attrs classes with
``to_dict()`` and an ``additional_properties`` dict that keeps unknown fields); they are
re-exported here by static import, so mypy checks every use against the spec. Two small wrappers cover what
the spec cannot say in one model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias

from paywire_gen_lumen_v1.models import (
    AddSeatResponse,
    CreditInfo,
    DodoSetupIntentResponse,
    EnrolledSubscription,
    EnrollmentResponse,
    Entitlement,
    EntitlementFeature,
    EventAcceptedMessage,
    EventIngested,
    InvoicePdfResponse,
    OtherSetupIntentResponse,
    PortalActionResponse,
    PortalOverview,
    RemoveSeatResponse,
    SeatUsageResponse,
    StripeSetupIntentResponse,
    SubscriptionStatus,
)

#: ``send_event``'s 202 body: ``{event, deduplicated}`` or the older ``{message}``.
EventResult: TypeAlias = EventIngested | EventAcceptedMessage
#: ``create_setup_intent``'s body, per payment provider.
SetupIntentResult: TypeAlias = (
    StripeSetupIntentResponse | DodoSetupIntentResponse | OtherSetupIntentResponse
)

__all__ = [
    "AddSeatResponse",
    "CreditInfo",
    "DodoSetupIntentResponse",
    "EnrolledSubscription",
    "EnrollmentResponse",
    "Entitlement",
    "EntitlementFeature",
    "EventAcceptedMessage",
    "EventIngested",
    "EventResult",
    "FreeSubscriptionResult",
    "InvoicePdfResponse",
    "OtherSetupIntentResponse",
    "PortalActionResponse",
    "PortalOverview",
    "RemoveSeatResponse",
    "SeatUsageResponse",
    "SetupIntentResult",
    "StripeSetupIntentResponse",
    "SubscriptionStatus",
]

@dataclass(frozen=True)
class FreeSubscriptionResult:
    """What ``create_free_subscription_if_none_exists`` did.

    ``created`` is False when the customer already had a subscription (the API's 409 "already
    exists" answer, which carries that subscription): the call's goal holds either way.
    """

    created: bool
    subscription: EnrolledSubscription | None
    message: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

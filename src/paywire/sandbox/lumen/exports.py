"""What ``paywire.sandbox.lumen`` exports, all of it loaded (handlers and controls
registered): the package itself imports this module on the first use of one of these names,
so importing the package (as the server does at start-up) declares only its ServiceApps."""

from __future__ import annotations

# The handler and control modules register themselves on lumen_v1 when imported.
from paywire.sandbox.lumen import controls, handlers  # noqa: F401
from paywire.sandbox.lumen.service import lumen_v1
from paywire.sandbox.lumen.state import (
    API_CALL_EVENT,
    DEFAULT_API_KEY,
    EVENT_DEDUP_SECONDS,
    FREE_PLAN_ID,
    INVALID_EVENT_DETAILS,
    PDF_URL_TTL,
    PERIOD_SECONDS,
    PRO_PLAN_ID,
    PUBLISHABLE_KEY,
    SEATS_METRIC,
    CreditGrant,
    Customer,
    Invoice,
    LumenState,
    Override,
    Payment,
    PaymentMethod,
    Plan,
    PlanFeature,
    Seat,
    SeatComponent,
    SetupIntent,
    Subscription,
    UsageEvent,
)

__all__ = [
    "API_CALL_EVENT",
    "DEFAULT_API_KEY",
    "EVENT_DEDUP_SECONDS",
    "FREE_PLAN_ID",
    "INVALID_EVENT_DETAILS",
    "PDF_URL_TTL",
    "PERIOD_SECONDS",
    "PRO_PLAN_ID",
    "PUBLISHABLE_KEY",
    "SEATS_METRIC",
    "CreditGrant",
    "Customer",
    "Invoice",
    "LumenState",
    "Override",
    "Payment",
    "PaymentMethod",
    "Plan",
    "PlanFeature",
    "Seat",
    "SeatComponent",
    "SetupIntent",
    "Subscription",
    "UsageEvent",
    "lumen_v1",
]

"""paywire.lumen: the Lumen (getlumen.dev) billing and entitlements API.

Drop-in for ``lumen-python-sdk`` (only the import changes)::

    from paywire.lumen import get_subscription_status, send_event, is_feature_entitled
    from paywire.lumen.handlers import lumen_flask_handler, lumen_fastapi_handler, lumen_django_handler

    status = await get_subscription_status(user_id="user_123")

Typed clients (sync and async, same methods), raising typed errors::

    from paywire.lumen import LumenClient, AsyncLumenClient
    with LumenClient() as lumen:                      # $LUMEN_API_KEY, $LUMEN_API_URL
        lumen.is_feature_entitled("premium-feature", user_id="user_123")
"""

from __future__ import annotations

from paywire.lumen.client import DEFAULT_BASE_URL, AsyncLumenClient, LumenClient
from paywire.lumen.errors import (
    LumenAPIError,
    LumenAuthenticationError,
    LumenBadRequestError,
    LumenConfigurationError,
    LumenConflictError,
    LumenError,
    LumenNotFoundError,
    LumenPermissionError,
    LumenRateLimitError,
    LumenResponseError,
    LumenValidationError,
)
from paywire.lumen.functions import (
    add_seat,
    create_free_subscription,
    create_free_subscription_if_none_exists,
    enroll_user,
    get_customer_overview,
    get_features,
    get_seat_usage,
    get_seat_usage_by_user,
    get_subscription_status,
    get_usage,
    is_feature_entitled,
    remove_seat,
    send_event,
)
from paywire.lumen.models import FreeSubscriptionResult

__all__ = [
    "DEFAULT_BASE_URL",
    "AsyncLumenClient",
    "FreeSubscriptionResult",
    "LumenAPIError",
    "LumenAuthenticationError",
    "LumenBadRequestError",
    "LumenClient",
    "LumenConfigurationError",
    "LumenConflictError",
    "LumenError",
    "LumenNotFoundError",
    "LumenPermissionError",
    "LumenRateLimitError",
    "LumenResponseError",
    "LumenValidationError",
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

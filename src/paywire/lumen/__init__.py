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

from typing import TYPE_CHECKING

from paywire.lumen import errors, functions
from paywire.lumen.client import DEFAULT_BASE_URL, AsyncLumenClient, LumenClient
from paywire.lumen.errors import *  # noqa: F403  (the seed's exception names: errors.__all__)
from paywire.lumen.functions import *  # noqa: F403  (the seed's module functions: functions.__all__)

if TYPE_CHECKING:
    from paywire.lumen.models import FreeSubscriptionResult

# The seed's exceptions and module functions are listed once, in their own modules.
__all__ = ["DEFAULT_BASE_URL", "AsyncLumenClient", "FreeSubscriptionResult", "LumenClient"]
__all__ += errors.__all__
__all__ += functions.__all__


def __getattr__(name: str) -> object:
    # paywire.lumen.models re-exports the generated models (attrs classes): imported on first
    # use, so `import paywire.lumen` loads neither the generated package nor attrs.
    if name == "FreeSubscriptionResult":
        from paywire.lumen.models import FreeSubscriptionResult

        return FreeSubscriptionResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

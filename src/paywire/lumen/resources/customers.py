"""Customers: subscription status and the portal overview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from paywire._core import Flow, operation
from paywire._core.decode import decode_json
from paywire.lumen.errors import LumenResponseError
from paywire.lumen.resources._base import LumenBase, json_of, require_text

if TYPE_CHECKING:
    from paywire_gen_lumen_v1.models import PortalOverview, PortalOverviewResponse, SubscriptionStatus


class CustomersOps(LumenBase):
    def _status_response(self, user_id: str) -> Flow[httpx.Response]:
        # generated code is imported on first call (resources/_base.py)
        from paywire_gen_lumen_v1.api.customers import get_subscription_status

        spec = get_subscription_status.build_request(external_customer_id=require_text(user_id, "user_id"))
        return (yield from self._send_spec(spec))

    def _status_json(self, user_id: str) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.customers import get_subscription_status

        return json_of(get_subscription_status, (yield from self._status_response(user_id)))

    def _overview(self, user_id: str) -> Flow[tuple[PortalOverviewResponse, Any]]:
        """(the parsed answer, the portal JSON as the original SDK returns it)."""
        from paywire_gen_lumen_v1.api.customers import get_customer_overview

        spec = get_customer_overview.build_request(external_customer_id=require_text(user_id, "user_id"))
        response = yield from self._send_spec(spec)
        data = decode_json(response, LumenResponseError)  # decoded once; parse_success reuses it
        if isinstance(data, dict) and "portal" not in data and "customer" in data:
            # lumen-python-sdk's own fixtures send the portal object unwrapped (reference:
            # lumen-sdk-behaviour.md): check it as the wrapped body the spec describes.
            return get_customer_overview.parse_response(response, LumenResponseError, data={"portal": data}), data
        return get_customer_overview.parse_response(response, LumenResponseError), data

    def _overview_json(self, user_id: str) -> Flow[Any]:
        return (yield from self._overview(user_id))[1]

    @operation
    def get_subscription_status(self, user_id: str) -> Flow[SubscriptionStatus]:
        """``GET /v1/customers/subscription-status``: an unknown user has
        ``has_active_subscription=False`` and no ``customer``."""
        from paywire_gen_lumen_v1.api.customers import get_subscription_status

        return get_subscription_status.parse_response((yield from self._status_response(user_id)), LumenResponseError)

    @operation
    def get_customer_overview(self, user_id: str) -> Flow[PortalOverview]:
        """``GET /v1/customers/portal/overview``: customer, subscription, payment methods,
        invoices and payments (the ``portal`` object; a body without the wrapper is accepted)."""
        return (yield from self._overview(user_id))[0].portal

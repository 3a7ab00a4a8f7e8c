"""Portal: the endpoints the browser reaches through the proxy handlers (setup intents and
payment methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenResponseError
from paywire.lumen.resources._base import LumenBase, json_of, require_text

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import PortalActionResponse

    from paywire.lumen.models import SetupIntentResult


class PortalOps(LumenBase):
    @operation
    def create_setup_intent(self, external_customer_id: str) -> Flow[SetupIntentResult]:
        """Start adding a payment method: Stripe ``client_secret`` or a Dodo payment link."""
        from paywire_gen_lumen_v1.api.portal import create_setup_intent as gen_setup_intent
        from paywire_gen_lumen_v1.models import (
            CreateSetupIntentRequest,
            DodoSetupIntentResponse,
            OtherSetupIntentResponse,
            StripeSetupIntentResponse,
        )

        body = CreateSetupIntentRequest(external_customer_id=require_text(external_customer_id,
                                                                          "external_customer_id"))
        response = yield from self._send_spec(gen_setup_intent.build_request(body=body))
        data = json_of(gen_setup_intent, response)  # checked against the spec's oneOf
        # The provider names the shape (the oneOf has no discriminator the generated parser uses).
        if data.get("provider") == "stripe":
            return StripeSetupIntentResponse.from_dict(data)
        if data.get("provider") == "dodo":
            return DodoSetupIntentResponse.from_dict(data)
        return OtherSetupIntentResponse.from_dict(data)

    @operation
    def set_subscription_payment_method(self, external_customer_id: str,
                                        payment_method_id: str) -> Flow[PortalActionResponse]:
        """Charge the subscription to this (already attached) payment method."""
        from paywire_gen_lumen_v1.api.portal import set_subscription_payment_method as gen_set_payment_method
        from paywire_gen_lumen_v1.models import SetSubscriptionPaymentMethodRequest

        body = SetSubscriptionPaymentMethodRequest(
            external_customer_id=require_text(external_customer_id, "external_customer_id"),
            payment_method_id=require_text(payment_method_id, "payment_method_id"))
        response = yield from self._send_spec(gen_set_payment_method.build_request(body=body), retry_safe=True)
        return gen_set_payment_method.parse_response(response, LumenResponseError)

    @operation
    def remove_payment_method(self, payment_method_id: str,
                              external_customer_id: str | None = None) -> Flow[PortalActionResponse]:
        """Delete a payment method (409 while it pays an active subscription); with
        ``external_customer_id`` the server also checks the method is that customer's."""
        from paywire_gen_lumen_v1.api.portal import remove_payment_method as gen_remove_payment_method
        from paywire_gen_lumen_v1.types import UNSET

        spec = gen_remove_payment_method.build_request(
            require_text(payment_method_id, "payment_method_id"),
            external_customer_id=UNSET if external_customer_id is None else external_customer_id)
        response = yield from self._send_spec(spec)
        return gen_remove_payment_method.parse_response(response, LumenResponseError)

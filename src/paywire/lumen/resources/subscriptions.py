"""Subscriptions: ``create_free_subscription_if_none_exists``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenConflictError, LumenResponseError
from paywire.lumen.resources._base import LumenBase, json_of, sign_up_body

if TYPE_CHECKING:  # generated code (and paywire.lumen.models, built on it) is imported on first call
    from paywire_gen_lumen_v1.models import FreeSubscriptionRequest, FreeSubscriptionResponse

    from paywire.lumen.models import FreeSubscriptionResult


class SubscriptionsOps(LumenBase):
    def _free_subscription(self, body: FreeSubscriptionRequest) -> Flow[tuple[FreeSubscriptionResponse | None, Any]]:
        """(the parsed answer, its JSON) when one was created; (None, the 409 body) when the
        customer already has one (a 409 that carries the existing subscription). Safe to
        resend: a resend after a lost reply gets that 409."""
        from paywire_gen_lumen_v1.api.subscriptions import create_free_subscription as gen_free_subscription

        try:
            response = yield from self._send_spec(gen_free_subscription.build_request(body=body), retry_safe=True)
        except LumenConflictError as exc:
            if isinstance(exc.body, Mapping) and isinstance(exc.body.get("subscription"), Mapping):
                return None, dict(exc.body)
            raise
        finally:
            self._forget(body.user_id)
        return gen_free_subscription.parse_response(response, LumenResponseError), json_of(gen_free_subscription,
                                                                                           response)

    def _free_subscription_json(self, body: FreeSubscriptionRequest) -> Flow[tuple[bool, Any]]:
        """(created, body) as the module functions want it."""
        model, data = yield from self._free_subscription(body)
        return model is not None, data

    # shape-alike with enrollment.enroll_user: another operation and request model, same sign-up fields
    @operation
    def create_free_subscription_if_none_exists(
        self,
        email: str,
        name: str,
        user_id: str,
        billing_address_line1: str | None = None,
        billing_address_line2: str | None = None,
        billing_city: str | None = None,
        billing_postal_code: str | None = None,
        billing_country: str | None = None,
        tax_id: str | None = None,
    ) -> Flow[FreeSubscriptionResult]:
        """Create a free subscription unless the customer has one: ``created`` tells which."""
        from paywire_gen_lumen_v1.models import EnrolledSubscription, FreeSubscriptionRequest

        from paywire.lumen.models import FreeSubscriptionResult

        body = sign_up_body(FreeSubscriptionRequest, email, name, user_id, billing_address_line1=billing_address_line1,
                            billing_address_line2=billing_address_line2, billing_city=billing_city,
                            billing_postal_code=billing_postal_code, billing_country=billing_country, tax_id=tax_id)
        model, data = yield from self._free_subscription(body)
        if model is not None:
            return FreeSubscriptionResult(True, model.subscription, model.message, dict(data))
        # The 409 body (the existing subscription) is an error body, outside the success parser.
        sub = data.get("subscription")
        try:
            existing = None if sub is None else EnrolledSubscription.from_dict(sub)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LumenResponseError(f"unexpected subscription from Lumen: {type(exc).__name__}: {exc}") from exc
        message = data.get("error")
        return FreeSubscriptionResult(False, existing, message if isinstance(message, str) else None, dict(data))

    create_free_subscription = operation(create_free_subscription_if_none_exists.fn)

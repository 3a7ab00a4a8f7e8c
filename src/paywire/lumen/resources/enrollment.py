"""Enrollment: ``enroll_user`` (``POST /v1/enrollment/enroll``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenResponseError
from paywire.lumen.resources._base import LumenBase, json_of, sign_up_body

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import EnrollmentRequest, EnrollmentResponse


class EnrollmentOps(LumenBase):
    def _enroll_response(self, body: EnrollmentRequest) -> Flow[httpx.Response]:
        from paywire_gen_lumen_v1.api.enrollment import enroll_user as gen_enroll_user

        # No idempotency key exists for enrollment: never resent once it may have arrived.
        try:
            return (yield from self._send_spec(gen_enroll_user.build_request(body=body)))
        finally:
            self._forget(body.user_id)

    def _enroll_json(self, body: EnrollmentRequest) -> Flow[Any]:
        from paywire_gen_lumen_v1.api.enrollment import enroll_user as gen_enroll_user

        return json_of(gen_enroll_user, (yield from self._enroll_response(body)))

    # shape-alike with subscriptions.create_free_subscription_if_none_exists: another operation and request model, same sign-up fields
    @operation
    def enroll_user(
        self,
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
    ) -> Flow[EnrollmentResponse]:
        """Enroll a new user (enrollment rules, else the first free plan; ``plan_id`` forces a
        plan with a free price). An existing subscription is a :class:`LumenConflictError`."""
        from paywire_gen_lumen_v1.api.enrollment import enroll_user as gen_enroll_user
        from paywire_gen_lumen_v1.models import EnrollmentRequest

        body = sign_up_body(EnrollmentRequest, email, name, user_id, plan_id, billing_address_line1=billing_address_line1,
                            billing_address_line2=billing_address_line2, billing_city=billing_city,
                            billing_postal_code=billing_postal_code, billing_country=billing_country, tax_id=tax_id)
        return gen_enroll_user.parse_response((yield from self._enroll_response(body)), LumenResponseError)

"""Tag ``checkout``: hosted checkout pages (subscription, and saving a payment method)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.vellum.models import Record
from paywire.vellum.resources._base import E, VellumResource, bad, check, record

if TYPE_CHECKING:
    from paywire_gen_vellum_v1 import models as m1
    from paywire_gen_vellum_v2 import models as m2


class CheckoutResource(VellumResource):
    @operation
    def create_checkout(self, *, account_id: str, customer_id: str, plan_id: str,
                        plan_version: int | None = None, success_url: str, cancel_url: str, seats: int = 1,
                        product_id: str | None = None, add_on_module_ids: list[str] | None = None,
                        ) -> Flow[Record[m1.CheckoutSession | m2.CheckoutSession]]:
        """Start a hosted subscription checkout; redirect the customer to the result's ``url``.

        ``plan_version`` is required on v1; on v2 omitting it sells the newest version.
        ``product_id`` and ``add_on_module_ids`` are v2 only. v2 answers 409 (a
        ``VellumApiError`` / ``ConflictError``) when the customer already has a subscription.
        """
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.checkout import create_checkout as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.checkout import create_checkout as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        plan, count = check.path_id(plan_id, "plan_id"), check.count(seats, "seats")
        ok, cancel = check.url(success_url, "success_url"), check.url(cancel_url, "cancel_url")
        if self._v1:
            self._require_args("plan_extras", "create_checkout", product_id=product_id,
                               add_on_module_ids=add_on_module_ids)
            if plan_version is None:
                raise bad("create_checkout: plan_version is required on api_version v1", "plan_version")
            spec = op1.build_request(self._tenant, account, body=m1.CheckoutRequest(
                customer_id=customer, plan_id=plan, plan_version=check.count(plan_version, "plan_version"),
                seats=count, success_url=ok, cancel_url=cancel))
        else:
            spec = op2.build_request(self._tenant, account, body=m2.CheckoutRequest(
                customer_id=customer, plan_id=plan, seats=count, success_url=ok, cancel_url=cancel,
                plan_version=None if plan_version is None else check.count(plan_version, "plan_version"),
                product_id=check.optional_text(product_id, "product_id"),
                add_on_module_ids=check.optional_path_ids(add_on_module_ids, "add_on_module_ids")))
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def create_setup_checkout(self, *, account_id: str, success_url: str,
                              cancel_url: str) -> Flow[Record[m1.CheckoutSession | m2.SessionUrl]]:
        """Hosted page that saves a payment method without charging."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.checkout import create_setup_checkout as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.checkout import create_setup_checkout as op2

        account = check.path_id(account_id, "account_id")
        ok, cancel = check.url(success_url, "success_url"), check.url(cancel_url, "cancel_url")
        spec = op1.build_request(self._tenant, account, body=m1.SetupCheckoutRequest(
            success_url=ok, cancel_url=cancel)) if self._v1 else \
            op2.build_request(self._tenant, account, body=m2.SetupCheckoutRequest(success_url=ok, cancel_url=cancel))
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

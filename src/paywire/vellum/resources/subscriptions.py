"""Tag ``subscriptions``: create, read, cancel (both versions) and the v2 changes (replace,
preview, seats, add-ons, plan, reactivate). Every change drops the customer's cached
entitlements, whether or not the answer arrives."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.vellum.models import Record
from paywire.vellum.resources._base import E, VellumResource, bad, check, record

if TYPE_CHECKING:
    from paywire_gen_vellum_v1 import models as m1
    from paywire_gen_vellum_v2 import models as m2
    from paywire_gen_vellum_v2.types import RequestSpec

#: what a v2 subscription change answers
V2Subscription = Record["m2.Subscription"]


class SubscriptionsResource(VellumResource):
    @operation
    def create_subscription(self, *, account_id: str, customer_id: str, plan_id: str,
                            plan_version: int | None = None, seats: int = 1, product_id: str | None = None,
                            add_on_module_ids: list[str] | None = None,
                            ) -> Flow[Record[m1.SubscribeResponse | m2.Subscription]]:
        """Create a server-side subscription (trial per plan config). v2: needs a saved card;
        409 when the customer already has one. Invalidates the customer's cached entitlements."""
        # shape-alike with checkout.create_checkout: another operation and request model (see _base.py)
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.subscriptions import create_subscription as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import create_subscription as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        plan, count = check.path_id(plan_id, "plan_id"), check.count(seats, "seats")
        if self._v1:
            self._require_args("plan_extras", "create_subscription", product_id=product_id,
                               add_on_module_ids=add_on_module_ids)
            if plan_version is None:
                raise bad("create_subscription: plan_version is required on api_version v1", "plan_version")
            spec = op1.build_request(self._tenant, account, customer, body=m1.SubscribeRequest(
                plan_id=plan, plan_version=check.count(plan_version, "plan_version"), seats=count))
        else:
            spec = op2.build_request(self._tenant, account, customer, body=m2.SubscribeRequest(
                plan_id=plan, seats=count, plan_version=check.optional_count(plan_version, "plan_version"),
                product_id=check.optional_text(product_id, "product_id"),
                add_on_module_ids=check.optional_path_ids(add_on_module_ids, "add_on_module_ids")))
        resp = yield from self._changing(customer, spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def cancel_subscription(self, *, account_id: str, customer_id: str,
                            at_period_end: bool = False) -> Flow[Record[m1.Subscription | m2.Subscription]]:
        """Cancel now, or at the end of the current period (``atPeriodEnd=true`` is sent only
        when asked for)."""
        from paywire_gen_vellum_v1.api.subscriptions import cancel_subscription as op1
        from paywire_gen_vellum_v2.api.subscriptions import cancel_subscription as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        if self._v1:
            spec = op1.build_request(self._tenant, account, customer, at_period_end=True) if at_period_end \
                else op1.build_request(self._tenant, account, customer)
        else:
            spec = op2.build_request(self._tenant, account, customer, at_period_end=True) if at_period_end \
                else op2.build_request(self._tenant, account, customer)
        resp = yield from self._changing(customer, spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def get_subscription(self, *, account_id: str,
                         customer_id: str) -> Flow[Record[m1.Subscription | m2.Subscription]]:
        # shape-alike with billing.set_default_payment_method: another operation (see _base.py)
        from paywire_gen_vellum_v1.api.subscriptions import get_subscription as op1
        from paywire_gen_vellum_v2.api.subscriptions import get_subscription as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        spec = op1.build_request(self._tenant, account, customer) if self._v1 \
            else op2.build_request(self._tenant, account, customer)
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    # -- v2 only ------------------------------------------------------------------------------------
    @operation
    def update_subscription(self, *, account_id: str, customer_id: str, plan_id: str, plan_version: int,
                            product_id: str | None = None, seats: int | None = None,
                            add_on_module_ids: list[str] | None = None) -> Flow[V2Subscription]:
        """(v2) Replace plan, seats and add-ons in one call."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import update_subscription as op

        self._require("update_subscription")
        account, customer = self._account_and_customer(account_id, customer_id)
        body = m2.UpdateSubscriptionRequest(
            plan_id=check.path_id(plan_id, "plan_id"), plan_version=check.count(plan_version, "plan_version"),
            product_id=check.optional_text(product_id, "product_id"), seats=check.optional_count(seats, "seats"),
            add_on_module_ids=check.optional_path_ids(add_on_module_ids, "add_on_module_ids"))
        return (yield from self._change(op, customer, op.build_request(self._tenant, account, customer, body=body)))

    @operation
    def preview_change(self, *, account_id: str, customer_id: str, product_id: str | None = None,
                       plan_id: str | None = None, plan_version: int | None = None, seats: int | None = None,
                       add_on_module_ids: list[str] | None = None) -> Flow[Record[m2.ChangePreview]]:
        """(v2) What a change would cost now; changes nothing. Omitted fields keep their value."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import preview_change as op

        self._require("preview_change")
        body = m2.PreviewChangeRequest(
            product_id=check.optional_text(product_id, "product_id"),
            plan_id=None if plan_id is None else check.path_id(plan_id, "plan_id"),
            plan_version=check.optional_count(plan_version, "plan_version"), seats=check.optional_count(seats, "seats"),
            add_on_module_ids=check.optional_path_ids(add_on_module_ids, "add_on_module_ids"))
        resp = yield from self._submit(op.build_request(
            self._tenant, check.path_id(account_id, "account_id"), check.path_id(customer_id, "customer_id"), body=body))
        return record(resp, op.parse_response(resp, E))

    @operation
    def set_seats(self, *, account_id: str, customer_id: str, seats: int) -> Flow[V2Subscription]:
        """(v2) Change the seat count."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import set_seats as op

        self._require("set_seats")
        account, customer = self._account_and_customer(account_id, customer_id)
        body = m2.SetSeatsRequest(seats=check.count(seats, "seats"))
        return (yield from self._change(op, customer, op.build_request(self._tenant, account, customer, body=body)))

    @operation
    def add_add_on(self, *, account_id: str, customer_id: str, module_id: str) -> Flow[V2Subscription]:
        """(v2) Add one add-on module to the subscription."""
        return (yield from self._update_add_ons("add_add_on", account_id, customer_id, module_id, remove=False))

    @operation
    def remove_add_on(self, *, account_id: str, customer_id: str, module_id: str) -> Flow[V2Subscription]:
        """(v2) Remove one add-on module from the subscription."""
        return (yield from self._update_add_ons("remove_add_on", account_id, customer_id, module_id, remove=True))

    def _update_add_ons(self, method: str, account_id: str, customer_id: str, module_id: str, *,
                        remove: bool) -> Flow[V2Subscription]:
        """``update_add_ons`` with one module added or removed: the seed's two methods."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import update_add_ons as op

        self._require(method)
        account, customer = self._account_and_customer(account_id, customer_id)
        module = [check.path_id(module_id, "module_id")]
        body = m2.UpdateAddOnsRequest(remove=module) if remove else m2.UpdateAddOnsRequest(add=module)
        return (yield from self._change(op, customer, op.build_request(self._tenant, account, customer, body=body)))

    @operation
    def change_plan(self, *, account_id: str, customer_id: str, plan_id: str, plan_version: int,
                    product_id: str | None = None) -> Flow[V2Subscription]:
        """(v2) Move the subscription to another plan/version."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.subscriptions import change_plan as op

        self._require("change_plan")
        account, customer = self._account_and_customer(account_id, customer_id)
        body = m2.ChangePlanRequest(plan_id=check.path_id(plan_id, "plan_id"),
                                    plan_version=check.count(plan_version, "plan_version"),
                                    product_id=check.optional_text(product_id, "product_id"))
        return (yield from self._change(op, customer, op.build_request(self._tenant, account, customer, body=body)))

    @operation
    def reactivate(self, *, account_id: str, customer_id: str) -> Flow[V2Subscription]:
        """(v2) Undo a pending cancel-at-period-end (409 if the subscription already ended)."""
        from paywire_gen_vellum_v2.api.subscriptions import reactivate_subscription as op

        self._require("reactivate")
        account, customer = self._account_and_customer(account_id, customer_id)
        return (yield from self._change(op, customer, op.build_request(self._tenant, account, customer)))

    # -- shared -------------------------------------------------------------------------------------
    def _change(self, op: ModuleType, customer_id: str, spec: RequestSpec) -> Flow[V2Subscription]:

        resp = yield from self._changing(customer_id, spec)
        return record(resp, op.parse_response(resp, E))

"""Tag ``provisioning``: accounts (the billing entity) and customers (the entitled units)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.vellum.models import Record
from paywire.vellum.resources._base import E, VellumResource, bad, check, record

if TYPE_CHECKING:
    from paywire_gen_vellum_v1 import models as m1
    from paywire_gen_vellum_v2 import models as m2


class ProvisioningResource(VellumResource):
    @operation
    def create_account(self, *, account_id: str, name: str | None = None, email: str | None = None,
                       stripe_customer_id: str | None = None, create_stripe_customer: bool = False,
                       billing_customer_id: str | None = None,
                       create_billing_customer: bool = False) -> Flow[Record[m1.Account | m2.Account]]:
        """Create (or adopt) an account and its billing (Stripe) customer.

        Both spellings work on both versions: ``stripe_customer_id`` / ``create_stripe_customer``
        (0.1.0) and ``billing_customer_id`` / ``create_billing_customer`` (1.4.x); they are sent
        as ``stripeCustomerId`` / ``createStripeCustomer`` on v1 and ``billingCustomerId`` /
        ``createBillingCustomer`` on v2. v2 answers 409 when the billing customer conflicts.
        """
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.provisioning import create_account as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.provisioning import create_account as op2

        if stripe_customer_id is not None and billing_customer_id is not None \
                and stripe_customer_id != billing_customer_id:
            raise bad("pass stripe_customer_id or billing_customer_id, not two different values",
                      "billing_customer_id")
        customer = check.optional_text(billing_customer_id if billing_customer_id is not None else stripe_customer_id,
                           "billing_customer_id")
        create = True if (create_stripe_customer or create_billing_customer) else None  # sent only as true
        account, label, mail = check.path_id(account_id, "account_id"), check.optional_text(name, "name"), check.optional_text(email, "email")
        spec = op1.build_request(self._tenant, body=m1.CreateAccountRequest(
            account_id=account, name=label, email=mail, stripe_customer_id=customer,
            create_stripe_customer=create)) if self._v1 else \
            op2.build_request(self._tenant, body=m2.CreateAccountRequest(
                account_id=account, name=label, email=mail, billing_customer_id=customer,
                create_billing_customer=create))
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def create_customer(self, *, account_id: str, customer_id: str, email: str | None = None,
                        name: str | None = None) -> Flow[Record[m1.Customer | m2.Customer]]:
        """Create a customer (an entitled unit) under an account. ``name`` is v2 only."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.provisioning import create_customer as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.provisioning import create_customer as op2

        self._require_args("customer_name", "create_customer", name=name)
        account, customer = self._account_and_customer(account_id, customer_id)
        mail = check.optional_text(email, "email")
        spec = op1.build_request(self._tenant, account, body=m1.CreateCustomerRequest(
            customer_id=customer, email=mail)) if self._v1 else \
            op2.build_request(self._tenant, account, body=m2.CreateCustomerRequest(
                customer_id=customer, email=mail, name=check.optional_text(name, "name")))
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def set_account_status(self, *, account_id: str, status: str) -> Flow[Record[m1.Account | m2.Account]]:
        """Set an account's status. Drops every cached entitlement (an account spans customers)."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.provisioning import set_account_status as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.provisioning import set_account_status as op2

        value, account = check.text(status, "status"), check.path_id(account_id, "account_id")
        spec = op1.build_request(self._tenant, account, body=m1.StatusRequest(status=value)) if self._v1 \
            else op2.build_request(self._tenant, account, body=m2.StatusRequest(status=value))
        resp = yield from self._changing(None, spec)  # an account spans customers: drop all
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def set_customer_status(self, *, account_id: str, customer_id: str,
                            status: str) -> Flow[Record[m1.Customer | m2.Customer]]:
        """Set a customer's status. Drops that customer's cached entitlements."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.provisioning import set_customer_status as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.provisioning import set_customer_status as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        value = check.text(status, "status")
        spec = op1.build_request(self._tenant, account, customer, body=m1.StatusRequest(status=value)) \
            if self._v1 else op2.build_request(self._tenant, account, customer, body=m2.StatusRequest(status=value))
        resp = yield from self._changing(customer, spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

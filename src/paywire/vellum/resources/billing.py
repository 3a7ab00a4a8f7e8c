"""Tag ``billing``: payment methods, invoices and the invoice PDF (a redirect on v1, the
bytes on v2: one operationId whose meaning changed, so two methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.vellum.errors import VellumApiError, VellumResponseValidationError
from paywire.vellum.models import Record
from paywire.vellum.resources._base import E, VellumResource, check, record, records

if TYPE_CHECKING:
    from paywire_gen_vellum_v1 import models as m1
    from paywire_gen_vellum_v2 import models as m2

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: what the v2 invoice PDF may be labelled (the spec says application/pdf; "" = no header)
_PDF_TYPES = frozenset({"application/pdf", "application/octet-stream", ""})


class BillingResource(VellumResource):
    @operation
    def list_payment_methods(self, *, account_id: str) -> Flow[list[Record[m1.PaymentMethod | m2.PaymentMethod]]]:
        """The account's saved cards (the ``methods`` list). v2 items carry ``ref``, not ``id``."""
        from paywire_gen_vellum_v1.api.billing import list_payment_methods as op1
        from paywire_gen_vellum_v2.api.billing import list_payment_methods as op2

        account = check.path_id(account_id, "account_id")
        spec = op1.build_request(self._tenant, account) if self._v1 else op2.build_request(self._tenant, account)
        resp = yield from self._submit(spec)
        listed = (op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))
        return records(resp, "methods", listed.methods)

    @operation
    def set_default_payment_method(self, *, account_id: str,
                                   method_id: str) -> Flow[Record[m1.PaymentMethod | m2.PaymentMethod]]:
        """Make a method the account default (v2: pass the method's ``ref``)."""
        # shape-alike with remove_payment_method: another operation and answer (see _base.py)
        from paywire_gen_vellum_v1.api.billing import set_default_payment_method as op1
        from paywire_gen_vellum_v2.api.billing import set_default_payment_method as op2

        account, method = check.path_id(account_id, "account_id"), check.path_id(method_id, "method_id")
        spec = op1.build_request(self._tenant, account, method) if self._v1 \
            else op2.build_request(self._tenant, account, method)
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def remove_payment_method(self, *, account_id: str, method_id: str,
                              ) -> Flow[Record[m1.RemovedPaymentMethod | m2.RemovedPaymentMethod]]:
        """Detach a payment method (v2: pass the method's ``ref``)."""
        from paywire_gen_vellum_v1.api.billing import remove_payment_method as op1
        from paywire_gen_vellum_v2.api.billing import remove_payment_method as op2

        account, method = check.path_id(account_id, "account_id"), check.path_id(method_id, "method_id")
        spec = op1.build_request(self._tenant, account, method) if self._v1 \
            else op2.build_request(self._tenant, account, method)
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def set_subscription_payment_method(self, *, account_id: str, customer_id: str, method_id: str,
                                        ) -> Flow[Record[m1.SubscriptionPaymentMethodResult | m2.Subscription]]:
        """Set the subscription's payment method. v1 returns ``{subscription, default}``; v2 the
        subscription view (pass the method's ``ref``)."""
        from paywire_gen_vellum_v1 import models as m1
        from paywire_gen_vellum_v1.api.billing import set_subscription_payment_method as op1
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.billing import set_subscription_payment_method as op2

        account, customer = self._account_and_customer(account_id, customer_id)
        method = check.path_id(method_id, "method_id")
        spec = op1.build_request(self._tenant, account, customer, body=m1.SetSubscriptionPaymentMethodRequest(
            method_id=method)) if self._v1 else op2.build_request(
            self._tenant, account, customer, body=m2.SetSubscriptionPaymentMethodRequest(method_id=method))
        resp = yield from self._submit(spec)
        return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

    @operation
    def list_invoices(self, *, account_id: str,
                      customer_id: str | None = None) -> Flow[list[Record[m1.Invoice | m2.Invoice]]]:
        """The account's invoices (optionally one customer's subscription's): the ``invoices`` list."""
        from paywire_gen_vellum_v1.api.billing import list_invoices as op1
        from paywire_gen_vellum_v2.api.billing import list_invoices as op2

        account = check.path_id(account_id, "account_id")
        customer = None if customer_id is None else check.path_id(customer_id, "customer_id")
        if self._v1:
            spec = op1.build_request(self._tenant, account) if customer is None \
                else op1.build_request(self._tenant, account, customer_id=customer)
        else:
            spec = op2.build_request(self._tenant, account) if customer is None \
                else op2.build_request(self._tenant, account, customer_id=customer)
        resp = yield from self._submit(spec)
        listed = (op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))
        return records(resp, "invoices", listed.invoices)

    @operation
    def invoice_pdf_url(self, *, account_id: str, invoice_id: str) -> Flow[str]:
        """(v1) The hosted invoice PDF URL: the ``Location`` of the API's redirect.

        On v2 this raises :class:`UnsupportedOperationError`: use :meth:`invoice_pdf`.
        """
        from paywire_gen_vellum_v1.api.billing import get_invoice_pdf as op1

        self._require("invoice_pdf_url")
        resp = yield from self._submit(op1.build_request(
            self._tenant, check.path_id(account_id, "account_id"), check.path_id(invoice_id, "invoice_id")))
        location = resp.headers.get("location") if resp.status_code in _REDIRECTS else None
        if not location:
            raise VellumApiError("invoice has no PDF location", response=resp, body=resp.text)
        return str(location)

    @operation
    def invoice_pdf(self, *, account_id: str, invoice_id: str) -> Flow[bytes]:
        """(v2) The invoice PDF bytes (pass the invoice's ``ref``). Any non-2xx raises, a
        redirect included. On v1 this raises :class:`UnsupportedOperationError`: use
        :meth:`invoice_pdf_url`."""
        from paywire_gen_vellum_v2.api.billing import get_invoice_pdf as op2

        self._require("invoice_pdf")
        resp = yield from self._submit(op2.build_request(
            self._tenant, check.path_id(account_id, "account_id"), check.path_id(invoice_id, "invoice_id")))
        if not 200 <= resp.status_code < 300:
            raise VellumApiError(f"expected the PDF bytes, got HTTP {resp.status_code}", response=resp,
                                 body=resp.text)
        content_type = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type not in _PDF_TYPES:  # an HTML error page behind a 200 is not an invoice
            raise VellumResponseValidationError(f"content type {content_type!r} is not a PDF", response=resp)
        return op2.parse_response(resp, E)

"""Invoices: a presigned PDF link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation
from paywire.lumen.errors import LumenResponseError
from paywire.lumen.resources._base import LumenBase, require_text

if TYPE_CHECKING:  # generated code is imported on first call (resources/_base.py)
    from paywire_gen_lumen_v1.models import InvoicePdfResponse


class InvoicesOps(LumenBase):
    @operation
    def get_invoice_pdf(self, invoice_id: str) -> Flow[InvoicePdfResponse]:
        """A short-lived (``expires_in`` s) presigned ``pdf_url`` for an invoice."""
        from paywire_gen_lumen_v1.api.invoices import get_invoice_pdf as gen_invoice_pdf

        response = yield from self._send_spec(gen_invoice_pdf.build_request(require_text(invoice_id, "invoice_id")))
        return gen_invoice_pdf.parse_response(response, LumenResponseError)

"""Lumen ``invoices`` tag: a short-lived PDF link for an invoice."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.lumen import views
from paywire.sandbox.lumen.service import lumen_v1, not_found, state
from paywire.sandbox.lumen.state import PDF_URL_TTL


@lumen_v1.op("get_invoice_pdf")
def get_invoice_pdf(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    inv = st.invoices.get(ctx.path["id"])
    if inv is None or not inv.has_pdf:
        raise not_found("Invoice not found")
    return {
        "invoice": {"id": inv.id, "customerInvoiceNumber": inv.number},
        "pdfUrl": views.invoice_pdf_url(st, inv, PDF_URL_TTL),
        "expiresIn": PDF_URL_TTL,
    }

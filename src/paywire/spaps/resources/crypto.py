"""``spaps.payments.crypto``: crypto invoices and reconciliation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import AsyncResource, Flow, SyncResource, operation, register_secret
from paywire.spaps._validate import v
from paywire.spaps.errors import CRYPTO_ERRORS
from paywire.spaps.models import CryptoInvoice, CryptoInvoiceStatus, ReconcileJob
from paywire.spaps.resources._base import _drop_none, _idempotency_key, _Ops, _unwrap


class _CryptoOps(_Ops):
    _errors = CRYPTO_ERRORS
    _resource = "payments.crypto"

    @operation
    def create_invoice(self, asset: str, network: str, amount: str | int | Any,
                       expires_in_seconds: int | None = None, beneficiary: Mapping[str, Any] | None = None,
                       metadata: Mapping[str, Any] | None = None, *,
                       idempotency_key: str | None = None) -> Flow[CryptoInvoice]:
        """``POST /api/payments/crypto/invoices`` (``amount`` is a decimal string, e.g. ``"12.50"``).

        2026-10: with ``idempotency_key`` (sent as ``Idempotency-Key``) a repeat returns the
        original invoice, so the call is retried safely; reusing the key for a different
        invoice is 409 (``CryptoPaymentsError`` / ``paywire.ConflictError``).
        """
        gen = self._gen("create_crypto_invoice", "create_invoice")
        self._feature("idempotency_header", "create_invoice", idempotency_key=idempotency_key)
        key = None if idempotency_key is None else _idempotency_key(idempotency_key)
        body = self._model(
            "CreateCryptoInvoiceRequest",
            asset=v.text(asset, "asset", max_length=32).strip(), network=v.text(network, "network", max_length=64).strip(),
            amount=v.decimal_amount(amount),
            expires_in_seconds=v.optional_integer(expires_in_seconds, "expires_in_seconds", minimum=1),
            beneficiary=self._meta(v.metadata(beneficiary, "beneficiary")), metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen, gen._get_kwargs(body=body, **_drop_none(idempotency_key=key)),
                                         retry_safe=True if key is not None else None)
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice(self, invoice_id: str) -> Flow[CryptoInvoice]:
        """``GET /api/payments/crypto/invoices/{invoice_id}``."""
        gen = self._gen("get_crypto_invoice", "get_invoice")
        data = yield from self._get_data(gen, gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice_status(self, invoice_id: str) -> Flow[CryptoInvoiceStatus]:
        """``GET /api/payments/crypto/invoices/{invoice_id}/status``."""
        gen = self._gen("get_crypto_invoice_status", "get_invoice_status")
        data = yield from self._get_data(gen, gen._get_kwargs(v.ident(invoice_id, "invoice_id")))
        return CryptoInvoiceStatus.from_dict(data)

    @operation
    def reconcile(self, cursor: Mapping[str, Any] | None = None, recon_token: str | None = None) -> Flow[ReconcileJob]:
        """``POST /api/payments/crypto/reconcile`` (``X-Recon-Token`` when given)."""
        gen = self._gen("reconcile_crypto_payments", "reconcile")
        if recon_token is not None:
            register_secret(v.secret(recon_token, "recon_token"))
        body = self._model("ReconcileRequest", cursor=self._meta(v.metadata(cursor, "cursor")))
        data = yield from self._get_data(gen, gen._get_kwargs(body=body, **_drop_none(x_recon_token=recon_token)))
        return ReconcileJob.from_dict(data)


class SyncCrypto(_CryptoOps, SyncResource):
    pass


class AsyncCrypto(_CryptoOps, AsyncResource):
    pass

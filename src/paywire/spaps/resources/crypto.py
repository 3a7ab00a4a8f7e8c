"""``spaps.payments.crypto``: crypto invoices and reconciliation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import AsyncResource, Flow, SyncResource, operation, register_secret
from paywire.spaps._validate import v
from paywire.spaps.errors import CRYPTO_ERRORS
from paywire.spaps.models import CryptoInvoice, CryptoInvoiceStatus, ReconcileJob
from paywire.spaps.resources._base import _idempotency_key, _meta, _Ops, _unwrap


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
        self._feature("idempotency_header", "create_invoice", idempotency_key=idempotency_key)
        key = None if idempotency_key is None else _idempotency_key(idempotency_key)
        asset_, network_ = v.text(asset, "asset", max_length=32).strip(), v.text(network, "network", max_length=64).strip()
        amount_ = v.decimal_amount(amount)
        expires = v.optional_integer(expires_in_seconds, "expires_in_seconds", minimum=1)
        beneficiary_, metadata_ = v.metadata(beneficiary, "beneficiary"), v.metadata(metadata)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.crypto import create_crypto_invoice as old
            request = old.build_request(body=m25.CreateCryptoInvoiceRequest(
                asset=asset_, network=network_, amount=amount_, expires_in_seconds=expires,
                beneficiary=_meta(m25.Metadata.from_dict, beneficiary_), metadata=_meta(m25.Metadata.from_dict, metadata_)))
            data = yield from self._get_data(old, request)
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.crypto import create_crypto_invoice as new
            body = m26.CreateCryptoInvoiceRequest(
                asset=asset_, network=network_, amount=amount_, expires_in_seconds=expires,
                beneficiary=_meta(m26.Metadata.from_dict, beneficiary_), metadata=_meta(m26.Metadata.from_dict, metadata_))
            request = new.build_request(body=body) if key is None else new.build_request(body=body, idempotency_key=key)
            data = yield from self._get_data(new, request, retry_safe=True if key is not None else None)
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice(self, invoice_id: str) -> Flow[CryptoInvoice]:
        """``GET /api/payments/crypto/invoices/{invoice_id}``."""
        # shape-alike with get_invoice_status, payments.get_subscription ...: other operations (see _base.py)
        ident = v.ident(invoice_id, "invoice_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.crypto import get_crypto_invoice as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.crypto import get_crypto_invoice as new
            data = yield from self._get_data(new, new.build_request(ident))
        return CryptoInvoice.from_dict(_unwrap(data, "invoice"))

    @operation
    def get_invoice_status(self, invoice_id: str) -> Flow[CryptoInvoiceStatus]:
        """``GET /api/payments/crypto/invoices/{invoice_id}/status``."""
        ident = v.ident(invoice_id, "invoice_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.crypto import get_crypto_invoice_status as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.crypto import get_crypto_invoice_status as new
            data = yield from self._get_data(new, new.build_request(ident))
        return CryptoInvoiceStatus.from_dict(data)

    @operation
    def reconcile(self, cursor: Mapping[str, Any] | None = None, recon_token: str | None = None) -> Flow[ReconcileJob]:
        """``POST /api/payments/crypto/reconcile`` (``X-Recon-Token`` when given)."""
        if recon_token is not None:
            register_secret(v.secret(recon_token, "recon_token"))
        position = v.metadata(cursor, "cursor")
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.crypto import reconcile_crypto_payments as old
            body = m25.ReconcileRequest(cursor=_meta(m25.Metadata.from_dict, position))
            request = old.build_request(body=body) if recon_token is None else \
                old.build_request(body=body, x_recon_token=recon_token)
            data = yield from self._get_data(old, request)
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.crypto import reconcile_crypto_payments as new
            body_ = m26.ReconcileRequest(cursor=_meta(m26.Metadata.from_dict, position))
            request = new.build_request(body=body_) if recon_token is None else \
                new.build_request(body=body_, x_recon_token=recon_token)
            data = yield from self._get_data(new, request)
        return ReconcileJob.from_dict(data)


class SyncCrypto(_CryptoOps, SyncResource):
    pass


class AsyncCrypto(_CryptoOps, AsyncResource):
    pass

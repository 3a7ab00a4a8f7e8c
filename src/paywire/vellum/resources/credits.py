"""Tag ``credits`` (v2): prepaid credit types, packs, balances, checkout and consumption.
Uncached: a balance is read fresh every time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from paywire._core import Flow, operation
from paywire.vellum.models import Record
from paywire.vellum.resources._base import E, VellumResource, bad, check, record, records

if TYPE_CHECKING:
    from paywire_gen_vellum_v2 import models as m2


class CreditsResource(VellumResource):
    @operation
    def create_credit_checkout(self, *, account_id: str, customer_id: str, success_url: str, cancel_url: str,
                               credit_type_id: str | None = None, pack_id: str | None = None,
                               quantity: int = 1,
                               items: list[Mapping[str, Any]] | None = None) -> Flow[Record[m2.SessionUrl]]:
        """(v2) One-time hosted checkout for credit packs: either ``items`` (a list of
        ``{credit_type_id|creditTypeId, pack_id|packId, quantity?}``) or one
        ``credit_type_id`` + ``pack_id`` + ``quantity``."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.credits_ import create_credit_checkout as op

        self._require("create_credit_checkout")
        customer = check.path_id(customer_id, "customer_id")
        ok, cancel = check.url(success_url, "success_url"), check.url(cancel_url, "cancel_url")
        if items is not None:
            if credit_type_id is not None or pack_id is not None:
                raise bad("pass either items or credit_type_id + pack_id, not both", "items")
            body = m2.CreditCheckoutRequest(customer_id=customer, success_url=ok, cancel_url=cancel,
                                            items=_credit_items(items))
        else:
            if credit_type_id is None or pack_id is None:
                raise bad("name the credits to buy: items=[...] or credit_type_id + pack_id", "pack_id")
            body = m2.CreditCheckoutRequest(
                customer_id=customer, success_url=ok, cancel_url=cancel,
                credit_type_id=check.path_id(credit_type_id, "credit_type_id"), pack_id=check.path_id(pack_id, "pack_id"),
                quantity=check.count(quantity, "quantity"))
        resp = yield from self._submit(op.build_request(self._tenant, check.path_id(account_id, "account_id"), body=body))
        return record(resp, op.parse_response(resp, E))

    @operation
    def list_credit_types(self) -> Flow[list[Record[m2.CreditType]]]:
        """(v2) The tenant's credit types (the ``creditTypes`` list)."""
        from paywire_gen_vellum_v2.api.credits_ import list_credit_types as op

        self._require("list_credit_types")
        resp = yield from self._submit(op.build_request(self._tenant))
        return records(resp, "creditTypes", op.parse_response(resp, E).credit_types)

    @operation
    def list_credit_packs(self, credit_type_id: str) -> Flow[list[Record[m2.CreditPack]]]:
        """(v2) Packs on sale for one credit type (the ``packs`` list)."""
        from paywire_gen_vellum_v2.api.credits_ import list_credit_packs as op

        self._require("list_credit_packs")
        resp = yield from self._submit(op.build_request(self._tenant, check.path_id(credit_type_id, "credit_type_id")))
        return records(resp, "packs", op.parse_response(resp, E).packs)

    @operation
    def list_credits(self, customer_id: str) -> Flow[list[Record[m2.CreditBalance]]]:
        """(v2) The customer's balances, one per credit type held (the ``credits`` list)."""
        from paywire_gen_vellum_v2.api.credits_ import list_credits as op

        self._require("list_credits")
        resp = yield from self._submit(op.build_request(self._tenant, check.path_id(customer_id, "customer_id")))
        return records(resp, "credits", op.parse_response(resp, E).credits_)

    @operation
    def get_credit_balance(self, customer_id: str, credit_type_id: str) -> Flow[Record[m2.CreditBalance]]:
        """(v2) One balance (``{creditTypeId, balance}``)."""
        from paywire_gen_vellum_v2.api.credits_ import get_credit_balance as op

        self._require("get_credit_balance")
        resp = yield from self._submit(op.build_request(
            self._tenant, check.path_id(customer_id, "customer_id"), check.path_id(credit_type_id, "credit_type_id")))
        return record(resp, op.parse_response(resp, E))

    @operation
    def consume_credits(self, customer_id: str, credit_type_id: str, amount: int,
                        idempotency_key: str) -> Flow[Record[m2.ConsumeCreditsResult]]:
        """(v2) Deduct credits, all or nothing. ``idempotency_key`` is required (one per logical
        deduction; paywire never invents it); a repeat replays the first result, so the
        request is retried safely. 409 on an insufficient balance (nothing deducted)."""
        from paywire_gen_vellum_v2 import models as m2
        from paywire_gen_vellum_v2.api.credits_ import consume_credits as op

        self._require("consume_credits")
        body = m2.ConsumeCreditsRequest(amount=check.count(amount, "amount"),
                                        idempotency_key=check.idempotency_key(idempotency_key))
        resp = yield from self._submit(op.build_request(
            self._tenant, check.path_id(customer_id, "customer_id"), check.path_id(credit_type_id, "credit_type_id"),
            body=body), retry_safe=True)
        return record(resp, op.parse_response(resp, E))


def _credit_items(items: Any) -> list[m2.CreditCheckoutItem]:
    """``items`` as generated models; both spellings of each key are accepted (the Python
    names and the wire's camelCase)."""
    from paywire_gen_vellum_v2 import models as m2

    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise bad("items must be a list of {credit_type_id, pack_id, quantity?}", "items")
    out: list[m2.CreditCheckoutItem] = []
    for item in items:
        if not isinstance(item, Mapping):
            raise bad("each item must be a mapping with credit_type_id and pack_id", "items")
        quantity = item.get("quantity")
        out.append(m2.CreditCheckoutItem(
            credit_type_id=check.path_id(item.get("credit_type_id", item.get("creditTypeId")), "items.credit_type_id"),
            pack_id=check.path_id(item.get("pack_id", item.get("packId")), "items.pack_id"),
            quantity=None if quantity is None else check.count(quantity, "items.quantity")))
    if not out:
        raise bad("items must name at least one pack", "items")
    return out

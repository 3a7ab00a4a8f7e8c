from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """
    Attributes:
        ref (str): Opaque, account-bound handle; the only identifier.
        number (None | str | Unset):
        status (str | Unset):
        amount_due (int | Unset):
        amount_paid (int | Unset):
        subtotal (int | Unset):
        total (int | Unset):
        tax (int | None | Unset):
        paid (bool | Unset):
        currency (str | Unset):
        created (str | Unset):
        hosted_invoice_url (None | str | Unset): Stripe-hosted payment page (kept; it is not an identifier).
    """

    ref: str
    number: None | str | Unset = UNSET
    status: str | Unset = UNSET
    amount_due: int | Unset = UNSET
    amount_paid: int | Unset = UNSET
    subtotal: int | Unset = UNSET
    total: int | Unset = UNSET
    tax: int | None | Unset = UNSET
    paid: bool | Unset = UNSET
    currency: str | Unset = UNSET
    created: str | Unset = UNSET
    hosted_invoice_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        status = self.status

        amount_due = self.amount_due

        amount_paid = self.amount_paid

        subtotal = self.subtotal

        total = self.total

        tax: int | None | Unset
        if isinstance(self.tax, Unset):
            tax = UNSET
        else:
            tax = self.tax

        paid = self.paid

        currency = self.currency

        created = self.created

        hosted_invoice_url: None | str | Unset
        if isinstance(self.hosted_invoice_url, Unset):
            hosted_invoice_url = UNSET
        else:
            hosted_invoice_url = self.hosted_invoice_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if status is not UNSET:
            field_dict["status"] = status
        if amount_due is not UNSET:
            field_dict["amountDue"] = amount_due
        if amount_paid is not UNSET:
            field_dict["amountPaid"] = amount_paid
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if total is not UNSET:
            field_dict["total"] = total
        if tax is not UNSET:
            field_dict["tax"] = tax
        if paid is not UNSET:
            field_dict["paid"] = paid
        if currency is not UNSET:
            field_dict["currency"] = currency
        if created is not UNSET:
            field_dict["created"] = created
        if hosted_invoice_url is not UNSET:
            field_dict["hostedInvoiceUrl"] = hosted_invoice_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        status = d.pop("status", UNSET)

        amount_due = d.pop("amountDue", UNSET)

        amount_paid = d.pop("amountPaid", UNSET)

        subtotal = d.pop("subtotal", UNSET)

        total = d.pop("total", UNSET)

        def _parse_tax(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tax = _parse_tax(d.pop("tax", UNSET))

        paid = d.pop("paid", UNSET)

        currency = d.pop("currency", UNSET)

        created = d.pop("created", UNSET)

        def _parse_hosted_invoice_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hosted_invoice_url = _parse_hosted_invoice_url(d.pop("hostedInvoiceUrl", UNSET))

        invoice = cls(
            ref=ref,
            number=number,
            status=status,
            amount_due=amount_due,
            amount_paid=amount_paid,
            subtotal=subtotal,
            total=total,
            tax=tax,
            paid=paid,
            currency=currency,
            created=created,
            hosted_invoice_url=hosted_invoice_url,
        )

        invoice.additional_properties = d
        return invoice

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

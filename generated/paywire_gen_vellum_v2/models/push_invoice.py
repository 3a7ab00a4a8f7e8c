from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PushInvoice")


@_attrs_define
class PushInvoice:
    """The push payload's invoice block (still raw ids, no `ref`, per upstream).

    Attributes:
        id (str):
        number (None | str | Unset):
        status (str | Unset):
        amount_due (int | Unset):
        amount_paid (int | Unset):
        currency (str | Unset):
        hosted_invoice_url (None | str | Unset):
        invoice_pdf (None | str | Unset):
    """

    id: str
    number: None | str | Unset = UNSET
    status: str | Unset = UNSET
    amount_due: int | Unset = UNSET
    amount_paid: int | Unset = UNSET
    currency: str | Unset = UNSET
    hosted_invoice_url: None | str | Unset = UNSET
    invoice_pdf: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        status = self.status

        amount_due = self.amount_due

        amount_paid = self.amount_paid

        currency = self.currency

        hosted_invoice_url: None | str | Unset
        if isinstance(self.hosted_invoice_url, Unset):
            hosted_invoice_url = UNSET
        else:
            hosted_invoice_url = self.hosted_invoice_url

        invoice_pdf: None | str | Unset
        if isinstance(self.invoice_pdf, Unset):
            invoice_pdf = UNSET
        else:
            invoice_pdf = self.invoice_pdf

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
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
        if currency is not UNSET:
            field_dict["currency"] = currency
        if hosted_invoice_url is not UNSET:
            field_dict["hostedInvoiceUrl"] = hosted_invoice_url
        if invoice_pdf is not UNSET:
            field_dict["invoicePdf"] = invoice_pdf

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

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

        currency = d.pop("currency", UNSET)

        def _parse_hosted_invoice_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hosted_invoice_url = _parse_hosted_invoice_url(d.pop("hostedInvoiceUrl", UNSET))

        def _parse_invoice_pdf(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_pdf = _parse_invoice_pdf(d.pop("invoicePdf", UNSET))

        push_invoice = cls(
            id=id,
            number=number,
            status=status,
            amount_due=amount_due,
            amount_paid=amount_paid,
            currency=currency,
            hosted_invoice_url=hosted_invoice_url,
            invoice_pdf=invoice_pdf,
        )

        push_invoice.additional_properties = d
        return push_invoice

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

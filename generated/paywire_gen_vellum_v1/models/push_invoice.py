from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PushInvoice")


@_attrs_define
class PushInvoice:
    """
    Attributes:
        id (str):
        number (None | str):
        status (str | None):
        amount_due (int | None):
        amount_paid (int | None):
        currency (str | None):
        hosted_invoice_url (None | str):
        invoice_pdf (None | str):
    """

    id: str
    number: None | str = None
    status: str | None = None
    amount_due: int | None = None
    amount_paid: int | None = None
    currency: str | None = None
    hosted_invoice_url: None | str = None
    invoice_pdf: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number_or_unset = UNSET if self.number is None else self.number
        number: None | str | Unset
        if isinstance(number_or_unset, Unset):
            number = UNSET
        else:
            number = number_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        amount_due_or_unset = UNSET if self.amount_due is None else self.amount_due
        amount_due = amount_due_or_unset

        amount_paid_or_unset = UNSET if self.amount_paid is None else self.amount_paid
        amount_paid = amount_paid_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        hosted_invoice_url_or_unset = UNSET if self.hosted_invoice_url is None else self.hosted_invoice_url
        hosted_invoice_url: None | str | Unset
        if isinstance(hosted_invoice_url_or_unset, Unset):
            hosted_invoice_url = UNSET
        else:
            hosted_invoice_url = hosted_invoice_url_or_unset

        invoice_pdf_or_unset = UNSET if self.invoice_pdf is None else self.invoice_pdf
        invoice_pdf: None | str | Unset
        if isinstance(invoice_pdf_or_unset, Unset):
            invoice_pdf = UNSET
        else:
            invoice_pdf = invoice_pdf_or_unset

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

        _instance = cls(
            id=id,
            number=None if isinstance(number, Unset) else number,
            status=None if isinstance(status, Unset) else status,
            amount_due=None if isinstance(amount_due, Unset) else amount_due,
            amount_paid=None if isinstance(amount_paid, Unset) else amount_paid,
            currency=None if isinstance(currency, Unset) else currency,
            hosted_invoice_url=None if isinstance(hosted_invoice_url, Unset) else hosted_invoice_url,
            invoice_pdf=None if isinstance(invoice_pdf, Unset) else invoice_pdf,
        )

        _instance.additional_properties = d
        return _instance

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

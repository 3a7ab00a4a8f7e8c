from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortalInvoice")


@_attrs_define
class PortalInvoice:
    """
    Attributes:
        id (str):
        status (str):
        total_amount_cents (int):
        currency (str):
        number (None | str | Unset):
        issue_date (None | str | Unset):
        paid_date (None | str | Unset):
        pdf_url (None | str | Unset):
        payment_status (None | str | Unset):
        document_type (None | str | Unset):
        original_invoice_id (None | str | Unset):
        original_invoice_number (None | str | Unset):
    """

    id: str
    status: str
    total_amount_cents: int
    currency: str
    number: None | str | Unset = UNSET
    issue_date: None | str | Unset = UNSET
    paid_date: None | str | Unset = UNSET
    pdf_url: None | str | Unset = UNSET
    payment_status: None | str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    original_invoice_id: None | str | Unset = UNSET
    original_invoice_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        total_amount_cents = self.total_amount_cents

        currency = self.currency

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        else:
            issue_date = self.issue_date

        paid_date: None | str | Unset
        if isinstance(self.paid_date, Unset):
            paid_date = UNSET
        else:
            paid_date = self.paid_date

        pdf_url: None | str | Unset
        if isinstance(self.pdf_url, Unset):
            pdf_url = UNSET
        else:
            pdf_url = self.pdf_url

        payment_status: None | str | Unset
        if isinstance(self.payment_status, Unset):
            payment_status = UNSET
        else:
            payment_status = self.payment_status

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        original_invoice_id: None | str | Unset
        if isinstance(self.original_invoice_id, Unset):
            original_invoice_id = UNSET
        else:
            original_invoice_id = self.original_invoice_id

        original_invoice_number: None | str | Unset
        if isinstance(self.original_invoice_number, Unset):
            original_invoice_number = UNSET
        else:
            original_invoice_number = self.original_invoice_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "totalAmountCents": total_amount_cents,
                "currency": currency,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if issue_date is not UNSET:
            field_dict["issueDate"] = issue_date
        if paid_date is not UNSET:
            field_dict["paidDate"] = paid_date
        if pdf_url is not UNSET:
            field_dict["pdfUrl"] = pdf_url
        if payment_status is not UNSET:
            field_dict["paymentStatus"] = payment_status
        if document_type is not UNSET:
            field_dict["documentType"] = document_type
        if original_invoice_id is not UNSET:
            field_dict["originalInvoiceId"] = original_invoice_id
        if original_invoice_number is not UNSET:
            field_dict["originalInvoiceNumber"] = original_invoice_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        total_amount_cents = d.pop("totalAmountCents")

        currency = d.pop("currency")

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_issue_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issue_date = _parse_issue_date(d.pop("issueDate", UNSET))

        def _parse_paid_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paid_date = _parse_paid_date(d.pop("paidDate", UNSET))

        def _parse_pdf_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pdf_url = _parse_pdf_url(d.pop("pdfUrl", UNSET))

        def _parse_payment_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_status = _parse_payment_status(d.pop("paymentStatus", UNSET))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("documentType", UNSET))

        def _parse_original_invoice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_invoice_id = _parse_original_invoice_id(d.pop("originalInvoiceId", UNSET))

        def _parse_original_invoice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_invoice_number = _parse_original_invoice_number(d.pop("originalInvoiceNumber", UNSET))

        portal_invoice = cls(
            id=id,
            status=status,
            total_amount_cents=total_amount_cents,
            currency=currency,
            number=number,
            issue_date=issue_date,
            paid_date=paid_date,
            pdf_url=pdf_url,
            payment_status=payment_status,
            document_type=document_type,
            original_invoice_id=original_invoice_id,
            original_invoice_number=original_invoice_number,
        )

        portal_invoice.additional_properties = d
        return portal_invoice

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

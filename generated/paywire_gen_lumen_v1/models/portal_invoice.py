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
        number (None | str):
        issue_date (None | str):
        paid_date (None | str):
        pdf_url (None | str):
        payment_status (None | str):
        document_type (None | str):
        original_invoice_id (None | str):
        original_invoice_number (None | str):
    """

    id: str
    status: str
    total_amount_cents: int
    currency: str
    number: None | str = None
    issue_date: None | str = None
    paid_date: None | str = None
    pdf_url: None | str = None
    payment_status: None | str = None
    document_type: None | str = None
    original_invoice_id: None | str = None
    original_invoice_number: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        total_amount_cents = self.total_amount_cents

        currency = self.currency

        number_or_unset = UNSET if self.number is None else self.number
        number: None | str | Unset
        if isinstance(number_or_unset, Unset):
            number = UNSET
        else:
            number = number_or_unset

        issue_date_or_unset = UNSET if self.issue_date is None else self.issue_date
        issue_date: None | str | Unset
        if isinstance(issue_date_or_unset, Unset):
            issue_date = UNSET
        else:
            issue_date = issue_date_or_unset

        paid_date_or_unset = UNSET if self.paid_date is None else self.paid_date
        paid_date: None | str | Unset
        if isinstance(paid_date_or_unset, Unset):
            paid_date = UNSET
        else:
            paid_date = paid_date_or_unset

        pdf_url_or_unset = UNSET if self.pdf_url is None else self.pdf_url
        pdf_url: None | str | Unset
        if isinstance(pdf_url_or_unset, Unset):
            pdf_url = UNSET
        else:
            pdf_url = pdf_url_or_unset

        payment_status_or_unset = UNSET if self.payment_status is None else self.payment_status
        payment_status: None | str | Unset
        if isinstance(payment_status_or_unset, Unset):
            payment_status = UNSET
        else:
            payment_status = payment_status_or_unset

        document_type_or_unset = UNSET if self.document_type is None else self.document_type
        document_type: None | str | Unset
        if isinstance(document_type_or_unset, Unset):
            document_type = UNSET
        else:
            document_type = document_type_or_unset

        original_invoice_id_or_unset = UNSET if self.original_invoice_id is None else self.original_invoice_id
        original_invoice_id: None | str | Unset
        if isinstance(original_invoice_id_or_unset, Unset):
            original_invoice_id = UNSET
        else:
            original_invoice_id = original_invoice_id_or_unset

        original_invoice_number_or_unset = (
            UNSET if self.original_invoice_number is None else self.original_invoice_number
        )
        original_invoice_number: None | str | Unset
        if isinstance(original_invoice_number_or_unset, Unset):
            original_invoice_number = UNSET
        else:
            original_invoice_number = original_invoice_number_or_unset

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

        _instance = cls(
            id=id,
            status=status,
            total_amount_cents=total_amount_cents,
            currency=currency,
            number=None if isinstance(number, Unset) else number,
            issue_date=None if isinstance(issue_date, Unset) else issue_date,
            paid_date=None if isinstance(paid_date, Unset) else paid_date,
            pdf_url=None if isinstance(pdf_url, Unset) else pdf_url,
            payment_status=None if isinstance(payment_status, Unset) else payment_status,
            document_type=None if isinstance(document_type, Unset) else document_type,
            original_invoice_id=None if isinstance(original_invoice_id, Unset) else original_invoice_id,
            original_invoice_number=None if isinstance(original_invoice_number, Unset) else original_invoice_number,
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

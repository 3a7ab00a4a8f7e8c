from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortalPayment")


@_attrs_define
class PortalPayment:
    """
    Attributes:
        id (str):
        amount_cents (int):
        currency (str):
        status (str):
        created_at (str):
        error_message (None | str):
        invoice_id (None | str):
    """

    id: str
    amount_cents: int
    currency: str
    status: str
    created_at: str
    error_message: None | str = None
    invoice_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount_cents = self.amount_cents

        currency = self.currency

        status = self.status

        created_at = self.created_at

        error_message_or_unset = UNSET if self.error_message is None else self.error_message
        error_message: None | str | Unset
        if isinstance(error_message_or_unset, Unset):
            error_message = UNSET
        else:
            error_message = error_message_or_unset

        invoice_id_or_unset = UNSET if self.invoice_id is None else self.invoice_id
        invoice_id: None | str | Unset
        if isinstance(invoice_id_or_unset, Unset):
            invoice_id = UNSET
        else:
            invoice_id = invoice_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "amountCents": amount_cents,
                "currency": currency,
                "status": status,
                "createdAt": created_at,
            }
        )
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if invoice_id is not UNSET:
            field_dict["invoiceId"] = invoice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        amount_cents = d.pop("amountCents")

        currency = d.pop("currency")

        status = d.pop("status")

        created_at = d.pop("createdAt")

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        def _parse_invoice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_id = _parse_invoice_id(d.pop("invoiceId", UNSET))

        _instance = cls(
            id=id,
            amount_cents=amount_cents,
            currency=currency,
            status=status,
            created_at=created_at,
            error_message=None if isinstance(error_message, Unset) else error_message,
            invoice_id=None if isinstance(invoice_id, Unset) else invoice_id,
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

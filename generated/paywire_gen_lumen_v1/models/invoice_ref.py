from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceRef")


@_attrs_define
class InvoiceRef:
    """
    Attributes:
        id (str):
        customer_invoice_number (None | str):
    """

    id: str
    customer_invoice_number: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        customer_invoice_number_or_unset = (
            UNSET if self.customer_invoice_number is None else self.customer_invoice_number
        )
        customer_invoice_number: None | str | Unset
        if isinstance(customer_invoice_number_or_unset, Unset):
            customer_invoice_number = UNSET
        else:
            customer_invoice_number = customer_invoice_number_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if customer_invoice_number is not UNSET:
            field_dict["customerInvoiceNumber"] = customer_invoice_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_customer_invoice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_invoice_number = _parse_customer_invoice_number(d.pop("customerInvoiceNumber", UNSET))

        _instance = cls(
            id=id,
            customer_invoice_number=None if isinstance(customer_invoice_number, Unset) else customer_invoice_number,
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

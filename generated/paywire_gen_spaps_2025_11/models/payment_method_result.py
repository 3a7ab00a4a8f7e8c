from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentMethodResult")


@_attrs_define
class PaymentMethodResult:
    """
    Attributes:
        message (str | Unset):
        customer_id (str | Unset):
        payment_method_id (str | Unset):
        is_default (bool | Unset):
    """

    message: str | Unset = UNSET
    customer_id: str | Unset = UNSET
    payment_method_id: str | Unset = UNSET
    is_default: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        customer_id = self.customer_id

        payment_method_id = self.payment_method_id

        is_default = self.is_default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if payment_method_id is not UNSET:
            field_dict["payment_method_id"] = payment_method_id
        if is_default is not UNSET:
            field_dict["is_default"] = is_default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        customer_id = d.pop("customer_id", UNSET)

        payment_method_id = d.pop("payment_method_id", UNSET)

        is_default = d.pop("is_default", UNSET)

        payment_method_result = cls(
            message=message,
            customer_id=customer_id,
            payment_method_id=payment_method_id,
            is_default=is_default,
        )

        payment_method_result.additional_properties = d
        return payment_method_result

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

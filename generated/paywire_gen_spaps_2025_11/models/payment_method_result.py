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
        message (str | None):
        customer_id (str | None):
        payment_method_id (str | None):
        is_default (bool | None):
    """

    message: str | None = None
    customer_id: str | None = None
    payment_method_id: str | None = None
    is_default: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        customer_id_or_unset = UNSET if self.customer_id is None else self.customer_id
        customer_id = customer_id_or_unset

        payment_method_id_or_unset = UNSET if self.payment_method_id is None else self.payment_method_id
        payment_method_id = payment_method_id_or_unset

        is_default_or_unset = UNSET if self.is_default is None else self.is_default
        is_default = is_default_or_unset

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

        _instance = cls(
            message=None if isinstance(message, Unset) else message,
            customer_id=None if isinstance(customer_id, Unset) else customer_id,
            payment_method_id=None if isinstance(payment_method_id, Unset) else payment_method_id,
            is_default=None if isinstance(is_default, Unset) else is_default,
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

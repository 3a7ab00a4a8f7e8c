from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePaymentMethodRequest")


@_attrs_define
class UpdatePaymentMethodRequest:
    """
    Attributes:
        payment_method_id (str):
        set_default (bool | None):
    """

    payment_method_id: str
    set_default: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        payment_method_id = self.payment_method_id

        set_default_or_unset = UNSET if self.set_default is None else self.set_default
        set_default = set_default_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payment_method_id": payment_method_id,
            }
        )
        if set_default is not UNSET:
            field_dict["set_default"] = set_default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_method_id = d.pop("payment_method_id")

        set_default = d.pop("set_default", UNSET)

        _instance = cls(
            payment_method_id=payment_method_id,
            set_default=None if isinstance(set_default, Unset) else set_default,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditCheckoutItem")


@_attrs_define
class CreditCheckoutItem:
    """
    Attributes:
        credit_type_id (str):
        pack_id (str):
        quantity (int | None):
    """

    credit_type_id: str
    pack_id: str
    quantity: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        credit_type_id = self.credit_type_id

        pack_id = self.pack_id

        quantity_or_unset = UNSET if self.quantity is None else self.quantity
        quantity = quantity_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "creditTypeId": credit_type_id,
                "packId": pack_id,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credit_type_id = d.pop("creditTypeId")

        pack_id = d.pop("packId")

        quantity = d.pop("quantity", UNSET)

        _instance = cls(
            credit_type_id=credit_type_id,
            pack_id=pack_id,
            quantity=None if isinstance(quantity, Unset) else quantity,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditPack")


@_attrs_define
class CreditPack:
    """
    Attributes:
        id (str):
        credit_type_id (str | Unset):
        name (str | Unset):
        credits_ (int | Unset): Credits granted per pack.
        price (int | Unset): Price per pack in cents.
        currency (str | Unset):
    """

    id: str
    credit_type_id: str | Unset = UNSET
    name: str | Unset = UNSET
    credits_: int | Unset = UNSET
    price: int | Unset = UNSET
    currency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        credit_type_id = self.credit_type_id

        name = self.name

        credits_ = self.credits_

        price = self.price

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if credit_type_id is not UNSET:
            field_dict["creditTypeId"] = credit_type_id
        if name is not UNSET:
            field_dict["name"] = name
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if price is not UNSET:
            field_dict["price"] = price
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        credit_type_id = d.pop("creditTypeId", UNSET)

        name = d.pop("name", UNSET)

        credits_ = d.pop("credits", UNSET)

        price = d.pop("price", UNSET)

        currency = d.pop("currency", UNSET)

        credit_pack = cls(
            id=id,
            credit_type_id=credit_type_id,
            name=name,
            credits_=credits_,
            price=price,
            currency=currency,
        )

        credit_pack.additional_properties = d
        return credit_pack

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

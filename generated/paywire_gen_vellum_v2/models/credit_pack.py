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
        credit_type_id (str | None):
        name (str | None):
        credits_ (int | None): Credits granted per pack.
        price (int | None): Price per pack in cents.
        currency (str | None):
    """

    id: str
    credit_type_id: str | None = None
    name: str | None = None
    credits_: int | None = None
    price: int | None = None
    currency: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        credit_type_id_or_unset = UNSET if self.credit_type_id is None else self.credit_type_id
        credit_type_id = credit_type_id_or_unset

        name_or_unset = UNSET if self.name is None else self.name
        name = name_or_unset

        credits__or_unset = UNSET if self.credits_ is None else self.credits_
        credits_ = credits__or_unset

        price_or_unset = UNSET if self.price is None else self.price
        price = price_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

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

        _instance = cls(
            id=id,
            credit_type_id=None if isinstance(credit_type_id, Unset) else credit_type_id,
            name=None if isinstance(name, Unset) else name,
            credits_=None if isinstance(credits_, Unset) else credits_,
            price=None if isinstance(price, Unset) else price,
            currency=None if isinstance(currency, Unset) else currency,
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

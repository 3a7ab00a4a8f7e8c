from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentMethod")


@_attrs_define
class PaymentMethod:
    """
    Attributes:
        id (str): Raw Stripe payment method id (removed in 1.0.0).
        brand (str | None):
        last4 (str | None):
        exp_month (int | None):
        exp_year (int | None):
        name (None | str): Cardholder name.
        is_default (bool | None):
    """

    id: str
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None
    name: None | str = None
    is_default: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        brand_or_unset = UNSET if self.brand is None else self.brand
        brand = brand_or_unset

        last4_or_unset = UNSET if self.last4 is None else self.last4
        last4 = last4_or_unset

        exp_month_or_unset = UNSET if self.exp_month is None else self.exp_month
        exp_month = exp_month_or_unset

        exp_year_or_unset = UNSET if self.exp_year is None else self.exp_year
        exp_year = exp_year_or_unset

        name_or_unset = UNSET if self.name is None else self.name
        name: None | str | Unset
        if isinstance(name_or_unset, Unset):
            name = UNSET
        else:
            name = name_or_unset

        is_default_or_unset = UNSET if self.is_default is None else self.is_default
        is_default = is_default_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if brand is not UNSET:
            field_dict["brand"] = brand
        if last4 is not UNSET:
            field_dict["last4"] = last4
        if exp_month is not UNSET:
            field_dict["expMonth"] = exp_month
        if exp_year is not UNSET:
            field_dict["expYear"] = exp_year
        if name is not UNSET:
            field_dict["name"] = name
        if is_default is not UNSET:
            field_dict["isDefault"] = is_default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        brand = d.pop("brand", UNSET)

        last4 = d.pop("last4", UNSET)

        exp_month = d.pop("expMonth", UNSET)

        exp_year = d.pop("expYear", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        is_default = d.pop("isDefault", UNSET)

        _instance = cls(
            id=id,
            brand=None if isinstance(brand, Unset) else brand,
            last4=None if isinstance(last4, Unset) else last4,
            exp_month=None if isinstance(exp_month, Unset) else exp_month,
            exp_year=None if isinstance(exp_year, Unset) else exp_year,
            name=None if isinstance(name, Unset) else name,
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

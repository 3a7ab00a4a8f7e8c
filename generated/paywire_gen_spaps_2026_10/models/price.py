from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recurring import Recurring


T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """
    Attributes:
        id (str):
        product (str | Unset):
        unit_amount (int | None | Unset): minor units
        currency (str | Unset):
        type_ (str | Unset):
        recurring (None | Recurring | Unset):
        nickname (None | str | Unset):
        active (bool | Unset):
    """

    id: str
    product: str | Unset = UNSET
    unit_amount: int | None | Unset = UNSET
    currency: str | Unset = UNSET
    type_: str | Unset = UNSET
    recurring: None | Recurring | Unset = UNSET
    nickname: None | str | Unset = UNSET
    active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.recurring import Recurring  # noqa: PLC0415

        id = self.id

        product = self.product

        unit_amount: int | None | Unset
        if isinstance(self.unit_amount, Unset):
            unit_amount = UNSET
        else:
            unit_amount = self.unit_amount

        currency = self.currency

        type_ = self.type_

        recurring: dict[str, Any] | None | Unset
        if isinstance(self.recurring, Unset):
            recurring = UNSET
        elif isinstance(self.recurring, Recurring):
            recurring = self.recurring.to_dict()
        else:
            recurring = self.recurring

        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if product is not UNSET:
            field_dict["product"] = product
        if unit_amount is not UNSET:
            field_dict["unit_amount"] = unit_amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if type_ is not UNSET:
            field_dict["type"] = type_
        if recurring is not UNSET:
            field_dict["recurring"] = recurring
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recurring import Recurring  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        product = d.pop("product", UNSET)

        def _parse_unit_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_amount = _parse_unit_amount(d.pop("unit_amount", UNSET))

        currency = d.pop("currency", UNSET)

        type_ = d.pop("type", UNSET)

        def _parse_recurring(data: object) -> None | Recurring | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurring_type_0 = Recurring.from_dict(data)

                return recurring_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recurring | Unset, data)

        recurring = _parse_recurring(d.pop("recurring", UNSET))

        def _parse_nickname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nickname = _parse_nickname(d.pop("nickname", UNSET))

        active = d.pop("active", UNSET)

        price = cls(
            id=id,
            product=product,
            unit_amount=unit_amount,
            currency=currency,
            type_=type_,
            recurring=recurring,
            nickname=nickname,
            active=active,
        )

        price.additional_properties = d
        return price

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

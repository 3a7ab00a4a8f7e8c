from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recurring import Recurring


@cache
def _lazy_models() -> tuple[type[Recurring],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.recurring import Recurring  # noqa: PLC0415

    return (Recurring,)


T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """
    Attributes:
        id (str):
        product (str | None):
        unit_amount (int | None): minor units
        currency (str | None):
        type_ (str | None):
        recurring (None | Recurring):
        nickname (None | str):
        active (bool | None):
    """

    id: str
    product: str | None = None
    unit_amount: int | None = None
    currency: str | None = None
    type_: str | None = None
    recurring: None | Recurring = None
    nickname: None | str = None
    active: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.recurring import Recurring  # noqa: PLC0415

        id = self.id

        product_or_unset = UNSET if self.product is None else self.product
        product = product_or_unset

        unit_amount_or_unset = UNSET if self.unit_amount is None else self.unit_amount
        unit_amount: int | None | Unset
        if isinstance(unit_amount_or_unset, Unset):
            unit_amount = UNSET
        else:
            unit_amount = unit_amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        type__or_unset = UNSET if self.type_ is None else self.type_
        type_ = type__or_unset

        recurring_or_unset = UNSET if self.recurring is None else self.recurring
        recurring: dict[str, Any] | None | Unset
        if isinstance(recurring_or_unset, Unset):
            recurring = UNSET
        elif isinstance(recurring_or_unset, Recurring):
            recurring = recurring_or_unset.to_dict()
        else:
            recurring = recurring_or_unset

        nickname_or_unset = UNSET if self.nickname is None else self.nickname
        nickname: None | str | Unset
        if isinstance(nickname_or_unset, Unset):
            nickname = UNSET
        else:
            nickname = nickname_or_unset

        active_or_unset = UNSET if self.active is None else self.active
        active = active_or_unset

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
        (Recurring,) = _lazy_models()
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

        _instance = cls(
            id=id,
            product=None if isinstance(product, Unset) else product,
            unit_amount=None if isinstance(unit_amount, Unset) else unit_amount,
            currency=None if isinstance(currency, Unset) else currency,
            type_=None if isinstance(type_, Unset) else type_,
            recurring=None if isinstance(recurring, Unset) else recurring,
            nickname=None if isinstance(nickname, Unset) else nickname,
            active=None if isinstance(active, Unset) else active,
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

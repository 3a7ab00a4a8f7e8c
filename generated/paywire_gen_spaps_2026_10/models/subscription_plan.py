from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionPlan")


@_attrs_define
class SubscriptionPlan:
    """plan summary (used as `plan.interval` in the seed README); every field optional

    Attributes:
        id (str | None):
        product (str | None):
        amount (int | None):
        currency (str | None):
        interval (str | None):
        interval_count (int | None):
        nickname (None | str):
    """

    id: str | None = None
    product: str | None = None
    amount: int | None = None
    currency: str | None = None
    interval: str | None = None
    interval_count: int | None = None
    nickname: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id_or_unset = UNSET if self.id is None else self.id
        id = id_or_unset

        product_or_unset = UNSET if self.product is None else self.product
        product = product_or_unset

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount: int | None | Unset
        if isinstance(amount_or_unset, Unset):
            amount = UNSET
        else:
            amount = amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        interval_or_unset = UNSET if self.interval is None else self.interval
        interval = interval_or_unset

        interval_count_or_unset = UNSET if self.interval_count is None else self.interval_count
        interval_count = interval_count_or_unset

        nickname_or_unset = UNSET if self.nickname is None else self.nickname
        nickname: None | str | Unset
        if isinstance(nickname_or_unset, Unset):
            nickname = UNSET
        else:
            nickname = nickname_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if product is not UNSET:
            field_dict["product"] = product
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if interval is not UNSET:
            field_dict["interval"] = interval
        if interval_count is not UNSET:
            field_dict["interval_count"] = interval_count
        if nickname is not UNSET:
            field_dict["nickname"] = nickname

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        product = d.pop("product", UNSET)

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        currency = d.pop("currency", UNSET)

        interval = d.pop("interval", UNSET)

        interval_count = d.pop("interval_count", UNSET)

        def _parse_nickname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nickname = _parse_nickname(d.pop("nickname", UNSET))

        _instance = cls(
            id=None if isinstance(id, Unset) else id,
            product=None if isinstance(product, Unset) else product,
            amount=None if isinstance(amount, Unset) else amount,
            currency=None if isinstance(currency, Unset) else currency,
            interval=None if isinstance(interval, Unset) else interval,
            interval_count=None if isinstance(interval_count, Unset) else interval_count,
            nickname=None if isinstance(nickname, Unset) else nickname,
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

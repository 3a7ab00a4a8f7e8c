from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BalanceAmounts")


@_attrs_define
class BalanceAmounts:
    """
    Attributes:
        available (float | None):
        pending (float | None):
        currency (str | None):
    """

    available: float | None = None
    pending: float | None = None
    currency: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        available_or_unset = UNSET if self.available is None else self.available
        available = available_or_unset

        pending_or_unset = UNSET if self.pending is None else self.pending
        pending = pending_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available is not UNSET:
            field_dict["available"] = available
        if pending is not UNSET:
            field_dict["pending"] = pending
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available", UNSET)

        pending = d.pop("pending", UNSET)

        currency = d.pop("currency", UNSET)

        _instance = cls(
            available=None if isinstance(available, Unset) else available,
            pending=None if isinstance(pending, Unset) else pending,
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

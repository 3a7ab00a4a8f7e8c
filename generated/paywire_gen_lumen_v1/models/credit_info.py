from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditInfo")


@_attrs_define
class CreditInfo:
    """
    Attributes:
        credit_allowance (float | None):
        credits_remaining (float | None):
        next_expiry_date (None | str):
    """

    credit_allowance: float | None = None
    credits_remaining: float | None = None
    next_expiry_date: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        credit_allowance_or_unset = UNSET if self.credit_allowance is None else self.credit_allowance
        credit_allowance = credit_allowance_or_unset

        credits_remaining_or_unset = UNSET if self.credits_remaining is None else self.credits_remaining
        credits_remaining = credits_remaining_or_unset

        next_expiry_date_or_unset = UNSET if self.next_expiry_date is None else self.next_expiry_date
        next_expiry_date: None | str | Unset
        if isinstance(next_expiry_date_or_unset, Unset):
            next_expiry_date = UNSET
        else:
            next_expiry_date = next_expiry_date_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if credit_allowance is not UNSET:
            field_dict["creditAllowance"] = credit_allowance
        if credits_remaining is not UNSET:
            field_dict["creditsRemaining"] = credits_remaining
        if next_expiry_date is not UNSET:
            field_dict["nextExpiryDate"] = next_expiry_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credit_allowance = d.pop("creditAllowance", UNSET)

        credits_remaining = d.pop("creditsRemaining", UNSET)

        def _parse_next_expiry_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_expiry_date = _parse_next_expiry_date(d.pop("nextExpiryDate", UNSET))

        _instance = cls(
            credit_allowance=None if isinstance(credit_allowance, Unset) else credit_allowance,
            credits_remaining=None if isinstance(credits_remaining, Unset) else credits_remaining,
            next_expiry_date=None if isinstance(next_expiry_date, Unset) else next_expiry_date,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditUsage")


@_attrs_define
class CreditUsage:
    """
    Attributes:
        current_period_start (int | None | str):
        current_period_end (int | None | str):
        credits_used (float | None):
        credits_remaining (float | None):
    """

    current_period_start: int | None | str = None
    current_period_end: int | None | str = None
    credits_used: float | None = None
    credits_remaining: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        current_period_start_or_unset = UNSET if self.current_period_start is None else self.current_period_start
        current_period_start: int | None | str | Unset
        if isinstance(current_period_start_or_unset, Unset):
            current_period_start = UNSET
        else:
            current_period_start = current_period_start_or_unset

        current_period_end_or_unset = UNSET if self.current_period_end is None else self.current_period_end
        current_period_end: int | None | str | Unset
        if isinstance(current_period_end_or_unset, Unset):
            current_period_end = UNSET
        else:
            current_period_end = current_period_end_or_unset

        credits_used_or_unset = UNSET if self.credits_used is None else self.credits_used
        credits_used = credits_used_or_unset

        credits_remaining_or_unset = UNSET if self.credits_remaining is None else self.credits_remaining
        credits_remaining: float | None | Unset
        if isinstance(credits_remaining_or_unset, Unset):
            credits_remaining = UNSET
        else:
            credits_remaining = credits_remaining_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if current_period_start is not UNSET:
            field_dict["current_period_start"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["current_period_end"] = current_period_end
        if credits_used is not UNSET:
            field_dict["credits_used"] = credits_used
        if credits_remaining is not UNSET:
            field_dict["credits_remaining"] = credits_remaining

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_current_period_start(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        current_period_start = _parse_current_period_start(d.pop("current_period_start", UNSET))

        def _parse_current_period_end(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        current_period_end = _parse_current_period_end(d.pop("current_period_end", UNSET))

        credits_used = d.pop("credits_used", UNSET)

        def _parse_credits_remaining(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        credits_remaining = _parse_credits_remaining(d.pop("credits_remaining", UNSET))

        _instance = cls(
            current_period_start=None if isinstance(current_period_start, Unset) else current_period_start,
            current_period_end=None if isinstance(current_period_end, Unset) else current_period_end,
            credits_used=None if isinstance(credits_used, Unset) else credits_used,
            credits_remaining=None if isinstance(credits_remaining, Unset) else credits_remaining,
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

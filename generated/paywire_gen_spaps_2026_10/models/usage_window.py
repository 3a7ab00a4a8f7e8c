from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsageWindow")


@_attrs_define
class UsageWindow:
    """the accounting window the totals belong to

    Attributes:
        window_key (str | None):
        starts_at (str | None): ISO-8601
        ends_at (str | None): ISO-8601
    """

    window_key: str | None = None
    starts_at: str | None = None
    ends_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        window_key_or_unset = UNSET if self.window_key is None else self.window_key
        window_key = window_key_or_unset

        starts_at_or_unset = UNSET if self.starts_at is None else self.starts_at
        starts_at = starts_at_or_unset

        ends_at_or_unset = UNSET if self.ends_at is None else self.ends_at
        ends_at = ends_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if window_key is not UNSET:
            field_dict["window_key"] = window_key
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        window_key = d.pop("window_key", UNSET)

        starts_at = d.pop("starts_at", UNSET)

        ends_at = d.pop("ends_at", UNSET)

        _instance = cls(
            window_key=None if isinstance(window_key, Unset) else window_key,
            starts_at=None if isinstance(starts_at, Unset) else starts_at,
            ends_at=None if isinstance(ends_at, Unset) else ends_at,
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

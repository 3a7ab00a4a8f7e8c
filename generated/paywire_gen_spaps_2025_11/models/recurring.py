from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Recurring")


@_attrs_define
class Recurring:
    """
    Attributes:
        interval (str | None):
        interval_count (int | None):
    """

    interval: str | None = None
    interval_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        interval_or_unset = UNSET if self.interval is None else self.interval
        interval = interval_or_unset

        interval_count_or_unset = UNSET if self.interval_count is None else self.interval_count
        interval_count = interval_count_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if interval is not UNSET:
            field_dict["interval"] = interval
        if interval_count is not UNSET:
            field_dict["interval_count"] = interval_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interval = d.pop("interval", UNSET)

        interval_count = d.pop("interval_count", UNSET)

        _instance = cls(
            interval=None if isinstance(interval, Unset) else interval,
            interval_count=None if isinstance(interval_count, Unset) else interval_count,
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

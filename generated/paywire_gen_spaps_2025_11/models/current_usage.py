from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrentUsage")


@_attrs_define
class CurrentUsage:
    """
    Attributes:
        used (float | None):
        limit (float | None):
        remaining (float | None):
    """

    used: float | None = None
    limit: float | None = None
    remaining: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        used_or_unset = UNSET if self.used is None else self.used
        used = used_or_unset

        limit_or_unset = UNSET if self.limit is None else self.limit
        limit: float | None | Unset
        if isinstance(limit_or_unset, Unset):
            limit = UNSET
        else:
            limit = limit_or_unset

        remaining_or_unset = UNSET if self.remaining is None else self.remaining
        remaining: float | None | Unset
        if isinstance(remaining_or_unset, Unset):
            remaining = UNSET
        else:
            remaining = remaining_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if used is not UNSET:
            field_dict["used"] = used
        if limit is not UNSET:
            field_dict["limit"] = limit
        if remaining is not UNSET:
            field_dict["remaining"] = remaining

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        used = d.pop("used", UNSET)

        def _parse_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_remaining(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))

        _instance = cls(
            used=None if isinstance(used, Unset) else used,
            limit=None if isinstance(limit, Unset) else limit,
            remaining=None if isinstance(remaining, Unset) else remaining,
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

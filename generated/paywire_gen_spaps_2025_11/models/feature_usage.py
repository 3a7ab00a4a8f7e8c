from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureUsage")


@_attrs_define
class FeatureUsage:
    """
    Attributes:
        name (str):
        description (None | str):
        used (float | None):
        limit (float | None): null means unlimited
        percentage (float | None):
        reset_at (None | str): ISO-8601
    """

    name: str
    description: None | str = None
    used: float | None = None
    limit: float | None = None
    percentage: float | None = None
    reset_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description_or_unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(description_or_unset, Unset):
            description = UNSET
        else:
            description = description_or_unset

        used_or_unset = UNSET if self.used is None else self.used
        used = used_or_unset

        limit_or_unset = UNSET if self.limit is None else self.limit
        limit: float | None | Unset
        if isinstance(limit_or_unset, Unset):
            limit = UNSET
        else:
            limit = limit_or_unset

        percentage_or_unset = UNSET if self.percentage is None else self.percentage
        percentage: float | None | Unset
        if isinstance(percentage_or_unset, Unset):
            percentage = UNSET
        else:
            percentage = percentage_or_unset

        reset_at_or_unset = UNSET if self.reset_at is None else self.reset_at
        reset_at: None | str | Unset
        if isinstance(reset_at_or_unset, Unset):
            reset_at = UNSET
        else:
            reset_at = reset_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if used is not UNSET:
            field_dict["used"] = used
        if limit is not UNSET:
            field_dict["limit"] = limit
        if percentage is not UNSET:
            field_dict["percentage"] = percentage
        if reset_at is not UNSET:
            field_dict["reset_at"] = reset_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        used = d.pop("used", UNSET)

        def _parse_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_percentage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        percentage = _parse_percentage(d.pop("percentage", UNSET))

        def _parse_reset_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reset_at = _parse_reset_at(d.pop("reset_at", UNSET))

        _instance = cls(
            name=name,
            description=None if isinstance(description, Unset) else description,
            used=None if isinstance(used, Unset) else used,
            limit=None if isinstance(limit, Unset) else limit,
            percentage=None if isinstance(percentage, Unset) else percentage,
            reset_at=None if isinstance(reset_at, Unset) else reset_at,
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

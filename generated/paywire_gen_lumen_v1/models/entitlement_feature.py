from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EntitlementFeature")


@_attrs_define
class EntitlementFeature:
    """
    Attributes:
        slug (str):
        value (bool | float | None): `true`/`false` for a boolean feature, the limit for a numeric one
        name (None | str):
    """

    slug: str
    value: bool | float | None = None
    name: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        value_or_unset = UNSET if self.value is None else self.value
        value: bool | float | None | Unset
        if isinstance(value_or_unset, Unset):
            value = UNSET
        else:
            value = value_or_unset

        name_or_unset = UNSET if self.name is None else self.name
        name: None | str | Unset
        if isinstance(name_or_unset, Unset):
            name = UNSET
        else:
            name = name_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        def _parse_value(data: object) -> bool | float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _instance = cls(
            slug=slug,
            value=None if isinstance(value, Unset) else value,
            name=None if isinstance(name, Unset) else name,
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

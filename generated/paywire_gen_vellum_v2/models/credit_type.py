from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditType")


@_attrs_define
class CreditType:
    """
    Attributes:
        id (str):
        name (str | None):
        unit (str | None): Display unit, e.g. `credit`, `token` (DECISION).
    """

    id: str
    name: str | None = None
    unit: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_or_unset = UNSET if self.name is None else self.name
        name = name_or_unset

        unit_or_unset = UNSET if self.unit is None else self.unit
        unit = unit_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        unit = d.pop("unit", UNSET)

        _instance = cls(
            id=id,
            name=None if isinstance(name, Unset) else name,
            unit=None if isinstance(unit, Unset) else unit,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsageOverage")


@_attrs_define
class UsageOverage:
    """
    Attributes:
        allowed (bool | None):
        charges (list[Any] | None):
    """

    allowed: bool | None = None
    charges: list[Any] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        allowed_or_unset = UNSET if self.allowed is None else self.allowed
        allowed = allowed_or_unset

        charges_or_unset = UNSET if self.charges is None else self.charges
        charges: list[Any] | Unset = UNSET
        if not isinstance(charges_or_unset, Unset):
            charges = charges_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if allowed is not UNSET:
            field_dict["allowed"] = allowed
        if charges is not UNSET:
            field_dict["charges"] = charges

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allowed = d.pop("allowed", UNSET)

        charges = cast(list[Any], d.pop("charges", UNSET))

        _instance = cls(
            allowed=None if isinstance(allowed, Unset) else allowed,
            charges=None if isinstance(charges, Unset) else charges,
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

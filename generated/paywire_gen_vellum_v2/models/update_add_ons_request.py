from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateAddOnsRequest")


@_attrs_define
class UpdateAddOnsRequest:
    """Exactly one of `add` / `remove`.

    Attributes:
        add (list[str] | None):
        remove (list[str] | None):
    """

    add: list[str] | None = None
    remove: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        add_or_unset = UNSET if self.add is None else self.add
        add: list[str] | Unset = UNSET
        if not isinstance(add_or_unset, Unset):
            add = add_or_unset

        remove_or_unset = UNSET if self.remove is None else self.remove
        remove: list[str] | Unset = UNSET
        if not isinstance(remove_or_unset, Unset):
            remove = remove_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add is not UNSET:
            field_dict["add"] = add
        if remove is not UNSET:
            field_dict["remove"] = remove

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        add = cast(list[str], d.pop("add", UNSET))

        remove = cast(list[str], d.pop("remove", UNSET))

        _instance = cls(
            add=None if isinstance(add, Unset) else add,
            remove=None if isinstance(remove, Unset) else remove,
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

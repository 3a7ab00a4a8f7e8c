from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidationErrorItem")


@_attrs_define
class ValidationErrorItem:
    """one FastAPI-style validation problem

    Attributes:
        loc (list[int | str] | None):
        msg (str | None):
        type_ (str | None):
    """

    loc: list[int | str] | None = None
    msg: str | None = None
    type_: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        loc_or_unset = UNSET if self.loc is None else self.loc
        loc: list[int | str] | Unset = UNSET
        if not isinstance(loc_or_unset, Unset):
            loc = []
            for loc_item_data in loc_or_unset:
                loc_item: int | str
                loc_item = loc_item_data
                loc.append(loc_item)

        msg_or_unset = UNSET if self.msg is None else self.msg
        msg = msg_or_unset

        type__or_unset = UNSET if self.type_ is None else self.type_
        type_ = type__or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if loc is not UNSET:
            field_dict["loc"] = loc
        if msg is not UNSET:
            field_dict["msg"] = msg
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _loc = d.pop("loc", UNSET)
        loc: list[int | str] | Unset = UNSET
        if _loc is not UNSET:
            loc = []
            for loc_item_data in _loc:

                def _parse_loc_item(data: object) -> int | str:
                    return cast(int | str, data)

                loc_item = _parse_loc_item(loc_item_data)

                loc.append(loc_item)

        msg = d.pop("msg", UNSET)

        type_ = d.pop("type", UNSET)

        _instance = cls(
            loc=None if isinstance(loc, Unset) else loc,
            msg=None if isinstance(msg, Unset) else msg,
            type_=None if isinstance(type_, Unset) else type_,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchResult")


@_attrs_define
class TouchResult:
    """
    Attributes:
        message (str | None):
        session_id (str | None):
        last_activity (str | None): ISO-8601
    """

    message: str | None = None
    session_id: str | None = None
    last_activity: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        session_id_or_unset = UNSET if self.session_id is None else self.session_id
        session_id = session_id_or_unset

        last_activity_or_unset = UNSET if self.last_activity is None else self.last_activity
        last_activity = last_activity_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if last_activity is not UNSET:
            field_dict["last_activity"] = last_activity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        session_id = d.pop("session_id", UNSET)

        last_activity = d.pop("last_activity", UNSET)

        _instance = cls(
            message=None if isinstance(message, Unset) else message,
            session_id=None if isinstance(session_id, Unset) else session_id,
            last_activity=None if isinstance(last_activity, Unset) else last_activity,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestConversion")


@_attrs_define
class GuestConversion:
    """camelCase on the wire

    Attributes:
        success (bool | Unset):
        user_id (str | Unset):
        message (str | Unset):
        login_url (None | str | Unset):
        magic_link_sent (bool | Unset):
    """

    success: bool | Unset = UNSET
    user_id: str | Unset = UNSET
    message: str | Unset = UNSET
    login_url: None | str | Unset = UNSET
    magic_link_sent: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        user_id = self.user_id

        message = self.message

        login_url: None | str | Unset
        if isinstance(self.login_url, Unset):
            login_url = UNSET
        else:
            login_url = self.login_url

        magic_link_sent = self.magic_link_sent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if message is not UNSET:
            field_dict["message"] = message
        if login_url is not UNSET:
            field_dict["loginUrl"] = login_url
        if magic_link_sent is not UNSET:
            field_dict["magicLinkSent"] = magic_link_sent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success", UNSET)

        user_id = d.pop("userId", UNSET)

        message = d.pop("message", UNSET)

        def _parse_login_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        login_url = _parse_login_url(d.pop("loginUrl", UNSET))

        magic_link_sent = d.pop("magicLinkSent", UNSET)

        guest_conversion = cls(
            success=success,
            user_id=user_id,
            message=message,
            login_url=login_url,
            magic_link_sent=magic_link_sent,
        )

        guest_conversion.additional_properties = d
        return guest_conversion

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

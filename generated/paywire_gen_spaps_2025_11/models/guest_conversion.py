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
        success (bool | None):
        user_id (str | None):
        message (str | None):
        login_url (None | str):
        magic_link_sent (bool | None):
    """

    success: bool | None = None
    user_id: str | None = None
    message: str | None = None
    login_url: None | str = None
    magic_link_sent: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        success_or_unset = UNSET if self.success is None else self.success
        success = success_or_unset

        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        login_url_or_unset = UNSET if self.login_url is None else self.login_url
        login_url: None | str | Unset
        if isinstance(login_url_or_unset, Unset):
            login_url = UNSET
        else:
            login_url = login_url_or_unset

        magic_link_sent_or_unset = UNSET if self.magic_link_sent is None else self.magic_link_sent
        magic_link_sent = magic_link_sent_or_unset

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

        _instance = cls(
            success=None if isinstance(success, Unset) else success,
            user_id=None if isinstance(user_id, Unset) else user_id,
            message=None if isinstance(message, Unset) else message,
            login_url=None if isinstance(login_url, Unset) else login_url,
            magic_link_sent=None if isinstance(magic_link_sent, Unset) else magic_link_sent,
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

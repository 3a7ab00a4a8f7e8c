from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConvertGuestCheckoutRequest")


@_attrs_define
class ConvertGuestCheckoutRequest:
    """
    Attributes:
        session_id (str):
        email (str):
        password (str | None):
        send_magic_link (bool | None):
    """

    session_id: str
    email: str
    password: str | None = None
    send_magic_link: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        email = self.email

        password_or_unset = UNSET if self.password is None else self.password
        password = password_or_unset

        send_magic_link_or_unset = UNSET if self.send_magic_link is None else self.send_magic_link
        send_magic_link = send_magic_link_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "email": email,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password
        if send_magic_link is not UNSET:
            field_dict["send_magic_link"] = send_magic_link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        email = d.pop("email")

        password = d.pop("password", UNSET)

        send_magic_link = d.pop("send_magic_link", UNSET)

        _instance = cls(
            session_id=session_id,
            email=email,
            password=None if isinstance(password, Unset) else password,
            send_magic_link=None if isinstance(send_magic_link, Unset) else send_magic_link,
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

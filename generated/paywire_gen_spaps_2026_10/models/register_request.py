from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterRequest")


@_attrs_define
class RegisterRequest:
    """
    Attributes:
        email (str):
        password (str):
        username (None | str):
        phone_number (None | str):
        ref (str | None): referral code the user arrived with
        referral_click_id (str | None): id of the tracked referral click
    """

    email: str
    password: str
    username: None | str = None
    phone_number: None | str = None
    ref: str | None = None
    referral_click_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        username_or_unset = UNSET if self.username is None else self.username
        username: None | str | Unset
        if isinstance(username_or_unset, Unset):
            username = UNSET
        else:
            username = username_or_unset

        phone_number_or_unset = UNSET if self.phone_number is None else self.phone_number
        phone_number: None | str | Unset
        if isinstance(phone_number_or_unset, Unset):
            phone_number = UNSET
        else:
            phone_number = phone_number_or_unset

        ref_or_unset = UNSET if self.ref is None else self.ref
        ref = ref_or_unset

        referral_click_id_or_unset = UNSET if self.referral_click_id is None else self.referral_click_id
        referral_click_id = referral_click_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if ref is not UNSET:
            field_dict["ref"] = ref
        if referral_click_id is not UNSET:
            field_dict["referral_click_id"] = referral_click_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        ref = d.pop("ref", UNSET)

        referral_click_id = d.pop("referral_click_id", UNSET)

        _instance = cls(
            email=email,
            password=password,
            username=None if isinstance(username, Unset) else username,
            phone_number=None if isinstance(phone_number, Unset) else phone_number,
            ref=None if isinstance(ref, Unset) else ref,
            referral_click_id=None if isinstance(referral_click_id, Unset) else referral_click_id,
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

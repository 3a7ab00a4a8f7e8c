from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionAuthority")


@_attrs_define
class SessionAuthority:
    """the access token's lineage (absent for legacy/stateless sessions)

    Attributes:
        user_id (str | Unset):
        application_id (str | Unset):
        session_id (str | Unset):
        access_jti (str | Unset):
        access_expires_at (str | Unset): ISO-8601
    """

    user_id: str | Unset = UNSET
    application_id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    access_jti: str | Unset = UNSET
    access_expires_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        application_id = self.application_id

        session_id = self.session_id

        access_jti = self.access_jti

        access_expires_at = self.access_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if access_jti is not UNSET:
            field_dict["access_jti"] = access_jti
        if access_expires_at is not UNSET:
            field_dict["access_expires_at"] = access_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        application_id = d.pop("application_id", UNSET)

        session_id = d.pop("session_id", UNSET)

        access_jti = d.pop("access_jti", UNSET)

        access_expires_at = d.pop("access_expires_at", UNSET)

        session_authority = cls(
            user_id=user_id,
            application_id=application_id,
            session_id=session_id,
            access_jti=access_jti,
            access_expires_at=access_expires_at,
        )

        session_authority.additional_properties = d
        return session_authority

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

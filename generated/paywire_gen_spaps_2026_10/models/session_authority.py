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
        user_id (str | None):
        application_id (str | None):
        session_id (str | None):
        access_jti (str | None):
        access_expires_at (str | None): ISO-8601
    """

    user_id: str | None = None
    application_id: str | None = None
    session_id: str | None = None
    access_jti: str | None = None
    access_expires_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        application_id_or_unset = UNSET if self.application_id is None else self.application_id
        application_id = application_id_or_unset

        session_id_or_unset = UNSET if self.session_id is None else self.session_id
        session_id = session_id_or_unset

        access_jti_or_unset = UNSET if self.access_jti is None else self.access_jti
        access_jti = access_jti_or_unset

        access_expires_at_or_unset = UNSET if self.access_expires_at is None else self.access_expires_at
        access_expires_at = access_expires_at_or_unset

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

        _instance = cls(
            user_id=None if isinstance(user_id, Unset) else user_id,
            application_id=None if isinstance(application_id, Unset) else application_id,
            session_id=None if isinstance(session_id, Unset) else session_id,
            access_jti=None if isinstance(access_jti, Unset) else access_jti,
            access_expires_at=None if isinstance(access_expires_at, Unset) else access_expires_at,
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

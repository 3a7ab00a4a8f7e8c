from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionValidation")


@_attrs_define
class SessionValidation:
    """
    Attributes:
        valid (bool):
        session_id (str | Unset):
        expires_at (str | Unset): ISO-8601
        renewed (bool | Unset):
    """

    valid: bool
    session_id: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    renewed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        session_id = self.session_id

        expires_at = self.expires_at

        renewed = self.renewed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if renewed is not UNSET:
            field_dict["renewed"] = renewed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid = d.pop("valid")

        session_id = d.pop("session_id", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        renewed = d.pop("renewed", UNSET)

        session_validation = cls(
            valid=valid,
            session_id=session_id,
            expires_at=expires_at,
            renewed=renewed,
        )

        session_validation.additional_properties = d
        return session_validation

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

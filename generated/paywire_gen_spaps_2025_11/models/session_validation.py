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
        session_id (str | None):
        expires_at (str | None): ISO-8601
        renewed (bool | None):
    """

    valid: bool
    session_id: str | None = None
    expires_at: str | None = None
    renewed: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        session_id_or_unset = UNSET if self.session_id is None else self.session_id
        session_id = session_id_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        renewed_or_unset = UNSET if self.renewed is None else self.renewed
        renewed = renewed_or_unset

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

        _instance = cls(
            valid=valid,
            session_id=None if isinstance(session_id, Unset) else session_id,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            renewed=None if isinstance(renewed, Unset) else renewed,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MfaChallenge")


@_attrs_define
class MfaChallenge:
    """a second factor is needed; no tokens were issued and no session was opened

    Attributes:
        mfa_required (bool): always true
        challenge_id (str):
        challenge (str | Unset): opaque challenge value
        expires_at (str | Unset): ISO-8601
        methods (list[str] | Unset):
    """

    mfa_required: bool
    challenge_id: str
    challenge: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    methods: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mfa_required = self.mfa_required

        challenge_id = self.challenge_id

        challenge = self.challenge

        expires_at = self.expires_at

        methods: list[str] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = self.methods

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mfa_required": mfa_required,
                "challenge_id": challenge_id,
            }
        )
        if challenge is not UNSET:
            field_dict["challenge"] = challenge
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if methods is not UNSET:
            field_dict["methods"] = methods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mfa_required = d.pop("mfa_required")

        challenge_id = d.pop("challenge_id")

        challenge = d.pop("challenge", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        methods = cast(list[str], d.pop("methods", UNSET))

        mfa_challenge = cls(
            mfa_required=mfa_required,
            challenge_id=challenge_id,
            challenge=challenge,
            expires_at=expires_at,
            methods=methods,
        )

        mfa_challenge.additional_properties = d
        return mfa_challenge

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

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
        challenge (str | None): opaque challenge value
        expires_at (str | None): ISO-8601
        methods (list[str] | None):
    """

    mfa_required: bool
    challenge_id: str
    challenge: str | None = None
    expires_at: str | None = None
    methods: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        mfa_required = self.mfa_required

        challenge_id = self.challenge_id

        challenge_or_unset = UNSET if self.challenge is None else self.challenge
        challenge = challenge_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        methods_or_unset = UNSET if self.methods is None else self.methods
        methods: list[str] | Unset = UNSET
        if not isinstance(methods_or_unset, Unset):
            methods = methods_or_unset

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

        _instance = cls(
            mfa_required=mfa_required,
            challenge_id=challenge_id,
            challenge=None if isinstance(challenge, Unset) else challenge,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            methods=None if isinstance(methods, Unset) else methods,
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

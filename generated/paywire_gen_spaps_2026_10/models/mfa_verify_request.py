from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MfaVerifyRequest")


@_attrs_define
class MfaVerifyRequest:
    """exactly one of `code` and `recovery_code` (decision 1)

    Attributes:
        challenge_id (str):
        challenge (str): the challenge value from the sign-in answer
        code (str | None): the authenticator's current code
        recovery_code (str | None):
    """

    challenge_id: str
    challenge: str
    code: str | None = None
    recovery_code: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        challenge_id = self.challenge_id

        challenge = self.challenge

        code_or_unset = UNSET if self.code is None else self.code
        code = code_or_unset

        recovery_code_or_unset = UNSET if self.recovery_code is None else self.recovery_code
        recovery_code = recovery_code_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "challenge_id": challenge_id,
                "challenge": challenge,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if recovery_code is not UNSET:
            field_dict["recovery_code"] = recovery_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        challenge_id = d.pop("challenge_id")

        challenge = d.pop("challenge")

        code = d.pop("code", UNSET)

        recovery_code = d.pop("recovery_code", UNSET)

        _instance = cls(
            challenge_id=challenge_id,
            challenge=challenge,
            code=None if isinstance(code, Unset) else code,
            recovery_code=None if isinstance(recovery_code, Unset) else recovery_code,
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

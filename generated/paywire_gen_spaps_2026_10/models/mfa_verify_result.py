from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_user import AuthUser


@cache
def _lazy_models() -> tuple[type[AuthUser],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.auth_user import AuthUser  # noqa: PLC0415

    return (AuthUser,)


T = TypeVar("T", bound="MfaVerifyResult")


@_attrs_define
class MfaVerifyResult:
    """the sign-in token pair and user, plus how the second factor was satisfied

    Attributes:
        access_token (str):
        expires_in (int): seconds
        user (AuthUser): user as returned with tokens (login, wallet sign-in, register, magic link)
        mfa_method (str):
        refresh_token (str | None):
        token_type (str | None):
        recovery_codes_remaining (int | None):
        assurance (None | str):
        phishing_resistant_at (int | None):
    """

    access_token: str
    expires_in: int
    user: AuthUser
    mfa_method: str
    refresh_token: str | None = None
    token_type: str | None = "Bearer"
    recovery_codes_remaining: int | None = None
    assurance: None | str = None
    phishing_resistant_at: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        user = self.user.to_dict()

        mfa_method = self.mfa_method

        refresh_token_or_unset = UNSET if self.refresh_token is None else self.refresh_token
        refresh_token = refresh_token_or_unset

        token_type_or_unset = UNSET if self.token_type is None else self.token_type
        token_type = token_type_or_unset

        recovery_codes_remaining_or_unset = (
            UNSET if self.recovery_codes_remaining is None else self.recovery_codes_remaining
        )
        recovery_codes_remaining: int | None | Unset
        if isinstance(recovery_codes_remaining_or_unset, Unset):
            recovery_codes_remaining = UNSET
        else:
            recovery_codes_remaining = recovery_codes_remaining_or_unset

        assurance_or_unset = UNSET if self.assurance is None else self.assurance
        assurance: None | str | Unset
        if isinstance(assurance_or_unset, Unset):
            assurance = UNSET
        else:
            assurance = assurance_or_unset

        phishing_resistant_at_or_unset = UNSET if self.phishing_resistant_at is None else self.phishing_resistant_at
        phishing_resistant_at: int | None | Unset
        if isinstance(phishing_resistant_at_or_unset, Unset):
            phishing_resistant_at = UNSET
        else:
            phishing_resistant_at = phishing_resistant_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "user": user,
                "mfa_method": mfa_method,
            }
        )
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if recovery_codes_remaining is not UNSET:
            field_dict["recovery_codes_remaining"] = recovery_codes_remaining
        if assurance is not UNSET:
            field_dict["assurance"] = assurance
        if phishing_resistant_at is not UNSET:
            field_dict["phishing_resistant_at"] = phishing_resistant_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (AuthUser,) = _lazy_models()
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        user = AuthUser.from_dict(d.pop("user"))

        mfa_method = d.pop("mfa_method")

        refresh_token = d.pop("refresh_token", UNSET)

        token_type = d.pop("token_type", UNSET)

        def _parse_recovery_codes_remaining(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recovery_codes_remaining = _parse_recovery_codes_remaining(d.pop("recovery_codes_remaining", UNSET))

        def _parse_assurance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assurance = _parse_assurance(d.pop("assurance", UNSET))

        def _parse_phishing_resistant_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        phishing_resistant_at = _parse_phishing_resistant_at(d.pop("phishing_resistant_at", UNSET))

        _instance = cls(
            access_token=access_token,
            expires_in=expires_in,
            user=user,
            mfa_method=mfa_method,
            refresh_token=None if isinstance(refresh_token, Unset) else refresh_token,
            token_type=None if isinstance(token_type, Unset) else token_type,
            recovery_codes_remaining=None if isinstance(recovery_codes_remaining, Unset) else recovery_codes_remaining,
            assurance=None if isinstance(assurance, Unset) else assurance,
            phishing_resistant_at=None if isinstance(phishing_resistant_at, Unset) else phishing_resistant_at,
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

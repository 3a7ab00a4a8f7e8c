from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RefreshedTokens")


@_attrs_define
class RefreshedTokens:
    """the server's RefreshResponse; no `user`

    Attributes:
        access_token (str):
        refresh_token (str | None):
        expires_in (int | None):
        token_type (str | None):
    """

    access_token: str
    refresh_token: str | None = None
    expires_in: int | None = None
    token_type: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        refresh_token_or_unset = UNSET if self.refresh_token is None else self.refresh_token
        refresh_token = refresh_token_or_unset

        expires_in_or_unset = UNSET if self.expires_in is None else self.expires_in
        expires_in = expires_in_or_unset

        token_type_or_unset = UNSET if self.token_type is None else self.token_type
        token_type = token_type_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
            }
        )
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if token_type is not UNSET:
            field_dict["token_type"] = token_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        refresh_token = d.pop("refresh_token", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        token_type = d.pop("token_type", UNSET)

        _instance = cls(
            access_token=access_token,
            refresh_token=None if isinstance(refresh_token, Unset) else refresh_token,
            expires_in=None if isinstance(expires_in, Unset) else expires_in,
            token_type=None if isinstance(token_type, Unset) else token_type,
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

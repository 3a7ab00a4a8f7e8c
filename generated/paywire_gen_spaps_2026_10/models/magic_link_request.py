from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MagicLinkRequest")


@_attrs_define
class MagicLinkRequest:
    """
    Attributes:
        email (str):
        confirm_url (str | None): landing page the emailed link points at (the server's default otherwise)
    """

    email: str
    confirm_url: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        confirm_url_or_unset = UNSET if self.confirm_url is None else self.confirm_url
        confirm_url = confirm_url_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        if confirm_url is not UNSET:
            field_dict["confirm_url"] = confirm_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        confirm_url = d.pop("confirm_url", UNSET)

        _instance = cls(
            email=email,
            confirm_url=None if isinstance(confirm_url, Unset) else confirm_url,
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

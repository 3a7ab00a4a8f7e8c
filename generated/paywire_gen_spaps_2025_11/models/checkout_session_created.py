from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutSessionCreated")


@_attrs_define
class CheckoutSessionCreated:
    """
    Attributes:
        session_id (str):
        checkout_url (str):
        expires_at (int | None | str): unix seconds or ISO-8601 (not stated)
    """

    session_id: str
    checkout_url: str
    expires_at: int | None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        checkout_url = self.checkout_url

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: int | None | str | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        else:
            expires_at = expires_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "checkout_url": checkout_url,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        checkout_url = d.pop("checkout_url")

        def _parse_expires_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _instance = cls(
            session_id=session_id,
            checkout_url=checkout_url,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
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

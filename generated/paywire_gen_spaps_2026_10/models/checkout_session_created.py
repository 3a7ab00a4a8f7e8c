from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutSessionCreated")


@_attrs_define
class CheckoutSessionCreated:
    """the new session as `session_id`/`checkout_url` (legacy names) and/or `id`/`url`; none is required, a server sends at
    least one pair

        Attributes:
            session_id (str | Unset):
            checkout_url (str | Unset):
            id (str | Unset):
            url (str | Unset):
            expires_at (int | None | str | Unset): unix seconds or ISO-8601 (not stated)
    """

    session_id: str | Unset = UNSET
    checkout_url: str | Unset = UNSET
    id: str | Unset = UNSET
    url: str | Unset = UNSET
    expires_at: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        checkout_url = self.checkout_url

        id = self.id

        url = self.url

        expires_at: int | None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if checkout_url is not UNSET:
            field_dict["checkout_url"] = checkout_url
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id", UNSET)

        checkout_url = d.pop("checkout_url", UNSET)

        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        def _parse_expires_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        checkout_session_created = cls(
            session_id=session_id,
            checkout_url=checkout_url,
            id=id,
            url=url,
            expires_at=expires_at,
        )

        checkout_session_created.additional_properties = d
        return checkout_session_created

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

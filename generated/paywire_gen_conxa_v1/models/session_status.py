from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionStatus")


@_attrs_define
class SessionStatus:
    """Connection status. `session_token` is set only when `status` is `active`; a session is
    usable only when both hold. Unknown `status` values must be read as `not_found`.

        Attributes:
            status (str):
            session_token (None | str): `ps_…` token for `X-Provider-Session`; only when active
            expires_at (datetime.datetime | None): session expiry (ISO-8601, `Z` allowed)
    """

    status: str
    session_token: None | str = None
    expires_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        session_token_or_unset = UNSET if self.session_token is None else self.session_token
        session_token: None | str | Unset
        if isinstance(session_token_or_unset, Unset):
            session_token = UNSET
        else:
            session_token = session_token_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: None | str | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        elif isinstance(expires_at_or_unset, datetime.datetime):
            expires_at = expires_at_or_unset.isoformat()
        else:
            expires_at = expires_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if session_token is not UNSET:
            field_dict["session_token"] = session_token
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        def _parse_session_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_token = _parse_session_token(d.pop("session_token", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _instance = cls(
            status=status,
            session_token=None if isinstance(session_token, Unset) else session_token,
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

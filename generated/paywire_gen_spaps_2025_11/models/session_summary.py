from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """
    Attributes:
        id (str):
        user_id (str | None):
        application_id (str | None):
        created_at (str | None): ISO-8601
        expires_at (str | None): ISO-8601
        last_used (None | str): ISO-8601
        user_agent (None | str):
        ip_address (None | str):
        is_current (bool | None):
    """

    id: str
    user_id: str | None = None
    application_id: str | None = None
    created_at: str | None = None
    expires_at: str | None = None
    last_used: None | str = None
    user_agent: None | str = None
    ip_address: None | str = None
    is_current: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        application_id_or_unset = UNSET if self.application_id is None else self.application_id
        application_id = application_id_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at = created_at_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        last_used_or_unset = UNSET if self.last_used is None else self.last_used
        last_used: None | str | Unset
        if isinstance(last_used_or_unset, Unset):
            last_used = UNSET
        else:
            last_used = last_used_or_unset

        user_agent_or_unset = UNSET if self.user_agent is None else self.user_agent
        user_agent: None | str | Unset
        if isinstance(user_agent_or_unset, Unset):
            user_agent = UNSET
        else:
            user_agent = user_agent_or_unset

        ip_address_or_unset = UNSET if self.ip_address is None else self.ip_address
        ip_address: None | str | Unset
        if isinstance(ip_address_or_unset, Unset):
            ip_address = UNSET
        else:
            ip_address = ip_address_or_unset

        is_current_or_unset = UNSET if self.is_current is None else self.is_current
        is_current = is_current_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if last_used is not UNSET:
            field_dict["last_used"] = last_used
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if is_current is not UNSET:
            field_dict["is_current"] = is_current

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id", UNSET)

        application_id = d.pop("application_id", UNSET)

        created_at = d.pop("created_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        def _parse_last_used(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_used = _parse_last_used(d.pop("last_used", UNSET))

        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))

        def _parse_ip_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_address = _parse_ip_address(d.pop("ip_address", UNSET))

        is_current = d.pop("is_current", UNSET)

        _instance = cls(
            id=id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            application_id=None if isinstance(application_id, Unset) else application_id,
            created_at=None if isinstance(created_at, Unset) else created_at,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            last_used=None if isinstance(last_used, Unset) else last_used,
            user_agent=None if isinstance(user_agent, Unset) else user_agent,
            ip_address=None if isinstance(ip_address, Unset) else ip_address,
            is_current=None if isinstance(is_current, Unset) else is_current,
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

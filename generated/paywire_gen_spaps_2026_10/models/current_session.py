from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrentSession")


@_attrs_define
class CurrentSession:
    """
    Attributes:
        id (str):
        user_id (str | Unset):
        application_id (str | Unset):
        tier (None | str | Unset):
        created_at (str | Unset): ISO-8601
        expires_at (str | Unset): ISO-8601
        last_activity (None | str | Unset): ISO-8601
        wallets_count (int | Unset):
        duration_minutes (float | Unset):
        idle_minutes (float | Unset):
    """

    id: str
    user_id: str | Unset = UNSET
    application_id: str | Unset = UNSET
    tier: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    last_activity: None | str | Unset = UNSET
    wallets_count: int | Unset = UNSET
    duration_minutes: float | Unset = UNSET
    idle_minutes: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        application_id = self.application_id

        tier: None | str | Unset
        if isinstance(self.tier, Unset):
            tier = UNSET
        else:
            tier = self.tier

        created_at = self.created_at

        expires_at = self.expires_at

        last_activity: None | str | Unset
        if isinstance(self.last_activity, Unset):
            last_activity = UNSET
        else:
            last_activity = self.last_activity

        wallets_count = self.wallets_count

        duration_minutes = self.duration_minutes

        idle_minutes = self.idle_minutes

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
        if tier is not UNSET:
            field_dict["tier"] = tier
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if last_activity is not UNSET:
            field_dict["last_activity"] = last_activity
        if wallets_count is not UNSET:
            field_dict["wallets_count"] = wallets_count
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if idle_minutes is not UNSET:
            field_dict["idle_minutes"] = idle_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id", UNSET)

        application_id = d.pop("application_id", UNSET)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        created_at = d.pop("created_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        def _parse_last_activity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_activity = _parse_last_activity(d.pop("last_activity", UNSET))

        wallets_count = d.pop("wallets_count", UNSET)

        duration_minutes = d.pop("duration_minutes", UNSET)

        idle_minutes = d.pop("idle_minutes", UNSET)

        current_session = cls(
            id=id,
            user_id=user_id,
            application_id=application_id,
            tier=tier,
            created_at=created_at,
            expires_at=expires_at,
            last_activity=last_activity,
            wallets_count=wallets_count,
            duration_minutes=duration_minutes,
            idle_minutes=idle_minutes,
        )

        current_session.additional_properties = d
        return current_session

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

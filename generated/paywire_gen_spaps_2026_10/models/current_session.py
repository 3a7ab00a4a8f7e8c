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
        user_id (str | None):
        application_id (str | None):
        tier (None | str):
        created_at (str | None): ISO-8601
        expires_at (str | None): ISO-8601
        last_activity (None | str): ISO-8601
        wallets_count (int | None):
        duration_minutes (float | None):
        idle_minutes (float | None):
    """

    id: str
    user_id: str | None = None
    application_id: str | None = None
    tier: None | str = None
    created_at: str | None = None
    expires_at: str | None = None
    last_activity: None | str = None
    wallets_count: int | None = None
    duration_minutes: float | None = None
    idle_minutes: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        application_id_or_unset = UNSET if self.application_id is None else self.application_id
        application_id = application_id_or_unset

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at = created_at_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        last_activity_or_unset = UNSET if self.last_activity is None else self.last_activity
        last_activity: None | str | Unset
        if isinstance(last_activity_or_unset, Unset):
            last_activity = UNSET
        else:
            last_activity = last_activity_or_unset

        wallets_count_or_unset = UNSET if self.wallets_count is None else self.wallets_count
        wallets_count = wallets_count_or_unset

        duration_minutes_or_unset = UNSET if self.duration_minutes is None else self.duration_minutes
        duration_minutes = duration_minutes_or_unset

        idle_minutes_or_unset = UNSET if self.idle_minutes is None else self.idle_minutes
        idle_minutes = idle_minutes_or_unset

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

        _instance = cls(
            id=id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            application_id=None if isinstance(application_id, Unset) else application_id,
            tier=None if isinstance(tier, Unset) else tier,
            created_at=None if isinstance(created_at, Unset) else created_at,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            last_activity=None if isinstance(last_activity, Unset) else last_activity,
            wallets_count=None if isinstance(wallets_count, Unset) else wallets_count,
            duration_minutes=None if isinstance(duration_minutes, Unset) else duration_minutes,
            idle_minutes=None if isinstance(idle_minutes, Unset) else idle_minutes,
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

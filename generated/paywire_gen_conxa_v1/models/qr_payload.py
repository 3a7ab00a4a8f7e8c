from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QRPayload")


@_attrs_define
class QRPayload:
    """Client-side only: the JSON encoded in the connection QR (never sent to this API).
    Compact JSON, keys in this order: provider_id, provider_type, provider_username, limit.

        Attributes:
            provider_id (str):
            provider_type (str):
            provider_username (str):
            limit (float | None): optional spending cap in tokens (written as a float, e.g. 50000.0)
    """

    provider_id: str
    provider_type: str
    provider_username: str
    limit: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        provider_type = self.provider_type

        provider_username = self.provider_username

        limit_or_unset = UNSET if self.limit is None else self.limit
        limit = limit_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_id": provider_id,
                "provider_type": provider_type,
                "provider_username": provider_username,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        provider_type = d.pop("provider_type")

        provider_username = d.pop("provider_username")

        limit = d.pop("limit", UNSET)

        _instance = cls(
            provider_id=provider_id,
            provider_type=provider_type,
            provider_username=provider_username,
            limit=None if isinstance(limit, Unset) else limit,
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

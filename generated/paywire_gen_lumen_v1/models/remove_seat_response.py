from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoveSeatResponse")


@_attrs_define
class RemoveSeatResponse:
    """
    Attributes:
        message (str):
        organization_id (str):
        removed_user_id (str):
        subscription_id (str):
        idempotency_key (None | str):
    """

    message: str
    organization_id: str
    removed_user_id: str
    subscription_id: str
    idempotency_key: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        organization_id = self.organization_id

        removed_user_id = self.removed_user_id

        subscription_id = self.subscription_id

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key: None | str | Unset
        if isinstance(idempotency_key_or_unset, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = idempotency_key_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "organization_id": organization_id,
                "removed_user_id": removed_user_id,
                "subscription_id": subscription_id,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        organization_id = d.pop("organization_id")

        removed_user_id = d.pop("removed_user_id")

        subscription_id = d.pop("subscription_id")

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        _instance = cls(
            message=message,
            organization_id=organization_id,
            removed_user_id=removed_user_id,
            subscription_id=subscription_id,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
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

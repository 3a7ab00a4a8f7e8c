from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.remove_seat_request_metadata import RemoveSeatRequestMetadata


@cache
def _lazy_models() -> tuple[type[RemoveSeatRequestMetadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.remove_seat_request_metadata import RemoveSeatRequestMetadata  # noqa: PLC0415

    return (RemoveSeatRequestMetadata,)


T = TypeVar("T", bound="RemoveSeatRequest")


@_attrs_define
class RemoveSeatRequest:
    """
    Attributes:
        removed_user_id (str): External id of the user leaving the seat
        user_id (str | None):
        organization_id (str | None):
        metadata (RemoveSeatRequestMetadata | None):
        idempotency_key (str | None):
        timestamp (str | None): UTC ISO 8601 ending in `Z`
    """

    removed_user_id: str
    user_id: str | None = None
    organization_id: str | None = None
    metadata: RemoveSeatRequestMetadata | None = None
    idempotency_key: str | None = None
    timestamp: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        removed_user_id = self.removed_user_id

        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        organization_id_or_unset = UNSET if self.organization_id is None else self.organization_id
        organization_id = organization_id_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key = idempotency_key_or_unset

        timestamp_or_unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = timestamp_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "removed_user_id": removed_user_id,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (RemoveSeatRequestMetadata,) = _lazy_models()
        d = dict(src_dict)
        removed_user_id = d.pop("removed_user_id")

        user_id = d.pop("user_id", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: RemoveSeatRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RemoveSeatRequestMetadata.from_dict(_metadata)

        idempotency_key = d.pop("idempotency_key", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        _instance = cls(
            removed_user_id=removed_user_id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            organization_id=None if isinstance(organization_id, Unset) else organization_id,
            metadata=None if isinstance(metadata, Unset) else metadata,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
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

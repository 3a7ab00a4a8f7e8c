from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.usage_resource_type import UsageResourceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dimensions import Dimensions
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[
    type[Dimensions],
    type[Metadata],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.dimensions import Dimensions  # noqa: PLC0415
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (
        Dimensions,
        Metadata,
    )


T = TypeVar("T", bound="RecordUsageRequest")


@_attrs_define
class RecordUsageRequest:
    """
    Attributes:
        authorization_ref (str): from `POST /api/usage/authorize`
        idempotency_key (str): a repeat with the same body answers the original event
        feature_key (str):
        resource_type (UsageResourceType): request side only (house rule 2); responses use a plain string
        dimensions (Dimensions): dimension name → amount, e.g. `{"calls": 1}` or `{"input_tokens": 812, "output_tokens":
            140}`
        resource_id (str | None):
        subject_user_id (str | None):
        metadata (Metadata | None): free-form JSON object
        occurred_at (str | None): ISO-8601 time the usage happened (default now)
    """

    authorization_ref: str
    idempotency_key: str
    feature_key: str
    resource_type: UsageResourceType
    dimensions: Dimensions
    resource_id: str | None = None
    subject_user_id: str | None = None
    metadata: Metadata | None = None
    occurred_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        authorization_ref = self.authorization_ref

        idempotency_key = self.idempotency_key

        feature_key = self.feature_key

        resource_type = self.resource_type.value

        dimensions = self.dimensions.to_dict()

        resource_id_or_unset = UNSET if self.resource_id is None else self.resource_id
        resource_id = resource_id_or_unset

        subject_user_id_or_unset = UNSET if self.subject_user_id is None else self.subject_user_id
        subject_user_id = subject_user_id_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        occurred_at_or_unset = UNSET if self.occurred_at is None else self.occurred_at
        occurred_at = occurred_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorization_ref": authorization_ref,
                "idempotency_key": idempotency_key,
                "feature_key": feature_key,
                "resource_type": resource_type,
                "dimensions": dimensions,
            }
        )
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_user_id is not UNSET:
            field_dict["subject_user_id"] = subject_user_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Dimensions,
            Metadata,
        ) = _lazy_models()
        d = dict(src_dict)
        authorization_ref = d.pop("authorization_ref")

        idempotency_key = d.pop("idempotency_key")

        feature_key = d.pop("feature_key")

        resource_type = UsageResourceType(d.pop("resource_type"))

        dimensions = Dimensions.from_dict(d.pop("dimensions"))

        resource_id = d.pop("resource_id", UNSET)

        subject_user_id = d.pop("subject_user_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        occurred_at = d.pop("occurred_at", UNSET)

        _instance = cls(
            authorization_ref=authorization_ref,
            idempotency_key=idempotency_key,
            feature_key=feature_key,
            resource_type=resource_type,
            dimensions=dimensions,
            resource_id=None if isinstance(resource_id, Unset) else resource_id,
            subject_user_id=None if isinstance(subject_user_id, Unset) else subject_user_id,
            metadata=None if isinstance(metadata, Unset) else metadata,
            occurred_at=None if isinstance(occurred_at, Unset) else occurred_at,
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

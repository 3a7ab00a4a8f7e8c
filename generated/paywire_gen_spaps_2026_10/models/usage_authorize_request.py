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


T = TypeVar("T", bound="UsageAuthorizeRequest")


@_attrs_define
class UsageAuthorizeRequest:
    """
    Attributes:
        feature_key (str):
        resource_type (UsageResourceType): request side only (house rule 2); responses use a plain string
        resource_id (str | None): the metered resource; for `user` it defaults to the bearer's user
        subject_user_id (str | None): the user who acts (defaults to the bearer's user)
        dimensions (Dimensions | None): dimension name → amount, e.g. `{"calls": 1}` or `{"input_tokens": 812,
            "output_tokens": 140}`
        metadata (Metadata | None): free-form JSON object
    """

    feature_key: str
    resource_type: UsageResourceType
    resource_id: str | None = None
    subject_user_id: str | None = None
    dimensions: Dimensions | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        feature_key = self.feature_key

        resource_type = self.resource_type.value

        resource_id_or_unset = UNSET if self.resource_id is None else self.resource_id
        resource_id = resource_id_or_unset

        subject_user_id_or_unset = UNSET if self.subject_user_id is None else self.subject_user_id
        subject_user_id = subject_user_id_or_unset

        dimensions_or_unset = UNSET if self.dimensions is None else self.dimensions
        dimensions: dict[str, Any] | Unset = UNSET
        if not isinstance(dimensions_or_unset, Unset):
            dimensions = dimensions_or_unset.to_dict()

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature_key": feature_key,
                "resource_type": resource_type,
            }
        )
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_user_id is not UNSET:
            field_dict["subject_user_id"] = subject_user_id
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Dimensions,
            Metadata,
        ) = _lazy_models()
        d = dict(src_dict)
        feature_key = d.pop("feature_key")

        resource_type = UsageResourceType(d.pop("resource_type"))

        resource_id = d.pop("resource_id", UNSET)

        subject_user_id = d.pop("subject_user_id", UNSET)

        _dimensions = d.pop("dimensions", UNSET)
        dimensions: Dimensions | Unset
        if isinstance(_dimensions, Unset):
            dimensions = UNSET
        else:
            dimensions = Dimensions.from_dict(_dimensions)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        _instance = cls(
            feature_key=feature_key,
            resource_type=resource_type,
            resource_id=None if isinstance(resource_id, Unset) else resource_id,
            subject_user_id=None if isinstance(subject_user_id, Unset) else subject_user_id,
            dimensions=None if isinstance(dimensions, Unset) else dimensions,
            metadata=None if isinstance(metadata, Unset) else metadata,
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

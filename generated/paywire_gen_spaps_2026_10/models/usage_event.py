from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amounts import Amounts
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[
    type[Amounts],
    type[Metadata],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.amounts import Amounts  # noqa: PLC0415
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (
        Amounts,
        Metadata,
    )


T = TypeVar("T", bound="UsageEvent")


@_attrs_define
class UsageEvent:
    """one recorded usage event (events recorded through the 0.1.4 contract appear with `dimensions` from their quantity)

    Attributes:
        event_id (str | None):
        feature_key (str | None):
        resource_type (str | None):
        resource_id (None | str):
        subject_user_id (None | str):
        authorization_ref (None | str):
        idempotency_key (None | str):
        dimensions (Amounts | None): dimension name → amount
        metadata (Metadata | None):
        occurred_at (str | None): ISO-8601
        recorded_at (str | None): ISO-8601
    """

    event_id: str | None = None
    feature_key: str | None = None
    resource_type: str | None = None
    resource_id: None | str = None
    subject_user_id: None | str = None
    authorization_ref: None | str = None
    idempotency_key: None | str = None
    dimensions: Amounts | None = None
    metadata: Metadata | None = None
    occurred_at: str | None = None
    recorded_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        event_id_or_unset = UNSET if self.event_id is None else self.event_id
        event_id = event_id_or_unset

        feature_key_or_unset = UNSET if self.feature_key is None else self.feature_key
        feature_key = feature_key_or_unset

        resource_type_or_unset = UNSET if self.resource_type is None else self.resource_type
        resource_type = resource_type_or_unset

        resource_id_or_unset = UNSET if self.resource_id is None else self.resource_id
        resource_id: None | str | Unset
        if isinstance(resource_id_or_unset, Unset):
            resource_id = UNSET
        else:
            resource_id = resource_id_or_unset

        subject_user_id_or_unset = UNSET if self.subject_user_id is None else self.subject_user_id
        subject_user_id: None | str | Unset
        if isinstance(subject_user_id_or_unset, Unset):
            subject_user_id = UNSET
        else:
            subject_user_id = subject_user_id_or_unset

        authorization_ref_or_unset = UNSET if self.authorization_ref is None else self.authorization_ref
        authorization_ref: None | str | Unset
        if isinstance(authorization_ref_or_unset, Unset):
            authorization_ref = UNSET
        else:
            authorization_ref = authorization_ref_or_unset

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key: None | str | Unset
        if isinstance(idempotency_key_or_unset, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = idempotency_key_or_unset

        dimensions_or_unset = UNSET if self.dimensions is None else self.dimensions
        dimensions: dict[str, Any] | Unset = UNSET
        if not isinstance(dimensions_or_unset, Unset):
            dimensions = dimensions_or_unset.to_dict()

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        occurred_at_or_unset = UNSET if self.occurred_at is None else self.occurred_at
        occurred_at = occurred_at_or_unset

        recorded_at_or_unset = UNSET if self.recorded_at is None else self.recorded_at
        recorded_at = recorded_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if feature_key is not UNSET:
            field_dict["feature_key"] = feature_key
        if resource_type is not UNSET:
            field_dict["resource_type"] = resource_type
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_user_id is not UNSET:
            field_dict["subject_user_id"] = subject_user_id
        if authorization_ref is not UNSET:
            field_dict["authorization_ref"] = authorization_ref
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Amounts,
            Metadata,
        ) = _lazy_models()
        d = dict(src_dict)
        event_id = d.pop("event_id", UNSET)

        feature_key = d.pop("feature_key", UNSET)

        resource_type = d.pop("resource_type", UNSET)

        def _parse_resource_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_id = _parse_resource_id(d.pop("resource_id", UNSET))

        def _parse_subject_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_user_id = _parse_subject_user_id(d.pop("subject_user_id", UNSET))

        def _parse_authorization_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_ref = _parse_authorization_ref(d.pop("authorization_ref", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        _dimensions = d.pop("dimensions", UNSET)
        dimensions: Amounts | Unset
        if isinstance(_dimensions, Unset):
            dimensions = UNSET
        else:
            dimensions = Amounts.from_dict(_dimensions)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        occurred_at = d.pop("occurred_at", UNSET)

        recorded_at = d.pop("recorded_at", UNSET)

        _instance = cls(
            event_id=None if isinstance(event_id, Unset) else event_id,
            feature_key=None if isinstance(feature_key, Unset) else feature_key,
            resource_type=None if isinstance(resource_type, Unset) else resource_type,
            resource_id=None if isinstance(resource_id, Unset) else resource_id,
            subject_user_id=None if isinstance(subject_user_id, Unset) else subject_user_id,
            authorization_ref=None if isinstance(authorization_ref, Unset) else authorization_ref,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
            dimensions=None if isinstance(dimensions, Unset) else dimensions,
            metadata=None if isinstance(metadata, Unset) else metadata,
            occurred_at=None if isinstance(occurred_at, Unset) else occurred_at,
            recorded_at=None if isinstance(recorded_at, Unset) else recorded_at,
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

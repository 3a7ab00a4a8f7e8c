from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amounts import Amounts
    from ..models.metadata import Metadata


T = TypeVar("T", bound="UsageEvent")


@_attrs_define
class UsageEvent:
    """one recorded usage event (events recorded through the 0.1.4 contract appear with `dimensions` from their quantity)

    Attributes:
        event_id (str | Unset):
        feature_key (str | Unset):
        resource_type (str | Unset):
        resource_id (None | str | Unset):
        subject_user_id (None | str | Unset):
        authorization_ref (None | str | Unset):
        idempotency_key (None | str | Unset):
        dimensions (Amounts | Unset): dimension name → amount
        metadata (Metadata | None | Unset):
        occurred_at (str | Unset): ISO-8601
        recorded_at (str | Unset): ISO-8601
    """

    event_id: str | Unset = UNSET
    feature_key: str | Unset = UNSET
    resource_type: str | Unset = UNSET
    resource_id: None | str | Unset = UNSET
    subject_user_id: None | str | Unset = UNSET
    authorization_ref: None | str | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    dimensions: Amounts | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    occurred_at: str | Unset = UNSET
    recorded_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        event_id = self.event_id

        feature_key = self.feature_key

        resource_type = self.resource_type

        resource_id: None | str | Unset
        if isinstance(self.resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = self.resource_id

        subject_user_id: None | str | Unset
        if isinstance(self.subject_user_id, Unset):
            subject_user_id = UNSET
        else:
            subject_user_id = self.subject_user_id

        authorization_ref: None | str | Unset
        if isinstance(self.authorization_ref, Unset):
            authorization_ref = UNSET
        else:
            authorization_ref = self.authorization_ref

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        dimensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dimensions, Unset):
            dimensions = self.dimensions.to_dict()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        occurred_at = self.occurred_at

        recorded_at = self.recorded_at

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
        from ..models.amounts import Amounts  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

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

        usage_event = cls(
            event_id=event_id,
            feature_key=feature_key,
            resource_type=resource_type,
            resource_id=resource_id,
            subject_user_id=subject_user_id,
            authorization_ref=authorization_ref,
            idempotency_key=idempotency_key,
            dimensions=dimensions,
            metadata=metadata,
            occurred_at=occurred_at,
            recorded_at=recorded_at,
        )

        usage_event.additional_properties = d
        return usage_event

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

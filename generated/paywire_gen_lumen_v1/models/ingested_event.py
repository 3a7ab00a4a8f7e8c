from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0


T = TypeVar("T", bound="IngestedEvent")


@_attrs_define
class IngestedEvent:
    """
    Attributes:
        id (str):
        event_name (str):
        customer_id (str):
        event_value (float | None | Unset):
        event_string (None | str | Unset):
        event_timestamp (None | str | Unset):
        properties (IngestedEventPropertiesType0 | None | Unset):
        idempotency_key (None | str | Unset):
        created_at (None | str | Unset):
    """

    id: str
    event_name: str
    customer_id: str
    event_value: float | None | Unset = UNSET
    event_string: None | str | Unset = UNSET
    event_timestamp: None | str | Unset = UNSET
    properties: IngestedEventPropertiesType0 | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0  # noqa: PLC0415

        id = self.id

        event_name = self.event_name

        customer_id = self.customer_id

        event_value: float | None | Unset
        if isinstance(self.event_value, Unset):
            event_value = UNSET
        else:
            event_value = self.event_value

        event_string: None | str | Unset
        if isinstance(self.event_string, Unset):
            event_string = UNSET
        else:
            event_string = self.event_string

        event_timestamp: None | str | Unset
        if isinstance(self.event_timestamp, Unset):
            event_timestamp = UNSET
        else:
            event_timestamp = self.event_timestamp

        properties: dict[str, Any] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, IngestedEventPropertiesType0):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "eventName": event_name,
                "customerId": customer_id,
            }
        )
        if event_value is not UNSET:
            field_dict["eventValue"] = event_value
        if event_string is not UNSET:
            field_dict["eventString"] = event_string
        if event_timestamp is not UNSET:
            field_dict["eventTimestamp"] = event_timestamp
        if properties is not UNSET:
            field_dict["properties"] = properties
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        event_name = d.pop("eventName")

        customer_id = d.pop("customerId")

        def _parse_event_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        event_value = _parse_event_value(d.pop("eventValue", UNSET))

        def _parse_event_string(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_string = _parse_event_string(d.pop("eventString", UNSET))

        def _parse_event_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_timestamp = _parse_event_timestamp(d.pop("eventTimestamp", UNSET))

        def _parse_properties(data: object) -> IngestedEventPropertiesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                properties_type_0 = IngestedEventPropertiesType0.from_dict(data)

                return properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IngestedEventPropertiesType0 | None | Unset, data)

        properties = _parse_properties(d.pop("properties", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotencyKey", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))

        ingested_event = cls(
            id=id,
            event_name=event_name,
            customer_id=customer_id,
            event_value=event_value,
            event_string=event_string,
            event_timestamp=event_timestamp,
            properties=properties,
            idempotency_key=idempotency_key,
            created_at=created_at,
        )

        ingested_event.additional_properties = d
        return ingested_event

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

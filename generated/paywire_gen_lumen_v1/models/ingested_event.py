from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0


@cache
def _lazy_models() -> tuple[type[IngestedEventPropertiesType0],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0  # noqa: PLC0415

    return (IngestedEventPropertiesType0,)


T = TypeVar("T", bound="IngestedEvent")


@_attrs_define
class IngestedEvent:
    """
    Attributes:
        id (str):
        event_name (str):
        customer_id (str):
        event_value (float | None):
        event_string (None | str):
        event_timestamp (None | str):
        properties (IngestedEventPropertiesType0 | None):
        idempotency_key (None | str):
        created_at (None | str):
    """

    id: str
    event_name: str
    customer_id: str
    event_value: float | None = None
    event_string: None | str = None
    event_timestamp: None | str = None
    properties: IngestedEventPropertiesType0 | None = None
    idempotency_key: None | str = None
    created_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ingested_event_properties_type_0 import IngestedEventPropertiesType0  # noqa: PLC0415

        id = self.id

        event_name = self.event_name

        customer_id = self.customer_id

        event_value_or_unset = UNSET if self.event_value is None else self.event_value
        event_value: float | None | Unset
        if isinstance(event_value_or_unset, Unset):
            event_value = UNSET
        else:
            event_value = event_value_or_unset

        event_string_or_unset = UNSET if self.event_string is None else self.event_string
        event_string: None | str | Unset
        if isinstance(event_string_or_unset, Unset):
            event_string = UNSET
        else:
            event_string = event_string_or_unset

        event_timestamp_or_unset = UNSET if self.event_timestamp is None else self.event_timestamp
        event_timestamp: None | str | Unset
        if isinstance(event_timestamp_or_unset, Unset):
            event_timestamp = UNSET
        else:
            event_timestamp = event_timestamp_or_unset

        properties_or_unset = UNSET if self.properties is None else self.properties
        properties: dict[str, Any] | None | Unset
        if isinstance(properties_or_unset, Unset):
            properties = UNSET
        elif isinstance(properties_or_unset, IngestedEventPropertiesType0):
            properties = properties_or_unset.to_dict()
        else:
            properties = properties_or_unset

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key: None | str | Unset
        if isinstance(idempotency_key_or_unset, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = idempotency_key_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(created_at_or_unset, Unset):
            created_at = UNSET
        else:
            created_at = created_at_or_unset

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
        (IngestedEventPropertiesType0,) = _lazy_models()
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

        _instance = cls(
            id=id,
            event_name=event_name,
            customer_id=customer_id,
            event_value=None if isinstance(event_value, Unset) else event_value,
            event_string=None if isinstance(event_string, Unset) else event_string,
            event_timestamp=None if isinstance(event_timestamp, Unset) else event_timestamp,
            properties=None if isinstance(properties, Unset) else properties,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
            created_at=None if isinstance(created_at, Unset) else created_at,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_request_properties import EventRequestProperties


T = TypeVar("T", bound="EventRequest")


@_attrs_define
class EventRequest:
    """
    Attributes:
        event_name (str):
        event_value (float | Unset):
        event_string (str | Unset):
        customer_id (str | Unset): Lumen internal customer id
        ext_customer_id (str | Unset): Your own user id
        idempotency_key (str | Unset):
        event_timestamp (str | Unset): ISO 8601; defaults to now
        properties (EventRequestProperties | Unset):
    """

    event_name: str
    event_value: float | Unset = UNSET
    event_string: str | Unset = UNSET
    customer_id: str | Unset = UNSET
    ext_customer_id: str | Unset = UNSET
    idempotency_key: str | Unset = UNSET
    event_timestamp: str | Unset = UNSET
    properties: EventRequestProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_name = self.event_name

        event_value = self.event_value

        event_string = self.event_string

        customer_id = self.customer_id

        ext_customer_id = self.ext_customer_id

        idempotency_key = self.idempotency_key

        event_timestamp = self.event_timestamp

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventName": event_name,
            }
        )
        if event_value is not UNSET:
            field_dict["eventValue"] = event_value
        if event_string is not UNSET:
            field_dict["eventString"] = event_string
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if ext_customer_id is not UNSET:
            field_dict["extCustomerId"] = ext_customer_id
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if event_timestamp is not UNSET:
            field_dict["eventTimestamp"] = event_timestamp
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_request_properties import EventRequestProperties  # noqa: PLC0415

        d = dict(src_dict)
        event_name = d.pop("eventName")

        event_value = d.pop("eventValue", UNSET)

        event_string = d.pop("eventString", UNSET)

        customer_id = d.pop("customerId", UNSET)

        ext_customer_id = d.pop("extCustomerId", UNSET)

        idempotency_key = d.pop("idempotencyKey", UNSET)

        event_timestamp = d.pop("eventTimestamp", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: EventRequestProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = EventRequestProperties.from_dict(_properties)

        event_request = cls(
            event_name=event_name,
            event_value=event_value,
            event_string=event_string,
            customer_id=customer_id,
            ext_customer_id=ext_customer_id,
            idempotency_key=idempotency_key,
            event_timestamp=event_timestamp,
            properties=properties,
        )

        event_request.additional_properties = d
        return event_request

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

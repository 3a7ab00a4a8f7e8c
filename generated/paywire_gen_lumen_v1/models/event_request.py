from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_request_properties import EventRequestProperties


@cache
def _lazy_models() -> tuple[type[EventRequestProperties],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.event_request_properties import EventRequestProperties  # noqa: PLC0415

    return (EventRequestProperties,)


T = TypeVar("T", bound="EventRequest")


@_attrs_define
class EventRequest:
    """
    Attributes:
        event_name (str):
        event_value (float | None):
        event_string (str | None):
        customer_id (str | None): Lumen internal customer id
        ext_customer_id (str | None): Your own user id
        idempotency_key (str | None):
        event_timestamp (str | None): ISO 8601; defaults to now
        properties (EventRequestProperties | None):
    """

    event_name: str
    event_value: float | None = None
    event_string: str | None = None
    customer_id: str | None = None
    ext_customer_id: str | None = None
    idempotency_key: str | None = None
    event_timestamp: str | None = None
    properties: EventRequestProperties | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        event_name = self.event_name

        event_value_or_unset = UNSET if self.event_value is None else self.event_value
        event_value = event_value_or_unset

        event_string_or_unset = UNSET if self.event_string is None else self.event_string
        event_string = event_string_or_unset

        customer_id_or_unset = UNSET if self.customer_id is None else self.customer_id
        customer_id = customer_id_or_unset

        ext_customer_id_or_unset = UNSET if self.ext_customer_id is None else self.ext_customer_id
        ext_customer_id = ext_customer_id_or_unset

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key = idempotency_key_or_unset

        event_timestamp_or_unset = UNSET if self.event_timestamp is None else self.event_timestamp
        event_timestamp = event_timestamp_or_unset

        properties_or_unset = UNSET if self.properties is None else self.properties
        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(properties_or_unset, Unset):
            properties = properties_or_unset.to_dict()

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
        (EventRequestProperties,) = _lazy_models()
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

        _instance = cls(
            event_name=event_name,
            event_value=None if isinstance(event_value, Unset) else event_value,
            event_string=None if isinstance(event_string, Unset) else event_string,
            customer_id=None if isinstance(customer_id, Unset) else customer_id,
            ext_customer_id=None if isinstance(ext_customer_id, Unset) else ext_customer_id,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
            event_timestamp=None if isinstance(event_timestamp, Unset) else event_timestamp,
            properties=None if isinstance(properties, Unset) else properties,
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

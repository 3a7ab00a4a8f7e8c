from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.push_event_data import PushEventData


@cache
def _lazy_models() -> tuple[type[PushEventData],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.push_event_data import PushEventData  # noqa: PLC0415

    return (PushEventData,)


T = TypeVar("T", bound="PushEvent")


@_attrs_define
class PushEvent:
    """Envelope of every push event, POSTed as the raw JSON body.

    Attributes:
        event_id (str): Delivery id, stable across retries (de-duplicate on it).
        type_ (str):
        created_at (str): ISO 8601 time the event was created.
        tenant_id (str):
        data (PushEventData): `SubscriptionEventData` for `subscription.*`, `PaymentEventData` for `payment.*`.
    """

    event_id: str
    type_: str
    created_at: str
    tenant_id: str
    data: PushEventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        type_ = self.type_

        created_at = self.created_at

        tenant_id = self.tenant_id

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "type": type_,
                "createdAt": created_at,
                "tenantId": tenant_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (PushEventData,) = _lazy_models()
        d = dict(src_dict)
        event_id = d.pop("eventId")

        type_ = d.pop("type")

        created_at = d.pop("createdAt")

        tenant_id = d.pop("tenantId")

        data = PushEventData.from_dict(d.pop("data"))

        _instance = cls(
            event_id=event_id,
            type_=type_,
            created_at=created_at,
            tenant_id=tenant_id,
            data=data,
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

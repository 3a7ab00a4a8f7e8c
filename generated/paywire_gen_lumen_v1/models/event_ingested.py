from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ingested_event import IngestedEvent


@cache
def _lazy_models() -> tuple[type[IngestedEvent],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.ingested_event import IngestedEvent  # noqa: PLC0415

    return (IngestedEvent,)


T = TypeVar("T", bound="EventIngested")


@_attrs_define
class EventIngested:
    """
    Attributes:
        event (IngestedEvent):
        deduplicated (bool):
    """

    event: IngestedEvent
    deduplicated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        event = self.event.to_dict()

        deduplicated = self.deduplicated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "deduplicated": deduplicated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (IngestedEvent,) = _lazy_models()
        d = dict(src_dict)
        event = IngestedEvent.from_dict(d.pop("event"))

        deduplicated = d.pop("deduplicated")

        _instance = cls(
            event=event,
            deduplicated=deduplicated,
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

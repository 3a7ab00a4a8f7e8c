from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.usage_event import UsageEvent


@cache
def _lazy_models() -> tuple[type[UsageEvent],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.usage_event import UsageEvent  # noqa: PLC0415

    return (UsageEvent,)


T = TypeVar("T", bound="UsageHistory")


@_attrs_define
class UsageHistory:
    """
    Attributes:
        events (list[UsageEvent]):
        has_more (bool | None):
        next_offset (int | None):
        total (int | None):
    """

    events: list[UsageEvent]
    has_more: bool | None = None
    next_offset: int | None = None
    total: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        has_more_or_unset = UNSET if self.has_more is None else self.has_more
        has_more = has_more_or_unset

        next_offset_or_unset = UNSET if self.next_offset is None else self.next_offset
        next_offset: int | None | Unset
        if isinstance(next_offset_or_unset, Unset):
            next_offset = UNSET
        else:
            next_offset = next_offset_or_unset

        total_or_unset = UNSET if self.total is None else self.total
        total = total_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
            }
        )
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if next_offset is not UNSET:
            field_dict["next_offset"] = next_offset
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (UsageEvent,) = _lazy_models()
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = UsageEvent.from_dict(events_item_data)

            events.append(events_item)

        has_more = d.pop("has_more", UNSET)

        def _parse_next_offset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_offset = _parse_next_offset(d.pop("next_offset", UNSET))

        total = d.pop("total", UNSET)

        _instance = cls(
            events=events,
            has_more=None if isinstance(has_more, Unset) else has_more,
            next_offset=None if isinstance(next_offset, Unset) else next_offset,
            total=None if isinstance(total, Unset) else total,
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

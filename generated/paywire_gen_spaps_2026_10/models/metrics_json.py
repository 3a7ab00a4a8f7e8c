from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.system_metrics import SystemMetrics


@cache
def _lazy_models() -> tuple[type[SystemMetrics],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.system_metrics import SystemMetrics  # noqa: PLC0415

    return (SystemMetrics,)


T = TypeVar("T", bound="MetricsJson")


@_attrs_define
class MetricsJson:
    """
    Attributes:
        timestamp (str | None): ISO-8601
        uptime_seconds (float | None):
        system (SystemMetrics | None):
    """

    timestamp: str | None = None
    uptime_seconds: float | None = None
    system: SystemMetrics | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        timestamp_or_unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = timestamp_or_unset

        uptime_seconds_or_unset = UNSET if self.uptime_seconds is None else self.uptime_seconds
        uptime_seconds = uptime_seconds_or_unset

        system_or_unset = UNSET if self.system is None else self.system
        system: dict[str, Any] | Unset = UNSET
        if not isinstance(system_or_unset, Unset):
            system = system_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if uptime_seconds is not UNSET:
            field_dict["uptime_seconds"] = uptime_seconds
        if system is not UNSET:
            field_dict["system"] = system

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (SystemMetrics,) = _lazy_models()
        d = dict(src_dict)
        timestamp = d.pop("timestamp", UNSET)

        uptime_seconds = d.pop("uptime_seconds", UNSET)

        _system = d.pop("system", UNSET)
        system: SystemMetrics | Unset
        if isinstance(_system, Unset):
            system = UNSET
        else:
            system = SystemMetrics.from_dict(_system)

        _instance = cls(
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            uptime_seconds=None if isinstance(uptime_seconds, Unset) else uptime_seconds,
            system=None if isinstance(system, Unset) else system,
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

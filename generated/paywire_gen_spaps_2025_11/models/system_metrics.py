from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.memory_metrics import MemoryMetrics


@cache
def _lazy_models() -> tuple[type[MemoryMetrics],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.memory_metrics import MemoryMetrics  # noqa: PLC0415

    return (MemoryMetrics,)


T = TypeVar("T", bound="SystemMetrics")


@_attrs_define
class SystemMetrics:
    """
    Attributes:
        memory (MemoryMetrics | None):
    """

    memory: MemoryMetrics | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        memory_or_unset = UNSET if self.memory is None else self.memory
        memory: dict[str, Any] | Unset = UNSET
        if not isinstance(memory_or_unset, Unset):
            memory = memory_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if memory is not UNSET:
            field_dict["memory"] = memory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (MemoryMetrics,) = _lazy_models()
        d = dict(src_dict)
        _memory = d.pop("memory", UNSET)
        memory: MemoryMetrics | Unset
        if isinstance(_memory, Unset):
            memory = UNSET
        else:
            memory = MemoryMetrics.from_dict(_memory)

        _instance = cls(
            memory=None if isinstance(memory, Unset) else memory,
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

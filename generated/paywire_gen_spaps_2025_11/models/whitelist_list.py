from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.whitelist_entry import WhitelistEntry


@cache
def _lazy_models() -> tuple[type[WhitelistEntry],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.whitelist_entry import WhitelistEntry  # noqa: PLC0415

    return (WhitelistEntry,)


T = TypeVar("T", bound="WhitelistList")


@_attrs_define
class WhitelistList:
    """
    Attributes:
        entries (list[WhitelistEntry]):
        total (int | None):
    """

    entries: list[WhitelistEntry]
    total: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        total_or_unset = UNSET if self.total is None else self.total
        total = total_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (WhitelistEntry,) = _lazy_models()
        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = WhitelistEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        total = d.pop("total", UNSET)

        _instance = cls(
            entries=entries,
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

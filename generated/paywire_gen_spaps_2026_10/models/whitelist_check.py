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


T = TypeVar("T", bound="WhitelistCheck")


@_attrs_define
class WhitelistCheck:
    """
    Attributes:
        entry (WhitelistEntry | None):
        message (str | None):
    """

    entry: WhitelistEntry | None = None
    message: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        entry_or_unset = UNSET if self.entry is None else self.entry
        entry: dict[str, Any] | Unset = UNSET
        if not isinstance(entry_or_unset, Unset):
            entry = entry_or_unset.to_dict()

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if entry is not UNSET:
            field_dict["entry"] = entry
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (WhitelistEntry,) = _lazy_models()
        d = dict(src_dict)
        _entry = d.pop("entry", UNSET)
        entry: WhitelistEntry | Unset
        if isinstance(_entry, Unset):
            entry = UNSET
        else:
            entry = WhitelistEntry.from_dict(_entry)

        message = d.pop("message", UNSET)

        _instance = cls(
            entry=None if isinstance(entry, Unset) else entry,
            message=None if isinstance(message, Unset) else message,
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

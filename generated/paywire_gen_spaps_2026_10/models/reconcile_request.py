from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="ReconcileRequest")


@_attrs_define
class ReconcileRequest:
    """
    Attributes:
        cursor (Metadata | None): free-form JSON object
    """

    cursor: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        cursor_or_unset = UNSET if self.cursor is None else self.cursor
        cursor: dict[str, Any] | Unset = UNSET
        if not isinstance(cursor_or_unset, Unset):
            cursor = cursor_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        _cursor = d.pop("cursor", UNSET)
        cursor: Metadata | Unset
        if isinstance(_cursor, Unset):
            cursor = UNSET
        else:
            cursor = Metadata.from_dict(_cursor)

        _instance = cls(
            cursor=None if isinstance(cursor, Unset) else cursor,
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

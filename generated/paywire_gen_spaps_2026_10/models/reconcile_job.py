from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

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


T = TypeVar("T", bound="ReconcileJob")


@_attrs_define
class ReconcileJob:
    """
    Attributes:
        job_id (str):
        scheduled_at (str | None): ISO-8601
        cursor (Metadata | None):
    """

    job_id: str
    scheduled_at: str | None = None
    cursor: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        job_id = self.job_id

        scheduled_at_or_unset = UNSET if self.scheduled_at is None else self.scheduled_at
        scheduled_at = scheduled_at_or_unset

        cursor_or_unset = UNSET if self.cursor is None else self.cursor
        cursor: dict[str, Any] | None | Unset
        if isinstance(cursor_or_unset, Unset):
            cursor = UNSET
        elif isinstance(cursor_or_unset, Metadata):
            cursor = cursor_or_unset.to_dict()
        else:
            cursor = cursor_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
            }
        )
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        job_id = d.pop("job_id")

        scheduled_at = d.pop("scheduled_at", UNSET)

        def _parse_cursor(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cursor_type_0 = Metadata.from_dict(data)

                return cursor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        cursor = _parse_cursor(d.pop("cursor", UNSET))

        _instance = cls(
            job_id=job_id,
            scheduled_at=None if isinstance(scheduled_at, Unset) else scheduled_at,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.usage_history_entry import UsageHistoryEntry


@cache
def _lazy_models() -> tuple[
    type[Metadata],
    type[UsageHistoryEntry],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415
    from ..models.usage_history_entry import UsageHistoryEntry  # noqa: PLC0415

    return (
        Metadata,
        UsageHistoryEntry,
    )


T = TypeVar("T", bound="UsageHistory")


@_attrs_define
class UsageHistory:
    """
    Attributes:
        period (str | None):
        start_date (None | str):
        end_date (None | str):
        history (list[UsageHistoryEntry] | None):
        summary (Metadata | None): free-form JSON object
    """

    period: str | None = None
    start_date: None | str = None
    end_date: None | str = None
    history: list[UsageHistoryEntry] | None = None
    summary: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        period_or_unset = UNSET if self.period is None else self.period
        period = period_or_unset

        start_date_or_unset = UNSET if self.start_date is None else self.start_date
        start_date: None | str | Unset
        if isinstance(start_date_or_unset, Unset):
            start_date = UNSET
        else:
            start_date = start_date_or_unset

        end_date_or_unset = UNSET if self.end_date is None else self.end_date
        end_date: None | str | Unset
        if isinstance(end_date_or_unset, Unset):
            end_date = UNSET
        else:
            end_date = end_date_or_unset

        history_or_unset = UNSET if self.history is None else self.history
        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(history_or_unset, Unset):
            history = []
            for history_item_data in history_or_unset:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        summary_or_unset = UNSET if self.summary is None else self.summary
        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(summary_or_unset, Unset):
            summary = summary_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if period is not UNSET:
            field_dict["period"] = period
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if history is not UNSET:
            field_dict["history"] = history
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Metadata,
            UsageHistoryEntry,
        ) = _lazy_models()
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        def _parse_start_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        _history = d.pop("history", UNSET)
        history: list[UsageHistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = UsageHistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        _summary = d.pop("summary", UNSET)
        summary: Metadata | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = Metadata.from_dict(_summary)

        _instance = cls(
            period=None if isinstance(period, Unset) else period,
            start_date=None if isinstance(start_date, Unset) else start_date,
            end_date=None if isinstance(end_date, Unset) else end_date,
            history=None if isinstance(history, Unset) else history,
            summary=None if isinstance(summary, Unset) else summary,
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

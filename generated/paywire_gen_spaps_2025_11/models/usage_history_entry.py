from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_totals import FeatureTotals


@cache
def _lazy_models() -> tuple[type[FeatureTotals],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.feature_totals import FeatureTotals  # noqa: PLC0415

    return (FeatureTotals,)


T = TypeVar("T", bound="UsageHistoryEntry")


@_attrs_define
class UsageHistoryEntry:
    """
    Attributes:
        date (str | None): YYYY-MM-DD
        features (FeatureTotals | None): feature name → quantity
        total_cost (float | None):
    """

    date: str | None = None
    features: FeatureTotals | None = None
    total_cost: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        date_or_unset = UNSET if self.date is None else self.date
        date = date_or_unset

        features_or_unset = UNSET if self.features is None else self.features
        features: dict[str, Any] | Unset = UNSET
        if not isinstance(features_or_unset, Unset):
            features = features_or_unset.to_dict()

        total_cost_or_unset = UNSET if self.total_cost is None else self.total_cost
        total_cost: float | None | Unset
        if isinstance(total_cost_or_unset, Unset):
            total_cost = UNSET
        else:
            total_cost = total_cost_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if date is not UNSET:
            field_dict["date"] = date
        if features is not UNSET:
            field_dict["features"] = features
        if total_cost is not UNSET:
            field_dict["total_cost"] = total_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (FeatureTotals,) = _lazy_models()
        d = dict(src_dict)
        date = d.pop("date", UNSET)

        _features = d.pop("features", UNSET)
        features: FeatureTotals | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = FeatureTotals.from_dict(_features)

        def _parse_total_cost(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_cost = _parse_total_cost(d.pop("total_cost", UNSET))

        _instance = cls(
            date=None if isinstance(date, Unset) else date,
            features=None if isinstance(features, Unset) else features,
            total_cost=None if isinstance(total_cost, Unset) else total_cost,
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

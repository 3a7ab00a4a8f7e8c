from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_usage import FeatureUsage
    from ..models.usage_overage import UsageOverage
    from ..models.usage_period import UsagePeriod


@cache
def _lazy_models() -> tuple[
    type[FeatureUsage],
    type[UsageOverage],
    type[UsagePeriod],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.feature_usage import FeatureUsage  # noqa: PLC0415
    from ..models.usage_overage import UsageOverage  # noqa: PLC0415
    from ..models.usage_period import UsagePeriod  # noqa: PLC0415

    return (
        FeatureUsage,
        UsageOverage,
        UsagePeriod,
    )


T = TypeVar("T", bound="UsageFeatures")


@_attrs_define
class UsageFeatures:
    """
    Attributes:
        user_id (str | None):
        tier (None | str):
        period (UsagePeriod | None):
        features (list[FeatureUsage] | None):
        overage (UsageOverage | None):
    """

    user_id: str | None = None
    tier: None | str = None
    period: UsagePeriod | None = None
    features: list[FeatureUsage] | None = None
    overage: UsageOverage | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        user_id_or_unset = UNSET if self.user_id is None else self.user_id
        user_id = user_id_or_unset

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        period_or_unset = UNSET if self.period is None else self.period
        period: dict[str, Any] | Unset = UNSET
        if not isinstance(period_or_unset, Unset):
            period = period_or_unset.to_dict()

        features_or_unset = UNSET if self.features is None else self.features
        features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(features_or_unset, Unset):
            features = []
            for features_item_data in features_or_unset:
                features_item = features_item_data.to_dict()
                features.append(features_item)

        overage_or_unset = UNSET if self.overage is None else self.overage
        overage: dict[str, Any] | Unset = UNSET
        if not isinstance(overage_or_unset, Unset):
            overage = overage_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if tier is not UNSET:
            field_dict["tier"] = tier
        if period is not UNSET:
            field_dict["period"] = period
        if features is not UNSET:
            field_dict["features"] = features
        if overage is not UNSET:
            field_dict["overage"] = overage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            FeatureUsage,
            UsageOverage,
            UsagePeriod,
        ) = _lazy_models()
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        _period = d.pop("period", UNSET)
        period: UsagePeriod | Unset
        if isinstance(_period, Unset):
            period = UNSET
        else:
            period = UsagePeriod.from_dict(_period)

        _features = d.pop("features", UNSET)
        features: list[FeatureUsage] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = FeatureUsage.from_dict(features_item_data)

                features.append(features_item)

        _overage = d.pop("overage", UNSET)
        overage: UsageOverage | Unset
        if isinstance(_overage, Unset):
            overage = UNSET
        else:
            overage = UsageOverage.from_dict(_overage)

        _instance = cls(
            user_id=None if isinstance(user_id, Unset) else user_id,
            tier=None if isinstance(tier, Unset) else tier,
            period=None if isinstance(period, Unset) else period,
            features=None if isinstance(features, Unset) else features,
            overage=None if isinstance(overage, Unset) else overage,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_info import CreditInfo
    from ..models.entitlement_feature import EntitlementFeature
    from ..models.entitlement_usage import EntitlementUsage


@cache
def _lazy_models() -> tuple[
    type[CreditInfo],
    type[EntitlementFeature],
    type[EntitlementUsage],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.credit_info import CreditInfo  # noqa: PLC0415
    from ..models.entitlement_feature import EntitlementFeature  # noqa: PLC0415
    from ..models.entitlement_usage import EntitlementUsage  # noqa: PLC0415

    return (
        CreditInfo,
        EntitlementFeature,
        EntitlementUsage,
    )


T = TypeVar("T", bound="Entitlement")


@_attrs_define
class Entitlement:
    """
    Attributes:
        entitled (bool):
        feature (EntitlementFeature):
        source (str):
        usages (list[EntitlementUsage] | None):
        credit_info (CreditInfo | None):
        usage (float | None): Flat usage as in the SDK's TypedDict (optional; docs use `usages`)
        limit (float | None): Flat limit as in the SDK's TypedDict (optional; docs use `feature.value`)
    """

    entitled: bool
    feature: EntitlementFeature
    source: str
    usages: list[EntitlementUsage] | None = None
    credit_info: CreditInfo | None = None
    usage: float | None = None
    limit: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_info import CreditInfo  # noqa: PLC0415

        entitled = self.entitled

        feature = self.feature.to_dict()

        source = self.source

        usages_or_unset = UNSET if self.usages is None else self.usages
        usages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(usages_or_unset, Unset):
            usages = []
            for usages_item_data in usages_or_unset:
                usages_item = usages_item_data.to_dict()
                usages.append(usages_item)

        credit_info_or_unset = UNSET if self.credit_info is None else self.credit_info
        credit_info: dict[str, Any] | None | Unset
        if isinstance(credit_info_or_unset, Unset):
            credit_info = UNSET
        elif isinstance(credit_info_or_unset, CreditInfo):
            credit_info = credit_info_or_unset.to_dict()
        else:
            credit_info = credit_info_or_unset

        usage_or_unset = UNSET if self.usage is None else self.usage
        usage: float | None | Unset
        if isinstance(usage_or_unset, Unset):
            usage = UNSET
        else:
            usage = usage_or_unset

        limit_or_unset = UNSET if self.limit is None else self.limit
        limit: float | None | Unset
        if isinstance(limit_or_unset, Unset):
            limit = UNSET
        else:
            limit = limit_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entitled": entitled,
                "feature": feature,
                "source": source,
            }
        )
        if usages is not UNSET:
            field_dict["usages"] = usages
        if credit_info is not UNSET:
            field_dict["creditInfo"] = credit_info
        if usage is not UNSET:
            field_dict["usage"] = usage
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            CreditInfo,
            EntitlementFeature,
            EntitlementUsage,
        ) = _lazy_models()
        d = dict(src_dict)
        entitled = d.pop("entitled")

        feature = EntitlementFeature.from_dict(d.pop("feature"))

        source = d.pop("source")

        _usages = d.pop("usages", UNSET)
        usages: list[EntitlementUsage] | Unset = UNSET
        if _usages is not UNSET:
            usages = []
            for usages_item_data in _usages:
                usages_item = EntitlementUsage.from_dict(usages_item_data)

                usages.append(usages_item)

        def _parse_credit_info(data: object) -> CreditInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_info_type_0 = CreditInfo.from_dict(data)

                return credit_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditInfo | None | Unset, data)

        credit_info = _parse_credit_info(d.pop("creditInfo", UNSET))

        def _parse_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        def _parse_limit(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        _instance = cls(
            entitled=entitled,
            feature=feature,
            source=source,
            usages=None if isinstance(usages, Unset) else usages,
            credit_info=None if isinstance(credit_info, Unset) else credit_info,
            usage=None if isinstance(usage, Unset) else usage,
            limit=None if isinstance(limit, Unset) else limit,
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

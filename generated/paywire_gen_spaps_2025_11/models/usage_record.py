from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_usage import CurrentUsage


@cache
def _lazy_models() -> tuple[type[CurrentUsage],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.current_usage import CurrentUsage  # noqa: PLC0415

    return (CurrentUsage,)


T = TypeVar("T", bound="UsageRecord")


@_attrs_define
class UsageRecord:
    """
    Attributes:
        record_id (str):
        feature (str | None):
        quantity (float | None):
        recorded_at (str | None): ISO-8601
        current_usage (CurrentUsage | None):
        warning (None | str):
    """

    record_id: str
    feature: str | None = None
    quantity: float | None = None
    recorded_at: str | None = None
    current_usage: CurrentUsage | None = None
    warning: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        feature_or_unset = UNSET if self.feature is None else self.feature
        feature = feature_or_unset

        quantity_or_unset = UNSET if self.quantity is None else self.quantity
        quantity = quantity_or_unset

        recorded_at_or_unset = UNSET if self.recorded_at is None else self.recorded_at
        recorded_at = recorded_at_or_unset

        current_usage_or_unset = UNSET if self.current_usage is None else self.current_usage
        current_usage: dict[str, Any] | Unset = UNSET
        if not isinstance(current_usage_or_unset, Unset):
            current_usage = current_usage_or_unset.to_dict()

        warning_or_unset = UNSET if self.warning is None else self.warning
        warning: None | str | Unset
        if isinstance(warning_or_unset, Unset):
            warning = UNSET
        else:
            warning = warning_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "record_id": record_id,
            }
        )
        if feature is not UNSET:
            field_dict["feature"] = feature
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at
        if current_usage is not UNSET:
            field_dict["current_usage"] = current_usage
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (CurrentUsage,) = _lazy_models()
        d = dict(src_dict)
        record_id = d.pop("record_id")

        feature = d.pop("feature", UNSET)

        quantity = d.pop("quantity", UNSET)

        recorded_at = d.pop("recorded_at", UNSET)

        _current_usage = d.pop("current_usage", UNSET)
        current_usage: CurrentUsage | Unset
        if isinstance(_current_usage, Unset):
            current_usage = UNSET
        else:
            current_usage = CurrentUsage.from_dict(_current_usage)

        def _parse_warning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning = _parse_warning(d.pop("warning", UNSET))

        _instance = cls(
            record_id=record_id,
            feature=None if isinstance(feature, Unset) else feature,
            quantity=None if isinstance(quantity, Unset) else quantity,
            recorded_at=None if isinstance(recorded_at, Unset) else recorded_at,
            current_usage=None if isinstance(current_usage, Unset) else current_usage,
            warning=None if isinstance(warning, Unset) else warning,
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

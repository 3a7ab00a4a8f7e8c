from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_usage import CurrentUsage


T = TypeVar("T", bound="UsageRecord")


@_attrs_define
class UsageRecord:
    """
    Attributes:
        record_id (str):
        feature (str | Unset):
        quantity (float | Unset):
        recorded_at (str | Unset): ISO-8601
        current_usage (CurrentUsage | Unset):
        warning (None | str | Unset):
    """

    record_id: str
    feature: str | Unset = UNSET
    quantity: float | Unset = UNSET
    recorded_at: str | Unset = UNSET
    current_usage: CurrentUsage | Unset = UNSET
    warning: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        feature = self.feature

        quantity = self.quantity

        recorded_at = self.recorded_at

        current_usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_usage, Unset):
            current_usage = self.current_usage.to_dict()

        warning: None | str | Unset
        if isinstance(self.warning, Unset):
            warning = UNSET
        else:
            warning = self.warning

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
        from ..models.current_usage import CurrentUsage  # noqa: PLC0415

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

        usage_record = cls(
            record_id=record_id,
            feature=feature,
            quantity=quantity,
            recorded_at=recorded_at,
            current_usage=current_usage,
            warning=warning,
        )

        usage_record.additional_properties = d
        return usage_record

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

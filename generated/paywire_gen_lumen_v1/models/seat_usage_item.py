from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeatUsageItem")


@_attrs_define
class SeatUsageItem:
    """
    Attributes:
        component_id (str):
        current_usage (float):
        component_name (None | str):
        unit_label (None | str):
        metric_id (None | str):
        pending_removals (float | None):
        unit_amount_cents (int | None):
    """

    component_id: str
    current_usage: float
    component_name: None | str = None
    unit_label: None | str = None
    metric_id: None | str = None
    pending_removals: float | None = None
    unit_amount_cents: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        component_id = self.component_id

        current_usage = self.current_usage

        component_name_or_unset = UNSET if self.component_name is None else self.component_name
        component_name: None | str | Unset
        if isinstance(component_name_or_unset, Unset):
            component_name = UNSET
        else:
            component_name = component_name_or_unset

        unit_label_or_unset = UNSET if self.unit_label is None else self.unit_label
        unit_label: None | str | Unset
        if isinstance(unit_label_or_unset, Unset):
            unit_label = UNSET
        else:
            unit_label = unit_label_or_unset

        metric_id_or_unset = UNSET if self.metric_id is None else self.metric_id
        metric_id: None | str | Unset
        if isinstance(metric_id_or_unset, Unset):
            metric_id = UNSET
        else:
            metric_id = metric_id_or_unset

        pending_removals_or_unset = UNSET if self.pending_removals is None else self.pending_removals
        pending_removals = pending_removals_or_unset

        unit_amount_cents_or_unset = UNSET if self.unit_amount_cents is None else self.unit_amount_cents
        unit_amount_cents: int | None | Unset
        if isinstance(unit_amount_cents_or_unset, Unset):
            unit_amount_cents = UNSET
        else:
            unit_amount_cents = unit_amount_cents_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "componentId": component_id,
                "currentUsage": current_usage,
            }
        )
        if component_name is not UNSET:
            field_dict["componentName"] = component_name
        if unit_label is not UNSET:
            field_dict["unitLabel"] = unit_label
        if metric_id is not UNSET:
            field_dict["metricId"] = metric_id
        if pending_removals is not UNSET:
            field_dict["pendingRemovals"] = pending_removals
        if unit_amount_cents is not UNSET:
            field_dict["unitAmountCents"] = unit_amount_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component_id = d.pop("componentId")

        current_usage = d.pop("currentUsage")

        def _parse_component_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        component_name = _parse_component_name(d.pop("componentName", UNSET))

        def _parse_unit_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_label = _parse_unit_label(d.pop("unitLabel", UNSET))

        def _parse_metric_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric_id = _parse_metric_id(d.pop("metricId", UNSET))

        pending_removals = d.pop("pendingRemovals", UNSET)

        def _parse_unit_amount_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_amount_cents = _parse_unit_amount_cents(d.pop("unitAmountCents", UNSET))

        _instance = cls(
            component_id=component_id,
            current_usage=current_usage,
            component_name=None if isinstance(component_name, Unset) else component_name,
            unit_label=None if isinstance(unit_label, Unset) else unit_label,
            metric_id=None if isinstance(metric_id, Unset) else metric_id,
            pending_removals=None if isinstance(pending_removals, Unset) else pending_removals,
            unit_amount_cents=None if isinstance(unit_amount_cents, Unset) else unit_amount_cents,
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

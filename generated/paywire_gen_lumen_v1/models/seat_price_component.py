from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeatPriceComponent")


@_attrs_define
class SeatPriceComponent:
    """
    Attributes:
        component_id (str):
        type_ (str | None):
        component_name (None | str):
        unit_label (None | str):
        amount_cents (int | None):
        metric_id (None | str):
        bill_immediately (bool | None):
    """

    component_id: str
    type_: str | None = None
    component_name: None | str = None
    unit_label: None | str = None
    amount_cents: int | None = None
    metric_id: None | str = None
    bill_immediately: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        component_id = self.component_id

        type__or_unset = UNSET if self.type_ is None else self.type_
        type_ = type__or_unset

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

        amount_cents_or_unset = UNSET if self.amount_cents is None else self.amount_cents
        amount_cents: int | None | Unset
        if isinstance(amount_cents_or_unset, Unset):
            amount_cents = UNSET
        else:
            amount_cents = amount_cents_or_unset

        metric_id_or_unset = UNSET if self.metric_id is None else self.metric_id
        metric_id: None | str | Unset
        if isinstance(metric_id_or_unset, Unset):
            metric_id = UNSET
        else:
            metric_id = metric_id_or_unset

        bill_immediately_or_unset = UNSET if self.bill_immediately is None else self.bill_immediately
        bill_immediately: bool | None | Unset
        if isinstance(bill_immediately_or_unset, Unset):
            bill_immediately = UNSET
        else:
            bill_immediately = bill_immediately_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "component_id": component_id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if component_name is not UNSET:
            field_dict["component_name"] = component_name
        if unit_label is not UNSET:
            field_dict["unit_label"] = unit_label
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if metric_id is not UNSET:
            field_dict["metric_id"] = metric_id
        if bill_immediately is not UNSET:
            field_dict["bill_immediately"] = bill_immediately

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component_id = d.pop("component_id")

        type_ = d.pop("type", UNSET)

        def _parse_component_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        component_name = _parse_component_name(d.pop("component_name", UNSET))

        def _parse_unit_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_label = _parse_unit_label(d.pop("unit_label", UNSET))

        def _parse_amount_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_cents = _parse_amount_cents(d.pop("amount_cents", UNSET))

        def _parse_metric_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric_id = _parse_metric_id(d.pop("metric_id", UNSET))

        def _parse_bill_immediately(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        bill_immediately = _parse_bill_immediately(d.pop("bill_immediately", UNSET))

        _instance = cls(
            component_id=component_id,
            type_=None if isinstance(type_, Unset) else type_,
            component_name=None if isinstance(component_name, Unset) else component_name,
            unit_label=None if isinstance(unit_label, Unset) else unit_label,
            amount_cents=None if isinstance(amount_cents, Unset) else amount_cents,
            metric_id=None if isinstance(metric_id, Unset) else metric_id,
            bill_immediately=None if isinstance(bill_immediately, Unset) else bill_immediately,
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

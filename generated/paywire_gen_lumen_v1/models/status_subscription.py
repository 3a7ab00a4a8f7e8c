from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusSubscription")


@_attrs_define
class StatusSubscription:
    """
    Attributes:
        id (str):
        plan_id (str):
        plan_name (str):
        status (str):
        plan_description (None | str):
        start_timestamp (None | str):
        currency (None | str):
    """

    id: str
    plan_id: str
    plan_name: str
    status: str
    plan_description: None | str = None
    start_timestamp: None | str = None
    currency: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        plan_id = self.plan_id

        plan_name = self.plan_name

        status = self.status

        plan_description_or_unset = UNSET if self.plan_description is None else self.plan_description
        plan_description: None | str | Unset
        if isinstance(plan_description_or_unset, Unset):
            plan_description = UNSET
        else:
            plan_description = plan_description_or_unset

        start_timestamp_or_unset = UNSET if self.start_timestamp is None else self.start_timestamp
        start_timestamp: None | str | Unset
        if isinstance(start_timestamp_or_unset, Unset):
            start_timestamp = UNSET
        else:
            start_timestamp = start_timestamp_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency: None | str | Unset
        if isinstance(currency_or_unset, Unset):
            currency = UNSET
        else:
            currency = currency_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "planId": plan_id,
                "planName": plan_name,
                "status": status,
            }
        )
        if plan_description is not UNSET:
            field_dict["planDescription"] = plan_description
        if start_timestamp is not UNSET:
            field_dict["startTimestamp"] = start_timestamp
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        plan_id = d.pop("planId")

        plan_name = d.pop("planName")

        status = d.pop("status")

        def _parse_plan_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_description = _parse_plan_description(d.pop("planDescription", UNSET))

        def _parse_start_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_timestamp = _parse_start_timestamp(d.pop("startTimestamp", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        _instance = cls(
            id=id,
            plan_id=plan_id,
            plan_name=plan_name,
            status=status,
            plan_description=None if isinstance(plan_description, Unset) else plan_description,
            start_timestamp=None if isinstance(start_timestamp, Unset) else start_timestamp,
            currency=None if isinstance(currency, Unset) else currency,
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

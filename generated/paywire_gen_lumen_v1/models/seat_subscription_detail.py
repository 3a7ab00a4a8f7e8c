from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeatSubscriptionDetail")


@_attrs_define
class SeatSubscriptionDetail:
    """
    Attributes:
        subscription_id (str):
        component_id (str):
        previous_billing_date (None | str):
        next_billing_date (None | str):
        created_at (None | str):
        updated_at (None | str):
    """

    subscription_id: str
    component_id: str
    previous_billing_date: None | str = None
    next_billing_date: None | str = None
    created_at: None | str = None
    updated_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        component_id = self.component_id

        previous_billing_date_or_unset = UNSET if self.previous_billing_date is None else self.previous_billing_date
        previous_billing_date: None | str | Unset
        if isinstance(previous_billing_date_or_unset, Unset):
            previous_billing_date = UNSET
        else:
            previous_billing_date = previous_billing_date_or_unset

        next_billing_date_or_unset = UNSET if self.next_billing_date is None else self.next_billing_date
        next_billing_date: None | str | Unset
        if isinstance(next_billing_date_or_unset, Unset):
            next_billing_date = UNSET
        else:
            next_billing_date = next_billing_date_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(created_at_or_unset, Unset):
            created_at = UNSET
        else:
            created_at = created_at_or_unset

        updated_at_or_unset = UNSET if self.updated_at is None else self.updated_at
        updated_at: None | str | Unset
        if isinstance(updated_at_or_unset, Unset):
            updated_at = UNSET
        else:
            updated_at = updated_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscriptionId": subscription_id,
                "componentId": component_id,
            }
        )
        if previous_billing_date is not UNSET:
            field_dict["previousBillingDate"] = previous_billing_date
        if next_billing_date is not UNSET:
            field_dict["nextBillingDate"] = next_billing_date
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscriptionId")

        component_id = d.pop("componentId")

        def _parse_previous_billing_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_billing_date = _parse_previous_billing_date(d.pop("previousBillingDate", UNSET))

        def _parse_next_billing_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_billing_date = _parse_next_billing_date(d.pop("nextBillingDate", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))

        _instance = cls(
            subscription_id=subscription_id,
            component_id=component_id,
            previous_billing_date=None if isinstance(previous_billing_date, Unset) else previous_billing_date,
            next_billing_date=None if isinstance(next_billing_date, Unset) else next_billing_date,
            created_at=None if isinstance(created_at, Unset) else created_at,
            updated_at=None if isinstance(updated_at, Unset) else updated_at,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortalSubscription")


@_attrs_define
class PortalSubscription:
    """
    Attributes:
        id (str):
        status (str):
        plan_id (str):
        stable_subscription_id (None | str):
        grace_period_ends_at (None | str):
        payment_method_id (None | str):
    """

    id: str
    status: str
    plan_id: str
    stable_subscription_id: None | str = None
    grace_period_ends_at: None | str = None
    payment_method_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        plan_id = self.plan_id

        stable_subscription_id_or_unset = UNSET if self.stable_subscription_id is None else self.stable_subscription_id
        stable_subscription_id: None | str | Unset
        if isinstance(stable_subscription_id_or_unset, Unset):
            stable_subscription_id = UNSET
        else:
            stable_subscription_id = stable_subscription_id_or_unset

        grace_period_ends_at_or_unset = UNSET if self.grace_period_ends_at is None else self.grace_period_ends_at
        grace_period_ends_at: None | str | Unset
        if isinstance(grace_period_ends_at_or_unset, Unset):
            grace_period_ends_at = UNSET
        else:
            grace_period_ends_at = grace_period_ends_at_or_unset

        payment_method_id_or_unset = UNSET if self.payment_method_id is None else self.payment_method_id
        payment_method_id: None | str | Unset
        if isinstance(payment_method_id_or_unset, Unset):
            payment_method_id = UNSET
        else:
            payment_method_id = payment_method_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "planId": plan_id,
            }
        )
        if stable_subscription_id is not UNSET:
            field_dict["stableSubscriptionId"] = stable_subscription_id
        if grace_period_ends_at is not UNSET:
            field_dict["gracePeriodEndsAt"] = grace_period_ends_at
        if payment_method_id is not UNSET:
            field_dict["paymentMethodId"] = payment_method_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        plan_id = d.pop("planId")

        def _parse_stable_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stable_subscription_id = _parse_stable_subscription_id(d.pop("stableSubscriptionId", UNSET))

        def _parse_grace_period_ends_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grace_period_ends_at = _parse_grace_period_ends_at(d.pop("gracePeriodEndsAt", UNSET))

        def _parse_payment_method_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_method_id = _parse_payment_method_id(d.pop("paymentMethodId", UNSET))

        _instance = cls(
            id=id,
            status=status,
            plan_id=plan_id,
            stable_subscription_id=None if isinstance(stable_subscription_id, Unset) else stable_subscription_id,
            grace_period_ends_at=None if isinstance(grace_period_ends_at, Unset) else grace_period_ends_at,
            payment_method_id=None if isinstance(payment_method_id, Unset) else payment_method_id,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_customer import StatusCustomer
    from ..models.status_subscription import StatusSubscription


@cache
def _lazy_models() -> tuple[
    type[StatusCustomer],
    type[StatusSubscription],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.status_customer import StatusCustomer  # noqa: PLC0415
    from ..models.status_subscription import StatusSubscription  # noqa: PLC0415

    return (
        StatusCustomer,
        StatusSubscription,
    )


T = TypeVar("T", bound="SubscriptionStatus")


@_attrs_define
class SubscriptionStatus:
    """
    Attributes:
        has_active_subscription (bool):
        customer (None | StatusCustomer):
        subscription (None | StatusSubscription):
    """

    has_active_subscription: bool
    customer: None | StatusCustomer = None
    subscription: None | StatusSubscription = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.status_customer import StatusCustomer  # noqa: PLC0415
        from ..models.status_subscription import StatusSubscription  # noqa: PLC0415

        has_active_subscription = self.has_active_subscription

        customer_or_unset = UNSET if self.customer is None else self.customer
        customer: dict[str, Any] | None | Unset
        if isinstance(customer_or_unset, Unset):
            customer = UNSET
        elif isinstance(customer_or_unset, StatusCustomer):
            customer = customer_or_unset.to_dict()
        else:
            customer = customer_or_unset

        subscription_or_unset = UNSET if self.subscription is None else self.subscription
        subscription: dict[str, Any] | None | Unset
        if isinstance(subscription_or_unset, Unset):
            subscription = UNSET
        elif isinstance(subscription_or_unset, StatusSubscription):
            subscription = subscription_or_unset.to_dict()
        else:
            subscription = subscription_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hasActiveSubscription": has_active_subscription,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer
        if subscription is not UNSET:
            field_dict["subscription"] = subscription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            StatusCustomer,
            StatusSubscription,
        ) = _lazy_models()
        d = dict(src_dict)
        has_active_subscription = d.pop("hasActiveSubscription")

        def _parse_customer(data: object) -> None | StatusCustomer | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = StatusCustomer.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusCustomer | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_subscription(data: object) -> None | StatusSubscription | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = StatusSubscription.from_dict(data)

                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusSubscription | Unset, data)

        subscription = _parse_subscription(d.pop("subscription", UNSET))

        _instance = cls(
            has_active_subscription=has_active_subscription,
            customer=None if isinstance(customer, Unset) else customer,
            subscription=None if isinstance(subscription, Unset) else subscription,
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

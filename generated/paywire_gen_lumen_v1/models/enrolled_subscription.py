from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrolled_subscription_subscription_details_item import EnrolledSubscriptionSubscriptionDetailsItem
    from ..models.enrolled_subscription_subscription_features_item import EnrolledSubscriptionSubscriptionFeaturesItem


@cache
def _lazy_models() -> tuple[
    type[EnrolledSubscriptionSubscriptionDetailsItem],
    type[EnrolledSubscriptionSubscriptionFeaturesItem],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.enrolled_subscription_subscription_details_item import EnrolledSubscriptionSubscriptionDetailsItem  # noqa: PLC0415
    from ..models.enrolled_subscription_subscription_features_item import EnrolledSubscriptionSubscriptionFeaturesItem  # noqa: PLC0415

    return (
        EnrolledSubscriptionSubscriptionDetailsItem,
        EnrolledSubscriptionSubscriptionFeaturesItem,
    )


T = TypeVar("T", bound="EnrolledSubscription")


@_attrs_define
class EnrolledSubscription:
    """
    Attributes:
        id (str):
        customer_id (str):
        plan_id (str):
        status (str):
        subscription_details (list[EnrolledSubscriptionSubscriptionDetailsItem] | None):
        subscription_features (list[EnrolledSubscriptionSubscriptionFeaturesItem] | None):
    """

    id: str
    customer_id: str
    plan_id: str
    status: str
    subscription_details: list[EnrolledSubscriptionSubscriptionDetailsItem] | None = None
    subscription_features: list[EnrolledSubscriptionSubscriptionFeaturesItem] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        customer_id = self.customer_id

        plan_id = self.plan_id

        status = self.status

        subscription_details_or_unset = UNSET if self.subscription_details is None else self.subscription_details
        subscription_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(subscription_details_or_unset, Unset):
            subscription_details = []
            for subscription_details_item_data in subscription_details_or_unset:
                subscription_details_item = subscription_details_item_data.to_dict()
                subscription_details.append(subscription_details_item)

        subscription_features_or_unset = UNSET if self.subscription_features is None else self.subscription_features
        subscription_features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(subscription_features_or_unset, Unset):
            subscription_features = []
            for subscription_features_item_data in subscription_features_or_unset:
                subscription_features_item = subscription_features_item_data.to_dict()
                subscription_features.append(subscription_features_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customerId": customer_id,
                "planId": plan_id,
                "status": status,
            }
        )
        if subscription_details is not UNSET:
            field_dict["subscriptionDetails"] = subscription_details
        if subscription_features is not UNSET:
            field_dict["subscriptionFeatures"] = subscription_features

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            EnrolledSubscriptionSubscriptionDetailsItem,
            EnrolledSubscriptionSubscriptionFeaturesItem,
        ) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        customer_id = d.pop("customerId")

        plan_id = d.pop("planId")

        status = d.pop("status")

        _subscription_details = d.pop("subscriptionDetails", UNSET)
        subscription_details: list[EnrolledSubscriptionSubscriptionDetailsItem] | Unset = UNSET
        if _subscription_details is not UNSET:
            subscription_details = []
            for subscription_details_item_data in _subscription_details:
                subscription_details_item = EnrolledSubscriptionSubscriptionDetailsItem.from_dict(
                    subscription_details_item_data
                )

                subscription_details.append(subscription_details_item)

        _subscription_features = d.pop("subscriptionFeatures", UNSET)
        subscription_features: list[EnrolledSubscriptionSubscriptionFeaturesItem] | Unset = UNSET
        if _subscription_features is not UNSET:
            subscription_features = []
            for subscription_features_item_data in _subscription_features:
                subscription_features_item = EnrolledSubscriptionSubscriptionFeaturesItem.from_dict(
                    subscription_features_item_data
                )

                subscription_features.append(subscription_features_item)

        _instance = cls(
            id=id,
            customer_id=customer_id,
            plan_id=plan_id,
            status=status,
            subscription_details=None if isinstance(subscription_details, Unset) else subscription_details,
            subscription_features=None if isinstance(subscription_features, Unset) else subscription_features,
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

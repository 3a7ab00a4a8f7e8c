from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seat_price_component import SeatPriceComponent
    from ..models.seat_subscription_detail import SeatSubscriptionDetail
    from ..models.seat_usage_item import SeatUsageItem


@cache
def _lazy_models() -> tuple[
    type[SeatPriceComponent],
    type[SeatSubscriptionDetail],
    type[SeatUsageItem],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.seat_price_component import SeatPriceComponent  # noqa: PLC0415
    from ..models.seat_subscription_detail import SeatSubscriptionDetail  # noqa: PLC0415
    from ..models.seat_usage_item import SeatUsageItem  # noqa: PLC0415

    return (
        SeatPriceComponent,
        SeatSubscriptionDetail,
        SeatUsageItem,
    )


T = TypeVar("T", bound="SeatUsageResponse")


@_attrs_define
class SeatUsageResponse:
    """
    Attributes:
        customer_id (str):
        seat_usages (list[SeatUsageItem]):
        subscription_id (None | str):
        subscription_details (list[SeatSubscriptionDetail] | None):
        price_components (list[SeatPriceComponent] | None):
    """

    customer_id: str
    seat_usages: list[SeatUsageItem]
    subscription_id: None | str = None
    subscription_details: list[SeatSubscriptionDetail] | None = None
    price_components: list[SeatPriceComponent] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        seat_usages = []
        for seat_usages_item_data in self.seat_usages:
            seat_usages_item = seat_usages_item_data.to_dict()
            seat_usages.append(seat_usages_item)

        subscription_id_or_unset = UNSET if self.subscription_id is None else self.subscription_id
        subscription_id: None | str | Unset
        if isinstance(subscription_id_or_unset, Unset):
            subscription_id = UNSET
        else:
            subscription_id = subscription_id_or_unset

        subscription_details_or_unset = UNSET if self.subscription_details is None else self.subscription_details
        subscription_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(subscription_details_or_unset, Unset):
            subscription_details = []
            for subscription_details_item_data in subscription_details_or_unset:
                subscription_details_item = subscription_details_item_data.to_dict()
                subscription_details.append(subscription_details_item)

        price_components_or_unset = UNSET if self.price_components is None else self.price_components
        price_components: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(price_components_or_unset, Unset):
            price_components = []
            for price_components_item_data in price_components_or_unset:
                price_components_item = price_components_item_data.to_dict()
                price_components.append(price_components_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerId": customer_id,
                "seatUsages": seat_usages,
            }
        )
        if subscription_id is not UNSET:
            field_dict["subscriptionId"] = subscription_id
        if subscription_details is not UNSET:
            field_dict["subscriptionDetails"] = subscription_details
        if price_components is not UNSET:
            field_dict["priceComponents"] = price_components

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            SeatPriceComponent,
            SeatSubscriptionDetail,
            SeatUsageItem,
        ) = _lazy_models()
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        seat_usages = []
        _seat_usages = d.pop("seatUsages")
        for seat_usages_item_data in _seat_usages:
            seat_usages_item = SeatUsageItem.from_dict(seat_usages_item_data)

            seat_usages.append(seat_usages_item)

        def _parse_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_id = _parse_subscription_id(d.pop("subscriptionId", UNSET))

        _subscription_details = d.pop("subscriptionDetails", UNSET)
        subscription_details: list[SeatSubscriptionDetail] | Unset = UNSET
        if _subscription_details is not UNSET:
            subscription_details = []
            for subscription_details_item_data in _subscription_details:
                subscription_details_item = SeatSubscriptionDetail.from_dict(subscription_details_item_data)

                subscription_details.append(subscription_details_item)

        _price_components = d.pop("priceComponents", UNSET)
        price_components: list[SeatPriceComponent] | Unset = UNSET
        if _price_components is not UNSET:
            price_components = []
            for price_components_item_data in _price_components:
                price_components_item = SeatPriceComponent.from_dict(price_components_item_data)

                price_components.append(price_components_item)

        _instance = cls(
            customer_id=customer_id,
            seat_usages=seat_usages,
            subscription_id=None if isinstance(subscription_id, Unset) else subscription_id,
            subscription_details=None if isinstance(subscription_details, Unset) else subscription_details,
            price_components=None if isinstance(price_components, Unset) else price_components,
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

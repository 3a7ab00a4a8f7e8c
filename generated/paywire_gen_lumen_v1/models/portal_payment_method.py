from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortalPaymentMethod")


@_attrs_define
class PortalPaymentMethod:
    """
    Attributes:
        id (str):
        linked_to_subscription (bool):
        provider (None | str):
        payment_type (None | str):
        status (None | str):
        card_brand (None | str):
        card_last_four (None | str):
        card_expiry_month (int | None):
        card_expiry_year (int | None):
    """

    id: str
    linked_to_subscription: bool
    provider: None | str = None
    payment_type: None | str = None
    status: None | str = None
    card_brand: None | str = None
    card_last_four: None | str = None
    card_expiry_month: int | None = None
    card_expiry_year: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        linked_to_subscription = self.linked_to_subscription

        provider_or_unset = UNSET if self.provider is None else self.provider
        provider: None | str | Unset
        if isinstance(provider_or_unset, Unset):
            provider = UNSET
        else:
            provider = provider_or_unset

        payment_type_or_unset = UNSET if self.payment_type is None else self.payment_type
        payment_type: None | str | Unset
        if isinstance(payment_type_or_unset, Unset):
            payment_type = UNSET
        else:
            payment_type = payment_type_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status: None | str | Unset
        if isinstance(status_or_unset, Unset):
            status = UNSET
        else:
            status = status_or_unset

        card_brand_or_unset = UNSET if self.card_brand is None else self.card_brand
        card_brand: None | str | Unset
        if isinstance(card_brand_or_unset, Unset):
            card_brand = UNSET
        else:
            card_brand = card_brand_or_unset

        card_last_four_or_unset = UNSET if self.card_last_four is None else self.card_last_four
        card_last_four: None | str | Unset
        if isinstance(card_last_four_or_unset, Unset):
            card_last_four = UNSET
        else:
            card_last_four = card_last_four_or_unset

        card_expiry_month_or_unset = UNSET if self.card_expiry_month is None else self.card_expiry_month
        card_expiry_month: int | None | Unset
        if isinstance(card_expiry_month_or_unset, Unset):
            card_expiry_month = UNSET
        else:
            card_expiry_month = card_expiry_month_or_unset

        card_expiry_year_or_unset = UNSET if self.card_expiry_year is None else self.card_expiry_year
        card_expiry_year: int | None | Unset
        if isinstance(card_expiry_year_or_unset, Unset):
            card_expiry_year = UNSET
        else:
            card_expiry_year = card_expiry_year_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "linkedToSubscription": linked_to_subscription,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if payment_type is not UNSET:
            field_dict["paymentType"] = payment_type
        if status is not UNSET:
            field_dict["status"] = status
        if card_brand is not UNSET:
            field_dict["cardBrand"] = card_brand
        if card_last_four is not UNSET:
            field_dict["cardLastFour"] = card_last_four
        if card_expiry_month is not UNSET:
            field_dict["cardExpiryMonth"] = card_expiry_month
        if card_expiry_year is not UNSET:
            field_dict["cardExpiryYear"] = card_expiry_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        linked_to_subscription = d.pop("linkedToSubscription")

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_payment_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_type = _parse_payment_type(d.pop("paymentType", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_card_brand(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_brand = _parse_card_brand(d.pop("cardBrand", UNSET))

        def _parse_card_last_four(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_last_four = _parse_card_last_four(d.pop("cardLastFour", UNSET))

        def _parse_card_expiry_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_expiry_month = _parse_card_expiry_month(d.pop("cardExpiryMonth", UNSET))

        def _parse_card_expiry_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_expiry_year = _parse_card_expiry_year(d.pop("cardExpiryYear", UNSET))

        _instance = cls(
            id=id,
            linked_to_subscription=linked_to_subscription,
            provider=None if isinstance(provider, Unset) else provider,
            payment_type=None if isinstance(payment_type, Unset) else payment_type,
            status=None if isinstance(status, Unset) else status,
            card_brand=None if isinstance(card_brand, Unset) else card_brand,
            card_last_four=None if isinstance(card_last_four, Unset) else card_last_four,
            card_expiry_month=None if isinstance(card_expiry_month, Unset) else card_expiry_month,
            card_expiry_year=None if isinstance(card_expiry_year, Unset) else card_expiry_year,
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

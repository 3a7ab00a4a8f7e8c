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
        provider (None | str | Unset):
        payment_type (None | str | Unset):
        status (None | str | Unset):
        card_brand (None | str | Unset):
        card_last_four (None | str | Unset):
        card_expiry_month (int | None | Unset):
        card_expiry_year (int | None | Unset):
    """

    id: str
    linked_to_subscription: bool
    provider: None | str | Unset = UNSET
    payment_type: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    card_brand: None | str | Unset = UNSET
    card_last_four: None | str | Unset = UNSET
    card_expiry_month: int | None | Unset = UNSET
    card_expiry_year: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        linked_to_subscription = self.linked_to_subscription

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        payment_type: None | str | Unset
        if isinstance(self.payment_type, Unset):
            payment_type = UNSET
        else:
            payment_type = self.payment_type

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        card_brand: None | str | Unset
        if isinstance(self.card_brand, Unset):
            card_brand = UNSET
        else:
            card_brand = self.card_brand

        card_last_four: None | str | Unset
        if isinstance(self.card_last_four, Unset):
            card_last_four = UNSET
        else:
            card_last_four = self.card_last_four

        card_expiry_month: int | None | Unset
        if isinstance(self.card_expiry_month, Unset):
            card_expiry_month = UNSET
        else:
            card_expiry_month = self.card_expiry_month

        card_expiry_year: int | None | Unset
        if isinstance(self.card_expiry_year, Unset):
            card_expiry_year = UNSET
        else:
            card_expiry_year = self.card_expiry_year

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

        portal_payment_method = cls(
            id=id,
            linked_to_subscription=linked_to_subscription,
            provider=provider,
            payment_type=payment_type,
            status=status,
            card_brand=card_brand,
            card_last_four=card_last_four,
            card_expiry_month=card_expiry_month,
            card_expiry_year=card_expiry_year,
        )

        portal_payment_method.additional_properties = d
        return portal_payment_method

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

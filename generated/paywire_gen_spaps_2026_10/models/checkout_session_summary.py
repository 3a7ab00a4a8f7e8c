from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutSessionSummary")


@_attrs_define
class CheckoutSessionSummary:
    """
    Attributes:
        id (str):
        status (str | None):
        payment_status (str | None):
        amount_total (int | None):
        currency (None | str):
        created_at (int | None): unix seconds
        expires_at (int | None): unix seconds
    """

    id: str
    status: str | None = None
    payment_status: str | None = None
    amount_total: int | None = None
    currency: None | str = None
    created_at: int | None = None
    expires_at: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        payment_status_or_unset = UNSET if self.payment_status is None else self.payment_status
        payment_status = payment_status_or_unset

        amount_total_or_unset = UNSET if self.amount_total is None else self.amount_total
        amount_total: int | None | Unset
        if isinstance(amount_total_or_unset, Unset):
            amount_total = UNSET
        else:
            amount_total = amount_total_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency: None | str | Unset
        if isinstance(currency_or_unset, Unset):
            currency = UNSET
        else:
            currency = currency_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at = created_at_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: int | None | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        else:
            expires_at = expires_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if payment_status is not UNSET:
            field_dict["payment_status"] = payment_status
        if amount_total is not UNSET:
            field_dict["amount_total"] = amount_total
        if currency is not UNSET:
            field_dict["currency"] = currency
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status", UNSET)

        payment_status = d.pop("payment_status", UNSET)

        def _parse_amount_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_total = _parse_amount_total(d.pop("amount_total", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _instance = cls(
            id=id,
            status=None if isinstance(status, Unset) else status,
            payment_status=None if isinstance(payment_status, Unset) else payment_status,
            amount_total=None if isinstance(amount_total, Unset) else amount_total,
            currency=None if isinstance(currency, Unset) else currency,
            created_at=None if isinstance(created_at, Unset) else created_at,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
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

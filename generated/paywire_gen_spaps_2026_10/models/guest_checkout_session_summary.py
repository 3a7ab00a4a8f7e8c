from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestCheckoutSessionSummary")


@_attrs_define
class GuestCheckoutSessionSummary:
    """
    Attributes:
        session_id (str):
        status (str | Unset):
        payment_status (str | Unset):
        customer_email (None | str | Unset):
        amount_total (int | None | Unset):
        currency (None | str | Unset):
        created_at (str | Unset): ISO-8601
        expires_at (None | str | Unset): ISO-8601
    """

    session_id: str
    status: str | Unset = UNSET
    payment_status: str | Unset = UNSET
    customer_email: None | str | Unset = UNSET
    amount_total: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        status = self.status

        payment_status = self.payment_status

        customer_email: None | str | Unset
        if isinstance(self.customer_email, Unset):
            customer_email = UNSET
        else:
            customer_email = self.customer_email

        amount_total: int | None | Unset
        if isinstance(self.amount_total, Unset):
            amount_total = UNSET
        else:
            amount_total = self.amount_total

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        created_at = self.created_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if payment_status is not UNSET:
            field_dict["payment_status"] = payment_status
        if customer_email is not UNSET:
            field_dict["customer_email"] = customer_email
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
        session_id = d.pop("session_id")

        status = d.pop("status", UNSET)

        payment_status = d.pop("payment_status", UNSET)

        def _parse_customer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_email = _parse_customer_email(d.pop("customer_email", UNSET))

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

        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        guest_checkout_session_summary = cls(
            session_id=session_id,
            status=status,
            payment_status=payment_status,
            customer_email=customer_email,
            amount_total=amount_total,
            currency=currency,
            created_at=created_at,
            expires_at=expires_at,
        )

        guest_checkout_session_summary.additional_properties = d
        return guest_checkout_session_summary

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

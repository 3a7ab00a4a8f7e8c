from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentInvoice")


@_attrs_define
class EnrollmentInvoice:
    """
    Attributes:
        id (str):
        status (None | str):
        total_amount_cents (int | None):
        currency (None | str):
    """

    id: str
    status: None | str = None
    total_amount_cents: int | None = None
    currency: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status_or_unset = UNSET if self.status is None else self.status
        status: None | str | Unset
        if isinstance(status_or_unset, Unset):
            status = UNSET
        else:
            status = status_or_unset

        total_amount_cents_or_unset = UNSET if self.total_amount_cents is None else self.total_amount_cents
        total_amount_cents: int | None | Unset
        if isinstance(total_amount_cents_or_unset, Unset):
            total_amount_cents = UNSET
        else:
            total_amount_cents = total_amount_cents_or_unset

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
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if total_amount_cents is not UNSET:
            field_dict["totalAmountCents"] = total_amount_cents
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_total_amount_cents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_amount_cents = _parse_total_amount_cents(d.pop("totalAmountCents", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        _instance = cls(
            id=id,
            status=None if isinstance(status, Unset) else status,
            total_amount_cents=None if isinstance(total_amount_cents, Unset) else total_amount_cents,
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

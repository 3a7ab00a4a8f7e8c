from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletDeposit")


@_attrs_define
class WalletDeposit:
    """
    Attributes:
        deposit_id (str):
        status (str | None):
        amount (float | None):
        currency (str | None):
        confirmation_required (int | None):
        confirmation_current (int | None):
    """

    deposit_id: str
    status: str | None = None
    amount: float | None = None
    currency: str | None = None
    confirmation_required: int | None = None
    confirmation_current: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        deposit_id = self.deposit_id

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount = amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        confirmation_required_or_unset = UNSET if self.confirmation_required is None else self.confirmation_required
        confirmation_required = confirmation_required_or_unset

        confirmation_current_or_unset = UNSET if self.confirmation_current is None else self.confirmation_current
        confirmation_current = confirmation_current_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deposit_id": deposit_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if confirmation_required is not UNSET:
            field_dict["confirmation_required"] = confirmation_required
        if confirmation_current is not UNSET:
            field_dict["confirmation_current"] = confirmation_current

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deposit_id = d.pop("deposit_id")

        status = d.pop("status", UNSET)

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        confirmation_required = d.pop("confirmation_required", UNSET)

        confirmation_current = d.pop("confirmation_current", UNSET)

        _instance = cls(
            deposit_id=deposit_id,
            status=None if isinstance(status, Unset) else status,
            amount=None if isinstance(amount, Unset) else amount,
            currency=None if isinstance(currency, Unset) else currency,
            confirmation_required=None if isinstance(confirmation_required, Unset) else confirmation_required,
            confirmation_current=None if isinstance(confirmation_current, Unset) else confirmation_current,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletTransaction")


@_attrs_define
class WalletTransaction:
    """
    Attributes:
        transaction_id (str):
        status (str | None):
        confirmations (int | None):
        chain_type (str | None):
        amount (float | None):
        currency (str | None):
        balance_added (float | None):
        completed_at (None | str): ISO-8601
    """

    transaction_id: str
    status: str | None = None
    confirmations: int | None = None
    chain_type: str | None = None
    amount: float | None = None
    currency: str | None = None
    balance_added: float | None = None
    completed_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        confirmations_or_unset = UNSET if self.confirmations is None else self.confirmations
        confirmations = confirmations_or_unset

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type = chain_type_or_unset

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount = amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        balance_added_or_unset = UNSET if self.balance_added is None else self.balance_added
        balance_added: float | None | Unset
        if isinstance(balance_added_or_unset, Unset):
            balance_added = UNSET
        else:
            balance_added = balance_added_or_unset

        completed_at_or_unset = UNSET if self.completed_at is None else self.completed_at
        completed_at: None | str | Unset
        if isinstance(completed_at_or_unset, Unset):
            completed_at = UNSET
        else:
            completed_at = completed_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transaction_id": transaction_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if confirmations is not UNSET:
            field_dict["confirmations"] = confirmations
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if balance_added is not UNSET:
            field_dict["balance_added"] = balance_added
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transaction_id = d.pop("transaction_id")

        status = d.pop("status", UNSET)

        confirmations = d.pop("confirmations", UNSET)

        chain_type = d.pop("chain_type", UNSET)

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_balance_added(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        balance_added = _parse_balance_added(d.pop("balance_added", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        _instance = cls(
            transaction_id=transaction_id,
            status=None if isinstance(status, Unset) else status,
            confirmations=None if isinstance(confirmations, Unset) else confirmations,
            chain_type=None if isinstance(chain_type, Unset) else chain_type,
            amount=None if isinstance(amount, Unset) else amount,
            currency=None if isinstance(currency, Unset) else currency,
            balance_added=None if isinstance(balance_added, Unset) else balance_added,
            completed_at=None if isinstance(completed_at, Unset) else completed_at,
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

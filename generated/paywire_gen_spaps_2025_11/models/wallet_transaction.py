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
        status (str | Unset):
        confirmations (int | Unset):
        chain_type (str | Unset):
        amount (float | Unset):
        currency (str | Unset):
        balance_added (float | None | Unset):
        completed_at (None | str | Unset): ISO-8601
    """

    transaction_id: str
    status: str | Unset = UNSET
    confirmations: int | Unset = UNSET
    chain_type: str | Unset = UNSET
    amount: float | Unset = UNSET
    currency: str | Unset = UNSET
    balance_added: float | None | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        status = self.status

        confirmations = self.confirmations

        chain_type = self.chain_type

        amount = self.amount

        currency = self.currency

        balance_added: float | None | Unset
        if isinstance(self.balance_added, Unset):
            balance_added = UNSET
        else:
            balance_added = self.balance_added

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

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

        wallet_transaction = cls(
            transaction_id=transaction_id,
            status=status,
            confirmations=confirmations,
            chain_type=chain_type,
            amount=amount,
            currency=currency,
            balance_added=balance_added,
            completed_at=completed_at,
        )

        wallet_transaction.additional_properties = d
        return wallet_transaction

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

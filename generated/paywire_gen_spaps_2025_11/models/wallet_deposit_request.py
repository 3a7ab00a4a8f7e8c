from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletDepositRequest")


@_attrs_define
class WalletDepositRequest:
    """
    Attributes:
        wallet_address (str):
        chain_type (str): e.g. solana
        transaction_id (str):
        amount (float):
        currency (str):
        tier (None | str):
    """

    wallet_address: str
    chain_type: str
    transaction_id: str
    amount: float
    currency: str
    tier: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        wallet_address = self.wallet_address

        chain_type = self.chain_type

        transaction_id = self.transaction_id

        amount = self.amount

        currency = self.currency

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "wallet_address": wallet_address,
                "chain_type": chain_type,
                "transaction_id": transaction_id,
                "amount": amount,
                "currency": currency,
            }
        )
        if tier is not UNSET:
            field_dict["tier"] = tier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet_address = d.pop("wallet_address")

        chain_type = d.pop("chain_type")

        transaction_id = d.pop("transaction_id")

        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        _instance = cls(
            wallet_address=wallet_address,
            chain_type=chain_type,
            transaction_id=transaction_id,
            amount=amount,
            currency=currency,
            tier=None if isinstance(tier, Unset) else tier,
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

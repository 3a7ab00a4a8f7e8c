from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_amounts import BalanceAmounts
    from ..models.credit_usage import CreditUsage


@cache
def _lazy_models() -> tuple[
    type[BalanceAmounts],
    type[CreditUsage],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.balance_amounts import BalanceAmounts  # noqa: PLC0415
    from ..models.credit_usage import CreditUsage  # noqa: PLC0415

    return (
        BalanceAmounts,
        CreditUsage,
    )


T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """
    Attributes:
        balance (BalanceAmounts | None):
        tier (None | str):
        tier_expires_at (int | None | str):
        usage (CreditUsage | None):
    """

    balance: BalanceAmounts | None = None
    tier: None | str = None
    tier_expires_at: int | None | str = None
    usage: CreditUsage | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        balance_or_unset = UNSET if self.balance is None else self.balance
        balance: dict[str, Any] | Unset = UNSET
        if not isinstance(balance_or_unset, Unset):
            balance = balance_or_unset.to_dict()

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        tier_expires_at_or_unset = UNSET if self.tier_expires_at is None else self.tier_expires_at
        tier_expires_at: int | None | str | Unset
        if isinstance(tier_expires_at_or_unset, Unset):
            tier_expires_at = UNSET
        else:
            tier_expires_at = tier_expires_at_or_unset

        usage_or_unset = UNSET if self.usage is None else self.usage
        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(usage_or_unset, Unset):
            usage = usage_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if balance is not UNSET:
            field_dict["balance"] = balance
        if tier is not UNSET:
            field_dict["tier"] = tier
        if tier_expires_at is not UNSET:
            field_dict["tier_expires_at"] = tier_expires_at
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            BalanceAmounts,
            CreditUsage,
        ) = _lazy_models()
        d = dict(src_dict)
        _balance = d.pop("balance", UNSET)
        balance: BalanceAmounts | Unset
        if isinstance(_balance, Unset):
            balance = UNSET
        else:
            balance = BalanceAmounts.from_dict(_balance)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        def _parse_tier_expires_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        tier_expires_at = _parse_tier_expires_at(d.pop("tier_expires_at", UNSET))

        _usage = d.pop("usage", UNSET)
        usage: CreditUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = CreditUsage.from_dict(_usage)

        _instance = cls(
            balance=None if isinstance(balance, Unset) else balance,
            tier=None if isinstance(tier, Unset) else tier,
            tier_expires_at=None if isinstance(tier_expires_at, Unset) else tier_expires_at,
            usage=None if isinstance(usage, Unset) else usage,
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

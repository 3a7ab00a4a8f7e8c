from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumeCreditsResult")


@_attrs_define
class ConsumeCreditsResult:
    """
    Attributes:
        balance (int): Balance after the deduction.
        credit_type_id (str | Unset):
        consumed (int | Unset): Credits deducted by this key (replays report the original amount).
        idempotency_key (str | Unset):
    """

    balance: int
    credit_type_id: str | Unset = UNSET
    consumed: int | Unset = UNSET
    idempotency_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        credit_type_id = self.credit_type_id

        consumed = self.consumed

        idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
            }
        )
        if credit_type_id is not UNSET:
            field_dict["creditTypeId"] = credit_type_id
        if consumed is not UNSET:
            field_dict["consumed"] = consumed
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        credit_type_id = d.pop("creditTypeId", UNSET)

        consumed = d.pop("consumed", UNSET)

        idempotency_key = d.pop("idempotencyKey", UNSET)

        consume_credits_result = cls(
            balance=balance,
            credit_type_id=credit_type_id,
            consumed=consumed,
            idempotency_key=idempotency_key,
        )

        consume_credits_result.additional_properties = d
        return consume_credits_result

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

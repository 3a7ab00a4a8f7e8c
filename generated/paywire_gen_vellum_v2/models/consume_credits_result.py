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
        credit_type_id (str | None):
        consumed (int | None): Credits deducted by this key (replays report the original amount).
        idempotency_key (str | None):
    """

    balance: int
    credit_type_id: str | None = None
    consumed: int | None = None
    idempotency_key: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        credit_type_id_or_unset = UNSET if self.credit_type_id is None else self.credit_type_id
        credit_type_id = credit_type_id_or_unset

        consumed_or_unset = UNSET if self.consumed is None else self.consumed
        consumed = consumed_or_unset

        idempotency_key_or_unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key = idempotency_key_or_unset

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

        _instance = cls(
            balance=balance,
            credit_type_id=None if isinstance(credit_type_id, Unset) else credit_type_id,
            consumed=None if isinstance(consumed, Unset) else consumed,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
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

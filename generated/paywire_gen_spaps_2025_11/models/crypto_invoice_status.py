from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CryptoInvoiceStatus")


@_attrs_define
class CryptoInvoiceStatus:
    """
    Attributes:
        invoice_id (str):
        status (str):
        finalized_at (None | str): ISO-8601
        normalized_amount (None | str): decimal string
        settlement_ids (list[str] | None):
        underpaid (bool | None):
        overpaid (bool | None):
    """

    invoice_id: str
    status: str
    finalized_at: None | str = None
    normalized_amount: None | str = None
    settlement_ids: list[str] | None = None
    underpaid: bool | None = None
    overpaid: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = self.invoice_id

        status = self.status

        finalized_at_or_unset = UNSET if self.finalized_at is None else self.finalized_at
        finalized_at: None | str | Unset
        if isinstance(finalized_at_or_unset, Unset):
            finalized_at = UNSET
        else:
            finalized_at = finalized_at_or_unset

        normalized_amount_or_unset = UNSET if self.normalized_amount is None else self.normalized_amount
        normalized_amount: None | str | Unset
        if isinstance(normalized_amount_or_unset, Unset):
            normalized_amount = UNSET
        else:
            normalized_amount = normalized_amount_or_unset

        settlement_ids_or_unset = UNSET if self.settlement_ids is None else self.settlement_ids
        settlement_ids: list[str] | Unset = UNSET
        if not isinstance(settlement_ids_or_unset, Unset):
            settlement_ids = settlement_ids_or_unset

        underpaid_or_unset = UNSET if self.underpaid is None else self.underpaid
        underpaid = underpaid_or_unset

        overpaid_or_unset = UNSET if self.overpaid is None else self.overpaid
        overpaid = overpaid_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "status": status,
            }
        )
        if finalized_at is not UNSET:
            field_dict["finalized_at"] = finalized_at
        if normalized_amount is not UNSET:
            field_dict["normalized_amount"] = normalized_amount
        if settlement_ids is not UNSET:
            field_dict["settlement_ids"] = settlement_ids
        if underpaid is not UNSET:
            field_dict["underpaid"] = underpaid
        if overpaid is not UNSET:
            field_dict["overpaid"] = overpaid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = d.pop("invoice_id")

        status = d.pop("status")

        def _parse_finalized_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finalized_at = _parse_finalized_at(d.pop("finalized_at", UNSET))

        def _parse_normalized_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        normalized_amount = _parse_normalized_amount(d.pop("normalized_amount", UNSET))

        settlement_ids = cast(list[str], d.pop("settlement_ids", UNSET))

        underpaid = d.pop("underpaid", UNSET)

        overpaid = d.pop("overpaid", UNSET)

        _instance = cls(
            invoice_id=invoice_id,
            status=status,
            finalized_at=None if isinstance(finalized_at, Unset) else finalized_at,
            normalized_amount=None if isinstance(normalized_amount, Unset) else normalized_amount,
            settlement_ids=None if isinstance(settlement_ids, Unset) else settlement_ids,
            underpaid=None if isinstance(underpaid, Unset) else underpaid,
            overpaid=None if isinstance(overpaid, Unset) else overpaid,
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

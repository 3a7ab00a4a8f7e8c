from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payment_record import PaymentRecord


@cache
def _lazy_models() -> tuple[type[PaymentRecord],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.payment_record import PaymentRecord  # noqa: PLC0415

    return (PaymentRecord,)


T = TypeVar("T", bound="PaymentHistory")


@_attrs_define
class PaymentHistory:
    """
    Attributes:
        payments (list[PaymentRecord]):
        has_more (bool | None):
        total_count (int | None):
    """

    payments: list[PaymentRecord]
    has_more: bool | None = None
    total_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        has_more_or_unset = UNSET if self.has_more is None else self.has_more
        has_more = has_more_or_unset

        total_count_or_unset = UNSET if self.total_count is None else self.total_count
        total_count = total_count_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payments": payments,
            }
        )
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if total_count is not UNSET:
            field_dict["total_count"] = total_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (PaymentRecord,) = _lazy_models()
        d = dict(src_dict)
        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PaymentRecord.from_dict(payments_item_data)

            payments.append(payments_item)

        has_more = d.pop("has_more", UNSET)

        total_count = d.pop("total_count", UNSET)

        _instance = cls(
            payments=payments,
            has_more=None if isinstance(has_more, Unset) else has_more,
            total_count=None if isinstance(total_count, Unset) else total_count,
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

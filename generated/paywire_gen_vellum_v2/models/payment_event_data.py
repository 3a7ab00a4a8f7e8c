from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.push_invoice import PushInvoice


@cache
def _lazy_models() -> tuple[type[PushInvoice],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.push_invoice import PushInvoice  # noqa: PLC0415

    return (PushInvoice,)


T = TypeVar("T", bound="PaymentEventData")


@_attrs_define
class PaymentEventData:
    """
    Attributes:
        account_id (str):
        customer_id (str):
        invoice (PushInvoice): The push payload's invoice block (still raw ids, no `ref`, per upstream).
        seats (int | None):
    """

    account_id: str
    customer_id: str
    invoice: PushInvoice
    seats: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        customer_id = self.customer_id

        invoice = self.invoice.to_dict()

        seats_or_unset = UNSET if self.seats is None else self.seats
        seats = seats_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "customerId": customer_id,
                "invoice": invoice,
            }
        )
        if seats is not UNSET:
            field_dict["seats"] = seats

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (PushInvoice,) = _lazy_models()
        d = dict(src_dict)
        account_id = d.pop("accountId")

        customer_id = d.pop("customerId")

        invoice = PushInvoice.from_dict(d.pop("invoice"))

        seats = d.pop("seats", UNSET)

        _instance = cls(
            account_id=account_id,
            customer_id=customer_id,
            invoice=invoice,
            seats=None if isinstance(seats, Unset) else seats,
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

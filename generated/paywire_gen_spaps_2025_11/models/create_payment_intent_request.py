from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="CreatePaymentIntentRequest")


@_attrs_define
class CreatePaymentIntentRequest:
    """
    Attributes:
        amount (int): minor units
        currency (str):
        payment_method_types (list[str] | None):
        metadata (Metadata | None): free-form JSON object
    """

    amount: int
    currency: str
    payment_method_types: list[str] | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        payment_method_types_or_unset = UNSET if self.payment_method_types is None else self.payment_method_types
        payment_method_types: list[str] | Unset = UNSET
        if not isinstance(payment_method_types_or_unset, Unset):
            payment_method_types = payment_method_types_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
            }
        )
        if payment_method_types is not UNSET:
            field_dict["payment_method_types"] = payment_method_types
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        payment_method_types = cast(list[str], d.pop("payment_method_types", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        _instance = cls(
            amount=amount,
            currency=currency,
            payment_method_types=None if isinstance(payment_method_types, Unset) else payment_method_types,
            metadata=None if isinstance(metadata, Unset) else metadata,
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

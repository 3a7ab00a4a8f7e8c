from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price import Price


@cache
def _lazy_models() -> tuple[type[Price],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.price import Price  # noqa: PLC0415

    return (Price,)


T = TypeVar("T", bound="SubscriptionItem")


@_attrs_define
class SubscriptionItem:
    """
    Attributes:
        id (str | None):
        price (Price | None):
        quantity (int | None):
    """

    id: str | None = None
    price: Price | None = None
    quantity: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id_or_unset = UNSET if self.id is None else self.id
        id = id_or_unset

        price_or_unset = UNSET if self.price is None else self.price
        price: dict[str, Any] | Unset = UNSET
        if not isinstance(price_or_unset, Unset):
            price = price_or_unset.to_dict()

        quantity_or_unset = UNSET if self.quantity is None else self.quantity
        quantity = quantity_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if price is not UNSET:
            field_dict["price"] = price
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Price,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _price = d.pop("price", UNSET)
        price: Price | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = Price.from_dict(_price)

        quantity = d.pop("quantity", UNSET)

        _instance = cls(
            id=None if isinstance(id, Unset) else id,
            price=None if isinstance(price, Unset) else price,
            quantity=None if isinstance(quantity, Unset) else quantity,
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

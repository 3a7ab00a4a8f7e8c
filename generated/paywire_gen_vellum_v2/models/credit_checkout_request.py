from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_checkout_item import CreditCheckoutItem


@cache
def _lazy_models() -> tuple[type[CreditCheckoutItem],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.credit_checkout_item import CreditCheckoutItem  # noqa: PLC0415

    return (CreditCheckoutItem,)


T = TypeVar("T", bound="CreditCheckoutRequest")


@_attrs_define
class CreditCheckoutRequest:
    """
    Attributes:
        customer_id (str):
        success_url (str):
        cancel_url (str):
        items (list[CreditCheckoutItem] | None):
        credit_type_id (None | str): Single form; the SDK sends null when not given.
        pack_id (None | str): Single form; the SDK sends null when not given.
        quantity (int | None):
    """

    customer_id: str
    success_url: str
    cancel_url: str
    items: list[CreditCheckoutItem] | None = None
    credit_type_id: None | str = None
    pack_id: None | str = None
    quantity: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        success_url = self.success_url

        cancel_url = self.cancel_url

        items_or_unset = UNSET if self.items is None else self.items
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(items_or_unset, Unset):
            items = []
            for items_item_data in items_or_unset:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        credit_type_id_or_unset = UNSET if self.credit_type_id is None else self.credit_type_id
        credit_type_id: None | str | Unset
        if isinstance(credit_type_id_or_unset, Unset):
            credit_type_id = UNSET
        else:
            credit_type_id = credit_type_id_or_unset

        pack_id_or_unset = UNSET if self.pack_id is None else self.pack_id
        pack_id: None | str | Unset
        if isinstance(pack_id_or_unset, Unset):
            pack_id = UNSET
        else:
            pack_id = pack_id_or_unset

        quantity_or_unset = UNSET if self.quantity is None else self.quantity
        quantity = quantity_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerId": customer_id,
                "successUrl": success_url,
                "cancelUrl": cancel_url,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items
        if credit_type_id is not UNSET:
            field_dict["creditTypeId"] = credit_type_id
        if pack_id is not UNSET:
            field_dict["packId"] = pack_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (CreditCheckoutItem,) = _lazy_models()
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        success_url = d.pop("successUrl")

        cancel_url = d.pop("cancelUrl")

        _items = d.pop("items", UNSET)
        items: list[CreditCheckoutItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = CreditCheckoutItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_credit_type_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_type_id = _parse_credit_type_id(d.pop("creditTypeId", UNSET))

        def _parse_pack_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pack_id = _parse_pack_id(d.pop("packId", UNSET))

        quantity = d.pop("quantity", UNSET)

        _instance = cls(
            customer_id=customer_id,
            success_url=success_url,
            cancel_url=cancel_url,
            items=None if isinstance(items, Unset) else items,
            credit_type_id=None if isinstance(credit_type_id, Unset) else credit_type_id,
            pack_id=None if isinstance(pack_id, Unset) else pack_id,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutRequest")


@_attrs_define
class CheckoutRequest:
    """
    Attributes:
        customer_id (str):
        plan_id (str):
        seats (int): Always sent by the SDK (default 1).
        success_url (str):
        cancel_url (str):
        plan_version (int | None): Optional, not nullable. Omitted = newest version priced in this key's mode.
        product_id (str | None): Omitted = resolved from the catalog (400 if ambiguous).
        add_on_module_ids (list[str] | None):
    """

    customer_id: str
    plan_id: str
    seats: int
    success_url: str
    cancel_url: str
    plan_version: int | None = None
    product_id: str | None = None
    add_on_module_ids: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        plan_id = self.plan_id

        seats = self.seats

        success_url = self.success_url

        cancel_url = self.cancel_url

        plan_version_or_unset = UNSET if self.plan_version is None else self.plan_version
        plan_version = plan_version_or_unset

        product_id_or_unset = UNSET if self.product_id is None else self.product_id
        product_id = product_id_or_unset

        add_on_module_ids_or_unset = UNSET if self.add_on_module_ids is None else self.add_on_module_ids
        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(add_on_module_ids_or_unset, Unset):
            add_on_module_ids = add_on_module_ids_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerId": customer_id,
                "planId": plan_id,
                "seats": seats,
                "successUrl": success_url,
                "cancelUrl": cancel_url,
            }
        )
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if add_on_module_ids is not UNSET:
            field_dict["addOnModuleIds"] = add_on_module_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        plan_id = d.pop("planId")

        seats = d.pop("seats")

        success_url = d.pop("successUrl")

        cancel_url = d.pop("cancelUrl")

        plan_version = d.pop("planVersion", UNSET)

        product_id = d.pop("productId", UNSET)

        add_on_module_ids = cast(list[str], d.pop("addOnModuleIds", UNSET))

        _instance = cls(
            customer_id=customer_id,
            plan_id=plan_id,
            seats=seats,
            success_url=success_url,
            cancel_url=cancel_url,
            plan_version=None if isinstance(plan_version, Unset) else plan_version,
            product_id=None if isinstance(product_id, Unset) else product_id,
            add_on_module_ids=None if isinstance(add_on_module_ids, Unset) else add_on_module_ids,
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

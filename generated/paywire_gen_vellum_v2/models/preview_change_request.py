from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviewChangeRequest")


@_attrs_define
class PreviewChangeRequest:
    """Every field optional; omitted fields keep the current value.

    Attributes:
        product_id (str | Unset):
        plan_id (str | Unset):
        plan_version (int | Unset):
        seats (int | Unset):
        add_on_module_ids (list[str] | Unset):
    """

    product_id: str | Unset = UNSET
    plan_id: str | Unset = UNSET
    plan_version: int | Unset = UNSET
    seats: int | Unset = UNSET
    add_on_module_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        plan_id = self.plan_id

        plan_version = self.plan_version

        seats = self.seats

        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(self.add_on_module_ids, Unset):
            add_on_module_ids = self.add_on_module_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version
        if seats is not UNSET:
            field_dict["seats"] = seats
        if add_on_module_ids is not UNSET:
            field_dict["addOnModuleIds"] = add_on_module_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        product_id = d.pop("productId", UNSET)

        plan_id = d.pop("planId", UNSET)

        plan_version = d.pop("planVersion", UNSET)

        seats = d.pop("seats", UNSET)

        add_on_module_ids = cast(list[str], d.pop("addOnModuleIds", UNSET))

        preview_change_request = cls(
            product_id=product_id,
            plan_id=plan_id,
            plan_version=plan_version,
            seats=seats,
            add_on_module_ids=add_on_module_ids,
        )

        preview_change_request.additional_properties = d
        return preview_change_request

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

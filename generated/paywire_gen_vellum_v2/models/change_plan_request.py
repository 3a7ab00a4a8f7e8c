from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangePlanRequest")


@_attrs_define
class ChangePlanRequest:
    """
    Attributes:
        plan_id (str):
        plan_version (int):
        product_id (str | None):
    """

    plan_id: str
    plan_version: int
    product_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        plan_version = self.plan_version

        product_id_or_unset = UNSET if self.product_id is None else self.product_id
        product_id = product_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "planId": plan_id,
                "planVersion": plan_version,
            }
        )
        if product_id is not UNSET:
            field_dict["productId"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = d.pop("planId")

        plan_version = d.pop("planVersion")

        product_id = d.pop("productId", UNSET)

        _instance = cls(
            plan_id=plan_id,
            plan_version=plan_version,
            product_id=None if isinstance(product_id, Unset) else product_id,
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

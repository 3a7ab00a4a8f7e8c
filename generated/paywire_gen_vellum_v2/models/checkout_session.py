from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutSession")


@_attrs_define
class CheckoutSession:
    """
    Attributes:
        url (str): Hosted page to redirect the customer to.
        session_id (str | None): Checkout session id (DECISION).
        plan_id (str | None):
        plan_version (int | None): The version actually sold (echo).
        product_id (str | None):
        seats (int | None):
        add_on_module_ids (list[str] | None):
    """

    url: str
    session_id: str | None = None
    plan_id: str | None = None
    plan_version: int | None = None
    product_id: str | None = None
    seats: int | None = None
    add_on_module_ids: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        session_id_or_unset = UNSET if self.session_id is None else self.session_id
        session_id = session_id_or_unset

        plan_id_or_unset = UNSET if self.plan_id is None else self.plan_id
        plan_id = plan_id_or_unset

        plan_version_or_unset = UNSET if self.plan_version is None else self.plan_version
        plan_version = plan_version_or_unset

        product_id_or_unset = UNSET if self.product_id is None else self.product_id
        product_id = product_id_or_unset

        seats_or_unset = UNSET if self.seats is None else self.seats
        seats = seats_or_unset

        add_on_module_ids_or_unset = UNSET if self.add_on_module_ids is None else self.add_on_module_ids
        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(add_on_module_ids_or_unset, Unset):
            add_on_module_ids = add_on_module_ids_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if seats is not UNSET:
            field_dict["seats"] = seats
        if add_on_module_ids is not UNSET:
            field_dict["addOnModuleIds"] = add_on_module_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        session_id = d.pop("sessionId", UNSET)

        plan_id = d.pop("planId", UNSET)

        plan_version = d.pop("planVersion", UNSET)

        product_id = d.pop("productId", UNSET)

        seats = d.pop("seats", UNSET)

        add_on_module_ids = cast(list[str], d.pop("addOnModuleIds", UNSET))

        _instance = cls(
            url=url,
            session_id=None if isinstance(session_id, Unset) else session_id,
            plan_id=None if isinstance(plan_id, Unset) else plan_id,
            plan_version=None if isinstance(plan_version, Unset) else plan_version,
            product_id=None if isinstance(product_id, Unset) else product_id,
            seats=None if isinstance(seats, Unset) else seats,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAccountRequest")


@_attrs_define
class CreateAccountRequest:
    """
    Attributes:
        account_id (str):
        name (str | None):
        email (str | None):
        stripe_customer_id (str | None): Adopt this existing Stripe customer.
        create_stripe_customer (bool | None): Only ever sent as `true`; asks Vellum to create the Stripe customer.
    """

    account_id: str
    name: str | None = None
    email: str | None = None
    stripe_customer_id: str | None = None
    create_stripe_customer: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        name_or_unset = UNSET if self.name is None else self.name
        name = name_or_unset

        email_or_unset = UNSET if self.email is None else self.email
        email = email_or_unset

        stripe_customer_id_or_unset = UNSET if self.stripe_customer_id is None else self.stripe_customer_id
        stripe_customer_id = stripe_customer_id_or_unset

        create_stripe_customer_or_unset = UNSET if self.create_stripe_customer is None else self.create_stripe_customer
        create_stripe_customer = create_stripe_customer_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if stripe_customer_id is not UNSET:
            field_dict["stripeCustomerId"] = stripe_customer_id
        if create_stripe_customer is not UNSET:
            field_dict["createStripeCustomer"] = create_stripe_customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        stripe_customer_id = d.pop("stripeCustomerId", UNSET)

        create_stripe_customer = d.pop("createStripeCustomer", UNSET)

        _instance = cls(
            account_id=account_id,
            name=None if isinstance(name, Unset) else name,
            email=None if isinstance(email, Unset) else email,
            stripe_customer_id=None if isinstance(stripe_customer_id, Unset) else stripe_customer_id,
            create_stripe_customer=None if isinstance(create_stripe_customer, Unset) else create_stripe_customer,
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

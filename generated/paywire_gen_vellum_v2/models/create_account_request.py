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
        name (str | Unset):
        email (str | Unset):
        billing_customer_id (str | Unset): Adopt this existing billing (Stripe) customer.
        create_billing_customer (bool | Unset): Only ever sent as `true`; asks VellumCharter to create the billing
            customer.
    """

    account_id: str
    name: str | Unset = UNSET
    email: str | Unset = UNSET
    billing_customer_id: str | Unset = UNSET
    create_billing_customer: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        name = self.name

        email = self.email

        billing_customer_id = self.billing_customer_id

        create_billing_customer = self.create_billing_customer

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
        if billing_customer_id is not UNSET:
            field_dict["billingCustomerId"] = billing_customer_id
        if create_billing_customer is not UNSET:
            field_dict["createBillingCustomer"] = create_billing_customer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        billing_customer_id = d.pop("billingCustomerId", UNSET)

        create_billing_customer = d.pop("createBillingCustomer", UNSET)

        create_account_request = cls(
            account_id=account_id,
            name=name,
            email=email,
            billing_customer_id=billing_customer_id,
            create_billing_customer=create_billing_customer,
        )

        create_account_request.additional_properties = d
        return create_account_request

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

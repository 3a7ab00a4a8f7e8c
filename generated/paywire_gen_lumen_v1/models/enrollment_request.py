from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentRequest")


@_attrs_define
class EnrollmentRequest:
    """
    Attributes:
        customer_email (str):
        customer_name (str):
        user_id (str): Your own user id (stored as the external customer id)
        plan_id (str | None):
        billing_address_line_1 (None | str):
        billing_address_line_2 (None | str):
        billing_city (None | str):
        billing_postal_code (None | str):
        billing_country (None | str): ISO 3166-1 alpha-2
        tax_id (None | str):
    """

    customer_email: str
    customer_name: str
    user_id: str
    plan_id: str | None = None
    billing_address_line_1: None | str = None
    billing_address_line_2: None | str = None
    billing_city: None | str = None
    billing_postal_code: None | str = None
    billing_country: None | str = None
    tax_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_email = self.customer_email

        customer_name = self.customer_name

        user_id = self.user_id

        plan_id_or_unset = UNSET if self.plan_id is None else self.plan_id
        plan_id = plan_id_or_unset

        billing_address_line_1_or_unset = UNSET if self.billing_address_line_1 is None else self.billing_address_line_1
        billing_address_line_1: None | str | Unset
        if isinstance(billing_address_line_1_or_unset, Unset):
            billing_address_line_1 = UNSET
        else:
            billing_address_line_1 = billing_address_line_1_or_unset

        billing_address_line_2_or_unset = UNSET if self.billing_address_line_2 is None else self.billing_address_line_2
        billing_address_line_2: None | str | Unset
        if isinstance(billing_address_line_2_or_unset, Unset):
            billing_address_line_2 = UNSET
        else:
            billing_address_line_2 = billing_address_line_2_or_unset

        billing_city_or_unset = UNSET if self.billing_city is None else self.billing_city
        billing_city: None | str | Unset
        if isinstance(billing_city_or_unset, Unset):
            billing_city = UNSET
        else:
            billing_city = billing_city_or_unset

        billing_postal_code_or_unset = UNSET if self.billing_postal_code is None else self.billing_postal_code
        billing_postal_code: None | str | Unset
        if isinstance(billing_postal_code_or_unset, Unset):
            billing_postal_code = UNSET
        else:
            billing_postal_code = billing_postal_code_or_unset

        billing_country_or_unset = UNSET if self.billing_country is None else self.billing_country
        billing_country: None | str | Unset
        if isinstance(billing_country_or_unset, Unset):
            billing_country = UNSET
        else:
            billing_country = billing_country_or_unset

        tax_id_or_unset = UNSET if self.tax_id is None else self.tax_id
        tax_id: None | str | Unset
        if isinstance(tax_id_or_unset, Unset):
            tax_id = UNSET
        else:
            tax_id = tax_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerEmail": customer_email,
                "customerName": customer_name,
                "userId": user_id,
            }
        )
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if billing_address_line_1 is not UNSET:
            field_dict["billingAddressLine1"] = billing_address_line_1
        if billing_address_line_2 is not UNSET:
            field_dict["billingAddressLine2"] = billing_address_line_2
        if billing_city is not UNSET:
            field_dict["billingCity"] = billing_city
        if billing_postal_code is not UNSET:
            field_dict["billingPostalCode"] = billing_postal_code
        if billing_country is not UNSET:
            field_dict["billingCountry"] = billing_country
        if tax_id is not UNSET:
            field_dict["taxId"] = tax_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_email = d.pop("customerEmail")

        customer_name = d.pop("customerName")

        user_id = d.pop("userId")

        plan_id = d.pop("planId", UNSET)

        def _parse_billing_address_line_1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_address_line_1 = _parse_billing_address_line_1(d.pop("billingAddressLine1", UNSET))

        def _parse_billing_address_line_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_address_line_2 = _parse_billing_address_line_2(d.pop("billingAddressLine2", UNSET))

        def _parse_billing_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_city = _parse_billing_city(d.pop("billingCity", UNSET))

        def _parse_billing_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_postal_code = _parse_billing_postal_code(d.pop("billingPostalCode", UNSET))

        def _parse_billing_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_country = _parse_billing_country(d.pop("billingCountry", UNSET))

        def _parse_tax_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_id = _parse_tax_id(d.pop("taxId", UNSET))

        _instance = cls(
            customer_email=customer_email,
            customer_name=customer_name,
            user_id=user_id,
            plan_id=None if isinstance(plan_id, Unset) else plan_id,
            billing_address_line_1=None if isinstance(billing_address_line_1, Unset) else billing_address_line_1,
            billing_address_line_2=None if isinstance(billing_address_line_2, Unset) else billing_address_line_2,
            billing_city=None if isinstance(billing_city, Unset) else billing_city,
            billing_postal_code=None if isinstance(billing_postal_code, Unset) else billing_postal_code,
            billing_country=None if isinstance(billing_country, Unset) else billing_country,
            tax_id=None if isinstance(tax_id, Unset) else tax_id,
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

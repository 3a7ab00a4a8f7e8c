from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        customer_id (str):
        account_id (str | None):
        email (None | str):
        name (None | str):
        status (str | None):
    """

    customer_id: str
    account_id: str | None = None
    email: None | str = None
    name: None | str = None
    status: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        account_id_or_unset = UNSET if self.account_id is None else self.account_id
        account_id = account_id_or_unset

        email_or_unset = UNSET if self.email is None else self.email
        email: None | str | Unset
        if isinstance(email_or_unset, Unset):
            email = UNSET
        else:
            email = email_or_unset

        name_or_unset = UNSET if self.name is None else self.name
        name: None | str | Unset
        if isinstance(name_or_unset, Unset):
            name = UNSET
        else:
            name = name_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerId": customer_id,
            }
        )
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        account_id = d.pop("accountId", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        status = d.pop("status", UNSET)

        _instance = cls(
            customer_id=customer_id,
            account_id=None if isinstance(account_id, Unset) else account_id,
            email=None if isinstance(email, Unset) else email,
            name=None if isinstance(name, Unset) else name,
            status=None if isinstance(status, Unset) else status,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestCheckoutCreated")


@_attrs_define
class GuestCheckoutCreated:
    """camelCase on the wire

    Attributes:
        id (str):
        url (str):
        expires_at (int | None | str): unix seconds or ISO-8601 (not stated)
        customer_email (None | str):
        client_reference_id (None | str):
        success_url (None | str):
        cancel_url (None | str):
    """

    id: str
    url: str
    expires_at: int | None | str = None
    customer_email: None | str = None
    client_reference_id: None | str = None
    success_url: None | str = None
    cancel_url: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: int | None | str | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        else:
            expires_at = expires_at_or_unset

        customer_email_or_unset = UNSET if self.customer_email is None else self.customer_email
        customer_email: None | str | Unset
        if isinstance(customer_email_or_unset, Unset):
            customer_email = UNSET
        else:
            customer_email = customer_email_or_unset

        client_reference_id_or_unset = UNSET if self.client_reference_id is None else self.client_reference_id
        client_reference_id: None | str | Unset
        if isinstance(client_reference_id_or_unset, Unset):
            client_reference_id = UNSET
        else:
            client_reference_id = client_reference_id_or_unset

        success_url_or_unset = UNSET if self.success_url is None else self.success_url
        success_url: None | str | Unset
        if isinstance(success_url_or_unset, Unset):
            success_url = UNSET
        else:
            success_url = success_url_or_unset

        cancel_url_or_unset = UNSET if self.cancel_url is None else self.cancel_url
        cancel_url: None | str | Unset
        if isinstance(cancel_url_or_unset, Unset):
            cancel_url = UNSET
        else:
            cancel_url = cancel_url_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
            }
        )
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if customer_email is not UNSET:
            field_dict["customerEmail"] = customer_email
        if client_reference_id is not UNSET:
            field_dict["clientReferenceId"] = client_reference_id
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url
        if cancel_url is not UNSET:
            field_dict["cancelUrl"] = cancel_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        def _parse_expires_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expiresAt", UNSET))

        def _parse_customer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_email = _parse_customer_email(d.pop("customerEmail", UNSET))

        def _parse_client_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_reference_id = _parse_client_reference_id(d.pop("clientReferenceId", UNSET))

        def _parse_success_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        success_url = _parse_success_url(d.pop("successUrl", UNSET))

        def _parse_cancel_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_url = _parse_cancel_url(d.pop("cancelUrl", UNSET))

        _instance = cls(
            id=id,
            url=url,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            customer_email=None if isinstance(customer_email, Unset) else customer_email,
            client_reference_id=None if isinstance(client_reference_id, Unset) else client_reference_id,
            success_url=None if isinstance(success_url, Unset) else success_url,
            cancel_url=None if isinstance(cancel_url, Unset) else cancel_url,
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

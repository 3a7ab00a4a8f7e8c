from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentIntent")


@_attrs_define
class PaymentIntent:
    """
    Attributes:
        payment_intent_id (str):
        client_secret (str | None):
        status (str | None):
    """

    payment_intent_id: str
    client_secret: str | None = None
    status: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        payment_intent_id = self.payment_intent_id

        client_secret_or_unset = UNSET if self.client_secret is None else self.client_secret
        client_secret = client_secret_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payment_intent_id": payment_intent_id,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_intent_id = d.pop("payment_intent_id")

        client_secret = d.pop("client_secret", UNSET)

        status = d.pop("status", UNSET)

        _instance = cls(
            payment_intent_id=payment_intent_id,
            client_secret=None if isinstance(client_secret, Unset) else client_secret,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NonceData")


@_attrs_define
class NonceData:
    """
    Attributes:
        nonce (str):
        message (str): the exact text to sign
        wallet_address (str | Unset):
        expires_at (str | Unset): ISO-8601 (about 5 minutes ahead)
        chain_type (str | Unset):
    """

    nonce: str
    message: str
    wallet_address: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    chain_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        message = self.message

        wallet_address = self.wallet_address

        expires_at = self.expires_at

        chain_type = self.chain_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "message": message,
            }
        )
        if wallet_address is not UNSET:
            field_dict["wallet_address"] = wallet_address
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        message = d.pop("message")

        wallet_address = d.pop("wallet_address", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        chain_type = d.pop("chain_type", UNSET)

        nonce_data = cls(
            nonce=nonce,
            message=message,
            wallet_address=wallet_address,
            expires_at=expires_at,
            chain_type=chain_type,
        )

        nonce_data.additional_properties = d
        return nonce_data

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

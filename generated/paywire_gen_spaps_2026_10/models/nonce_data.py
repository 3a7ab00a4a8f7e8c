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
        wallet_address (str | None):
        expires_at (str | None): ISO-8601 (about 5 minutes ahead)
        chain_type (str | None):
    """

    nonce: str
    message: str
    wallet_address: str | None = None
    expires_at: str | None = None
    chain_type: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        message = self.message

        wallet_address_or_unset = UNSET if self.wallet_address is None else self.wallet_address
        wallet_address = wallet_address_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type = chain_type_or_unset

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

        _instance = cls(
            nonce=nonce,
            message=message,
            wallet_address=None if isinstance(wallet_address, Unset) else wallet_address,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            chain_type=None if isinstance(chain_type, Unset) else chain_type,
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

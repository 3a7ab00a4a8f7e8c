from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wallet_sign_in_request_chain_type import WalletSignInRequestChainType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletSignInRequest")


@_attrs_define
class WalletSignInRequest:
    """
    Attributes:
        wallet_address (str):
        signature (str): solana: base58 (or base64) ed25519 signature; ethereum: 0x-hex 65-byte r||s||v
        message (str): the nonce `message`
        chain_type (WalletSignInRequestChainType | None):
    """

    wallet_address: str
    signature: str
    message: str
    chain_type: WalletSignInRequestChainType | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        wallet_address = self.wallet_address

        signature = self.signature

        message = self.message

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type: str | Unset = UNSET
        if not isinstance(chain_type_or_unset, Unset):
            chain_type = chain_type_or_unset.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "wallet_address": wallet_address,
                "signature": signature,
                "message": message,
            }
        )
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet_address = d.pop("wallet_address")

        signature = d.pop("signature")

        message = d.pop("message")

        _chain_type = d.pop("chain_type", UNSET)
        chain_type: WalletSignInRequestChainType | Unset
        if isinstance(_chain_type, Unset):
            chain_type = UNSET
        else:
            chain_type = WalletSignInRequestChainType(_chain_type)

        _instance = cls(
            wallet_address=wallet_address,
            signature=signature,
            message=message,
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

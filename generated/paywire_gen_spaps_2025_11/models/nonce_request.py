from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.nonce_request_chain import NonceRequestChain
from ..models.nonce_request_chain_type import NonceRequestChainType
from ..types import UNSET, Unset

T = TypeVar("T", bound="NonceRequest")


@_attrs_define
class NonceRequest:
    """
    Attributes:
        wallet_address (str):
        chain_type (NonceRequestChainType | None): canonical chain field
        chain (NonceRequestChain | None): legacy alias of `chain_type` sent by the 0.1.4 SDK; `chain_type` wins when
            both are present
    """

    wallet_address: str
    chain_type: NonceRequestChainType | None = None
    chain: NonceRequestChain | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        wallet_address = self.wallet_address

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type: str | Unset = UNSET
        if not isinstance(chain_type_or_unset, Unset):
            chain_type = chain_type_or_unset.value

        chain_or_unset = UNSET if self.chain is None else self.chain
        chain: str | Unset = UNSET
        if not isinstance(chain_or_unset, Unset):
            chain = chain_or_unset.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "wallet_address": wallet_address,
            }
        )
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type
        if chain is not UNSET:
            field_dict["chain"] = chain

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet_address = d.pop("wallet_address")

        _chain_type = d.pop("chain_type", UNSET)
        chain_type: NonceRequestChainType | Unset
        if isinstance(_chain_type, Unset):
            chain_type = UNSET
        else:
            chain_type = NonceRequestChainType(_chain_type)

        _chain = d.pop("chain", UNSET)
        chain: NonceRequestChain | Unset
        if isinstance(_chain, Unset):
            chain = UNSET
        else:
            chain = NonceRequestChain(_chain)

        _instance = cls(
            wallet_address=wallet_address,
            chain_type=None if isinstance(chain_type, Unset) else chain_type,
            chain=None if isinstance(chain, Unset) else chain,
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

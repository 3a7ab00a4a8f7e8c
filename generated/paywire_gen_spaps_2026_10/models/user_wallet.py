from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserWallet")


@_attrs_define
class UserWallet:
    """
    Attributes:
        wallet_address (str | None):
        chain_type (str | None):
        verified (bool | None):
    """

    wallet_address: str | None = None
    chain_type: str | None = None
    verified: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        wallet_address_or_unset = UNSET if self.wallet_address is None else self.wallet_address
        wallet_address = wallet_address_or_unset

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type = chain_type_or_unset

        verified_or_unset = UNSET if self.verified is None else self.verified
        verified = verified_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if wallet_address is not UNSET:
            field_dict["wallet_address"] = wallet_address
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type
        if verified is not UNSET:
            field_dict["verified"] = verified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet_address = d.pop("wallet_address", UNSET)

        chain_type = d.pop("chain_type", UNSET)

        verified = d.pop("verified", UNSET)

        _instance = cls(
            wallet_address=None if isinstance(wallet_address, Unset) else wallet_address,
            chain_type=None if isinstance(chain_type, Unset) else chain_type,
            verified=None if isinstance(verified, Unset) else verified,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionContextWallet")


@_attrs_define
class SessionContextWallet:
    """
    Attributes:
        wallet_address (str):
        id (None | str):
        chain_type (None | str):
        is_primary (bool | None):
        verified_at (None | str): ISO-8601
        created_at (None | str): ISO-8601
    """

    wallet_address: str
    id: None | str = None
    chain_type: None | str = None
    is_primary: bool | None = None
    verified_at: None | str = None
    created_at: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        wallet_address = self.wallet_address

        id_or_unset = UNSET if self.id is None else self.id
        id: None | str | Unset
        if isinstance(id_or_unset, Unset):
            id = UNSET
        else:
            id = id_or_unset

        chain_type_or_unset = UNSET if self.chain_type is None else self.chain_type
        chain_type: None | str | Unset
        if isinstance(chain_type_or_unset, Unset):
            chain_type = UNSET
        else:
            chain_type = chain_type_or_unset

        is_primary_or_unset = UNSET if self.is_primary is None else self.is_primary
        is_primary: bool | None | Unset
        if isinstance(is_primary_or_unset, Unset):
            is_primary = UNSET
        else:
            is_primary = is_primary_or_unset

        verified_at_or_unset = UNSET if self.verified_at is None else self.verified_at
        verified_at: None | str | Unset
        if isinstance(verified_at_or_unset, Unset):
            verified_at = UNSET
        else:
            verified_at = verified_at_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(created_at_or_unset, Unset):
            created_at = UNSET
        else:
            created_at = created_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "wallet_address": wallet_address,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if chain_type is not UNSET:
            field_dict["chain_type"] = chain_type
        if is_primary is not UNSET:
            field_dict["is_primary"] = is_primary
        if verified_at is not UNSET:
            field_dict["verified_at"] = verified_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet_address = d.pop("wallet_address")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_chain_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chain_type = _parse_chain_type(d.pop("chain_type", UNSET))

        def _parse_is_primary(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_primary = _parse_is_primary(d.pop("is_primary", UNSET))

        def _parse_verified_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        verified_at = _parse_verified_at(d.pop("verified_at", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        _instance = cls(
            wallet_address=wallet_address,
            id=None if isinstance(id, Unset) else id,
            chain_type=None if isinstance(chain_type, Unset) else chain_type,
            is_primary=None if isinstance(is_primary, Unset) else is_primary,
            verified_at=None if isinstance(verified_at, Unset) else verified_at,
            created_at=None if isinstance(created_at, Unset) else created_at,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="AuthUser")


@_attrs_define
class AuthUser:
    """user as returned with tokens (login, wallet sign-in, register, magic link)

    Attributes:
        id (str):
        email (None | str):
        username (None | str):
        wallet_address (None | str):
        chain (None | str):
        wallets (list[str] | None):
        tier (None | str):
        email_confirmed (bool | None):
        phone_number (None | str):
        roles (list[str] | None):
        permissions (list[str] | None):
        is_admin (bool | None): camelCase on the wire
        metadata (Metadata | None):
    """

    id: str
    email: None | str = None
    username: None | str = None
    wallet_address: None | str = None
    chain: None | str = None
    wallets: list[str] | None = None
    tier: None | str = None
    email_confirmed: bool | None = None
    phone_number: None | str = None
    roles: list[str] | None = None
    permissions: list[str] | None = None
    is_admin: bool | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = self.id

        email_or_unset = UNSET if self.email is None else self.email
        email: None | str | Unset
        if isinstance(email_or_unset, Unset):
            email = UNSET
        else:
            email = email_or_unset

        username_or_unset = UNSET if self.username is None else self.username
        username: None | str | Unset
        if isinstance(username_or_unset, Unset):
            username = UNSET
        else:
            username = username_or_unset

        wallet_address_or_unset = UNSET if self.wallet_address is None else self.wallet_address
        wallet_address: None | str | Unset
        if isinstance(wallet_address_or_unset, Unset):
            wallet_address = UNSET
        else:
            wallet_address = wallet_address_or_unset

        chain_or_unset = UNSET if self.chain is None else self.chain
        chain: None | str | Unset
        if isinstance(chain_or_unset, Unset):
            chain = UNSET
        else:
            chain = chain_or_unset

        wallets_or_unset = UNSET if self.wallets is None else self.wallets
        wallets: list[str] | None | Unset
        if isinstance(wallets_or_unset, Unset):
            wallets = UNSET
        elif isinstance(wallets_or_unset, list):
            wallets = wallets_or_unset

        else:
            wallets = wallets_or_unset

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        email_confirmed_or_unset = UNSET if self.email_confirmed is None else self.email_confirmed
        email_confirmed: bool | None | Unset
        if isinstance(email_confirmed_or_unset, Unset):
            email_confirmed = UNSET
        else:
            email_confirmed = email_confirmed_or_unset

        phone_number_or_unset = UNSET if self.phone_number is None else self.phone_number
        phone_number: None | str | Unset
        if isinstance(phone_number_or_unset, Unset):
            phone_number = UNSET
        else:
            phone_number = phone_number_or_unset

        roles_or_unset = UNSET if self.roles is None else self.roles
        roles: list[str] | None | Unset
        if isinstance(roles_or_unset, Unset):
            roles = UNSET
        elif isinstance(roles_or_unset, list):
            roles = roles_or_unset

        else:
            roles = roles_or_unset

        permissions_or_unset = UNSET if self.permissions is None else self.permissions
        permissions: list[str] | None | Unset
        if isinstance(permissions_or_unset, Unset):
            permissions = UNSET
        elif isinstance(permissions_or_unset, list):
            permissions = permissions_or_unset

        else:
            permissions = permissions_or_unset

        is_admin_or_unset = UNSET if self.is_admin is None else self.is_admin
        is_admin = is_admin_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if username is not UNSET:
            field_dict["username"] = username
        if wallet_address is not UNSET:
            field_dict["wallet_address"] = wallet_address
        if chain is not UNSET:
            field_dict["chain"] = chain
        if wallets is not UNSET:
            field_dict["wallets"] = wallets
        if tier is not UNSET:
            field_dict["tier"] = tier
        if email_confirmed is not UNSET:
            field_dict["email_confirmed"] = email_confirmed
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if roles is not UNSET:
            field_dict["roles"] = roles
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if is_admin is not UNSET:
            field_dict["isAdmin"] = is_admin
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_wallet_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wallet_address = _parse_wallet_address(d.pop("wallet_address", UNSET))

        def _parse_chain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chain = _parse_chain(d.pop("chain", UNSET))

        def _parse_wallets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                wallets_type_0 = cast(list[str], data)

                return wallets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        wallets = _parse_wallets(d.pop("wallets", UNSET))

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        def _parse_email_confirmed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        email_confirmed = _parse_email_confirmed(d.pop("email_confirmed", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_permissions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                permissions_type_0 = cast(list[str], data)

                return permissions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        is_admin = d.pop("isAdmin", UNSET)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _instance = cls(
            id=id,
            email=None if isinstance(email, Unset) else email,
            username=None if isinstance(username, Unset) else username,
            wallet_address=None if isinstance(wallet_address, Unset) else wallet_address,
            chain=None if isinstance(chain, Unset) else chain,
            wallets=None if isinstance(wallets, Unset) else wallets,
            tier=None if isinstance(tier, Unset) else tier,
            email_confirmed=None if isinstance(email_confirmed, Unset) else email_confirmed,
            phone_number=None if isinstance(phone_number, Unset) else phone_number,
            roles=None if isinstance(roles, Unset) else roles,
            permissions=None if isinstance(permissions, Unset) else permissions,
            is_admin=None if isinstance(is_admin, Unset) else is_admin,
            metadata=None if isinstance(metadata, Unset) else metadata,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.user_wallet import UserWallet


@cache
def _lazy_models() -> tuple[
    type[Metadata],
    type[UserWallet],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415
    from ..models.user_wallet import UserWallet  # noqa: PLC0415

    return (
        Metadata,
        UserWallet,
    )


T = TypeVar("T", bound="CurrentUser")


@_attrs_define
class CurrentUser:
    """
    Attributes:
        id (str):
        username (None | str):
        email (None | str):
        phone_number (None | str):
        wallets (list[UserWallet] | None):
        tier (None | str):
        metadata (Metadata | None): free-form JSON object
    """

    id: str
    username: None | str = None
    email: None | str = None
    phone_number: None | str = None
    wallets: list[UserWallet] | None = None
    tier: None | str = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username_or_unset = UNSET if self.username is None else self.username
        username: None | str | Unset
        if isinstance(username_or_unset, Unset):
            username = UNSET
        else:
            username = username_or_unset

        email_or_unset = UNSET if self.email is None else self.email
        email: None | str | Unset
        if isinstance(email_or_unset, Unset):
            email = UNSET
        else:
            email = email_or_unset

        phone_number_or_unset = UNSET if self.phone_number is None else self.phone_number
        phone_number: None | str | Unset
        if isinstance(phone_number_or_unset, Unset):
            phone_number = UNSET
        else:
            phone_number = phone_number_or_unset

        wallets_or_unset = UNSET if self.wallets is None else self.wallets
        wallets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(wallets_or_unset, Unset):
            wallets = []
            for wallets_item_data in wallets_or_unset:
                wallets_item = wallets_item_data.to_dict()
                wallets.append(wallets_item)

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username
        if email is not UNSET:
            field_dict["email"] = email
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if wallets is not UNSET:
            field_dict["wallets"] = wallets
        if tier is not UNSET:
            field_dict["tier"] = tier
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Metadata,
            UserWallet,
        ) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        _wallets = d.pop("wallets", UNSET)
        wallets: list[UserWallet] | Unset = UNSET
        if _wallets is not UNSET:
            wallets = []
            for wallets_item_data in _wallets:
                wallets_item = UserWallet.from_dict(wallets_item_data)

                wallets.append(wallets_item)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        _instance = cls(
            id=id,
            username=None if isinstance(username, Unset) else username,
            email=None if isinstance(email, Unset) else email,
            phone_number=None if isinstance(phone_number, Unset) else phone_number,
            wallets=None if isinstance(wallets, Unset) else wallets,
            tier=None if isinstance(tier, Unset) else tier,
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

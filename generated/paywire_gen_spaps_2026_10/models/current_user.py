from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.user_wallet import UserWallet


T = TypeVar("T", bound="CurrentUser")


@_attrs_define
class CurrentUser:
    """
    Attributes:
        id (str):
        username (None | str | Unset):
        email (None | str | Unset):
        phone_number (None | str | Unset):
        wallets (list[UserWallet] | None | Unset): null for a walletless provider profile (same as empty)
        tier (None | str | Unset):
        metadata (Metadata | Unset): free-form JSON object
    """

    id: str
    username: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    wallets: list[UserWallet] | None | Unset = UNSET
    tier: None | str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        wallets: list[dict[str, Any]] | None | Unset
        if isinstance(self.wallets, Unset):
            wallets = UNSET
        elif isinstance(self.wallets, list):
            wallets = []
            for wallets_type_0_item_data in self.wallets:
                wallets_type_0_item = wallets_type_0_item_data.to_dict()
                wallets.append(wallets_type_0_item)

        else:
            wallets = self.wallets

        tier: None | str | Unset
        if isinstance(self.tier, Unset):
            tier = UNSET
        else:
            tier = self.tier

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

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
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.user_wallet import UserWallet  # noqa: PLC0415

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

        def _parse_wallets(data: object) -> list[UserWallet] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                wallets_type_0 = []
                _wallets_type_0 = data
                for wallets_type_0_item_data in _wallets_type_0:
                    wallets_type_0_item = UserWallet.from_dict(wallets_type_0_item_data)

                    wallets_type_0.append(wallets_type_0_item)

                return wallets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UserWallet] | None | Unset, data)

        wallets = _parse_wallets(d.pop("wallets", UNSET))

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

        current_user = cls(
            id=id,
            username=username,
            email=email,
            phone_number=phone_number,
            wallets=wallets,
            tier=tier,
            metadata=metadata,
        )

        current_user.additional_properties = d
        return current_user

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

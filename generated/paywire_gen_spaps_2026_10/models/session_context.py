from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_user import CurrentUser
    from ..models.session_context_entitlements_item import SessionContextEntitlementsItem
    from ..models.session_context_wallet import SessionContextWallet


@cache
def _lazy_models() -> tuple[
    type[CurrentUser],
    type[SessionContextEntitlementsItem],
    type[SessionContextWallet],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.current_user import CurrentUser  # noqa: PLC0415
    from ..models.session_context_entitlements_item import SessionContextEntitlementsItem  # noqa: PLC0415
    from ..models.session_context_wallet import SessionContextWallet  # noqa: PLC0415

    return (
        CurrentUser,
        SessionContextEntitlementsItem,
        SessionContextWallet,
    )


T = TypeVar("T", bound="SessionContext")


@_attrs_define
class SessionContext:
    """decision 12

    Attributes:
        user (CurrentUser):
        entitlements (list[SessionContextEntitlementsItem] | None):
        entitlements_count (int | None):
        wallets (list[SessionContextWallet] | None):
        tier (None | str):
        mfa_enrolled (bool | None):
        methods_hint (None | str): where the auth methods are listed
        application_capabilities (list[str] | None):
    """

    user: CurrentUser
    entitlements: list[SessionContextEntitlementsItem] | None = None
    entitlements_count: int | None = None
    wallets: list[SessionContextWallet] | None = None
    tier: None | str = None
    mfa_enrolled: bool | None = None
    methods_hint: None | str = None
    application_capabilities: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        entitlements_or_unset = UNSET if self.entitlements is None else self.entitlements
        entitlements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(entitlements_or_unset, Unset):
            entitlements = []
            for entitlements_item_data in entitlements_or_unset:
                entitlements_item = entitlements_item_data.to_dict()
                entitlements.append(entitlements_item)

        entitlements_count_or_unset = UNSET if self.entitlements_count is None else self.entitlements_count
        entitlements_count = entitlements_count_or_unset

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

        mfa_enrolled_or_unset = UNSET if self.mfa_enrolled is None else self.mfa_enrolled
        mfa_enrolled = mfa_enrolled_or_unset

        methods_hint_or_unset = UNSET if self.methods_hint is None else self.methods_hint
        methods_hint: None | str | Unset
        if isinstance(methods_hint_or_unset, Unset):
            methods_hint = UNSET
        else:
            methods_hint = methods_hint_or_unset

        application_capabilities_or_unset = (
            UNSET if self.application_capabilities is None else self.application_capabilities
        )
        application_capabilities: list[str] | Unset = UNSET
        if not isinstance(application_capabilities_or_unset, Unset):
            application_capabilities = application_capabilities_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
            }
        )
        if entitlements is not UNSET:
            field_dict["entitlements"] = entitlements
        if entitlements_count is not UNSET:
            field_dict["entitlements_count"] = entitlements_count
        if wallets is not UNSET:
            field_dict["wallets"] = wallets
        if tier is not UNSET:
            field_dict["tier"] = tier
        if mfa_enrolled is not UNSET:
            field_dict["mfa_enrolled"] = mfa_enrolled
        if methods_hint is not UNSET:
            field_dict["methods_hint"] = methods_hint
        if application_capabilities is not UNSET:
            field_dict["application_capabilities"] = application_capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            CurrentUser,
            SessionContextEntitlementsItem,
            SessionContextWallet,
        ) = _lazy_models()
        d = dict(src_dict)
        user = CurrentUser.from_dict(d.pop("user"))

        _entitlements = d.pop("entitlements", UNSET)
        entitlements: list[SessionContextEntitlementsItem] | Unset = UNSET
        if _entitlements is not UNSET:
            entitlements = []
            for entitlements_item_data in _entitlements:
                entitlements_item = SessionContextEntitlementsItem.from_dict(entitlements_item_data)

                entitlements.append(entitlements_item)

        entitlements_count = d.pop("entitlements_count", UNSET)

        _wallets = d.pop("wallets", UNSET)
        wallets: list[SessionContextWallet] | Unset = UNSET
        if _wallets is not UNSET:
            wallets = []
            for wallets_item_data in _wallets:
                wallets_item = SessionContextWallet.from_dict(wallets_item_data)

                wallets.append(wallets_item)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        mfa_enrolled = d.pop("mfa_enrolled", UNSET)

        def _parse_methods_hint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        methods_hint = _parse_methods_hint(d.pop("methods_hint", UNSET))

        application_capabilities = cast(list[str], d.pop("application_capabilities", UNSET))

        _instance = cls(
            user=user,
            entitlements=None if isinstance(entitlements, Unset) else entitlements,
            entitlements_count=None if isinstance(entitlements_count, Unset) else entitlements_count,
            wallets=None if isinstance(wallets, Unset) else wallets,
            tier=None if isinstance(tier, Unset) else tier,
            mfa_enrolled=None if isinstance(mfa_enrolled, Unset) else mfa_enrolled,
            methods_hint=None if isinstance(methods_hint, Unset) else methods_hint,
            application_capabilities=None if isinstance(application_capabilities, Unset) else application_capabilities,
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

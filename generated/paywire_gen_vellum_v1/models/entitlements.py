from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entitlements_config import EntitlementsConfig


@cache
def _lazy_models() -> tuple[type[EntitlementsConfig],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.entitlements_config import EntitlementsConfig  # noqa: PLC0415

    return (EntitlementsConfig,)


T = TypeVar("T", bound="Entitlements")


@_attrs_define
class Entitlements:
    """
    Attributes:
        status (str): The 0.1.0 SDK treats `active` and `trialing` as active.
        modules (list[str]): Module ids the customer may use (gate on these).
        config (EntitlementsConfig): Plan configuration, e.g. `trial_days`.
        has_access (bool | None): Server-authoritative access flag (may be absent in this era).
        billing_subscription_id (None | str): Stripe subscription id backing the entitlements (removed in 1.0.0).
    """

    status: str
    modules: list[str]
    config: EntitlementsConfig
    has_access: bool | None = None
    billing_subscription_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        modules = self.modules

        config = self.config.to_dict()

        has_access_or_unset = UNSET if self.has_access is None else self.has_access
        has_access = has_access_or_unset

        billing_subscription_id_or_unset = (
            UNSET if self.billing_subscription_id is None else self.billing_subscription_id
        )
        billing_subscription_id: None | str | Unset
        if isinstance(billing_subscription_id_or_unset, Unset):
            billing_subscription_id = UNSET
        else:
            billing_subscription_id = billing_subscription_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "modules": modules,
                "config": config,
            }
        )
        if has_access is not UNSET:
            field_dict["hasAccess"] = has_access
        if billing_subscription_id is not UNSET:
            field_dict["billingSubscriptionId"] = billing_subscription_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (EntitlementsConfig,) = _lazy_models()
        d = dict(src_dict)
        status = d.pop("status")

        modules = cast(list[str], d.pop("modules"))

        config = EntitlementsConfig.from_dict(d.pop("config"))

        has_access = d.pop("hasAccess", UNSET)

        def _parse_billing_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_subscription_id = _parse_billing_subscription_id(d.pop("billingSubscriptionId", UNSET))

        _instance = cls(
            status=status,
            modules=modules,
            config=config,
            has_access=None if isinstance(has_access, Unset) else has_access,
            billing_subscription_id=None if isinstance(billing_subscription_id, Unset) else billing_subscription_id,
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

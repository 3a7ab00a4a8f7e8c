from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subscription import Subscription


@cache
def _lazy_models() -> tuple[type[Subscription],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.subscription import Subscription  # noqa: PLC0415

    return (Subscription,)


T = TypeVar("T", bound="SubscriptionEventData")


@_attrs_define
class SubscriptionEventData:
    """
    Attributes:
        account_id (str):
        customer_id (str):
        subscription (Subscription):
        modules (list[str] | None): Modules the customer is entitled to after the change.
    """

    account_id: str
    customer_id: str
    subscription: Subscription
    modules: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        customer_id = self.customer_id

        subscription = self.subscription.to_dict()

        modules_or_unset = UNSET if self.modules is None else self.modules
        modules: list[str] | Unset = UNSET
        if not isinstance(modules_or_unset, Unset):
            modules = modules_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "customerId": customer_id,
                "subscription": subscription,
            }
        )
        if modules is not UNSET:
            field_dict["modules"] = modules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Subscription,) = _lazy_models()
        d = dict(src_dict)
        account_id = d.pop("accountId")

        customer_id = d.pop("customerId")

        subscription = Subscription.from_dict(d.pop("subscription"))

        modules = cast(list[str], d.pop("modules", UNSET))

        _instance = cls(
            account_id=account_id,
            customer_id=customer_id,
            subscription=subscription,
            modules=None if isinstance(modules, Unset) else modules,
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

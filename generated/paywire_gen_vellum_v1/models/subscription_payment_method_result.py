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


T = TypeVar("T", bound="SubscriptionPaymentMethodResult")


@_attrs_define
class SubscriptionPaymentMethodResult:
    """
    Attributes:
        subscription (Subscription):
        default (None | str): The account's default payment method id after the change (DECISION).
    """

    subscription: Subscription
    default: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        subscription = self.subscription.to_dict()

        default_or_unset = UNSET if self.default is None else self.default
        default: None | str | Unset
        if isinstance(default_or_unset, Unset):
            default = UNSET
        else:
            default = default_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscription": subscription,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Subscription,) = _lazy_models()
        d = dict(src_dict)
        subscription = Subscription.from_dict(d.pop("subscription"))

        def _parse_default(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default = _parse_default(d.pop("default", UNSET))

        _instance = cls(
            subscription=subscription,
            default=None if isinstance(default, Unset) else default,
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

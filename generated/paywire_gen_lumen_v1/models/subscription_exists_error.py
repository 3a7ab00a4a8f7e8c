from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrolled_subscription import EnrolledSubscription


@cache
def _lazy_models() -> tuple[type[EnrolledSubscription],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.enrolled_subscription import EnrolledSubscription  # noqa: PLC0415

    return (EnrolledSubscription,)


T = TypeVar("T", bound="SubscriptionExistsError")


@_attrs_define
class SubscriptionExistsError:
    """
    Attributes:
        error (str):
        details (str | None):
        subscription (EnrolledSubscription | None):
    """

    error: str
    details: str | None = None
    subscription: EnrolledSubscription | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        details_or_unset = UNSET if self.details is None else self.details
        details = details_or_unset

        subscription_or_unset = UNSET if self.subscription is None else self.subscription
        subscription: dict[str, Any] | Unset = UNSET
        if not isinstance(subscription_or_unset, Unset):
            subscription = subscription_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if subscription is not UNSET:
            field_dict["subscription"] = subscription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (EnrolledSubscription,) = _lazy_models()
        d = dict(src_dict)
        error = d.pop("error")

        details = d.pop("details", UNSET)

        _subscription = d.pop("subscription", UNSET)
        subscription: EnrolledSubscription | Unset
        if isinstance(_subscription, Unset):
            subscription = UNSET
        else:
            subscription = EnrolledSubscription.from_dict(_subscription)

        _instance = cls(
            error=error,
            details=None if isinstance(details, Unset) else details,
            subscription=None if isinstance(subscription, Unset) else subscription,
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

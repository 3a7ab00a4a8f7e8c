from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stripe_setup_intent import StripeSetupIntent


@cache
def _lazy_models() -> tuple[type[StripeSetupIntent],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.stripe_setup_intent import StripeSetupIntent  # noqa: PLC0415

    return (StripeSetupIntent,)


T = TypeVar("T", bound="StripeSetupIntentResponse")


@_attrs_define
class StripeSetupIntentResponse:
    """
    Attributes:
        provider (str): "stripe"
        stripe (StripeSetupIntent):
    """

    provider: str
    stripe: StripeSetupIntent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        stripe = self.stripe.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "stripe": stripe,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (StripeSetupIntent,) = _lazy_models()
        d = dict(src_dict)
        provider = d.pop("provider")

        stripe = StripeSetupIntent.from_dict(d.pop("stripe"))

        _instance = cls(
            provider=provider,
            stripe=stripe,
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

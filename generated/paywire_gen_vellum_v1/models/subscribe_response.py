from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscribeResponse")


@_attrs_define
class SubscribeResponse:
    """
    Attributes:
        subscription_id (str): Stripe subscription id (removed in 1.0.0).
        status (str):
        trial_end (None | str):
    """

    subscription_id: str
    status: str
    trial_end: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        status = self.status

        trial_end_or_unset = UNSET if self.trial_end is None else self.trial_end
        trial_end: None | str | Unset
        if isinstance(trial_end_or_unset, Unset):
            trial_end = UNSET
        else:
            trial_end = trial_end_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscriptionId": subscription_id,
                "status": status,
            }
        )
        if trial_end is not UNSET:
            field_dict["trialEnd"] = trial_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscriptionId")

        status = d.pop("status")

        def _parse_trial_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trial_end = _parse_trial_end(d.pop("trialEnd", UNSET))

        _instance = cls(
            subscription_id=subscription_id,
            status=status,
            trial_end=None if isinstance(trial_end, Unset) else trial_end,
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

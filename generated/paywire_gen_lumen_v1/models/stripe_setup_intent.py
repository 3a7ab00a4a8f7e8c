from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StripeSetupIntent")


@_attrs_define
class StripeSetupIntent:
    """
    Attributes:
        client_secret (str):
        intent_id (str):
        publishable_key (None | str):
    """

    client_secret: str
    intent_id: str
    publishable_key: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        client_secret = self.client_secret

        intent_id = self.intent_id

        publishable_key_or_unset = UNSET if self.publishable_key is None else self.publishable_key
        publishable_key: None | str | Unset
        if isinstance(publishable_key_or_unset, Unset):
            publishable_key = UNSET
        else:
            publishable_key = publishable_key_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clientSecret": client_secret,
                "intentId": intent_id,
            }
        )
        if publishable_key is not UNSET:
            field_dict["publishableKey"] = publishable_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_secret = d.pop("clientSecret")

        intent_id = d.pop("intentId")

        def _parse_publishable_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        publishable_key = _parse_publishable_key(d.pop("publishableKey", UNSET))

        _instance = cls(
            client_secret=client_secret,
            intent_id=intent_id,
            publishable_key=None if isinstance(publishable_key, Unset) else publishable_key,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.secure_message import SecureMessage


@cache
def _lazy_models() -> tuple[type[SecureMessage],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.secure_message import SecureMessage  # noqa: PLC0415

    return (SecureMessage,)


T = TypeVar("T", bound="SecureMessageList")


@_attrs_define
class SecureMessageList:
    """
    Attributes:
        messages (list[SecureMessage]):
        next_cursor (None | str): pass back as `cursor`; null on the last page
    """

    messages: list[SecureMessage]
    next_cursor: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        next_cursor_or_unset = UNSET if self.next_cursor is None else self.next_cursor
        next_cursor: None | str | Unset
        if isinstance(next_cursor_or_unset, Unset):
            next_cursor = UNSET
        else:
            next_cursor = next_cursor_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (SecureMessage,) = _lazy_models()
        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = SecureMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        _instance = cls(
            messages=messages,
            next_cursor=None if isinstance(next_cursor, Unset) else next_cursor,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_data import MessageData


@cache
def _lazy_models() -> tuple[type[MessageData],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.message_data import MessageData  # noqa: PLC0415

    return (MessageData,)


T = TypeVar("T", bound="WhitelistRemovedResponse")


@_attrs_define
class WhitelistRemovedResponse:
    """
    Attributes:
        success (bool):
        data (MessageData):
        message (str | None):
        request_id (str | None):
        timestamp (str | None): ISO-8601
    """

    success: bool
    data: MessageData
    message: str | None = None
    request_id: str | None = None
    timestamp: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        request_id_or_unset = UNSET if self.request_id is None else self.request_id
        request_id = request_id_or_unset

        timestamp_or_unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = timestamp_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (MessageData,) = _lazy_models()
        d = dict(src_dict)
        success = d.pop("success")

        data = MessageData.from_dict(d.pop("data"))

        message = d.pop("message", UNSET)

        request_id = d.pop("request_id", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        _instance = cls(
            success=success,
            data=data,
            message=None if isinstance(message, Unset) else message,
            request_id=None if isinstance(request_id, Unset) else request_id,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
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

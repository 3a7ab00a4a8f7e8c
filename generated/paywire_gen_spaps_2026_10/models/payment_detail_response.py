from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payment_record import PaymentRecord
    from ..models.payment_wrapper import PaymentWrapper


@cache
def _lazy_models() -> tuple[
    type[PaymentRecord],
    type[PaymentWrapper],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.payment_record import PaymentRecord  # noqa: PLC0415
    from ..models.payment_wrapper import PaymentWrapper  # noqa: PLC0415

    return (
        PaymentRecord,
        PaymentWrapper,
    )


T = TypeVar("T", bound="PaymentDetailResponse")


@_attrs_define
class PaymentDetailResponse:
    """
    Attributes:
        success (bool):
        data (PaymentRecord | PaymentWrapper):
        message (str | None):
        request_id (str | None):
        timestamp (str | None): ISO-8601
    """

    success: bool
    data: PaymentRecord | PaymentWrapper
    message: str | None = None
    request_id: str | None = None
    timestamp: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_wrapper import PaymentWrapper  # noqa: PLC0415

        success = self.success

        data: dict[str, Any]
        if isinstance(self.data, PaymentWrapper):
            data = self.data.to_dict()
        else:
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
        (
            PaymentRecord,
            PaymentWrapper,
        ) = _lazy_models()
        d = dict(src_dict)
        success = d.pop("success")

        def _parse_data(data: object) -> PaymentRecord | PaymentWrapper:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = PaymentWrapper.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            data_type_1 = PaymentRecord.from_dict(data)

            return data_type_1

        data = _parse_data(d.pop("data"))

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChargeForbiddenBody")


@_attrs_define
class ChargeForbiddenBody:
    """403 body; `ErrorBody` plus, when known, the unchanged balance

    Attributes:
        status (str | None):
        message (str | None):
        code (None | str):
        new_balance (int | None): current (unchanged) balance in tokens
    """

    status: str | None = None
    message: str | None = None
    code: None | str = None
    new_balance: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        code_or_unset = UNSET if self.code is None else self.code
        code: None | str | Unset
        if isinstance(code_or_unset, Unset):
            code = UNSET
        else:
            code = code_or_unset

        new_balance_or_unset = UNSET if self.new_balance is None else self.new_balance
        new_balance: int | None | Unset
        if isinstance(new_balance_or_unset, Unset):
            new_balance = UNSET
        else:
            new_balance = new_balance_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if code is not UNSET:
            field_dict["code"] = code
        if new_balance is not UNSET:
            field_dict["new_balance"] = new_balance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        message = d.pop("message", UNSET)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_new_balance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        new_balance = _parse_new_balance(d.pop("new_balance", UNSET))

        _instance = cls(
            status=None if isinstance(status, Unset) else status,
            message=None if isinstance(message, Unset) else message,
            code=None if isinstance(code, Unset) else code,
            new_balance=None if isinstance(new_balance, Unset) else new_balance,
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

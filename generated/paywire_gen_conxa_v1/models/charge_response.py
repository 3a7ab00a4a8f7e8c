from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChargeResponse")


@_attrs_define
class ChargeResponse:
    """
    Attributes:
        approved (bool):
        new_balance (int): wallet balance in tokens after this charge
        error_code (None | str): backend code when not approved
    """

    approved: bool
    new_balance: int
    error_code: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        new_balance = self.new_balance

        error_code_or_unset = UNSET if self.error_code is None else self.error_code
        error_code: None | str | Unset
        if isinstance(error_code_or_unset, Unset):
            error_code = UNSET
        else:
            error_code = error_code_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "new_balance": new_balance,
            }
        )
        if error_code is not UNSET:
            field_dict["error_code"] = error_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        new_balance = d.pop("new_balance")

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

        _instance = cls(
            approved=approved,
            new_balance=new_balance,
            error_code=None if isinstance(error_code, Unset) else error_code,
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

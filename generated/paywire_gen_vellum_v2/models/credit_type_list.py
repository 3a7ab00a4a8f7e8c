from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_type import CreditType


@cache
def _lazy_models() -> tuple[type[CreditType],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.credit_type import CreditType  # noqa: PLC0415

    return (CreditType,)


T = TypeVar("T", bound="CreditTypeList")


@_attrs_define
class CreditTypeList:
    """
    Attributes:
        credit_types (list[CreditType]):
    """

    credit_types: list[CreditType]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        credit_types = []
        for credit_types_item_data in self.credit_types:
            credit_types_item = credit_types_item_data.to_dict()
            credit_types.append(credit_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "creditTypes": credit_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (CreditType,) = _lazy_models()
        d = dict(src_dict)
        credit_types = []
        _credit_types = d.pop("creditTypes")
        for credit_types_item_data in _credit_types:
            credit_types_item = CreditType.from_dict(credit_types_item_data)

            credit_types.append(credit_types_item)

        _instance = cls(
            credit_types=credit_types,
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

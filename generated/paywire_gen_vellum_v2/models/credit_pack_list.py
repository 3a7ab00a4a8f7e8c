from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credit_pack import CreditPack


@cache
def _lazy_models() -> tuple[type[CreditPack],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.credit_pack import CreditPack  # noqa: PLC0415

    return (CreditPack,)


T = TypeVar("T", bound="CreditPackList")


@_attrs_define
class CreditPackList:
    """
    Attributes:
        packs (list[CreditPack]):
    """

    packs: list[CreditPack]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        packs = []
        for packs_item_data in self.packs:
            packs_item = packs_item_data.to_dict()
            packs.append(packs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "packs": packs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (CreditPack,) = _lazy_models()
        d = dict(src_dict)
        packs = []
        _packs = d.pop("packs")
        for packs_item_data in _packs:
            packs_item = CreditPack.from_dict(packs_item_data)

            packs.append(packs_item)

        _instance = cls(
            packs=packs,
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

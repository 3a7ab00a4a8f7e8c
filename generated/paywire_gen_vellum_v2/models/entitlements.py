from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entitlements_config import EntitlementsConfig


@cache
def _lazy_models() -> tuple[type[EntitlementsConfig],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.entitlements_config import EntitlementsConfig  # noqa: PLC0415

    return (EntitlementsConfig,)


T = TypeVar("T", bound="Entitlements")


@_attrs_define
class Entitlements:
    """
    Attributes:
        status (str): Informational only; gate on `hasAccess` / `modules`.
        modules (list[str]): Module ids the customer may use; emptied when access is withheld.
        config (EntitlementsConfig): Plan configuration, e.g. `trial_days`.
        has_access (bool): Server-authoritative access flag.
    """

    status: str
    modules: list[str]
    config: EntitlementsConfig
    has_access: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        modules = self.modules

        config = self.config.to_dict()

        has_access = self.has_access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "modules": modules,
                "config": config,
                "hasAccess": has_access,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (EntitlementsConfig,) = _lazy_models()
        d = dict(src_dict)
        status = d.pop("status")

        modules = cast(list[str], d.pop("modules"))

        config = EntitlementsConfig.from_dict(d.pop("config"))

        has_access = d.pop("hasAccess")

        _instance = cls(
            status=status,
            modules=modules,
            config=config,
            has_access=has_access,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="WhitelistEntry")


@_attrs_define
class WhitelistEntry:
    """
    Attributes:
        email (str):
        application_id (str | None):
        tier (None | str):
        bypass_payment (bool | None):
        metadata (Metadata | None):
    """

    email: str
    application_id: str | None = None
    tier: None | str = None
    bypass_payment: bool | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        email = self.email

        application_id_or_unset = UNSET if self.application_id is None else self.application_id
        application_id = application_id_or_unset

        tier_or_unset = UNSET if self.tier is None else self.tier
        tier: None | str | Unset
        if isinstance(tier_or_unset, Unset):
            tier = UNSET
        else:
            tier = tier_or_unset

        bypass_payment_or_unset = UNSET if self.bypass_payment is None else self.bypass_payment
        bypass_payment = bypass_payment_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if tier is not UNSET:
            field_dict["tier"] = tier
        if bypass_payment is not UNSET:
            field_dict["bypass_payment"] = bypass_payment
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        email = d.pop("email")

        application_id = d.pop("application_id", UNSET)

        def _parse_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier = _parse_tier(d.pop("tier", UNSET))

        bypass_payment = d.pop("bypass_payment", UNSET)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _instance = cls(
            email=email,
            application_id=None if isinstance(application_id, Unset) else application_id,
            tier=None if isinstance(tier, Unset) else tier,
            bypass_payment=None if isinstance(bypass_payment, Unset) else bypass_payment,
            metadata=None if isinstance(metadata, Unset) else metadata,
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

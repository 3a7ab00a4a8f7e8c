from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

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


T = TypeVar("T", bound="CreateCryptoInvoiceRequest")


@_attrs_define
class CreateCryptoInvoiceRequest:
    """
    Attributes:
        asset (str): e.g. USDC
        network (str): e.g. base
        amount (str): decimal string
        expires_in_seconds (int | None):
        beneficiary (Metadata | None): free-form JSON object
        metadata (Metadata | None): free-form JSON object
    """

    asset: str
    network: str
    amount: str
    expires_in_seconds: int | None = None
    beneficiary: Metadata | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        asset = self.asset

        network = self.network

        amount = self.amount

        expires_in_seconds_or_unset = UNSET if self.expires_in_seconds is None else self.expires_in_seconds
        expires_in_seconds = expires_in_seconds_or_unset

        beneficiary_or_unset = UNSET if self.beneficiary is None else self.beneficiary
        beneficiary: dict[str, Any] | Unset = UNSET
        if not isinstance(beneficiary_or_unset, Unset):
            beneficiary = beneficiary_or_unset.to_dict()

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset": asset,
                "network": network,
                "amount": amount,
            }
        )
        if expires_in_seconds is not UNSET:
            field_dict["expires_in_seconds"] = expires_in_seconds
        if beneficiary is not UNSET:
            field_dict["beneficiary"] = beneficiary
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        asset = d.pop("asset")

        network = d.pop("network")

        amount = d.pop("amount")

        expires_in_seconds = d.pop("expires_in_seconds", UNSET)

        _beneficiary = d.pop("beneficiary", UNSET)
        beneficiary: Metadata | Unset
        if isinstance(_beneficiary, Unset):
            beneficiary = UNSET
        else:
            beneficiary = Metadata.from_dict(_beneficiary)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        _instance = cls(
            asset=asset,
            network=network,
            amount=amount,
            expires_in_seconds=None if isinstance(expires_in_seconds, Unset) else expires_in_seconds,
            beneficiary=None if isinstance(beneficiary, Unset) else beneficiary,
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

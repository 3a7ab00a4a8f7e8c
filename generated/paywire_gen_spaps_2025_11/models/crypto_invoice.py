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


T = TypeVar("T", bound="CryptoInvoice")


@_attrs_define
class CryptoInvoice:
    """`id` or `invoice_id` identifies it (both appear)

    Attributes:
        id (str | None):
        invoice_id (str | None):
        asset (str | None):
        network (str | None):
        amount (str | None): decimal string
        status (str | None):
        expires_at (None | str): ISO-8601
        beneficiary (Metadata | None):
        metadata (Metadata | None):
    """

    id: str | None = None
    invoice_id: str | None = None
    asset: str | None = None
    network: str | None = None
    amount: str | None = None
    status: str | None = None
    expires_at: None | str = None
    beneficiary: Metadata | None = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id_or_unset = UNSET if self.id is None else self.id
        id = id_or_unset

        invoice_id_or_unset = UNSET if self.invoice_id is None else self.invoice_id
        invoice_id = invoice_id_or_unset

        asset_or_unset = UNSET if self.asset is None else self.asset
        asset = asset_or_unset

        network_or_unset = UNSET if self.network is None else self.network
        network = network_or_unset

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount = amount_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: None | str | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        else:
            expires_at = expires_at_or_unset

        beneficiary_or_unset = UNSET if self.beneficiary is None else self.beneficiary
        beneficiary: dict[str, Any] | None | Unset
        if isinstance(beneficiary_or_unset, Unset):
            beneficiary = UNSET
        elif isinstance(beneficiary_or_unset, Metadata):
            beneficiary = beneficiary_or_unset.to_dict()
        else:
            beneficiary = beneficiary_or_unset

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
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if asset is not UNSET:
            field_dict["asset"] = asset
        if network is not UNSET:
            field_dict["network"] = network
        if amount is not UNSET:
            field_dict["amount"] = amount
        if status is not UNSET:
            field_dict["status"] = status
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if beneficiary is not UNSET:
            field_dict["beneficiary"] = beneficiary
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        invoice_id = d.pop("invoice_id", UNSET)

        asset = d.pop("asset", UNSET)

        network = d.pop("network", UNSET)

        amount = d.pop("amount", UNSET)

        status = d.pop("status", UNSET)

        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_beneficiary(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beneficiary_type_0 = Metadata.from_dict(data)

                return beneficiary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        beneficiary = _parse_beneficiary(d.pop("beneficiary", UNSET))

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
            id=None if isinstance(id, Unset) else id,
            invoice_id=None if isinstance(invoice_id, Unset) else invoice_id,
            asset=None if isinstance(asset, Unset) else asset,
            network=None if isinstance(network, Unset) else network,
            amount=None if isinstance(amount, Unset) else amount,
            status=None if isinstance(status, Unset) else status,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CryptoInvoice")


@_attrs_define
class CryptoInvoice:
    """`id` or `invoice_id` identifies it (both appear)

    Attributes:
        id (str | Unset):
        invoice_id (str | Unset):
        asset (str | Unset):
        network (str | Unset):
        amount (str | Unset): decimal string
        status (str | Unset):
        expires_at (None | str | Unset): ISO-8601
        beneficiary (Metadata | None | Unset):
        metadata (Metadata | None | Unset):
    """

    id: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    asset: str | Unset = UNSET
    network: str | Unset = UNSET
    amount: str | Unset = UNSET
    status: str | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    beneficiary: Metadata | None | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = self.id

        invoice_id = self.invoice_id

        asset = self.asset

        network = self.network

        amount = self.amount

        status = self.status

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        beneficiary: dict[str, Any] | None | Unset
        if isinstance(self.beneficiary, Unset):
            beneficiary = UNSET
        elif isinstance(self.beneficiary, Metadata):
            beneficiary = self.beneficiary.to_dict()
        else:
            beneficiary = self.beneficiary

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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
        from ..models.metadata import Metadata  # noqa: PLC0415

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

        crypto_invoice = cls(
            id=id,
            invoice_id=invoice_id,
            asset=asset,
            network=network,
            amount=amount,
            status=status,
            expires_at=expires_at,
            beneficiary=beneficiary,
            metadata=metadata,
        )

        crypto_invoice.additional_properties = d
        return crypto_invoice

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

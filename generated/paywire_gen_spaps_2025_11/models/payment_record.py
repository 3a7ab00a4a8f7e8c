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


T = TypeVar("T", bound="PaymentRecord")


@_attrs_define
class PaymentRecord:
    """
    Attributes:
        id (str):
        amount (int | None): minor units
        currency (str | None):
        status (str | None):
        description (None | str):
        created (int | None): unix seconds
        payment_method_type (None | str):
        invoice_id (None | str):
        invoice_pdf (None | str):
        metadata (Metadata | None):
    """

    id: str
    amount: int | None = None
    currency: str | None = None
    status: str | None = None
    description: None | str = None
    created: int | None = None
    payment_method_type: None | str = None
    invoice_id: None | str = None
    invoice_pdf: None | str = None
    metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = self.id

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount = amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        description_or_unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(description_or_unset, Unset):
            description = UNSET
        else:
            description = description_or_unset

        created_or_unset = UNSET if self.created is None else self.created
        created = created_or_unset

        payment_method_type_or_unset = UNSET if self.payment_method_type is None else self.payment_method_type
        payment_method_type: None | str | Unset
        if isinstance(payment_method_type_or_unset, Unset):
            payment_method_type = UNSET
        else:
            payment_method_type = payment_method_type_or_unset

        invoice_id_or_unset = UNSET if self.invoice_id is None else self.invoice_id
        invoice_id: None | str | Unset
        if isinstance(invoice_id_or_unset, Unset):
            invoice_id = UNSET
        else:
            invoice_id = invoice_id_or_unset

        invoice_pdf_or_unset = UNSET if self.invoice_pdf is None else self.invoice_pdf
        invoice_pdf: None | str | Unset
        if isinstance(invoice_pdf_or_unset, Unset):
            invoice_pdf = UNSET
        else:
            invoice_pdf = invoice_pdf_or_unset

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
                "id": id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if status is not UNSET:
            field_dict["status"] = status
        if description is not UNSET:
            field_dict["description"] = description
        if created is not UNSET:
            field_dict["created"] = created
        if payment_method_type is not UNSET:
            field_dict["payment_method_type"] = payment_method_type
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if invoice_pdf is not UNSET:
            field_dict["invoice_pdf"] = invoice_pdf
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        status = d.pop("status", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        created = d.pop("created", UNSET)

        def _parse_payment_method_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_method_type = _parse_payment_method_type(d.pop("payment_method_type", UNSET))

        def _parse_invoice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id", UNSET))

        def _parse_invoice_pdf(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_pdf = _parse_invoice_pdf(d.pop("invoice_pdf", UNSET))

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
            id=id,
            amount=None if isinstance(amount, Unset) else amount,
            currency=None if isinstance(currency, Unset) else currency,
            status=None if isinstance(status, Unset) else status,
            description=None if isinstance(description, Unset) else description,
            created=None if isinstance(created, Unset) else created,
            payment_method_type=None if isinstance(payment_method_type, Unset) else payment_method_type,
            invoice_id=None if isinstance(invoice_id, Unset) else invoice_id,
            invoice_pdf=None if isinstance(invoice_pdf, Unset) else invoice_pdf,
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

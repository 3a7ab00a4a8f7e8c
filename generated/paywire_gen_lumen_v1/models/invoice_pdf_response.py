from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invoice_ref import InvoiceRef


@cache
def _lazy_models() -> tuple[type[InvoiceRef],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.invoice_ref import InvoiceRef  # noqa: PLC0415

    return (InvoiceRef,)


T = TypeVar("T", bound="InvoicePdfResponse")


@_attrs_define
class InvoicePdfResponse:
    """
    Attributes:
        invoice (InvoiceRef):
        pdf_url (str):
        expires_in (int): Seconds until `pdfUrl` expires (900 in the docs)
    """

    invoice: InvoiceRef
    pdf_url: str
    expires_in: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        invoice = self.invoice.to_dict()

        pdf_url = self.pdf_url

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice": invoice,
                "pdfUrl": pdf_url,
                "expiresIn": expires_in,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (InvoiceRef,) = _lazy_models()
        d = dict(src_dict)
        invoice = InvoiceRef.from_dict(d.pop("invoice"))

        pdf_url = d.pop("pdfUrl")

        expires_in = d.pop("expiresIn")

        _instance = cls(
            invoice=invoice,
            pdf_url=pdf_url,
            expires_in=expires_in,
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

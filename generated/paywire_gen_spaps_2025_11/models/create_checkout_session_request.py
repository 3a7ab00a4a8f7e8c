from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_checkout_session_request_mode import CreateCheckoutSessionRequestMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="CreateCheckoutSessionRequest")


@_attrs_define
class CreateCheckoutSessionRequest:
    """
    Attributes:
        price_id (str):
        mode (CreateCheckoutSessionRequestMode):
        success_url (str):
        cancel_url (str):
        metadata (Metadata | None): free-form JSON object
        require_legal_consent (bool | None):
        legal_consent_text (str | None): plain text; server default "I agree to the Terms of Service and Privacy
            Policy."
    """

    price_id: str
    mode: CreateCheckoutSessionRequestMode
    success_url: str
    cancel_url: str
    metadata: Metadata | None = None
    require_legal_consent: bool | None = None
    legal_consent_text: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        price_id = self.price_id

        mode = self.mode.value

        success_url = self.success_url

        cancel_url = self.cancel_url

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        require_legal_consent_or_unset = UNSET if self.require_legal_consent is None else self.require_legal_consent
        require_legal_consent = require_legal_consent_or_unset

        legal_consent_text_or_unset = UNSET if self.legal_consent_text is None else self.legal_consent_text
        legal_consent_text = legal_consent_text_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "price_id": price_id,
                "mode": mode,
                "success_url": success_url,
                "cancel_url": cancel_url,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if require_legal_consent is not UNSET:
            field_dict["require_legal_consent"] = require_legal_consent
        if legal_consent_text is not UNSET:
            field_dict["legal_consent_text"] = legal_consent_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        price_id = d.pop("price_id")

        mode = CreateCheckoutSessionRequestMode(d.pop("mode"))

        success_url = d.pop("success_url")

        cancel_url = d.pop("cancel_url")

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        require_legal_consent = d.pop("require_legal_consent", UNSET)

        legal_consent_text = d.pop("legal_consent_text", UNSET)

        _instance = cls(
            price_id=price_id,
            mode=mode,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=None if isinstance(metadata, Unset) else metadata,
            require_legal_consent=None if isinstance(require_legal_consent, Unset) else require_legal_consent,
            legal_consent_text=None if isinstance(legal_consent_text, Unset) else legal_consent_text,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_checkout_session_request_mode import CreateCheckoutSessionRequestMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_item import LineItem
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[
    type[LineItem],
    type[Metadata],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.line_item import LineItem  # noqa: PLC0415
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (
        LineItem,
        Metadata,
    )


T = TypeVar("T", bound="CreateCheckoutSessionRequest")


@_attrs_define
class CreateCheckoutSessionRequest:
    """
    Attributes:
        line_items (list[LineItem]):
        mode (CreateCheckoutSessionRequestMode):
        success_url (str):
        cancel_url (str):
        metadata (Metadata | None): free-form JSON object
        customer_email (str | None): defaults to the user's email
        client_reference_id (str | None):
        allow_promotion_codes (bool | None):
        trial_period_days (int | None): subscription mode only
        require_legal_consent (bool | None):
        legal_consent_text (str | None): plain text; server default "I agree to the Terms of Service and Privacy
            Policy."
    """

    line_items: list[LineItem]
    mode: CreateCheckoutSessionRequestMode
    success_url: str
    cancel_url: str
    metadata: Metadata | None = None
    customer_email: str | None = None
    client_reference_id: str | None = None
    allow_promotion_codes: bool | None = None
    trial_period_days: int | None = None
    require_legal_consent: bool | None = None
    legal_consent_text: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        mode = self.mode.value

        success_url = self.success_url

        cancel_url = self.cancel_url

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        customer_email_or_unset = UNSET if self.customer_email is None else self.customer_email
        customer_email = customer_email_or_unset

        client_reference_id_or_unset = UNSET if self.client_reference_id is None else self.client_reference_id
        client_reference_id = client_reference_id_or_unset

        allow_promotion_codes_or_unset = UNSET if self.allow_promotion_codes is None else self.allow_promotion_codes
        allow_promotion_codes = allow_promotion_codes_or_unset

        trial_period_days_or_unset = UNSET if self.trial_period_days is None else self.trial_period_days
        trial_period_days = trial_period_days_or_unset

        require_legal_consent_or_unset = UNSET if self.require_legal_consent is None else self.require_legal_consent
        require_legal_consent = require_legal_consent_or_unset

        legal_consent_text_or_unset = UNSET if self.legal_consent_text is None else self.legal_consent_text
        legal_consent_text = legal_consent_text_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line_items": line_items,
                "mode": mode,
                "success_url": success_url,
                "cancel_url": cancel_url,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if customer_email is not UNSET:
            field_dict["customer_email"] = customer_email
        if client_reference_id is not UNSET:
            field_dict["client_reference_id"] = client_reference_id
        if allow_promotion_codes is not UNSET:
            field_dict["allow_promotion_codes"] = allow_promotion_codes
        if trial_period_days is not UNSET:
            field_dict["trial_period_days"] = trial_period_days
        if require_legal_consent is not UNSET:
            field_dict["require_legal_consent"] = require_legal_consent
        if legal_consent_text is not UNSET:
            field_dict["legal_consent_text"] = legal_consent_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            LineItem,
            Metadata,
        ) = _lazy_models()
        d = dict(src_dict)
        line_items = []
        _line_items = d.pop("line_items")
        for line_items_item_data in _line_items:
            line_items_item = LineItem.from_dict(line_items_item_data)

            line_items.append(line_items_item)

        mode = CreateCheckoutSessionRequestMode(d.pop("mode"))

        success_url = d.pop("success_url")

        cancel_url = d.pop("cancel_url")

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        customer_email = d.pop("customer_email", UNSET)

        client_reference_id = d.pop("client_reference_id", UNSET)

        allow_promotion_codes = d.pop("allow_promotion_codes", UNSET)

        trial_period_days = d.pop("trial_period_days", UNSET)

        require_legal_consent = d.pop("require_legal_consent", UNSET)

        legal_consent_text = d.pop("legal_consent_text", UNSET)

        _instance = cls(
            line_items=line_items,
            mode=mode,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=None if isinstance(metadata, Unset) else metadata,
            customer_email=None if isinstance(customer_email, Unset) else customer_email,
            client_reference_id=None if isinstance(client_reference_id, Unset) else client_reference_id,
            allow_promotion_codes=None if isinstance(allow_promotion_codes, Unset) else allow_promotion_codes,
            trial_period_days=None if isinstance(trial_period_days, Unset) else trial_period_days,
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

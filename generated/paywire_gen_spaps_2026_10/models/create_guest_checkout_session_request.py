from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_guest_checkout_session_request_mode import CreateGuestCheckoutSessionRequestMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_item import LineItem
    from ..models.metadata import Metadata
    from ..models.string_map import StringMap


@cache
def _lazy_models() -> tuple[
    type[LineItem],
    type[Metadata],
    type[StringMap],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.line_item import LineItem  # noqa: PLC0415
    from ..models.metadata import Metadata  # noqa: PLC0415
    from ..models.string_map import StringMap  # noqa: PLC0415

    return (
        LineItem,
        Metadata,
        StringMap,
    )


T = TypeVar("T", bound="CreateGuestCheckoutSessionRequest")


@_attrs_define
class CreateGuestCheckoutSessionRequest:
    """
    Attributes:
        customer_email (str):
        mode (CreateGuestCheckoutSessionRequestMode):
        line_items (list[LineItem]):
        success_url (str):
        cancel_url (str):
        metadata (StringMap | None): string-to-string map (Stripe metadata)
        client_reference_id (str | None):
        payment_intent_data (Metadata | None): free-form JSON object
        subscription_data (Metadata | None): free-form JSON object
        allow_promotion_codes (bool | None):
        locale (str | None):
        prepared_journey_id (str | None): a purchase journey prepared with a secret key (journeys are outside this
            contract)
        trial_period_days (int | None): subscription mode only
    """

    customer_email: str
    mode: CreateGuestCheckoutSessionRequestMode
    line_items: list[LineItem]
    success_url: str
    cancel_url: str
    metadata: StringMap | None = None
    client_reference_id: str | None = None
    payment_intent_data: Metadata | None = None
    subscription_data: Metadata | None = None
    allow_promotion_codes: bool | None = None
    locale: str | None = None
    prepared_journey_id: str | None = None
    trial_period_days: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        customer_email = self.customer_email

        mode = self.mode.value

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        success_url = self.success_url

        cancel_url = self.cancel_url

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        client_reference_id_or_unset = UNSET if self.client_reference_id is None else self.client_reference_id
        client_reference_id = client_reference_id_or_unset

        payment_intent_data_or_unset = UNSET if self.payment_intent_data is None else self.payment_intent_data
        payment_intent_data: dict[str, Any] | Unset = UNSET
        if not isinstance(payment_intent_data_or_unset, Unset):
            payment_intent_data = payment_intent_data_or_unset.to_dict()

        subscription_data_or_unset = UNSET if self.subscription_data is None else self.subscription_data
        subscription_data: dict[str, Any] | Unset = UNSET
        if not isinstance(subscription_data_or_unset, Unset):
            subscription_data = subscription_data_or_unset.to_dict()

        allow_promotion_codes_or_unset = UNSET if self.allow_promotion_codes is None else self.allow_promotion_codes
        allow_promotion_codes = allow_promotion_codes_or_unset

        locale_or_unset = UNSET if self.locale is None else self.locale
        locale = locale_or_unset

        prepared_journey_id_or_unset = UNSET if self.prepared_journey_id is None else self.prepared_journey_id
        prepared_journey_id = prepared_journey_id_or_unset

        trial_period_days_or_unset = UNSET if self.trial_period_days is None else self.trial_period_days
        trial_period_days = trial_period_days_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_email": customer_email,
                "mode": mode,
                "line_items": line_items,
                "success_url": success_url,
                "cancel_url": cancel_url,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if client_reference_id is not UNSET:
            field_dict["client_reference_id"] = client_reference_id
        if payment_intent_data is not UNSET:
            field_dict["payment_intent_data"] = payment_intent_data
        if subscription_data is not UNSET:
            field_dict["subscription_data"] = subscription_data
        if allow_promotion_codes is not UNSET:
            field_dict["allow_promotion_codes"] = allow_promotion_codes
        if locale is not UNSET:
            field_dict["locale"] = locale
        if prepared_journey_id is not UNSET:
            field_dict["prepared_journey_id"] = prepared_journey_id
        if trial_period_days is not UNSET:
            field_dict["trial_period_days"] = trial_period_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            LineItem,
            Metadata,
            StringMap,
        ) = _lazy_models()
        d = dict(src_dict)
        customer_email = d.pop("customer_email")

        mode = CreateGuestCheckoutSessionRequestMode(d.pop("mode"))

        line_items = []
        _line_items = d.pop("line_items")
        for line_items_item_data in _line_items:
            line_items_item = LineItem.from_dict(line_items_item_data)

            line_items.append(line_items_item)

        success_url = d.pop("success_url")

        cancel_url = d.pop("cancel_url")

        _metadata = d.pop("metadata", UNSET)
        metadata: StringMap | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = StringMap.from_dict(_metadata)

        client_reference_id = d.pop("client_reference_id", UNSET)

        _payment_intent_data = d.pop("payment_intent_data", UNSET)
        payment_intent_data: Metadata | Unset
        if isinstance(_payment_intent_data, Unset):
            payment_intent_data = UNSET
        else:
            payment_intent_data = Metadata.from_dict(_payment_intent_data)

        _subscription_data = d.pop("subscription_data", UNSET)
        subscription_data: Metadata | Unset
        if isinstance(_subscription_data, Unset):
            subscription_data = UNSET
        else:
            subscription_data = Metadata.from_dict(_subscription_data)

        allow_promotion_codes = d.pop("allow_promotion_codes", UNSET)

        locale = d.pop("locale", UNSET)

        prepared_journey_id = d.pop("prepared_journey_id", UNSET)

        trial_period_days = d.pop("trial_period_days", UNSET)

        _instance = cls(
            customer_email=customer_email,
            mode=mode,
            line_items=line_items,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=None if isinstance(metadata, Unset) else metadata,
            client_reference_id=None if isinstance(client_reference_id, Unset) else client_reference_id,
            payment_intent_data=None if isinstance(payment_intent_data, Unset) else payment_intent_data,
            subscription_data=None if isinstance(subscription_data, Unset) else subscription_data,
            allow_promotion_codes=None if isinstance(allow_promotion_codes, Unset) else allow_promotion_codes,
            locale=None if isinstance(locale, Unset) else locale,
            prepared_journey_id=None if isinstance(prepared_journey_id, Unset) else prepared_journey_id,
            trial_period_days=None if isinstance(trial_period_days, Unset) else trial_period_days,
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

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


T = TypeVar("T", bound="CheckoutSessionDetail")


@_attrs_define
class CheckoutSessionDetail:
    """
    Attributes:
        id (str):
        status (str | None):
        payment_status (str | None):
        customer_email (None | str):
        amount_total (int | None): minor units
        currency (None | str):
        success_url (None | str):
        cancel_url (None | str):
        client_reference_id (None | str):
        metadata (Metadata | None):
        payment_intent (None | str):
        subscription (None | str):
        expires_at (int | None): unix seconds
    """

    id: str
    status: str | None = None
    payment_status: str | None = None
    customer_email: None | str = None
    amount_total: int | None = None
    currency: None | str = None
    success_url: None | str = None
    cancel_url: None | str = None
    client_reference_id: None | str = None
    metadata: Metadata | None = None
    payment_intent: None | str = None
    subscription: None | str = None
    expires_at: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = self.id

        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        payment_status_or_unset = UNSET if self.payment_status is None else self.payment_status
        payment_status = payment_status_or_unset

        customer_email_or_unset = UNSET if self.customer_email is None else self.customer_email
        customer_email: None | str | Unset
        if isinstance(customer_email_or_unset, Unset):
            customer_email = UNSET
        else:
            customer_email = customer_email_or_unset

        amount_total_or_unset = UNSET if self.amount_total is None else self.amount_total
        amount_total: int | None | Unset
        if isinstance(amount_total_or_unset, Unset):
            amount_total = UNSET
        else:
            amount_total = amount_total_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency: None | str | Unset
        if isinstance(currency_or_unset, Unset):
            currency = UNSET
        else:
            currency = currency_or_unset

        success_url_or_unset = UNSET if self.success_url is None else self.success_url
        success_url: None | str | Unset
        if isinstance(success_url_or_unset, Unset):
            success_url = UNSET
        else:
            success_url = success_url_or_unset

        cancel_url_or_unset = UNSET if self.cancel_url is None else self.cancel_url
        cancel_url: None | str | Unset
        if isinstance(cancel_url_or_unset, Unset):
            cancel_url = UNSET
        else:
            cancel_url = cancel_url_or_unset

        client_reference_id_or_unset = UNSET if self.client_reference_id is None else self.client_reference_id
        client_reference_id: None | str | Unset
        if isinstance(client_reference_id_or_unset, Unset):
            client_reference_id = UNSET
        else:
            client_reference_id = client_reference_id_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        payment_intent_or_unset = UNSET if self.payment_intent is None else self.payment_intent
        payment_intent: None | str | Unset
        if isinstance(payment_intent_or_unset, Unset):
            payment_intent = UNSET
        else:
            payment_intent = payment_intent_or_unset

        subscription_or_unset = UNSET if self.subscription is None else self.subscription
        subscription: None | str | Unset
        if isinstance(subscription_or_unset, Unset):
            subscription = UNSET
        else:
            subscription = subscription_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at: int | None | Unset
        if isinstance(expires_at_or_unset, Unset):
            expires_at = UNSET
        else:
            expires_at = expires_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if payment_status is not UNSET:
            field_dict["payment_status"] = payment_status
        if customer_email is not UNSET:
            field_dict["customer_email"] = customer_email
        if amount_total is not UNSET:
            field_dict["amount_total"] = amount_total
        if currency is not UNSET:
            field_dict["currency"] = currency
        if success_url is not UNSET:
            field_dict["success_url"] = success_url
        if cancel_url is not UNSET:
            field_dict["cancel_url"] = cancel_url
        if client_reference_id is not UNSET:
            field_dict["client_reference_id"] = client_reference_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if payment_intent is not UNSET:
            field_dict["payment_intent"] = payment_intent
        if subscription is not UNSET:
            field_dict["subscription"] = subscription
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status", UNSET)

        payment_status = d.pop("payment_status", UNSET)

        def _parse_customer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_email = _parse_customer_email(d.pop("customer_email", UNSET))

        def _parse_amount_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_total = _parse_amount_total(d.pop("amount_total", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_success_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        success_url = _parse_success_url(d.pop("success_url", UNSET))

        def _parse_cancel_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_url = _parse_cancel_url(d.pop("cancel_url", UNSET))

        def _parse_client_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_reference_id = _parse_client_reference_id(d.pop("client_reference_id", UNSET))

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

        def _parse_payment_intent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_intent = _parse_payment_intent(d.pop("payment_intent", UNSET))

        def _parse_subscription(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription = _parse_subscription(d.pop("subscription", UNSET))

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _instance = cls(
            id=id,
            status=None if isinstance(status, Unset) else status,
            payment_status=None if isinstance(payment_status, Unset) else payment_status,
            customer_email=None if isinstance(customer_email, Unset) else customer_email,
            amount_total=None if isinstance(amount_total, Unset) else amount_total,
            currency=None if isinstance(currency, Unset) else currency,
            success_url=None if isinstance(success_url, Unset) else success_url,
            cancel_url=None if isinstance(cancel_url, Unset) else cancel_url,
            client_reference_id=None if isinstance(client_reference_id, Unset) else client_reference_id,
            metadata=None if isinstance(metadata, Unset) else metadata,
            payment_intent=None if isinstance(payment_intent, Unset) else payment_intent,
            subscription=None if isinstance(subscription, Unset) else subscription,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
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

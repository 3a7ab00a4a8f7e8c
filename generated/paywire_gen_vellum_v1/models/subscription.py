from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        id (str): Stripe subscription id (removed in 1.0.0).
        status (str): Stripe subscription status; new values must not break clients.
        cancel_at_period_end (bool | None):
        seats (int | None):
        amount (int | None): Per-seat price in cents.
        currency (str | None):
        interval (str | None):
        current_period_start (None | str):
        current_period_end (None | str):
        trial_end (None | str):
        canceled_at (None | str):
        default_payment_method (None | str): Raw Stripe payment method id (removed in 1.0.0).
        plan_id (str | None): Plan sold (INFERENCE).
        plan_version (int | None): Plan version sold (INFERENCE).
    """

    id: str
    status: str
    cancel_at_period_end: bool | None = None
    seats: int | None = None
    amount: int | None = None
    currency: str | None = None
    interval: str | None = None
    current_period_start: None | str = None
    current_period_end: None | str = None
    trial_end: None | str = None
    canceled_at: None | str = None
    default_payment_method: None | str = None
    plan_id: str | None = None
    plan_version: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        cancel_at_period_end_or_unset = UNSET if self.cancel_at_period_end is None else self.cancel_at_period_end
        cancel_at_period_end = cancel_at_period_end_or_unset

        seats_or_unset = UNSET if self.seats is None else self.seats
        seats = seats_or_unset

        amount_or_unset = UNSET if self.amount is None else self.amount
        amount = amount_or_unset

        currency_or_unset = UNSET if self.currency is None else self.currency
        currency = currency_or_unset

        interval_or_unset = UNSET if self.interval is None else self.interval
        interval = interval_or_unset

        current_period_start_or_unset = UNSET if self.current_period_start is None else self.current_period_start
        current_period_start: None | str | Unset
        if isinstance(current_period_start_or_unset, Unset):
            current_period_start = UNSET
        else:
            current_period_start = current_period_start_or_unset

        current_period_end_or_unset = UNSET if self.current_period_end is None else self.current_period_end
        current_period_end: None | str | Unset
        if isinstance(current_period_end_or_unset, Unset):
            current_period_end = UNSET
        else:
            current_period_end = current_period_end_or_unset

        trial_end_or_unset = UNSET if self.trial_end is None else self.trial_end
        trial_end: None | str | Unset
        if isinstance(trial_end_or_unset, Unset):
            trial_end = UNSET
        else:
            trial_end = trial_end_or_unset

        canceled_at_or_unset = UNSET if self.canceled_at is None else self.canceled_at
        canceled_at: None | str | Unset
        if isinstance(canceled_at_or_unset, Unset):
            canceled_at = UNSET
        else:
            canceled_at = canceled_at_or_unset

        default_payment_method_or_unset = UNSET if self.default_payment_method is None else self.default_payment_method
        default_payment_method: None | str | Unset
        if isinstance(default_payment_method_or_unset, Unset):
            default_payment_method = UNSET
        else:
            default_payment_method = default_payment_method_or_unset

        plan_id_or_unset = UNSET if self.plan_id is None else self.plan_id
        plan_id = plan_id_or_unset

        plan_version_or_unset = UNSET if self.plan_version is None else self.plan_version
        plan_version = plan_version_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if cancel_at_period_end is not UNSET:
            field_dict["cancelAtPeriodEnd"] = cancel_at_period_end
        if seats is not UNSET:
            field_dict["seats"] = seats
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if interval is not UNSET:
            field_dict["interval"] = interval
        if current_period_start is not UNSET:
            field_dict["currentPeriodStart"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["currentPeriodEnd"] = current_period_end
        if trial_end is not UNSET:
            field_dict["trialEnd"] = trial_end
        if canceled_at is not UNSET:
            field_dict["canceledAt"] = canceled_at
        if default_payment_method is not UNSET:
            field_dict["defaultPaymentMethod"] = default_payment_method
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        cancel_at_period_end = d.pop("cancelAtPeriodEnd", UNSET)

        seats = d.pop("seats", UNSET)

        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        interval = d.pop("interval", UNSET)

        def _parse_current_period_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_period_start = _parse_current_period_start(d.pop("currentPeriodStart", UNSET))

        def _parse_current_period_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_period_end = _parse_current_period_end(d.pop("currentPeriodEnd", UNSET))

        def _parse_trial_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trial_end = _parse_trial_end(d.pop("trialEnd", UNSET))

        def _parse_canceled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        canceled_at = _parse_canceled_at(d.pop("canceledAt", UNSET))

        def _parse_default_payment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_payment_method = _parse_default_payment_method(d.pop("defaultPaymentMethod", UNSET))

        plan_id = d.pop("planId", UNSET)

        plan_version = d.pop("planVersion", UNSET)

        _instance = cls(
            id=id,
            status=status,
            cancel_at_period_end=None if isinstance(cancel_at_period_end, Unset) else cancel_at_period_end,
            seats=None if isinstance(seats, Unset) else seats,
            amount=None if isinstance(amount, Unset) else amount,
            currency=None if isinstance(currency, Unset) else currency,
            interval=None if isinstance(interval, Unset) else interval,
            current_period_start=None if isinstance(current_period_start, Unset) else current_period_start,
            current_period_end=None if isinstance(current_period_end, Unset) else current_period_end,
            trial_end=None if isinstance(trial_end, Unset) else trial_end,
            canceled_at=None if isinstance(canceled_at, Unset) else canceled_at,
            default_payment_method=None if isinstance(default_payment_method, Unset) else default_payment_method,
            plan_id=None if isinstance(plan_id, Unset) else plan_id,
            plan_version=None if isinstance(plan_version, Unset) else plan_version,
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

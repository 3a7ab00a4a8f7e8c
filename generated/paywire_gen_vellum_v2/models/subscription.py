from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """The subscription view (no `id`; refs only).

    Attributes:
        status (str): Stripe subscription status; new values must not break clients.
        cancel_at_period_end (bool | Unset):
        seats (int | Unset):
        amount (int | Unset): Per-seat price in cents.
        currency (str | Unset):
        interval (str | Unset):
        current_period_start (None | str | Unset):
        current_period_end (None | str | Unset):
        trial_end (None | str | Unset):
        canceled_at (None | str | Unset):
        default_payment_method_ref (str | Unset): Opaque; byte-identical to the method's `ref`. Absent when there is no
            default.
        plan_id (str | Unset): Plan sold (echo, INFERENCE).
        plan_version (int | Unset): Plan version sold (echo, INFERENCE).
        product_id (str | Unset):
        add_on_module_ids (list[str] | Unset):
    """

    status: str
    cancel_at_period_end: bool | Unset = UNSET
    seats: int | Unset = UNSET
    amount: int | Unset = UNSET
    currency: str | Unset = UNSET
    interval: str | Unset = UNSET
    current_period_start: None | str | Unset = UNSET
    current_period_end: None | str | Unset = UNSET
    trial_end: None | str | Unset = UNSET
    canceled_at: None | str | Unset = UNSET
    default_payment_method_ref: str | Unset = UNSET
    plan_id: str | Unset = UNSET
    plan_version: int | Unset = UNSET
    product_id: str | Unset = UNSET
    add_on_module_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        cancel_at_period_end = self.cancel_at_period_end

        seats = self.seats

        amount = self.amount

        currency = self.currency

        interval = self.interval

        current_period_start: None | str | Unset
        if isinstance(self.current_period_start, Unset):
            current_period_start = UNSET
        else:
            current_period_start = self.current_period_start

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        else:
            current_period_end = self.current_period_end

        trial_end: None | str | Unset
        if isinstance(self.trial_end, Unset):
            trial_end = UNSET
        else:
            trial_end = self.trial_end

        canceled_at: None | str | Unset
        if isinstance(self.canceled_at, Unset):
            canceled_at = UNSET
        else:
            canceled_at = self.canceled_at

        default_payment_method_ref = self.default_payment_method_ref

        plan_id = self.plan_id

        plan_version = self.plan_version

        product_id = self.product_id

        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(self.add_on_module_ids, Unset):
            add_on_module_ids = self.add_on_module_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
        if default_payment_method_ref is not UNSET:
            field_dict["defaultPaymentMethodRef"] = default_payment_method_ref
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if add_on_module_ids is not UNSET:
            field_dict["addOnModuleIds"] = add_on_module_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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

        default_payment_method_ref = d.pop("defaultPaymentMethodRef", UNSET)

        plan_id = d.pop("planId", UNSET)

        plan_version = d.pop("planVersion", UNSET)

        product_id = d.pop("productId", UNSET)

        add_on_module_ids = cast(list[str], d.pop("addOnModuleIds", UNSET))

        subscription = cls(
            status=status,
            cancel_at_period_end=cancel_at_period_end,
            seats=seats,
            amount=amount,
            currency=currency,
            interval=interval,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
            trial_end=trial_end,
            canceled_at=canceled_at,
            default_payment_method_ref=default_payment_method_ref,
            plan_id=plan_id,
            plan_version=plan_version,
            product_id=product_id,
            add_on_module_ids=add_on_module_ids,
        )

        subscription.additional_properties = d
        return subscription

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

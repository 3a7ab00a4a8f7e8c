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
        cancel_at_period_end (bool | None):
        seats (int | None):
        amount (int | None): Per-seat price in cents.
        currency (str | None):
        interval (str | None):
        current_period_start (None | str):
        current_period_end (None | str):
        trial_end (None | str):
        canceled_at (None | str):
        default_payment_method_ref (str | None): Opaque; byte-identical to the method's `ref`. Absent when there is no
            default.
        plan_id (str | None): Plan sold (echo, INFERENCE).
        plan_version (int | None): Plan version sold (echo, INFERENCE).
        product_id (str | None):
        add_on_module_ids (list[str] | None):
    """

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
    default_payment_method_ref: str | None = None
    plan_id: str | None = None
    plan_version: int | None = None
    product_id: str | None = None
    add_on_module_ids: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
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

        default_payment_method_ref_or_unset = (
            UNSET if self.default_payment_method_ref is None else self.default_payment_method_ref
        )
        default_payment_method_ref = default_payment_method_ref_or_unset

        plan_id_or_unset = UNSET if self.plan_id is None else self.plan_id
        plan_id = plan_id_or_unset

        plan_version_or_unset = UNSET if self.plan_version is None else self.plan_version
        plan_version = plan_version_or_unset

        product_id_or_unset = UNSET if self.product_id is None else self.product_id
        product_id = product_id_or_unset

        add_on_module_ids_or_unset = UNSET if self.add_on_module_ids is None else self.add_on_module_ids
        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(add_on_module_ids_or_unset, Unset):
            add_on_module_ids = add_on_module_ids_or_unset

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

        _instance = cls(
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
            default_payment_method_ref=None
            if isinstance(default_payment_method_ref, Unset)
            else default_payment_method_ref,
            plan_id=None if isinstance(plan_id, Unset) else plan_id,
            plan_version=None if isinstance(plan_version, Unset) else plan_version,
            product_id=None if isinstance(product_id, Unset) else product_id,
            add_on_module_ids=None if isinstance(add_on_module_ids, Unset) else add_on_module_ids,
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

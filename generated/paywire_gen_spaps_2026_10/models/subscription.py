from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subscription_item import SubscriptionItem
    from ..models.subscription_plan import SubscriptionPlan


@cache
def _lazy_models() -> tuple[
    type[SubscriptionItem],
    type[SubscriptionPlan],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.subscription_item import SubscriptionItem  # noqa: PLC0415
    from ..models.subscription_plan import SubscriptionPlan  # noqa: PLC0415

    return (
        SubscriptionItem,
        SubscriptionPlan,
    )


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        id (str):
        status (str):
        current_period_start (int | None): unix seconds
        current_period_end (int | None): unix seconds
        cancel_at_period_end (bool | None):
        canceled_at (int | None): unix seconds
        items (list[SubscriptionItem] | None):
        plan (None | SubscriptionPlan):
    """

    id: str
    status: str
    current_period_start: int | None = None
    current_period_end: int | None = None
    cancel_at_period_end: bool | None = None
    canceled_at: int | None = None
    items: list[SubscriptionItem] | None = None
    plan: None | SubscriptionPlan = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_plan import SubscriptionPlan  # noqa: PLC0415

        id = self.id

        status = self.status

        current_period_start_or_unset = UNSET if self.current_period_start is None else self.current_period_start
        current_period_start: int | None | Unset
        if isinstance(current_period_start_or_unset, Unset):
            current_period_start = UNSET
        else:
            current_period_start = current_period_start_or_unset

        current_period_end_or_unset = UNSET if self.current_period_end is None else self.current_period_end
        current_period_end: int | None | Unset
        if isinstance(current_period_end_or_unset, Unset):
            current_period_end = UNSET
        else:
            current_period_end = current_period_end_or_unset

        cancel_at_period_end_or_unset = UNSET if self.cancel_at_period_end is None else self.cancel_at_period_end
        cancel_at_period_end = cancel_at_period_end_or_unset

        canceled_at_or_unset = UNSET if self.canceled_at is None else self.canceled_at
        canceled_at: int | None | Unset
        if isinstance(canceled_at_or_unset, Unset):
            canceled_at = UNSET
        else:
            canceled_at = canceled_at_or_unset

        items_or_unset = UNSET if self.items is None else self.items
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(items_or_unset, Unset):
            items = []
            for items_item_data in items_or_unset:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        plan_or_unset = UNSET if self.plan is None else self.plan
        plan: dict[str, Any] | None | Unset
        if isinstance(plan_or_unset, Unset):
            plan = UNSET
        elif isinstance(plan_or_unset, SubscriptionPlan):
            plan = plan_or_unset.to_dict()
        else:
            plan = plan_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if current_period_start is not UNSET:
            field_dict["current_period_start"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["current_period_end"] = current_period_end
        if cancel_at_period_end is not UNSET:
            field_dict["cancel_at_period_end"] = cancel_at_period_end
        if canceled_at is not UNSET:
            field_dict["canceled_at"] = canceled_at
        if items is not UNSET:
            field_dict["items"] = items
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            SubscriptionItem,
            SubscriptionPlan,
        ) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        def _parse_current_period_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_period_start = _parse_current_period_start(d.pop("current_period_start", UNSET))

        def _parse_current_period_end(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_period_end = _parse_current_period_end(d.pop("current_period_end", UNSET))

        cancel_at_period_end = d.pop("cancel_at_period_end", UNSET)

        def _parse_canceled_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        canceled_at = _parse_canceled_at(d.pop("canceled_at", UNSET))

        _items = d.pop("items", UNSET)
        items: list[SubscriptionItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = SubscriptionItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_plan(data: object) -> None | SubscriptionPlan | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                plan_type_0 = SubscriptionPlan.from_dict(data)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionPlan | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        _instance = cls(
            id=id,
            status=status,
            current_period_start=None if isinstance(current_period_start, Unset) else current_period_start,
            current_period_end=None if isinstance(current_period_end, Unset) else current_period_end,
            cancel_at_period_end=None if isinstance(cancel_at_period_end, Unset) else cancel_at_period_end,
            canceled_at=None if isinstance(canceled_at, Unset) else canceled_at,
            items=None if isinstance(items, Unset) else items,
            plan=None if isinstance(plan, Unset) else plan,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_line import PreviewLine


@cache
def _lazy_models() -> tuple[type[PreviewLine],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.preview_line import PreviewLine  # noqa: PLC0415

    return (PreviewLine,)


T = TypeVar("T", bound="ChangePreview")


@_attrs_define
class ChangePreview:
    """Proration preview (DECISION; UNKNOWN upstream).

    Attributes:
        currency (str):
        amount_due (int): Amount that would be charged now, in cents (may be 0 or negative for a credit).
        subtotal (int | None):
        total (int | None): Next recurring invoice total after the change, in cents.
        proration_date (None | str):
        lines (list[PreviewLine] | None):
        plan_id (str | None):
        plan_version (int | None):
        product_id (str | None):
        seats (int | None):
        add_on_module_ids (list[str] | None):
    """

    currency: str
    amount_due: int
    subtotal: int | None = None
    total: int | None = None
    proration_date: None | str = None
    lines: list[PreviewLine] | None = None
    plan_id: str | None = None
    plan_version: int | None = None
    product_id: str | None = None
    seats: int | None = None
    add_on_module_ids: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        amount_due = self.amount_due

        subtotal_or_unset = UNSET if self.subtotal is None else self.subtotal
        subtotal = subtotal_or_unset

        total_or_unset = UNSET if self.total is None else self.total
        total = total_or_unset

        proration_date_or_unset = UNSET if self.proration_date is None else self.proration_date
        proration_date: None | str | Unset
        if isinstance(proration_date_or_unset, Unset):
            proration_date = UNSET
        else:
            proration_date = proration_date_or_unset

        lines_or_unset = UNSET if self.lines is None else self.lines
        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(lines_or_unset, Unset):
            lines = []
            for lines_item_data in lines_or_unset:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        plan_id_or_unset = UNSET if self.plan_id is None else self.plan_id
        plan_id = plan_id_or_unset

        plan_version_or_unset = UNSET if self.plan_version is None else self.plan_version
        plan_version = plan_version_or_unset

        product_id_or_unset = UNSET if self.product_id is None else self.product_id
        product_id = product_id_or_unset

        seats_or_unset = UNSET if self.seats is None else self.seats
        seats = seats_or_unset

        add_on_module_ids_or_unset = UNSET if self.add_on_module_ids is None else self.add_on_module_ids
        add_on_module_ids: list[str] | Unset = UNSET
        if not isinstance(add_on_module_ids_or_unset, Unset):
            add_on_module_ids = add_on_module_ids_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "amountDue": amount_due,
            }
        )
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if total is not UNSET:
            field_dict["total"] = total
        if proration_date is not UNSET:
            field_dict["prorationDate"] = proration_date
        if lines is not UNSET:
            field_dict["lines"] = lines
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if plan_version is not UNSET:
            field_dict["planVersion"] = plan_version
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if seats is not UNSET:
            field_dict["seats"] = seats
        if add_on_module_ids is not UNSET:
            field_dict["addOnModuleIds"] = add_on_module_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (PreviewLine,) = _lazy_models()
        d = dict(src_dict)
        currency = d.pop("currency")

        amount_due = d.pop("amountDue")

        subtotal = d.pop("subtotal", UNSET)

        total = d.pop("total", UNSET)

        def _parse_proration_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proration_date = _parse_proration_date(d.pop("prorationDate", UNSET))

        _lines = d.pop("lines", UNSET)
        lines: list[PreviewLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = PreviewLine.from_dict(lines_item_data)

                lines.append(lines_item)

        plan_id = d.pop("planId", UNSET)

        plan_version = d.pop("planVersion", UNSET)

        product_id = d.pop("productId", UNSET)

        seats = d.pop("seats", UNSET)

        add_on_module_ids = cast(list[str], d.pop("addOnModuleIds", UNSET))

        _instance = cls(
            currency=currency,
            amount_due=amount_due,
            subtotal=None if isinstance(subtotal, Unset) else subtotal,
            total=None if isinstance(total, Unset) else total,
            proration_date=None if isinstance(proration_date, Unset) else proration_date,
            lines=None if isinstance(lines, Unset) else lines,
            plan_id=None if isinstance(plan_id, Unset) else plan_id,
            plan_version=None if isinstance(plan_version, Unset) else plan_version,
            product_id=None if isinstance(product_id, Unset) else product_id,
            seats=None if isinstance(seats, Unset) else seats,
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

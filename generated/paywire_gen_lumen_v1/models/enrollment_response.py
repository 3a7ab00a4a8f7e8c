from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrolled_subscription import EnrolledSubscription
    from ..models.enrollment_invoice import EnrollmentInvoice
    from ..models.plan_ref import PlanRef


@cache
def _lazy_models() -> tuple[
    type[EnrolledSubscription],
    type[EnrollmentInvoice],
    type[PlanRef],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.enrolled_subscription import EnrolledSubscription  # noqa: PLC0415
    from ..models.enrollment_invoice import EnrollmentInvoice  # noqa: PLC0415
    from ..models.plan_ref import PlanRef  # noqa: PLC0415

    return (
        EnrolledSubscription,
        EnrollmentInvoice,
        PlanRef,
    )


T = TypeVar("T", bound="EnrollmentResponse")


@_attrs_define
class EnrollmentResponse:
    """
    Attributes:
        subscription (EnrolledSubscription):
        message (str | None):
        invoice (EnrollmentInvoice | None):
        plan (PlanRef | None):
        credit_grants_created (int | None):
    """

    subscription: EnrolledSubscription
    message: str | None = None
    invoice: EnrollmentInvoice | None = None
    plan: PlanRef | None = None
    credit_grants_created: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_invoice import EnrollmentInvoice  # noqa: PLC0415

        subscription = self.subscription.to_dict()

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        invoice_or_unset = UNSET if self.invoice is None else self.invoice
        invoice: dict[str, Any] | None | Unset
        if isinstance(invoice_or_unset, Unset):
            invoice = UNSET
        elif isinstance(invoice_or_unset, EnrollmentInvoice):
            invoice = invoice_or_unset.to_dict()
        else:
            invoice = invoice_or_unset

        plan_or_unset = UNSET if self.plan is None else self.plan
        plan: dict[str, Any] | Unset = UNSET
        if not isinstance(plan_or_unset, Unset):
            plan = plan_or_unset.to_dict()

        credit_grants_created_or_unset = UNSET if self.credit_grants_created is None else self.credit_grants_created
        credit_grants_created = credit_grants_created_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscription": subscription,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if invoice is not UNSET:
            field_dict["invoice"] = invoice
        if plan is not UNSET:
            field_dict["plan"] = plan
        if credit_grants_created is not UNSET:
            field_dict["credit_grants_created"] = credit_grants_created

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            EnrolledSubscription,
            EnrollmentInvoice,
            PlanRef,
        ) = _lazy_models()
        d = dict(src_dict)
        subscription = EnrolledSubscription.from_dict(d.pop("subscription"))

        message = d.pop("message", UNSET)

        def _parse_invoice(data: object) -> EnrollmentInvoice | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invoice_type_0 = EnrollmentInvoice.from_dict(data)

                return invoice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentInvoice | None | Unset, data)

        invoice = _parse_invoice(d.pop("invoice", UNSET))

        _plan = d.pop("plan", UNSET)
        plan: PlanRef | Unset
        if isinstance(_plan, Unset):
            plan = UNSET
        else:
            plan = PlanRef.from_dict(_plan)

        credit_grants_created = d.pop("credit_grants_created", UNSET)

        _instance = cls(
            subscription=subscription,
            message=None if isinstance(message, Unset) else message,
            invoice=None if isinstance(invoice, Unset) else invoice,
            plan=None if isinstance(plan, Unset) else plan,
            credit_grants_created=None if isinstance(credit_grants_created, Unset) else credit_grants_created,
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

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.portal_invoice import PortalInvoice
    from ..models.portal_payment import PortalPayment
    from ..models.portal_payment_method import PortalPaymentMethod
    from ..models.portal_subscription import PortalSubscription
    from ..models.status_customer import StatusCustomer


@cache
def _lazy_models() -> tuple[
    type[PortalInvoice],
    type[PortalPayment],
    type[PortalPaymentMethod],
    type[PortalSubscription],
    type[StatusCustomer],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.portal_invoice import PortalInvoice  # noqa: PLC0415
    from ..models.portal_payment import PortalPayment  # noqa: PLC0415
    from ..models.portal_payment_method import PortalPaymentMethod  # noqa: PLC0415
    from ..models.portal_subscription import PortalSubscription  # noqa: PLC0415
    from ..models.status_customer import StatusCustomer  # noqa: PLC0415

    return (
        PortalInvoice,
        PortalPayment,
        PortalPaymentMethod,
        PortalSubscription,
        StatusCustomer,
    )


T = TypeVar("T", bound="PortalOverview")


@_attrs_define
class PortalOverview:
    """
    Attributes:
        customer (StatusCustomer):
        payment_methods (list[PortalPaymentMethod]):
        invoices (list[PortalInvoice]):
        payments (list[PortalPayment]):
        subscription (None | PortalSubscription):
    """

    customer: StatusCustomer
    payment_methods: list[PortalPaymentMethod]
    invoices: list[PortalInvoice]
    payments: list[PortalPayment]
    subscription: None | PortalSubscription = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.portal_subscription import PortalSubscription  # noqa: PLC0415

        customer = self.customer.to_dict()

        payment_methods = []
        for payment_methods_item_data in self.payment_methods:
            payment_methods_item = payment_methods_item_data.to_dict()
            payment_methods.append(payment_methods_item)

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        subscription_or_unset = UNSET if self.subscription is None else self.subscription
        subscription: dict[str, Any] | None | Unset
        if isinstance(subscription_or_unset, Unset):
            subscription = UNSET
        elif isinstance(subscription_or_unset, PortalSubscription):
            subscription = subscription_or_unset.to_dict()
        else:
            subscription = subscription_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer": customer,
                "paymentMethods": payment_methods,
                "invoices": invoices,
                "payments": payments,
            }
        )
        if subscription is not UNSET:
            field_dict["subscription"] = subscription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            PortalInvoice,
            PortalPayment,
            PortalPaymentMethod,
            PortalSubscription,
            StatusCustomer,
        ) = _lazy_models()
        d = dict(src_dict)
        customer = StatusCustomer.from_dict(d.pop("customer"))

        payment_methods = []
        _payment_methods = d.pop("paymentMethods")
        for payment_methods_item_data in _payment_methods:
            payment_methods_item = PortalPaymentMethod.from_dict(payment_methods_item_data)

            payment_methods.append(payment_methods_item)

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = PortalInvoice.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PortalPayment.from_dict(payments_item_data)

            payments.append(payments_item)

        def _parse_subscription(data: object) -> None | PortalSubscription | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = PortalSubscription.from_dict(data)

                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PortalSubscription | Unset, data)

        subscription = _parse_subscription(d.pop("subscription", UNSET))

        _instance = cls(
            customer=customer,
            payment_methods=payment_methods,
            invoices=invoices,
            payments=payments,
            subscription=None if isinstance(subscription, Unset) else subscription,
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

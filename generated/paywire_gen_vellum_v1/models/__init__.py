"""Contains all the data models used in inputs/outputs.

Each model's module is imported when its name is first used (``from <package>.models import X``
or ``models.X``), not when this package is imported: an operation loads only the models it needs.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account import Account
    from .checkout_request import CheckoutRequest
    from .checkout_session import CheckoutSession
    from .create_account_request import CreateAccountRequest
    from .create_customer_request import CreateCustomerRequest
    from .customer import Customer
    from .entitlements import Entitlements
    from .entitlements_config import EntitlementsConfig
    from .error import Error
    from .invoice import Invoice
    from .invoice_list import InvoiceList
    from .payment_event_data import PaymentEventData
    from .payment_method import PaymentMethod
    from .payment_method_list import PaymentMethodList
    from .push_event import PushEvent
    from .push_event_data import PushEventData
    from .push_invoice import PushInvoice
    from .removed_payment_method import RemovedPaymentMethod
    from .set_subscription_payment_method_request import SetSubscriptionPaymentMethodRequest
    from .setup_checkout_request import SetupCheckoutRequest
    from .status_request import StatusRequest
    from .subscribe_request import SubscribeRequest
    from .subscribe_response import SubscribeResponse
    from .subscription import Subscription
    from .subscription_event_data import SubscriptionEventData
    from .subscription_payment_method_result import SubscriptionPaymentMethodResult
else:
    from importlib import import_module

    # model or enum name -> the submodule that defines it
    _MODULE_OF: dict[str, str] = {
        "Account": "account",
        "CheckoutRequest": "checkout_request",
        "CheckoutSession": "checkout_session",
        "CreateAccountRequest": "create_account_request",
        "CreateCustomerRequest": "create_customer_request",
        "Customer": "customer",
        "Entitlements": "entitlements",
        "EntitlementsConfig": "entitlements_config",
        "Error": "error",
        "Invoice": "invoice",
        "InvoiceList": "invoice_list",
        "PaymentEventData": "payment_event_data",
        "PaymentMethod": "payment_method",
        "PaymentMethodList": "payment_method_list",
        "PushEvent": "push_event",
        "PushEventData": "push_event_data",
        "PushInvoice": "push_invoice",
        "RemovedPaymentMethod": "removed_payment_method",
        "SetSubscriptionPaymentMethodRequest": "set_subscription_payment_method_request",
        "SetupCheckoutRequest": "setup_checkout_request",
        "StatusRequest": "status_request",
        "SubscribeRequest": "subscribe_request",
        "SubscribeResponse": "subscribe_response",
        "Subscription": "subscription",
        "SubscriptionEventData": "subscription_event_data",
        "SubscriptionPaymentMethodResult": "subscription_payment_method_result",
    }

    def __getattr__(name: str) -> object:
        """Import the submodule defining ``name`` (a model, or a submodule itself, which the eager
        imports also made attributes) on first access and cache the result in this module."""
        module = _MODULE_OF.get(name)
        if module is not None:
            value = getattr(import_module(f".{module}", __name__), name)
            globals()[name] = value
            return value
        if name in _SUBMODULES:
            return import_module(f".{name}", __name__)  # the import binds it in globals()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    _SUBMODULES = frozenset(_MODULE_OF.values())

    def __dir__() -> list[str]:
        """What ``dir()`` listed when every model was imported eagerly: names and submodules."""
        return sorted(set(globals()) | _MODULE_OF.keys() | _SUBMODULES)


__all__ = (
    "Account",
    "CheckoutRequest",
    "CheckoutSession",
    "CreateAccountRequest",
    "CreateCustomerRequest",
    "Customer",
    "Entitlements",
    "EntitlementsConfig",
    "Error",
    "Invoice",
    "InvoiceList",
    "PaymentEventData",
    "PaymentMethod",
    "PaymentMethodList",
    "PushEvent",
    "PushEventData",
    "PushInvoice",
    "RemovedPaymentMethod",
    "SetSubscriptionPaymentMethodRequest",
    "SetupCheckoutRequest",
    "StatusRequest",
    "SubscribeRequest",
    "SubscribeResponse",
    "Subscription",
    "SubscriptionEventData",
    "SubscriptionPaymentMethodResult",
)

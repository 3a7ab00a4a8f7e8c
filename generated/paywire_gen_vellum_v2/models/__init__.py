"""Contains all the data models used in inputs/outputs.

Each model's module is imported when its name is first used (``from <package>.models import X``
or ``models.X``), not when this package is imported: an operation loads only the models it needs.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account import Account
    from .change_plan_request import ChangePlanRequest
    from .change_preview import ChangePreview
    from .checkout_request import CheckoutRequest
    from .checkout_session import CheckoutSession
    from .consume_credits_request import ConsumeCreditsRequest
    from .consume_credits_result import ConsumeCreditsResult
    from .create_account_request import CreateAccountRequest
    from .create_customer_request import CreateCustomerRequest
    from .credit_balance import CreditBalance
    from .credit_balance_list import CreditBalanceList
    from .credit_checkout_item import CreditCheckoutItem
    from .credit_checkout_request import CreditCheckoutRequest
    from .credit_pack import CreditPack
    from .credit_pack_list import CreditPackList
    from .credit_type import CreditType
    from .credit_type_list import CreditTypeList
    from .customer import Customer
    from .entitlements import Entitlements
    from .entitlements_config import EntitlementsConfig
    from .error import Error
    from .flags import Flags
    from .flags_flags import FlagsFlags
    from .invoice import Invoice
    from .invoice_list import InvoiceList
    from .payment_event_data import PaymentEventData
    from .payment_method import PaymentMethod
    from .payment_method_list import PaymentMethodList
    from .preview_change_request import PreviewChangeRequest
    from .preview_line import PreviewLine
    from .push_event import PushEvent
    from .push_event_data import PushEventData
    from .push_invoice import PushInvoice
    from .removed_payment_method import RemovedPaymentMethod
    from .session_url import SessionUrl
    from .set_seats_request import SetSeatsRequest
    from .set_subscription_payment_method_request import SetSubscriptionPaymentMethodRequest
    from .setup_checkout_request import SetupCheckoutRequest
    from .status_request import StatusRequest
    from .subscribe_request import SubscribeRequest
    from .subscription import Subscription
    from .subscription_event_data import SubscriptionEventData
    from .update_add_ons_request import UpdateAddOnsRequest
    from .update_subscription_request import UpdateSubscriptionRequest
else:
    from importlib import import_module

    # model or enum name -> the submodule that defines it
    _MODULE_OF: dict[str, str] = {
        "Account": "account",
        "ChangePlanRequest": "change_plan_request",
        "ChangePreview": "change_preview",
        "CheckoutRequest": "checkout_request",
        "CheckoutSession": "checkout_session",
        "ConsumeCreditsRequest": "consume_credits_request",
        "ConsumeCreditsResult": "consume_credits_result",
        "CreateAccountRequest": "create_account_request",
        "CreateCustomerRequest": "create_customer_request",
        "CreditBalance": "credit_balance",
        "CreditBalanceList": "credit_balance_list",
        "CreditCheckoutItem": "credit_checkout_item",
        "CreditCheckoutRequest": "credit_checkout_request",
        "CreditPack": "credit_pack",
        "CreditPackList": "credit_pack_list",
        "CreditType": "credit_type",
        "CreditTypeList": "credit_type_list",
        "Customer": "customer",
        "Entitlements": "entitlements",
        "EntitlementsConfig": "entitlements_config",
        "Error": "error",
        "Flags": "flags",
        "FlagsFlags": "flags_flags",
        "Invoice": "invoice",
        "InvoiceList": "invoice_list",
        "PaymentEventData": "payment_event_data",
        "PaymentMethod": "payment_method",
        "PaymentMethodList": "payment_method_list",
        "PreviewChangeRequest": "preview_change_request",
        "PreviewLine": "preview_line",
        "PushEvent": "push_event",
        "PushEventData": "push_event_data",
        "PushInvoice": "push_invoice",
        "RemovedPaymentMethod": "removed_payment_method",
        "SessionUrl": "session_url",
        "SetSeatsRequest": "set_seats_request",
        "SetSubscriptionPaymentMethodRequest": "set_subscription_payment_method_request",
        "SetupCheckoutRequest": "setup_checkout_request",
        "StatusRequest": "status_request",
        "SubscribeRequest": "subscribe_request",
        "Subscription": "subscription",
        "SubscriptionEventData": "subscription_event_data",
        "UpdateAddOnsRequest": "update_add_ons_request",
        "UpdateSubscriptionRequest": "update_subscription_request",
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
    "ChangePlanRequest",
    "ChangePreview",
    "CheckoutRequest",
    "CheckoutSession",
    "ConsumeCreditsRequest",
    "ConsumeCreditsResult",
    "CreateAccountRequest",
    "CreateCustomerRequest",
    "CreditBalance",
    "CreditBalanceList",
    "CreditCheckoutItem",
    "CreditCheckoutRequest",
    "CreditPack",
    "CreditPackList",
    "CreditType",
    "CreditTypeList",
    "Customer",
    "Entitlements",
    "EntitlementsConfig",
    "Error",
    "Flags",
    "FlagsFlags",
    "Invoice",
    "InvoiceList",
    "PaymentEventData",
    "PaymentMethod",
    "PaymentMethodList",
    "PreviewChangeRequest",
    "PreviewLine",
    "PushEvent",
    "PushEventData",
    "PushInvoice",
    "RemovedPaymentMethod",
    "SessionUrl",
    "SetSeatsRequest",
    "SetSubscriptionPaymentMethodRequest",
    "SetupCheckoutRequest",
    "StatusRequest",
    "SubscribeRequest",
    "Subscription",
    "SubscriptionEventData",
    "UpdateAddOnsRequest",
    "UpdateSubscriptionRequest",
)

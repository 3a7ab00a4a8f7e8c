"""Contains all the data models used in inputs/outputs"""

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

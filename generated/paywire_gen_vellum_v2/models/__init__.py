"""Contains all the data models used in inputs/outputs"""

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

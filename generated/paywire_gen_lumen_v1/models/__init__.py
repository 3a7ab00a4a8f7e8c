"""Contains all the data models used in inputs/outputs"""

from .add_seat_request import AddSeatRequest
from .add_seat_request_metadata import AddSeatRequestMetadata
from .add_seat_response import AddSeatResponse
from .create_setup_intent_request import CreateSetupIntentRequest
from .created_user_info import CreatedUserInfo
from .credit_info import CreditInfo
from .dodo_setup_intent_response import DodoSetupIntentResponse
from .dodo_setup_link import DodoSetupLink
from .enrolled_subscription import EnrolledSubscription
from .enrolled_subscription_subscription_details_item import EnrolledSubscriptionSubscriptionDetailsItem
from .enrolled_subscription_subscription_features_item import EnrolledSubscriptionSubscriptionFeaturesItem
from .enrollment_invoice import EnrollmentInvoice
from .enrollment_request import EnrollmentRequest
from .enrollment_response import EnrollmentResponse
from .entitlement import Entitlement
from .entitlement_feature import EntitlementFeature
from .entitlement_usage import EntitlementUsage
from .entitlements_response import EntitlementsResponse
from .error_body import ErrorBody
from .event_accepted_message import EventAcceptedMessage
from .event_ingested import EventIngested
from .event_request import EventRequest
from .event_request_properties import EventRequestProperties
from .free_subscription_request import FreeSubscriptionRequest
from .free_subscription_response import FreeSubscriptionResponse
from .ingested_event import IngestedEvent
from .ingested_event_properties_type_0 import IngestedEventPropertiesType0
from .invoice_pdf_response import InvoicePdfResponse
from .invoice_ref import InvoiceRef
from .is_ext_cust_id_flag import IsExtCustIdFlag
from .other_setup_intent_response import OtherSetupIntentResponse
from .plan_ref import PlanRef
from .portal_action_response import PortalActionResponse
from .portal_invoice import PortalInvoice
from .portal_overview import PortalOverview
from .portal_overview_response import PortalOverviewResponse
from .portal_payment import PortalPayment
from .portal_payment_method import PortalPaymentMethod
from .portal_subscription import PortalSubscription
from .remove_seat_request import RemoveSeatRequest
from .remove_seat_request_metadata import RemoveSeatRequestMetadata
from .remove_seat_response import RemoveSeatResponse
from .seat_price_component import SeatPriceComponent
from .seat_subscription_detail import SeatSubscriptionDetail
from .seat_usage_item import SeatUsageItem
from .seat_usage_response import SeatUsageResponse
from .set_subscription_payment_method_request import SetSubscriptionPaymentMethodRequest
from .status_customer import StatusCustomer
from .status_subscription import StatusSubscription
from .stripe_setup_intent import StripeSetupIntent
from .stripe_setup_intent_response import StripeSetupIntentResponse
from .subscription_exists_error import SubscriptionExistsError
from .subscription_status import SubscriptionStatus

__all__ = (
    "AddSeatRequest",
    "AddSeatRequestMetadata",
    "AddSeatResponse",
    "CreatedUserInfo",
    "CreateSetupIntentRequest",
    "CreditInfo",
    "DodoSetupIntentResponse",
    "DodoSetupLink",
    "EnrolledSubscription",
    "EnrolledSubscriptionSubscriptionDetailsItem",
    "EnrolledSubscriptionSubscriptionFeaturesItem",
    "EnrollmentInvoice",
    "EnrollmentRequest",
    "EnrollmentResponse",
    "Entitlement",
    "EntitlementFeature",
    "EntitlementsResponse",
    "EntitlementUsage",
    "ErrorBody",
    "EventAcceptedMessage",
    "EventIngested",
    "EventRequest",
    "EventRequestProperties",
    "FreeSubscriptionRequest",
    "FreeSubscriptionResponse",
    "IngestedEvent",
    "IngestedEventPropertiesType0",
    "InvoicePdfResponse",
    "InvoiceRef",
    "IsExtCustIdFlag",
    "OtherSetupIntentResponse",
    "PlanRef",
    "PortalActionResponse",
    "PortalInvoice",
    "PortalOverview",
    "PortalOverviewResponse",
    "PortalPayment",
    "PortalPaymentMethod",
    "PortalSubscription",
    "RemoveSeatRequest",
    "RemoveSeatRequestMetadata",
    "RemoveSeatResponse",
    "SeatPriceComponent",
    "SeatSubscriptionDetail",
    "SeatUsageItem",
    "SeatUsageResponse",
    "SetSubscriptionPaymentMethodRequest",
    "StatusCustomer",
    "StatusSubscription",
    "StripeSetupIntent",
    "StripeSetupIntentResponse",
    "SubscriptionExistsError",
    "SubscriptionStatus",
)

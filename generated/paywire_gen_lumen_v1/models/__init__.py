"""Contains all the data models used in inputs/outputs.

Each model's module is imported when its name is first used (``from <package>.models import X``
or ``models.X``), not when this package is imported: an operation loads only the models it needs.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
else:
    from importlib import import_module

    # model or enum name -> the submodule that defines it
    _MODULE_OF: dict[str, str] = {
        "AddSeatRequest": "add_seat_request",
        "AddSeatRequestMetadata": "add_seat_request_metadata",
        "AddSeatResponse": "add_seat_response",
        "CreateSetupIntentRequest": "create_setup_intent_request",
        "CreatedUserInfo": "created_user_info",
        "CreditInfo": "credit_info",
        "DodoSetupIntentResponse": "dodo_setup_intent_response",
        "DodoSetupLink": "dodo_setup_link",
        "EnrolledSubscription": "enrolled_subscription",
        "EnrolledSubscriptionSubscriptionDetailsItem": "enrolled_subscription_subscription_details_item",
        "EnrolledSubscriptionSubscriptionFeaturesItem": "enrolled_subscription_subscription_features_item",
        "EnrollmentInvoice": "enrollment_invoice",
        "EnrollmentRequest": "enrollment_request",
        "EnrollmentResponse": "enrollment_response",
        "Entitlement": "entitlement",
        "EntitlementFeature": "entitlement_feature",
        "EntitlementUsage": "entitlement_usage",
        "EntitlementsResponse": "entitlements_response",
        "ErrorBody": "error_body",
        "EventAcceptedMessage": "event_accepted_message",
        "EventIngested": "event_ingested",
        "EventRequest": "event_request",
        "EventRequestProperties": "event_request_properties",
        "FreeSubscriptionRequest": "free_subscription_request",
        "FreeSubscriptionResponse": "free_subscription_response",
        "IngestedEvent": "ingested_event",
        "IngestedEventPropertiesType0": "ingested_event_properties_type_0",
        "InvoicePdfResponse": "invoice_pdf_response",
        "InvoiceRef": "invoice_ref",
        "IsExtCustIdFlag": "is_ext_cust_id_flag",
        "OtherSetupIntentResponse": "other_setup_intent_response",
        "PlanRef": "plan_ref",
        "PortalActionResponse": "portal_action_response",
        "PortalInvoice": "portal_invoice",
        "PortalOverview": "portal_overview",
        "PortalOverviewResponse": "portal_overview_response",
        "PortalPayment": "portal_payment",
        "PortalPaymentMethod": "portal_payment_method",
        "PortalSubscription": "portal_subscription",
        "RemoveSeatRequest": "remove_seat_request",
        "RemoveSeatRequestMetadata": "remove_seat_request_metadata",
        "RemoveSeatResponse": "remove_seat_response",
        "SeatPriceComponent": "seat_price_component",
        "SeatSubscriptionDetail": "seat_subscription_detail",
        "SeatUsageItem": "seat_usage_item",
        "SeatUsageResponse": "seat_usage_response",
        "SetSubscriptionPaymentMethodRequest": "set_subscription_payment_method_request",
        "StatusCustomer": "status_customer",
        "StatusSubscription": "status_subscription",
        "StripeSetupIntent": "stripe_setup_intent",
        "StripeSetupIntentResponse": "stripe_setup_intent_response",
        "SubscriptionExistsError": "subscription_exists_error",
        "SubscriptionStatus": "subscription_status",
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

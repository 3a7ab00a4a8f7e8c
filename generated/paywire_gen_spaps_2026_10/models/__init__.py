"""Contains all the data models used in inputs/outputs"""

from .add_whitelist_entry_request import AddWhitelistEntryRequest
from .amounts import Amounts
from .auth_method import AuthMethod
from .auth_method_config import AuthMethodConfig
from .auth_methods import AuthMethods
from .auth_methods_response import AuthMethodsResponse
from .auth_tokens import AuthTokens
from .auth_user import AuthUser
from .cancel_subscription_request import CancelSubscriptionRequest
from .checkout_session_created import CheckoutSessionCreated
from .checkout_session_detail import CheckoutSessionDetail
from .checkout_session_detail_response import CheckoutSessionDetailResponse
from .checkout_session_list import CheckoutSessionList
from .checkout_session_list_response import CheckoutSessionListResponse
from .checkout_session_summary import CheckoutSessionSummary
from .confirm_password_reset_request import ConfirmPasswordResetRequest
from .convert_guest_checkout_request import ConvertGuestCheckoutRequest
from .create_checkout_session_request import CreateCheckoutSessionRequest
from .create_checkout_session_request_mode import CreateCheckoutSessionRequestMode
from .create_checkout_session_response import CreateCheckoutSessionResponse
from .create_crypto_invoice_request import CreateCryptoInvoiceRequest
from .create_guest_checkout_session_request import CreateGuestCheckoutSessionRequest
from .create_guest_checkout_session_request_mode import CreateGuestCheckoutSessionRequestMode
from .create_secure_message_request import CreateSecureMessageRequest
from .crypto_invoice import CryptoInvoice
from .crypto_invoice_created_response import CryptoInvoiceCreatedResponse
from .crypto_invoice_response import CryptoInvoiceResponse
from .crypto_invoice_status import CryptoInvoiceStatus
from .crypto_invoice_status_response import CryptoInvoiceStatusResponse
from .crypto_invoice_wrapper import CryptoInvoiceWrapper
from .current_session import CurrentSession
from .current_session_data import CurrentSessionData
from .current_session_response import CurrentSessionResponse
from .current_user import CurrentUser
from .current_user_data import CurrentUserData
from .current_user_response import CurrentUserResponse
from .dimensions import Dimensions
from .email_sent_data import EmailSentData
from .email_sent_response import EmailSentResponse
from .empty_request import EmptyRequest
from .error_detail import ErrorDetail
from .error_metadata import ErrorMetadata
from .error_response import ErrorResponse
from .expire_checkout_session_response import ExpireCheckoutSessionResponse
from .expire_result import ExpireResult
from .feature_usage import FeatureUsage
from .guest_checkout_created import GuestCheckoutCreated
from .guest_checkout_created_response import GuestCheckoutCreatedResponse
from .guest_checkout_session_list import GuestCheckoutSessionList
from .guest_checkout_session_list_response import GuestCheckoutSessionListResponse
from .guest_checkout_session_summary import GuestCheckoutSessionSummary
from .guest_conversion import GuestConversion
from .guest_convert_response import GuestConvertResponse
from .health_status import HealthStatus
from .line_item import LineItem
from .login_request import LoginRequest
from .logout_response import LogoutResponse
from .magic_link_request import MagicLinkRequest
from .magic_link_sign_in import MagicLinkSignIn
from .magic_link_sign_in_response import MagicLinkSignInResponse
from .memory_metrics import MemoryMetrics
from .message_data import MessageData
from .message_response import MessageResponse
from .metadata import Metadata
from .metrics_json import MetricsJson
from .mfa_challenge import MfaChallenge
from .mfa_verify_request import MfaVerifyRequest
from .mfa_verify_response import MfaVerifyResponse
from .mfa_verify_result import MfaVerifyResult
from .nonce_data import NonceData
from .nonce_request import NonceRequest
from .nonce_request_chain_type import NonceRequestChainType
from .nonce_response import NonceResponse
from .password_reset_request import PasswordResetRequest
from .payment_detail_response import PaymentDetailResponse
from .payment_history import PaymentHistory
from .payment_history_response import PaymentHistoryResponse
from .payment_record import PaymentRecord
from .payment_wrapper import PaymentWrapper
from .price import Price
from .product import Product
from .product_list import ProductList
from .product_list_response import ProductListResponse
from .product_response import ProductResponse
from .readiness_status import ReadinessStatus
from .reconcile_job import ReconcileJob
from .reconcile_request import ReconcileRequest
from .reconcile_response import ReconcileResponse
from .record_usage_request import RecordUsageRequest
from .recurring import Recurring
from .refresh_request import RefreshRequest
from .refresh_response import RefreshResponse
from .refreshed_tokens import RefreshedTokens
from .register_request import RegisterRequest
from .register_response import RegisterResponse
from .register_result import RegisterResult
from .revoke_result import RevokeResult
from .revoke_session_response import RevokeSessionResponse
from .secure_message import SecureMessage
from .secure_message_list import SecureMessageList
from .secure_message_list_response import SecureMessageListResponse
from .secure_message_response import SecureMessageResponse
from .session_authority import SessionAuthority
from .session_context import SessionContext
from .session_context_entitlements_item import SessionContextEntitlementsItem
from .session_context_response import SessionContextResponse
from .session_context_wallet import SessionContextWallet
from .session_list import SessionList
from .session_list_response import SessionListResponse
from .session_summary import SessionSummary
from .session_validation import SessionValidation
from .set_password_request import SetPasswordRequest
from .sign_in_response import SignInResponse
from .string_map import StringMap
from .subscription import Subscription
from .subscription_item import SubscriptionItem
from .subscription_list import SubscriptionList
from .subscription_list_response import SubscriptionListResponse
from .subscription_plan import SubscriptionPlan
from .subscription_response import SubscriptionResponse
from .success_envelope import SuccessEnvelope
from .system_metrics import SystemMetrics
from .token_pair import TokenPair
from .touch_result import TouchResult
from .touch_session_response import TouchSessionResponse
from .update_subscription_request import UpdateSubscriptionRequest
from .update_whitelist_entry_request import UpdateWhitelistEntryRequest
from .usage_authorization import UsageAuthorization
from .usage_authorization_response import UsageAuthorizationResponse
from .usage_authorize_request import UsageAuthorizeRequest
from .usage_event import UsageEvent
from .usage_features import UsageFeatures
from .usage_features_response import UsageFeaturesResponse
from .usage_history import UsageHistory
from .usage_history_response import UsageHistoryResponse
from .usage_overage import UsageOverage
from .usage_period import UsagePeriod
from .usage_reason import UsageReason
from .usage_record import UsageRecord
from .usage_record_response import UsageRecordResponse
from .usage_resource_type import UsageResourceType
from .usage_status import UsageStatus
from .usage_status_response import UsageStatusResponse
from .usage_window import UsageWindow
from .user_wallet import UserWallet
from .validate_session_response import ValidateSessionResponse
from .verify_magic_link_request import VerifyMagicLinkRequest
from .wallet_sign_in_request import WalletSignInRequest
from .wallet_sign_in_request_chain_type import WalletSignInRequestChainType
from .whitelist_check import WhitelistCheck
from .whitelist_check_response import WhitelistCheckResponse
from .whitelist_entry import WhitelistEntry
from .whitelist_entry_data import WhitelistEntryData
from .whitelist_entry_response import WhitelistEntryResponse
from .whitelist_list import WhitelistList
from .whitelist_list_response import WhitelistListResponse
from .whitelist_removed_response import WhitelistRemovedResponse

__all__ = (
    "AddWhitelistEntryRequest",
    "Amounts",
    "AuthMethod",
    "AuthMethodConfig",
    "AuthMethods",
    "AuthMethodsResponse",
    "AuthTokens",
    "AuthUser",
    "CancelSubscriptionRequest",
    "CheckoutSessionCreated",
    "CheckoutSessionDetail",
    "CheckoutSessionDetailResponse",
    "CheckoutSessionList",
    "CheckoutSessionListResponse",
    "CheckoutSessionSummary",
    "ConfirmPasswordResetRequest",
    "ConvertGuestCheckoutRequest",
    "CreateCheckoutSessionRequest",
    "CreateCheckoutSessionRequestMode",
    "CreateCheckoutSessionResponse",
    "CreateCryptoInvoiceRequest",
    "CreateGuestCheckoutSessionRequest",
    "CreateGuestCheckoutSessionRequestMode",
    "CreateSecureMessageRequest",
    "CryptoInvoice",
    "CryptoInvoiceCreatedResponse",
    "CryptoInvoiceResponse",
    "CryptoInvoiceStatus",
    "CryptoInvoiceStatusResponse",
    "CryptoInvoiceWrapper",
    "CurrentSession",
    "CurrentSessionData",
    "CurrentSessionResponse",
    "CurrentUser",
    "CurrentUserData",
    "CurrentUserResponse",
    "Dimensions",
    "EmailSentData",
    "EmailSentResponse",
    "EmptyRequest",
    "ErrorDetail",
    "ErrorMetadata",
    "ErrorResponse",
    "ExpireCheckoutSessionResponse",
    "ExpireResult",
    "FeatureUsage",
    "GuestCheckoutCreated",
    "GuestCheckoutCreatedResponse",
    "GuestCheckoutSessionList",
    "GuestCheckoutSessionListResponse",
    "GuestCheckoutSessionSummary",
    "GuestConversion",
    "GuestConvertResponse",
    "HealthStatus",
    "LineItem",
    "LoginRequest",
    "LogoutResponse",
    "MagicLinkRequest",
    "MagicLinkSignIn",
    "MagicLinkSignInResponse",
    "MemoryMetrics",
    "MessageData",
    "MessageResponse",
    "Metadata",
    "MetricsJson",
    "MfaChallenge",
    "MfaVerifyRequest",
    "MfaVerifyResponse",
    "MfaVerifyResult",
    "NonceData",
    "NonceRequest",
    "NonceRequestChainType",
    "NonceResponse",
    "PasswordResetRequest",
    "PaymentDetailResponse",
    "PaymentHistory",
    "PaymentHistoryResponse",
    "PaymentRecord",
    "PaymentWrapper",
    "Price",
    "Product",
    "ProductList",
    "ProductListResponse",
    "ProductResponse",
    "ReadinessStatus",
    "ReconcileJob",
    "ReconcileRequest",
    "ReconcileResponse",
    "RecordUsageRequest",
    "Recurring",
    "RefreshedTokens",
    "RefreshRequest",
    "RefreshResponse",
    "RegisterRequest",
    "RegisterResponse",
    "RegisterResult",
    "RevokeResult",
    "RevokeSessionResponse",
    "SecureMessage",
    "SecureMessageList",
    "SecureMessageListResponse",
    "SecureMessageResponse",
    "SessionAuthority",
    "SessionContext",
    "SessionContextEntitlementsItem",
    "SessionContextResponse",
    "SessionContextWallet",
    "SessionList",
    "SessionListResponse",
    "SessionSummary",
    "SessionValidation",
    "SetPasswordRequest",
    "SignInResponse",
    "StringMap",
    "Subscription",
    "SubscriptionItem",
    "SubscriptionList",
    "SubscriptionListResponse",
    "SubscriptionPlan",
    "SubscriptionResponse",
    "SuccessEnvelope",
    "SystemMetrics",
    "TokenPair",
    "TouchResult",
    "TouchSessionResponse",
    "UpdateSubscriptionRequest",
    "UpdateWhitelistEntryRequest",
    "UsageAuthorization",
    "UsageAuthorizationResponse",
    "UsageAuthorizeRequest",
    "UsageEvent",
    "UsageFeatures",
    "UsageFeaturesResponse",
    "UsageHistory",
    "UsageHistoryResponse",
    "UsageOverage",
    "UsagePeriod",
    "UsageReason",
    "UsageRecord",
    "UsageRecordResponse",
    "UsageResourceType",
    "UsageStatus",
    "UsageStatusResponse",
    "UsageWindow",
    "UserWallet",
    "ValidateSessionResponse",
    "VerifyMagicLinkRequest",
    "WalletSignInRequest",
    "WalletSignInRequestChainType",
    "WhitelistCheck",
    "WhitelistCheckResponse",
    "WhitelistEntry",
    "WhitelistEntryData",
    "WhitelistEntryResponse",
    "WhitelistList",
    "WhitelistListResponse",
    "WhitelistRemovedResponse",
)

"""Contains all the data models used in inputs/outputs.

Each model's module is imported when its name is first used (``from <package>.models import X``
or ``models.X``), not when this package is imported: an operation loads only the models it needs.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .add_whitelist_entry_request import AddWhitelistEntryRequest
    from .auth_result_data import AuthResultData
    from .auth_result_response import AuthResultResponse
    from .auth_tokens import AuthTokens
    from .auth_user import AuthUser
    from .balance import Balance
    from .balance_amounts import BalanceAmounts
    from .balance_response import BalanceResponse
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
    from .create_payment_intent_request import CreatePaymentIntentRequest
    from .create_secure_message_request import CreateSecureMessageRequest
    from .credit_usage import CreditUsage
    from .crypto_invoice import CryptoInvoice
    from .crypto_invoice_created_response import CryptoInvoiceCreatedResponse
    from .crypto_invoice_response import CryptoInvoiceResponse
    from .crypto_invoice_status import CryptoInvoiceStatus
    from .crypto_invoice_status_response import CryptoInvoiceStatusResponse
    from .crypto_invoice_wrapper import CryptoInvoiceWrapper
    from .current_session import CurrentSession
    from .current_session_data import CurrentSessionData
    from .current_session_response import CurrentSessionResponse
    from .current_usage import CurrentUsage
    from .current_user import CurrentUser
    from .current_user_data import CurrentUserData
    from .current_user_response import CurrentUserResponse
    from .email_sent_data import EmailSentData
    from .email_sent_response import EmailSentResponse
    from .empty_request import EmptyRequest
    from .error_detail import ErrorDetail
    from .error_metadata import ErrorMetadata
    from .error_response import ErrorResponse
    from .expire_checkout_session_response import ExpireCheckoutSessionResponse
    from .expire_result import ExpireResult
    from .feature_totals import FeatureTotals
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
    from .memory_metrics import MemoryMetrics
    from .message_data import MessageData
    from .message_response import MessageResponse
    from .metadata import Metadata
    from .metrics_json import MetricsJson
    from .nonce_data import NonceData
    from .nonce_request import NonceRequest
    from .nonce_request_chain import NonceRequestChain
    from .nonce_request_chain_type import NonceRequestChainType
    from .nonce_response import NonceResponse
    from .password_reset_request import PasswordResetRequest
    from .payment_detail_response import PaymentDetailResponse
    from .payment_history import PaymentHistory
    from .payment_history_response import PaymentHistoryResponse
    from .payment_intent import PaymentIntent
    from .payment_intent_response import PaymentIntentResponse
    from .payment_method_response import PaymentMethodResponse
    from .payment_method_result import PaymentMethodResult
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
    from .revoke_result import RevokeResult
    from .revoke_session_response import RevokeSessionResponse
    from .secure_message import SecureMessage
    from .secure_message_list import SecureMessageList
    from .secure_message_list_response import SecureMessageListResponse
    from .secure_message_response import SecureMessageResponse
    from .session_list import SessionList
    from .session_list_response import SessionListResponse
    from .session_summary import SessionSummary
    from .session_validation import SessionValidation
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
    from .token_pair_response import TokenPairResponse
    from .touch_result import TouchResult
    from .touch_session_response import TouchSessionResponse
    from .update_payment_method_request import UpdatePaymentMethodRequest
    from .update_subscription_request import UpdateSubscriptionRequest
    from .update_whitelist_entry_request import UpdateWhitelistEntryRequest
    from .usage_features import UsageFeatures
    from .usage_features_response import UsageFeaturesResponse
    from .usage_history import UsageHistory
    from .usage_history_entry import UsageHistoryEntry
    from .usage_history_response import UsageHistoryResponse
    from .usage_overage import UsageOverage
    from .usage_period import UsagePeriod
    from .usage_record import UsageRecord
    from .usage_record_response import UsageRecordResponse
    from .user_wallet import UserWallet
    from .validate_session_response import ValidateSessionResponse
    from .verify_magic_link_request import VerifyMagicLinkRequest
    from .wallet_deposit import WalletDeposit
    from .wallet_deposit_request import WalletDepositRequest
    from .wallet_deposit_response import WalletDepositResponse
    from .wallet_sign_in_request import WalletSignInRequest
    from .wallet_sign_in_request_chain_type import WalletSignInRequestChainType
    from .wallet_transaction import WalletTransaction
    from .wallet_transaction_response import WalletTransactionResponse
    from .whitelist_check import WhitelistCheck
    from .whitelist_check_response import WhitelistCheckResponse
    from .whitelist_entry import WhitelistEntry
    from .whitelist_entry_data import WhitelistEntryData
    from .whitelist_entry_response import WhitelistEntryResponse
    from .whitelist_list import WhitelistList
    from .whitelist_list_response import WhitelistListResponse
    from .whitelist_removed_response import WhitelistRemovedResponse
else:
    from importlib import import_module

    # model or enum name -> the submodule that defines it
    _MODULE_OF: dict[str, str] = {
        "AddWhitelistEntryRequest": "add_whitelist_entry_request",
        "AuthResultData": "auth_result_data",
        "AuthResultResponse": "auth_result_response",
        "AuthTokens": "auth_tokens",
        "AuthUser": "auth_user",
        "Balance": "balance",
        "BalanceAmounts": "balance_amounts",
        "BalanceResponse": "balance_response",
        "CancelSubscriptionRequest": "cancel_subscription_request",
        "CheckoutSessionCreated": "checkout_session_created",
        "CheckoutSessionDetail": "checkout_session_detail",
        "CheckoutSessionDetailResponse": "checkout_session_detail_response",
        "CheckoutSessionList": "checkout_session_list",
        "CheckoutSessionListResponse": "checkout_session_list_response",
        "CheckoutSessionSummary": "checkout_session_summary",
        "ConfirmPasswordResetRequest": "confirm_password_reset_request",
        "ConvertGuestCheckoutRequest": "convert_guest_checkout_request",
        "CreateCheckoutSessionRequest": "create_checkout_session_request",
        "CreateCheckoutSessionRequestMode": "create_checkout_session_request_mode",
        "CreateCheckoutSessionResponse": "create_checkout_session_response",
        "CreateCryptoInvoiceRequest": "create_crypto_invoice_request",
        "CreateGuestCheckoutSessionRequest": "create_guest_checkout_session_request",
        "CreateGuestCheckoutSessionRequestMode": "create_guest_checkout_session_request_mode",
        "CreatePaymentIntentRequest": "create_payment_intent_request",
        "CreateSecureMessageRequest": "create_secure_message_request",
        "CreditUsage": "credit_usage",
        "CryptoInvoice": "crypto_invoice",
        "CryptoInvoiceCreatedResponse": "crypto_invoice_created_response",
        "CryptoInvoiceResponse": "crypto_invoice_response",
        "CryptoInvoiceStatus": "crypto_invoice_status",
        "CryptoInvoiceStatusResponse": "crypto_invoice_status_response",
        "CryptoInvoiceWrapper": "crypto_invoice_wrapper",
        "CurrentSession": "current_session",
        "CurrentSessionData": "current_session_data",
        "CurrentSessionResponse": "current_session_response",
        "CurrentUsage": "current_usage",
        "CurrentUser": "current_user",
        "CurrentUserData": "current_user_data",
        "CurrentUserResponse": "current_user_response",
        "EmailSentData": "email_sent_data",
        "EmailSentResponse": "email_sent_response",
        "EmptyRequest": "empty_request",
        "ErrorDetail": "error_detail",
        "ErrorMetadata": "error_metadata",
        "ErrorResponse": "error_response",
        "ExpireCheckoutSessionResponse": "expire_checkout_session_response",
        "ExpireResult": "expire_result",
        "FeatureTotals": "feature_totals",
        "FeatureUsage": "feature_usage",
        "GuestCheckoutCreated": "guest_checkout_created",
        "GuestCheckoutCreatedResponse": "guest_checkout_created_response",
        "GuestCheckoutSessionList": "guest_checkout_session_list",
        "GuestCheckoutSessionListResponse": "guest_checkout_session_list_response",
        "GuestCheckoutSessionSummary": "guest_checkout_session_summary",
        "GuestConversion": "guest_conversion",
        "GuestConvertResponse": "guest_convert_response",
        "HealthStatus": "health_status",
        "LineItem": "line_item",
        "LoginRequest": "login_request",
        "LogoutResponse": "logout_response",
        "MagicLinkRequest": "magic_link_request",
        "MemoryMetrics": "memory_metrics",
        "MessageData": "message_data",
        "MessageResponse": "message_response",
        "Metadata": "metadata",
        "MetricsJson": "metrics_json",
        "NonceData": "nonce_data",
        "NonceRequest": "nonce_request",
        "NonceRequestChain": "nonce_request_chain",
        "NonceRequestChainType": "nonce_request_chain_type",
        "NonceResponse": "nonce_response",
        "PasswordResetRequest": "password_reset_request",
        "PaymentDetailResponse": "payment_detail_response",
        "PaymentHistory": "payment_history",
        "PaymentHistoryResponse": "payment_history_response",
        "PaymentIntent": "payment_intent",
        "PaymentIntentResponse": "payment_intent_response",
        "PaymentMethodResponse": "payment_method_response",
        "PaymentMethodResult": "payment_method_result",
        "PaymentRecord": "payment_record",
        "PaymentWrapper": "payment_wrapper",
        "Price": "price",
        "Product": "product",
        "ProductList": "product_list",
        "ProductListResponse": "product_list_response",
        "ProductResponse": "product_response",
        "ReadinessStatus": "readiness_status",
        "ReconcileJob": "reconcile_job",
        "ReconcileRequest": "reconcile_request",
        "ReconcileResponse": "reconcile_response",
        "RecordUsageRequest": "record_usage_request",
        "Recurring": "recurring",
        "RefreshRequest": "refresh_request",
        "RefreshResponse": "refresh_response",
        "RefreshedTokens": "refreshed_tokens",
        "RegisterRequest": "register_request",
        "RevokeResult": "revoke_result",
        "RevokeSessionResponse": "revoke_session_response",
        "SecureMessage": "secure_message",
        "SecureMessageList": "secure_message_list",
        "SecureMessageListResponse": "secure_message_list_response",
        "SecureMessageResponse": "secure_message_response",
        "SessionList": "session_list",
        "SessionListResponse": "session_list_response",
        "SessionSummary": "session_summary",
        "SessionValidation": "session_validation",
        "StringMap": "string_map",
        "Subscription": "subscription",
        "SubscriptionItem": "subscription_item",
        "SubscriptionList": "subscription_list",
        "SubscriptionListResponse": "subscription_list_response",
        "SubscriptionPlan": "subscription_plan",
        "SubscriptionResponse": "subscription_response",
        "SuccessEnvelope": "success_envelope",
        "SystemMetrics": "system_metrics",
        "TokenPair": "token_pair",
        "TokenPairResponse": "token_pair_response",
        "TouchResult": "touch_result",
        "TouchSessionResponse": "touch_session_response",
        "UpdatePaymentMethodRequest": "update_payment_method_request",
        "UpdateSubscriptionRequest": "update_subscription_request",
        "UpdateWhitelistEntryRequest": "update_whitelist_entry_request",
        "UsageFeatures": "usage_features",
        "UsageFeaturesResponse": "usage_features_response",
        "UsageHistory": "usage_history",
        "UsageHistoryEntry": "usage_history_entry",
        "UsageHistoryResponse": "usage_history_response",
        "UsageOverage": "usage_overage",
        "UsagePeriod": "usage_period",
        "UsageRecord": "usage_record",
        "UsageRecordResponse": "usage_record_response",
        "UserWallet": "user_wallet",
        "ValidateSessionResponse": "validate_session_response",
        "VerifyMagicLinkRequest": "verify_magic_link_request",
        "WalletDeposit": "wallet_deposit",
        "WalletDepositRequest": "wallet_deposit_request",
        "WalletDepositResponse": "wallet_deposit_response",
        "WalletSignInRequest": "wallet_sign_in_request",
        "WalletSignInRequestChainType": "wallet_sign_in_request_chain_type",
        "WalletTransaction": "wallet_transaction",
        "WalletTransactionResponse": "wallet_transaction_response",
        "WhitelistCheck": "whitelist_check",
        "WhitelistCheckResponse": "whitelist_check_response",
        "WhitelistEntry": "whitelist_entry",
        "WhitelistEntryData": "whitelist_entry_data",
        "WhitelistEntryResponse": "whitelist_entry_response",
        "WhitelistList": "whitelist_list",
        "WhitelistListResponse": "whitelist_list_response",
        "WhitelistRemovedResponse": "whitelist_removed_response",
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
    "AddWhitelistEntryRequest",
    "AuthResultData",
    "AuthResultResponse",
    "AuthTokens",
    "AuthUser",
    "Balance",
    "BalanceAmounts",
    "BalanceResponse",
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
    "CreatePaymentIntentRequest",
    "CreateSecureMessageRequest",
    "CreditUsage",
    "CryptoInvoice",
    "CryptoInvoiceCreatedResponse",
    "CryptoInvoiceResponse",
    "CryptoInvoiceStatus",
    "CryptoInvoiceStatusResponse",
    "CryptoInvoiceWrapper",
    "CurrentSession",
    "CurrentSessionData",
    "CurrentSessionResponse",
    "CurrentUsage",
    "CurrentUser",
    "CurrentUserData",
    "CurrentUserResponse",
    "EmailSentData",
    "EmailSentResponse",
    "EmptyRequest",
    "ErrorDetail",
    "ErrorMetadata",
    "ErrorResponse",
    "ExpireCheckoutSessionResponse",
    "ExpireResult",
    "FeatureTotals",
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
    "MemoryMetrics",
    "MessageData",
    "MessageResponse",
    "Metadata",
    "MetricsJson",
    "NonceData",
    "NonceRequest",
    "NonceRequestChain",
    "NonceRequestChainType",
    "NonceResponse",
    "PasswordResetRequest",
    "PaymentDetailResponse",
    "PaymentHistory",
    "PaymentHistoryResponse",
    "PaymentIntent",
    "PaymentIntentResponse",
    "PaymentMethodResponse",
    "PaymentMethodResult",
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
    "RevokeResult",
    "RevokeSessionResponse",
    "SecureMessage",
    "SecureMessageList",
    "SecureMessageListResponse",
    "SecureMessageResponse",
    "SessionList",
    "SessionListResponse",
    "SessionSummary",
    "SessionValidation",
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
    "TokenPairResponse",
    "TouchResult",
    "TouchSessionResponse",
    "UpdatePaymentMethodRequest",
    "UpdateSubscriptionRequest",
    "UpdateWhitelistEntryRequest",
    "UsageFeatures",
    "UsageFeaturesResponse",
    "UsageHistory",
    "UsageHistoryEntry",
    "UsageHistoryResponse",
    "UsageOverage",
    "UsagePeriod",
    "UsageRecord",
    "UsageRecordResponse",
    "UserWallet",
    "ValidateSessionResponse",
    "VerifyMagicLinkRequest",
    "WalletDeposit",
    "WalletDepositRequest",
    "WalletDepositResponse",
    "WalletSignInRequest",
    "WalletSignInRequestChainType",
    "WalletTransaction",
    "WalletTransactionResponse",
    "WhitelistCheck",
    "WhitelistCheckResponse",
    "WhitelistEntry",
    "WhitelistEntryData",
    "WhitelistEntryResponse",
    "WhitelistList",
    "WhitelistListResponse",
    "WhitelistRemovedResponse",
)

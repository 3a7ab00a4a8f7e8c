"""Contains all the data models used in inputs/outputs"""

from .charge_forbidden_body import ChargeForbiddenBody
from .charge_request import ChargeRequest
from .charge_response import ChargeResponse
from .error_body import ErrorBody
from .health_status import HealthStatus
from .insufficient_balance_body import InsufficientBalanceBody
from .qr_payload import QRPayload
from .session_status import SessionStatus
from .validation_error_item import ValidationErrorItem
from .wallet_balance import WalletBalance

__all__ = (
    "ChargeForbiddenBody",
    "ChargeRequest",
    "ChargeResponse",
    "ErrorBody",
    "HealthStatus",
    "InsufficientBalanceBody",
    "QRPayload",
    "SessionStatus",
    "ValidationErrorItem",
    "WalletBalance",
)

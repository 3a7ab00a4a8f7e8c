"""Contains all the data models used in inputs/outputs.

Each model's module is imported when its name is first used (``from <package>.models import X``
or ``models.X``), not when this package is imported: an operation loads only the models it needs.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
else:
    from importlib import import_module

    # model or enum name -> the submodule that defines it
    _MODULE_OF: dict[str, str] = {
        "ChargeForbiddenBody": "charge_forbidden_body",
        "ChargeRequest": "charge_request",
        "ChargeResponse": "charge_response",
        "ErrorBody": "error_body",
        "HealthStatus": "health_status",
        "InsufficientBalanceBody": "insufficient_balance_body",
        "QRPayload": "qr_payload",
        "SessionStatus": "session_status",
        "ValidationErrorItem": "validation_error_item",
        "WalletBalance": "wallet_balance",
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

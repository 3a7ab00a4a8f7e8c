"""paywire: one typed SDK for the SPAPS, Lumen, Vellum and CONXA APIs.

    from paywire.vellum import VellumClient
    from paywire.spaps import SpapsClient
    from paywire.conxa import CONXAClient
    from paywire import lumen

The shared error hierarchy and retry/logging types are importable from here
(``paywire.RateLimitError``, ``paywire.RetryConfig`` ...). Everything is imported lazily, so
``import paywire`` costs almost nothing until a service is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_SERVICES = frozenset({"spaps", "lumen", "vellum", "conxa", "sandbox"})

if TYPE_CHECKING:
    from paywire._core import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigError,
        ConflictError,
        InternalServerError,
        LoggingHooks,
        NotFoundError,
        PathParameterError,
        PaymentRequiredError,
        PaywireError,
        PermissionDeniedError,
        RateLimitError,
        RawResponse,
        ResponseValidationError,
        RetryConfig,
        UnprocessableEntityError,
        UnsupportedOperationError,
        ValidationError,
        default_logging_hooks,
    )

# The public subset of paywire._core's re-exports, written out: mypy and readers need a literal
# __all__ here, and _core is not imported until a name is used.
__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigError",
    "ConflictError",
    "InternalServerError",
    "LoggingHooks",
    "NotFoundError",
    "PathParameterError",
    "PaymentRequiredError",
    "PaywireError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseValidationError",
    "RetryConfig",
    "UnprocessableEntityError",
    "UnsupportedOperationError",
    "ValidationError",
    "__version__",
    "default_logging_hooks",
]
#: the names above that live in paywire._core (imported from it on first use)
_CORE_NAMES = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> Any:
    if name in _CORE_NAMES:
        from paywire import _core

        return getattr(_core, name)
    if name in _SERVICES:
        import importlib

        return importlib.import_module(f"paywire.{name}")
    raise AttributeError(f"module 'paywire' has no attribute {name!r}")

"""Vellum (VellumCharter) entitlements + billing: a drop-in for ``vellumcharter``.

    from paywire.vellum import VellumClient, verify_push_signature

    vellum = VellumClient(api_key="vlm_sam.xxxxx", tenant_id="sam")   # api_version="v2" (newest)
    if vellum.can("unit_1", "imports"):                                # cached: no I/O on a hit
        ...

Every name and keyword argument of vellumcharter 0.1.0 works with only the import changed;
the 1.4.x methods (credits, flags, subscription changes, ``invoice_pdf``) and names
(``VellumCharterClient`` ...) are here too. ``api_version="v1"`` pins the 0.1.0-era API.

Where vellumcharter returns a dict, paywire returns a :class:`Record`: that dict, with the typed
generated model of the pinned API version as ``.model`` (see :mod:`paywire.vellum.models`).
"""

from paywire.vellum.client import (
    DEFAULT_BASE_URL,
    DEFAULT_TTL_MS,
    AsyncVellumCharterClient,
    AsyncVellumClient,
    VellumCharterClient,
    VellumClient,
)
from paywire.vellum.errors import (
    UnsupportedOperationError,
    VellumApiError,
    VellumAuthenticationError,
    VellumAuthError,
    VellumCharterApiError,
    VellumCharterAuthError,
    VellumCharterError,
    VellumCharterSignatureError,
    VellumConfigError,
    VellumError,
    VellumPermissionError,
    VellumResponseValidationError,
    VellumSignatureError,
    VellumValidationError,
)
from paywire.vellum.models import EntitlementSet, HttpResponse, Record, Transport
from paywire.vellum.push import SIGNATURE_HEADER, ReplayGuard, sign_push_payload, verify_push_signature

# A re-export list repeats the names of errors.__all__ by nature: mypy reads only a literal
# __all__ (it does not follow ``__all__ += errors.__all__``), and these are the public names.
__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TTL_MS",
    "SIGNATURE_HEADER",
    "AsyncVellumCharterClient",
    "AsyncVellumClient",
    "EntitlementSet",
    "HttpResponse",
    "Record",
    "ReplayGuard",
    "Transport",
    "UnsupportedOperationError",
    "VellumApiError",
    "VellumAuthError",
    "VellumAuthenticationError",
    "VellumCharterApiError",
    "VellumCharterAuthError",
    "VellumCharterClient",
    "VellumCharterError",
    "VellumCharterSignatureError",
    "VellumClient",
    "VellumConfigError",
    "VellumError",
    "VellumPermissionError",
    "VellumResponseValidationError",
    "VellumSignatureError",
    "VellumValidationError",
    "sign_push_payload",
    "verify_push_signature",
]

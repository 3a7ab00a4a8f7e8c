"""What ``paywire.sandbox.vellum`` exports, all of it loaded (handlers and controls
registered): the package itself imports this module on the first use of one of these names,
so importing the package (as the server does at start-up) declares only its ServiceApps."""

from __future__ import annotations

from paywire.sandbox.vellum import controls, handlers  # noqa: F401  (imported to register them)
from paywire.sandbox.vellum.apps import vellum_v1, vellum_v2
from paywire.sandbox.vellum.push import PUSH_ATTEMPTS, SIGNATURE_HEADER, sign_push
from paywire.sandbox.vellum.records import (
    ADD_ONS,
    CATALOG,
    CREDIT_PACKS,
    CREDIT_TYPES,
    DEFAULT_API_KEY,
    DEFAULT_FLAGS,
    DEFAULT_TENANT,
    OTHER_API_KEY,
    OTHER_TENANT,
    Tenant,
)
from paywire.sandbox.vellum.state import VellumState
from paywire.sandbox.vellum.views import invoice_pdf

__all__ = [
    "ADD_ONS",
    "CATALOG",
    "CREDIT_PACKS",
    "CREDIT_TYPES",
    "DEFAULT_API_KEY",
    "DEFAULT_FLAGS",
    "DEFAULT_TENANT",
    "OTHER_API_KEY",
    "OTHER_TENANT",
    "PUSH_ATTEMPTS",
    "SIGNATURE_HEADER",
    "Tenant",
    "VellumState",
    "invoice_pdf",
    "sign_push",
    "vellum_v1",
    "vellum_v2",
]

"""Lumen handlers, one module per tag of ``openapi/lumen/v1.yaml`` (``@lumen_v1.op(operationId)``).

Importing this package registers every handler on :data:`~paywire.sandbox.lumen.service.lumen_v1`."""

from paywire.sandbox.lumen.handlers import (  # noqa: F401  (imported to register their handlers)
    customers,
    enrollment,
    entitlements,
    events,
    invoices,
    portal,
    seats,
    subscriptions,
)

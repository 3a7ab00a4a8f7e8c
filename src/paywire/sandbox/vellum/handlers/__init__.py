"""The Vellum operations, one module per tag of the specs (``openapi/vellum/v*.yaml``).

Importing this package registers every handler on both Vellum services (:func:`..apps.operation`).
"""

from paywire.sandbox.vellum.handlers import (  # noqa: F401  (imported to register the handlers)
    billing,
    checkout,
    credits,
    entitlements,
    flags,
    provisioning,
    subscriptions,
)

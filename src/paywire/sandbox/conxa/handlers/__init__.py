"""CONXA handlers, one module per tag of ``openapi/conxa/v1.yaml`` (``@conxa.op(operationId)``).

Importing this package registers every handler on :data:`~paywire.sandbox.conxa.service.conxa`."""

from paywire.sandbox.conxa.handlers import charges, health, sessions, wallets  # noqa: F401  (registration)

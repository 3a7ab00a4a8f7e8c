"""One module per API tag of the SPAPS specs; importing them registers every handler on every
app whose spec has its operation (:func:`~..apps.op`)."""

from paywire.sandbox.spaps.handlers import (
    auth,
    auth_mfa,
    crypto,
    metrics,
    payments,
    secure_messages,
    sessions,
    stripe,
    usage,
    whitelist,
)

__all__ = ["auth", "auth_mfa", "crypto", "metrics", "payments", "secure_messages", "sessions", "stripe", "usage",
           "whitelist"]

"""The CONXA sandbox's cryptography: wallet session tokens and provider API key checks.

A wallet session token (``ps_`` + 32 hex digits, 128 random bits) is what the phone's approval
hands the provider; it is a bearer secret, so it comes from :mod:`secrets`, never from a
seeded ``random``. Provider API keys are compared in constant time, so the sandbox does not
teach clients a timing side channel the real service would not have. Nothing is signed: the
QR payload (``provider_id``, ``provider_type``, ``provider_username``) is plain JSON in the spec.
"""

from __future__ import annotations

import secrets

SESSION_TOKEN_PREFIX = "ps_"


def new_session_token() -> str:
    """A fresh wallet session token (``ps_`` + 32 hex digits)."""
    return SESSION_TOKEN_PREFIX + secrets.token_hex(16)


def same_secret(expected: str, given: str) -> bool:
    """Whether ``given`` equals ``expected``, in time that does not depend on where they differ."""
    return secrets.compare_digest(expected.encode(), given.encode())

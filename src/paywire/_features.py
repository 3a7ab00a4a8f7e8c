"""What each pinned API version does differently: its named *features*, per service.

One table, read by the facades' contracts (``<svc>/_contract.py`` on ``_core/contracts.py``: a
flow asks ``contract.has("offset_paging")``) and by the sandbox (a handler serving several
pinned versions asks the same question of the version its app serves). Like ``_versions.py``
it imports nothing: the sandbox reads it at start-up, and importing a facade package to get at
its contract would cost more than the sandbox's whole start (~0.3 s).
"""

from __future__ import annotations

from typing import Final

#: SPAPS feature -> what it means (docs and error hints use it)
SPAPS_FEATURES: Final[dict[str, str]] = {
    "cursor_paging": "Stripe and session lists page by starting_after / ending_before",
    "offset_paging": "Stripe and session lists page by limit + offset",
    "mfa": "password, wallet and magic-link sign-in may answer an MFA challenge",
    "nested_auth": "register and verify-magic-link nest message/user/tokens in data",
    "auth_extras": "register(ref, referral_click_id), verify_magic_link(state), send_magic_link(confirm_url)",
    "user_roles": "the user of a sign-in or register answer carries roles, permissions, isAdmin and metadata",
    "legacy_usage": "record_usage(feature, quantity) with X-Idempotency-Key; history by period",
    "usage_authorization": "two-phase usage (authorize -> record), status, per-event history, API key alone",
    "open_messages": "secure messages without a bearer; list_messages() lists everything",
    "pair_messages": "secure messages need a bearer; lists are pair-scoped with keyset paging",
    "idempotency_header": "guest checkout and crypto invoice creation take an Idempotency-Key header",
    "checkout_line_items": "create_checkout_session at /api/stripe/checkout-sessions with line_items",
    "checkout_trials": "checkout creation takes trial_period_days (subscription mode only)",
    "session_authority": "validate_session answers with the session, a reason and its authority",
    "revoke_no_content": "revoke_session answers 204 without a body",
}

#: SPAPS version -> its features (the keys of ``paywire.spaps._contract.SpapsVersion``)
SPAPS_FEATURES_BY_VERSION: Final[dict[str, frozenset[str]]] = {
    "2025-11": frozenset({"cursor_paging", "legacy_usage", "open_messages"}),
    "2026-10": frozenset({"offset_paging", "mfa", "nested_auth", "auth_extras", "user_roles",
                          "usage_authorization", "pair_messages", "idempotency_header", "checkout_line_items",
                          "checkout_trials", "session_authority", "revoke_no_content"}),
}

__all__ = ["SPAPS_FEATURES", "SPAPS_FEATURES_BY_VERSION"]

"""What each pinned API version does differently: its named *features*, per service.

One table, read by the facades' contracts (``<svc>/_contract.py`` on ``_core/contracts.py``: a
flow asks ``contract.has("offset_paging")``) and by the sandbox (a handler serving several
pinned versions asks the same question of the version its app serves). Like ``_versions.py``
it imports nothing: the sandbox reads it at start-up, and importing a facade package to get at
its contract would cost more than the sandbox's whole start (~0.3 s).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from paywire._versions import default_version

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

#: Vellum feature -> what it means (docs and error hints use it). The sandbox serves both
#: versions with one handler per operation and asks these too (``paywire/sandbox/vellum/``), so
#: every difference between the versions on the wire has a name here.
VELLUM_FEATURES: Final[dict[str, str]] = {
    "pdf_redirect": "invoice_pdf_url(): the invoice PDF is a 302 to the hosted URL (invoices show it as "
                    "invoicePdf)",
    "pdf_bytes": "invoice_pdf(): the invoice PDF is the bytes, after an ownership check",
    "plan_extras": "create_checkout / create_subscription take product_id (a plan sold by several products "
                   "needs it: 400 AMBIGUOUS_PLAN, where v1 takes the first product) and add_on_module_ids; "
                   "subscriptions and checkouts show productId and addOnModuleIds",
    "customer_name": "create_customer takes name (customers show it)",
    "ref_handles": "payment methods and invoices are addressed and shown by opaque refs bound to their "
                   "account (a raw id or another account's ref is 404); the billing provider's raw ids "
                   "(subscription, billing customer) are not shown",
    "neutral_billing_names": "create_account names the billing customer billingCustomerId / "
                             "createBillingCustomer (v1: stripeCustomerId / createStripeCustomer) and refuses "
                             "to re-point an account at another one (409 BILLING_CUSTOMER_CONFLICT; v1 "
                             "replaces it)",
    "one_live_subscription": "a customer has at most one subscription that has not ended: another "
                             "create_checkout / create_subscription is 409 SUBSCRIPTION_EXISTS (v1: the new "
                             "subscription replaces the old one)",
    "card_required": "create_subscription needs a saved card (400 PAYMENT_METHOD_REQUIRED; v1 starts it "
                     "incomplete)",
    "subscription_replies": "create_subscription and set_subscription_payment_method answer the subscription "
                            "(v1: {subscriptionId, status, trialEnd} and {subscription, default})",
    "has_access": "entitlements say hasAccess (v1 shows billingSubscriptionId instead)",
}

#: Vellum version -> its features (the keys of ``paywire.vellum._contract.VellumVersion``)
VELLUM_FEATURES_BY_VERSION: Final[dict[str, frozenset[str]]] = {
    "v1": frozenset({"pdf_redirect"}),
    "v2": frozenset({"pdf_bytes", "plan_extras", "customer_name", "ref_handles", "neutral_billing_names",
                     "one_live_subscription", "card_required", "subscription_replies", "has_access"}),
}

#: service -> (feature -> meaning, version -> features), for every service pinned to more than one version
_TABLES: Final[dict[str, tuple[Mapping[str, str], Mapping[str, frozenset[str]]]]] = {
    "spaps": (SPAPS_FEATURES, SPAPS_FEATURES_BY_VERSION),
    "vellum": (VELLUM_FEATURES, VELLUM_FEATURES_BY_VERSION),
}


@dataclass(frozen=True)
class PinnedFeatures:
    """What the sandbox needs of one pinned contract: its version and features. (The facade's
    :class:`paywire._core.contracts.Contract` is built from the same table and adds the
    operations of the generated package.)"""

    service: str
    version: str
    features: frozenset[str]
    known: Mapping[str, str] = field(repr=False, compare=False)

    def has(self, feature: str) -> bool:
        if feature not in self.known:  # a misspelt feature would silently read as "absent"
            raise KeyError(f"unknown {self.service.upper()} feature {feature!r}")
        return feature in self.features


def pinned_features(service: str, version: str | None = None) -> PinnedFeatures:
    """The features of ``service`` at ``version`` (None: its newest pinned version)."""
    known, by_version = _TABLES[service]
    version = version or default_version(service)
    return PinnedFeatures(service, version, by_version[version], known)


__all__ = ["SPAPS_FEATURES", "SPAPS_FEATURES_BY_VERSION", "VELLUM_FEATURES", "VELLUM_FEATURES_BY_VERSION",
           "PinnedFeatures", "pinned_features"]

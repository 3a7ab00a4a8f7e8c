"""Which SPAPS contract a client is pinned to, and what that changes: the SPAPS table for the
one contract mechanism, :mod:`paywire._core.contracts`.

SPAPS has no URL or header version: today's server (``openapi/spaps/2026-10.yaml``) answers
some of the seed-era (``2025-11``, spaps 0.1.4) calls differently on the same paths. A client
is pinned to one contract (``api_version=``); its operations build requests with that
contract's generated package and parse answers the way that contract describes.

* **Which operations exist** comes from each generated package's ``api.OPERATIONS`` index: a
  method whose operation is not in the pinned package raises
  :class:`~paywire.spaps.errors.UnsupportedOperationError` naming the versions that have it.
* **How an operation behaves** (MFA answers, offset paging, two-phase usage ...) is a *feature*
  of a contract (:data:`FEATURES`). A flow asks ``contract.has("offset_paging")``; an argument
  that only one contract knows is refused on the others with the versions that take it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal, get_args

from paywire._core.contracts import Contract as _Contract
from paywire._core.contracts import OperationsLoader, ServiceContracts, pinned_contracts
from paywire._features import SPAPS_FEATURES, SPAPS_FEATURES_BY_VERSION
from paywire.spaps.errors import UnsupportedOperationError

SERVICE = "spaps"
#: the pinned SPAPS contracts, oldest first (kept equal to ``paywire._versions`` by a test)
SpapsVersion = Literal["2025-11", "2026-10"]
#: the seed-era contract (spaps 0.1.4); pin it to talk to a server of that era
SEED_VERSION: Final = "2025-11"
#: one pinned SPAPS contract
Contract = _Contract[SpapsVersion]

#: feature -> what it means (for docs and error hints); the table lives in :mod:`paywire._features`,
#: where the sandbox reads it too
FEATURES: dict[str, str] = SPAPS_FEATURES

#: the hint appended when a client pinned to a contract *without* the feature is asked for it
HINTS: dict[str, str] = {
    "cursor_paging": "on 2026-10 lists page by offset=",
    "offset_paging": "on 2025-11 lists page by starting_after=",
    "legacy_usage": "on 2026-10 usage is two-phase: usage.authorize_usage(feature_key=..., resource_type=...), "
                    "then usage.record_usage(authorization_ref=..., feature_key=..., resource_type=..., "
                    "dimensions={...})",
    "usage_authorization": "on 2025-11 use usage.record_usage(feature=..., quantity=...)",
    "open_messages": "on 2026-10 conversations are pair-scoped: "
                     "secure_messages.list_messages(patient_id=..., practitioner_id=...)",
    "pair_messages": "on 2025-11 secure_messages.list_messages() takes no arguments",
}

#: operations removed from today's server (it answers them 501), for the error text
REMOVED_HINT = "today's server answers it 501: it is not part of the 2026-10 contract"
#: per-method hints for a method the pinned contract lacks
METHOD_HINTS: dict[str, str] = {
    "auth.set_password": "on 2025-11 use auth.request_password_reset() and auth.confirm_password_reset()",
    "usage.authorize_usage": HINTS["usage_authorization"],
    "usage.get_status": "on 2025-11 use usage.get_features()",
    "usage.iter_history": "on 2025-11 use usage.get_history(period=...)",
    "secure_messages.iter_messages": HINTS["pair_messages"],
}

_FEATURES_BY_VERSION: dict[SpapsVersion, frozenset[str]] = {
    version: SPAPS_FEATURES_BY_VERSION[version] for version in get_args(SpapsVersion)
}


# Static imports, run on first use: importing paywire.spaps does not import the generated packages.
def _operations_2025_11() -> Mapping[str, Any]:
    from paywire_gen_spaps_2025_11.api import OPERATIONS
    return OPERATIONS


def _operations_2026_10() -> Mapping[str, Any]:
    from paywire_gen_spaps_2026_10.api import OPERATIONS
    return OPERATIONS


_LOADERS: dict[SpapsVersion, OperationsLoader] = {"2025-11": _operations_2025_11, "2026-10": _operations_2026_10}

#: "resource.method" -> operationId (supported where the operation exists) or "feature:<name>".
METHODS: dict[str, str] = {
    "auth.request_nonce": "request_nonce",
    "auth.verify_wallet": "wallet_sign_in",
    "auth.sign_in_with_password": "sign_in_with_password",
    "auth.refresh_tokens": "refresh_tokens",
    "auth.register": "register",
    "auth.send_magic_link": "send_magic_link",
    "auth.verify_magic_link": "verify_magic_link",
    "auth.get_current_user": "get_current_user",
    "auth.sign_out": "logout",
    "auth.logout": "logout",
    "auth.request_password_reset": "request_password_reset",
    "auth.confirm_password_reset": "confirm_password_reset",
    "auth.set_password": "set_password",
    "auth.verify_mfa": "verify_mfa",
    "auth.get_session_context": "get_session_context",
    "auth.list_auth_methods": "list_auth_methods",
    "sessions.get_current_session": "get_current_session",
    "sessions.validate_session": "validate_session",
    "sessions.list_sessions": "list_sessions",
    "sessions.iter_sessions": "list_sessions",
    "sessions.touch_session": "touch_session",
    "sessions.revoke_session": "revoke_session",
    "payments.create_checkout_session": "create_checkout_session",
    "payments.get_balance": "get_balance",
    "payments.create_payment_intent": "create_payment_intent",
    "payments.update_payment_method": "update_payment_method",
    "payments.wallet_deposit": "create_wallet_deposit",
    "payments.get_wallet_transaction": "get_wallet_transaction",
    "payments.get_checkout_session": "get_checkout_session",
    "payments.list_checkout_sessions": "list_checkout_sessions",
    "payments.iter_checkout_sessions": "list_checkout_sessions",
    "payments.expire_checkout_session": "expire_checkout_session",
    "payments.create_guest_checkout_session": "create_guest_checkout_session",
    "payments.get_guest_checkout_session": "get_guest_checkout_session",
    "payments.list_guest_checkout_sessions": "list_guest_checkout_sessions",
    "payments.iter_guest_checkout_sessions": "list_guest_checkout_sessions",
    "payments.convert_guest_checkout_session": "convert_guest_checkout_session",
    "payments.list_products": "list_products",
    "payments.iter_products": "list_products",
    "payments.get_product": "get_product",
    "payments.list_subscriptions": "list_subscriptions",
    "payments.iter_subscriptions": "list_subscriptions",
    "payments.get_subscription": "get_subscription",
    "payments.update_subscription": "update_subscription",
    "payments.cancel_subscription": "cancel_subscription",
    "payments.list_payment_history": "list_payment_history",
    "payments.iter_payment_history": "list_payment_history",
    "payments.get_payment_detail": "get_payment_detail",
    "payments.crypto.create_invoice": "create_crypto_invoice",
    "payments.crypto.get_invoice": "get_crypto_invoice",
    "payments.crypto.get_invoice_status": "get_crypto_invoice_status",
    "payments.crypto.reconcile": "reconcile_crypto_payments",
    "usage.get_features": "get_usage_features",
    "usage.record_usage": "record_usage",
    "usage.get_history": "get_usage_history",
    "usage.iter_history": "feature:usage_authorization",
    "usage.authorize_usage": "authorize_usage",
    "usage.get_status": "get_usage_status",
    "secure_messages.create_message": "create_secure_message",
    "secure_messages.list_messages": "list_secure_messages",
    "secure_messages.iter_messages": "feature:pair_messages",
    "whitelist.check": "check_whitelist",
    "whitelist.list": "list_whitelist_entries",
    "whitelist.iter_entries": "list_whitelist_entries",
    "whitelist.add": "add_whitelist_entry",
    "whitelist.update": "update_whitelist_entry",
    "whitelist.remove": "remove_whitelist_entry",
    "metrics.health": "get_health",
    "metrics.readiness": "get_readiness",
    "metrics.get_metrics_json": "get_metrics_json",
    "metrics.get_prometheus_metrics": "get_prometheus_metrics",
}


def _removed_hint(versions: tuple[SpapsVersion, ...]) -> str | None:
    return REMOVED_HINT if versions == (SEED_VERSION,) else None


CONTRACTS: dict[SpapsVersion, Contract] = pinned_contracts(SERVICE, get_args(SpapsVersion), _FEATURES_BY_VERSION, _LOADERS)
SPAPS_CONTRACTS: ServiceContracts[SpapsVersion] = ServiceContracts(
    SERVICE, CONTRACTS.values(), error=UnsupportedOperationError, methods=METHODS, hints=HINTS,
    method_hints=METHOD_HINTS, removed_hint=_removed_hint, client_name="SpapsClient",
)

contract_for = SPAPS_CONTRACTS.contract_for
qualify = SPAPS_CONTRACTS.qualify
versions_for = SPAPS_CONTRACTS.versions_for
versions_with = SPAPS_CONTRACTS.versions_with
versions_with_feature = SPAPS_CONTRACTS.versions_with_feature
require_method = SPAPS_CONTRACTS.require_method
require_feature = SPAPS_CONTRACTS.require_feature


__all__ = [
    "CONTRACTS",
    "FEATURES",
    "METHODS",
    "SEED_VERSION",
    "SPAPS_CONTRACTS",
    "Contract",
    "SpapsVersion",
    "contract_for",
    "qualify",
    "require_feature",
    "require_method",
    "versions_for",
    "versions_with",
    "versions_with_feature",
]

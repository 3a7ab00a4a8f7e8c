"""Which SPAPS contract a client is pinned to, and what that changes.

SPAPS has no URL or header version: today's server (``openapi/spaps/2026-10.yaml``) answers
some of the seed-era (``2025-11``, spaps 0.1.4) calls differently on the same paths. A client
is pinned to one contract (``api_version=``); its operations build requests with that
contract's generated package and parse answers the way that contract describes.

Two kinds of difference, both looked up here so the flows stay written once:

* **Which operations exist** comes from the generated package itself (``has_op``): an
  operation whose module is not in the pinned package raises
  :class:`~paywire.spaps.errors.UnsupportedOperationError` naming the versions that have it.
* **How an operation behaves** (MFA answers, offset paging, two-phase usage, pair-scoped
  messages ...) is a *feature* of a contract (:data:`CONTRACTS`). A flow asks
  ``contract.has("offset_paging")``; an argument that only one contract knows is refused on
  the others with the versions that take it (``require_feature``).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from paywire._versions import API_VERSIONS, package_for
from paywire.spaps.errors import UnsupportedOperationError

SERVICE = "spaps"
#: the seed-era contract (spaps 0.1.4); pin it to talk to a server of that era
SEED_VERSION = "2025-11"

#: feature -> what it means (for docs and error hints)
FEATURES: dict[str, str] = {
    "cursor_paging": "Stripe and session lists page by starting_after / ending_before",
    "offset_paging": "Stripe and session lists page by limit + offset",
    "mfa": "password, wallet and magic-link sign-in may answer an MFA challenge",
    "nested_auth": "register and verify-magic-link nest message/user/tokens in data",
    "auth_extras": "register(ref, referral_click_id), verify_magic_link(state), send_magic_link(confirm_url)",
    "legacy_usage": "record_usage(feature, quantity) with X-Idempotency-Key; history by period",
    "usage_authorization": "two-phase usage (authorize -> record), status, per-event history, API key alone",
    "open_messages": "secure messages without a bearer; list_messages() lists everything",
    "pair_messages": "secure messages need a bearer; lists are pair-scoped with keyset paging",
    "idempotency_header": "guest checkout and crypto invoice creation take an Idempotency-Key header",
    "checkout_line_items": "create_checkout_session at /api/stripe/checkout-sessions with line_items",
}

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


@dataclass(frozen=True, slots=True)
class Contract:
    """One pinned SPAPS contract: its version, generated package and features."""

    version: str
    package: str
    features: frozenset[str]

    def has(self, feature: str) -> bool:
        return feature in self.features


_FEATURES_BY_VERSION: dict[str, frozenset[str]] = {
    "2025-11": frozenset({"cursor_paging", "legacy_usage", "open_messages"}),
    "2026-10": frozenset({"offset_paging", "mfa", "nested_auth", "auth_extras", "usage_authorization",
                          "pair_messages", "idempotency_header", "checkout_line_items"}),
}
CONTRACTS: dict[str, Contract] = {
    version: Contract(version, package, _FEATURES_BY_VERSION[version])
    for version, package in API_VERSIONS[SERVICE].items()
}


def contract_for(api_version: str | None) -> Contract:
    """The contract for ``api_version`` (None: the newest); ValueError for an unknown one."""
    version, _ = package_for(SERVICE, api_version)
    return CONTRACTS[version]


def versions_with_feature(feature: str) -> tuple[str, ...]:
    return tuple(v for v, c in CONTRACTS.items() if c.has(feature))


# --- the generated packages ---------------------------------------------------------------------
@cache
def op_index(package: str) -> Mapping[str, str]:
    """operationId -> module of one generated package (``api/<tag>/<operationId>.py``), read
    from the package directory once; nothing but ``<package>.api`` is imported."""
    api = importlib.import_module(f"{package}.api")
    index: dict[str, str] = {}
    for root in api.__path__:
        for tag in sorted(os.listdir(root)):
            folder = os.path.join(root, tag)
            if not os.path.isdir(folder) or tag.startswith("_"):
                continue
            for name in sorted(os.listdir(folder)):
                if name.endswith(".py") and not name.startswith("_"):
                    index[name[:-3]] = f"{package}.api.{tag}.{name[:-3]}"
    return index


def has_op(package: str, op_id: str) -> bool:
    return op_id in op_index(package)


@cache
def gen_module(package: str, op_id: str) -> Any:
    """The generated module of one operation (imported lazily, once)."""
    return importlib.import_module(op_index(package)[op_id])


@cache
def models(package: str) -> Any:
    """``<package>.models`` (already imported by any operation module that was used)."""
    return importlib.import_module(f"{package}.models")


@cache
def versions_with(op_id: str) -> tuple[str, ...]:
    """The pinned versions whose contract has this operation."""
    return tuple(v for v, c in CONTRACTS.items() if has_op(c.package, op_id))


# --- client method -> what decides whether the pinned version has it ---------------------------------
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


def _short_names() -> dict[str, str]:
    short: dict[str, str] = {}
    for qualified in METHODS:
        name = qualified.rsplit(".", 1)[1]
        short[name] = qualified if name not in short else ""  # "": ambiguous, qualify it
    return {k: v for k, v in short.items() if v}


_SHORT = _short_names()


def qualify(method: str) -> str:
    """``"get_balance"`` or ``"payments.get_balance"`` -> ``"payments.get_balance"``."""
    if method in METHODS:
        return method
    qualified = _SHORT.get(method)
    if qualified is None:
        raise AttributeError(f"SpapsClient has no API method {method!r}")
    return qualified


def versions_for(method: str) -> tuple[str, ...]:
    """The pinned versions in which a client method (short or ``resource.method``) works."""
    source = METHODS[qualify(method)]
    if source.startswith("feature:"):
        return versions_with_feature(source.split(":", 1)[1])
    return versions_with(source)


def unsupported(method: str, pinned: str, versions: tuple[str, ...], hint: str | None = None) -> UnsupportedOperationError:
    need = " or ".join(versions) if versions else "a newer API version"
    return UnsupportedOperationError(
        f"{method} needs api_version {need}; this client is pinned to {pinned}" + (f" ({hint})" if hint else ""),
        operation=method, api_version=pinned, supported_versions=versions,
    )


def require_method(contract: Contract, method: str) -> None:
    """Raise :class:`UnsupportedOperationError` unless the pinned contract has ``method``."""
    qualified = qualify(method)
    versions = versions_for(qualified)
    if contract.version in versions:
        return
    hint = METHOD_HINTS.get(qualified) or (REMOVED_HINT if versions == (SEED_VERSION,) else None)
    raise unsupported(qualified, contract.version, versions, hint)


def require_feature(contract: Contract, feature: str, method: str, /, **args: Any) -> None:
    """Refuse arguments (those not None) that only contracts with ``feature`` take."""
    if contract.has(feature):
        return
    given = [name for name, value in args.items() if value is not None]
    if not given:
        return
    shown = ", ".join(f"{name}=..." for name in given)
    raise unsupported(f"{method}({shown})", contract.version, versions_with_feature(feature), HINTS.get(feature))


__all__ = [
    "CONTRACTS",
    "FEATURES",
    "SEED_VERSION",
    "Contract",
    "contract_for",
    "gen_module",
    "has_op",
    "models",
    "qualify",
    "require_feature",
    "require_method",
    "versions_for",
    "versions_with",
    "versions_with_feature",
]

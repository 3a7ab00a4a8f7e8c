"""Client-side role checks (no HTTP), with the seed's names and snake_case aliases.

Behaviour (shared/reference/spaps.md §1.5 "Client-side only"): a user is identified by
``email``, else ``wallet_address``; the role is ``"guest"`` without an identifier, ``"admin"``
when the identifier matches a configured admin (an email or wallet string, or an
:class:`AdminConfig` / ``{"email", "wallets"}`` entry; compared case-insensitively) and
``"user"`` otherwise. Admins pass every permission check; other users need each required name
in ``user["permissions"]``. Users may be mappings or objects with those attributes (e.g. the
``AuthUser`` / ``CurrentUser`` results).

Decision: the 0.1.4 SDK also treated one built-in email and two wallets (its authors') as
admins in every application. paywire ships **no** built-in admins (``DEFAULT_ADMIN_ACCOUNTS``
is empty): a client-side role check that silently grants a third party admin in your app is a
security bug, not a feature. Pass your admins with ``customAdmins=[...]``.

These checks only shape a UI; the server decides what a token may do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Identifier = str | None


@dataclass(frozen=True)
class AdminConfig:
    """An admin known by email and/or wallets (``{"ethereum": "0x…", "solana": "…"}``)."""

    email: str | None = None
    wallets: Mapping[str, str] = field(default_factory=dict)


AdminEntry = str | AdminConfig | Mapping[str, Any]

#: Built-in admins of every checker: none (see the module docstring).
DEFAULT_ADMIN_ACCOUNTS: tuple[AdminEntry, ...] = ()


@dataclass
class PermissionCheckResult:
    allowed: bool
    reason: str | None
    userRole: str
    requiredRole: str | None = None

    @property
    def user_role(self) -> str:
        return self.userRole

    @property
    def required_role(self) -> str | None:
        return self.requiredRole


_MESSAGES: dict[tuple[str, str], str] = {
    ("admin", "user"): "Admin privileges required to {action}. Please sign in with an admin account.",
    ("admin", "guest"): "Authentication required. Please sign in with an admin account to {action}.",
    ("user", "guest"): "Authentication required. Please sign in to {action}.",
}


def _field(user: Any, name: str) -> Any:
    if user is None:
        return None
    if isinstance(user, Mapping):
        return user.get(name)
    return getattr(user, name, None)


def _identifier(user: Any) -> str | None:
    value = _field(user, "email") or _field(user, "wallet_address")
    return value if isinstance(value, str) and value else None


def _entry_identifiers(entry: AdminEntry) -> Iterable[str]:
    if isinstance(entry, str):
        yield entry
        return
    if isinstance(entry, AdminConfig):
        email, wallets = entry.email, entry.wallets
    elif isinstance(entry, Mapping):
        email, wallets = entry.get("email"), entry.get("wallets") or {}
    else:
        return
    if isinstance(email, str) and email:
        yield email
    if isinstance(wallets, Mapping):
        yield from (w for w in wallets.values() if isinstance(w, str) and w)


def is_admin_account(identifier: Identifier, custom_admins: Sequence[AdminEntry] | None = None) -> bool:
    if not identifier:
        return False
    wanted = identifier.lower()
    for entry in (*DEFAULT_ADMIN_ACCOUNTS, *(custom_admins or ())):
        if any(wanted == candidate.lower() for candidate in _entry_identifiers(entry)):
            return True
    return False


def get_user_role(identifier: Identifier = None, custom_admins: Sequence[AdminEntry] | None = None) -> str:
    if not identifier:
        return "guest"
    return "admin" if is_admin_account(identifier, custom_admins) else "user"


def get_role_aware_error_message(required_role: str, user_role: str, action: str | None = None) -> str:
    template = _MESSAGES.get((required_role, user_role))
    if template is None:
        return f"Access denied. Required role: {required_role}, current role: {user_role}"
    return template.format(action=action or "perform this action")


class PermissionChecker:
    """Role checks against a list of custom admins (``customAdmins=`` as in the seed)."""

    def __init__(self, customAdmins: Sequence[AdminEntry] | None = None, *,
                 custom_admins: Sequence[AdminEntry] | None = None) -> None:
        self.custom_admins: list[AdminEntry] = [*(customAdmins or ()), *(custom_admins or ())]

    def __repr__(self) -> str:
        return f"PermissionChecker(custom_admins={len(self.custom_admins)})"

    # -- seed names ------------------------------------------------------------------------------
    def isAdmin(self, identifier: Identifier) -> bool:
        return is_admin_account(identifier, self.custom_admins)

    def getRole(self, identifier: Identifier = None) -> str:
        return get_user_role(identifier, self.custom_admins)

    def hasPermission(self, user: Any, permissions: str | Sequence[str]) -> bool:
        if user is None:
            return False
        if self.getRole(_identifier(user)) == "admin":
            return True
        granted = _field(user, "permissions") or ()
        required = [permissions] if isinstance(permissions, str) else list(permissions)
        return all(name in granted for name in required)

    def canAccessAdmin(self, user: Any) -> PermissionCheckResult:
        if user is None:
            return PermissionCheckResult(False, "Authentication required", "guest", "admin")
        role = self.getRole(_identifier(user))
        allowed = role == "admin"
        return PermissionCheckResult(allowed, None if allowed else "Admin privileges required", role, "admin")

    def getErrorMessage(self, requiredRole: str, userRole: str, action: str | None = None) -> str:
        return get_role_aware_error_message(requiredRole, userRole, action)

    def getUserDisplay(self, user: Any) -> dict[str, Any]:
        if user is None:
            return {"displayName": "Guest", "role": "guest", "badge": None, "isAdmin": False}
        role = self.getRole(_identifier(user))
        email = _field(user, "email")
        wallet = _field(user, "wallet_address")
        if isinstance(email, str) and email:
            name = email
        elif isinstance(wallet, str) and wallet:
            name = f"{wallet[:6]}...{wallet[-4:]}"
        else:
            name = "User"
        return {"displayName": name, "role": role, "badge": "Admin" if role == "admin" else None,
                "isAdmin": role == "admin"}

    def requiresAuth(self, user: Any) -> bool:
        return user is None

    def requiresAdmin(self, user: Any) -> bool:
        return not self.canAccessAdmin(user).allowed

    def addCustomAdmin(self, admin: AdminEntry) -> None:
        self.custom_admins.append(admin)

    def removeCustomAdmin(self, admin: AdminEntry) -> None:
        self.custom_admins = [entry for entry in self.custom_admins if entry != admin]

    # -- snake_case aliases ------------------------------------------------------------------------
    def is_admin(self, identifier: Identifier) -> bool:
        return self.isAdmin(identifier)

    def get_role(self, identifier: Identifier = None) -> str:
        return self.getRole(identifier)

    def has_permission(self, user: Any, permissions: str | Sequence[str]) -> bool:
        return self.hasPermission(user, permissions)

    def can_access_admin(self, user: Any) -> PermissionCheckResult:
        return self.canAccessAdmin(user)

    def get_error_message(self, required_role: str, user_role: str, action: str | None = None) -> str:
        return self.getErrorMessage(required_role, user_role, action)

    def get_user_display(self, user: Any) -> dict[str, Any]:
        return self.getUserDisplay(user)

    def requires_auth(self, user: Any) -> bool:
        return self.requiresAuth(user)

    def requires_admin(self, user: Any) -> bool:
        return self.requiresAdmin(user)

    def add_custom_admin(self, admin: AdminEntry) -> None:
        self.addCustomAdmin(admin)

    def remove_custom_admin(self, admin: AdminEntry) -> None:
        self.removeCustomAdmin(admin)


def create_permission_checker(custom_admins: Sequence[AdminEntry] | None = None) -> PermissionChecker:
    return PermissionChecker(custom_admins)


__all__ = [
    "DEFAULT_ADMIN_ACCOUNTS",
    "AdminConfig",
    "PermissionCheckResult",
    "PermissionChecker",
    "create_permission_checker",
    "get_role_aware_error_message",
    "get_user_role",
    "is_admin_account",
]

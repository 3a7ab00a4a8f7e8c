"""PermissionChecker: the seed's method names and snake_case aliases (client-side only)."""

from __future__ import annotations

import pytest

from paywire.spaps import (
    DEFAULT_ADMIN_ACCOUNTS,
    AdminConfig,
    AuthUser,
    PermissionChecker,
    create_permission_checker,
)


def test_seed_example() -> None:
    checker = PermissionChecker(customAdmins=["founder@example.com"])
    role = checker.getRole("user@example.com")
    assert role == "user"
    assert checker.requiresAdmin({"email": "user@example.com"}) is True
    message = checker.getErrorMessage("admin", role, action="change billing settings")
    assert "change billing settings" in message and "Admin privileges required" in message
    with pytest.raises(PermissionError):
        if checker.requiresAdmin({"email": "user@example.com"}):
            raise PermissionError(checker.getErrorMessage("admin", role, action="change billing settings"))


def test_roles() -> None:
    checker = PermissionChecker(customAdmins=["Founder@Example.com",
                                              AdminConfig(email="ops@example.com", wallets={"ethereum": "0xAbC"}),
                                              {"email": "cto@example.com", "wallets": {"solana": "So1Wallet"}}])
    assert checker.getRole() == "guest" and checker.getRole(None) == "guest" and checker.getRole("") == "guest"
    assert checker.getRole("founder@example.com") == "admin"  # case-insensitive
    assert checker.getRole("0xabc") == "admin" and checker.getRole("so1wallet") == "admin"
    assert checker.getRole("cto@example.com") == "admin" and checker.getRole("ops@example.com") == "admin"
    assert checker.getRole("someone@example.com") == "user"
    assert checker.isAdmin("founder@example.com") and checker.is_admin("0xABC")


def test_no_built_in_admins() -> None:
    """Decision: unlike 0.1.4, no third-party identity is an admin in every app."""
    assert DEFAULT_ADMIN_ACCOUNTS == ()
    checker = PermissionChecker()
    assert checker.getRole("buildooor@gmail.com") == "user"
    assert checker.getRole("0xa72bb7CeF1e4B2Cc144373d8dE0Add7CCc8DF4Ba") == "user"


def test_permissions_and_admin_access() -> None:
    checker = create_permission_checker(["boss@example.com"])
    user = {"email": "u@example.com", "permissions": ["read", "write"]}
    assert checker.hasPermission(user, "read") and checker.hasPermission(user, ["read", "write"])
    assert not checker.hasPermission(user, ["read", "delete"]) and not checker.hasPermission(None, "read")
    assert checker.hasPermission({"email": "boss@example.com"}, "anything")
    admin = checker.canAccessAdmin({"wallet_address": "0xnope", "email": "boss@example.com"})
    assert admin.allowed and admin.userRole == "admin" and admin.reason is None
    denied = checker.can_access_admin(user)
    assert not denied.allowed and denied.user_role == "user" and denied.required_role == "admin"
    guest = checker.canAccessAdmin(None)
    assert not guest.allowed and guest.userRole == "guest" and guest.reason == "Authentication required"
    assert checker.requiresAuth(None) and not checker.requires_auth(user)
    assert checker.requires_admin(user) and not checker.requiresAdmin({"email": "boss@example.com"})


def test_typed_users_and_display() -> None:
    checker = PermissionChecker(customAdmins=["0x" + "cd" * 20])
    wallet_user = AuthUser(id="u", wallet_address="0x" + "cd" * 20)
    assert not checker.requiresAdmin(wallet_user)
    display = checker.getUserDisplay(wallet_user)
    assert display["isAdmin"] and display["displayName"] == "0xcdcd...cdcd" and display["badge"] == "Admin"
    assert checker.get_user_display(None) == {"displayName": "Guest", "role": "guest", "badge": None, "isAdmin": False}
    assert checker.getUserDisplay({"email": "a@example.com"})["displayName"] == "a@example.com"
    assert checker.getUserDisplay({"id": "x"})["displayName"] == "User"


def test_messages_and_admin_list_changes() -> None:
    checker = PermissionChecker()
    assert checker.getErrorMessage("admin", "guest").startswith("Authentication required")
    assert "perform this action" in checker.get_error_message("user", "guest")
    assert checker.getErrorMessage("owner", "user") == "Access denied. Required role: owner, current role: user"
    checker.addCustomAdmin("new@example.com")
    assert checker.getRole("new@example.com") == "admin"
    checker.remove_custom_admin("new@example.com")
    assert checker.get_role("new@example.com") == "user"
    checker.add_custom_admin("x@example.com")
    checker.removeCustomAdmin("x@example.com")
    assert checker.custom_admins == [] and "custom_admins=0" in repr(checker)

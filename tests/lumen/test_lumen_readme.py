"""The seed README's (lumen-python-sdk) server-side examples, run against the sandbox.

Only the import changed (``from lumen import`` → ``from paywire.lumen import``). The README's
feature slug ``premium_feature`` does not match Lumen's documented slug pattern
``^[a-z0-9-]+$`` (the sandbox's features are ``premium-feature`` / ``api-calls``): the
verbatim example therefore runs down its "Upgrade required" branch, and a copy with the
hyphenated slug shows the other branch. The proxy-handler examples are in
``test_lumen_handlers.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from paywire.sandbox.lumen import FREE_PLAN_ID, PRO_PLAN_ID, LumenState

# ``lumen_env`` (conftest) is the README's "2. Set Environment Variable": the SDK reads
# LUMEN_API_KEY (and LUMEN_API_URL), here the sandbox's.


async def test_direct_backend_calls(lumen_env: LumenState) -> None:
    from paywire.lumen import get_subscription_status, is_feature_entitled, send_event

    # In your API route handler
    async def my_api_endpoint(user_id: str) -> dict[str, Any]:
        # Check if user has active subscription
        status = await get_subscription_status(user_id=user_id)
        if not status.get("hasActiveSubscription"):
            return {"error": "No active subscription"}

        # Track usage
        await send_event(name="api_call", value=1, user_id=user_id)

        # Check feature access
        has_premium = await is_feature_entitled(
            feature="premium_feature",
            user_id=user_id
        )

        if has_premium:
            # Allow access to premium features
            return {"data": "premium_data"}
        else:
            return {"error": "Upgrade required"}

    assert await my_api_endpoint("user_123") == {"error": "No active subscription"}
    lumen_env.subscribe("user_123", PRO_PLAN_ID)
    assert await my_api_endpoint("user_123") == {"error": "Upgrade required"}  # slug with "_"
    assert len(lumen_env.events_for("user_123", "api_call")) == 1
    assert await is_feature_entitled(feature="premium-feature", user_id="user_123") is True


async def test_customer_management(lumen_env: LumenState) -> None:
    from paywire.lumen import get_customer_overview, get_subscription_status

    lumen_env.subscribe("user_123", PRO_PLAN_ID, name="Ada", email="ada@example.com")

    # Check if user has active subscription
    status = await get_subscription_status(user_id="user_123")
    # Returns: {"hasActiveSubscription": True, "customer": {...}}

    # Get detailed customer information
    overview = await get_customer_overview(user_id="user_123")

    assert status["hasActiveSubscription"] is True and status["customer"]["email"] == "ada@example.com"
    assert overview["portal"]["customer"]["id"] == status["customer"]["id"]
    assert overview["portal"]["invoices"][0]["status"] == "paid"


async def test_feature_entitlements(lumen_env: LumenState) -> None:
    from paywire.lumen import get_features, get_usage, is_feature_entitled

    lumen_env.subscribe("user_123", PRO_PLAN_ID)

    # Get detailed usage data
    usage = await get_usage(user_id="user_123")
    # Returns: {"entitlements": [{"feature": {...}, "usage": 150, "limit": 1000}]}

    # Get simple feature flags
    features = await get_features(user_id="user_123")
    # Returns: {"api_calls": True, "premium_feature": False}

    # Check single feature
    has_access = await is_feature_entitled(feature="premium_feature", user_id="user_123")
    # Returns: True or False

    slugs = {e["feature"]["slug"]: e for e in usage["entitlements"]}
    assert slugs["api-calls"]["limit"] == 10_000 and slugs["api-calls"]["usage"] == 0
    assert features == {"api-calls": True, "premium-feature": True, "team-seats": True}
    assert has_access is False  # "premium_feature" is not a valid slug; the check fails closed
    assert await is_feature_entitled(feature="premium-feature", user_id="user_123") is True


async def test_event_tracking(lumen_env: LumenState) -> None:
    from paywire.lumen import send_event

    lumen_env.subscribe("user_123")

    # Track usage (call this in your API endpoints)
    await send_event(name="api_call", value=1, user_id="user_123")

    # Track with idempotency key (prevents duplicates)
    await send_event(
        name="api_call",
        value=1,
        user_id="user_123",
        idempotency_key="unique_key_123"
    )

    again = await send_event(name="api_call", value=1, user_id="user_123", idempotency_key="unique_key_123")
    assert again is not None and again.status_code == 202 and again.json()["deduplicated"] is True
    assert len(lumen_env.events_for("user_123", "api_call")) == 2  # the duplicate was not counted


async def test_seat_management(lumen_env: LumenState) -> None:
    from paywire.lumen import add_seat, get_seat_usage, remove_seat

    owner = lumen_env.subscribe("org_owner_123", PRO_PLAN_ID)

    # Add user to organization's subscription
    added = await add_seat(
        new_user_id="new_user_456",
        organisation_user_id="org_owner_123",
        metadata={"role": "developer"}
    )

    # Remove user from organization
    removed = await remove_seat(
        removed_user_id="user_456",
        organisation_user_id="org_owner_123"
    )

    # Get current seat usage
    usage = await get_seat_usage(customer_id="cust_123")

    assert added["message"] == "Seat added successfully" and added["created_user_id"] == "new_user_456"
    assert removed == {"error": "User not found in active seats or already removed"}  # user_456 had no seat
    assert "error" in usage  # "cust_123" is not a Lumen customer id (cus_ + 22 characters)
    real = await get_seat_usage(customer_id=owner.customer_id)
    assert real["seatUsages"][0]["currentUsage"] == 1
    gone = await remove_seat(removed_user_id="new_user_456", organisation_user_id="org_owner_123")
    assert gone["message"] == "Seat removed successfully"


async def test_enrollment_and_free_subscription(lumen_env: LumenState) -> None:
    from paywire.lumen import create_free_subscription_if_none_exists, enroll_user

    with pytest.raises(Exception, match=r"^Failed to enroll user: 400$"):
        # Enroll user (call this on user signup)
        await enroll_user(
            email="user@example.com",
            name="John Doe",
            user_id="user_123",
            plan_id="plan_free"  # Optional - will use enrollment rules
        )
    # "plan_free" is not a plan id; without it the enrollment rules pick the free plan
    enrolled = await enroll_user(email="user@example.com", name="John Doe", user_id="user_123")

    # Create free subscription if none exists
    result = await create_free_subscription_if_none_exists(
        email="user@example.com",
        name="John Doe",
        user_id="user_123"
    )

    assert enrolled["subscription"]["status"] == "active"
    assert result["alreadyExists"] is True and result["subscription"]["id"] == enrolled["subscription"]["id"]
    fresh = await create_free_subscription_if_none_exists(email="new@example.com", name="New", user_id="user_9")
    assert fresh["success"] is True and fresh["subscription"]["status"] == "active"


async def test_override_per_call(lumen_env: LumenState, paywire_sandbox: Any) -> None:
    from paywire.lumen import get_subscription_status

    # Override API key or URL for specific calls (the URL is the sandbox's: tests stay offline)
    status = await get_subscription_status(
        user_id="user_123",
        api_key="custom_key",
        api_url=paywire_sandbox.base_url("lumen"),
    )
    assert status == {"error": "Unauthorized"}  # the sandbox does not know "custom_key"


async def test_error_handling(lumen_env: LumenState, capsys: pytest.CaptureFixture[str]) -> None:
    from paywire.lumen import enroll_user, get_subscription_status

    async def route() -> Any:
        # Check for errors
        result = await get_subscription_status(user_id="user_123")
        if "error" in result:
            return {"error": result["error"]}, 400

        # Some functions raise exceptions
        try:
            await enroll_user(email="user@example.com", name="John Doe", user_id="user_123")
        except Exception as e:
            print(f"Failed: {e}")
        return result

    assert (await route())["hasActiveSubscription"] is False
    assert (await route())["hasActiveSubscription"] is True  # enrolled by the first call
    assert capsys.readouterr().out == "Failed: Failed to enroll user: 409\n"


async def test_common_patterns(lumen_env: LumenState) -> None:
    from paywire.lumen import get_subscription_status, is_feature_entitled, send_event

    async def protected_endpoint(user_id: str) -> Any:
        status = await get_subscription_status(user_id=user_id)

        if not status.get("hasActiveSubscription"):
            return {"error": "Subscription required"}, 402

        # Continue with endpoint logic
        return {"data": "..."}

    async def premium_feature_endpoint(user_id: str) -> Any:
        if not await is_feature_entitled(feature="premium-feature", user_id=user_id):
            return {"error": "Upgrade required"}, 403

        # Premium feature logic
        return {"data": "premium_data"}

    async def api_endpoint(user_id: str) -> Any:
        # Track usage before processing
        await send_event(name="api_call", value=1, user_id=user_id)

        # Your API logic
        return {"result": "..."}

    assert await protected_endpoint("user_123") == ({"error": "Subscription required"}, 402)
    lumen_env.subscribe("user_123", FREE_PLAN_ID)
    assert await protected_endpoint("user_123") == {"data": "..."}
    assert await premium_feature_endpoint("user_123") == ({"error": "Upgrade required"}, 403)
    lumen_env.subscribe("user_123", PRO_PLAN_ID)
    assert await premium_feature_endpoint("user_123") == {"data": "premium_data"}
    assert await api_endpoint("user_123") == {"result": "..."}
    assert lumen_env.entitlement(lumen_env.customer("user_123").id, "api-calls")["usage"] == 1  # type: ignore[union-attr]

"""Entitlement reads and flags through the cache: EntitlementSet, 404 = empty set, TTL,
invalidation (synchronous on both clients), own writes invalidate, flags' own cache."""

from __future__ import annotations

import inspect
import time
from typing import Any

import httpx
import pytest
import respx
from _vellum_helpers import ENT, T, call

from paywire.vellum import EntitlementSet, VellumAuthError

ENT_PATH = f"{T}/customers/unit_1/entitlements"


async def test_get_entitlements_and_can(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(ENT_PATH).respond(200, json=ENT)
    client = make()
    ent = await call(client.get_entitlements, "unit_1")
    assert isinstance(ent, EntitlementSet)
    assert ent.found and ent.is_active() and ent.has_access() and ent.status == "active"
    assert ent.has("imports") and not ent.has("reports")
    assert ent.config("trial_days") == 14 and ent.config("missing", "d") == "d"
    assert ent.data == ENT and not ent.stale
    assert await call(client.can, "unit_1", "exports") is True
    assert await call(client.can, "unit_1", "reports") is False
    assert route.call_count == 1  # everything after the first read was a cache hit


async def test_404_is_an_empty_not_found_set_and_is_cached(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(f"{T}/customers/nobody/entitlements").respond(
        404, json={"error": "customer has no record", "code": "NOT_FOUND"})
    client = make()
    ent = await call(client.get_entitlements, "nobody")
    assert (ent.found, ent.status, ent.data, ent.is_active(), ent.has("imports")) == (False, None, {}, False, False)
    assert ent.config("trial_days") is None
    assert await call(client.can, "nobody", "imports") is False
    assert route.call_count == 1


async def test_cache_ttl_zero_disables_caching(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(ENT_PATH).respond(200, json=ENT)
    client = make(cache_ttl_ms=0)
    for _ in range(3):
        assert await call(client.can, "unit_1", "imports")
    assert route.call_count == 3


async def test_invalidate_is_synchronous_on_both_clients(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(ENT_PATH).mock(side_effect=[
        httpx.Response(200, json=ENT),
        httpx.Response(200, json={**ENT, "modules": ["reports"]}),
        httpx.Response(200, json=ENT),
    ])
    client = make()
    assert await call(client.can, "unit_1", "imports")
    result = client.invalidate("unit_1")
    assert result is None and not inspect.isawaitable(result)
    assert await call(client.can, "unit_1", "reports")
    client.invalidate()
    assert await call(client.can, "unit_1", "imports")
    assert route.call_count == 3


async def test_is_active_follows_the_seed_rule_and_has_access_the_server(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{T}/customers/u_trial/entitlements").respond(200, json={"status": "trialing", "modules": [],
                                                                         "config": {}})
    mock.get(f"{T}/customers/u_past/entitlements").respond(200, json={"status": "past_due", "modules": [],
                                                                        "config": {}, "hasAccess": False})
    client = make(api_version="v1")  # v1's spec makes hasAccess optional; v2 requires it
    trial = await call(client.get_entitlements, "u_trial")
    past = await call(client.get_entitlements, "u_past")
    assert trial.is_active() and trial.has_access()  # v1-era body without hasAccess
    assert not past.is_active() and not past.has_access()


async def test_auth_errors_surface_from_can(make: Any, mock: respx.MockRouter) -> None:
    import paywire

    mock.get(ENT_PATH).respond(401, json={"error": "invalid API key", "code": "UNAUTHORIZED"})
    client = make()
    with pytest.raises(VellumAuthError) as err:
        await call(client.can, "unit_1", "imports")
    assert isinstance(err.value, paywire.AuthenticationError)
    assert len(client.entitlement_cache) == 0  # errors are never cached


async def test_own_subscription_changes_invalidate_that_customer(make: Any, mock: respx.MockRouter) -> None:
    ent_route = mock.get(ENT_PATH).respond(200, json=ENT)
    mock.get(f"{T}/customers/unit_2/entitlements").respond(200, json=ENT)
    mock.delete(f"{T}/accounts/acct_1/customers/unit_1/subscription").respond(200, json={"status": "canceled"})
    client = make()
    await call(client.can, "unit_1", "imports")
    await call(client.can, "unit_2", "imports")
    await call(client.cancel_subscription, account_id="acct_1", customer_id="unit_1")
    assert "unit_1" not in client.entitlement_cache and "unit_2" in client.entitlement_cache
    await call(client.can, "unit_1", "imports")
    assert ent_route.call_count == 2


async def test_failed_change_still_invalidates(make: Any, mock: respx.MockRouter) -> None:
    mock.get(ENT_PATH).respond(200, json=ENT)
    mock.patch(f"{T}/accounts/acct_1/customers/unit_1/subscription/seats").mock(
        side_effect=httpx.ReadTimeout("timed out"))
    client = make()
    await call(client.can, "unit_1", "imports")
    with pytest.raises(Exception, match="ReadTimeout"):
        await call(client.set_seats, account_id="acct_1", customer_id="unit_1", seats=2)
    assert "unit_1" not in client.entitlement_cache  # the change may have committed


async def test_account_status_change_drops_every_cached_customer(make: Any, mock: respx.MockRouter) -> None:
    mock.get(ENT_PATH).respond(200, json=ENT)
    mock.patch(f"{T}/accounts/acct_1").respond(200, json={"accountId": "acct_1", "status": "suspended"})
    client = make()
    await call(client.can, "unit_1", "imports")
    await call(client.set_account_status, account_id="acct_1", status="suspended")
    assert len(client.entitlement_cache) == 0


async def test_stale_if_error_serves_marked_set(make: Any, mock: respx.MockRouter,
                                                caplog: pytest.LogCaptureFixture) -> None:
    route = mock.get(ENT_PATH).mock(side_effect=[httpx.Response(200, json=ENT), httpx.ConnectError("refused")])
    client = make(cache_ttl_ms=1, stale_if_error_ms=60_000, max_retries=0)
    first = await call(client.get_entitlements, "unit_1")
    time.sleep(0.01)  # the 1 ms TTL has passed: the entry is expired but inside the stale window
    stale = await call(client.get_entitlements, "unit_1")
    assert stale.stale and not first.stale and stale.has("imports")
    assert route.call_count == 2
    assert "serving the last known value" in caplog.text


# --- flags (v2) --------------------------------------------------------------------------------------


async def test_flags_cached_copied_and_separate(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(f"{T}/customers/unit_1/flags").respond(200, json={"flags": {"beta": True, "odd": "yes"}})
    client = make()
    flags = await call(client.flags, "unit_1")
    flags["beta"] = False  # a copy: the cache is not touched
    assert await call(client.flag, "beta", "unit_1", default=False) is True
    assert await call(client.flag, "missing", "unit_1", default=True) is True
    assert await call(client.flag, "odd", "unit_1", default=False) is False  # not a bool -> default
    assert route.call_count == 1
    client.invalidate()  # the entitlements cache only
    assert await call(client.flag, "beta", "unit_1", default=False) is True
    assert route.call_count == 1
    client.invalidate_flags("unit_1")
    assert await call(client.flag, "beta", "unit_1", default=False) is True
    assert route.call_count == 2


async def test_flag_returns_default_on_any_failure(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{T}/customers/unit_1/flags").respond(401, json={"error": "invalid API key"})
    client = make()
    assert await call(client.flag, "beta", "unit_1", default=True) is True
    assert await call(client.flag, "beta", "bad/id", default=False) is False
    from paywire.vellum import VellumAuthError

    with pytest.raises(VellumAuthError):
        await call(client.flags, "unit_1")


async def test_flag_cache_ttl_zero(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(f"{T}/customers/unit_1/flags").respond(200, json={"flags": {"beta": True}})
    client = make(flag_cache_ttl_ms=0)
    await call(client.flags, "unit_1")
    await call(client.flags, "unit_1")
    assert route.call_count == 2


def test_entitlement_set_is_seed_compatible() -> None:
    empty = EntitlementSet({}, False)
    assert empty == EntitlementSet() and empty != EntitlementSet({"status": "active"}, True)
    assert EntitlementSet(data={"modules": ["a", 3]}, found=True).modules == frozenset({"a"})
    assert "found=True" in repr(EntitlementSet({"modules": []}, True))
    assert EntitlementSet({"config": "not a dict"}, True).config("k", 1) == 1


@pytest.mark.parametrize("ttl_ms", [30_000, 0])
async def test_can_answers_as_the_core_cached_read_in_every_state(make: Any, mock: respx.MockRouter,
                                                                  ttl_ms: int) -> None:
    """can()'s fast hit paths (the core's key_first on sync clients, _CanRead's async hit in
    vellum/resources/entitlements.py) give the generic core descriptor's answers and errors:
    cold, warm, after invalidate(), 404, bad ids, cache off."""
    from paywire._core.cached import CachedRead
    from paywire.vellum import VellumClient, VellumValidationError

    mock.get(ENT_PATH).respond(200, json=ENT)
    mock.get(f"{T}/customers/nobody/entitlements").respond(404, json={"error": "none"})
    client = make(cache_ttl_ms=ttl_ms)
    generic = CachedRead._bind(inspect.getattr_static(VellumClient, "can"), client)
    for step in ("cold", "warm", "invalidated"):
        if step == "invalidated":
            client.invalidate()
        for customer, module in (("unit_1", "imports"), ("unit_1", "reports"), ("nobody", "imports")):
            assert await call(client.can, customer, module) == await call(generic, customer, module), step
    for bad in ([], "", "a/b", None):
        with pytest.raises(VellumValidationError) as fast_error:
            await call(client.can, bad, "imports")
        with pytest.raises(VellumValidationError) as generic_error:
            await call(generic, bad, "imports")
        assert str(fast_error.value) == str(generic_error.value)
    if ttl_ms:
        calls = len(mock.calls)
        assert await call(client.can, "unit_1", "imports") is True and len(mock.calls) == calls  # a hit: no I/O


@pytest.mark.parametrize("hit", ["can", "get_entitlements"])
async def test_a_cached_read_hit_protects_its_entry_from_the_next_eviction(
        make: Any, mock: respx.MockRouter, hit: str) -> None:
    """Every hit path (the compiled key_first ``can``, the plain cached read) marks the entry for
    the cache's second-chance eviction: with room for two customers, the one just hit stays."""
    routes = {c: mock.get(f"{T}/customers/{c}/entitlements").respond(200, json=ENT)
              for c in ("unit_1", "unit_2", "unit_3")}
    client = make(cache_max_size=2)
    await call(client.get_entitlements, "unit_1")
    await call(client.get_entitlements, "unit_2")
    if hit == "can":
        assert await call(client.can, "unit_1", "imports") is True
    else:
        assert (await call(client.get_entitlements, "unit_1")).found
    await call(client.get_entitlements, "unit_3")  # evicts unit_2, not the entry just hit
    await call(client.get_entitlements, "unit_1")
    assert routes["unit_1"].call_count == 1
    await call(client.get_entitlements, "unit_2")
    assert routes["unit_2"].call_count == 2

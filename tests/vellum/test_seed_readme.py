"""The vellumcharter 0.1.0 README examples, verbatim except for the import line.

Each example runs twice: against respx at the default base URL (the README passes none), and
against the sandbox through ``VELLUM_API_URL`` with the README's own key accepted there.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import respx

# The only change from the README: `from vellumcharter import ...` became this line.
from paywire.vellum import AsyncVellumClient, VellumClient, verify_push_signature

README_KEY = "vlm_sam.xxxxx"
ENT = {"status": "trialing", "modules": ["imports"], "config": {"trial_days": 14}, "hasAccess": True}


def readme_sync() -> dict[str, Any]:
    vellum = VellumClient(
        api_key="vlm_sam.xxxxx",  # from SSM, never shipped to a browser
        tenant_id="sam",
        # base_url defaults to https://api.vellumcharter.com; override for tests/staging.
    )

    # Gate a feature (pull-first; cached with a short TTL):
    gated = False
    if vellum.can("unit_1", "imports"):
        gated = True

    ent = vellum.get_entitlements("unit_1")
    return {
        "gated": gated,
        "is_active": ent.is_active(),  # True for active/trialing
        "has": ent.has("imports"),
        "config": ent.config("trial_days"),
        "found": ent.found,  # False if the customer has no record (no exception)
    }


async def readme_async() -> dict[str, Any]:
    vellum = AsyncVellumClient(api_key="vlm_sam.xxxxx", tenant_id="sam")

    gated = False
    if await vellum.can("unit_1", "imports"):
        gated = True

    ent = await vellum.get_entitlements("unit_1")
    vellum.invalidate("unit_1")  # cache op is synchronous (no await)
    return {"gated": gated, "is_active": ent.is_active(), "has": ent.has("imports"),
            "config": ent.config("trial_days"), "found": ent.found}


EXPECTED = {"gated": True, "is_active": True, "has": True, "config": 14, "found": True}


@pytest.fixture
def default_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    with respx.mock(base_url="https://api.vellumcharter.com") as router:
        yield router


def test_readme_sync_example(default_api: respx.MockRouter) -> None:
    route = default_api.get("/tenants/sam/customers/unit_1/entitlements").respond(200, json=ENT)
    assert readme_sync() == EXPECTED
    assert route.call_count == 1  # can() filled the cache; get_entitlements() was a hit
    assert route.calls.last.request.headers["x-api-key"] == README_KEY


async def test_readme_async_example(default_api: respx.MockRouter) -> None:
    route = default_api.get("/tenants/sam/customers/unit_1/entitlements").respond(200, json=ENT)
    assert await readme_async() == EXPECTED
    assert route.call_count == 1


def test_readme_no_record_means_found_false(default_api: respx.MockRouter) -> None:
    default_api.get("/tenants/sam/customers/unit_1/entitlements").respond(404, json={"error": "no record"})
    assert readme_sync() == {"gated": False, "is_active": False, "has": False, "config": None, "found": False}


def test_readme_push_verification() -> None:
    import hashlib
    import hmac

    raw_body = json.dumps({"eventId": "evt_1", "type": "payment.succeeded"}).encode()
    secret = "whsec_from_ssm"
    ts = int(time.time())
    header = f"t={ts},v1=" + hmac.new(secret.encode(), f"{ts}.".encode() + raw_body, hashlib.sha256).hexdigest()
    # "verify_push_signature(raw_body, header, secret) for the consumer's /webhooks/vellum endpoint"
    event = verify_push_signature(raw_body, header, secret)
    assert event["eventId"] == "evt_1"


# --- the same examples against the sandbox (only VELLUM_API_URL set) -----------------------------------


@pytest.fixture
def sandbox_api(paywire_sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    state = paywire_sandbox.state("vellum")
    state.tenant("sam").api_key = README_KEY  # the README's key is the tenant's key in this sandbox
    monkeypatch.setenv("VELLUM_API_URL", paywire_sandbox.base_url("vellum-v2"))
    return state


def _provision(paywire_sandbox: Any) -> None:
    import httpx

    base = paywire_sandbox.base_url("vellum-v2") + "/tenants/sam"
    headers = {"x-api-key": README_KEY}
    httpx.post(f"{base}/accounts", json={"accountId": "acct_1"}, headers=headers).raise_for_status()
    httpx.post(f"{base}/accounts/acct_1/customers", json={"customerId": "unit_1"},
               headers=headers).raise_for_status()
    paywire_sandbox.state("vellum").add_payment_method("acct_1")  # v2 subscribe needs a saved card
    httpx.post(f"{base}/accounts/acct_1/customers/unit_1/subscribe", json={"planId": "pro", "planVersion": 1,
                                                                            "seats": 1},
               headers=headers).raise_for_status()


def test_readme_sync_example_against_the_sandbox(paywire_sandbox: Any, sandbox_api: Any) -> None:
    assert readme_sync()["found"] is False  # no record yet: an empty set, no exception
    _provision(paywire_sandbox)
    result = readme_sync()  # a new client: its cache is empty
    assert result == {"gated": True, "is_active": True, "has": True, "config": 14, "found": True}


async def test_readme_async_example_against_the_sandbox(paywire_sandbox: Any, sandbox_api: Any) -> None:
    _provision(paywire_sandbox)
    assert await readme_async() == {"gated": True, "is_active": True, "has": True, "config": 14, "found": True}

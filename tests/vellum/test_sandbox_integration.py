"""VellumClient / AsyncVellumClient over real HTTP against the sandbox, pinned to v1
(``vellum-v1``, the 0.1.0 era) and v2 (``vellum-v2``, 1.4.x): every method, errors, faults,
and signed push deliveries verified with ``verify_push_signature``."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from _support.push_receiver import PushReceiver
from _vellum_helpers import FLAVOURS, aclose, call, no_sleep

import paywire
from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT, OTHER_API_KEY, SIGNATURE_HEADER
from paywire.vellum import (
    UnsupportedOperationError,
    VellumApiError,
    VellumAuthError,
    verify_push_signature,
)

ACCT, UNIT = "acct_1", "unit_1"
OK_URL, NO_URL = "https://app.example/ok", "https://app.example/cancel"


@pytest.fixture
async def vellum(paywire_sandbox: Any, flavour: str) -> AsyncIterator[Callable[..., Any]]:
    """``vellum("v1"|"v2", **kwargs)``: a client of this test's flavour on that sandbox service."""
    built: list[Any] = []

    def factory(version: str, **kwargs: Any) -> Any:
        kwargs.setdefault("api_key", DEFAULT_API_KEY)
        client = no_sleep(FLAVOURS[flavour](
            tenant_id=DEFAULT_TENANT, base_url=paywire_sandbox.base_url(f"vellum-{version}"),
            api_version=version, **kwargs))
        built.append(client)
        return client

    yield factory
    for client in built:
        await aclose(client)


async def provision(client: Any, **account: Any) -> None:
    await call(client.create_account, account_id=ACCT, email="billing@acme.example", **account)
    await call(client.create_customer, account_id=ACCT, customer_id=UNIT, email="unit@acme.example")


# --- v1: the vellumcharter 0.1.0 era ---------------------------------------------------------------------


async def test_v1_full_lifecycle(vellum: Any, paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("vellum")
    v1 = vellum("v1")
    assert (await call(v1.get_entitlements, UNIT)).found is False
    account = await call(v1.create_account, account_id=ACCT, create_stripe_customer=True)
    assert account["accountId"] == ACCT and account["billingCustomerId"].startswith("cus_")
    customer = await call(v1.create_customer, account_id=ACCT, customer_id=UNIT, email="u@acme.example")
    assert customer == {"customerId": UNIT, "accountId": ACCT, "email": "u@acme.example", "status": "active"}
    v1.invalidate(UNIT)  # the 404 "no record" was cached
    ent = await call(v1.get_entitlements, UNIT)
    assert ent.found and ent.status == "none" and not await call(v1.can, UNIT, "imports")

    setup = await call(v1.create_setup_checkout, account_id=ACCT, success_url=OK_URL, cancel_url=NO_URL)
    st.complete_checkout(setup["sessionId"])  # the customer saves a card on the hosted page
    methods = await call(v1.list_payment_methods, account_id=ACCT)
    assert len(methods) == 1 and methods[0]["id"].startswith("pm_") and methods[0]["isDefault"]

    sub = await call(v1.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="basic", plan_version=1)
    assert sub["status"] == "active" and sub["subscriptionId"].startswith("sub_")
    assert await call(v1.can, UNIT, "imports")  # own write invalidated the cached "none"
    view = await call(v1.get_subscription, account_id=ACCT, customer_id=UNIT)
    assert view["id"] == sub["subscriptionId"] and view["defaultPaymentMethod"] == methods[0]["id"]
    # the typed view (#14): the v1 generated models, read as attributes
    assert view.model.default_payment_method == methods[0].model.id == methods[0]["id"]
    assert sub.model.subscription_id == view.model.id
    assert type(view.model).__module__.startswith("paywire_gen_vellum_v1.")

    invoices = await call(v1.list_invoices, account_id=ACCT, customer_id=UNIT)
    assert invoices and invoices[0]["id"].startswith("in_") and invoices[0]["invoicePdf"]
    url = await call(v1.invoice_pdf_url, account_id=ACCT, invoice_id=invoices[0]["id"])
    assert url.startswith("https://") and url.endswith(".pdf")

    second = st.add_payment_method(ACCT)
    result = await call(v1.set_subscription_payment_method, account_id=ACCT, customer_id=UNIT, method_id=second.id)
    assert result["subscription"]["defaultPaymentMethod"] == second.id and result["default"] == methods[0]["id"]
    assert (await call(v1.set_default_payment_method, account_id=ACCT, method_id=second.id))["isDefault"]
    assert await call(v1.remove_payment_method, account_id=ACCT, method_id=methods[0]["id"]) == \
        {"removed": True, "id": methods[0]["id"]}

    pending = await call(v1.cancel_subscription, account_id=ACCT, customer_id=UNIT, at_period_end=True)
    assert pending["cancelAtPeriodEnd"] is True and pending["status"] == "active"
    ended = await call(v1.cancel_subscription, account_id=ACCT, customer_id=UNIT)
    assert ended["status"] == "canceled"
    assert not await call(v1.can, UNIT, "imports")

    checkout = await call(v1.create_checkout, account_id=ACCT, customer_id=UNIT, plan_id="pro", plan_version=1,
                          success_url=OK_URL, cancel_url=NO_URL, seats=2)
    assert checkout["url"].startswith("https://")
    st.complete_checkout(checkout["sessionId"])
    v1.invalidate()
    ent = await call(v1.get_entitlements, UNIT)
    assert ent.status == "trialing" and ent.is_active() and ent.has("exports") and ent.config("trial_days") == 14

    assert (await call(v1.set_customer_status, account_id=ACCT, customer_id=UNIT, status="suspended"))["status"] \
        == "suspended"
    assert not await call(v1.can, UNIT, "imports")  # own write invalidated; the server withholds access
    assert (await call(v1.set_account_status, account_id=ACCT, status="suspended"))["status"] == "suspended"


async def test_v1_stripe_customer_adoption(vellum: Any) -> None:
    v1 = vellum("v1")
    first = await call(v1.create_account, account_id=ACCT, stripe_customer_id="cus_adopted")
    assert first["billingCustomerId"] == "cus_adopted"
    # the 1.4.x spelling is mapped to the v1 wire name too
    again = await call(v1.create_account, account_id=ACCT, billing_customer_id="cus_other")
    assert again["billingCustomerId"] == "cus_other"  # v1 era: no 409 guard, it replaces


async def test_v1_rejects_v2_methods_without_calling(vellum: Any, paywire_sandbox: Any) -> None:
    v1 = vellum("v1")
    with pytest.raises(UnsupportedOperationError, match="set_seats needs api_version v2"):
        await call(v1.set_seats, account_id=ACCT, customer_id=UNIT, seats=2)
    with pytest.raises(UnsupportedOperationError, match="invoice_pdf needs api_version v2"):
        await call(v1.invoice_pdf, account_id=ACCT, invoice_id="in_x")


# --- v2: the vellumcharter 1.4.x era ----------------------------------------------------------------------


async def test_v2_subscription_changes(vellum: Any, paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("vellum")
    v2 = vellum("v2")
    assert v2.api_version == "v2"
    await provision(v2, create_billing_customer=True)
    with pytest.raises(paywire.ConflictError):  # 409: another billing customer is already stored
        await call(v2.create_account, account_id=ACCT, billing_customer_id="cus_someone_else")
    with pytest.raises(paywire.BadRequestError):  # v2 subscribe needs a saved card
        await call(v2.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="basic")
    st.add_payment_method(ACCT)
    assert not await call(v2.can, UNIT, "reports")

    sub = await call(v2.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="pro")
    assert (sub["planId"], sub["planVersion"], sub["status"]) == ("pro", 2, "trialing")  # newest version sold
    # the typed view of the same answer (#14 result policy): the v2 generated model, snake_case
    assert (sub.model.plan_id, sub.model.plan_version, sub.model.status) == ("pro", 2, "trialing")
    assert sub.model.default_payment_method_ref == sub["defaultPaymentMethodRef"]
    assert type(sub.model).__module__.startswith("paywire_gen_vellum_v2.")
    assert "id" not in sub and sub["defaultPaymentMethodRef"].startswith("pmr_")
    ent = await call(v2.get_entitlements, UNIT)
    assert ent.has_access() and ent.has("reports")
    with pytest.raises(VellumApiError) as dup:
        await call(v2.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="pro")
    assert dup.value.status == 409 and isinstance(dup.value, paywire.ConflictError)
    assert dup.value.code == "SUBSCRIPTION_EXISTS"

    paywire_sandbox.clock.advance(15 * 86_400)  # past the trial
    preview = await call(v2.preview_change, account_id=ACCT, customer_id=UNIT, seats=3)
    assert preview["seats"] == 3 and preview["amountDue"] > 0
    assert (await call(v2.set_seats, account_id=ACCT, customer_id=UNIT, seats=3))["seats"] == 3
    assert not await call(v2.can, UNIT, "sso")
    added = await call(v2.add_add_on, account_id=ACCT, customer_id=UNIT, module_id="sso")
    assert added["addOnModuleIds"] == ["sso"]
    assert await call(v2.can, UNIT, "sso")  # the add-on call dropped the cached entitlements
    removed = await call(v2.remove_add_on, account_id=ACCT, customer_id=UNIT, module_id="sso")
    assert removed["addOnModuleIds"] == []
    plan = await call(v2.change_plan, account_id=ACCT, customer_id=UNIT, plan_id="team", plan_version=1,
                      product_id="prod_sam")
    assert (plan["planId"], plan["planVersion"]) == ("team", 1)
    updated = await call(v2.update_subscription, account_id=ACCT, customer_id=UNIT, plan_id="pro", plan_version=2,
                         seats=1, add_on_module_ids=["audit"])
    assert (updated["planId"], updated["seats"], updated["addOnModuleIds"]) == ("pro", 1, ["audit"])
    with pytest.raises(paywire.BadRequestError):  # 400 AMBIGUOUS_PLAN: "team" is sold by two products
        await call(v2.change_plan, account_id=ACCT, customer_id=UNIT, plan_id="team", plan_version=1)

    pending = await call(v2.cancel_subscription, account_id=ACCT, customer_id=UNIT, at_period_end=True)
    assert pending["cancelAtPeriodEnd"] is True
    assert (await call(v2.reactivate, account_id=ACCT, customer_id=UNIT))["cancelAtPeriodEnd"] is False
    assert (await call(v2.cancel_subscription, account_id=ACCT, customer_id=UNIT))["status"] == "canceled"
    with pytest.raises(paywire.ConflictError):  # SUBSCRIPTION_ENDED
        await call(v2.reactivate, account_id=ACCT, customer_id=UNIT)
    assert not await call(v2.can, UNIT, "reports")


async def test_v2_billing_refs_and_pdf_bytes(vellum: Any, paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("vellum")
    v2 = vellum("v2")
    await provision(v2)
    pm = st.add_payment_method(ACCT, name="Sam")
    other = st.add_payment_method(ACCT)
    methods = await call(v2.list_payment_methods, account_id=ACCT)
    assert {m["ref"] for m in methods} == {pm.ref, other.ref} and all("id" not in m for m in methods)
    await call(v2.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="basic", plan_version=1)
    view = await call(v2.set_subscription_payment_method, account_id=ACCT, customer_id=UNIT, method_id=other.ref)
    assert view["defaultPaymentMethodRef"] == other.ref
    with pytest.raises(paywire.NotFoundError):  # raw provider ids are 404 on v2
        await call(v2.set_default_payment_method, account_id=ACCT, method_id=other.id)
    assert (await call(v2.set_default_payment_method, account_id=ACCT, method_id=other.ref))["isDefault"]
    assert await call(v2.remove_payment_method, account_id=ACCT, method_id=pm.ref) == {"removed": True,
                                                                                      "ref": pm.ref}

    invoices = await call(v2.list_invoices, account_id=ACCT)
    assert invoices and "id" not in invoices[0] and "invoicePdf" not in invoices[0]
    pdf = await call(v2.invoice_pdf, account_id=ACCT, invoice_id=invoices[0]["ref"])
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF") and invoices[0]["number"].encode() in pdf
    raw_id = next(iter(st.tenant().invoices))
    with pytest.raises(paywire.NotFoundError):
        await call(v2.invoice_pdf, account_id=ACCT, invoice_id=raw_id)
    with pytest.raises(UnsupportedOperationError, match="invoice_pdf_url needs api_version v1"):
        await call(v2.invoice_pdf_url, account_id=ACCT, invoice_id=invoices[0]["ref"])

    setup = await call(v2.create_setup_checkout, account_id=ACCT, success_url=OK_URL, cancel_url=NO_URL)
    assert setup["url"].startswith("https://")
    customer = await call(v2.create_customer, account_id=ACCT, customer_id="unit_2", name="Second unit")
    assert customer["name"] == "Second unit"
    checkout = await call(v2.create_checkout, account_id=ACCT, customer_id="unit_2", plan_id="pro",
                          success_url=OK_URL, cancel_url=NO_URL, add_on_module_ids=["sso"])
    assert (checkout["planVersion"], checkout["addOnModuleIds"]) == (2, ["sso"])


async def test_v2_credits(vellum: Any, paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("vellum")
    v2 = vellum("v2")
    await provision(v2)
    types = await call(v2.list_credit_types)
    assert {t["id"] for t in types} >= {"ai_tokens", "exports"}
    packs = await call(v2.list_credit_packs, "ai_tokens")
    assert {p["id"] for p in packs} == {"ai_small", "ai_large"}
    checkout = await call(v2.create_credit_checkout, account_id=ACCT, customer_id=UNIT, success_url=OK_URL,
                          cancel_url=NO_URL, items=[{"credit_type_id": "ai_tokens", "pack_id": "ai_small"}])
    st.complete_checkout(checkout["sessionId"])
    assert await call(v2.get_credit_balance, UNIT, "ai_tokens") == {"creditTypeId": "ai_tokens", "balance": 1000}
    first = await call(v2.consume_credits, UNIT, "ai_tokens", 300, "req_1")
    replay = await call(v2.consume_credits, customer_id=UNIT, credit_type_id="ai_tokens", amount=300,
                        idempotency_key="req_1")
    assert first == replay and first["balance"] == 700
    with pytest.raises(paywire.ConflictError) as err:
        await call(v2.consume_credits, UNIT, "ai_tokens", 5000, "req_2")
    assert err.value.code == "INSUFFICIENT_CREDITS"
    assert await call(v2.list_credits, UNIT) == [{"creditTypeId": "ai_tokens", "balance": 700}]
    single = await call(v2.create_credit_checkout, account_id=ACCT, customer_id=UNIT, success_url=OK_URL,
                        cancel_url=NO_URL, credit_type_id="exports", pack_id="exports_10", quantity=2)
    assert single["url"].startswith("https://")


async def test_v2_flags(vellum: Any, paywire_sandbox: Any) -> None:
    st = paywire_sandbox.state("vellum")
    v2 = vellum("v2")
    await provision(v2)
    assert await call(v2.global_flags) == {"new_dashboard": False, "beta_exports": True}
    assert await call(v2.flag, "beta_exports", UNIT, default=False) is True
    assert await call(v2.flag, "unknown_flag", UNIT, default=True) is True
    st.set_flag("new_dashboard", True, customer_id=UNIT)
    assert await call(v2.flag, "new_dashboard", UNIT, default=False) is False  # cached
    v2.invalidate_flags(UNIT)
    assert await call(v2.flag, "new_dashboard", UNIT, default=False) is True
    assert (await call(v2.flags, UNIT))["new_dashboard"] is True
    bad = vellum("v2", api_key="vlm_sam.wrong_secret")
    assert await call(bad.flag, "beta_exports", UNIT, default=False) is False  # any failure -> default


# --- both versions: auth, faults, the cache against a live server --------------------------------------------


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_auth_errors(vellum: Any, version: str) -> None:
    with pytest.raises(VellumAuthError) as wrong:
        await call(vellum(version, api_key="vlm_sam.not_the_secret").can, UNIT, "imports")
    assert wrong.value.status == 401 and isinstance(wrong.value, paywire.AuthenticationError)
    assert "not_the_secret" not in str(wrong.value)
    with pytest.raises(VellumAuthError) as other:
        await call(vellum(version, api_key=OTHER_API_KEY).can, UNIT, "imports")
    assert other.value.status == 403 and isinstance(other.value, paywire.PermissionDeniedError)
    with pytest.raises(paywire.NotFoundError) as missing:
        await call(vellum(version).get_subscription, account_id="nope", customer_id=UNIT)
    assert '"NOT_FOUND"' in missing.value.body


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_reads_retry_through_a_503(vellum: Any, paywire_sandbox: Any, version: str) -> None:
    client = vellum(version)
    await provision(client)
    paywire_sandbox.faults.add(f"vellum-{version}:get_entitlements", status=503, times=2)
    assert (await call(client.get_entitlements, UNIT)).found


async def test_stale_if_error_against_the_sandbox(vellum: Any, paywire_sandbox: Any,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    st = paywire_sandbox.state("vellum")
    v2 = vellum("v2", cache_ttl_ms=1, stale_if_error_ms=60_000, max_retries=0)
    await provision(v2)
    st.add_payment_method(ACCT)
    await call(v2.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="basic", plan_version=1)
    assert await call(v2.can, UNIT, "imports")
    time.sleep(0.01)  # the 1 ms TTL has passed: expired, but inside the 60 s stale window
    paywire_sandbox.faults.add("vellum-v2:get_entitlements", status=503, times=5)
    ent = await call(v2.get_entitlements, UNIT)
    assert ent.stale and ent.has("imports")
    assert "serving the last known value" in caplog.text


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_concurrent_checks_share_one_request(vellum: Any, paywire_sandbox: Any, flavour: str,
                                                   version: str) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    client = vellum(version)
    await provision(client)
    client.invalidate()
    paywire_sandbox.faults.add(f"vellum-{version}:get_entitlements", latency_ms=300)
    log = paywire_sandbox.requests
    before = len(log)
    if flavour == "async":
        results = await asyncio.gather(*(client.can(UNIT, "imports") for _ in range(50)))
    else:
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(lambda _: client.can(UNIT, "imports"), range(50)))
    assert results == [False] * 50
    assert client.entitlement_cache.stats()["fetches"] == 1
    reads = [r for r in log[before:] if r["op"] == "get_entitlements"]
    assert len(reads) == 1  # the server saw exactly one entitlement read


# --- push deliveries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_push_deliveries_verify(vellum: Any, paywire_sandbox: Any, version: str) -> None:
    from paywire.vellum import VellumSignatureError

    st = paywire_sandbox.state("vellum")
    client = vellum(version)
    await provision(client)
    st.add_payment_method(ACCT)
    await call(client.create_subscription, account_id=ACCT, customer_id=UNIT, plan_id="basic", plan_version=1)
    with PushReceiver() as receiver:
        st.configure_push(receiver.url, "whsec_integration")
        summary = st.deliver_pushes()
    assert summary["delivered"] == len(receiver.received) >= 2
    signed = [(headers[SIGNATURE_HEADER.lower()], body) for headers, body, _ in receiver.received]
    events = [verify_push_signature(body, header, "whsec_integration") for header, body in signed]
    types = {e["type"] for e in events}
    assert {"subscription.created", "payment.succeeded"} <= types
    assert all(e["tenantId"] == DEFAULT_TENANT and e["eventId"].startswith("evt_") for e in events)
    header, body = signed[0]
    with pytest.raises(VellumSignatureError):
        verify_push_signature(body, header, "whsec_wrong")
    with pytest.raises(VellumSignatureError):
        verify_push_signature(body.replace(b"tenantId", b"tenantID"), header, "whsec_integration")

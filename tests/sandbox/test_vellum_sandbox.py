"""Vellum sandbox over real HTTP (plain httpx against the ``paywire_sandbox`` server).

``vellum-v1`` (``/vellum``, the 0.1.0 era) and ``vellum-v2`` (``/vellum-v2``, 1.4.x) share one
state, so several tests drive the same account through both versions.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import hmac
import importlib
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support.push_receiver import PushReceiver

import paywire.sandbox.vellum as vellum_package
from paywire._versions import API_VERSIONS
from paywire.sandbox.snapshot import registry
from paywire.sandbox.vellum import (
    DEFAULT_API_KEY,
    DEFAULT_TENANT,
    OTHER_API_KEY,
    PUSH_ATTEMPTS,
    SIGNATURE_HEADER,
    VellumState,
    vellum_v1,
    vellum_v2,
)
from paywire.sandbox.vellum.apps import APPS, VERSIONS
from paywire.vellum._contract import CONTRACTS, FEATURES

T = f"/tenants/{DEFAULT_TENANT}"
ACCT = "acct_1"
UNIT = "unit_1"
SUB = f"{T}/accounts/{ACCT}/customers/{UNIT}/subscription"
DAY = 86_400


@pytest.fixture
def st(paywire_sandbox: Any) -> VellumState:
    state: VellumState = paywire_sandbox.state("vellum")
    return state


def _client(paywire_sandbox: Any, service: str) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=paywire_sandbox.base_url(service), headers={"x-api-key": DEFAULT_API_KEY}, timeout=10
    ) as client:
        yield client


@pytest.fixture
def v1(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    yield from _client(paywire_sandbox, "vellum-v1")


@pytest.fixture
def v2(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    yield from _client(paywire_sandbox, "vellum-v2")


@pytest.fixture
def control(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=paywire_sandbox.url + "/_sandbox/vellum-v2", timeout=10) as client:
        yield client


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def provision(client: httpx.Client, version: str, *, account: str = ACCT, unit: str = UNIT) -> None:
    create = "createStripeCustomer" if version == "v1" else "createBillingCustomer"
    ok(
        client.post(
            f"{T}/accounts", json={"accountId": account, "email": "billing@example.com", create: True}
        )
    )
    ok(client.post(f"{T}/accounts/{account}/customers", json={"customerId": unit}))


def credit_checkout(client: httpx.Client, **packs: Any) -> httpx.Response:
    """A credit checkout for ``UNIT`` of the ``packs`` named (items, or creditTypeId + packId)."""
    return client.post(
        f"{T}/accounts/{ACCT}/credit-checkout", json={"customerId": UNIT, "successUrl": "s", "cancelUrl": "c", **packs}
    )


def expected_signature(secret: str, header: str, body: bytes) -> bool:
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    mac = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, parts["v1"])


# --- coverage and auth -------------------------------------------------------------------------------


def test_every_operation_of_both_specs_has_a_handler() -> None:
    assert vellum_v1.missing_handlers() == []
    assert vellum_v2.missing_handlers() == []
    assert len(vellum_v1.operations()) == 16
    assert len(vellum_v2.operations()) == 30
    assert (vellum_v1.prefix, vellum_v2.prefix) == ("/vellum", "/vellum-v2")
    assert vellum_v1.state_key == vellum_v2.state_key == "vellum"


def test_one_handler_per_operation_serves_both_versions(paywire_sandbox: Any) -> None:
    """An operation in both specs has one handler; an operation only v2's spec has is not served
    under ``/vellum`` (each app routes its own spec, whatever handlers it holds)."""
    v1_ops = {op for _, _, op in vellum_v1.operations()}
    both = v1_ops & {op for _, _, op in vellum_v2.operations()}
    assert both == v1_ops
    for op in both:
        assert vellum_v1.handlers[op] is vellum_v2.handlers[op], op
    only_v2 = [(method, path) for method, path, op in vellum_v2.operations() if op not in v1_ops]
    assert len(only_v2) == 14
    for method, path in only_v2:
        url = paywire_sandbox.base_url("vellum-v1") + path.replace("{tenantId}", DEFAULT_TENANT)
        answer = httpx.request(method, url, headers={"x-api-key": DEFAULT_API_KEY}, json={})
        assert answer.status_code in (404, 405), (method, path, answer.status_code)


def test_every_pinned_version_has_a_service() -> None:
    assert {VERSIONS[app.name] for app in APPS} == set(API_VERSIONS["vellum"])


def _sandbox_sources() -> list[Path]:
    return sorted(Path(vellum_package.__file__).parent.rglob("*.py"))


def test_versions_differ_only_through_named_contract_features() -> None:
    """No code of the Vellum sandbox compares a version string; every feature it asks a contract
    for (``.has("...")``) is one the contract table describes and some pinned version has."""
    asked: set[str] = set()
    for source in _sandbox_sources():
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
                versions = [o.value for o in operands if isinstance(o, ast.Constant) and o.value in CONTRACTS]
                assert not versions, f"{source.name}:{node.lineno} compares with {versions}: ask a feature"
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "has"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                asked.add(node.args[0].value)
    assert asked, "the sandbox asks no features: the scan found nothing"
    assert asked <= set(FEATURES), sorted(asked - set(FEATURES))
    offered = set().union(*(c.features for c in CONTRACTS.values()))
    assert offered <= set(FEATURES), sorted(offered - set(FEATURES))
    assert asked <= offered, sorted(asked - offered)
    for feature in asked:  # a feature every version has (or none has) tells no versions apart
        holders = [v for v, c in CONTRACTS.items() if c.has(feature)]
        assert 0 < len(holders) < len(CONTRACTS), (feature, holders)


def test_snapshots_name_the_package_dataclasses_by_the_service() -> None:
    """Splitting the module kept the snapshot type names (``vellum.Tenant``...)."""
    found = []
    for info in pkgutil.walk_packages(vellum_package.__path__, "paywire.sandbox.vellum."):
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values()
                  if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == info.name]
    assert len(found) >= 10
    names = registry()
    for cls in found:
        assert names[f"vellum.{cls.__qualname__}"] is cls


def test_import_does_not_load_the_client_stack() -> None:
    """The sandbox's start-up is a tracked figure: the contract table (whose package imports
    the facade and httpx) is only imported by the first Vellum request."""
    probe = "import sys, paywire.sandbox.vellum; print(sorted({'httpx', 'paywire.vellum'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize("service", ["vellum-v1", "vellum-v2"])
def test_auth_errors(paywire_sandbox: Any, service: str) -> None:
    url = paywire_sandbox.base_url(service) + f"{T}/customers/{UNIT}/entitlements"
    missing = httpx.get(url)
    assert missing.status_code == 401
    wrong = httpx.get(url, headers={"x-api-key": "vlm_sam.not_the_secret"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "UNAUTHORIZED")
    assert "not_the_secret" not in wrong.text
    other_tenant = httpx.get(url, headers={"x-api-key": OTHER_API_KEY})
    assert (other_tenant.status_code, other_tenant.json()["code"]) == (403, "FORBIDDEN")
    assert set(other_tenant.json()) == {"error", "code"}


@pytest.mark.parametrize("service", ["vellum-v1", "vellum-v2"])
def test_entitlements_404_for_a_customer_with_no_record(paywire_sandbox: Any, service: str) -> None:
    r = httpx.get(
        paywire_sandbox.base_url(service) + f"{T}/customers/nobody/entitlements",
        headers={"x-api-key": DEFAULT_API_KEY},
    )
    assert r.status_code == 404
    assert r.json() == {"error": "customer has no record", "code": "NOT_FOUND"}


# --- v1 -------------------------------------------------------------------------------------------------


def test_v1_flow_provision_subscribe_entitlements_cancel(v1: httpx.Client, st: VellumState) -> None:
    account = ok(v1.post(f"{T}/accounts", json={"accountId": ACCT, "createStripeCustomer": True}))
    assert account["billingCustomerId"].startswith("cus_")
    customer = ok(
        v1.post(f"{T}/accounts/{ACCT}/customers", json={"customerId": UNIT, "email": "u@example.com"})
    )
    assert customer == {"customerId": UNIT, "accountId": ACCT, "email": "u@example.com", "status": "active"}

    before = ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))
    assert before == {"status": "none", "modules": [], "config": {}, "billingSubscriptionId": None}

    created = ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "pro", "planVersion": 1, "seats": 2},
        )
    )
    assert created["subscriptionId"].startswith("sub_")
    assert created["status"] == "trialing"  # pro v1 has trial_days 14

    ent = ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))
    assert ent["status"] == "trialing"
    assert ent["modules"] == ["imports", "exports"]
    assert ent["config"]["trial_days"] == 14
    assert ent["billingSubscriptionId"] == created["subscriptionId"]
    assert "hasAccess" not in ent  # a 0.1.0-era server

    sub = ok(v1.get(SUB))
    assert sub["id"] == created["subscriptionId"]
    assert (sub["seats"], sub["amount"], sub["interval"]) == (2, 4900, "month")
    assert "defaultPaymentMethod" in sub and "defaultPaymentMethodRef" not in sub

    canceled = ok(v1.delete(SUB))  # no atPeriodEnd: cancel now
    assert canceled["status"] == "canceled"
    assert canceled["canceledAt"] is not None
    after = ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))
    assert (after["status"], after["modules"]) == ("canceled", [])
    assert [e["type"] for e in st.events()] == [
        "payment.succeeded",
        "subscription.created",
        "subscription.canceled",
    ]


def test_v1_basic_plan_and_second_subscribe_replaces(v1: httpx.Client, st: VellumState) -> None:
    provision(v1, "v1")
    st.add_payment_method(ACCT)
    first = ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "basic", "planVersion": 1, "seats": 1},
        )
    )
    assert first["status"] == "active"  # no trial, card on file
    assert ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))["modules"] == ["imports"]
    # No 409 guard in the 0.1.0 era: a second subscribe replaces the live subscription.
    second = ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "pro", "planVersion": 1, "seats": 1},
        )
    )
    assert second["subscriptionId"] != first["subscriptionId"]
    assert ok(v1.get(SUB))["id"] == second["subscriptionId"]
    assert ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))["modules"] == ["imports", "exports"]
    canceled = [e for e in st.events() if e["type"] == "subscription.canceled"]
    assert canceled[0]["event"]["data"]["subscription"]["id"] == first["subscriptionId"]


def test_v1_requires_plan_version_and_rejects_bad_bodies(v1: httpx.Client) -> None:
    provision(v1, "v1")
    r = v1.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1})
    assert r.status_code == 400
    assert r.json()["code"] == "BAD_REQUEST"
    r = v1.post(
        f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
        json={"planId": "nope", "planVersion": 1, "seats": 1},
    )
    assert (r.status_code, r.json()["code"]) == (400, "UNKNOWN_PLAN")
    r = v1.post(
        f"{T}/accounts/missing/customers/{UNIT}/subscribe",
        json={"planId": "pro", "planVersion": 1, "seats": 1},
    )
    assert r.status_code == 404


def test_v1_stripe_customer_adoption_overwrites(v1: httpx.Client) -> None:
    ok(v1.post(f"{T}/accounts", json={"accountId": ACCT, "stripeCustomerId": "cus_first"}))
    again = ok(v1.post(f"{T}/accounts", json={"accountId": ACCT, "stripeCustomerId": "cus_second"}))
    assert again["billingCustomerId"] == "cus_second"
    suspended = ok(v1.patch(f"{T}/accounts/{ACCT}", json={"status": "suspended"}))
    assert suspended["status"] == "suspended"


def test_v1_payment_methods_use_raw_ids(v1: httpx.Client, st: VellumState) -> None:
    provision(v1, "v1")
    first = st.add_payment_method(ACCT, last4="1111")
    second = st.add_payment_method(ACCT, last4="2222")
    methods = ok(v1.get(f"{T}/accounts/{ACCT}/payment-methods"))["methods"]
    assert [(m["id"], m["isDefault"]) for m in methods] == [(first.id, True), (second.id, False)]
    assert all("ref" not in m for m in methods)
    assert v1.patch(f"{T}/accounts/{ACCT}/payment-methods/{second.ref}").status_code == 404  # no refs in v1
    made_default = ok(v1.patch(f"{T}/accounts/{ACCT}/payment-methods/{second.id}"))
    assert (made_default["id"], made_default["isDefault"]) == (second.id, True)
    ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "pro", "planVersion": 1, "seats": 1},
        )
    )
    result = ok(v1.patch(f"{T}/accounts/{ACCT}/customers/{UNIT}/payment-method", json={"methodId": first.id}))
    assert set(result) == {"subscription", "default"}
    assert result["subscription"]["defaultPaymentMethod"] == first.id
    assert result["default"] == second.id
    removed = ok(v1.delete(f"{T}/accounts/{ACCT}/payment-methods/{first.id}"))
    assert removed == {"removed": True, "id": first.id}
    assert ok(v1.get(SUB))["defaultPaymentMethod"] is None


# --- invoice PDF: v1 redirect vs v2 bytes ----------------------------------------------------------------


def test_invoice_pdf_v1_redirect_vs_v2_bytes(v1: httpx.Client, v2: httpx.Client, st: VellumState) -> None:
    provision(v2, "v2")
    st.add_payment_method(ACCT)
    ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "basic", "seats": 3}))

    (inv_v1,) = ok(v1.get(f"{T}/accounts/{ACCT}/invoices", params={"customerId": UNIT}))["invoices"]
    (inv_v2,) = ok(v2.get(f"{T}/accounts/{ACCT}/invoices", params={"customerId": UNIT}))["invoices"]
    assert inv_v1["number"] == inv_v2["number"]
    assert (inv_v1["amountDue"], inv_v1["paid"]) == (3 * 1900, True)
    assert inv_v1["id"].startswith("in_") and inv_v1["invoicePdf"].endswith(".pdf")
    assert "id" not in inv_v2 and "invoicePdf" not in inv_v2
    assert inv_v1["id"] not in inv_v2["hostedInvoiceUrl"]  # no raw id leaks into v2
    assert ok(v2.get(f"{T}/accounts/{ACCT}/invoices", params={"customerId": "other"}))["invoices"] == []

    redirect = v1.get(f"{T}/accounts/{ACCT}/invoices/{inv_v1['id']}/pdf")
    assert redirect.status_code == 302
    assert redirect.headers["location"] == inv_v1["invoicePdf"]
    assert redirect.content == b""

    pdf = v2.get(f"{T}/accounts/{ACCT}/invoices/{inv_v2['ref']}/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-1.4") and pdf.content.rstrip().endswith(b"%%EOF")
    assert inv_v2["number"].encode() in pdf.content

    # Each version accepts only its own handle: raw id on v2 and ref on v1 are 404.
    assert v2.get(f"{T}/accounts/{ACCT}/invoices/{inv_v1['id']}/pdf").status_code == 404
    assert v1.get(f"{T}/accounts/{ACCT}/invoices/{inv_v2['ref']}/pdf").status_code == 404
    # A ref is bound to its account.
    ok(v2.post(f"{T}/accounts", json={"accountId": "acct_2"}))
    assert v2.get(f"{T}/accounts/acct_2/invoices/{inv_v2['ref']}/pdf").status_code == 404


# --- v2 -------------------------------------------------------------------------------------------------


def test_v2_flow_checkout_subscribe_entitlements_cancel_at_period_end(
    paywire_sandbox: Any, v2: httpx.Client, control: httpx.Client, st: VellumState
) -> None:
    provision(v2, "v2")
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements")) == {
        "status": "none",
        "modules": [],
        "config": {},
        "hasAccess": False,
    }

    # Subscribing needs a saved card: save one through a hosted setup checkout.
    no_card = v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1})
    assert (no_card.status_code, no_card.json()["code"]) == (400, "PAYMENT_METHOD_REQUIRED")
    setup = ok(
        v2.post(
            f"{T}/accounts/{ACCT}/billing/setup-checkout",
            json={"successUrl": "https://app.test/ok", "cancelUrl": "https://app.test/no"},
        )
    )
    assert setup["url"].endswith(setup["sessionId"])
    done = ok(control.post("/complete-checkout", json={"sessionId": setup["sessionId"]}))
    (method,) = ok(v2.get(f"{T}/accounts/{ACCT}/payment-methods"))["methods"]
    assert method["ref"] == done["paymentMethod"]["ref"] and method["isDefault"] is True

    # planVersion omitted: the newest version (pro v2) is sold and echoed.
    sub = ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1}))
    assert (sub["status"], sub["planVersion"], sub["productId"]) == ("trialing", 2, "prod_sam")
    assert "id" not in sub and "defaultPaymentMethod" not in sub
    assert sub["defaultPaymentMethodRef"] == method["ref"]
    ent = ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))
    assert ent["hasAccess"] is True
    assert ent["modules"] == ["imports", "exports", "reports"]

    pending = ok(v2.delete(SUB, params={"atPeriodEnd": "true"}))
    assert (pending["status"], pending["cancelAtPeriodEnd"]) == ("trialing", True)
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))["hasAccess"] is True

    paywire_sandbox.clock.advance(15 * DAY)  # past the 14-day trial = the current period
    ended = ok(v2.get(SUB))
    assert (ended["status"], ended["cancelAtPeriodEnd"]) == ("canceled", False)
    assert ended["canceledAt"] == ended["currentPeriodEnd"]
    after = ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))
    assert (after["status"], after["modules"], after["hasAccess"]) == ("canceled", [], False)
    # Every change to an ended subscription is a documented 409, the preview included (it was an
    # undocumented 409 the spec self-check turned into a 500).
    for method, path, payload in [("POST", "/reactivate", None), ("POST", "/preview", {}),
                                  ("PATCH", "/plan", {"planId": "pro", "planVersion": 2}),
                                  ("PATCH", "/seats", {"seats": 2}), ("PATCH", "/add-ons", {"add": ["sso"]})]:
        refused = v2.request(method, SUB + path, json=payload)
        assert (refused.status_code, refused.json()["code"]) == (409, "SUBSCRIPTION_ENDED"), (path, refused.text)
    types = [e["type"] for e in st.events()]
    assert types == [
        "payment.succeeded",
        "subscription.created",
        "subscription.updated",
        "subscription.canceled",
    ]


def test_v2_duplicate_subscription_is_409_and_creates_nothing(v2: httpx.Client, st: VellumState) -> None:
    provision(v2, "v2")
    st.add_payment_method(ACCT)
    ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "basic", "seats": 1}))
    invoices = len(ok(v2.get(f"{T}/accounts/{ACCT}/invoices"))["invoices"])
    events = len(st.events())

    again = v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1})
    assert again.status_code == 409
    assert again.json() == {
        "error": "customer already has a subscription that has not ended",
        "code": "SUBSCRIPTION_EXISTS",
    }
    checkout = v2.post(
        f"{T}/accounts/{ACCT}/checkout",
        json={"customerId": UNIT, "planId": "pro", "seats": 1, "successUrl": "s", "cancelUrl": "c"},
    )
    assert (checkout.status_code, checkout.json()["code"]) == (409, "SUBSCRIPTION_EXISTS")
    assert len(ok(v2.get(f"{T}/accounts/{ACCT}/invoices"))["invoices"]) == invoices
    assert len(st.events()) == events
    assert ok(v2.get(SUB))["planId"] == "basic"

    # A pending cancel-at-period-end has not ended yet: still 409. Cancel-now frees the slot.
    ok(v2.delete(SUB, params={"atPeriodEnd": "true"}))
    assert (
        v2.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1}
        ).status_code
        == 409
    )
    ok(v2.delete(SUB))
    assert (
        ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1}))[
            "planId"
        ]
        == "pro"
    )


def test_v2_checkout_echoes_what_was_sold_and_validates_plan(v2: httpx.Client, control: httpx.Client) -> None:
    provision(v2, "v2")
    base = {
        "customerId": UNIT,
        "seats": 2,
        "successUrl": "https://app.test/ok",
        "cancelUrl": "https://app.test/no",
    }
    session = ok(
        v2.post(f"{T}/accounts/{ACCT}/checkout", json={**base, "planId": "pro", "addOnModuleIds": ["sso"]})
    )
    assert (session["planId"], session["planVersion"], session["productId"]) == ("pro", 2, "prod_sam")
    assert (session["seats"], session["addOnModuleIds"]) == (2, ["sso"])

    ambiguous = v2.post(f"{T}/accounts/{ACCT}/checkout", json={**base, "planId": "team"})
    assert (ambiguous.status_code, ambiguous.json()["code"]) == (400, "AMBIGUOUS_PLAN")
    chosen = ok(
        v2.post(
            f"{T}/accounts/{ACCT}/checkout", json={**base, "planId": "team", "productId": "prod_sam_annual"}
        )
    )
    assert chosen["productId"] == "prod_sam_annual"
    explicit_null = v2.post(
        f"{T}/accounts/{ACCT}/checkout", json={**base, "planId": "pro", "planVersion": None}
    )
    assert explicit_null.status_code == 400  # optional, not nullable

    # The customer finishes the hosted page: card saved, subscription created with the add-on.
    done = ok(control.post("/complete-checkout", json={"sessionId": session["sessionId"]}))
    assert done["subscription"]["addOnModuleIds"] == ["sso"]
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))["modules"] == [
        "imports",
        "exports",
        "reports",
        "sso",
    ]
    assert control.post("/complete-checkout", json={"sessionId": session["sessionId"]}).status_code == 400


def test_v2_billing_customer_conflict_is_409(v2: httpx.Client) -> None:
    first = ok(
        v2.post(f"{T}/accounts", json={"accountId": ACCT, "billingCustomerId": "cus_first", "name": "A"})
    )
    assert "billingCustomerId" not in first
    conflict = v2.post(
        f"{T}/accounts", json={"accountId": ACCT, "billingCustomerId": "cus_other", "name": "B"}
    )
    assert (conflict.status_code, conflict.json()["code"]) == (409, "BILLING_CUSTOMER_CONFLICT")
    same = ok(v2.post(f"{T}/accounts", json={"accountId": ACCT, "billingCustomerId": "cus_first"}))
    assert same["name"] == "A"  # the conflicting call changed nothing
    legacy = v2.post(f"{T}/accounts", json={"accountId": "acct_x", "stripeCustomerId": "cus_x"})
    assert "billingCustomerId" not in ok(legacy)  # v1 field names are just unknown extras in v2


def test_v2_payment_methods_take_refs_only(v2: httpx.Client, st: VellumState) -> None:
    provision(v2, "v2")
    card = st.add_payment_method(ACCT, last4="4444", name="Ada")
    other = st.add_payment_method(ACCT, last4="5555")
    ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 1}))
    for raw in (card.id, "pm_unknown"):
        assert v2.patch(f"{T}/accounts/{ACCT}/payment-methods/{raw}").status_code == 404
        r = v2.patch(f"{T}/accounts/{ACCT}/customers/{UNIT}/payment-method", json={"methodId": raw})
        assert r.status_code == 404
    view = ok(v2.patch(f"{T}/accounts/{ACCT}/customers/{UNIT}/payment-method", json={"methodId": other.ref}))
    assert view["defaultPaymentMethodRef"] == other.ref and "subscription" not in view
    assert ok(v2.patch(f"{T}/accounts/{ACCT}/payment-methods/{other.ref}"))["isDefault"] is True
    assert ok(v2.delete(f"{T}/accounts/{ACCT}/payment-methods/{other.ref}")) == {
        "removed": True,
        "ref": other.ref,
    }
    assert "defaultPaymentMethodRef" not in ok(v2.get(SUB))
    (left,) = ok(v2.get(f"{T}/accounts/{ACCT}/payment-methods"))["methods"]
    assert (left["ref"], left["last4"], left["name"]) == (card.ref, "4444", "Ada")


def test_v2_subscription_changes(paywire_sandbox: Any, v2: httpx.Client, st: VellumState) -> None:
    provision(v2, "v2")
    st.add_payment_method(ACCT)
    ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "basic", "seats": 1}))
    paywire_sandbox.clock.advance(15 * DAY)  # half-way through the 30-day period

    preview = ok(v2.post(f"{SUB}/preview", json={"seats": 3}))
    assert preview["currency"] == "usd"
    assert preview["total"] == 3 * 1900
    assert preview["amountDue"] == pytest.approx(2 * 1900 / 2, abs=2)
    assert ok(v2.get(SUB))["seats"] == 1  # a preview changes nothing
    assert ok(v2.post(f"{SUB}/preview", json={}))["amountDue"] == 0

    assert ok(v2.patch(f"{SUB}/seats", json={"seats": 3}))["seats"] == 3
    with_add_on = ok(v2.patch(f"{SUB}/add-ons", json={"add": ["audit"]}))
    assert with_add_on["addOnModuleIds"] == ["audit"]
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))["modules"] == ["imports", "audit"]
    assert v2.patch(f"{SUB}/add-ons", json={"add": ["audit"], "remove": ["audit"]}).status_code == 400
    assert v2.patch(f"{SUB}/add-ons", json={"add": ["nope"]}).json()["code"] == "UNKNOWN_ADD_ON"
    assert ok(v2.patch(f"{SUB}/add-ons", json={"remove": ["audit"]}))["addOnModuleIds"] == []

    moved = ok(v2.patch(f"{SUB}/plan", json={"planId": "pro", "planVersion": 1}))
    assert (moved["planId"], moved["planVersion"], moved["amount"]) == ("pro", 1, 4900)
    replaced = ok(
        v2.put(SUB, json={"planId": "pro", "planVersion": 2, "seats": 1, "addOnModuleIds": ["sso"]})
    )
    assert (replaced["planVersion"], replaced["seats"], replaced["addOnModuleIds"]) == (2, 1, ["sso"])
    assert v2.put(SUB, json={"planId": "pro"}).status_code == 400  # planVersion required on PUT

    ok(v2.delete(SUB, params={"atPeriodEnd": "true"}))
    back = ok(v2.post(f"{SUB}/reactivate"))
    assert back["cancelAtPeriodEnd"] is False
    invoices = ok(v2.get(f"{T}/accounts/{ACCT}/invoices"))["invoices"]
    assert len(invoices) >= 3  # the first period plus proration charges for the upgrades
    assert all(inv["paid"] for inv in invoices)


def test_v2_credits_consume_is_idempotent_and_409_when_short(v2: httpx.Client, control: httpx.Client) -> None:
    provision(v2, "v2")
    types = ok(v2.get(f"{T}/credit-types"))["creditTypes"]
    assert {t["id"] for t in types} == {"ai_tokens", "exports"}
    packs = ok(v2.get(f"{T}/credit-types/ai_tokens/packs"))["packs"]
    assert {p["id"]: p["credits"] for p in packs} == {"ai_small": 1000, "ai_large": 10000}
    assert v2.get(f"{T}/credit-types/nope/packs").status_code == 404

    session = ok(credit_checkout(v2, creditTypeId="ai_tokens", packId="ai_small", quantity=2))
    ok(control.post("/complete-checkout", json={"sessionId": session["sessionId"]}))
    assert ok(v2.get(f"{T}/customers/{UNIT}/credits/ai_tokens")) == {
        "creditTypeId": "ai_tokens",
        "balance": 2000,
    }
    assert ok(v2.get(f"{T}/customers/{UNIT}/credits/exports")) == {"creditTypeId": "exports", "balance": 0}

    consume = f"{T}/customers/{UNIT}/credits/ai_tokens/consume"
    first = ok(v2.post(consume, json={"amount": 300, "idempotencyKey": "job-1"}))
    assert first == {"creditTypeId": "ai_tokens", "consumed": 300, "balance": 1700, "idempotencyKey": "job-1"}
    replay = ok(v2.post(consume, json={"amount": 300, "idempotencyKey": "job-1"}))
    assert replay == first
    assert ok(v2.get(f"{T}/customers/{UNIT}/credits"))["credits"] == [
        {"creditTypeId": "ai_tokens", "balance": 1700}
    ]

    reused = v2.post(consume, json={"amount": 5, "idempotencyKey": "job-1"})
    assert (reused.status_code, reused.json()["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    short = v2.post(consume, json={"amount": 1701, "idempotencyKey": "job-2"})
    assert (short.status_code, short.json()["code"]) == (409, "INSUFFICIENT_CREDITS")
    assert ok(v2.get(f"{T}/customers/{UNIT}/credits/ai_tokens"))["balance"] == 1700  # nothing deducted
    # The failed key was not burnt: after a top-up the same key succeeds.
    ok(control.post("/grant-credits", json={"customerId": UNIT, "creditTypeId": "ai_tokens", "amount": 1}))
    assert ok(v2.post(consume, json={"amount": 1701, "idempotencyKey": "job-2"}))["balance"] == 0

    assert v2.post(consume, json={"amount": 1}).status_code == 400  # idempotencyKey is required
    assert v2.get(f"{T}/customers/nobody/credits").status_code == 404
    assert credit_checkout(v2, creditTypeId=None, packId=None).status_code == 400


def test_v2_flags(v2: httpx.Client, st: VellumState) -> None:
    provision(v2, "v2")
    assert ok(v2.get(f"{T}/flags")) == {"flags": {"new_dashboard": False, "beta_exports": True}}
    st.set_flag("new_dashboard", True, customer_id=UNIT)
    st.set_flag("beta_exports", False)
    assert ok(v2.get(f"{T}/customers/{UNIT}/flags"))["flags"] == {
        "new_dashboard": True,
        "beta_exports": False,
    }
    assert ok(v2.get(f"{T}/customers/nobody/flags"))["flags"] == {
        "new_dashboard": False,
        "beta_exports": False,
    }
    assert ok(v2.get(f"{T}/flags"))["flags"]["new_dashboard"] is False


def test_one_state_two_shapes(v1: httpx.Client, v2: httpx.Client, st: VellumState) -> None:
    provision(v1, "v1")
    ok(v2.post(f"{T}/accounts/{ACCT}/customers", json={"customerId": UNIT, "name": "Unit One"}))
    ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "pro", "planVersion": 1, "seats": 1},
        )
    )
    through_v2 = ok(v2.get(SUB))
    through_v1 = ok(v1.get(SUB))
    assert through_v1["status"] == through_v2["status"] == "trialing"
    assert "id" in through_v1 and "id" not in through_v2
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))["hasAccess"] is True
    ok(v2.patch(f"{T}/accounts/{ACCT}/customers/{UNIT}", json={"status": "suspended"}))
    withheld = ok(v1.get(f"{T}/customers/{UNIT}/entitlements"))
    assert (withheld["status"], withheld["modules"]) == ("trialing", [])
    assert ok(v2.get(f"{T}/customers/{UNIT}/entitlements"))["hasAccess"] is False


# --- push webhooks ----------------------------------------------------------------------------------


def test_push_events_are_signed_and_delivered(
    paywire_sandbox: Any, v2: httpx.Client, control: httpx.Client, st: VellumState
) -> None:
    secret = "whsec_sandbox_test"
    provision(v2, "v2")
    st.add_payment_method(ACCT)
    ok(v2.post(f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe", json={"planId": "pro", "seats": 2}))
    ok(v2.patch(f"{SUB}/seats", json={"seats": 3}))

    # The receiver fails the very first attempt: that event is retried and still delivered.
    with PushReceiver(statuses=[500]) as receiver:
        ok(control.post("/configure-push", json={"url": receiver.url, "secret": secret}))
        summary = ok(control.post("/deliver-pushes"))
    events = st.events()
    assert summary == {"delivered": len(events), "failed": 0, "attempts": len(events) + 1}
    assert [e["status"] for e in events] == ["delivered"] * len(events)
    assert events[0]["attempts"] == 2
    assert len(receiver.received) == len(events) + 1
    first, retry = receiver.received[0], receiver.received[1]
    assert first[1] == retry[1]  # the exact same bytes (and eventId) on a retry

    now = paywire_sandbox.clock.now()
    seen = []
    for headers, body, _ in receiver.received[1:]:
        signature = headers[SIGNATURE_HEADER.lower()]
        assert expected_signature(secret, signature, body)
        assert not expected_signature("wrong-secret", signature, body)
        assert not expected_signature(secret, signature, body + b" ")
        t = int(dict(p.split("=", 1) for p in signature.split(","))["t"])
        assert abs(now - t) <= 300
        assert headers["content-type"] == "application/json"
        event = json.loads(body)
        assert set(event) == {"eventId", "type", "createdAt", "tenantId", "data"}
        assert event["tenantId"] == DEFAULT_TENANT
        seen.append(event)
    assert [e["type"] for e in seen] == ["payment.succeeded", "subscription.created", "subscription.updated"]
    assert seen[0]["data"]["invoice"]["amountPaid"] == 0  # zero-amount trial invoice
    assert seen[0]["data"]["seats"] == 2
    assert seen[2]["data"]["subscription"]["seats"] == 3
    assert seen[2]["data"]["modules"] == ["imports", "exports", "reports"]
    assert len({e["eventId"] for e in seen}) == len(seen)
    assert secret not in json.dumps(st.events()) and secret not in repr(st)

    # Nothing pending any more: a second delivery sends nothing.
    assert st.deliver_pushes() == {"delivered": 0, "failed": 0, "attempts": 0}


def test_push_is_dropped_after_three_failed_attempts(v1: httpx.Client, st: VellumState) -> None:
    provision(v1, "v1")
    ok(
        v1.post(
            f"{T}/accounts/{ACCT}/customers/{UNIT}/subscribe",
            json={"planId": "pro", "planVersion": 1, "seats": 1},
        )
    )
    with PushReceiver(statuses=[503] * 10) as receiver:
        st.configure_push(receiver.url, "s3cret")
        summary = st.deliver_pushes()
    n = len(st.events())
    assert summary == {"delivered": 0, "failed": n, "attempts": n * PUSH_ATTEMPTS}
    assert len(receiver.received) == n * PUSH_ATTEMPTS
    assert {(e["status"], e["attempts"], e["lastStatus"]) for e in st.events()} == {("failed", 3, 503)}
    # v1 calls render the v1 subscription view (with the raw id) in their events.
    created = next(e for e in st.events() if e["type"] == "subscription.created")
    assert created["event"]["data"]["subscription"]["id"].startswith("sub_")


def test_push_url_must_be_loopback(control: httpx.Client, st: VellumState) -> None:
    with pytest.raises(ValueError):
        st.configure_push("https://example.com/hook", "s")
    bad = control.post("/configure-push", json={"url": "http://10.0.0.1/hook", "secret": "topsecret-xyz"})
    assert bad.status_code == 400
    assert "loopback" in bad.json()["error"]
    assert "topsecret-xyz" not in bad.text
    assert st.tenant().push is None
    assert ok(control.get("/outbox")) == {"events": []}


# --- the generated clients against the sandbox -----------------------------------------------------


def test_generated_clients_talk_to_the_sandbox(paywire_sandbox: Any, st: VellumState) -> None:
    from paywire_gen_vellum_v1 import AuthenticatedClient as V1Client
    from paywire_gen_vellum_v1.api.billing import get_invoice_pdf as v1_pdf
    from paywire_gen_vellum_v1.api.billing import list_invoices as v1_invoices
    from paywire_gen_vellum_v1.api.entitlements import get_entitlements as v1_ent
    from paywire_gen_vellum_v1.models import Entitlements as V1Entitlements
    from paywire_gen_vellum_v1.models import InvoiceList as V1InvoiceList
    from paywire_gen_vellum_v2 import AuthenticatedClient as V2Client
    from paywire_gen_vellum_v2.api.billing import get_invoice_pdf as v2_pdf
    from paywire_gen_vellum_v2.api.billing import list_invoices as v2_invoices
    from paywire_gen_vellum_v2.api.entitlements import get_entitlements as v2_ent
    from paywire_gen_vellum_v2.api.provisioning import create_account, create_customer
    from paywire_gen_vellum_v2.api.subscriptions import create_subscription
    from paywire_gen_vellum_v2.models import (
        Account,
        CreateAccountRequest,
        CreateCustomerRequest,
        Entitlements,
        Error,
        InvoiceList,
        SubscribeRequest,
        Subscription,
    )

    def key_auth(service: str) -> dict[str, Any]:
        return {"base_url": paywire_sandbox.base_url(service), "token": DEFAULT_API_KEY, "prefix": "",
                "auth_header_name": "x-api-key", "timeout": httpx.Timeout(10)}

    c1 = V1Client(**key_auth("vellum-v1"))
    c2 = V2Client(**key_auth("vellum-v2"))

    missing = v2_ent.sync(DEFAULT_TENANT, UNIT, client=c2)
    assert isinstance(missing, Error) and missing.code == "NOT_FOUND"
    account = create_account.sync(DEFAULT_TENANT, client=c2, body=CreateAccountRequest(account_id=ACCT))
    assert isinstance(account, Account) and account.account_id == ACCT
    create_customer.sync(DEFAULT_TENANT, ACCT, client=c2, body=CreateCustomerRequest(customer_id=UNIT))
    st.add_payment_method(ACCT)
    sub = create_subscription.sync(
        DEFAULT_TENANT, ACCT, UNIT, client=c2, body=SubscribeRequest(plan_id="basic", seats=1)
    )
    assert isinstance(sub, Subscription) and sub.status == "active"
    ent = v2_ent.sync(DEFAULT_TENANT, UNIT, client=c2)
    assert isinstance(ent, Entitlements) and ent.has_access and ent.modules == ["imports"]
    ent_v1 = v1_ent.sync(DEFAULT_TENANT, UNIT, client=c1)
    assert isinstance(ent_v1, V1Entitlements) and ent_v1.modules == ["imports"]

    invoices_v1 = v1_invoices.sync(DEFAULT_TENANT, ACCT, client=c1)
    assert isinstance(invoices_v1, V1InvoiceList)
    inv_v1 = invoices_v1.invoices[0]
    inv_v2 = v2_invoices.sync(DEFAULT_TENANT, ACCT, client=c2)
    assert isinstance(inv_v2, InvoiceList)
    redirect = v1_pdf.sync_detailed(DEFAULT_TENANT, ACCT, inv_v1.id, client=c1)
    assert redirect.status_code == 302 and redirect.parsed is None
    assert redirect.headers["location"] == inv_v1.invoice_pdf
    pdf = v2_pdf.sync(DEFAULT_TENANT, ACCT, inv_v2.invoices[0].ref, client=c2)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")

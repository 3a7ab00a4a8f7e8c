"""The Lumen sandbox over real HTTP (plain httpx against the ``paywire_sandbox`` server).

Every response is also checked against openapi/lumen/v1.yaml by the fixture, so these tests
fail if the emulator drifts from the contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from paywire.sandbox.lumen import (
    DEFAULT_API_KEY,
    EVENT_DEDUP_SECONDS,
    FREE_PLAN_ID,
    PRO_PLAN_ID,
    LumenState,
)

CUS_ID = re.compile(r"cus_[A-Za-z0-9]{22}")


@pytest.fixture
def lumen(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=paywire_sandbox.base_url("lumen"),
        headers={"Authorization": f"Bearer {DEFAULT_API_KEY}"},
        timeout=10,
    ) as client:
        yield client


@pytest.fixture
def state(paywire_sandbox: Any) -> LumenState:
    st: LumenState = paywire_sandbox.state("lumen")
    return st


def enroll(lumen: httpx.Client, user: str, **extra: Any) -> httpx.Response:
    body = {"customerEmail": f"{user}@example.com", "customerName": user.title(), "userId": user, **extra}
    return lumen.post("/v1/enrollment/enroll", json=body)


def status(lumen: httpx.Client, user: str) -> dict[str, Any]:
    resp = lumen.get("/v1/customers/subscription-status", params={"externalCustomerId": user})
    assert resp.status_code == 200
    data: dict[str, Any] = resp.json()
    return data


def entitlements(lumen: httpx.Client, user: str) -> dict[str, dict[str, Any]]:
    resp = lumen.get(f"/v1/entitlements/{user}", params={"isExtCustId": "true"})
    assert resp.status_code == 200, resp.text
    return {e["feature"]["slug"]: e for e in resp.json()["entitlements"]}


def event(lumen: httpx.Client, **body: Any) -> httpx.Response:
    return lumen.post("/v1/events", json={"eventName": "api_call", **body})


# --- enrollment and subscription status -----------------------------------------------------


def test_enrollment_then_subscription_status(lumen: httpx.Client, state: LumenState) -> None:
    unknown = status(lumen, "alice")
    assert unknown == {"hasActiveSubscription": False, "customer": None, "subscription": None}

    resp = enroll(lumen, "alice", billingCountry="DE")
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["message"] == "Enrollment subscription created successfully"
    assert body["plan"] == {"id": FREE_PLAN_ID}
    assert body["invoice"] is None
    assert body["subscription"]["status"] == "active"

    st = status(lumen, "alice")
    assert st["hasActiveSubscription"] is True
    assert CUS_ID.fullmatch(st["customer"]["id"])
    assert st["customer"] == {"id": st["customer"]["id"], "name": "Alice", "email": "alice@example.com"}
    assert st["subscription"]["id"] == body["subscription"]["id"]
    assert st["subscription"]["planId"] == FREE_PLAN_ID
    assert st["subscription"]["planName"] == "Free"

    customer = state.customer_by_external("alice")
    assert customer is not None
    assert customer.id == st["customer"]["id"] == body["subscription"]["customerId"]
    assert customer.billing == {"billingCountry": "DE"}


def test_second_enrollment_and_free_subscription_conflict_with_existing(lumen: httpx.Client) -> None:
    first = enroll(lumen, "bob").json()["subscription"]
    again = enroll(lumen, "bob")
    assert again.status_code == 409
    assert again.json()["error"] == "Subscription already exists for this customer"
    assert again.json()["subscription"] == first
    free = lumen.post(
        "/v1/subscriptions/create-free-subscription",
        json={"customerEmail": "bob@example.com", "customerName": "Bob", "userId": "bob"},
    )
    assert free.status_code == 409
    assert free.json()["subscription"]["id"] == first["id"]


def test_create_free_subscription_for_new_user(lumen: httpx.Client) -> None:
    resp = lumen.post(
        "/v1/subscriptions/create-free-subscription",
        json={"customerEmail": "cara@example.com", "customerName": "Cara", "userId": "cara"},
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["success"] is True
    assert resp.json()["subscription"]["planId"] == FREE_PLAN_ID
    assert status(lumen, "cara")["hasActiveSubscription"] is True


def test_enrollment_plan_choice_errors_and_rules(lumen: httpx.Client, state: LumenState) -> None:
    paid = enroll(lumen, "dan", planId=PRO_PLAN_ID)
    assert paid.status_code == 400
    assert paid.json() == {"error": "Selected plan has no pure free price; cannot auto-enroll"}
    missing = enroll(lumen, "dan", planId="plan_int_" + "x" * 22)
    assert missing.status_code == 404
    assert missing.json() == {"error": "Plan not found or access denied"}
    bad_pattern = enroll(lumen, "dan", planId="plan_free")
    assert bad_pattern.status_code == 400
    assert status(lumen, "dan")["customer"] is None  # nothing was created by the failures

    team = state.seed_plan("Team trial", {"premium-feature": True})
    state.add_enrollment_rule("@acme.test", team.id)
    resp = lumen.post(
        "/v1/enrollment/enroll",
        json={"customerEmail": "erin@acme.test", "customerName": "Erin", "userId": "erin"},
    )
    assert resp.status_code == 201
    assert resp.json()["plan"]["id"] == team.id


# --- entitlements -----------------------------------------------------------------------------


def test_entitlements_reflect_plan(lumen: httpx.Client, state: LumenState) -> None:
    unknown = lumen.get("/v1/entitlements/frank", params={"isExtCustId": "true"})
    assert unknown.status_code == 404
    assert unknown.json() == {"error": "Customer not found"}

    enroll(lumen, "frank")
    ents = entitlements(lumen, "frank")
    assert set(ents) == {"api-calls", "premium-feature", "team-seats"}
    assert ents["premium-feature"]["entitled"] is False
    assert ents["premium-feature"]["source"] == "plan"
    assert ents["api-calls"]["entitled"] is True
    assert ents["api-calls"]["feature"]["value"] == 100
    assert ents["api-calls"]["usages"] == [{"metricId": "api_call", "usage": 0}]
    assert (ents["api-calls"]["usage"], ents["api-calls"]["limit"]) == (0, 100)

    # The same customer by its Lumen id (isExtCustId false is also the default).
    cus = status(lumen, "frank")["customer"]["id"]
    by_id = lumen.get(f"/v1/entitlements/{cus}")
    assert by_id.status_code == 200
    assert len(by_id.json()["entitlements"]) == 3
    # An external id without isExtCustId=true is not a Lumen id.
    assert lumen.get("/v1/entitlements/frank", params={"isExtCustId": "false"}).status_code == 404

    check = lumen.get(f"/v1/entitlements/{cus}/feature/premium-feature", params={"isExtCustId": "false"})
    assert check.status_code == 200
    assert check.json()["entitled"] is False

    state.subscribe("frank", PRO_PLAN_ID)  # upgrade: the paid plan turns the feature on
    check = lumen.get("/v1/entitlements/frank/feature/premium-feature", params={"isExtCustId": "true"})
    assert check.json() == {
        "entitled": True,
        "feature": {"slug": "premium-feature", "value": True, "name": "Premium feature"},
        "source": "plan",
    }
    assert entitlements(lumen, "frank")["api-calls"]["limit"] == 10_000

    other = lumen.get("/v1/entitlements/frank/feature/sso", params={"isExtCustId": "true"})
    assert other.json() == {
        "entitled": False,
        "feature": {"slug": "sso", "value": False},
        "source": "default",
    }
    # The documented slug pattern rejects underscores.
    assert (
        lumen.get(
            "/v1/entitlements/frank/feature/premium_feature", params={"isExtCustId": "true"}
        ).status_code
        == 400
    )


def test_overrides_and_credits_take_priority(lumen: httpx.Client, state: LumenState) -> None:
    enroll(lumen, "gina")
    state.set_override("gina", "premium-feature", True)
    assert entitlements(lumen, "gina")["premium-feature"]["source"] == "override"
    assert state.is_entitled("gina", "premium-feature") is True

    state.grant_credits("gina", "api-calls", 5)
    event(lumen, extCustomerId="gina", eventValue=3)
    credits = entitlements(lumen, "gina")["api-calls"]
    assert credits["source"] == "credits"
    assert credits["creditInfo"] == {"creditAllowance": 5, "creditsRemaining": 2, "nextExpiryDate": None}
    assert credits["entitled"] is True
    event(lumen, extCustomerId="gina", eventValue=2)
    assert entitlements(lumen, "gina")["api-calls"]["entitled"] is False


# --- events -----------------------------------------------------------------------------------


def test_event_idempotency_counts_once(lumen: httpx.Client, state: LumenState, paywire_sandbox: Any) -> None:
    enroll(lumen, "hank")
    first = event(lumen, extCustomerId="hank", eventValue=7, idempotencyKey="req-1")
    assert first.status_code == 202
    assert first.json()["deduplicated"] is False
    second = event(lumen, extCustomerId="hank", eventValue=7, idempotencyKey="req-1")
    assert second.status_code == 202
    assert second.json()["deduplicated"] is True
    assert second.json()["event"] == first.json()["event"]
    assert len(state.events_for("hank", "api_call")) == 1
    assert entitlements(lumen, "hank")["api-calls"]["usage"] == 7

    # A different key, or no key, is a new event.
    event(lumen, extCustomerId="hank", eventValue=1, idempotencyKey="req-2")
    event(lumen, extCustomerId="hank", eventValue=1)
    assert entitlements(lumen, "hank")["api-calls"]["usage"] == 9

    # After the 24 h window the key may be used again.
    paywire_sandbox.clock.advance(EVENT_DEDUP_SECONDS + 1)
    later = event(lumen, extCustomerId="hank", eventValue=1, idempotencyKey="req-1")
    assert later.json()["deduplicated"] is False
    assert later.json()["event"]["id"] != first.json()["event"]["id"]


def test_event_by_lumen_id_and_limit_reached(lumen: httpx.Client) -> None:
    enroll(lumen, "ivy")
    cus = status(lumen, "ivy")["customer"]["id"]
    resp = event(lumen, customerId=cus, extCustomerId="ivy", eventValue=100, properties={"path": "/x"})
    assert resp.status_code == 202
    ev = resp.json()["event"]
    assert (ev["customerId"], ev["eventValue"], ev["properties"]) == (cus, 100, {"path": "/x"})
    api_calls = entitlements(lumen, "ivy")["api-calls"]
    assert api_calls["entitled"] is False
    assert api_calls["usages"] == [{"metricId": "api_call", "usage": 100}]
    strings = event(lumen, extCustomerId="ivy", eventString="user-42")
    assert strings.status_code == 202
    assert strings.json()["event"]["eventString"] == "user-42"
    assert strings.json()["event"]["eventValue"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"extCustomerId": "jade"},  # neither value nor string
        {"extCustomerId": "jade", "eventValue": 1, "eventString": "x"},  # both
        {"eventValue": 1},  # no customer at all
    ],
)
def test_invalid_event_payload_is_400(lumen: httpx.Client, state: LumenState, body: dict[str, Any]) -> None:
    enroll(lumen, "jade")
    resp = event(lumen, **body)
    assert resp.status_code == 400
    assert resp.json() == {
        "error": "Invalid event payload",
        "details": "Provide customerId or extCustomerId and exactly one of eventValue or eventString.",
    }
    assert state.events_for("jade") == []


def test_event_schema_violation_and_unknown_customer(lumen: httpx.Client) -> None:
    wrong_type = lumen.post(
        "/v1/events", json={"eventName": "api_call", "eventValue": "ten", "extCustomerId": "x"}
    )
    assert wrong_type.status_code == 400
    assert wrong_type.json()["error"] == "Invalid request"
    assert "details" in wrong_type.json()
    unknown = event(lumen, extCustomerId="nobody", eventValue=1)
    assert unknown.status_code == 404
    assert unknown.json() == {"error": "Customer not found"}


# --- seats ------------------------------------------------------------------------------------


def test_seat_add_remove_and_usage(lumen: httpx.Client, state: LumenState) -> None:
    enroll(lumen, "owner")
    org = status(lumen, "owner")["customer"]["id"]
    add = {
        "created_user_id": "member-1",
        "user_id": "owner",
        "idempotency_key": "seat-1",
        "metadata": {"role": "dev"},
    }
    first = lumen.post("/v1/seats/add", json=add)
    assert first.status_code == 200, first.text
    assert first.json()["message"] == "Seat added successfully"
    assert first.json()["organization_id"] == org
    assert first.json()["idempotency_key"] == "seat-1"
    replay = lumen.post("/v1/seats/add", json=add)
    assert replay.status_code == 200
    assert replay.json() == first.json()
    assert [s.user_id for s in state.active_seats("owner")] == ["member-1"]

    second = lumen.post(
        "/v1/seats/add",
        json={"created_user_id": "member-2", "organization_id": org, "timestamp": "2030-01-01T00:00:00Z"},
    )
    assert second.status_code == 200
    duplicate = lumen.post("/v1/seats/add", json={"created_user_id": "member-2", "organization_id": org})
    assert duplicate.status_code == 400

    usage = lumen.get(f"/v1/seats/usage/{org}")
    assert usage.status_code == 200
    body = usage.json()
    assert body["customerId"] == org
    assert body["subscriptionId"] == first.json()["subscription_id"]
    (seat_usage,) = body["seatUsages"]
    assert (seat_usage["currentUsage"], seat_usage["pendingRemovals"]) == (2, 0)
    assert {c["type"] for c in body["priceComponents"]} == {"flat", "seat"}
    assert entitlements(lumen, "owner")["team-seats"]["usage"] == 2

    remove = {"removed_user_id": "member-1", "organization_id": org, "idempotency_key": "rm-1"}
    removed = lumen.post("/v1/seats/remove", json=remove)
    assert removed.status_code == 200
    assert removed.json()["message"] == "Seat removed successfully"
    assert lumen.post("/v1/seats/remove", json=remove).json() == removed.json()  # replayed
    gone = lumen.post("/v1/seats/remove", json={"removed_user_id": "member-1", "organization_id": org})
    assert gone.status_code == 404
    assert gone.json() == {"error": "User not found in active seats or already removed"}

    (seat_usage,) = lumen.get(f"/v1/seats/usage/{org}").json()["seatUsages"]
    assert (seat_usage["currentUsage"], seat_usage["pendingRemovals"]) == (1, 1)


def test_seat_errors(lumen: httpx.Client) -> None:
    missing_org = lumen.post("/v1/seats/add", json={"created_user_id": "m"})
    assert missing_org.status_code == 400
    assert missing_org.json()["details"] == "Provide organization_id or user_id."
    unknown = lumen.post("/v1/seats/add", json={"created_user_id": "m", "organization_id": "cus_nope"})
    assert unknown.status_code == 404
    assert unknown.json() == {"error": "Organization not found: cus_nope"}
    bad_time = lumen.post(
        "/v1/seats/add", json={"created_user_id": "m", "user_id": "x", "timestamp": "2030-01-01"}
    )
    assert bad_time.status_code == 400
    assert lumen.get("/v1/seats/usage/user_123").status_code == 400  # internal ids only
    assert lumen.get("/v1/seats/usage/cus_" + "Q" * 22).json() == {"error": "Customer not found"}


# --- auth -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer lumen_sk_wrong"}, {"Authorization": "Basic abc"}, {}],
)
def test_bad_or_missing_key_is_401(paywire_sandbox: Any, headers: dict[str, str]) -> None:
    with httpx.Client(base_url=paywire_sandbox.base_url("lumen"), headers=headers, timeout=10) as client:
        resp = client.get("/v1/customers/subscription-status", params={"externalCustomerId": "x"})
        assert resp.status_code == 401
        assert resp.json()["error"] == "Unauthorized"
        assert "lumen_sk_wrong" not in resp.text
        ev = client.post("/v1/events", json={"eventName": "api_call", "eventValue": 1, "extCustomerId": "x"})
        assert ev.status_code == 401


# --- portal and invoices ----------------------------------------------------------------------


def test_portal_payment_methods_and_invoice_pdf(
    lumen: httpx.Client, state: LumenState, paywire_sandbox: Any
) -> None:
    assert lumen.get("/v1/customers/portal/overview", params={"externalCustomerId": "kim"}).status_code == 404
    sub = state.subscribe("kim", PRO_PLAN_ID, name="Kim", email="kim@example.com")
    overview = lumen.get("/v1/customers/portal/overview", params={"externalCustomerId": "kim"})
    assert overview.status_code == 200
    portal = overview.json()["portal"]
    assert portal["subscription"]["id"] == sub.id
    (card,) = portal["paymentMethods"]
    assert card["linkedToSubscription"] is True
    (invoice,) = portal["invoices"]
    assert invoice["totalAmountCents"] == 2900
    assert portal["payments"][0]["invoiceId"] == invoice["id"]

    pdf = lumen.get(f"/v1/invoices/{invoice['id']}/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"].startswith("application/json")
    assert pdf.json()["invoice"] == {"id": invoice["id"], "customerInvoiceNumber": invoice["number"]}
    assert pdf.json()["expiresIn"] == 900
    assert pdf.json()["pdfUrl"].startswith("https://")
    assert lumen.get("/v1/invoices/inv_" + "0" * 22 + "/pdf").json() == {"error": "Invoice not found"}

    intent = lumen.post("/v1/customers/portal/create-setup-intent", json={"externalCustomerId": "kim"})
    assert intent.status_code == 200
    assert intent.json()["provider"] == "stripe"
    intent_id = intent.json()["stripe"]["intentId"]
    assert intent.json()["stripe"]["clientSecret"].startswith(intent_id)
    done = httpx.post(
        paywire_sandbox.url + "/_sandbox/lumen/complete-setup-intent",
        json={"intentId": intent_id, "brand": "mastercard", "last4": "4444"},
    )
    new_pm = done.json()["paymentMethodId"]

    linked = lumen.delete(f"/v1/customers/portal/payment-methods/{card['id']}")
    assert linked.status_code == 409
    switch = lumen.post(
        "/v1/customers/portal/set-subscription-payment-method",
        json={"externalCustomerId": "kim", "paymentMethodId": new_pm},
    )
    assert switch.status_code == 200
    assert switch.json()["success"] is True
    wrong_owner = lumen.delete(
        f"/v1/customers/portal/payment-methods/{card['id']}", params={"externalCustomerId": "someone-else"}
    )
    assert wrong_owner.status_code == 404
    removed = lumen.delete(
        f"/v1/customers/portal/payment-methods/{card['id']}", params={"externalCustomerId": "kim"}
    )
    assert removed.status_code == 200
    methods = lumen.get("/v1/customers/portal/overview", params={"externalCustomerId": "kim"}).json()[
        "portal"
    ]["paymentMethods"]
    assert [(m["id"], m["cardBrand"], m["linkedToSubscription"]) for m in methods] == [
        (new_pm, "mastercard", True)
    ]


def test_dodo_setup_intent(lumen: httpx.Client, state: LumenState) -> None:
    enroll(lumen, "lee")
    state.payment_provider = "dodo"
    resp = lumen.post("/v1/customers/portal/create-setup-intent", json={"externalCustomerId": "lee"})
    assert resp.status_code == 200
    assert resp.json()["provider"] == "dodo"
    assert resp.json()["dodo"]["paymentLink"].startswith("https://")
    missing = lumen.post("/v1/customers/portal/create-setup-intent", json={"externalCustomerId": "nobody"})
    assert missing.status_code == 404


def test_every_operation_has_a_handler(paywire_sandbox: Any) -> None:
    service = paywire_sandbox.sandbox.services["lumen"]
    assert service.missing_handlers() == []
    assert len(service.handlers) == 14

"""The webhook delivery log and replay (#16.6), over real HTTP.

A real loopback receiver checks every push with paywire's own ``verify_push_signature`` (against
the sandbox clock) and answers 400 to anything that does not verify, so "delivered" in the log
means "accepted by a verifying receiver". Events come from both Vellum API versions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from _support.push_receiver import PushReceiver

from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT, PUSH_ATTEMPTS, SIGNATURE_HEADER
from paywire.vellum import VellumSignatureError, verify_push_signature

T = f"/tenants/{DEFAULT_TENANT}"
SECRET = "whsec_delivery_log_test"
VERSIONS = {"vellum-v1": "v1", "vellum-v2": "v2"}


def verifying(clock_now: Callable[[], float]) -> Callable[[dict[str, str], bytes], dict[str, Any] | None]:
    """A receiver's check: the event, if the push verifies with paywire's own verifier against
    the sandbox clock (else None, which the receiver answers 400)."""

    def verify(headers: dict[str, str], body: bytes) -> dict[str, Any] | None:
        try:
            return verify_push_signature(body, headers.get(SIGNATURE_HEADER.lower(), ""), SECRET, now=clock_now())
        except VellumSignatureError:
            return None

    return verify


@pytest.fixture
def control(paywire_sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=paywire_sandbox.url + "/_sandbox", timeout=10) as client:
        yield client


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def make_every_event_type(paywire_sandbox: Any, service: str) -> list[str]:
    """Drive one API version through created/updated/canceled and a paid and a failed invoice."""
    version = VERSIONS[service]
    st = paywire_sandbox.state("vellum")
    with httpx.Client(base_url=paywire_sandbox.base_url(service), headers={"x-api-key": DEFAULT_API_KEY},
                      timeout=10) as api:
        create = "createStripeCustomer" if version == "v1" else "createBillingCustomer"
        ok(api.post(f"{T}/accounts", json={"accountId": "acct_w", create: True}))
        ok(api.post(f"{T}/accounts/acct_w/customers", json={"customerId": "unit_w"}))
        st.add_payment_method("acct_w")
        body: dict[str, Any] = {"planId": "basic", "seats": 1}
        if version == "v1":
            body["planVersion"] = 1
        ok(api.post(f"{T}/accounts/acct_w/customers/unit_w/subscribe", json=body))
        sub = f"{T}/accounts/acct_w/customers/unit_w/subscription"
        if version == "v2":
            ok(api.patch(f"{sub}/seats", json={"seats": 2}))
        ok(api.delete(sub))
    types = [e["type"] for e in st.events()]
    assert "subscription.created" in types and "subscription.canceled" in types
    return types


@pytest.mark.parametrize("service", sorted(VERSIONS))
def test_every_delivery_is_logged_with_what_the_receiver_got(
        paywire_sandbox: Any, control: httpx.Client, service: str) -> None:
    types = make_every_event_type(paywire_sandbox, service)
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now), statuses=[503]) as receiver:
        ok(control.post(f"/{service}/configure-push", json={"url": receiver.url, "secret": SECRET}))
        summary = ok(control.post(f"/{service}/deliver-pushes"))
    deliveries = ok(control.get("/webhooks/deliveries"))["deliveries"]
    assert summary["delivered"] == len(deliveries) == len(types)
    assert [d["event"] for d in deliveries] == types
    assert len({d["id"] for d in deliveries}) == len(deliveries)
    assert all(event is not None for _, _, event in receiver.received)  # every push verified

    # The first delivery met a 503 and was retried: both attempts are in its history.
    first = deliveries[0]
    assert [(a["status"], a["error"], a["replay"]) for a in first["attempts"]] == [
        (503, "HTTP 503", False), (200, None, False)]
    assert all(a["durationMs"] >= 0 and a["at"] > 0 for a in first["attempts"])

    # Each log entry is exactly what went over the wire: target, bytes, event id, signature.
    sent = receiver.received[1:]  # after the 503
    outbox = {e["deliveryId"]: e for e in ok(control.get(f"/{service}/outbox"))["events"]}
    for delivery, (headers, body, event) in zip(deliveries, sent, strict=True):
        assert delivery["source"] == "vellum" and delivery["target"] == receiver.url
        assert delivery["status"] == "delivered"
        assert delivery["payload"] == json.loads(body) == event
        assert delivery["eventId"] == event["eventId"] and delivery["event"] == event["type"]
        assert delivery["signatureHeader"] == {"name": SIGNATURE_HEADER,
                                               "value": headers[SIGNATURE_HEADER.lower()]}
        assert outbox[delivery["id"]]["status"] == "delivered"
    assert SECRET not in json.dumps(deliveries)


def test_unreachable_receiver_records_each_refused_attempt(paywire_sandbox: Any, control: httpx.Client) -> None:
    make_every_event_type(paywire_sandbox, "vellum-v2")
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now)) as gone:
        url = gone.url  # closed on exit: every attempt is a refused connection
    ok(control.post("/vellum-v2/configure-push", json={"url": url, "secret": SECRET}))
    assert ok(control.post("/vellum-v2/deliver-pushes"))["delivered"] == 0
    failed = ok(control.get("/webhooks/deliveries"))["deliveries"]
    assert failed and {d["status"] for d in failed} == {"failed"}
    for d in failed:
        assert [(a["status"], a["error"]) for a in d["attempts"]] == [(None, "ConnectError")] * PUSH_ATTEMPTS


def test_failed_delivery_records_each_attempt_and_replay_redelivers(
        paywire_sandbox: Any, control: httpx.Client) -> None:
    n = len(make_every_event_type(paywire_sandbox, "vellum-v2"))
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now), statuses=[500] * (n * PUSH_ATTEMPTS)) as receiver:
        ok(control.post("/vellum-v2/configure-push", json={"url": receiver.url, "secret": SECRET}))
        assert ok(control.post("/vellum-v2/deliver-pushes"))["delivered"] == 0
        failed = ok(control.get("/webhooks/deliveries"))["deliveries"]
        assert {d["status"] for d in failed} == {"failed"}
        for d in failed:
            assert [(a["status"], a["error"]) for a in d["attempts"]] == [(500, "HTTP 500")] * PUSH_ATTEMPTS
        # An hour later the first signatures would be stale; the replay is signed afresh.
        paywire_sandbox.clock.advance(3600)
        stale = receiver.received[-1][0][SIGNATURE_HEADER.lower()]
        with pytest.raises(VellumSignatureError):
            verify_push_signature(receiver.received[-1][1], stale, SECRET, now=paywire_sandbox.clock.now())
        target = failed[-1]
        replayed = ok(control.post("/webhooks/replay", json={"id": target["id"]}))
    assert replayed["id"] == target["id"] and replayed["status"] == "delivered"
    assert replayed["attempts"][:-1] == target["attempts"]
    last = replayed["attempts"][-1]
    assert (last["status"], last["error"], last["replay"]) == (200, None, True)
    _headers, body, event = receiver.received[-1]
    assert event is not None and event["eventId"] == target["eventId"]  # same event, fresh signature
    assert json.loads(body) == target["payload"]
    outbox = {e["deliveryId"]: e for e in ok(control.get("/vellum-v2/outbox"))["events"]}
    assert outbox[target["id"]]["status"] == "delivered"
    assert outbox[failed[0]["id"]]["status"] == "failed"  # only the replayed one changed


def test_replay_of_a_delivered_push_sends_it_again(paywire_sandbox: Any, control: httpx.Client) -> None:
    make_every_event_type(paywire_sandbox, "vellum-v1")
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now)) as receiver:
        ok(control.post("/vellum-v1/configure-push", json={"url": receiver.url, "secret": SECRET}))
        ok(control.post("/vellum-v1/deliver-pushes"))
        before = len(receiver.received)
        delivery = ok(control.get("/webhooks/deliveries"))["deliveries"][0]
        again = ok(control.post("/webhooks/replay", json={"id": delivery["id"]}))
    assert len(receiver.received) == before + 1
    assert receiver.received[-1][1] == receiver.received[0][1]  # byte-identical body
    assert [a["replay"] for a in again["attempts"]] == [False, True]


@pytest.mark.parametrize("body", [
    {}, {"id": ""}, {"id": 7}, {"id": "dlv_vellum_1", "extra": 1}, {"id": "x" * 201},
])
def test_malformed_replay_is_400_before_any_io(paywire_sandbox: Any, control: httpx.Client,
                                               body: dict[str, Any]) -> None:
    make_every_event_type(paywire_sandbox, "vellum-v2")
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now)) as receiver:
        ok(control.post("/vellum-v2/configure-push", json={"url": receiver.url, "secret": SECRET}))
        ok(control.post("/vellum-v2/deliver-pushes"))
        sent = len(receiver.received)
        bad = control.post("/webhooks/replay", json=body)
        assert bad.status_code == 400 and "error" in bad.json()
        unknown = control.post("/webhooks/replay", json={"id": "dlv_vellum_999"})
        assert unknown.status_code == 400 and "dlv_vellum_999" in unknown.json()["error"]
        assert len(receiver.received) == sent


def test_reset_clears_the_log_and_deliveries_reject_input(paywire_sandbox: Any, control: httpx.Client) -> None:
    make_every_event_type(paywire_sandbox, "vellum-v2")
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now)) as receiver:
        ok(control.post("/vellum-v2/configure-push", json={"url": receiver.url, "secret": SECRET}))
        ok(control.post("/vellum-v2/deliver-pushes"))
    assert ok(control.get("/webhooks/deliveries"))["deliveries"]
    assert control.request("GET", "/webhooks/deliveries", json={"x": 1}).status_code == 400
    ok(control.post("/reset", json={}))
    assert ok(control.get("/webhooks/deliveries"))["deliveries"] == []


def test_each_namespace_has_its_own_log_and_replays_only_its_own(
        paywire_sandbox: Any, paywire_sandbox_server: Any, control: httpx.Client) -> None:
    make_every_event_type(paywire_sandbox, "vellum-v2")
    with PushReceiver(verify=verifying(paywire_sandbox.clock.now)) as receiver:
        ok(control.post("/vellum-v2/configure-push", json={"url": receiver.url, "secret": SECRET}))
        ok(control.post("/vellum-v2/deliver-pushes"))
        mine = ok(control.get("/webhooks/deliveries"))["deliveries"]
        other = paywire_sandbox_server.in_namespace(f"other-{paywire_sandbox.namespace}")
        try:
            with httpx.Client(base_url=other.url + "/_sandbox", timeout=10) as elsewhere:
                assert ok(elsewhere.get("/webhooks/deliveries"))["deliveries"] == []
                refused = elsewhere.post("/webhooks/replay", json={"id": mine[0]["id"]})
                assert refused.status_code == 400
        finally:
            paywire_sandbox_server.sandbox.namespaces.drop(other.namespace)
        assert len(receiver.received) == len(mine)  # nothing re-sent from the other namespace

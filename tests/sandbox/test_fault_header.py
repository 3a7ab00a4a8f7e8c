"""``X-Paywire-Fault``: a fault for one request, no second call, over real HTTP."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
import pytest

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import fault_header
from paywire.sandbox import vellum as sb_vellum
from paywire.sandbox.app import load_services

VELLUM = {"x-api-key": sb_vellum.DEFAULT_API_KEY}
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}
EVERY_OPERATION = [(svc.name, method, path, op_id) for svc in load_services()
                   for method, path, op_id in svc.operations()]


def test_status_fault_hits_every_operation_of_every_service_once(paywire_sandbox: Any) -> None:
    with httpx.Client(timeout=30) as client:
        for service, method, path, op_id in EVERY_OPERATION:
            url = paywire_sandbox.base_url(service) + re.sub(r"\{[^}]+\}", "x1", path)
            r = client.request(method, url, headers={"X-Paywire-Fault": "status=503"})
            assert r.status_code == 503, f"{service} {op_id}: {r.status_code} {r.text[:200]}"
    logged = [e for e in paywire_sandbox.requests if e.get("fault")]
    assert len(logged) == len(EVERY_OPERATION) and all(e["fault"]["match"] == "header" for e in logged)
    assert paywire_sandbox.faults.rules == []  # nothing armed for later requests


def test_status_with_retry_after_then_the_next_request_is_normal(paywire_sandbox: Any) -> None:
    wallet = f"{paywire_sandbox.base_url('conxa')}/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    r = httpx.get(wallet, headers={**CONXA, "X-Paywire-Fault": "status=429; retry_after=3"})
    assert r.status_code == 429 and r.headers["retry-after"] == "3"
    assert r.json()["status"] == "error"  # the API's own error body
    assert httpx.get(wallet, headers=CONXA).status_code == 200


def test_latency(paywire_sandbox: Any) -> None:
    wallet = f"{paywire_sandbox.base_url('conxa')}/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    t0 = time.monotonic()
    assert httpx.get(wallet, headers={**CONXA, "X-Paywire-Fault": "latency=150ms"}).status_code == 200
    assert time.monotonic() - t0 >= 0.14


def test_drop_after_commit_commits_then_drops(paywire_sandbox: Any) -> None:
    base = paywire_sandbox.base_url("vellum-v1")
    httpx.post(base + "/tenants/sam/accounts", json={"accountId": "acct_h"}, headers=VELLUM).raise_for_status()
    with pytest.raises(httpx.TransportError):
        httpx.post(base + "/tenants/sam/accounts/acct_h/customers", json={"customerId": "unit_h"},
                   headers={**VELLUM, "X-Paywire-Fault": "drop=after-commit"})
    ent = httpx.get(base + "/tenants/sam/customers/unit_h/entitlements", headers=VELLUM)
    assert ent.status_code == 200  # committed


def test_drop_before_commits_nothing(paywire_sandbox: Any) -> None:
    url = paywire_sandbox.base_url("vellum-v1") + "/tenants/sam/accounts"
    with pytest.raises(httpx.TransportError):
        httpx.post(url, json={"accountId": "acct_hb"}, headers={**VELLUM, "X-Paywire-Fault": "drop=before"})
    assert httpx.post(url, json={"accountId": "acct_hb"}, headers=VELLUM).status_code == 200


@pytest.mark.parametrize("value", [
    "", "status", "status=", "status=abc", "status=200", "status=999", "latency=fast", "latency=-5ms",
    "latency=999999s", "drop=sideways", "retry_after=1\x7f", "retry_after=nan", "colour=red",
    "status=503; status=500", "latency=1ms; latency_ms=2",
])
def test_malformed_header_is_a_400_naming_it(paywire_sandbox: Any, value: str) -> None:
    wallet = f"{paywire_sandbox.base_url('conxa')}/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    r = httpx.get(wallet, headers={**CONXA, "X-Paywire-Fault": value})
    assert r.status_code == 400, r.text
    assert "X-Paywire-Fault" in r.text or "/_sandbox/faults" in r.text
    with pytest.raises(ValueError):
        fault_header.parse(value)
    assert httpx.get(wallet, headers=CONXA).status_code == 200


def test_parse_units() -> None:
    assert fault_header.parse("latency=1.5s").latency_ms == 1500
    assert fault_header.parse("latency=20").latency_ms == 20
    assert fault_header.parse("drop=after").reset == "after"
    fault = fault_header.parse(" status=503 ; retry_after=Wed, 21 Oct 2026 07:28:00 GMT")
    assert fault.status == 503

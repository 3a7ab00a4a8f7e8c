"""Scripted faults over real HTTP: "503, 503, then succeed", per idempotency key."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from paywire.sandbox import conxa as sb_conxa

CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}


def wallet_url(sb: Any) -> str:
    return f"{sb.base_url('conxa')}/wallet/{sb_conxa.DEFAULT_WALLET_ID}"


def test_503_503_then_succeed(paywire_sandbox: Any) -> None:
    script = [{"status": 503}, {"status": 503, "retry_after": 1}, {}]
    r = httpx.post(paywire_sandbox.url + "/_sandbox/faults", json={"match": "conxa:get_wallet_balance",
                                                                   "script": script})
    assert r.status_code == 200, r.text
    statuses = [httpx.get(wallet_url(paywire_sandbox), headers=CONXA) for _ in range(4)]
    assert [s.status_code for s in statuses] == [503, 503, 200, 200]
    assert statuses[1].headers["retry-after"] == "1"
    rule = httpx.get(paywire_sandbox.url + "/_sandbox/faults").json()["faults"][0]
    assert rule["fired"] == 3 and rule["times"] == 3 and rule["script"] == script


def test_script_limited_to_one_idempotency_key(paywire_sandbox: Any) -> None:
    paywire_sandbox.faults.add("conxa:*", key="k-1", script=[{"status": 503}, {}])
    url = wallet_url(paywire_sandbox)
    assert httpx.get(url, headers={**CONXA, "X-Idempotency-Key": "k-2"}).status_code == 200  # other key
    assert httpx.get(url, headers=CONXA).status_code == 200  # no key
    assert httpx.get(url, headers={**CONXA, "X-Idempotency-Key": "k-1"}).status_code == 503
    assert httpx.get(url, headers={**CONXA, "X-Idempotency-Key": "k-1"}).status_code == 200


def test_paywire_client_rides_out_a_scripted_outage_with_one_debit(paywire_sandbox: Any) -> None:
    from paywire import RetryConfig
    from paywire.conxa import CONXAClient

    conn = paywire_sandbox.state("conxa").approve(sb_conxa.DEFAULT_PROVIDER_ID, "script@example.com",
                                                  sb_conxa.DEFAULT_WALLET_ID)
    token = conn.session_token
    paywire_sandbox.faults.add("conxa:authorize_charge", key="charge-1",
                               script=[{"status": 503}, {"reset": "after"}, {}])
    client = CONXAClient(api_key=sb_conxa.DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("conxa"),
                         retry_config=RetryConfig(backoff_factor=0.01, max_attempts=5))
    try:
        result = client.charge(session_token=token, idempotency_key="charge-1", model_name="gpt-4",
                               input_tokens=10, output_tokens=5)
    finally:
        client.close()
    assert result.approved
    ledger = paywire_sandbox.state("conxa").ledger
    assert [e.idempotency_key for e in ledger] == ["charge-1"]  # 3 attempts, one debit


@pytest.mark.parametrize("rule", [
    {"script": []},
    {"script": [{"status": 503}], "status": 500},
    {"script": [{"status": 503}], "times": 3},
    {"script": [{"status": "abc"}]},
    {"script": [{"latency_ms": -1}]},
    {"script": [{"colour": "red"}]},
    {"script": {"status": 503}},
    {"key": ""},
])
def test_bad_scripts_are_refused(paywire_sandbox: Any, rule: dict[str, Any]) -> None:
    r = httpx.post(paywire_sandbox.url + "/_sandbox/faults", json={"match": "conxa:*", **rule})
    assert r.status_code == 400 and r.json()["error"]
    assert paywire_sandbox.faults.rules == []

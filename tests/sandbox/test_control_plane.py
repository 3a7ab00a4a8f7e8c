"""The sandbox's common control plane (/_sandbox/...), its CLI and its Python entry point."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import vellum as sb_vellum

VELLUM = {"x-api-key": sb_vellum.DEFAULT_API_KEY}
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}


def test_info_lists_every_service_prefix(paywire_sandbox: Any) -> None:
    info = httpx.get(paywire_sandbox.url + "/_sandbox").json()
    assert info["services"]["vellum-v1"] == "/vellum"
    assert info["services"]["vellum-v2"] == "/vellum-v2"
    assert {"spaps", "spaps-2026-10", "lumen", "conxa"} <= set(info["services"])
    assert info["validate_requests"] is True


def test_faults_over_http_status_latency_and_retry_after(paywire_sandbox: Any) -> None:
    base = paywire_sandbox.url
    wallet = f"{paywire_sandbox.base_url('conxa')}/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    rule = {"match": "conxa:get_wallet_balance", "status": 429, "retry_after": "3", "times": 2}
    assert httpx.post(base + "/_sandbox/faults", json=rule).status_code == 200
    for _ in range(2):
        r = httpx.get(wallet, headers=CONXA)
        assert r.status_code == 429 and r.headers["retry-after"] == "3"
        assert r.json()["status"] == "error"  # the API's own error body shape
    assert httpx.get(wallet, headers=CONXA).status_code == 200  # only the next N requests
    listed = httpx.get(base + "/_sandbox/faults").json()["faults"]
    assert listed[0]["fired"] == 2

    httpx.post(base + "/_sandbox/faults", json={"match": "get_wallet_balance", "latency_ms": 150})
    t0 = time.monotonic()
    assert httpx.get(wallet, headers=CONXA).status_code == 200
    assert time.monotonic() - t0 >= 0.14
    assert httpx.delete(base + "/_sandbox/faults").json() == {"faults": []}
    assert httpx.post(base + "/_sandbox/faults", json={"reset": "sideways"}).status_code == 400


def test_reset_before_drops_the_connection_and_commits_nothing(paywire_sandbox: Any) -> None:
    url = paywire_sandbox.base_url("vellum-v1") + "/tenants/sam/accounts"
    paywire_sandbox.faults.add("vellum-v1:create_account", reset="before")
    with pytest.raises(httpx.TransportError):
        httpx.post(url, json={"accountId": "acct_drop"}, headers=VELLUM)
    # nothing was created: the same create now succeeds as the first one
    assert httpx.post(url, json={"accountId": "acct_drop"}, headers=VELLUM).status_code == 200


def test_reset_after_commits_then_drops(paywire_sandbox: Any) -> None:
    url = paywire_sandbox.base_url("vellum-v1") + "/tenants/sam/accounts/acct_after/customers"
    httpx.post(paywire_sandbox.base_url("vellum-v1") + "/tenants/sam/accounts", json={"accountId": "acct_after"},
               headers=VELLUM).raise_for_status()
    paywire_sandbox.faults.add("vellum-v1:create_customer", reset="after")
    with pytest.raises(httpx.TransportError):
        httpx.post(url, json={"customerId": "unit_after"}, headers=VELLUM)
    ent = httpx.get(paywire_sandbox.base_url("vellum-v1") + "/tenants/sam/customers/unit_after/entitlements",
                    headers=VELLUM)
    assert ent.status_code == 200  # the customer exists: the state change committed


def test_clock_and_request_log_and_reset_over_http(paywire_sandbox: Any) -> None:
    base = paywire_sandbox.url
    before = httpx.get(base + "/_sandbox/clock").json()["now"]
    after = httpx.post(base + "/_sandbox/clock", json={"seconds": 3600}).json()["now"]
    assert after - before >= 3600
    assert httpx.post(base + "/_sandbox/clock", json={"seconds": -1}).status_code == 400

    httpx.get(paywire_sandbox.base_url("conxa") + "/health", headers=CONXA)
    log = httpx.get(base + "/_sandbox/requests").json()["requests"]
    assert log[-1]["service"] == "conxa" and log[-1]["op"] == "health_check" and log[-1]["status"] == 200
    assert "X-Provider-API-Key" not in json.dumps(log) and sb_conxa.DEFAULT_API_KEY not in json.dumps(log)

    httpx.post(base + "/_sandbox/reset").raise_for_status()
    assert httpx.get(base + "/_sandbox/requests").json()["requests"] == []
    assert httpx.get(base + "/_sandbox/clock").json()["offset"] == 0


def test_request_validation_names_the_field(paywire_sandbox: Any) -> None:
    r = httpx.get(paywire_sandbox.base_url("conxa") + "/wallet/12", headers=CONXA)
    assert r.status_code == 422 and "wallet_id" in r.json()["message"]
    assert "Invalid path parameter" in r.json()["message"]  # the spec validator, not the handler


def test_each_service_serves_its_spec(paywire_sandbox: Any) -> None:
    spec = httpx.get(paywire_sandbox.base_url("vellum-v2") + "/openapi.json").json()
    assert spec["info"]["version"] == "v2"


def test_validation_can_be_turned_off() -> None:
    from paywire.sandbox import run

    with run(validate=False) as sb:
        r = httpx.get(sb.base_url("conxa") + "/wallet/12", headers=CONXA)
        assert "Invalid path parameter" not in r.text  # the handler answered, not the spec validator
        assert sb.sandbox.validate_requests is False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_prints_base_urls_and_credentials_and_serves() -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "paywire", "sandbox", "--port", str(port)],
                            stdout=subprocess.PIPE, text=True)
    try:
        lines = []
        assert proc.stdout is not None
        while not any("seeded credentials" in line for line in lines):
            line = proc.stdout.readline()
            assert line, "sandbox CLI exited early"
            lines.append(line)
        for _ in range(4):
            lines.append(proc.stdout.readline())
        text = "".join(lines)
        assert f"http://127.0.0.1:{port}/vellum" in text and f"http://127.0.0.1:{port}/conxa" in text
        assert sb_vellum.DEFAULT_API_KEY in text
        assert httpx.get(f"http://127.0.0.1:{port}/_sandbox").status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)


def test_seed_fixtures_over_http_then_use_them(paywire_sandbox: Any) -> None:
    fixtures = {
        "spaps": {"users": [{"email": "seeded@example.com", "password": "Seeded123!", "tier": "pro"}],
                  "api_keys": [{"application_id": "app_seeded", "api_key": "test_key_seeded_app"}]},
        "lumen": {"api_keys": ["lumen_sk_seeded"], "plans": [{"name": "Team", "features": {"api-calls": 10}}]},
        "vellum": {"tenants": [{"tenant_id": "seedco", "api_key": "vlm_seedco.secret"}]},
        "conxa": {"providers": [{"provider_id": "anthropic", "api_key": "pk_test_anthropic_seeded"}],
                  "wallets": {"1111222233334444": 5000}},
    }
    r = httpx.post(paywire_sandbox.url + "/_sandbox/seed", json=fixtures)
    assert r.status_code == 200, r.text
    assert "Seeded123!" not in r.text and "vlm_seedco.secret" not in r.text
    assert r.json()["conxa"]["wallets"] == {"1111222233334444": 5000}
    login = httpx.post(paywire_sandbox.base_url("spaps") + "/api/auth/login",
                       headers={"X-API-Key": "test_key_seeded_app"},
                       json={"email": "seeded@example.com", "password": "Seeded123!"})
    assert login.status_code == 200
    ent = httpx.get(paywire_sandbox.base_url("vellum-v1") + "/tenants/seedco/customers/nobody/entitlements",
                    headers={"x-api-key": "vlm_seedco.secret"})
    assert ent.status_code == 404  # authenticated for the new tenant; the customer has no record
    bal = httpx.get(paywire_sandbox.base_url("conxa") + "/wallet/1111222233334444",
                    headers={"X-Provider-API-Key": "pk_test_anthropic_seeded"})
    assert bal.json()["tokens"] == 5000
    bad = httpx.post(paywire_sandbox.url + "/_sandbox/seed", json={"nope": {}})
    assert bad.status_code == 400 and "unknown fields ['nope']" in bad.text

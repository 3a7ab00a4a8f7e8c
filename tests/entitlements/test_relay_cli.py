"""``paywire relay`` as its own process: fills Redis for readers, receives signed pushes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import httpx

from paywire.entitlements.redis_tier import RedisTier
from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT
from paywire.vellum import VellumClient
from paywire.vellum.push import SIGNATURE_HEADER, sign_push_payload

SECRET = "whsec_relay_test"


def _free_port() -> int:
    from redis_support import free_port

    return free_port()


def test_relay_command_fills_redis_and_turns_pushes_into_invalidations(paywire_sandbox: Any, redis_url: str) -> None:
    base = paywire_sandbox.base_url("vellum-v2")
    port = _free_port()
    env = {**os.environ, "VELLUM_API_KEY": DEFAULT_API_KEY, "VELLUM_TENANT_ID": DEFAULT_TENANT,
           "VELLUM_PUSH_SECRET": SECRET}
    proc = subprocess.Popen(
        [sys.executable, "-m", "paywire", "relay", "--redis", redis_url, "--customers", "unit_1,unit_2,unit_3",
         "--base-url", base, "--allow-insecure-http", "--push-port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tier = RedisTier(redis_url, read_only=True)
    reader = VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, base_url=base,
                          allow_insecure_http=True, shared_cache=tier)
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        assert "3 vellum customers" in banner and DEFAULT_API_KEY not in banner
        deadline = time.monotonic() + 10
        while sum(1 for r in paywire_sandbox.requests if r["op"] == "get_entitlements") < 3:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.02)
        for customer in ("unit_1", "unit_2", "unit_3"):
            assert reader.get_entitlements(customer).found is False
        assert tier.stats.api_fetches == 0 and tier.stats.redis_hits == 3
        tier.wait_subscribed()

        body = b'{"eventId":"evt_1","type":"subscription.updated","data":{"customerId":"unit_2"}}'
        push = f"http://127.0.0.1:{port}/vellum/push"
        bad = httpx.post(push, content=body, headers={SIGNATURE_HEADER: sign_push_payload(body, "wrong")})
        assert bad.status_code == 400 and "unit_2" in reader.entitlement_cache
        ok = httpx.post(push, content=body, headers={SIGNATURE_HEADER: sign_push_payload(body, SECRET)})
        assert ok.status_code == 204
        deadline = time.monotonic() + 0.5
        while "unit_2" in reader.entitlement_cache:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        assert reader.get_entitlements("unit_2").found is False  # refetched by the relay, not by us
        assert tier.stats.api_fetches == 0
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
        reader.close()
        tier.close()
    assert proc.returncode == 0, err[-2000:]
    assert DEFAULT_API_KEY not in out + err and SECRET not in out + err


def test_relay_command_refuses_a_push_port_without_a_secret(redis_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VELLUM_PUSH_SECRET"}
    done = subprocess.run([sys.executable, "-m", "paywire", "relay", "--redis", redis_url, "--customers", "u1",
                           "--push-port", "1"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "VELLUM_PUSH_SECRET" in done.stderr

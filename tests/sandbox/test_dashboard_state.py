"""The dashboard page and its polled document (#16.7) over real HTTP: shape, and no secrets.

Every credential the sandbox holds after real sign-ins (SPAPS access/refresh tokens, a CONXA
session token, the seeded and user-seeded API keys, a push secret) is looked up in the state
itself and must appear nowhere in ``GET /_sandbox/ui/state`` or the page.
"""

from __future__ import annotations

from typing import Any

import httpx

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.vellum import DEFAULT_API_KEY as VELLUM_KEY


def test_page_is_served_as_html_without_third_party_scripts(paywire_sandbox: Any) -> None:
    r = httpx.get(paywire_sandbox.url + "/_sandbox/ui")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script src" not in r.text and "http" not in r.text.split("<script>", 1)[1]  # no CDN, no build
    for needed in ('id="requests"', 'id="deliveries"', 'id="faults"', 'id="state"', 'id="advance"',
                   'id="clear-faults"', '"webhooks/replay"'):
        assert needed in r.text


def test_state_document_shows_every_service_and_no_secret(paywire_sandbox: Any) -> None:
    sb = paywire_sandbox
    own_key = "lumen_user_seeded_key_123456"
    assert httpx.post(sb.url + "/_sandbox/seed", json={"lumen": {"api_keys": [own_key]}}).is_success
    login = httpx.post(sb.base_url("spaps") + "/api/auth/login", headers={"X-API-Key": sb_spaps.DEFAULT_API_KEY},
                       json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    assert login.status_code == 200, login.text
    sb.state("conxa").approve(sb_conxa.DEFAULT_PROVIDER_ID, "ui@example.com", sb_conxa.DEFAULT_WALLET_ID)
    assert httpx.post(sb.url + "/_sandbox/vellum-v2/configure-push",
                      json={"url": "http://127.0.0.1:9/hook", "secret": "whsec_never_shown"}).is_success
    r = httpx.get(sb.base_url("vellum-v2") + "/tenants/sam/customers/nobody/entitlements",
                  headers={"x-api-key": VELLUM_KEY})
    assert r.status_code == 404

    doc = httpx.get(sb.url + "/_sandbox/ui/state")
    assert doc.status_code == 200
    state = doc.json()
    assert set(state) == {"namespace", "clock", "faults", "requests", "deliveries", "services"}
    assert set(state["services"]) == {"spaps", "lumen", "vellum", "conxa"}
    assert state["services"]["spaps"]["users"][0]["email"] == sb_spaps.DEFAULT_USER_EMAIL
    assert [s["active"] for s in state["services"]["spaps"]["sessions"]] == [True]
    assert {"id": sb_conxa.DEFAULT_WALLET_ID, "balance": sb_conxa.DEFAULT_WALLET_TOKENS} in \
        state["services"]["conxa"]["wallets"]
    newest = state["requests"][0]  # newest first
    assert (newest["method"], newest["op"], newest["status"]) == ("GET", "get_entitlements", 404)
    assert newest["latency_ms"] > 0 and newest["fault"] is None

    spaps, conxa, vellum = sb.state("spaps"), sb.state("conxa"), sb.state("vellum")
    secrets = [*spaps.access_tokens, *spaps.refresh_tokens, *spaps.api_keys, *sb.state("lumen").api_keys,
               *(c.session_token for c in conxa.connections.values() if c.session_token),
               *(p.api_key for p in conxa.providers.values()),
               *(t.api_key for t in vellum.tenants.values()), "whsec_never_shown",
               sb_spaps.DEFAULT_USER_PASSWORD]
    assert own_key in secrets and len(secrets) >= 8
    for secret in secrets:
        assert secret not in doc.text, "a credential reached the dashboard"


def test_every_logged_request_has_a_latency_including_faulted_ones(paywire_sandbox: Any) -> None:
    sb = paywire_sandbox
    url = sb.base_url("vellum-v2") + "/tenants/sam/customers/nobody/entitlements"
    httpx.get(url, headers={"x-api-key": VELLUM_KEY, "X-Paywire-Fault": "latency=30ms"})
    httpx.get(url, headers={"x-api-key": VELLUM_KEY, "X-Paywire-Fault": "status=503"})
    rows = httpx.get(sb.url + "/_sandbox/ui/state").json()["requests"]
    assert [r["status"] for r in rows[:2]] == [503, 404]
    assert rows[0]["fault"]["status"] == 503 and rows[1]["fault"]["latency_ms"] == 30
    assert rows[1]["latency_ms"] >= 30
    assert all(isinstance(e["latency_ms"], float) for e in sb.requests)


def test_cli_banner_names_the_dashboard_and_it_answers() -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = subprocess.Popen([sys.executable, "-m", "paywire", "sandbox", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "sandbox did not start"
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/_sandbox/ui", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert page.status_code == 200 and "paywire sandbox" in page.text
    assert f"dashboard      http://127.0.0.1:{port}/_sandbox/ui" in out

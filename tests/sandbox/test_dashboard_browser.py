"""The sandbox dashboard (#16.7) in a real headless Chromium (Debian's chromium + chromedriver).

Driven over the W3C WebDriver protocol, spoken directly with httpx (a dozen JSON calls): the
current selenium release needs a newer certifi than the package index here offers, and the
protocol is all selenium would add on top of chromedriver. ``.ci/run`` installs chromium and
chromium-driver when missing; without them this test fails (it never skips), so a CI machine
without a browser cannot pass silently.

The test takes a screenshot every run; with ``PAYWIRE_UPDATE_SCREENSHOT=1`` it writes it to
``docs/sandbox-dashboard.png`` (committed, shown in README), otherwise to a temporary file, so a
test run never leaves the checkout modified.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from _support.processes import stop_process
from _support.push_receiver import PushReceiver

from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT, SIGNATURE_HEADER
from paywire.vellum import VellumClient, VellumSignatureError, verify_push_signature

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "sandbox-dashboard.png"
CHROMIUM = os.environ.get("PAYWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PAYWIRE_CHROMEDRIVER", "/usr/bin/chromedriver")
# Everything that would make Chromium reach for the (closed) network or a display.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1440,1000",
]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference
SECRET = "whsec_dashboard_test"
T = TypeVar("T")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class WebDriver:
    """One chromedriver process and one browser session, spoken to over W3C WebDriver."""

    def __init__(self, user_data_dir: str) -> None:
        for path in (CHROMIUM, CHROMEDRIVER):
            if not (os.path.exists(path) and os.access(path, os.X_OK)):
                pytest.fail(f"{path} is missing: apt-get install -y chromium chromium-driver (.ci/run does)",
                            pytrace=False)
        port = _free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60, trust_env=False)
        self._wait(lambda: self._ready(), 20, "chromedriver did not start")
        caps = {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM, "args": [*CHROMIUM_ARGS, f"--user-data-dir={user_data_dir}"]}}
        self.session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]

    def _ready(self) -> bool:
        try:
            return bool(self.http.get("/status").json()["value"]["ready"])
        except httpx.HTTPError:
            return False

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        r = self.http.request(method, path, json=body)
        value = r.json()["value"]
        if r.status_code != 200:
            raise AssertionError(f"WebDriver {method} {path}: {r.status_code} {value}")
        return value

    def cmd(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    def get(self, url: str) -> None:
        self.cmd("POST", "/url", {"url": url})

    def js(self, script: str, *args: Any) -> Any:
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def click(self, css: str) -> None:
        # The page re-renders every second, so an element found just before a render is stale
        # by the click: find it again.
        for _ in range(10):
            element = self.cmd("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]
            r = self.http.post(f"/session/{self.session}/element/{element}/click", json={})
            if r.status_code == 200:
                return
            if r.json()["value"].get("error") != "stale element reference":
                raise AssertionError(f"click {css}: {r.status_code} {r.json()['value']}")
        raise AssertionError(f"click {css}: element kept going stale")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.cmd("GET", "/screenshot"))

    @staticmethod
    def _wait(check: Callable[[], T], seconds: float, what: str) -> T:
        deadline = time.monotonic() + seconds
        while True:
            result = check()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(what)
            time.sleep(0.1)

    def wait_js(self, script: str, seconds: float = 15) -> Any:
        """Poll a script until it returns something truthy (the page re-renders every second)."""
        return self._wait(lambda: self.js(script), seconds, f"page never satisfied: {script}")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.cmd("DELETE", "")
        self.http.close()
        stop_process(self.process)


NAMESPACE = "dashboard-demo"


@pytest.fixture
def paywire_sandbox_namespace() -> str:
    """A readable namespace name for the screenshot (the page is served per namespace)."""
    return NAMESPACE


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    profile = tempfile.mkdtemp(prefix="paywire-chromium-")  # a new, empty profile every run
    driver = WebDriver(profile)
    try:
        yield driver
    finally:
        driver.close()
        shutil.rmtree(profile, ignore_errors=True)


def verifying(now: Callable[[], float]) -> Callable[[dict[str, str], bytes], Any]:
    """A receiver's check: the event of a push that verifies with paywire's verify_push_signature
    (against the sandbox clock), None for one that does not."""

    def verify(headers: dict[str, str], body: bytes) -> Any:
        try:
            return verify_push_signature(body, headers.get(SIGNATURE_HEADER.lower(), ""), SECRET, now=now())
        except VellumSignatureError:
            return None

    return verify


def test_dashboard_shows_sdk_requests_and_state_and_replay_redelivers(
        paywire_sandbox: Any, browser: WebDriver, tmp_path: Path) -> None:
    sb = paywire_sandbox
    with (PushReceiver("/hooks", verify=verifying(sb.clock.now)) as receiver,
          httpx.Client(base_url=sb.url + "/_sandbox", timeout=30, trust_env=False) as control):
        # State worth showing: a Vellum account with a subscription (its pushes delivered), a fault.
        api = httpx.Client(base_url=sb.base_url("vellum-v2"), headers={"x-api-key": DEFAULT_API_KEY}, timeout=10)
        with api:
            tenant = f"/tenants/{DEFAULT_TENANT}"
            api.post(f"{tenant}/accounts", json={"accountId": "acct_ui", "createBillingCustomer": True})
            api.post(f"{tenant}/accounts/acct_ui/customers", json={"customerId": "unit_ui"})
            sb.state("vellum").add_payment_method("acct_ui")
            assert api.post(f"{tenant}/accounts/acct_ui/customers/unit_ui/subscribe",
                            json={"planId": "pro", "seats": 3}).status_code == 200
            # A one-shot fault by request header: the log shows it in its fault column.
            assert api.get(f"{tenant}/customers/unit_ui/entitlements",
                           headers={"X-Paywire-Fault": "status=503"}).status_code == 503
        assert control.post("/vellum-v2/configure-push", json={"url": receiver.url, "secret": SECRET}).is_success
        assert control.post("/vellum-v2/deliver-pushes").json()["delivered"] >= 2
        delivered = len(receiver.verified)
        assert control.post("/faults", json={"match": "conxa:authorize_charge", "status": 503, "times": 2}).is_success

        # The request the page must show, made by the SDK.
        with VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, base_url=sb.base_url("vellum-v2"),
                          api_version="v2") as vellum:
            assert vellum.get_entitlements("unit_ui").found

        browser.get(sb.url + "/_sandbox/ui")
        assert browser.js("return document.title") == "paywire sandbox"
        row = browser.wait_js("""
            const tr = document.querySelector('#requests tbody tr[data-op="get_entitlements"]');
            return tr && [...tr.cells].map((c) => c.textContent);""")
        assert row[1:5] == ["GET", "/vellum-v2/tenants/sam/customers/unit_ui/entitlements", "get_entitlements", "200"]
        assert browser.js("return document.getElementById('namespace').textContent") == NAMESPACE
        assert row[5].endswith(" ms")
        # State per service, faults, deliveries and clock are on the page.
        text = browser.wait_js("""const t = document.body.innerText;
            return t.includes('acct_ui') && t.includes('4242424242424242') && t.includes('user@example.com')
                && t.includes('conxa:authorize_charge') && t.includes('subscription.created') && t;""")
        assert "pro" in text and "live" in text and "status 503" in text
        # No credential reaches the page (the seeded API keys, the push secret).
        source = browser.js("return document.documentElement.outerHTML")
        for secret in (DEFAULT_API_KEY, SECRET, "vlm_acme.sandbox_secret", "test_key_local_dev_only"):
            assert secret not in source

        shot = SCREENSHOT if os.environ.get("PAYWIRE_UPDATE_SCREENSHOT") == "1" else tmp_path / "dashboard.png"
        shot.parent.mkdir(exist_ok=True)
        shot.write_bytes(browser.screenshot())
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

        # Replay re-delivers: the receiver verifies one more push, and the row counts the attempt.
        first = browser.js("return document.querySelector('#deliveries tbody tr').dataset.id")
        browser.click(f'#deliveries button.replay[data-id="{first}"]')
        WebDriver._wait(lambda: len(receiver.verified) == delivered + 1, 15, "replay did not re-deliver")
        browser.wait_js(f"""const tr = document.querySelector('#deliveries tr[data-id="{first}"]');
                            return tr && tr.dataset.attempts === '2';""")
        replayed = next(d for d in control.get("/webhooks/deliveries").json()["deliveries"] if d["id"] == first)
        assert [a["replay"] for a in replayed["attempts"]] == [False, True]
        assert receiver.verified[-1]["eventId"] == replayed["eventId"]

        # The clock advance control and the clear-faults button act on the server.
        before = control.get("/clock").json()["offset"]
        browser.js("document.getElementById('advance-seconds').value = '7200'")
        browser.click("#advance")
        WebDriver._wait(lambda: control.get("/clock").json()["offset"] == before + 7200, 15, "clock not advanced")
        browser.click("#clear-faults")
        WebDriver._wait(lambda: control.get("/faults").json()["faults"] == [], 15, "faults not cleared")
        browser.wait_js("return document.querySelectorAll('#faults tbody tr').length === 0")

"""``paywire demo``: a narrated end-to-end tour through the public facades, on an embedded sandbox.

Everything runs against a sandbox on a free loopback port (no real money, no real accounts);
only the sandbox's control plane stands in for the humans (the CONXA mobile app approving a
wallet, a fault dropping a connection). Exit status 0 means every step checked out.
"""

from __future__ import annotations

import asyncio
import base64
import os
import stat
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any


class DemoFailure(Exception):
    """A step's check did not hold."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise DemoFailure(message)


class Narrator:
    def __init__(self, out: Any = None) -> None:
        self.out = out or sys.stdout
        self.started = time.perf_counter()
        self.steps = 0

    def section(self, title: str) -> None:
        print(f"\n== {title} " + "=" * max(0, 70 - len(title)), file=self.out, flush=True)

    def step(self, text: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        live = self.out.isatty()
        if live:  # a progress line that the result overwrites
            print(f"  .. {text}", end="", file=self.out, flush=True)
        result = fn()
        self.steps += 1
        detail = f" — {result}" if isinstance(result, str) and result else ""
        line = f"  ok {text}{detail}  ({(time.perf_counter() - t0) * 1000:.0f} ms)"
        print(("\r" if live else "") + line, file=self.out, flush=True)
        return result


def run_demo(output_dir: Path, narrator: Narrator) -> None:
    import paywire.sandbox
    from paywire.sandbox import conxa as sb_conxa
    from paywire.sandbox import lumen as sb_lumen
    from paywire.sandbox import spaps as sb_spaps
    from paywire.sandbox import vellum as sb_vellum

    output_dir.mkdir(parents=True, exist_ok=True)
    n = narrator
    with paywire.sandbox.run() as sb:
        n.section("paywire sandbox")
        n.step(f"sandbox up at {sb.url} (SPAPS, Lumen, Vellum v1+v2, CONXA; every request spec-checked)",
               lambda: "")

        # --- SPAPS -------------------------------------------------------------------------
        from paywire.spaps import FileTokenStore, SpapsClient

        n.section("SPAPS: sign-in, session, catalog, checkout")
        token_file = output_dir / "spaps-tokens.json"
        if token_file.exists():
            token_file.unlink()
        # The default client speaks today's SPAPS contract (2026-10), served at /spaps-2026-10.
        spaps = SpapsClient(base_url=sb.base_url("spaps-2026-10"), api_key=sb_spaps.DEFAULT_API_KEY,
                            token_store=FileTokenStore(token_file))

        def sign_in() -> str:
            spaps.auth.sign_in_with_password(email=sb_spaps.DEFAULT_USER_EMAIL,
                                             password=sb_spaps.DEFAULT_USER_PASSWORD)
            mode = stat.S_IMODE(os.stat(token_file).st_mode)
            check(token_file.exists() and mode == 0o600, f"token file not persisted with 0600 (mode {mode:o})")
            return f"tokens persisted to {token_file} (mode {mode:o})"

        n.step("sign in with password", sign_in)
        current = n.step("current session", lambda: spaps.sessions.get_current_session())
        print(f"       session_id={current.session_id}")
        catalog = n.step("product catalog", lambda: spaps.payments.list_products(active=True, limit=10))
        check(len(catalog.products) > 0, "empty product catalog")
        product = catalog.products[0]
        print(f"       {len(catalog.products)} products; first: {product.name}")
        price_id = _price_id(product)
        checkout = n.step("create checkout session", lambda: spaps.payments.create_checkout_session(
            price_id=price_id, mode="subscription", success_url="https://example.com/success",
            cancel_url="https://example.com/cancel"))
        check(bool(checkout.checkout_url), "checkout has no URL")
        print(f"       checkout_url={checkout.checkout_url}")
        spaps.close()

        # --- Vellum ------------------------------------------------------------------------
        from paywire.vellum import VellumClient, verify_push_signature

        n.section("Vellum: provisioning, subscription, feature gate, signed push")
        vellum = VellumClient(api_key=sb_vellum.DEFAULT_API_KEY, tenant_id=sb_vellum.DEFAULT_TENANT,
                              base_url=sb.base_url("vellum-v1"), api_version="v1")
        receiver = _WebhookReceiver("whsec_demo_secret", verify_push_signature)
        sb.state("vellum").configure_push(receiver.url, "whsec_demo_secret")
        n.step("create account acct_demo and customer unit_1", lambda: (
            vellum.create_account(account_id="acct_demo", name="Demo Co", email="billing@example.com"),
            vellum.create_customer(account_id="acct_demo", customer_id="unit_1"))[1] and "")
        before = n.step("gate before subscribing: can(unit_1, 'exports')",
                        lambda: f"{vellum.can('unit_1', 'exports')}")
        check(before == "False", "a customer without a subscription can export")
        n.step("subscribe unit_1 to plan pro v1", lambda: vellum.create_subscription(
            account_id="acct_demo", customer_id="unit_1", plan_id="pro", plan_version=1) and "")
        vellum.invalidate("unit_1")
        after = n.step("gate after subscribing: can(unit_1, 'exports')", lambda: f"{vellum.can('unit_1', 'exports')}")
        check(after == "True", "the subscription did not grant 'exports'")

        def verify_push() -> str:
            delivered = sb.state("vellum").deliver_pushes()
            check(bool(receiver.verified), f"no push verified by the webhook endpoint ({delivered})")
            event = receiver.verified[-1]
            return (f"{len(receiver.verified)} push(es) received at {receiver.url}; last {event.get('type')} "
                    f"(eventId {event.get('eventId')}) signature verified")

        n.step("deliver Vellum pushes to a local webhook endpoint and verify them", verify_push)
        receiver.close()
        vellum.close()

        # --- Lumen -------------------------------------------------------------------------
        from paywire.lumen import LumenClient, send_event

        n.section("Lumen: enrollment, usage event, feature gate")
        lumen = LumenClient(api_key=sb_lumen.DEFAULT_API_KEY, api_url=sb.base_url("lumen"))
        n.step("enroll user_demo (free plan by enrollment rules)", lambda: lumen.enroll_user(
            email="demo@example.com", name="Demo User", user_id="user_demo") and "")
        key = "demo-event-0001"

        async def send_twice() -> str:
            first = await send_event(name=sb_lumen.API_CALL_EVENT, value=1, user_id="user_demo", idempotency_key=key,
                                     api_key=sb_lumen.DEFAULT_API_KEY, api_url=sb.base_url("lumen"))
            again = await send_event(name=sb_lumen.API_CALL_EVENT, value=1, user_id="user_demo", idempotency_key=key,
                                     api_key=sb_lumen.DEFAULT_API_KEY, api_url=sb.base_url("lumen"))
            check(first is not None and again is not None and again.status_code == 202, "event not accepted")
            counted = len(sb.state("lumen").events_for("user_demo", sb_lumen.API_CALL_EVENT))
            check(counted == 1, f"idempotent event counted {counted} times")
            return f"sent twice with idempotency key {key!r}; counted once"

        n.step("usage event with an idempotency key", lambda: asyncio.run(send_twice()))
        gate = n.step("feature gate: premium-feature", lambda: f"{lumen.is_feature_entitled('premium-feature', user_id='user_demo')}")
        check(gate == "False", "a free user got the premium feature")
        lumen.close()

        # --- CONXA -------------------------------------------------------------------------
        from paywire.conxa import CONXAClient

        n.section("CONXA: QR connect, approval, exactly-once charge")
        conxa = CONXAClient(api_key=sb_conxa.DEFAULT_API_KEY, provider_id=sb_conxa.DEFAULT_PROVIDER_ID,
                            base_url=sb.base_url("conxa"))
        user = "demo@example.com"

        def make_qr() -> str:
            qr = conxa.create_payment_qr(provider_username=user, limit=50_000, expires_in=120)
            png = base64.b64decode(qr.qr_base64.split(",", 1)[1])
            (output_dir / "connect.png").write_bytes(png)
            svg = conxa.create_payment_qr_svg(provider_username=user, limit=50_000, size=300)
            (output_dir / "connect.svg").write_text(svg)
            return f"{output_dir / 'connect.png'} ({len(png)} bytes) and connect.svg"

        n.step("create the connect QR (PNG + SVG)", make_qr)
        wallet = sb_conxa.DEFAULT_WALLET_ID
        n.step("wallet app scans and approves (sandbox control plane)",
               lambda: sb.state("conxa").approve(sb_conxa.DEFAULT_PROVIDER_ID, user, wallet, limit=50_000) and "")
        session = n.step("wait_for_connection", lambda: conxa.wait_for_connection(user, timeout=10, poll_interval=0.3))
        check(session.is_active and bool(session.session_token), "connection not active")
        start = conxa.get_wallet_balance(wallet).tokens
        sb.faults.add("conxa:authorize_charge", reset="after", times=1)
        charge_key = "demo-charge-0001"

        def charge() -> str:
            result = conxa.charge(session_token=session.session_token, idempotency_key=charge_key,
                                  model_name="gpt-4", input_tokens=1000, output_tokens=500)
            check(result.approved, f"charge not approved: {result.error}")
            attempts = [r for r in sb.requests if r.get("op") == "authorize_charge"]
            debits = [d for d in sb.state("conxa").ledger if d.idempotency_key == charge_key]
            check(len(attempts) == 2 and bool(attempts[0].get("fault")), "the dropped connection was not retried")
            check(len(debits) == 1, f"{len(debits)} debits for one charge")
            return (f"connection dropped after the debit committed; retried with the same key -> "
                    f"1 debit, new balance {result.new_balance}")

        n.step("charge 1000+500 tokens (first attempt's connection is dropped)", charge)
        end = n.step("wallet balance", lambda: conxa.get_wallet_balance(wallet).tokens)
        check(end < start, "balance did not go down")
        print(f"       {start:,} -> {end:,} tokens")
        conxa.close()


class _WebhookReceiver:
    """Your app's ``/webhooks/vellum`` endpoint: verifies each push with paywire, answers 400 if bad."""

    def __init__(self, secret: str, verify: Callable[..., Any]) -> None:
        import http.server
        import threading

        verified: list[dict[str, Any]] = []
        self.verified = verified

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                try:
                    event = verify(raw, self.headers.get("x-vellum-signature") or "", secret)
                except Exception:
                    self.send_response(400)
                else:
                    verified.append(event)
                    self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # keep the demo output clean
                return

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/webhooks/vellum"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _price_id(product: Any) -> str:
    price = getattr(product, "default_price", None)
    pid = getattr(price, "id", None) if price is not None else None
    if isinstance(price, str):
        pid = price
    if not pid:
        prices = getattr(product, "prices", None) or []
        pid = getattr(prices[0], "id", None) if prices else None
    check(bool(pid), "product has no price")
    return str(pid)


def main(output_dir: str | os.PathLike[str] = "paywire-demo") -> int:
    narrator = Narrator()
    print("paywire demo: SPAPS, Vellum, Lumen and CONXA end to end on the local sandbox")
    try:
        run_demo(Path(output_dir), narrator)
    except DemoFailure as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        print(f"\nFAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exc(limit=3)
        return 1
    elapsed = time.perf_counter() - narrator.started
    print(f"\nall {narrator.steps} steps passed in {elapsed:.1f} s")
    return 0

"""The seed README's examples (``spaps`` 0.1.4, seed 000), with only the import changed from
``spaps_client`` to ``paywire.spaps``, run two ways:

* **verbatim** against a respx mock of ``http://localhost:3300`` (placeholders such as
  ``"0xabc..."`` and ``"token-from-email"`` included);
* against the **sandbox**, where only the placeholder *values* are replaced by live ones (the base
  URL, a real wallet address and signer, the tokens from the outbox, and an open checkout session
  for the force-expire line: a completed one cannot be expired).

Each way runs against both contracts, the code unchanged: with the default ``api_version``
(2026-10) against today's server (a mock of its wire shapes; the sandbox's ``spaps-2026-10``
profile), and with ``SPAPS_API_VERSION=2025-11`` in the environment against the seed-era server
the README describes (a mock of the 0.1.4 wire; the sandbox's ``spaps`` profile). That is the
documented decision: the examples run as written against today's server; a user of the seed SDK
whose server is still of that era pins 2025-11 (here without touching the code).

Sync examples run as they are; the async ones through ``asyncio.run`` exactly as written, or,
for the two snippets that use ``await`` at the top level, wrapped in an ``async def``.
"""

from __future__ import annotations

import asyncio
import re
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import ok
from coincurve import PrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from paywire.sandbox.spaps import (
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_PASSWORD,
    SpapsState,
    b58encode,
    eip191_digest,
    keccak256,
)

# --- the README, import changed ---------------------------------------------------------------------
QUICKSTART = '''
from paywire.spaps import SpapsClient

spaps = SpapsClient(base_url="http://localhost:3300", api_key="test_key_local_dev_only")

# Authenticate (tokens are persisted automatically)
spaps.auth.sign_in_with_password(email="user@example.com", password="Secret123!")

# Call downstream services using the stored access token
current = spaps.sessions.get_current_session()
print(current.session_id)

checkout = spaps.payments.create_checkout_session(
    price_id="price_123",
    mode="subscription",
    success_url="https://example.com/success",
    cancel_url="https://example.com/cancel",
)
print(checkout.checkout_url)

spaps.close()
'''

RETRY_AND_LOGGING = '''
from paywire.spaps import SpapsClient, RetryConfig, default_logging_hooks

spaps = SpapsClient(
    base_url="http://localhost:3300",
    api_key="test_key_local_dev_only",
    retry_config=RetryConfig(max_attempts=4, backoff_factor=0.2),
    logging_hooks=default_logging_hooks(),
)
'''

MAGIC_AND_WALLET = '''
# Send a sign-in email
spaps.auth.send_magic_link(email="user@example.com")

# Later, exchange the token from the link for session tokens (persisted automatically)
magic_result = spaps.auth.verify_magic_link(token="token-from-email")
print(magic_result.user.email)

# Wallet flow (Solana/Ethereum)
nonce = spaps.auth.request_nonce(wallet_address="0xabc...", chain="ethereum")
signature = sign_message_with_wallet(nonce.message)  # your wallet integration
wallet_tokens = spaps.auth.verify_wallet(
    wallet_address="0xabc...",
    signature=signature,
    message=nonce.message,
    chain="ethereum",
)
print(wallet_tokens.user.wallet_address)
'''

PROFILE = '''
profile = spaps.auth.get_current_user()
print(profile.id, profile.email, profile.tier)
'''

PASSWORD_RESET = '''
spaps.auth.request_password_reset(email="user@example.com")

spaps.auth.confirm_password_reset(
    token="reset-token-from-email",
    new_password="Sup3rStrong!",
)
'''

CATALOG = '''
catalog = spaps.payments.list_products(category="subscription", active=True, limit=10)
for product in catalog.products:
    print(product.name, product.default_price)

detail = spaps.payments.get_product("prod_123")
print(detail.prices[0].nickname)
'''

SUBSCRIPTIONS = '''
# Fetch active subscriptions for the current user
subs = spaps.payments.list_subscriptions(status="active")
print(subs.subscriptions[0].status)

# Inspect a specific subscription and switch to a new price
detail = spaps.payments.get_subscription(subscription_id="sub_123")
print(detail.plan.interval)

spaps.payments.update_subscription(subscription_id="sub_123", price_id="price_plus")

# Cancel immediately (versus at period end)
spaps.payments.cancel_subscription(subscription_id="sub_123", immediately=True)
'''

CHECKOUT_MANAGEMENT = '''
# Lookup previously created checkout sessions
session = spaps.payments.get_checkout_session(session_id="cs_test_123")
print(session.payment_status)

sessions = spaps.payments.list_checkout_sessions(limit=5)
print(len(sessions.sessions))

# Force-expire a stale session
spaps.payments.expire_checkout_session(session_id="cs_test_123")
'''

GUEST_CHECKOUT = '''
# API-key-only guest checkout helpers
guest = spaps.payments.create_guest_checkout_session(
    customer_email="guest@example.com",
    mode="payment",
    line_items=[{"price_id": "price_basic", "quantity": 1}],
    success_url="https://example.com/success",
    cancel_url="https://example.com/cancel",
)

guest_detail = spaps.payments.get_guest_checkout_session(session_id=guest.id)
print(guest_detail.payment_status)

guest_sessions = spaps.payments.list_guest_checkout_sessions(limit=10)
print(guest_sessions.sessions[0].session_id)
'''

PAYMENT_HISTORY = '''
history = spaps.payments.list_payment_history(limit=20, status="succeeded")
for charge in history.payments:
    print(charge.id, charge.amount, charge.status)

detail = spaps.payments.get_payment_detail(payment_id="pi_123")
print(detail.metadata)
'''

ASYNC_QUICKSTART = '''
import asyncio
from paywire.spaps import AsyncSpapsClient

async def main():
    client = AsyncSpapsClient(base_url="http://localhost:3300", api_key="test_key_local_dev_only")
    try:
        await client.auth.sign_in_with_password(email="user@example.com", password="Secret123!")
        current = await client.sessions.list_sessions()
        print(len(current.sessions))
    finally:
        await client.aclose()

asyncio.run(main())
'''

ASYNC_WALLET = '''
nonce = await client.auth.request_nonce(wallet_address="0xabc...", chain="solana")
signature = await sign_message_async(nonce.message)
await client.auth.verify_wallet(
    wallet_address="0xabc...",
    signature=signature,
    message=nonce.message,
    chain="solana",
)
'''

ASYNC_PROFILE = '''
profile = await client.auth.get_current_user()
print(profile.username)
'''

PERMISSIONS = '''
from paywire.spaps import PermissionChecker

checker = PermissionChecker(customAdmins=["founder@example.com"])
role = checker.getRole("user@example.com")
if checker.requiresAdmin({"email": "user@example.com"}):
    raise PermissionError(checker.getErrorMessage("admin", role, action="change billing settings"))
'''

#: the snippets that use a client named ``spaps`` made by an earlier snippet
SPAPS_SNIPPETS = {"magic_and_wallet": MAGIC_AND_WALLET, "profile": PROFILE, "password_reset": PASSWORD_RESET,
                  "catalog": CATALOG, "subscriptions": SUBSCRIPTIONS, "checkout_management": CHECKOUT_MANAGEMENT,
                  "guest_checkout": GUEST_CHECKOUT, "payment_history": PAYMENT_HISTORY}


def test_the_snippets_change_only_the_import() -> None:
    every = [QUICKSTART, RETRY_AND_LOGGING, *SPAPS_SNIPPETS.values(), ASYNC_QUICKSTART, ASYNC_WALLET, ASYNC_PROFILE,
             PERMISSIONS]
    text = "\n".join(every)
    assert "spaps_client" not in text
    assert re.findall(r"^from (\S+) import", text, re.M) == ["paywire.spaps"] * 4


def run_async_snippets(*codes: str, namespace: dict[str, Any]) -> None:
    """Top-level ``await`` snippets run, one after the other, inside one ``async def`` on one
    event loop (the only wrapping); the client is closed on that loop at the end."""
    body = textwrap.indent(textwrap.dedent("\n".join(codes)), "        ")
    exec(f"async def __snippet():\n    try:\n{body}\n        return locals()\n"
         f"    finally:\n        await client.aclose()", namespace)
    namespace.update(asyncio.run(namespace["__snippet"]()))


# --- verbatim, against a mock of localhost:3300 -------------------------------------------------------
SUB = {"id": "sub_123", "status": "active", "items": [{"id": "si_1", "price": {
    "id": "price_123", "unit_amount": 1999, "currency": "usd", "recurring": {"interval": "month"}}}]}
PRODUCT = {"id": "prod_123", "name": "Sweet Potato Pro", "prices": [{"id": "price_123", "nickname": "Pro monthly"}],
           "default_price": {"id": "price_123", "nickname": "Pro monthly"}}
TOKENS = {"access_token": "acc_readme_0123456789", "refresh_token": "ref_readme_0123456789", "expires_in": 900}


CONTRACTS = ["2026-10", "2025-11"]


@pytest.fixture(params=CONTRACTS)
def contract(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which server the examples talk to; 2025-11 is selected by the environment alone."""
    version = str(request.param)
    if version == "2025-11":
        monkeypatch.setenv("SPAPS_API_VERSION", version)
    return version


@pytest.fixture
def localhost(contract: str) -> Iterator[respx.MockRouter]:
    """A mock of the server at localhost:3300, with the wire shapes of ``contract``."""
    today = contract == "2026-10"
    with respx.mock(base_url="http://localhost:3300", assert_all_called=False) as r:
        r.post("/api/auth/login").mock(return_value=ok({**TOKENS, "user": {"id": "usr_1", "email": "user@example.com"}}))
        r.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "sess_readme"}}))
        sessions = ok({"sessions": [{"id": "sess_readme"}], "total": 1})
        if today:  # list at the slash path, checkout at the Stripe path with line_items, nested magic link
            r.get("/api/sessions").mock(return_value=httpx.Response(307, headers={"Location": "/api/sessions/"}))
            r.get("/api/sessions/").mock(return_value=sessions)
            r.post("/api/stripe/checkout-sessions", json__line_items=[{"price_id": "price_123", "quantity": 1}]).mock(
                return_value=ok({"id": "cs_1", "url": "https://checkout.example/cs_1"}))
            r.post("/api/auth/verify-magic-link").mock(return_value=ok(
                {"message": "Signed in", "user": {"id": "usr_1", "email": "user@example.com"}, "tokens": TOKENS}))
        else:
            r.get("/api/sessions").mock(return_value=sessions)
            r.post("/api/payments/create-checkout-session").mock(return_value=ok(
                {"session_id": "cs_1", "checkout_url": "https://checkout.example/cs_1"}))
            r.post("/api/auth/verify-magic-link").mock(return_value=httpx.Response(200, json={
                "success": True, "user": {"id": "usr_1", "email": "user@example.com"}, "tokens": TOKENS}))
        r.post("/api/auth/magic-link").mock(return_value=ok({"email": "user@example.com"}, message="sent"))
        r.post("/api/auth/nonce").mock(return_value=ok({"nonce": "n", "message": "Sign this: n"}))
        r.post("/api/auth/wallet-sign-in").mock(return_value=ok(
            {**TOKENS, "user": {"id": "usr_w", "wallet_address": "0xabc..."}}))
        r.get("/api/auth/user").mock(return_value=ok({"user": {"id": "usr_1", "email": "user@example.com",
                                                               "tier": "pro", "username": "sweetpotato"}}))
        r.post("/api/auth/password-reset").mock(return_value=ok({"email": "user@example.com"}, message="If an account"))
        r.post("/api/auth/reset-password-confirm").mock(return_value=httpx.Response(200, json={"success": True}))
        r.get("/api/stripe/products").mock(return_value=ok({"products": [PRODUCT], "total": 1}))
        r.get("/api/stripe/products/prod_123").mock(return_value=ok(PRODUCT))
        r.get("/api/stripe/subscriptions").mock(return_value=ok({"subscriptions": [SUB], "has_more": False}))
        r.get("/api/stripe/subscription/sub_123").mock(return_value=ok(SUB))
        r.post("/api/stripe/subscription/sub_123/update").mock(return_value=ok(SUB))
        r.post("/api/stripe/subscription/sub_123/cancel").mock(return_value=ok({**SUB, "status": "canceled"}))
        r.get("/api/stripe/checkout-sessions/cs_test_123").mock(return_value=ok(
            {"id": "cs_test_123", "payment_status": "paid"}))
        r.get("/api/stripe/checkout-sessions").mock(return_value=ok({"sessions": [{"id": "cs_test_123"}]}))
        r.post("/api/stripe/checkout-sessions/cs_test_123/expire").mock(return_value=ok(
            {"id": "cs_test_123", "status": "expired", "expired": True}))
        r.post("/api/stripe/guest-checkout-sessions").mock(return_value=ok({"id": "cs_guest", "url": "https://x"}))
        r.get("/api/stripe/guest-checkout-sessions/cs_guest").mock(return_value=ok(
            {"id": "cs_guest", "payment_status": "unpaid"}))
        r.get("/api/stripe/guest-checkout-sessions").mock(return_value=ok({"sessions": [{"session_id": "cs_guest"}]}))
        r.get("/api/stripe/history").mock(return_value=ok({"payments": [
            {"id": "pi_123", "amount": 1999, "status": "succeeded"}]}))
        r.get("/api/stripe/payment/pi_123").mock(return_value=ok({"payment": {"id": "pi_123", "metadata": {"o": "1"}}}))
        yield r


def test_verbatim_sync_readme(localhost: respx.MockRouter, contract: str, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, Any] = {"sign_message_with_wallet": lambda message: "0x" + "12" * 65}
    exec(QUICKSTART, namespace)
    out = capsys.readouterr().out.split("\n")
    assert out[:2] == ["sess_readme", "https://checkout.example/cs_1"]
    assert namespace["spaps"].api_version == contract
    exec(RETRY_AND_LOGGING, namespace)
    for code in SPAPS_SNIPPETS.values():
        exec(code, namespace)
    printed = capsys.readouterr().out
    for expected in ("user@example.com", "0xabc...", "usr_1 user@example.com pro", "Sweet Potato Pro", "Pro monthly",
                     "active", "month", "paid", "unpaid", "cs_guest", "pi_123 1999 succeeded", "{'o': '1'}"):
        assert expected in printed
    assert localhost.routes  # every call above went to the mocked localhost:3300
    namespace["spaps"].close()


def test_verbatim_async_readme(localhost: respx.MockRouter, contract: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(ASYNC_QUICKSTART, {})
    assert capsys.readouterr().out.strip() == "1"
    from paywire.spaps import AsyncSpapsClient

    async def sign_message_async(message: str) -> str:
        return "solana-signature-placeholder"

    client = AsyncSpapsClient(base_url="http://localhost:3300", api_key="test_key_local_dev_only")
    assert client.api_version == contract
    namespace: dict[str, Any] = {"client": client, "sign_message_async": sign_message_async}
    run_async_snippets(ASYNC_WALLET, ASYNC_PROFILE, namespace=namespace)
    assert capsys.readouterr().out.strip() == "sweetpotato"


def test_permissions_snippet_raises_for_a_plain_user() -> None:
    with pytest.raises(PermissionError, match="Admin privileges required to change billing settings"):
        exec(PERMISSIONS, {})


# --- against the sandbox, placeholder values replaced by live ones ---------------------------------------
class Live:
    """Substitutions for the README's placeholders, on the sandbox profile of ``contract``."""

    def __init__(self, sandbox: Any, contract: str) -> None:
        self.sandbox = sandbox
        self.contract = contract
        self.url = sandbox.base_url("spaps-2026-10" if contract == "2026-10" else "spaps")
        self.st: SpapsState = sandbox.state("spaps")
        self.eth_key = PrivateKey()
        self.eth_address = "0x" + keccak256(self.eth_key.public_key.format(compressed=False)[1:])[-20:].hex()
        self.sol_key = Ed25519PrivateKey.generate()
        self.sol_address = b58encode(self.sol_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    def code(self, snippet: str, *, chain: str = "ethereum") -> str:
        address = self.eth_address if chain == "ethereum" else self.sol_address
        return (snippet.replace("http://localhost:3300", self.url)
                .replace('"0xabc..."', repr(address))
                .replace('"token-from-email"', '_outbox("magic_link")')
                .replace('"reset-token-from-email"', '_outbox("password_reset")')
                .replace('expire_checkout_session(session_id="cs_test_123")',
                         "expire_checkout_session(session_id=_open_checkout())"))

    def namespace(self, **extra: Any) -> dict[str, Any]:
        def sign_message_with_wallet(message: str) -> str:
            sig = self.eth_key.sign_recoverable(eip191_digest(message), hasher=None)
            return "0x" + (sig[:64] + bytes([sig[64] + 27])).hex()

        async def sign_message_async(message: str) -> str:
            return b58encode(self.sol_key.sign(message.encode()))

        return {"_outbox": lambda kind: self.st.last_token(DEFAULT_USER_EMAIL, kind),
                "sign_message_with_wallet": sign_message_with_wallet, "sign_message_async": sign_message_async,
                **extra}

    def signed_in_client(self) -> Any:
        from paywire.spaps import SpapsClient

        client = SpapsClient(base_url=self.url, api_key="test_key_local_dev_only")
        assert client.api_version == self.contract
        client.auth.sign_in_with_password(email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
        return client


@pytest.fixture
def live(paywire_sandbox: Any, contract: str) -> Live:
    return Live(paywire_sandbox, contract)


def test_sandbox_quickstart_and_retry_config(live: Live, capsys: pytest.CaptureFixture[str]) -> None:
    exec(live.code(QUICKSTART), live.namespace())
    session_id, checkout_url = capsys.readouterr().out.split()
    assert session_id.startswith("sess_") and checkout_url.startswith("https://")
    namespace = live.namespace()
    exec(live.code(RETRY_AND_LOGGING), namespace)
    assert namespace["spaps"].retry_config.max_attempts == 4
    namespace["spaps"].close()


@pytest.mark.parametrize("name", list(SPAPS_SNIPPETS))
def test_sandbox_sync_snippets(live: Live, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    client = live.signed_in_client()
    opened = client.payments.create_checkout_session(
        price_id="price_123", mode="subscription", success_url="https://example.com/success",
        cancel_url="https://example.com/cancel")
    namespace = live.namespace(spaps=client, _open_checkout=lambda: opened.session_id)
    exec(live.code(SPAPS_SNIPPETS[name]), namespace)
    printed = capsys.readouterr().out
    checks: dict[str, Callable[[], bool]] = {
        "magic_and_wallet": lambda: printed.split() == [DEFAULT_USER_EMAIL, live.eth_address],
        "profile": lambda: printed.split()[1:] == [DEFAULT_USER_EMAIL, "pro"],
        "password_reset": lambda: client.auth.sign_in_with_password(
            email=DEFAULT_USER_EMAIL, password="Sup3rStrong!").signed_in,
        "catalog": lambda: "Sweet Potato Pro" in printed and printed.strip().endswith("Pro monthly"),
        "subscriptions": lambda: printed.split() == ["active", "month"]
        and client.payments.get_subscription(subscription_id="sub_123").status == "canceled",
        "checkout_management": lambda: printed.split()[0] == "paid"
        and client.payments.get_checkout_session(session_id=opened.session_id).status == "expired",
        "guest_checkout": lambda: printed.split() == ["unpaid", namespace["guest"].id],
        "payment_history": lambda: printed.split("\n")[0] == "pi_123 1999 succeeded"
        and "{'subscription': 'sub_123'}" in printed,
    }
    assert checks[name](), printed
    client.close()


def test_sandbox_async_snippets(live: Live, capsys: pytest.CaptureFixture[str]) -> None:
    exec(live.code(ASYNC_QUICKSTART), live.namespace())
    assert capsys.readouterr().out.strip() == "1"
    from paywire.spaps import AsyncSpapsClient

    client = AsyncSpapsClient(base_url=live.url, api_key="test_key_local_dev_only")
    namespace = live.namespace(client=client)
    check = "wallet_user = await client.auth.get_current_user()"
    run_async_snippets(live.code(ASYNC_WALLET, chain="solana"), ASYNC_PROFILE, check, namespace=namespace)
    assert capsys.readouterr().out.strip() == "None"  # a fresh wallet user has no username
    assert client.get_tokens() is not None
    assert namespace["wallet_user"].wallets[0].wallet_address == live.sol_address

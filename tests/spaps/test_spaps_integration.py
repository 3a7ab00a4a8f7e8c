"""paywire.spaps against the SPAPS sandbox over real HTTP, sync and async.

The sandbox keeps real state: rotating single-use refresh tokens (a reused one revokes the
session), an outbox for magic links and resets, real ed25519 / EIP-191 signature checks for
wallet sign-in, checkout and subscriptions on its clock, idempotent usage records.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _spaps_helpers import SEED_VERSION, burst, call, collect
from coincurve import PrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

import paywire
from paywire.sandbox.spaps import (
    ACCESS_TOKEN_TTL,
    DEFAULT_API_KEY,
    DEFAULT_RECON_TOKEN,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_PASSWORD,
    REFRESH_REUSE_INTERVAL,
    SEED_CHECKOUT_SESSION_ID,
    SEED_PAYMENT_ID,
    SEED_SUBSCRIPTION_ID,
    SpapsState,
    b58encode,
    eip191_digest,
    keccak256,
)
from paywire.spaps import (
    AuthError,
    FileTokenStore,
    NotSignedInError,
    PaymentsError,
    SessionError,
    UsageError,
)


@pytest.fixture
def st(paywire_sandbox: Any) -> SpapsState:
    state: SpapsState = paywire_sandbox.state("spaps")
    return state


@pytest.fixture
def version() -> str:
    """This module is about the seed-era contract: the conftest's ``connect`` gives clients of
    this test's flavour on the sandbox's ``spaps`` profile, pinned to 2025-11 (default key)."""
    return SEED_VERSION


async def signed_in(connect: Callable[..., Any], **kwargs: Any) -> Any:
    client = connect(**kwargs)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    return client


def ops(paywire_sandbox: Any, op: str) -> list[dict[str, Any]]:
    return [r for r in paywire_sandbox.requests if r["op"] == op]


def eth_wallet() -> tuple[PrivateKey, str]:
    key = PrivateKey()
    return key, "0x" + keccak256(key.public_key.format(compressed=False)[1:])[-20:].hex()


def eth_sign(key: PrivateKey, message: str) -> str:
    sig = key.sign_recoverable(eip191_digest(message), hasher=None)
    return "0x" + (sig[:64] + bytes([sig[64] + 27])).hex()


def sol_wallet() -> tuple[Ed25519PrivateKey, str]:
    key = Ed25519PrivateKey.generate()
    return key, b58encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


# --- sign-in flows --------------------------------------------------------------------------------
async def test_password_sign_in_profile_and_sessions(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    profile = await call(client.auth.get_current_user)
    assert profile.email == DEFAULT_USER_EMAIL and profile.tier == "pro" and profile.id
    current = await call(client.sessions.get_current_session)
    assert current.session_id.startswith("sess_") and current.user_id == profile.id
    validation = await call(client.sessions.validate_session)
    assert validation.valid and validation.session_id == current.session_id
    touched = await call(client.sessions.touch_session)
    assert touched.session_id == current.session_id
    listed = await call(client.sessions.list_sessions)
    assert [s.session_id for s in listed.sessions] == [current.session_id] and listed.sessions[0].is_current
    assert [s.id for s in await collect(client.sessions.iter_sessions(page_size=1))] == [current.session_id]
    for entry in paywire_sandbox.requests:
        assert entry["op"] != "refresh_tokens"


async def test_wrong_password(connect: Callable[..., Any]) -> None:
    client = connect()
    with pytest.raises(AuthError) as info:
        await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password="not-the-password")
    assert isinstance(info.value, paywire.AuthenticationError) and info.value.error_code == "INVALID_CREDENTIALS"
    assert info.value.request_id and client.get_tokens() is None


async def test_magic_link_via_the_outbox(connect: Callable[..., Any], st: SpapsState) -> None:
    client = connect()
    sent = await call(client.auth.send_magic_link, email="magic@example.com")
    assert sent.email == "magic@example.com" and sent.message
    token = st.last_token("magic@example.com", "magic_link")
    result = await call(client.auth.verify_magic_link, token=token)
    assert result.user.email == "magic@example.com" and client.get_tokens() is not None
    assert (await call(client.auth.get_current_user)).email == "magic@example.com"
    with pytest.raises(AuthError) as info:  # single use
        await call(client.auth.verify_magic_link, token=token)
    assert info.value.error_code == "INVALID_TOKEN"


async def test_password_reset_via_the_outbox(connect: Callable[..., Any], st: SpapsState) -> None:
    client = connect()
    sent = await call(client.auth.request_password_reset, email=DEFAULT_USER_EMAIL)
    assert sent.message and sent.message.startswith("If an account")
    token = st.last_token(DEFAULT_USER_EMAIL, "password_reset")
    await call(client.auth.confirm_password_reset, token=token, new_password="Sup3rStrong!")
    with pytest.raises(AuthError):
        await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password="Sup3rStrong!")


@pytest.mark.parametrize("envelope", ["flat", "nested"])
async def test_register_with_auto_login(connect: Callable[..., Any], st: SpapsState, envelope: str) -> None:
    st.set_auth_envelope(envelope)
    client = connect()
    result = await call(client.auth.register, email="fresh@example.com", password="Fresh-pass-1", username="fresh")
    assert result.signed_in and result.user.email == "fresh@example.com" and result.token_type == "Bearer"
    assert (await call(client.auth.get_current_user)).username == "fresh"
    with pytest.raises(AuthError) as info:
        await call(client.auth.register, email="fresh@example.com", password="Fresh-pass-1")
    assert info.value.error_code == "EMAIL_ALREADY_EXISTS" and isinstance(info.value, paywire.BadRequestError)


async def test_register_needing_confirmation(connect: Callable[..., Any], st: SpapsState) -> None:
    st.require_email_confirmation = True
    client = connect()
    result = await call(client.auth.register, email="confirm@example.com", password="Fresh-pass-1")
    assert not result.signed_in and result.user.email == "confirm@example.com" and client.get_tokens() is None
    confirmed = await call(client.auth.verify_magic_link,
                           token=st.last_token("confirm@example.com", "email_confirmation"))
    assert confirmed.signed_in and client.get_tokens() is not None


async def test_ethereum_wallet_sign_in_with_a_real_signature(connect: Callable[..., Any]) -> None:
    key, address = eth_wallet()
    client = connect()
    nonce = await call(client.auth.request_nonce, wallet_address=address, chain="ethereum")
    assert nonce.message.startswith("Sign this message")
    tokens = await call(client.auth.verify_wallet, wallet_address=address, signature=eth_sign(key, nonce.message),
                        message=nonce.message, chain="ethereum")
    assert tokens.user.wallet_address.lower() == address.lower()
    profile = await call(client.auth.get_current_user)
    assert profile.wallets[0].wallet_address.lower() == address.lower()


async def test_solana_wallet_sign_in_with_a_real_signature(connect: Callable[..., Any]) -> None:
    key, address = sol_wallet()
    client = connect()
    nonce = await call(client.auth.request_nonce, wallet_address=address, chain="solana")
    signature = b58encode(key.sign(nonce.message.encode()))
    tokens = await call(client.auth.verify_wallet, wallet_address=address, signature=signature,
                        message=nonce.message, chain="solana")
    assert tokens.user.wallet_address == address and client.get_tokens() is not None


async def test_wallet_signature_from_another_key_is_refused(connect: Callable[..., Any]) -> None:
    _, address = eth_wallet()
    impostor, _ = eth_wallet()
    client = connect()
    nonce = await call(client.auth.request_nonce, wallet_address=address, chain="ethereum")
    with pytest.raises(AuthError) as info:
        await call(client.auth.verify_wallet, wallet_address=address, signature=eth_sign(impostor, nonce.message),
                   message=nonce.message, chain="ethereum")
    assert info.value.error_code == "INVALID_SIGNATURE" and client.get_tokens() is None


# --- refresh ----------------------------------------------------------------------------------------
async def test_server_side_expiry_is_refreshed_once(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    before = client.get_tokens()
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)  # the server now rejects the access token
    current = await call(client.sessions.get_current_session)
    assert current.session_id
    assert len(ops(paywire_sandbox, "refresh_tokens")) == 1
    after = client.get_tokens()
    assert after.access_token != before.access_token and after.refresh_token != before.refresh_token


async def test_client_side_expiry_refreshes_before_sending(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    client.token_manager.clock = lambda: time.time() + ACCESS_TOKEN_TTL + 1
    await call(client.auth.get_current_user)
    names = [r["op"] for r in paywire_sandbox.requests]
    assert names[-2:] == ["refresh_tokens", "get_current_user"]  # no 401 round trip


async def test_manual_refresh_rotates_and_the_old_token_is_dead(connect: Callable[..., Any],
                                                                paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    old = client.get_tokens().refresh_token
    result = await call(client.auth.refresh_tokens)
    assert result.signed_in and result.user is None and client.get_tokens().refresh_token != old
    paywire_sandbox.clock.advance(REFRESH_REUSE_INTERVAL)  # dead once the reuse interval is over
    with pytest.raises(AuthError) as info:
        await call(client.auth.refresh_tokens, refresh_token=old)
    assert info.value.error_code == "INVALID_REFRESH"


async def test_twenty_concurrent_calls_after_expiry_refresh_once(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    results = await burst(client, 20)
    assert not [r for r in results if isinstance(r, BaseException)], results
    assert len(results) == 20 and len({r.session_id for r in results}) == 1
    refreshes = ops(paywire_sandbox, "refresh_tokens")
    assert len(refreshes) == 1  # a second use of the rotated token would have revoked the session


async def test_revoked_session_signs_the_client_out(connect: Callable[..., Any], paywire_sandbox: Any,
                                                    st: SpapsState) -> None:
    client = await signed_in(connect)
    current = await call(client.sessions.get_current_session)
    st.revoke_session(current.session_id)
    with pytest.raises(AuthError) as info:  # 401 INVALID_SESSION -> refresh rejected -> signed out
        await call(client.auth.get_current_user)
    assert isinstance(info.value, paywire.AuthenticationError) and info.value.error_code == "INVALID_REFRESH"
    assert client.get_tokens() is None
    with pytest.raises(NotSignedInError):
        await call(client.auth.get_current_user)


async def test_revoking_another_session(connect: Callable[..., Any]) -> None:
    laptop = await signed_in(connect)
    phone = await signed_in(connect)
    phone_session = (await call(phone.sessions.get_current_session)).session_id
    listed = await call(laptop.sessions.list_sessions)
    assert phone_session in {s.session_id for s in listed.sessions}
    revoked = await call(laptop.sessions.revoke_session, phone_session)
    assert revoked.session_id == phone_session
    with pytest.raises(SessionError) as info:
        await call(laptop.sessions.revoke_session, "sess_does_not_exist")
    assert info.value.error_code == "SESSION_NOT_FOUND" and isinstance(info.value, paywire.NotFoundError)
    with pytest.raises(AuthError):
        await call(phone.sessions.get_current_session)
    assert phone.get_tokens() is None


async def test_sign_out(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    tokens = client.get_tokens()
    result = await call(client.auth.sign_out)
    assert result.message and client.get_tokens() is None
    other = connect()
    other.set_tokens(tokens)
    with pytest.raises(AuthError):  # the server ended the session: refresh is rejected too
        await call(other.auth.get_current_user)


def test_processes_sharing_a_file_store_refresh_once(paywire_sandbox: Any, tmp_path: Path) -> None:
    """Four processes, one token file, tokens rejected by the server: one refresh in total."""
    path = tmp_path / "tokens.json"
    url = paywire_sandbox.base_url("spaps")
    from paywire.spaps import SpapsClient

    with SpapsClient(base_url=url, api_key=DEFAULT_API_KEY, token_store=FileTokenStore(path),
                     api_version="2025-11") as client:
        client.auth.sign_in_with_password(email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    script = textwrap.dedent(f"""
        import sys, time
        from paywire.spaps import SpapsClient, FileTokenStore
        start = float(sys.argv[1])
        with SpapsClient(base_url={url!r}, api_key={DEFAULT_API_KEY!r}, api_version="2025-11",
                         token_store=FileTokenStore({str(path)!r})) as client:
            time.sleep(max(0.0, start - time.time()))
            print(client.sessions.get_current_session().session_id, client.token_manager.refresh_count)
    """)
    start = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", script, str(start)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-2000:] for o in outputs]
    sessions = {o[0].split()[0] for o in outputs}
    assert len(sessions) == 1
    assert sum(int(o[0].split()[1]) for o in outputs) == 1
    assert len(ops(paywire_sandbox, "refresh_tokens")) == 1


# --- payments -------------------------------------------------------------------------------------------
async def test_checkout_sessions(connect: Callable[..., Any], st: SpapsState) -> None:
    client = await signed_in(connect)
    checkout = await call(client.payments.create_checkout_session, price_id="price_123", mode="subscription",
                          success_url="https://example.com/success", cancel_url="https://example.com/cancel",
                          metadata={"order": "o-1"})
    assert checkout.checkout_url.startswith("https://") and checkout.session_id
    detail = await call(client.payments.get_checkout_session, session_id=checkout.session_id)
    assert detail.status == "open" and detail.payment_status == "unpaid"
    listed = await call(client.payments.list_checkout_sessions, limit=5)
    assert checkout.session_id in {s.id for s in listed.sessions}
    everything = await collect(client.payments.iter_checkout_sessions(page_size=1))
    assert {s.id for s in everything} >= {checkout.session_id, SEED_CHECKOUT_SESSION_ID}
    expired = await call(client.payments.expire_checkout_session, session_id=checkout.session_id)
    assert expired.expired and expired.status == "expired"
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.create_checkout_session, price_id="price_nope", mode="payment",
                   success_url="https://example.com/s", cancel_url="https://example.com/c")
    assert info.value.error_code == "INVALID_PRICE"


async def test_guest_checkout_without_a_user(connect: Callable[..., Any], st: SpapsState) -> None:
    client = connect()  # never signed in
    guest = await call(client.payments.create_guest_checkout_session, customer_email="guest@example.com",
                       mode="payment", line_items=[{"price_id": "price_basic", "quantity": 1}],
                       success_url="https://example.com/success", cancel_url="https://example.com/cancel")
    assert guest.id and guest.checkout_url and guest.customer_email == "guest@example.com"
    detail = await call(client.payments.get_guest_checkout_session, session_id=guest.id)
    assert detail.payment_status == "unpaid"
    st.complete_checkout(guest.id)
    assert (await call(client.payments.get_guest_checkout_session, session_id=guest.id)).payment_status == "paid"
    listed = await call(client.payments.list_guest_checkout_sessions, limit=10, customer_email="guest@example.com")
    assert listed.sessions[0].session_id == guest.id
    assert [s.session_id for s in await collect(client.payments.iter_guest_checkout_sessions())] == [guest.id]
    converted = await call(client.payments.convert_guest_checkout_session, session_id=guest.id,
                           email="guest@example.com", send_magic_link=True)
    assert converted.success and converted.user_id and converted.magic_link_sent
    await call(client.auth.verify_magic_link, token=st.last_token("guest@example.com", "magic_link"))
    history = await call(client.payments.list_payment_history)
    assert len(history.payments) == 1 and history.payments[0].amount == 999


async def test_catalogue_and_subscriptions(connect: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    catalog = await call(client.payments.list_products, category="subscription", active=True, limit=10)
    assert [p.id for p in catalog.products] == ["prod_123"]
    assert catalog.products[0].default_price.nickname == "Pro monthly"
    every = await collect(client.payments.iter_products(page_size=1))
    assert {p.id for p in every} == {"prod_123", "prod_basic"}
    detail = await call(client.payments.get_product, "prod_123")
    assert detail.prices[0].nickname == "Pro monthly"
    bare = await call(client.payments.get_product, "prod_123", include_prices=False)
    assert bare.prices == []
    subs = await call(client.payments.list_subscriptions, status="active")
    assert subs.subscriptions[0].id == SEED_SUBSCRIPTION_ID and subs.subscriptions[0].status == "active"
    sub = await call(client.payments.get_subscription, subscription_id=SEED_SUBSCRIPTION_ID)
    assert sub.plan.interval == "month" and sub.plan.amount == 1999
    switched = await call(client.payments.update_subscription, subscription_id=SEED_SUBSCRIPTION_ID,
                          price_id="price_pro_yearly")
    assert switched.plan.interval == "year"
    canceled = await call(client.payments.cancel_subscription, subscription_id=SEED_SUBSCRIPTION_ID, immediately=True)
    assert canceled.status == "canceled"
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.cancel_subscription, subscription_id=SEED_SUBSCRIPTION_ID)
    assert info.value.error_code == "INVALID_SUBSCRIPTION"
    with pytest.raises(PaymentsError) as missing:
        await call(client.payments.get_subscription, subscription_id="sub_nope")
    assert missing.value.error_code == "SUBSCRIPTION_NOT_FOUND"
    assert [s.id for s in await collect(client.payments.iter_subscriptions(status="all"))] == [SEED_SUBSCRIPTION_ID]


async def test_history_balance_intents_methods(connect: Callable[..., Any], st: SpapsState) -> None:
    client = await signed_in(connect)
    history = await call(client.payments.list_payment_history, limit=20, status="succeeded")
    assert history.payments[0].id == SEED_PAYMENT_ID
    assert [p.id for p in await collect(client.payments.iter_payment_history())] == [SEED_PAYMENT_ID]
    detail = await call(client.payments.get_payment_detail, payment_id=SEED_PAYMENT_ID)
    assert detail.metadata == {"subscription": SEED_SUBSCRIPTION_ID}
    balance = await call(client.payments.get_balance)
    assert balance.tier == "pro" and balance.balance is not None
    intent = await call(client.payments.create_payment_intent, amount=500, currency="usd")
    assert intent.payment_intent_id and intent.client_secret and intent.client_secret not in repr(intent)
    st.decline_cards()
    with pytest.raises(PaymentsError) as declined:
        await call(client.payments.create_payment_intent, amount=500, currency="usd")
    assert declined.value.error_code == "CARD_DECLINED" and isinstance(declined.value, paywire.PaymentRequiredError)
    method = await call(client.payments.update_payment_method, payment_method_id="pm_card_mastercard", set_default=True)
    assert method.is_default
    with pytest.raises(paywire.NotFoundError):
        await call(client.payments.update_payment_method, payment_method_id="pm_unknown")


async def test_wallet_deposit_confirms_on_the_sandbox_clock(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    _, address = eth_wallet()
    client = await signed_in(connect)
    tx = "0x" + "ab" * 32
    deposit = await call(client.payments.wallet_deposit, wallet_address=address, chain_type="ethereum",
                         transaction_id=tx, amount=0.25, currency="ETH")
    assert deposit.status == "pending" and deposit.confirmation_required == 12
    paywire_sandbox.clock.advance(12 * 12 + 1)
    status = await call(client.payments.get_wallet_transaction, tx)
    assert status.status == "completed" and status.balance_added == 0.25
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.wallet_deposit, wallet_address=address, chain_type="ethereum",
                   transaction_id="0x1234", amount=1, currency="ETH")
    assert info.value.error_code == "INVALID_TRANSACTION" and isinstance(info.value, paywire.UnprocessableEntityError)


async def test_crypto_invoices(connect: Callable[..., Any], st: SpapsState) -> None:
    client = await signed_in(connect)
    invoice = await call(client.payments.crypto.create_invoice, asset="USDC", network="base", amount="12.50",
                         metadata={"order": "o-7"})
    assert invoice.id and invoice.amount == "12.50" and invoice.status == "pending"
    assert (await call(client.payments.crypto.get_invoice, invoice.id)).id == invoice.id
    st.pay_invoice(invoice.id, "12.50")
    status = await call(client.payments.crypto.get_invoice_status, invoice.id)
    assert status.status == "paid" and not status.underpaid and status.settlement_ids
    job = await call(client.payments.crypto.reconcile, recon_token=DEFAULT_RECON_TOKEN)
    assert job.job_id
    with pytest.raises(paywire.AuthenticationError):
        await call(client.payments.crypto.reconcile, recon_token="recon_wrong_123456")
    with pytest.raises(paywire.NotFoundError):
        await call(client.payments.crypto.get_invoice, "inv_nope")


# --- usage, messages, whitelist, metrics ---------------------------------------------------------------------
async def test_usage_idempotency(connect: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    first = await call(client.usage.record_usage, feature="api_calls", quantity=3, idempotency_key="job-42")
    again = await call(client.usage.record_usage, feature="api_calls", quantity=3, idempotency_key="job-42")
    assert first.record_id == again.record_id
    features = await call(client.usage.get_features)
    api = next(f for f in features.features if f.name == "api_calls")
    assert api.used == 3 and features.tier == "pro"
    history = await call(client.usage.get_history, period="daily", feature="api_calls")
    assert sum(entry.features.get("api_calls", 0) for entry in history.history) == 3


async def test_usage_record_survives_a_dropped_connection(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    paywire_sandbox.faults.add("spaps:record_usage", reset="after", times=1)
    record = await call(client.usage.record_usage, feature="api_calls", quantity=2)
    features = await call(client.usage.get_features)
    assert next(f for f in features.features if f.name == "api_calls").used == 2  # counted once
    keys = {r["idempotency_key"] for r in ops(paywire_sandbox, "record_usage")}
    assert len(ops(paywire_sandbox, "record_usage")) == 2 and len(keys) == 1 and record.record_id


async def test_gets_survive_503s(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    paywire_sandbox.faults.add("spaps:list_products", status=503, times=2)
    catalog = await call(client.payments.list_products)
    assert catalog.products and len(ops(paywire_sandbox, "list_products")) == 3
    paywire_sandbox.faults.add("spaps:get_usage_features", status=503, times=3)
    with pytest.raises(UsageError) as info:
        await call(client.usage.get_features)
    assert isinstance(info.value, paywire.InternalServerError)


async def test_secure_messages(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    anonymous = connect()
    created = await call(anonymous.secure_messages.create_message, patient_id="pat_1", practitioner_id="doc_1",
                         content="ciphertext==", metadata={"v": 1})
    assert created.id and created.patient_id == "pat_1"
    client = await signed_in(connect)
    await call(client.secure_messages.create_message, patient_id="pat_1", practitioner_id="doc_1", content="c2")
    listed = await call(client.secure_messages.list_messages)
    assert [m.content for m in listed.messages] == ["ciphertext==", "c2"]


async def test_whitelist(connect: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    for i in range(5):
        entry = await call(client.whitelist.add, f"vip{i}@example.com", tier="premium" if i % 2 else "gold")
        assert entry.email == f"vip{i}@example.com"
    anonymous = connect()
    hit = await call(anonymous.whitelist.check, "vip1@example.com")
    assert hit.whitelisted and hit.entry.tier == "premium"
    miss = await call(anonymous.whitelist.check, "nobody@example.com")
    assert not miss.whitelisted
    page = await call(client.whitelist.list, limit=2, offset=2)
    assert len(page.entries) == 2 and page.total == 5
    everyone = await collect(client.whitelist.iter_entries(page_size=2))
    assert sorted(e.email for e in everyone) == [f"vip{i}@example.com" for i in range(5)]
    gold = await collect(client.whitelist.iter_entries(tier="gold"))
    assert len(gold) == 3
    updated = await call(client.whitelist.update, "vip0@example.com", tier="platinum", bypass_payment=False)
    assert updated.tier == "platinum" and updated.bypass_payment is False
    removed = await call(client.whitelist.remove, "vip0@example.com")
    assert removed.message
    assert not (await call(anonymous.whitelist.check, "vip0@example.com")).whitelisted


async def test_metrics(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    assert (await call(client.metrics.health)).status in ("healthy", "ok")
    assert (await call(client.metrics.readiness)).ready is True
    assert (await call(client.metrics.get_metrics_json)).uptime_seconds is not None
    text = await call(client.metrics.get_prometheus_metrics)
    assert "# TYPE" in text or "# HELP" in text

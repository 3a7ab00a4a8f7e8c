"""paywire.spaps pinned to ``api_version="2026-10"`` (the default) against the sandbox's
``spaps-2026-10`` profile over real HTTP, sync and async: MFA challenges (switched on through the
sandbox state), the nested auth envelope, set-password, sessions at ``/api/sessions/`` with offset
paging and 204 revocation, checkout at ``/api/stripe/checkout-sessions``, offset-paged Stripe
lists, Idempotency-Key on guest checkout and crypto invoices, two-phase usage (authorize →
record → status → history) with the API key alone, and pair-scoped secure messages.

The profile shares its state with the seed-era ``/spaps`` app, so a few tests check through a
client pinned to ``2025-11`` as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from _spaps_helpers import call, collect
from coincurve import PrivateKey

import paywire
from paywire.sandbox.spaps import (
    DEFAULT_API_KEY,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    DEFAULT_USER_PASSWORD,
    SEED_CHECKOUT_SESSION_ID,
    SEED_PAYMENT_ID,
    SEED_SUBSCRIPTION_ID,
    SpapsState,
    eip191_digest,
    keccak256,
    profile,
    require_mfa,
)
from paywire.spaps import (
    AuthError,
    AuthResult,
    CryptoPaymentsError,
    MfaChallenge,
    NotSignedInError,
    PaymentsError,
    SecureMessagesError,
    UnsupportedOperationError,
    UsageError,
)

URL = "https://example.com"


@pytest.fixture
def st(paywire_sandbox: Any) -> SpapsState:
    state: SpapsState = paywire_sandbox.state("spaps")
    return state


@pytest.fixture
def connect(make26: Any, paywire_sandbox: Any) -> Callable[..., Any]:
    """A 2026-10 client of this test's flavour on the sandbox's 2026-10 profile."""

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("api_key", DEFAULT_API_KEY)
        client = make26(base_url=paywire_sandbox.base_url("spaps-2026-10"), **kwargs)
        assert client.api_version == "2026-10"
        return client

    return factory


@pytest.fixture
def connect_seed(make: Any, paywire_sandbox: Any) -> Callable[..., Any]:
    """A 2025-11 client on the seed-era profile of the same server."""
    return lambda: make(base_url=paywire_sandbox.base_url("spaps"), api_key=DEFAULT_API_KEY, api_version="2025-11")


async def signed_in(connect: Callable[..., Any], email: str = DEFAULT_USER_EMAIL,
                    password: str = DEFAULT_USER_PASSWORD) -> Any:
    client = connect()
    result = await call(client.auth.sign_in_with_password, email=email, password=password)
    assert isinstance(result, AuthResult) and result.signed_in
    return client


def ops(paywire_sandbox: Any, op: str) -> list[dict[str, Any]]:
    return [r for r in paywire_sandbox.requests if r["op"] == op and r["service"] == "spaps-2026-10"]


def new_user(st: SpapsState, email: str) -> str:
    return st.create_user(email, "Password123!", email_confirmed=True).id


# --- auth -------------------------------------------------------------------------------------------
async def test_mfa_challenge_via_the_state_toggle(connect: Callable[..., Any], st: SpapsState) -> None:
    require_mfa(st, DEFAULT_USER_EMAIL)
    client = connect()
    sessions_before = len(st.sessions)
    result = await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    assert isinstance(result, MfaChallenge) and result.mfa_required and not result.signed_in
    assert result.methods == ["totp"] and result.expires_at and result.challenge
    assert result.challenge_id in profile(st).challenges and result.challenge not in repr(result)
    assert client.get_tokens() is None and len(st.sessions) == sessions_before
    with pytest.raises(NotSignedInError):
        await call(client.auth.get_current_user)
    # the magic link is consumed and answers a challenge too
    await call(client.auth.send_magic_link, email=DEFAULT_USER_EMAIL, confirm_url="https://app.example/magic")
    assert st.outbox(DEFAULT_USER_EMAIL)[-1]["link"].startswith("https://app.example/magic?token=")
    link = await call(client.auth.verify_magic_link, token=st.last_token(DEFAULT_USER_EMAIL, "magic_link"),
                      state="opaque-state")
    assert isinstance(link, MfaChallenge) and client.get_tokens() is None
    # wrong password is still an error, not a challenge
    with pytest.raises(AuthError) as info:
        await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password="not-the-password")
    assert info.value.error_code == "INVALID_CREDENTIALS"
    require_mfa(st, DEFAULT_USER_EMAIL, required=False)
    result = await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    assert isinstance(result, AuthResult) and result.user.id == DEFAULT_USER_ID and client.get_tokens() is not None
    assert result.user.roles == ["user"] and result.user.is_admin is False


async def test_wallet_sign_in_then_mfa(connect: Callable[..., Any], st: SpapsState) -> None:
    key = PrivateKey()
    address = "0x" + keccak256(key.public_key.format(compressed=False)[1:])[-20:].hex()

    def sign(message: str) -> str:
        sig = key.sign_recoverable(eip191_digest(message), hasher=None)
        return "0x" + (sig[:64] + bytes([sig[64] + 27])).hex()

    client = connect()

    async def sign_in() -> Any:
        nonce = await call(client.auth.request_nonce, wallet_address=address, chain="ethereum")
        return await call(client.auth.verify_wallet, wallet_address=address, signature=sign(nonce.message),
                          message=nonce.message, chain="ethereum")

    first = await sign_in()
    assert isinstance(first, AuthResult) and first.user.wallet_address == address
    client.clear_tokens()
    require_mfa(st, first.user.id)
    second = await sign_in()
    assert isinstance(second, MfaChallenge) and client.get_tokens() is None


async def test_register_nested_with_a_referral(connect: Callable[..., Any], st: SpapsState) -> None:
    client = connect()
    result = await call(client.auth.register, email="fresh@example.com", password="Fresh-pass-1", username="fresh",
                        ref="friend-code", referral_click_id="clk_42")
    assert result.signed_in and result.message == "Registration successful" and result.token_type == "Bearer"
    assert result.user.email == "fresh@example.com"
    assert st.user_by_email("fresh@example.com").metadata["referral"] == {"ref": "friend-code",
                                                                         "referral_click_id": "clk_42"}
    assert (await call(client.auth.get_current_user)).username == "fresh"
    st.require_email_confirmation = True
    waiting = connect()
    pending = await call(waiting.auth.register, email="later@example.com", password="Fresh-pass-1")
    assert not pending.signed_in and pending.user.email == "later@example.com" and waiting.get_tokens() is None
    confirmed = await call(waiting.auth.verify_magic_link, token=st.last_token("later@example.com", "email_confirmation"))
    assert confirmed.signed_in and waiting.get_tokens() is not None


async def test_set_password_revokes_the_other_sessions(connect: Callable[..., Any], st: SpapsState) -> None:
    client = connect()
    await call(client.auth.send_magic_link, email="nopw@example.com")
    await call(client.auth.verify_magic_link, token=st.last_token("nopw@example.com", "magic_link"))
    first = await call(client.auth.set_password, "FirstPass-123")
    assert first.message
    laptop = await signed_in(connect, "nopw@example.com", "FirstPass-123")
    with pytest.raises(paywire.BadRequestError) as wrong:
        await call(client.auth.set_password, "SecondPass-123", current_password="wrong-password")
    assert wrong.value.code == "INVALID_CREDENTIALS"
    await call(client.auth.set_password, "SecondPass-123", current_password="FirstPass-123")
    assert (await call(client.auth.get_current_user)).email == "nopw@example.com"  # the calling session stays
    with pytest.raises(AuthError):  # revoked: its refresh is rejected too, so it is signed out
        await call(laptop.auth.get_current_user)
    assert laptop.get_tokens() is None
    await signed_in(connect, "nopw@example.com", "SecondPass-123")


# --- sessions ----------------------------------------------------------------------------------------
async def test_sessions_offset_paging_revoke_204_and_authority(connect: Callable[..., Any],
                                                               paywire_sandbox: Any) -> None:
    phone = await signed_in(connect)
    await signed_in(connect)
    laptop = await signed_in(connect)
    everything = await call(laptop.sessions.list_sessions)
    assert len(everything.sessions) == 3 and everything.total == 3
    page = await call(laptop.sessions.list_sessions, limit=1, offset=1)
    assert [s.id for s in page.sessions] == [everything.sessions[1].id] and page.has_more
    paged = await collect(laptop.sessions.iter_sessions(page_size=1))
    assert [s.id for s in paged] == [s.id for s in everything.sessions]
    assert all(r["path"].endswith("/api/sessions/") for r in ops(paywire_sandbox, "list_sessions"))
    current = await call(laptop.sessions.get_current_session)
    validation = await call(laptop.sessions.validate_session)
    assert validation.valid and validation.session.session_id == current.session_id
    assert validation.authority.session_id == current.session_id and validation.authority.access_jti
    phone_session = (await call(phone.sessions.get_current_session)).session_id
    revoked = await call(laptop.sessions.revoke_session, phone_session)
    assert revoked.session_id == phone_session
    assert ops(paywire_sandbox, "revoke_session")[-1]["status"] == 204
    with pytest.raises(AuthError):
        await call(phone.sessions.get_current_session)


# --- payments ----------------------------------------------------------------------------------------
async def test_checkout_at_the_new_path(connect: Callable[..., Any], connect_seed: Callable[..., Any],
                                        paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    checkout = await call(client.payments.create_checkout_session, price_id="price_123", mode="subscription",
                          success_url=URL + "/success", cancel_url=URL + "/cancel", metadata={"order": "o-1"})
    assert checkout.checkout_url.startswith("https://") and checkout.url == checkout.checkout_url
    assert checkout.session_id and checkout.id == checkout.session_id
    assert ops(paywire_sandbox, "create_checkout_session")[-1]["path"].endswith("/api/stripe/checkout-sessions")
    basket = await call(client.payments.create_checkout_session, mode="payment", success_url=URL, cancel_url=URL,
                        line_items=[{"price_id": "price_basic", "quantity": 2}], client_reference_id="order-2")
    detail = await call(client.payments.get_checkout_session, basket.session_id)
    assert detail.status == "open" and detail.amount_total == 2 * 999 and detail.client_reference_id == "order-2"
    everything = await collect(client.payments.iter_checkout_sessions(page_size=1))
    assert {s.id for s in everything} >= {checkout.session_id, basket.session_id, SEED_CHECKOUT_SESSION_ID}
    assert len(everything) == len({s.id for s in everything})  # offset paging: no repeats
    expired = await call(client.payments.expire_checkout_session, checkout.session_id)
    assert expired.expired
    # one server: the seed-era profile sees the session created at the new path
    seed = connect_seed()
    await call(seed.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    assert (await call(seed.payments.get_checkout_session, basket.session_id)).status == "open"
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.create_checkout_session, price_id="price_nope", mode="payment", success_url=URL,
                   cancel_url=URL)
    assert info.value.error_code == "INVALID_PRICE"


async def test_stripe_lists_page_by_offset(connect: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    assert {p.id for p in await collect(client.payments.iter_products(page_size=1))} == {"prod_123", "prod_basic"}
    first = await call(client.payments.list_products, limit=1)
    second = await call(client.payments.list_products, limit=1, offset=1)
    assert {first.products[0].id, second.products[0].id} == {"prod_123", "prod_basic"}
    assert [s.id for s in await collect(client.payments.iter_subscriptions(status="all", page_size=1))] == [
        SEED_SUBSCRIPTION_ID]
    assert [p.id for p in await collect(client.payments.iter_payment_history(page_size=1))] == [SEED_PAYMENT_ID]


async def test_guest_checkout_idempotency_key_survives_a_dropped_connection(connect: Callable[..., Any],
                                                                            paywire_sandbox: Any,
                                                                            st: SpapsState) -> None:
    client = connect()  # never signed in: API key only
    args = {"customer_email": "guest@example.com", "mode": "payment", "line_items": [{"price_id": "price_basic"}],
            "success_url": URL, "cancel_url": URL}
    paywire_sandbox.faults.add("spaps-2026-10:create_guest_checkout_session", reset="after", times=1)
    guest = await call(client.payments.create_guest_checkout_session, **args, idempotency_key="order-77")
    assert len(ops(paywire_sandbox, "create_guest_checkout_session")) == 2  # the drop was retried
    again = await call(client.payments.create_guest_checkout_session, **args, idempotency_key="order-77")
    assert again.id == guest.id
    created = [c for c in st.checkout_sessions.values() if c.customer_email == "guest@example.com"]
    assert len(created) == 1  # one session for one logical purchase
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.create_guest_checkout_session, **{**args, "customer_email": "other@example.com"},
                   idempotency_key="order-77")
    assert isinstance(info.value, paywire.ConflictError) and info.value.error_code == "IDEMPOTENCY_CONFLICT"
    listed = await collect(client.payments.iter_guest_checkout_sessions(customer_email="guest@example.com",
                                                                        page_size=1))
    assert [s.session_id for s in listed] == [guest.id]


async def test_crypto_invoice_idempotency_key(connect: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    invoice = await call(client.payments.crypto.create_invoice, asset="USDC", network="base", amount="12.50",
                         idempotency_key="inv-1")
    again = await call(client.payments.crypto.create_invoice, asset="USDC", network="base", amount="12.50",
                       idempotency_key="inv-1")
    assert again.id == invoice.id and (await call(client.payments.crypto.get_invoice, invoice.id)).amount == "12.50"
    with pytest.raises(CryptoPaymentsError) as info:
        await call(client.payments.crypto.create_invoice, asset="USDC", network="base", amount="99.00",
                   idempotency_key="inv-1")
    assert isinstance(info.value, paywire.ConflictError)


async def test_removed_payments_calls_never_reach_the_server(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    client = await signed_in(connect)
    before = len(paywire_sandbox.requests)
    with pytest.raises(UnsupportedOperationError, match="needs api_version 2025-11"):
        await call(client.payments.get_balance)
    with pytest.raises(NotImplementedError):
        await call(client.payments.wallet_deposit, wallet_address="0xabc", chain_type="ethereum",
                   transaction_id="0x12", amount=1, currency="ETH")
    assert len(paywire_sandbox.requests) == before


# --- usage -------------------------------------------------------------------------------------------------
async def test_usage_authorize_record_status_history(connect: Callable[..., Any], connect_seed: Callable[..., Any]) -> None:
    client = await signed_in(connect)
    auth = await call(client.usage.authorize_usage, "api_calls", "user", dimensions={"calls": 3})
    assert auth.allowed and auth.authorization_ref and auth.resource_id == DEFAULT_USER_ID
    first = await call(client.usage.record_usage, authorization_ref=auth.authorization_ref, idempotency_key="job-42",
                       feature_key="api_calls", resource_type="user", dimensions={"calls": 3})
    assert first.status == "recorded" and not first.replayed and first.window_totals == {"calls": 3.0}
    again = await call(client.usage.record_usage, authorization_ref=auth.authorization_ref, idempotency_key="job-42",
                       feature_key="api_calls", resource_type="user", dimensions={"calls": 3})
    assert again.replayed and again.status == "replayed" and again.event_id == first.event_id
    status = await call(client.usage.get_status, "api_calls", "user")
    assert status.window_totals == {"calls": 3.0} and status.decision == "allowed"
    history = await call(client.usage.get_history, feature_key="api_calls")
    assert [e.event_id for e in history.events] == [first.event_id] and history.events[0].dimensions == {"calls": 3.0}
    features = await call(client.usage.get_features)  # unchanged call; the same server counts it
    assert next(f for f in features.features if f.name == "api_calls").used == 3
    with pytest.raises(UsageError) as conflict:
        await call(client.usage.record_usage, authorization_ref=auth.authorization_ref, idempotency_key="job-42",
                   feature_key="api_calls", resource_type="user", dimensions={"calls": 4})
    assert isinstance(conflict.value, paywire.ConflictError)
    # a seed-era client on the seed-era profile still records with the old signature
    seed = connect_seed()
    await call(seed.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    old = await call(seed.usage.record_usage, feature="api_calls", quantity=2)
    assert old.record_id
    assert (await call(client.usage.get_status, "api_calls", "user")).window_totals == {"calls": 5.0}


async def test_usage_with_the_api_key_alone(connect: Callable[..., Any], paywire_sandbox: Any) -> None:
    server = connect()  # metering from a backend: no user signed in
    paywire_sandbox.faults.add("spaps-2026-10:record_usage", reset="after", times=1)
    auth = await call(server.usage.authorize_usage, "seats", "company", resource_id="co_1",
                      subject_user_id=DEFAULT_USER_ID, dimensions={"seats": 3})
    recorded = await call(server.usage.record_usage, authorization_ref=auth.authorization_ref, feature_key="seats",
                          resource_type="company", resource_id="co_1", dimensions={"seats": 3},
                          occurred_at="2026-10-01T12:00:00Z", metadata={"plan": "team"})
    # the first attempt was committed and its answer dropped; the retry carries the same key, so
    # the server answers the original event as a replay
    assert recorded.status == "replayed" and recorded.replayed and len(recorded.idempotency_key or "") == 36
    assert len(ops(paywire_sandbox, "record_usage")) == 2
    events = await collect(server.usage.iter_history(resource_type="company", page_size=1))
    assert [(e.resource_id, e.occurred_at, e.metadata) for e in events] == [
        ("co_1", "2026-10-01T12:00:00Z", {"plan": "team"})]  # counted once
    blocked_user = connect()
    big = await call(blocked_user.usage.authorize_usage, "api_calls", "user", resource_id=DEFAULT_USER_ID,
                     dimensions={"calls": 10**9})
    assert big.decision == "blocked" and not big.allowed and big.reasons[0].code == "LIMIT_EXCEEDED"
    with pytest.raises(UsageError) as info:
        await call(blocked_user.usage.record_usage, authorization_ref=big.authorization_ref, feature_key="api_calls",
                   resource_type="user", resource_id=DEFAULT_USER_ID, dimensions={"calls": 10**9})
    assert isinstance(info.value, paywire.PermissionDeniedError) and info.value.error_code == "USAGE_BLOCKED"


# --- secure messages ----------------------------------------------------------------------------------------
async def test_secure_messages_pair_scoped(connect: Callable[..., Any], st: SpapsState, paywire_sandbox: Any) -> None:
    doctor_id = new_user(st, "doctor@example.com")
    new_user(st, "outsider@example.com")
    patient = await signed_in(connect)
    doctor = await signed_in(connect, "doctor@example.com", "Password123!")
    outsider = await signed_in(connect, "outsider@example.com", "Password123!")
    first = await call(patient.secure_messages.create_message, DEFAULT_USER_ID, doctor_id, "hello doctor",
                       client_message_id="c-1")
    assert (first.sender_user_id, first.sender_role, first.client_message_id) == (DEFAULT_USER_ID, "patient", "c-1")
    resent = await call(patient.secure_messages.create_message, DEFAULT_USER_ID, doctor_id, "hello doctor",
                        client_message_id="c-1")
    assert resent.id == first.id
    with pytest.raises(SecureMessagesError) as conflict:
        await call(patient.secure_messages.create_message, DEFAULT_USER_ID, doctor_id, "changed", client_message_id="c-1")
    assert isinstance(conflict.value, paywire.ConflictError)
    with pytest.raises(SecureMessagesError) as forbidden:
        await call(outsider.secure_messages.create_message, DEFAULT_USER_ID, doctor_id, "let me in")
    assert isinstance(forbidden.value, paywire.PermissionDeniedError)
    reply = await call(doctor.secure_messages.create_message, DEFAULT_USER_ID, doctor_id, "hello patient")
    assert reply.sender_role == "practitioner"
    page = await call(patient.secure_messages.list_messages, DEFAULT_USER_ID, doctor_id, limit=1)
    assert [m.content for m in page.messages] == ["hello patient"] and page.next_cursor
    thread = await collect(doctor.secure_messages.iter_messages(DEFAULT_USER_ID, doctor_id, page_size=1))
    assert [m.id for m in thread] == [reply.id, first.id]
    anonymous = connect()
    before = len(paywire_sandbox.requests)
    with pytest.raises(NotSignedInError):
        await call(anonymous.secure_messages.list_messages, DEFAULT_USER_ID, doctor_id)
    assert len(paywire_sandbox.requests) == before

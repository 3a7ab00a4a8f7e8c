"""What the SPAPS clients do differently when pinned to ``api_version="2026-10"`` (the default),
sync and async, against respx: each difference from the seed-era contract, on the wire and in
the typed results."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import ACCESS, API_KEY, REFRESH, body_of, call, collect, err, ok, token_pair, tokens

import paywire
from paywire.spaps import (
    AuthResult,
    CheckoutSession,
    CryptoPaymentsError,
    MfaChallenge,
    NotSignedInError,
    PaymentsError,
    SecureMessagesError,
    UsageAuthorization,
    UsageStatus,
    ValidationError,
)

USER = {"id": "usr_1", "email": "user@example.com", "roles": ["user"], "permissions": [], "isAdmin": False,
        "metadata": {"referral": {"ref": "friend"}}}
CHALLENGE = {"mfa_required": True, "challenge_id": "mfa_123", "challenge": "opaque-challenge-value-xyz",
             "expires_at": "2026-10-01T00:05:00Z", "methods": ["totp"]}
URL = "https://example.com"
ETH = "0x" + "ab" * 20


@pytest.fixture
def client(make26: Any) -> Any:
    return make26()


@pytest.fixture
def signed_in(make26: Any) -> Any:
    c = make26()
    c.set_tokens(tokens())
    return c


# --- auth ---------------------------------------------------------------------------------------------
async def test_nonce_sends_chain_type(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/auth/nonce").mock(return_value=ok({"nonce": "n", "message": "Sign this: n"}))
    await call(client.auth.request_nonce, wallet_address=ETH, chain="ethereum")
    await call(client.auth.request_nonce, wallet_address=ETH, chain_type="solana")
    await call(client.auth.request_nonce, wallet_address=ETH)
    assert [body_of(c.request) for c in route.calls] == [
        {"wallet_address": ETH, "chain_type": "ethereum"}, {"wallet_address": ETH, "chain_type": "solana"},
        {"wallet_address": ETH}]


@pytest.mark.parametrize("flow", ["password", "wallet", "magic_link"])
async def test_an_mfa_challenge_stores_no_tokens(client: Any, mock: respx.MockRouter, flow: str,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    path, invoke = {
        "password": ("/api/auth/login", lambda: client.auth.sign_in_with_password(email="user@example.com",
                                                                                   password="Passw0rd!")),
        "wallet": ("/api/auth/wallet-sign-in", lambda: client.auth.verify_wallet(
            wallet_address=ETH, signature="0x" + "11" * 65, message="Sign this: n", chain="ethereum")),
        "magic_link": ("/api/auth/verify-magic-link", lambda: client.auth.verify_magic_link(token="ml_tok_123456",
                                                                                          state="opaque-state")),
    }[flow]
    caplog.set_level(logging.DEBUG)
    route = mock.post(path).mock(return_value=ok(CHALLENGE, message="Second factor required"))
    result = await call(invoke)
    assert isinstance(result, MfaChallenge) and result.mfa_required and not result.signed_in
    assert (result.challenge_id, result.methods, result.expires_at) == ("mfa_123", ["totp"], "2026-10-01T00:05:00Z")
    assert result.user is None and result.access_token is None and result.message == "Second factor required"
    assert "opaque-challenge-value-xyz" not in repr(result) and result.challenge == "opaque-challenge-value-xyz"
    assert client.get_tokens() is None and "opaque-challenge-value-xyz" not in caplog.text
    if flow == "magic_link":
        assert body_of(route.calls[0].request) == {"token": "ml_tok_123456", "type": "magiclink",
                                                   "state": "opaque-state"}


async def test_an_mfa_challenge_keeps_tokens_already_stored(signed_in: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/login").mock(return_value=ok(CHALLENGE))
    before = signed_in.get_tokens()
    result = await call(signed_in.auth.sign_in_with_password, email="user@example.com", password="Passw0rd!")
    assert result.mfa_required and signed_in.get_tokens() == before


async def test_sign_in_without_refresh_token_or_token_type(client: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/login").mock(return_value=ok({"access_token": "acc_only_1234567890", "expires_in": 900,
                                                       "user": USER}))
    result = await call(client.auth.sign_in_with_password, email="user@example.com", password="Passw0rd!")
    assert isinstance(result, AuthResult) and result.signed_in and not result.mfa_required
    assert result.refresh_token is None and result.token_type == "Bearer"
    assert result.user.roles == ["user"] and result.user.is_admin is False and result.user.metadata
    stored = client.get_tokens()
    assert stored.access_token == "acc_only_1234567890" and stored.refresh_token is None


async def test_refresh_without_a_new_refresh_token_keeps_the_stored_one(signed_in: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/refresh").mock(return_value=ok({"access_token": "acc_rotated_123456", "expires_in": 900}))
    result = await call(signed_in.auth.refresh_tokens)
    assert result.refresh_token is None and result.token_type == "Bearer"
    assert signed_in.get_tokens().refresh_token == REFRESH


async def test_register_reads_the_nested_envelope_and_sends_the_referral(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/auth/register").mock(return_value=ok(
        {"message": "Registration successful", "user": USER,
         "tokens": {"access_token": "acc_reg_1234567890", "refresh_token": "ref_reg_1234567890", "expires_in": 900}},
        status=201, message="Created"))
    result = await call(client.auth.register, email="new@example.com", password="Passw0rd!", ref="friend",
                        referral_click_id="clk_1")
    assert result.signed_in and result.message == "Registration successful" and result.user.id == "usr_1"
    assert result.token_type == "Bearer" and client.get_tokens().access_token == "acc_reg_1234567890"
    assert body_of(route.calls[0].request) == {"email": "new@example.com", "password": "Passw0rd!", "ref": "friend",
                                               "referral_click_id": "clk_1"}


async def test_register_waiting_for_confirmation(client: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/register").mock(return_value=ok({"message": "Check your email", "user": USER}, status=201))
    result = await call(client.auth.register, email="new@example.com", password="Passw0rd!")
    assert not result.signed_in and result.user.email == "user@example.com" and client.get_tokens() is None


async def test_verify_magic_link_reads_the_nested_envelope(client: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/verify-magic-link").mock(return_value=ok(
        {"message": "Signed in", "user": USER, "tokens": {"access_token": "acc_ml_1234567890"}}))
    result = await call(client.auth.verify_magic_link, token="ml_tok_123456")
    assert isinstance(result, AuthResult) and result.user.email == "user@example.com" and result.message == "Signed in"
    assert client.get_tokens().access_token == "acc_ml_1234567890"


async def test_send_magic_link_with_a_confirm_url(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/auth/magic-link").mock(return_value=ok({"email": "user@example.com"}, message="sent"))
    sent = await call(client.auth.send_magic_link, email="user@example.com", confirm_url="https://app.example/in")
    assert sent.email == "user@example.com"
    assert body_of(route.calls[0].request) == {"email": "user@example.com", "confirm_url": "https://app.example/in"}


async def test_set_password(make26: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/auth/set-password").mock(return_value=httpx.Response(
        200, json={"success": True, "message": "Password updated successfully"}))
    client = make26()
    with pytest.raises(NotSignedInError):
        await call(client.auth.set_password, "NewPass-123")
    assert not route.calls
    client.set_tokens(tokens())
    first = await call(client.auth.set_password, "NewPass-123")
    changed = await call(client.auth.set_password, new_password="Newer-Pass-456", current_password="NewPass-123")
    assert first.message == changed.message == "Password updated successfully"
    sent = [c.request for c in route.calls]
    assert [body_of(r) for r in sent] == [{"new_password": "NewPass-123"},
                                          {"new_password": "Newer-Pass-456", "current_password": "NewPass-123"}]
    assert all(r.headers["authorization"] == f"Bearer {ACCESS}" and r.headers["x-api-key"] == API_KEY for r in sent)
    route.mock(return_value=err(400, "INVALID_CREDENTIALS", "Current password is incorrect"))
    with pytest.raises(paywire.BadRequestError) as info:
        await call(client.auth.set_password, "Another-Pass-7", current_password="wrong-one")
    assert info.value.code == "INVALID_CREDENTIALS" and "wrong-one" not in str(info.value)


# --- sessions ------------------------------------------------------------------------------------------
async def test_list_sessions_uses_the_slash_path_and_offset(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/sessions/").mock(return_value=ok({"sessions": [{"id": "sess_2"}], "total": 3,
                                                             "has_more": True}))
    page = await call(signed_in.sessions.list_sessions, limit=1, offset=1)
    assert [s.session_id for s in page.sessions] == ["sess_2"] and page.has_more
    assert dict(route.calls[0].request.url.params) == {"limit": "1", "offset": "1"}


def _offset_pages(key: str, ids: list[str], id_key: str = "id", **extra: Any) -> Any:
    """A respx side effect serving ``ids`` by ``limit`` + ``offset`` (with ``has_more``)."""

    def respond(request: httpx.Request) -> httpx.Response:
        assert "starting_after" not in request.url.params and "ending_before" not in request.url.params
        limit = int(request.url.params.get("limit", "10"))
        offset = int(request.url.params.get("offset", "0"))
        chunk = ids[offset:offset + limit]
        required = {"status": "active"} if key == "subscriptions" else {}  # the contract requires it
        return ok({key: [{id_key: i, **required, **extra} for i in chunk], "has_more": offset + limit < len(ids)})

    return respond


ITERATORS = [
    ("iter_sessions", "/api/sessions/", "sessions", "id", lambda c, n: c.sessions.iter_sessions(page_size=n)),
    ("iter_checkout_sessions", "/api/stripe/checkout-sessions", "sessions", "id",
     lambda c, n: c.payments.iter_checkout_sessions(page_size=n)),
    ("iter_guest_checkout_sessions", "/api/stripe/guest-checkout-sessions", "sessions", "session_id",
     lambda c, n: c.payments.iter_guest_checkout_sessions(page_size=n)),
    ("iter_products", "/api/stripe/products", "products", "id", lambda c, n: c.payments.iter_products(page_size=n)),
    ("iter_subscriptions", "/api/stripe/subscriptions", "subscriptions", "id",
     lambda c, n: c.payments.iter_subscriptions(status="all", page_size=n)),
    ("iter_payment_history", "/api/stripe/history", "payments", "id",
     lambda c, n: c.payments.iter_payment_history(page_size=n)),
]


@pytest.mark.parametrize(("name", "path", "key", "id_key", "iterate"), ITERATORS, ids=[i[0] for i in ITERATORS])
async def test_iterators_page_by_offset(signed_in: Any, mock: respx.MockRouter, name: str, path: str, key: str,
                                        id_key: str, iterate: Any) -> None:
    ids = [f"{name}_{i}" for i in range(5)]
    route = mock.get(path).mock(side_effect=_offset_pages(key, ids, id_key))
    items = await collect(iterate(signed_in, 2))
    assert [getattr(item, id_key) for item in items] == ids
    assert [c.request.url.params.get("offset") for c in route.calls] == [None, "2", "4"]


async def test_iterators_stop_at_a_short_page_without_has_more(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/stripe/products").mock(side_effect=[
        ok({"products": [{"id": "p1"}, {"id": "p2"}], "total": 3}), ok({"products": [{"id": "p3"}], "total": 3})])
    assert [p.id for p in await collect(signed_in.payments.iter_products(page_size=2))] == ["p1", "p2", "p3"]
    assert route.call_count == 2


async def test_revoke_answers_204(signed_in: Any, mock: respx.MockRouter) -> None:
    mock.delete("/api/sessions/sess_9").mock(return_value=httpx.Response(204))
    revoked = await call(signed_in.sessions.revoke_session, "sess_9")
    assert revoked.session_id == "sess_9"


async def test_validate_session_reason_session_authority(signed_in: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/sessions/validate").mock(return_value=ok({
        "valid": True, "session_id": "sess_1", "renewed": False, "reason": None,
        "session": {"id": "sess_1", "user_id": "usr_1"},
        "authority": {"user_id": "usr_1", "session_id": "sess_1", "access_jti": "jti_1",
                      "access_expires_at": "2026-10-01T00:15:00Z"}}))
    result = await call(signed_in.sessions.validate_session)
    assert result.valid and result.reason is None and result.session.session_id == "sess_1"
    assert result.authority.access_jti == "jti_1" and result.authority.user_id == "usr_1"


# --- payments ------------------------------------------------------------------------------------------
async def test_checkout_with_the_seed_signature_goes_to_the_new_path(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/stripe/checkout-sessions").mock(return_value=ok({"id": "cs_1", "url": "https://pay/cs_1",
                                                                             "expires_at": 1700000000}))
    checkout = await call(signed_in.payments.create_checkout_session, price_id="price_123", mode="subscription",
                          success_url=URL + "/ok", cancel_url=URL + "/no", metadata={"order": "o-1"},
                          require_legal_consent=True)
    assert isinstance(checkout, CheckoutSession)
    assert (checkout.session_id, checkout.checkout_url, checkout.id, checkout.url) == (
        "cs_1", "https://pay/cs_1", "cs_1", "https://pay/cs_1")
    request = route.calls[0].request
    assert request.headers["authorization"] == f"Bearer {ACCESS}"
    assert body_of(request) == {"line_items": [{"price_id": "price_123", "quantity": 1}], "mode": "subscription",
                                "success_url": URL + "/ok", "cancel_url": URL + "/no", "metadata": {"order": "o-1"},
                                "require_legal_consent": True}


async def test_checkout_with_line_items(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/stripe/checkout-sessions").mock(return_value=ok(
        {"session_id": "cs_2", "checkout_url": "https://pay/cs_2"}))
    checkout = await call(signed_in.payments.create_checkout_session, mode="subscription", success_url=URL,
                          cancel_url=URL, line_items=[{"price_id": "price_a", "quantity": 2}, {"price_id": "price_b"}],
                          customer_email="buyer@example.com", client_reference_id="order-9",
                          allow_promotion_codes=True, trial_period_days=14)
    assert checkout.url == "https://pay/cs_2" and checkout.id == "cs_2"
    assert body_of(route.calls[0].request) == {
        "line_items": [{"price_id": "price_a", "quantity": 2}, {"price_id": "price_b", "quantity": 1}],
        "mode": "subscription", "success_url": URL, "cancel_url": URL, "customer_email": "buyer@example.com",
        "client_reference_id": "order-9", "allow_promotion_codes": True, "trial_period_days": 14}


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"price_id": "p", "line_items": [{"price_id": "p"}], "mode": "payment"}, "line_items"),
    ({"mode": "payment"}, "price_id"),
    ({"price_id": "p"}, "mode"),
    ({"line_items": [], "mode": "payment"}, "line_items"),
    ({"line_items": [{"price_id": "p", "quantity": 0}], "mode": "payment"}, "line_items[0].quantity"),
    ({"price_id": "p", "mode": "payment", "trial_period_days": 0}, "trial_period_days"),
])
async def test_checkout_bad_input(signed_in: Any, mock: respx.MockRouter, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        await call(signed_in.payments.create_checkout_session, success_url=URL, cancel_url=URL, **kwargs)
    assert info.value.field == field and not mock.calls


async def test_stripe_lists_send_offset(signed_in: Any, mock: respx.MockRouter) -> None:
    routes = {path: mock.get(path).mock(return_value=ok({key: []})) for path, key in [
        ("/api/stripe/checkout-sessions", "sessions"), ("/api/stripe/guest-checkout-sessions", "sessions"),
        ("/api/stripe/products", "products"), ("/api/stripe/subscriptions", "subscriptions"),
        ("/api/stripe/history", "payments")]}
    await call(signed_in.payments.list_checkout_sessions, limit=5, offset=10)
    await call(signed_in.payments.list_guest_checkout_sessions, limit=5, customer_email="g@example.com", offset=10)
    await call(signed_in.payments.list_products, category="subscription", limit=5, offset=10)
    await call(signed_in.payments.list_subscriptions, status="active", limit=5, offset=10)
    await call(signed_in.payments.list_payment_history, limit=5, status="succeeded", offset=10)
    for route in routes.values():
        params = route.calls[0].request.url.params
        assert params["offset"] == "10" and params["limit"] == "5" and "starting_after" not in params


async def test_guest_checkout_idempotency_key(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/stripe/guest-checkout-sessions").mock(side_effect=[
        httpx.Response(503, json={"error": {"code": "SERVER_ERROR", "message": "busy"}}),
        ok({"id": "cs_g1", "url": "https://pay/cs_g1"}),
        err(409, "IDEMPOTENCY_CONFLICT", "Idempotency-Key was already used for a different request"),
    ])
    args = {"customer_email": "guest@example.com", "mode": "subscription", "line_items": [{"price_id": "price_basic"}],
            "success_url": URL, "cancel_url": URL}
    guest = await call(client.payments.create_guest_checkout_session, **args, idempotency_key="guest-order-1",
                       trial_period_days=7, prepared_journey_id="pj_1")
    assert guest.id == "cs_g1" and route.call_count == 2  # retried: the key makes it safe
    assert {c.request.headers["idempotency-key"] for c in route.calls} == {"guest-order-1"}
    assert "authorization" not in route.calls[0].request.headers
    assert body_of(route.calls[0].request)["trial_period_days"] == 7
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.create_guest_checkout_session, **{**args, "mode": "payment"},
                   idempotency_key="guest-order-1")
    assert isinstance(info.value, paywire.ConflictError) and info.value.error_code == "IDEMPOTENCY_CONFLICT"


async def test_guest_checkout_without_a_key_is_not_retried(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/stripe/guest-checkout-sessions").mock(return_value=httpx.Response(503))
    with pytest.raises(paywire.InternalServerError):
        await call(client.payments.create_guest_checkout_session, customer_email="guest@example.com", mode="payment",
                   line_items=[{"price_id": "p"}], success_url=URL, cancel_url=URL)
    assert route.call_count == 1 and "idempotency-key" not in route.calls[0].request.headers


async def test_crypto_invoice_idempotency_key(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/payments/crypto/invoices").mock(side_effect=[
        httpx.ReadTimeout("dropped after sending"), ok({"invoice": {"invoice_id": "inv_1", "amount": "12.50"}}),
        err(409, "IDEMPOTENCY_CONFLICT")])
    invoice = await call(signed_in.payments.crypto.create_invoice, asset="USDC", network="base", amount="12.50",
                         idempotency_key="inv-key-1")
    assert invoice.id == "inv_1" and route.call_count == 2
    assert {c.request.headers["idempotency-key"] for c in route.calls} == {"inv-key-1"}
    with pytest.raises(CryptoPaymentsError) as info:
        await call(signed_in.payments.crypto.create_invoice, asset="USDC", network="base", amount="99.00",
                   idempotency_key="inv-key-1")
    assert isinstance(info.value, paywire.ConflictError)


async def test_unchanged_calls_keep_their_wire(signed_in: Any, mock: respx.MockRouter) -> None:
    routes = [mock.get("/api/auth/user").mock(return_value=ok({"user": {"id": "usr_1", "wallets": None}})),
              mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "sess_1"}})),
              mock.post("/api/sessions/touch").mock(return_value=ok({"session_id": "sess_1"})),
              mock.get("/api/stripe/checkout-sessions/cs_1").mock(return_value=ok({"id": "cs_1"})),
              mock.post("/api/stripe/checkout-sessions/cs_1/expire").mock(return_value=ok({"id": "cs_1"})),
              mock.post("/api/stripe/subscription/sub_1/cancel").mock(
                  return_value=ok({"id": "sub_1", "status": "canceled"})),
              mock.get("/api/v1/whitelist/check").mock(return_value=ok({"message": "no"})),
              mock.get("/health").mock(return_value=httpx.Response(200, json={"status": "ok"}))]
    assert (await call(signed_in.auth.get_current_user)).wallets == []  # wallets: null is fine
    await call(signed_in.sessions.get_current_session)
    await call(signed_in.sessions.touch_session)
    await call(signed_in.payments.get_checkout_session, "cs_1")
    await call(signed_in.payments.expire_checkout_session, "cs_1")
    await call(signed_in.payments.cancel_subscription, "sub_1", immediately=True)
    await call(signed_in.whitelist.check, "a@example.com")
    await call(signed_in.metrics.health)
    assert all(r.call_count == 1 for r in routes)


# --- usage ----------------------------------------------------------------------------------------------
AUTHORIZATION = {"decision": "allowed_with_warning", "feature_key": "api_calls", "resource_type": "user",
                 "resource_id": "usr_1", "subject_user_id": "usr_1", "active_entitlements": ["tier:pro"],
                 "policy_key": "tier:pro", "window": {"window_key": "period:x", "starts_at": "a", "ends_at": "b"},
                 "window_totals": {"calls": 850}, "remaining": {"calls": 150},
                 "reasons": [{"code": "LIMIT_NEARLY_REACHED", "message": "85% used", "details": {"limit": 1000}}],
                 "warnings": ["85% used"], "authorization_ref": "uauth_1", "expires_at": "2026-10-01T00:15:00Z"}
RECORD = {"event_id": "uevt_1", "status": "recorded", "replayed": False, "idempotency_key": "job-42",
          "authorization_ref": "uauth_1", "recorded_at": "2026-10-01T00:00:01Z", "window_totals": {"calls": 851}}


async def test_authorize_record_status_with_the_api_key_alone(client: Any, mock: respx.MockRouter) -> None:
    authorize = mock.post("/api/usage/authorize").mock(return_value=ok(AUTHORIZATION))
    record = mock.post("/api/usage/record").mock(return_value=ok(RECORD))
    status = mock.get("/api/usage/status").mock(return_value=ok({**AUTHORIZATION, "decision": "blocked"}))
    auth = await call(client.usage.authorize_usage, "api_calls", "user", resource_id="usr_1", dimensions={"calls": 1},
                      metadata={"job": "42"})
    assert isinstance(auth, UsageAuthorization) and auth.allowed and auth.authorization_ref == "uauth_1"
    assert auth.window.window_key == "period:x" and auth.remaining == {"calls": 150}
    assert auth.reasons[0].code == "LIMIT_NEARLY_REACHED" and auth.warnings == ["85% used"]
    recorded = await call(client.usage.record_usage, authorization_ref=auth.authorization_ref, idempotency_key="job-42",
                          feature_key="api_calls", resource_type="user", resource_id="usr_1", dimensions={"calls": 1},
                          occurred_at="2026-10-01T00:00:00Z")
    assert (recorded.event_id, recorded.status, recorded.replayed, recorded.id) == ("uevt_1", "recorded", False, "uevt_1")
    assert recorded.window_totals == {"calls": 851} and recorded.record_id == ""
    state = await call(client.usage.get_status, feature_key="api_calls", resource_type="user", resource_id="usr_1")
    assert isinstance(state, UsageStatus) and state.decision == "blocked" and not state.allowed
    for route in (authorize, record, status):
        request = route.calls[0].request
        assert request.headers["x-api-key"] == API_KEY and "authorization" not in request.headers
    assert body_of(authorize.calls[0].request) == {"feature_key": "api_calls", "resource_type": "user",
                                                   "resource_id": "usr_1", "dimensions": {"calls": 1.0},
                                                   "metadata": {"job": "42"}}
    sent = record.calls[0].request
    assert "x-idempotency-key" not in sent.headers
    assert body_of(sent) == {"authorization_ref": "uauth_1", "idempotency_key": "job-42", "feature_key": "api_calls",
                             "resource_type": "user", "dimensions": {"calls": 1.0}, "resource_id": "usr_1",
                             "occurred_at": "2026-10-01T00:00:00+00:00"}
    assert dict(status.calls[0].request.url.params) == {"feature_key": "api_calls", "resource_type": "user",
                                                        "resource_id": "usr_1"}


async def test_usage_adds_the_bearer_when_signed_in(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/usage/authorize").mock(return_value=ok(AUTHORIZATION))
    await call(signed_in.usage.authorize_usage, "api_calls", "user")
    assert route.calls[0].request.headers["authorization"] == f"Bearer {ACCESS}"


async def test_record_usage_is_retried_with_the_same_body_key(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/usage/record").mock(side_effect=[
        httpx.Response(503, json={"error": {"code": "USAGE_SERVICE_UNAVAILABLE", "message": "down"}}),
        httpx.ReadTimeout("slow"), ok({**RECORD, "status": "replayed", "replayed": True})])
    recorded = await call(client.usage.record_usage, authorization_ref="uauth_1", feature_key="api_calls",
                          resource_type="company", resource_id="co_1", dimensions={"seats": 3})
    assert recorded.replayed and route.call_count == 3
    keys = {body_of(c.request)["idempotency_key"] for c in route.calls}
    assert len(keys) == 1 and len(keys.pop()) == 36  # one fresh uuid4 for the logical call


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"feature_key": "api_calls", "resource_type": "user", "dimensions": {"calls": 1}}, "authorization_ref"),
    ({"authorization_ref": "u", "resource_type": "user", "dimensions": {"calls": 1}}, "feature_key"),
    ({"authorization_ref": "u", "feature_key": "api_calls", "dimensions": {"calls": 1}}, "resource_type"),
    ({"authorization_ref": "u", "feature_key": "api_calls", "resource_type": "team", "dimensions": {"c": 1}},
     "resource_type"),
    ({"authorization_ref": "u", "feature_key": "api_calls", "resource_type": "user"}, "dimensions"),
    ({"authorization_ref": "u", "feature_key": "api_calls", "resource_type": "user", "dimensions": {"c": -1}},
     "dimensions"),
    ({"authorization_ref": "u", "feature_key": "api_calls", "resource_type": "user", "dimensions": {"c": 1},
      "occurred_at": "yesterday"}, "occurred_at"),
])
async def test_record_usage_bad_input(client: Any, mock: respx.MockRouter, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        await call(client.usage.record_usage, **kwargs)
    assert info.value.field == field and not mock.calls


async def test_usage_history_events_and_offset_iteration(client: Any, mock: respx.MockRouter) -> None:
    events = [{"event_id": f"uevt_{i}", "feature_key": "api_calls", "dimensions": {"calls": 1}} for i in range(5)]

    def respond(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        assert not {"period", "start_date", "end_date", "feature", "format"} & set(params)
        limit, offset = int(params.get("limit", "50")), int(params.get("offset", "0"))
        more = offset + limit < len(events)
        return ok({"events": events[offset:offset + limit], "has_more": more,
                   "next_offset": offset + limit if more else None, "total": len(events)})

    route = mock.get("/api/usage/history").mock(side_effect=respond)
    page = await call(client.usage.get_history, feature_key="api_calls", resource_type="user", resource_id="usr_1",
                      subject_user_id="usr_1", limit=2, offset=2)
    assert [e.event_id for e in page.events] == ["uevt_2", "uevt_3"] and page.next_offset == 4 and page.total == 5
    assert page.events[0].dimensions == {"calls": 1} and page.history == []
    assert dict(route.calls[0].request.url.params) == {"feature_key": "api_calls", "resource_type": "user",
                                                       "resource_id": "usr_1", "subject_user_id": "usr_1",
                                                       "limit": "2", "offset": "2"}
    everything = await collect(client.usage.iter_history(feature_key="api_calls", page_size=2))
    assert [e.event_id for e in everything] == [e["event_id"] for e in events]
    assert [c.request.url.params.get("offset") for c in route.calls[1:]] == [None, "2", "4"]


# --- secure messages -------------------------------------------------------------------------------------
MESSAGE = {"id": "msg_1", "patient_id": "usr_1", "practitioner_id": "doc_1", "content": "hello", "sender_user_id": "usr_1",
           "sender_role": "patient", "client_message_id": "c-1", "created_at": "2026-10-01T00:00:00Z"}


async def test_create_message_needs_a_bearer(client: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/secure-messages").mock(return_value=ok(MESSAGE, status=201))
    with pytest.raises(NotSignedInError):
        await call(client.secure_messages.create_message, "usr_1", "doc_1", "hello")
    assert not route.calls


async def test_create_message_with_a_client_message_id(signed_in: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/secure-messages").mock(side_effect=[
        httpx.Response(502), ok(MESSAGE, status=201),
        err(409, "SECURE_MESSAGES_IDEMPOTENCY_CONFLICT"), err(403, "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT")])
    message = await call(signed_in.secure_messages.create_message, patient_id="usr_1", practitioner_id="doc_1",
                         content="hello", metadata={"v": 1}, client_message_id="c-1")
    assert (message.sender_user_id, message.sender_role, message.client_message_id) == ("usr_1", "patient", "c-1")
    assert route.call_count == 2  # a resend with the same clientMessageId is safe
    request = route.calls[0].request
    assert request.headers["authorization"] == f"Bearer {ACCESS}"
    assert body_of(request) == {"patientId": "usr_1", "practitionerId": "doc_1", "content": "hello",
                                "metadata": {"v": 1}, "clientMessageId": "c-1"}
    with pytest.raises(SecureMessagesError) as conflict:
        await call(signed_in.secure_messages.create_message, "usr_1", "doc_1", "changed", client_message_id="c-1")
    assert isinstance(conflict.value, paywire.ConflictError)
    with pytest.raises(SecureMessagesError) as forbidden:
        await call(signed_in.secure_messages.create_message, "usr_9", "doc_1", "hi")
    assert isinstance(forbidden.value, paywire.PermissionDeniedError)
    assert forbidden.value.error_code == "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT"


async def test_list_messages_is_pair_scoped_with_cursor_paging(signed_in: Any, mock: respx.MockRouter) -> None:
    thread = [{**MESSAGE, "id": f"msg_{i}"} for i in range(5)]

    def respond(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        assert "offset" not in params and params["patientId"] == "usr_1" and params["practitionerId"] == "doc_1"
        limit = int(params.get("limit", "50"))
        start = int(params["cursor"].split("_")[1]) if "cursor" in params else 0
        page = thread[start:start + limit]
        following = f"cur_{start + limit}" if start + limit < len(thread) else None
        return ok({"messages": page, "next_cursor": following})

    route = mock.get("/api/secure-messages").mock(side_effect=respond)
    first = await call(signed_in.secure_messages.list_messages, patient_id="usr_1", practitioner_id="doc_1", limit=2)
    assert [m.id for m in first.messages] == ["msg_0", "msg_1"] and first.next_cursor == "cur_2"
    second = await call(signed_in.secure_messages.list_messages, "usr_1", "doc_1", limit=2, cursor=first.next_cursor)
    assert [m.id for m in second.messages] == ["msg_2", "msg_3"]
    everything = await collect(signed_in.secure_messages.iter_messages("usr_1", "doc_1", page_size=2))
    assert [m.id for m in everything] == [m["id"] for m in thread]
    assert [c.request.url.params.get("cursor") for c in route.calls[2:]] == [None, "cur_2", "cur_4"]
    assert all(c.request.headers["authorization"] == f"Bearer {ACCESS}" for c in route.calls)


@pytest.mark.parametrize(("args", "field"), [((), "patient_id"), (("usr_1",), "practitioner_id")])
async def test_list_messages_needs_the_pair(signed_in: Any, mock: respx.MockRouter, args: tuple[str, ...],
                                            field: str) -> None:
    with pytest.raises(ValidationError, match=f"{field} is required on api_version 2026-10") as info:
        await call(signed_in.secure_messages.list_messages, *args)
    assert info.value.field == field and not mock.calls


async def test_auth_results_keep_their_type_for_the_seed_names(client: Any, mock: respx.MockRouter) -> None:
    """A normal sign-in on 2026-10 still gives the seed's AuthResult (``result.user.email``)."""
    mock.post("/api/auth/login").mock(return_value=ok(token_pair(user=USER)))
    result = await call(client.auth.sign_in_with_password, email="user@example.com", password="Passw0rd!")
    assert isinstance(result, AuthResult) and result.user.email == "user@example.com" and result.signed_in

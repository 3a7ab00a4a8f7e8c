"""Every SPAPS endpoint, sync and async, against respx: method and path, the auth headers the
reference demands (key everywhere under /api, bearer only on user routes, nothing on health and
metrics), the body or query sent, and the typed result with the seed's attribute names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import ACCESS, API_KEY, body_of, call, ok, token_pair, tokens

from paywire.spaps import (
    AuthResult,
    CheckoutSessionDetail,
    CryptoInvoice,
    GuestCheckoutSession,
    MessageResult,
    Subscription,
)

USER = {"id": "usr_1", "email": "user@example.com", "username": "sp", "tier": "pro", "wallets": []}
SUB = {"id": "sub_123", "status": "active", "current_period_start": 1, "current_period_end": 2,
       "cancel_at_period_end": False, "canceled_at": None,
       "items": [{"id": "si_1", "price": {"id": "price_123", "product": "prod_1", "unit_amount": 1999,
                                          "currency": "usd", "recurring": {"interval": "month", "interval_count": 1},
                                          "nickname": "Pro monthly"}}]}
PRODUCT = {"id": "prod_123", "name": "Pro", "prices": [{"id": "price_123", "nickname": "Pro monthly", "unit_amount": 1999}],
           "default_price": {"id": "price_123", "nickname": "Pro monthly"}, "metadata": {"category": "subscription"}}
PAYMENT = {"id": "pi_123", "amount": 1999, "currency": "usd", "status": "succeeded", "created": 1,
           "metadata": {"order": "42"}}
CHECKOUT_DETAIL = {"id": "cs_test_123", "status": "complete", "payment_status": "paid", "amount_total": 1999,
                   "currency": "usd", "metadata": {}, "expires_at": 123}
INVOICE = {"invoice_id": "inv_1", "asset": "USDC", "network": "base", "amount": "12.50", "status": "pending"}
ENTRY = {"email": "vip@example.com", "application_id": "app", "tier": "premium", "bypass_payment": True, "metadata": {}}
ETH = "0x" + "ab" * 20


@dataclass
class Case:
    id: str
    invoke: Callable[[Any], Any]
    method: str
    path: str
    response: httpx.Response
    auth: str  # none | key | bearer | optional
    check: Callable[[Any], None]
    body: Any = None
    params: dict[str, str] = field(default_factory=dict)
    signed_in: bool = True


def _is(cls: type[Any]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert isinstance(result, cls)
    return check


CASES = [
    # -- auth -------------------------------------------------------------------------------------
    Case("request_nonce", lambda c: c.auth.request_nonce(wallet_address=ETH, chain="ethereum"),
         "POST", "/api/auth/nonce",
         ok({"nonce": "n1", "message": "Sign this: n1", "wallet_address": ETH, "expires_at": "2025-01-01T00:05:00Z"}),
         "key", lambda r: (r.message == "Sign this: n1" and r.nonce == "n1") or pytest.fail(repr(r)),
         body={"wallet_address": ETH, "chain_type": "ethereum"}, signed_in=False),
    Case("verify_wallet", lambda c: c.auth.verify_wallet(wallet_address=ETH, signature="0x" + "11" * 65,
                                                         message="Sign this: n1", chain="ethereum"),
         "POST", "/api/auth/wallet-sign-in",
         ok(token_pair(user={"id": "usr_w", "wallet_address": ETH, "chain": "ethereum"})),
         "key", lambda r: (r.user.wallet_address == ETH and r.signed_in) or pytest.fail(repr(r)),
         body={"wallet_address": ETH, "signature": "0x" + "11" * 65, "message": "Sign this: n1",
               "chain_type": "ethereum"}, signed_in=False),
    Case("sign_in_with_password", lambda c: c.auth.sign_in_with_password(email="user@example.com", password="pw-123456"),
         "POST", "/api/auth/login", ok(token_pair(user=USER)), "key",
         lambda r: (r.user.email == "user@example.com" and r.expires_in == 900) or pytest.fail(repr(r)),
         body={"email": "user@example.com", "password": "pw-123456"}, signed_in=False),
    Case("refresh_tokens", lambda c: c.auth.refresh_tokens(), "POST", "/api/auth/refresh",
         ok({"access_token": "acc_refreshed_1234", "refresh_token": "ref_refreshed_1234", "expires_in": 900}),
         "key", lambda r: (r.user is None and r.signed_in) or pytest.fail(repr(r)),
         body={"refresh_token": "ref_tok_fedcba9876543210"}),
    Case("register_auto_login", lambda c: c.auth.register(email="new@example.com", password="pw-123456", username="neo"),
         "POST", "/api/auth/register",
         httpx.Response(201, json={"success": True, "message": "Registered", "user": {"id": "usr_n", "email": "new@example.com"},
                                   "tokens": {"access_token": "acc_new_user_1234", "refresh_token": "ref_new_user_1234",
                                              "expires_in": 900}}),
         "key", lambda r: (r.signed_in and r.message == "Registered" and r.user.id == "usr_n") or pytest.fail(repr(r)),
         body={"email": "new@example.com", "password": "pw-123456", "username": "neo"}, signed_in=False),
    Case("send_magic_link", lambda c: c.auth.send_magic_link(email="user@example.com"), "POST", "/api/auth/magic-link",
         ok({"email": "user@example.com", "sent_at": "2025-01-01T00:00:00Z"}, message="Magic link sent"), "key",
         lambda r: (r.message == "Magic link sent" and r.email == "user@example.com") or pytest.fail(repr(r)),
         body={"email": "user@example.com"}, signed_in=False),
    Case("verify_magic_link", lambda c: c.auth.verify_magic_link(token="ml_token_123456"), "POST",
         "/api/auth/verify-magic-link",
         httpx.Response(200, json={"success": True, "message": "ok", "user": USER,
                                   "tokens": {"access_token": "acc_magic_1234567", "refresh_token": "ref_magic_1234567",
                                              "expires_in": 900}}),
         "key", lambda r: (r.user.email == "user@example.com") or pytest.fail(repr(r)),
         body={"token": "ml_token_123456", "type": "magiclink"}, signed_in=False),
    Case("get_current_user", lambda c: c.auth.get_current_user(), "GET", "/api/auth/user",
         ok({"user": {**USER, "wallets": [{"wallet_address": ETH, "chain_type": "ethereum", "verified": True}],
                      "metadata": {"plan": "x"}}}),
         "bearer", lambda r: (r.id == "usr_1" and r.tier == "pro" and r.username == "sp"
                              and r.wallets[0].verified) or pytest.fail(repr(r))),
    Case("sign_out", lambda c: c.auth.sign_out(), "POST", "/api/auth/logout", ok(None, message="Logged out"),
         "bearer", lambda r: (isinstance(r, MessageResult) and r.message == "Logged out") or pytest.fail(repr(r))),
    Case("logout_alias", lambda c: c.auth.logout(), "POST", "/api/auth/logout", ok({"message": "Logged out"}),
         "bearer", lambda r: (r.message == "Logged out") or pytest.fail(repr(r))),
    Case("request_password_reset", lambda c: c.auth.request_password_reset(email="user@example.com",
                                                                            redirect_url="https://app.example.com/reset"),
         "POST", "/api/auth/password-reset",
         ok({"email": "user@example.com", "sent_at": "x"}, message="If an account with this email exists…"), "key",
         lambda r: (r.message.startswith("If an account")) or pytest.fail(repr(r)),
         body={"email": "user@example.com", "redirect_url": "https://app.example.com/reset"}, signed_in=False),
    Case("confirm_password_reset", lambda c: c.auth.confirm_password_reset(token="reset_tok_123456",
                                                                            new_password="Sup3rStrong!"),
         "POST", "/api/auth/reset-password-confirm", httpx.Response(200, json={"success": True, "message": "Password updated"}),
         "key", lambda r: (r.message == "Password updated") or pytest.fail(repr(r)),
         body={"token": "reset_tok_123456", "new_password": "Sup3rStrong!"}, signed_in=False),
    # -- sessions ----------------------------------------------------------------------------------
    Case("get_current_session", lambda c: c.sessions.get_current_session(), "GET", "/api/sessions/current",
         ok({"session": {"id": "sess_1", "user_id": "usr_1", "application_id": "app", "wallets_count": 0}}),
         "bearer", lambda r: (r.session_id == "sess_1" and r.application_id == "app") or pytest.fail(repr(r))),
    Case("validate_session", lambda c: c.sessions.validate_session(), "POST", "/api/sessions/validate",
         ok({"valid": True, "session_id": "sess_1", "expires_at": "x", "renewed": False}), "bearer",
         lambda r: (r.valid and r.session_id == "sess_1") or pytest.fail(repr(r)), body={}),
    Case("list_sessions", lambda c: c.sessions.list_sessions(limit=5, starting_after="sess_0"), "GET", "/api/sessions",
         ok({"sessions": [{"id": "sess_1", "is_current": True}], "total": 1}), "bearer",
         lambda r: (len(r.sessions) == 1 and r.sessions[0].session_id == "sess_1" and r.total == 1) or pytest.fail(repr(r)),
         params={"limit": "5", "starting_after": "sess_0"}),
    Case("touch_session", lambda c: c.sessions.touch_session(), "POST", "/api/sessions/touch",
         ok({"message": "touched", "session_id": "sess_1", "last_activity": "x"}), "bearer",
         lambda r: (r.session_id == "sess_1") or pytest.fail(repr(r)), body={}),
    Case("revoke_session", lambda c: c.sessions.revoke_session("sess_9"), "DELETE", "/api/sessions/sess_9",
         ok({"message": "revoked", "session_id": "sess_9"}), "bearer",
         lambda r: (r.session_id == "sess_9") or pytest.fail(repr(r))),
    Case("revoke_session_204", lambda c: c.sessions.revoke_session("sess_9"), "DELETE", "/api/sessions/sess_9",
         httpx.Response(204), "bearer", lambda r: (r.session_id == "sess_9") or pytest.fail(repr(r))),
    # -- legacy payments -------------------------------------------------------------------------------
    Case("create_checkout_session", lambda c: c.payments.create_checkout_session(
            price_id="price_123", mode="subscription", success_url="https://example.com/success",
            cancel_url="https://example.com/cancel", metadata={"a": 1}, require_legal_consent=True),
         "POST", "/api/payments/create-checkout-session",
         ok({"session_id": "cs_1", "checkout_url": "https://checkout.example/cs_1"}), "bearer",
         lambda r: (r.checkout_url == "https://checkout.example/cs_1") or pytest.fail(repr(r)),
         body={"price_id": "price_123", "mode": "subscription", "success_url": "https://example.com/success",
               "cancel_url": "https://example.com/cancel", "metadata": {"a": 1}, "require_legal_consent": True}),
    Case("get_balance", lambda c: c.payments.get_balance(), "GET", "/api/payments/balance",
         ok({"balance": {"available": 10.5, "pending": 0, "currency": "usd"}, "tier": "pro",
             "usage": {"credits_used": 3}}), "bearer",
         lambda r: (r.balance.available == 10.5 and r.usage.credits_used == 3) or pytest.fail(repr(r))),
    Case("create_payment_intent", lambda c: c.payments.create_payment_intent(amount=1999, currency="usd"),
         "POST", "/api/payments/create-payment-intent",
         ok({"payment_intent_id": "pi_9", "client_secret": "pi_9_secret_abcdef", "status": "requires_payment_method"}),
         "bearer", lambda r: (r.payment_intent_id == "pi_9" and "secret" not in repr(r)) or pytest.fail(repr(r)),
         body={"amount": 1999, "currency": "usd"}),
    Case("update_payment_method", lambda c: c.payments.update_payment_method(payment_method_id="pm_card_visa",
                                                                              set_default=True),
         "POST", "/api/payments/update-payment-method",
         ok({"message": "updated", "customer_id": "cus_1", "payment_method_id": "pm_card_visa", "is_default": True}),
         "bearer", lambda r: (r.is_default is True) or pytest.fail(repr(r)),
         body={"payment_method_id": "pm_card_visa", "set_default": True}),
    Case("wallet_deposit", lambda c: c.payments.wallet_deposit(wallet_address=ETH, chain_type="ethereum",
                                                                transaction_id="0x" + "cd" * 32, amount=0.5,
                                                                currency="ETH"),
         "POST", "/api/payments/wallet-deposit",
         ok({"deposit_id": "dep_1", "status": "pending", "amount": 0.5, "currency": "ETH",
             "confirmation_required": 12, "confirmation_current": 0}), "bearer",
         lambda r: (r.deposit_id == "dep_1" and r.confirmation_required == 12) or pytest.fail(repr(r)),
         body={"wallet_address": ETH, "chain_type": "ethereum", "transaction_id": "0x" + "cd" * 32, "amount": 0.5,
               "currency": "ETH"}),
    Case("get_wallet_transaction", lambda c: c.payments.get_wallet_transaction("tx_1"), "GET",
         "/api/payments/wallet-transaction/tx_1",
         ok({"transaction_id": "tx_1", "status": "completed", "confirmations": 12}), "bearer",
         lambda r: (r.status == "completed") or pytest.fail(repr(r))),
    # -- crypto -----------------------------------------------------------------------------------------
    Case("create_invoice", lambda c: c.payments.crypto.create_invoice(asset="USDC", network="base", amount="12.50"),
         "POST", "/api/payments/crypto/invoices", ok({"invoice": INVOICE}), "bearer",
         lambda r: (isinstance(r, CryptoInvoice) and r.id == "inv_1" and r.amount == "12.50") or pytest.fail(repr(r)),
         body={"asset": "USDC", "network": "base", "amount": "12.50"}),
    Case("get_invoice_wrapped", lambda c: c.payments.crypto.get_invoice("inv_1"), "GET",
         "/api/payments/crypto/invoices/inv_1", ok({"invoice": INVOICE}), "bearer",
         lambda r: (r.invoice_id == "inv_1" and r.status == "pending") or pytest.fail(repr(r))),
    Case("get_invoice_flat", lambda c: c.payments.crypto.get_invoice("inv_1"), "GET",
         "/api/payments/crypto/invoices/inv_1", ok({**INVOICE, "id": "inv_1"}), "bearer",
         lambda r: (r.id == "inv_1") or pytest.fail(repr(r))),
    Case("get_invoice_status", lambda c: c.payments.crypto.get_invoice_status("inv_1"), "GET",
         "/api/payments/crypto/invoices/inv_1/status",
         ok({"invoice_id": "inv_1", "status": "paid", "settlement_ids": ["s1"], "underpaid": False}), "bearer",
         lambda r: (r.settlement_ids == ["s1"]) or pytest.fail(repr(r))),
    Case("reconcile", lambda c: c.payments.crypto.reconcile(cursor={"after": "s1"}, recon_token="recon_tok_123456"),
         "POST", "/api/payments/crypto/reconcile", ok({"job_id": "job_1", "scheduled_at": "x", "cursor": None}),
         "bearer", lambda r: (r.job_id == "job_1") or pytest.fail(repr(r)), body={"cursor": {"after": "s1"}}),
    # -- stripe -----------------------------------------------------------------------------------------
    Case("get_checkout_session", lambda c: c.payments.get_checkout_session(session_id="cs_test_123"), "GET",
         "/api/stripe/checkout-sessions/cs_test_123", ok(CHECKOUT_DETAIL), "bearer",
         lambda r: (r.payment_status == "paid" and r.session_id == "cs_test_123") or pytest.fail(repr(r))),
    Case("list_checkout_sessions", lambda c: c.payments.list_checkout_sessions(limit=5), "GET",
         "/api/stripe/checkout-sessions",
         ok({"sessions": [{"id": "cs_1", "status": "open"}], "has_more": False, "next_cursor": None}), "bearer",
         lambda r: (len(r.sessions) == 1) or pytest.fail(repr(r)), params={"limit": "5"}),
    Case("expire_checkout_session", lambda c: c.payments.expire_checkout_session(session_id="cs_test_123"), "POST",
         "/api/stripe/checkout-sessions/cs_test_123/expire", ok({"id": "cs_test_123", "status": "expired", "expired": True}),
         "bearer", lambda r: (r.expired is True) or pytest.fail(repr(r)), body={}),
    Case("create_guest_checkout_session", lambda c: c.payments.create_guest_checkout_session(
            customer_email="guest@example.com", mode="payment", line_items=[{"price_id": "price_basic", "quantity": 1}],
            success_url="https://example.com/success", cancel_url="https://example.com/cancel"),
         "POST", "/api/stripe/guest-checkout-sessions",
         ok({"id": "cs_g1", "url": "https://checkout.example/cs_g1", "expiresAt": 1700000000,
             "customerEmail": "guest@example.com", "successUrl": "https://example.com/success"}),
         "key", lambda r: (isinstance(r, GuestCheckoutSession) and r.id == "cs_g1" and r.customer_email == "guest@example.com"
                           and r.checkout_url.endswith("cs_g1") and r.expires_at == 1700000000) or pytest.fail(repr(r)),
         body={"customer_email": "guest@example.com", "mode": "payment",
               "line_items": [{"price_id": "price_basic", "quantity": 1}],
               "success_url": "https://example.com/success", "cancel_url": "https://example.com/cancel"},
         signed_in=False),
    Case("get_guest_checkout_session", lambda c: c.payments.get_guest_checkout_session(session_id="cs_g1"), "GET",
         "/api/stripe/guest-checkout-sessions/cs_g1", ok({**CHECKOUT_DETAIL, "id": "cs_g1", "payment_status": "unpaid"}),
         "key", lambda r: (isinstance(r, CheckoutSessionDetail) and r.payment_status == "unpaid") or pytest.fail(repr(r)),
         signed_in=False),
    Case("list_guest_checkout_sessions", lambda c: c.payments.list_guest_checkout_sessions(limit=10,
                                                                                          customer_email="guest@example.com"),
         "GET", "/api/stripe/guest-checkout-sessions",
         ok({"sessions": [{"session_id": "cs_g1", "status": "open", "created_at": "2025-01-01T00:00:00Z"}],
             "has_more": False}),
         "key", lambda r: (r.sessions[0].session_id == "cs_g1" and r.sessions[0].id == "cs_g1") or pytest.fail(repr(r)),
         params={"limit": "10", "customer_email": "guest@example.com"}, signed_in=False),
    Case("convert_guest_checkout_session", lambda c: c.payments.convert_guest_checkout_session(
            session_id="cs_g1", email="guest@example.com", send_magic_link=True),
         "POST", "/api/stripe/guest-checkout-sessions/convert",
         ok({"success": True, "userId": "usr_g", "message": "converted", "magicLinkSent": True}), "key",
         lambda r: (r.user_id == "usr_g" and r.magic_link_sent is True) or pytest.fail(repr(r)),
         body={"session_id": "cs_g1", "email": "guest@example.com", "send_magic_link": True}, signed_in=False),
    Case("list_products", lambda c: c.payments.list_products(category="subscription", active=True, limit=10), "GET",
         "/api/stripe/products", ok({"products": [PRODUCT], "total": 1}), "bearer",
         lambda r: (r.products[0].default_price.nickname == "Pro monthly") or pytest.fail(repr(r)),
         params={"category": "subscription", "active": "true", "limit": "10"}),
    Case("get_product", lambda c: c.payments.get_product("prod_123"), "GET", "/api/stripe/products/prod_123",
         ok(PRODUCT), "bearer", lambda r: (r.prices[0].nickname == "Pro monthly") or pytest.fail(repr(r))),
    Case("get_product_without_prices", lambda c: c.payments.get_product("prod_123", include_prices=False), "GET",
         "/api/stripe/products/prod_123", ok({**PRODUCT, "prices": []}), "bearer",
         lambda r: (r.prices == []) or pytest.fail(repr(r)), params={"include_prices": "false"}),
    Case("list_subscriptions", lambda c: c.payments.list_subscriptions(status="active"), "GET", "/api/stripe/subscriptions",
         ok({"subscriptions": [SUB], "has_more": False}), "bearer",
         lambda r: (r.subscriptions[0].status == "active") or pytest.fail(repr(r)), params={"status": "active"}),
    Case("get_subscription", lambda c: c.payments.get_subscription(subscription_id="sub_123"), "GET",
         "/api/stripe/subscription/sub_123", ok(SUB), "bearer",
         lambda r: (r.plan.interval == "month" and r.plan.amount == 1999) or pytest.fail(repr(r))),
    Case("get_subscription_with_plan", lambda c: c.payments.get_subscription(subscription_id="sub_123"), "GET",
         "/api/stripe/subscription/sub_123", ok({**SUB, "plan": {"interval": "year", "amount": 19900}}), "bearer",
         lambda r: (r.plan.interval == "year") or pytest.fail(repr(r))),
    Case("update_subscription", lambda c: c.payments.update_subscription(subscription_id="sub_123", price_id="price_plus"),
         "POST", "/api/stripe/subscription/sub_123/update", ok(SUB), "bearer", _is(Subscription),
         body={"price_id": "price_plus"}),
    Case("cancel_subscription", lambda c: c.payments.cancel_subscription(subscription_id="sub_123", immediately=True),
         "POST", "/api/stripe/subscription/sub_123/cancel", ok({**SUB, "status": "canceled"}), "bearer",
         lambda r: (r.status == "canceled") or pytest.fail(repr(r)), body={"immediately": True}),
    Case("list_payment_history", lambda c: c.payments.list_payment_history(limit=20, status="succeeded"), "GET",
         "/api/stripe/history", ok({"payments": [PAYMENT], "has_more": False, "total_count": 1}), "bearer",
         lambda r: (r.payments[0].amount == 1999 and r.total_count == 1) or pytest.fail(repr(r)),
         params={"limit": "20", "status": "succeeded"}),
    Case("get_payment_detail_wrapped", lambda c: c.payments.get_payment_detail(payment_id="pi_123"), "GET",
         "/api/stripe/payment/pi_123", ok({"payment": PAYMENT}), "bearer",
         lambda r: (r.metadata == {"order": "42"}) or pytest.fail(repr(r))),
    Case("get_payment_detail_flat", lambda c: c.payments.get_payment_detail(payment_id="pi_123"), "GET",
         "/api/stripe/payment/pi_123", ok(PAYMENT), "bearer", lambda r: (r.id == "pi_123") or pytest.fail(repr(r))),
    # -- usage ----------------------------------------------------------------------------------------------
    Case("get_features", lambda c: c.usage.get_features(), "GET", "/api/usage/features",
         ok({"user_id": "usr_1", "tier": "pro", "period": {"start": "a", "end": "b"},
             "features": [{"name": "api_calls", "used": 3, "limit": 1000, "percentage": 0.3}],
             "overage": {"allowed": False, "charges": []}}), "bearer",
         lambda r: (r.features[0].name == "api_calls" and r.period.start == "a") or pytest.fail(repr(r))),
    Case("get_history", lambda c: c.usage.get_history(period="daily", start_date="2025-01-01", end_date="2025-01-31",
                                                       feature="api_calls"),
         "GET", "/api/usage/history",
         ok({"period": "daily", "history": [{"date": "2025-01-01", "features": {"api_calls": 3}, "total_cost": 0}],
             "summary": {}}), "bearer",
         lambda r: (r.history[0].features == {"api_calls": 3}) or pytest.fail(repr(r)),
         params={"period": "daily", "start_date": "2025-01-01", "end_date": "2025-01-31", "feature": "api_calls"}),
    Case("record_usage", lambda c: c.usage.record_usage(feature="api_calls", quantity=2, idempotency_key="idem-1"),
         "POST", "/api/usage/record",
         ok({"record_id": "rec_1", "feature": "api_calls", "quantity": 2, "current_usage": {"used": 2}}), "bearer",
         lambda r: (r.record_id == "rec_1") or pytest.fail(repr(r)), body={"feature": "api_calls", "quantity": 2.0}),
    # -- secure messages ---------------------------------------------------------------------------------------
    Case("create_message", lambda c: c.secure_messages.create_message(patient_id="pat_1", practitioner_id="doc_1",
                                                                     content="hello", metadata={"k": "v"}),
         "POST", "/api/secure-messages",
         ok({"id": "msg_1", "patient_id": "pat_1", "practitioner_id": "doc_1", "content": "hello"}, status=201),
         "optional", lambda r: (r.id == "msg_1" and r.patient_id == "pat_1") or pytest.fail(repr(r)),
         body={"patientId": "pat_1", "practitionerId": "doc_1", "content": "hello", "metadata": {"k": "v"}}),
    Case("create_message_key_only", lambda c: c.secure_messages.create_message(patient_id="pat_1", practitioner_id="doc_1",
                                                                              content="hello"),
         "POST", "/api/secure-messages", ok({"id": "msg_1"}, status=201), "key",
         lambda r: (r.id == "msg_1") or pytest.fail(repr(r)), signed_in=False),
    Case("list_messages", lambda c: c.secure_messages.list_messages(), "GET", "/api/secure-messages",
         ok({"messages": [{"id": "msg_1"}]}), "optional", lambda r: (r.messages[0].id == "msg_1") or pytest.fail(repr(r))),
    # -- whitelist --------------------------------------------------------------------------------------------
    Case("whitelist_check_hit", lambda c: c.whitelist.check("vip@example.com"), "GET", "/api/v1/whitelist/check",
         ok({"entry": ENTRY, "message": "Email is whitelisted"}, message="ok"), "key",
         lambda r: (r.whitelisted and r.entry.tier == "premium") or pytest.fail(repr(r)),
         params={"email": "vip@example.com"}, signed_in=False),
    Case("whitelist_check_miss", lambda c: c.whitelist.check("nobody@example.com"), "GET", "/api/v1/whitelist/check",
         ok({"message": "Email is not whitelisted"}), "key",
         lambda r: (not r.whitelisted and r.message == "Email is not whitelisted") or pytest.fail(repr(r)),
         params={"email": "nobody@example.com"}, signed_in=False),
    Case("whitelist_list", lambda c: c.whitelist.list(tier="premium", limit=10, offset=0), "GET", "/api/v1/whitelist",
         ok({"entries": [ENTRY], "total": 1}), "bearer", lambda r: (r.total == 1) or pytest.fail(repr(r)),
         params={"limit": "10", "offset": "0", "tier": "premium"}),
    Case("whitelist_add", lambda c: c.whitelist.add("vip@example.com"), "POST", "/api/v1/whitelist",
         ok({"entry": ENTRY}, status=201), "bearer", lambda r: (r.email == "vip@example.com") or pytest.fail(repr(r)),
         body={"email": "vip@example.com", "tier": "premium", "bypass_payment": True}),
    Case("whitelist_update", lambda c: c.whitelist.update("vip@example.com", tier="gold"), "PUT",
         "/api/v1/whitelist/vip@example.com", ok({"entry": {**ENTRY, "tier": "gold"}}), "bearer",
         lambda r: (r.tier == "gold") or pytest.fail(repr(r)), body={"tier": "gold"}),
    Case("whitelist_remove", lambda c: c.whitelist.remove("vip@example.com"), "DELETE",
         "/api/v1/whitelist/vip@example.com", ok({"message": "removed"}), "bearer",
         lambda r: (r.message == "removed") or pytest.fail(repr(r))),
    # -- metrics ------------------------------------------------------------------------------------------------
    Case("health", lambda c: c.metrics.health(), "GET", "/health", httpx.Response(200, json={"status": "healthy"}),
         "none", lambda r: (r.status == "healthy") or pytest.fail(repr(r))),
    Case("readiness", lambda c: c.metrics.readiness(), "GET", "/health/ready", httpx.Response(200, json={"ready": True}),
         "none", lambda r: (r.ready is True) or pytest.fail(repr(r))),
    Case("readiness_503", lambda c: c.metrics.readiness(), "GET", "/health/ready",
         httpx.Response(503, json={"ready": False, "reason": "db"}), "none",
         lambda r: (r.ready is False) or pytest.fail(repr(r))),
    Case("metrics_json", lambda c: c.metrics.get_metrics_json(), "GET", "/api/metrics/json",
         httpx.Response(200, json={"timestamp": "x", "uptime_seconds": 5.0, "system": {"memory": {"rss_mb": 50}}}),
         "none", lambda r: (r.uptime_seconds == 5.0 and r.system is not None and r.system.memory is not None
                                    and r.system.memory.rss_mb == 50) or pytest.fail(repr(r))),
    Case("prometheus", lambda c: c.metrics.get_prometheus_metrics(), "GET", "/api/metrics",
         httpx.Response(200, text="# HELP up 1\nup 1\n"), "none", lambda r: (r.startswith("# HELP")) or pytest.fail(repr(r))),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_endpoint(make: Any, mock: respx.MockRouter, case: Case) -> None:
    route = mock.route(method=case.method, path=case.path).mock(return_value=case.response)
    client = make()
    if case.signed_in:
        client.set_tokens(tokens())
    result = await call(case.invoke, client)
    case.check(result)
    assert route.call_count == 1
    request = route.calls[0].request
    headers = request.headers
    if case.auth == "none":
        assert "x-api-key" not in headers and "authorization" not in headers
    else:
        assert headers["x-api-key"] == API_KEY
    if case.auth in ("bearer",) or (case.auth == "optional" and case.signed_in):
        assert headers["authorization"] == f"Bearer {ACCESS}"
    elif case.auth in ("key", "none") or (case.auth == "optional" and not case.signed_in):
        assert "authorization" not in headers
    if case.body is not None:
        assert body_of(request) == case.body
    for name, value in case.params.items():
        assert request.url.params.get(name) == value
    if case.method == "GET" and not case.params:
        assert not request.url.params
    assert "user-agent" in headers and headers["user-agent"].startswith("paywire/")


async def test_extra_headers_per_call(make: Any, mock: respx.MockRouter) -> None:
    """Usage record carries X-Idempotency-Key; crypto reconcile X-Recon-Token."""
    usage = mock.post("/api/usage/record").mock(return_value=ok({"record_id": "rec_1", "feature": "api_calls",
                                                                 "quantity": 2, "current_usage": {"used": 2}}))
    recon = mock.post("/api/payments/crypto/reconcile").mock(return_value=ok({"job_id": "job_1"}))
    client = make()
    client.set_tokens(tokens())
    record = await call(client.usage.record_usage, feature="api_calls", quantity=2, idempotency_key="idem-1",
                        timestamp="2025-01-01T00:00:00Z")
    assert record.record_id == "rec_1" and record.current_usage.used == 2
    sent = usage.calls[0].request
    assert sent.headers["x-idempotency-key"] == "idem-1"
    assert body_of(sent) == {"feature": "api_calls", "quantity": 2.0, "timestamp": "2025-01-01T00:00:00+00:00"}
    await call(client.usage.record_usage, feature="api_calls", quantity=1)
    assert len(usage.calls[1].request.headers["x-idempotency-key"]) == 36  # a fresh uuid4
    await call(client.payments.crypto.reconcile, recon_token="recon_tok_123456")
    assert recon.calls[0].request.headers["x-recon-token"] == "recon_tok_123456"


async def test_record_usage_is_retried_with_the_same_key(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/usage/record").mock(side_effect=[
        httpx.Response(503, json={"error": {"code": "USAGE_SERVICE_UNAVAILABLE", "message": "down"}}),
        httpx.ReadTimeout("slow"),
        ok({"record_id": "rec_1"}),
    ])
    client = make()
    client.set_tokens(tokens())
    record = await call(client.usage.record_usage, feature="api_calls", quantity=1)
    assert record.record_id == "rec_1"
    keys = {c.request.headers["x-idempotency-key"] for c in route.calls}
    assert route.call_count == 3 and len(keys) == 1


async def test_posts_without_key_are_not_retried(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/api/payments/create-checkout-session").mock(
        return_value=httpx.Response(503, json={"error": {"code": "SERVER_ERROR", "message": "x"}}))
    client = make()
    client.set_tokens(tokens())
    with pytest.raises(Exception, match="SERVER_ERROR"):
        await call(client.payments.create_checkout_session, price_id="p", mode="payment",
                   success_url="https://e.com/s", cancel_url="https://e.com/c")
    assert route.call_count == 1


async def test_gets_are_retried(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/api/stripe/products").mock(side_effect=[httpx.Response(502), ok({"products": []})])
    client = make()
    client.set_tokens(tokens())
    catalog = await call(client.payments.list_products)
    assert catalog.products == [] and route.call_count == 2


async def test_retry_config_and_logging_hooks_as_in_the_seed(make: Any, mock: respx.MockRouter) -> None:
    from paywire.spaps import LoggingHooks, RetryConfig

    events: list[tuple[str, dict[str, Any]]] = []

    def hook(name: str) -> Callable[..., None]:
        return lambda **kw: events.append((name, kw))

    hooks = LoggingHooks(on_request=hook("request"), on_response=hook("response"), on_retry=hook("retry"),
                         on_error=hook("error"))
    route = mock.get("/health").mock(side_effect=[httpx.Response(503), httpx.Response(503), httpx.Response(503),
                                                  httpx.Response(200, json={"status": "ok"})])
    client = make(retry_config=RetryConfig(max_attempts=4, backoff_factor=0.2), logging_hooks=hooks)
    assert (await call(client.metrics.health)).status == "ok"
    assert route.call_count == 4
    names = [name for name, _ in events]
    assert names.count("retry") == 3 and names.count("request") == 4
    assert all(kw["url"].endswith("/health") for _, kw in events)


async def test_with_options_copy_shares_tokens_and_pool(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/sessions/current").mock(return_value=httpx.Response(500))
    client = make()
    client.set_tokens(tokens())
    quiet = client.with_options(max_retries=0)
    with pytest.raises(Exception, match="500"):
        await call(quiet.sessions.get_current_session)
    assert mock.routes[0].call_count == 1
    assert quiet.sessions is not client.sessions and quiet.get_tokens() == client.get_tokens()


async def test_raw_response_access(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/auth/user").mock(return_value=ok({"user": USER}, headers={"X-Request-ID": "req_1"}))
    client = make()
    client.set_tokens(tokens())
    raw = await call(client.auth.with_raw_response.get_current_user)
    assert raw.parsed.email == "user@example.com" and raw.request_id == "req_1" and raw.status_code == 200


def test_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from paywire.spaps import DEFAULT_API_KEY, DEFAULT_BASE_URL, SpapsClient

    with SpapsClient() as default:
        assert default.base_url == DEFAULT_BASE_URL == "http://localhost:3300"
        assert default._api_key == DEFAULT_API_KEY == "test_key_local_dev_only"
        assert default._timeout.read == 10.0
    monkeypatch.setenv("SPAPS_API_URL", "https://api.sweetpotato.dev/")
    monkeypatch.setenv("SPAPS_API_KEY", "env_key_1234567890")
    monkeypatch.setenv("SPAPS_REQUEST_TIMEOUT", "4.5")
    with SpapsClient() as env:
        assert env.base_url == "https://api.sweetpotato.dev" and env._api_key == "env_key_1234567890"
        assert env._timeout.read == 4.5
    with SpapsClient(base_url="http://127.0.0.1:9999", api_key="arg_key_1234567890", timeout=2) as explicit:
        assert explicit.base_url == "http://127.0.0.1:9999" and explicit._api_key == "arg_key_1234567890"
        assert explicit._timeout.read == 2.0


def test_plain_http_to_a_remote_host_is_refused() -> None:
    from paywire import ConfigError
    from paywire.spaps import SpapsClient

    with pytest.raises(ConfigError, match="plain-HTTP"):
        SpapsClient(base_url="http://api.sweetpotato.dev")


async def test_refresh_result_without_user_is_fine(make: Any, mock: respx.MockRouter) -> None:
    """0.1.4 required ``user`` in a refresh answer; the real server sends none (reference §1.6.4)."""
    mock.post("/api/auth/refresh").mock(return_value=ok({"access_token": "acc_only_123456789"}))
    client = make()
    client.set_tokens(tokens())
    result = await call(client.auth.refresh_tokens, refresh_token="explicit_refresh_123")
    assert isinstance(result, AuthResult) and result.user is None and result.token_type == "Bearer"
    stored = client.get_tokens()
    assert stored.access_token == "acc_only_123456789" and stored.refresh_token == "explicit_refresh_123"
    assert body_of(mock.routes[0].calls[0].request) == {"refresh_token": "explicit_refresh_123"}


@pytest.mark.parametrize("version", ["2025-11", "2026-10"])
def test_every_operation_of_each_spec_has_a_facade_call(version: str) -> None:
    """Every operation of openapi/spaps/<version>.yaml (its generated ``api.OPERATIONS``) is
    imported statically by some facade flow (``from paywire_gen_spaps_<v>.api.<tag> import <op>``,
    so mypy checks the call) and named by a client method in the version table."""
    import re
    from pathlib import Path

    from paywire.spaps._contract import CONTRACTS, METHODS

    package = Path(__file__).resolve().parents[2].joinpath("src/paywire/spaps")
    source = "".join(f.read_text() for f in [*sorted(package.glob("*.py")), *sorted(package.glob("resources/*.py"))])
    pkg = CONTRACTS[version].package
    used = set(re.findall(rf"from {pkg}\.api\.\w+ import (\w+) as", source))
    generated = set(CONTRACTS[version].operations)  # the generated api.OPERATIONS index
    assert generated - used == set()
    assert generated - set(METHODS.values()) == set()
    assert "importlib" not in source and "_get_kwargs" not in source and "_parse_response" not in source
    if version == "2025-11":  # CASES run on the seed-era contract: each of its operations has one
        for op in CONTRACTS[version].load_operations().values():
            pattern = re.compile("^" + re.sub(r"\{\w+\}", "[^/]+", op.path) + "$")
            assert any(c.method.lower() == op.method and pattern.match(c.path) for c in CASES), op.operation_id

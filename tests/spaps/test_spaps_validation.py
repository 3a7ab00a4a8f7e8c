"""Bad input raises ``paywire.ValidationError`` (a ``ValueError``) naming the field, before any
request is sent; the message never repeats a password or token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import respx
from _spaps_helpers import body_of, call, ok, tokens

import paywire
from paywire.spaps import ValidationError

ETH = "0x" + "ab" * 20
SOL = "HVEbdiYU3Rr34NHBSgKs7q8cvdTeZLqNL77Z1FB2vjLy"
OK_URL = "https://example.com/ok"



def _login_with(email: Any) -> Callable[[Any], Any]:
    return lambda c: c.auth.sign_in_with_password(email=email, password="pw-123456")


def _checkout_with(url: Any) -> Callable[[Any], Any]:
    return lambda c: c.payments.create_checkout_session(price_id="price_1", mode="payment", success_url=url,
                                                        cancel_url=OK_URL)


BAD: list[tuple[str, Callable[[Any], Any], str]] = [
    # emails
    *[(f"email-{i}", _login_with(e), "email")
      for i, e in enumerate(["", "   ", "user", "user@", "@example.com", "user@example", "us er@example.com",
                             "user@@example.com", None, 42])],
    ("magic-email", lambda c: c.auth.send_magic_link(email="not-an-email"), "email"),
    ("reset-email", lambda c: c.auth.request_password_reset(email="nope"), "email"),
    ("register-email", lambda c: c.auth.register(email="x@y", password="pw-123456"), "email"),
    ("guest-email", lambda c: c.payments.create_guest_checkout_session(
        customer_email="guest", mode="payment", line_items=[{"price_id": "p", "quantity": 1}],
        success_url=OK_URL, cancel_url=OK_URL), "customer_email"),
    ("whitelist-email", lambda c: c.whitelist.check("nope"), "email"),
    ("whitelist-remove-email", lambda c: c.whitelist.remove(""), "email"),
    # passwords and secrets
    ("empty-password", lambda c: c.auth.sign_in_with_password(email="user@example.com", password=""), "password"),
    ("blank-password", lambda c: c.auth.sign_in_with_password(email="user@example.com", password="   "), "password"),
    ("register-empty-password", lambda c: c.auth.register(email="a@example.com", password=""), "password"),
    ("reset-empty-password", lambda c: c.auth.confirm_password_reset(token="tok_123456", new_password=""), "new_password"),
    ("reset-empty-token", lambda c: c.auth.confirm_password_reset(token="", new_password="Str0ng-pw"), "token"),
    ("magic-empty-token", lambda c: c.auth.verify_magic_link(token=""), "token"),
    ("refresh-empty", lambda c: c.auth.refresh_tokens(refresh_token=""), "refresh_token"),
    ("empty-signature", lambda c: c.auth.verify_wallet(wallet_address=ETH, signature="", message="m", chain="ethereum"),
     "signature"),
    # chains and wallets
    ("unknown-chain-nonce", lambda c: c.auth.request_nonce(wallet_address=ETH, chain="bitcoin"), "chain"),
    ("unknown-chain-type", lambda c: c.auth.request_nonce(wallet_address=ETH, chain_type="dogecoin"), "chain_type"),
    ("unknown-chain-verify", lambda c: c.auth.verify_wallet(wallet_address=ETH, signature="0x11", message="m",
                                                            chain="tron"), "chain"),
    ("unknown-chain-deposit", lambda c: c.payments.wallet_deposit(wallet_address=ETH, chain_type="btc",
                                                                  transaction_id="tx", amount=1, currency="ETH"),
     "chain_type"),
    ("spaced-address", lambda c: c.auth.request_nonce(wallet_address="0xab cd", chain="ethereum"), "wallet_address"),
    ("empty-wallet", lambda c: c.auth.request_nonce(wallet_address=""), "wallet_address"),
    # amounts
    ("negative-intent", lambda c: c.payments.create_payment_intent(amount=-5, currency="usd"), "amount"),
    ("zero-intent", lambda c: c.payments.create_payment_intent(amount=0, currency="usd"), "amount"),
    ("float-intent", lambda c: c.payments.create_payment_intent(amount=19.99, currency="usd"), "amount"),
    ("string-intent", lambda c: c.payments.create_payment_intent(amount="1999", currency="usd"), "amount"),
    ("bool-intent", lambda c: c.payments.create_payment_intent(amount=True, currency="usd"), "amount"),
    ("bad-currency", lambda c: c.payments.create_payment_intent(amount=100, currency="$"), "currency"),
    ("negative-deposit", lambda c: c.payments.wallet_deposit(wallet_address=ETH, chain_type="ethereum",
                                                             transaction_id="tx", amount=-1, currency="ETH"), "amount"),
    ("nan-deposit", lambda c: c.payments.wallet_deposit(wallet_address=ETH, chain_type="ethereum",
                                                        transaction_id="tx", amount=float("nan"), currency="ETH"),
     "amount"),
    ("negative-invoice", lambda c: c.payments.crypto.create_invoice(asset="USDC", network="base", amount="-1"), "amount"),
    ("word-invoice", lambda c: c.payments.crypto.create_invoice(asset="USDC", network="base", amount="twelve"), "amount"),
    ("inf-invoice", lambda c: c.payments.crypto.create_invoice(asset="USDC", network="base", amount="Infinity"), "amount"),
    ("invoice-expiry", lambda c: c.payments.crypto.create_invoice(asset="USDC", network="base", amount="1",
                                                                  expires_in_seconds=0), "expires_in_seconds"),
    ("zero-usage", lambda c: c.usage.record_usage(feature="api_calls", quantity=0), "quantity"),
    ("negative-usage", lambda c: c.usage.record_usage(feature="api_calls", quantity=-3), "quantity"),
    ("usage-key", lambda c: c.usage.record_usage(feature="api_calls", quantity=1, idempotency_key="has space"),
     "idempotency_key"),
    ("usage-timestamp", lambda c: c.usage.record_usage(feature="api_calls", quantity=1, timestamp="noon"), "timestamp"),
    ("line-item-quantity", lambda c: c.payments.create_guest_checkout_session(
        customer_email="g@example.com", mode="payment", line_items=[{"price_id": "p", "quantity": 0}],
        success_url=OK_URL, cancel_url=OK_URL), "line_items[0].quantity"),
    ("no-line-items", lambda c: c.payments.create_guest_checkout_session(
        customer_email="g@example.com", mode="payment", line_items=[], success_url=OK_URL, cancel_url=OK_URL),
     "line_items"),
    ("guest-metadata", lambda c: c.payments.create_guest_checkout_session(
        customer_email="g@example.com", mode="payment", line_items=[{"price_id": "p"}], success_url=OK_URL,
        cancel_url=OK_URL, metadata={"n": 1}), "metadata"),
    # ids
    ("empty-session-id", lambda c: c.sessions.revoke_session(""), "session_id"),
    ("slash-session-id", lambda c: c.sessions.revoke_session("../admin"), "session_id"),
    ("space-product-id", lambda c: c.payments.get_product("prod 1"), "product_id"),
    ("empty-subscription", lambda c: c.payments.get_subscription(subscription_id=""), "subscription_id"),
    ("empty-cancel", lambda c: c.payments.cancel_subscription(subscription_id="  "), "subscription_id"),
    ("empty-price", lambda c: c.payments.update_subscription(subscription_id="sub_1", price_id=""), "price_id"),
    ("empty-payment", lambda c: c.payments.get_payment_detail(payment_id=""), "payment_id"),
    ("empty-checkout", lambda c: c.payments.get_checkout_session(session_id=""), "session_id"),
    ("empty-guest", lambda c: c.payments.get_guest_checkout_session(session_id=""), "session_id"),
    ("empty-invoice", lambda c: c.payments.crypto.get_invoice(""), "invoice_id"),
    ("empty-transaction", lambda c: c.payments.get_wallet_transaction(""), "transaction_id"),
    ("empty-patient", lambda c: c.secure_messages.create_message(patient_id="", practitioner_id="d", content="x"),
     "patient_id"),
    ("empty-content", lambda c: c.secure_messages.create_message(patient_id="p", practitioner_id="d", content=""),
     "content"),
    ("cursor-with-space", lambda c: c.sessions.list_sessions(starting_after="a b"), "starting_after"),
    # urls
    *[(f"url-{i}", _checkout_with(u), "success_url")
      for i, u in enumerate(["", "example.com/ok", "/relative", "ftp://example.com/x", "https://", "https://exa mple.com",
                             "javascript:alert(1)"])],
    ("bad-cancel-url", lambda c: c.payments.create_checkout_session(price_id="price_1", mode="payment",
                                                                    success_url=OK_URL, cancel_url="nope"), "cancel_url"),
    ("bad-redirect-url", lambda c: c.auth.request_password_reset(email="a@example.com", redirect_url="nope"),
     "redirect_url"),
    # other
    ("bad-mode", lambda c: c.payments.create_checkout_session(price_id="price_1", mode="rental",
                                                              success_url=OK_URL, cancel_url=OK_URL), "mode"),
    ("consent-too-long", lambda c: c.payments.create_checkout_session(
        price_id="price_1", mode="payment", success_url=OK_URL, cancel_url=OK_URL, legal_consent_text="x" * 121),
     "legal_consent_text"),
    ("metadata-not-mapping", lambda c: c.payments.create_checkout_session(
        price_id="price_1", mode="payment", success_url=OK_URL, cancel_url=OK_URL, metadata=["a"]), "metadata"),
    ("limit-zero", lambda c: c.payments.list_products(limit=0), "limit"),
    ("limit-huge", lambda c: c.payments.list_subscriptions(limit=1000), "limit"),
    ("limit-float", lambda c: c.sessions.list_sessions(limit=2.5), "limit"),
    ("offset-negative", lambda c: c.whitelist.list(offset=-1), "offset"),
    ("active-not-bool", lambda c: c.payments.list_products(active="yes"), "active"),
    ("bad-date", lambda c: c.usage.get_history(start_date="01/02/2025"), "start_date"),
    ("impossible-date", lambda c: c.usage.get_history(end_date="2025-02-30"), "end_date"),
    ("whitelist-bypass", lambda c: c.whitelist.add("vip@example.com", bypass_payment="yes"), "bypass_payment"),
    ("include-prices", lambda c: c.payments.get_product("prod_1", include_prices=None), "include_prices"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
async def test_bad_input_is_refused_before_any_request(make: Any, mock: respx.MockRouter,
                                                       case: tuple[str, Callable[[Any], Any], str]) -> None:
    _, invoke, field = case
    anything = mock.route().mock(return_value=ok({}))
    client = make()
    client.set_tokens(tokens())
    with pytest.raises(ValidationError) as info:
        await call(invoke, client)
    assert isinstance(info.value, ValueError) and isinstance(info.value, paywire.PaywireError)
    assert info.value.field == field, str(info.value)
    assert field in str(info.value)
    assert anything.call_count == 0


async def test_messages_never_echo_passwords(make: Any) -> None:
    client = make()
    with pytest.raises(ValidationError) as info:
        await call(client.auth.sign_in_with_password, email="not an email", password="Hunter2-secret")
    assert "Hunter2-secret" not in str(info.value)
    with pytest.raises(ValidationError) as info2:
        await call(client.auth.sign_in_with_password, email="a@example.com", password=12345678)
    assert "12345678" not in str(info2.value)


async def test_good_edge_values_pass(make: Any, mock: respx.MockRouter) -> None:
    """Values at the edges of what is allowed do reach the server."""
    replies = {"/api/auth/nonce": ok({"nonce": "n_1", "message": "Sign in: n_1"}),
               "/api/stripe/products": ok({"products": []})}
    route = mock.route().mock(side_effect=lambda request: replies.get(
        request.url.path, ok({"invoice": {"id": "inv_1"}, "usage": [], "events": []})))
    client = make()
    client.set_tokens(tokens())
    await call(client.payments.crypto.create_invoice, asset="USDC", network="base", amount=12)
    await call(client.auth.request_nonce, wallet_address=SOL, chain="Solana")
    await call(client.payments.list_products, limit=100)
    await call(client.usage.get_history, start_date="2024-02-29")
    assert route.call_count == 4
    assert body_of(route.calls[0].request)["amount"] == "12"
    assert body_of(route.calls[1].request) == {"wallet_address": SOL, "chain_type": "solana"}

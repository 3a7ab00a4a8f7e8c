"""The error codes of the SPAPS reference (§1.4), sync and async: each raises the seed-era class
of its resource, which is also paywire's generic class for the status, with ``status_code``,
``error_code``, ``response`` and ``request_id``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import call, err, ok, token_pair, tokens

import paywire
from paywire.spaps import (
    AuthError,
    CryptoPaymentsError,
    MetricsError,
    PaymentsError,
    SecureMessagesError,
    SessionError,
    SpapsApiError,
    SpapsError,
    SpapsResponseValidationError,
    UsageError,
    WhitelistError,
)

ETH = "0x" + "ab" * 20

# (id, invoke, method, path, status, code, seed class, generic class)
ERROR_CASES: list[tuple[str, Callable[[Any], Any], str, str, int, str, type[Exception], type[Exception]]] = [
    ("login-401", lambda c: c.auth.sign_in_with_password(email="user@example.com", password="wrong-pw"),
     "POST", "/api/auth/login", 401, "INVALID_CREDENTIALS", AuthError, paywire.AuthenticationError),
    ("register-400", lambda c: c.auth.register(email="user@example.com", password="pw-123456"),
     "POST", "/api/auth/register", 400, "EMAIL_ALREADY_EXISTS", AuthError, paywire.BadRequestError),
    ("reset-400", lambda c: c.auth.request_password_reset(email="user@example.com"),
     "POST", "/api/auth/password-reset", 400, "INVALID_EMAIL", AuthError, paywire.BadRequestError),
    ("magic-400", lambda c: c.auth.send_magic_link(email="user@example.com"),
     "POST", "/api/auth/magic-link", 400, "MAGIC_LINK_FAILED", AuthError, paywire.BadRequestError),
    ("verify-magic-401", lambda c: c.auth.verify_magic_link(token="used_token_1234"),
     "POST", "/api/auth/verify-magic-link", 401, "INVALID_TOKEN", AuthError, paywire.AuthenticationError),
    ("confirm-reset-401", lambda c: c.auth.confirm_password_reset(token="bad_token_1234", new_password="Str0ng-pw!"),
     "POST", "/api/auth/reset-password-confirm", 401, "INVALID_TOKEN", AuthError, paywire.AuthenticationError),
    ("refresh-401", lambda c: c.auth.refresh_tokens(refresh_token="stale_refresh_1234"),
     "POST", "/api/auth/refresh", 401, "INVALID_REFRESH", AuthError, paywire.AuthenticationError),
    ("logout-500", lambda c: c.auth.sign_out(), "POST", "/api/auth/logout", 500, "SERVER_ERROR", AuthError,
     paywire.InternalServerError),
    ("validate-403", lambda c: c.sessions.validate_session(), "POST", "/api/sessions/validate", 403,
     "SESSION_REVOKED", SessionError, paywire.PermissionDeniedError),
    ("revoke-404", lambda c: c.sessions.revoke_session("sess_x"), "DELETE", "/api/sessions/sess_x", 404,
     "SESSION_NOT_FOUND", SessionError, paywire.NotFoundError),
    ("checkout-400", lambda c: c.payments.create_checkout_session(price_id="price_bad", mode="payment",
                                                                  success_url="https://e.com/s", cancel_url="https://e.com/c"),
     "POST", "/api/payments/create-checkout-session", 400, "INVALID_PRICE", PaymentsError, paywire.BadRequestError),
    ("balance-401", lambda c: c.payments.get_balance(), "GET", "/api/payments/balance", 401, "UNAUTHORIZED",
     PaymentsError, paywire.AuthenticationError),
    ("intent-402", lambda c: c.payments.create_payment_intent(amount=500, currency="usd"),
     "POST", "/api/payments/create-payment-intent", 402, "CARD_DECLINED", PaymentsError, paywire.PaymentRequiredError),
    ("payment-method-404", lambda c: c.payments.update_payment_method(payment_method_id="pm_missing"),
     "POST", "/api/payments/update-payment-method", 404, "PAYMENT_METHOD_NOT_FOUND", PaymentsError,
     paywire.NotFoundError),
    ("deposit-422", lambda c: c.payments.wallet_deposit(wallet_address=ETH, chain_type="ethereum",
                                                        transaction_id="tx_bad", amount=1, currency="ETH"),
     "POST", "/api/payments/wallet-deposit", 422, "INVALID_TRANSACTION", PaymentsError,
     paywire.UnprocessableEntityError),
    ("transaction-404", lambda c: c.payments.get_wallet_transaction("tx_missing"), "GET",
     "/api/payments/wallet-transaction/tx_missing", 404, "TRANSACTION_NOT_FOUND", PaymentsError, paywire.NotFoundError),
    ("subscription-404", lambda c: c.payments.get_subscription(subscription_id="sub_x"), "GET",
     "/api/stripe/subscription/sub_x", 404, "SUBSCRIPTION_NOT_FOUND", PaymentsError, paywire.NotFoundError),
    ("cancel-400", lambda c: c.payments.cancel_subscription(subscription_id="sub_x"), "POST",
     "/api/stripe/subscription/sub_x/cancel", 400, "INVALID_SUBSCRIPTION", PaymentsError, paywire.BadRequestError),
    ("update-400", lambda c: c.payments.update_subscription(subscription_id="sub_x", price_id="price_x"), "POST",
     "/api/stripe/subscription/sub_x/update", 400, "SUBSCRIPTION_UPDATE_ERROR", PaymentsError, paywire.BadRequestError),
    ("subscriptions-500", lambda c: c.payments.list_subscriptions(), "GET", "/api/stripe/subscriptions", 500,
     "SUBSCRIPTION_LIST_ERROR", PaymentsError, paywire.InternalServerError),
    ("history-500", lambda c: c.payments.list_payment_history(), "GET", "/api/stripe/history", 500,
     "PAYMENT_HISTORY_ERROR", PaymentsError, paywire.InternalServerError),
    ("payment-404", lambda c: c.payments.get_payment_detail(payment_id="pi_x"), "GET", "/api/stripe/payment/pi_x",
     404, "PAYMENT_NOT_FOUND", PaymentsError, paywire.NotFoundError),
    ("products-500", lambda c: c.payments.list_products(), "GET", "/api/stripe/products", 500,
     "PRODUCT_LIST_ERROR", PaymentsError, paywire.InternalServerError),
    ("product-404", lambda c: c.payments.get_product("prod_x"), "GET", "/api/stripe/products/prod_x", 404,
     "NOT_FOUND", PaymentsError, paywire.NotFoundError),
    ("invoice-404", lambda c: c.payments.crypto.get_invoice("inv_x"), "GET", "/api/payments/crypto/invoices/inv_x",
     404, "NOT_FOUND", CryptoPaymentsError, paywire.NotFoundError),
    ("usage-503", lambda c: c.usage.get_features(), "GET", "/api/usage/features", 503, "USAGE_SERVICE_UNAVAILABLE",
     UsageError, paywire.InternalServerError),
    ("messages-500", lambda c: c.secure_messages.list_messages(), "GET", "/api/secure-messages", 500,
     "SECURE_MESSAGE_LIST_FAILED", SecureMessagesError, paywire.InternalServerError),
    ("whitelist-500", lambda c: c.whitelist.list(), "GET", "/api/v1/whitelist", 500, "INTERNAL_ERROR",
     WhitelistError, paywire.InternalServerError),
    ("session-401", lambda c: c.sessions.list_sessions(), "GET", "/api/sessions", 401, "INVALID_SESSION",
     SessionError, paywire.AuthenticationError),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
async def test_error_codes(make: Any, mock: respx.MockRouter,
                           case: tuple[str, Callable[[Any], Any], str, str, int, str, type[Exception], type[Exception]]) -> None:
    _, invoke, method, path, status, code, seed_cls, generic_cls = case
    mock.route(method=method, path=path).mock(
        return_value=err(status, code, "server says no", request_id="req_meta_1"))
    # a 401 on a user route triggers one refresh and one re-send; the refresh works here, the
    # re-sent call gets the same 401, which then surfaces as the route's own error
    refresh = mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    client = make(max_retries=0)
    client.set_tokens(tokens())
    with pytest.raises(seed_cls) as info:
        await call(invoke, client)
    error = info.value
    assert isinstance(error, generic_cls)
    assert isinstance(error, SpapsApiError) and isinstance(error, paywire.APIStatusError)
    assert error.status_code == status
    assert error.error_code == code == error.code  # type: ignore[attr-defined]
    assert error.request_id == "req_meta_1"  # type: ignore[attr-defined]
    assert isinstance(error.response, httpx.Response)  # type: ignore[attr-defined]
    assert "server says no" in str(error)
    user_route_401 = status == 401 and path.startswith(("/api/sessions", "/api/payments"))
    assert refresh.call_count == (1 if user_route_401 else 0)


async def test_request_id_header_wins_over_body(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/login").mock(return_value=err(401, "INVALID_CREDENTIALS", request_id="req_body",
                                                       header_request_id="req_header"))
    client = make()
    with pytest.raises(AuthError) as info:
        await call(client.auth.sign_in_with_password, email="user@example.com", password="wrong-pw")
    assert info.value.request_id == "req_header"
    assert "req_header" in str(info.value)


async def test_top_level_request_id_and_oauth_style_error(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/login").mock(return_value=httpx.Response(
        400, json={"error": "invalid_grant", "error_description": "grant expired", "request_id": "req_top"}))
    client = make()
    with pytest.raises(AuthError) as info:
        await call(client.auth.sign_in_with_password, email="user@example.com", password="x-pw-123")
    assert isinstance(info.value, paywire.BadRequestError)
    assert info.value.error_code == "invalid_grant" and info.value.request_id == "req_top"
    assert "grant expired" in str(info.value)


async def test_whitelist_error_without_success_field(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/v1/whitelist/check").mock(return_value=httpx.Response(
        500, json={"error": {"code": "INTERNAL_ERROR", "message": "boom"}}))
    client = make(max_retries=0)
    with pytest.raises(WhitelistError) as info:
        await call(client.whitelist.check, "a@example.com")
    assert info.value.error_code == "INTERNAL_ERROR" and "boom" in str(info.value)


async def test_error_details_are_exposed(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/register").mock(return_value=httpx.Response(400, json={
        "success": False, "error": {"code": "VALIDATION_ERROR", "message": "bad", "details": {"field": "email"}}}))
    client = make()
    with pytest.raises(AuthError) as info:
        await call(client.auth.register, email="a@example.com", password="pw-123456")
    assert info.value.details == {"field": "email"}


async def test_html_error_page_from_a_proxy(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/stripe/products").mock(return_value=httpx.Response(
        502, text="<html><body>Bad gateway</body></html>", headers={"content-type": "text/html"}))
    client = make(max_retries=0)
    client.set_tokens(tokens())
    with pytest.raises(PaymentsError) as info:
        await call(client.payments.list_products)
    assert isinstance(info.value, paywire.InternalServerError)
    assert info.value.status_code == 502 and info.value.error_code is None


async def test_success_status_with_a_body_that_is_not_json(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/stripe/products").mock(return_value=httpx.Response(200, text="<html>oops</html>"))
    client = make()
    client.set_tokens(tokens())
    with pytest.raises(SpapsResponseValidationError, match="not valid JSON") as info:
        await call(client.payments.list_products)
    assert isinstance(info.value, SpapsError) and info.value.status_code == 200


async def test_metrics_errors_are_metrics_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/api/metrics/json").mock(return_value=httpx.Response(500, text="down"))
    client = make(max_retries=0)
    with pytest.raises(MetricsError) as info:
        await call(client.metrics.get_metrics_json)
    assert isinstance(info.value, paywire.InternalServerError)


async def test_transport_errors_are_paywire_connection_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/health").mock(side_effect=httpx.ConnectError("refused"))
    client = make(max_retries=0)
    with pytest.raises(paywire.APIConnectionError):
        await call(client.metrics.health)

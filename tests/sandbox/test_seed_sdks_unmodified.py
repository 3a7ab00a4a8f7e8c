"""The original seed SDKs from PyPI, unmodified, work against the sandbox (issue: sandbox §server).

Below each prefix the sandbox speaks the real wire format, so `spaps` 0.1.4,
`lumen-python-sdk` 0.1.1, `vellumcharter` 0.1.0 and `conxa-sdk` 1.3.4 run their normal flows
against it with only the base URL pointed at 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from typing import Any

import conxa
import lumen
import spaps_client
import vellumcharter

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import lumen as sb_lumen
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox import vellum as sb_vellum


def test_spaps_0_1_4(paywire_sandbox: Any) -> None:
    client = spaps_client.SpapsClient(base_url=paywire_sandbox.base_url("spaps"), api_key=sb_spaps.DEFAULT_API_KEY)
    tokens = client.auth.sign_in_with_password(email=sb_spaps.DEFAULT_USER_EMAIL,
                                               password=sb_spaps.DEFAULT_USER_PASSWORD)
    assert tokens.access_token
    current = client.sessions.get_current_session()
    assert current.session_id
    catalog = client.payments.list_products(active=True, limit=10)
    assert catalog.products
    checkout = client.payments.create_checkout_session(
        price_id="price_123", mode="subscription",
        success_url="https://example.com/success", cancel_url="https://example.com/cancel")
    assert checkout.checkout_url
    profile = client.auth.get_current_user()
    assert profile.email == sb_spaps.DEFAULT_USER_EMAIL
    client.close()


def test_lumen_python_sdk_0_1_1(paywire_sandbox: Any) -> None:
    base, key = paywire_sandbox.base_url("lumen"), sb_lumen.DEFAULT_API_KEY

    async def flow() -> None:
        await lumen.enroll_user(email="seed@example.com", name="Seed User", user_id="seed_user",
                                api_url=base, api_key=key)
        status = await lumen.get_subscription_status(user_id="seed_user", api_url=base, api_key=key)
        assert status.get("hasActiveSubscription") is True, status
        response = await lumen.send_event(name=sb_lumen.API_CALL_EVENT, value=1, user_id="seed_user",
                                          idempotency_key="seed-1", api_url=base, api_key=key)
        assert response is not None and response.status_code == 202
        features = await lumen.get_features(user_id="seed_user", api_url=base, api_key=key)
        assert features and all(isinstance(v, bool) for v in features.values())
        assert await lumen.is_feature_entitled(feature="premium-feature", user_id="seed_user",
                                               api_url=base, api_key=key) is False

    asyncio.run(flow())


def test_vellumcharter_0_1_0(paywire_sandbox: Any) -> None:
    vc = vellumcharter.VellumClient(api_key=sb_vellum.DEFAULT_API_KEY, tenant_id=sb_vellum.DEFAULT_TENANT,
                                    base_url=paywire_sandbox.base_url("vellum-v1"), cache_ttl_ms=0)
    assert vc.get_entitlements("nobody").found is False  # 404 -> empty set, as the SDK expects
    vc.create_account(account_id="acct_seed", name="Seed Co")
    vc.create_customer(account_id="acct_seed", customer_id="unit_1")
    vc.create_subscription(account_id="acct_seed", customer_id="unit_1", plan_id="pro", plan_version=1)
    ent = vc.get_entitlements("unit_1")
    assert ent.found and ent.is_active() and vc.can("unit_1", "exports")
    assert vc.get_subscription(account_id="acct_seed", customer_id="unit_1")["status"] in ("active", "trialing")
    assert isinstance(vc.list_payment_methods(account_id="acct_seed"), list)
    vc.cancel_subscription(account_id="acct_seed", customer_id="unit_1", at_period_end=True)


def test_conxa_sdk_1_3_4(paywire_sandbox: Any) -> None:
    paywire_sandbox.state("conxa").set_min_poll_interval(0)
    client = conxa.CONXAClient(api_key=sb_conxa.DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("conxa"),
                               provider_id=sb_conxa.DEFAULT_PROVIDER_ID)
    qr = client.create_payment_qr(provider_username="seed@example.com", expires_in=60)
    assert qr.qr_base64.startswith("data:image/png;base64,")
    assert client.get_session_status("seed@example.com").status in ("not_found", "pending")
    paywire_sandbox.state("conxa").approve(sb_conxa.DEFAULT_PROVIDER_ID, "seed@example.com",
                                           sb_conxa.DEFAULT_WALLET_ID)
    session = client.wait_for_connection("seed@example.com", timeout=10, poll_interval=0.1, qr_data=qr)
    assert session.is_active and session.session_token
    result = client.charge(session_token=session.session_token, idempotency_key="seed-charge-1",
                           model_name="gpt-4", input_tokens=100, output_tokens=50)
    assert result.approved and result.new_balance == sb_conxa.DEFAULT_WALLET_TOKENS - 200
    again = client.charge(session_token=session.session_token, idempotency_key="seed-charge-1",
                          model_name="gpt-4", input_tokens=100, output_tokens=50)
    assert again.new_balance == result.new_balance  # the replay, not a second debit
    assert client.get_wallet_balance(sb_conxa.DEFAULT_WALLET_ID).tokens == result.new_balance

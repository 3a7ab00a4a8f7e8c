"""Error mapping into the core hierarchy, configuration (arguments > environment > default),
input validation before any request, secrets kept out of reprs and errors, seed-style
transports, and the 1.4.x aliases."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from _vellum_helpers import API_KEY, ENT, T, call

import paywire
from paywire.vellum import (
    AsyncVellumCharterClient,
    AsyncVellumClient,
    HttpResponse,
    VellumApiError,
    VellumAuthError,
    VellumCharterApiError,
    VellumCharterAuthError,
    VellumCharterClient,
    VellumCharterError,
    VellumCharterSignatureError,
    VellumClient,
    VellumConfigError,
    VellumError,
    VellumSignatureError,
    VellumValidationError,
)

SUB = f"{T}/accounts/acct_1/customers/unit_1/subscription"


@pytest.mark.parametrize(("status", "generic", "auth"), [
    (400, paywire.BadRequestError, False),
    (401, paywire.AuthenticationError, True),
    (403, paywire.PermissionDeniedError, True),
    (404, paywire.NotFoundError, False),
    (409, paywire.ConflictError, False),
    (429, paywire.RateLimitError, False),
    (500, paywire.InternalServerError, False),
])
async def test_status_errors(status: int, generic: type[Exception], auth: bool, make: Any,
                             mock: respx.MockRouter) -> None:
    text = '{"error":"subscription exists","code":"SUBSCRIPTION_EXISTS"}'
    mock.post(f"{T}/accounts/acct_1/customers/unit_1/subscribe").respond(status, text=text)
    with pytest.raises(VellumApiError) as err:
        await call(make().create_subscription, account_id="acct_1", customer_id="unit_1", plan_id="pro")
    exc = err.value
    assert isinstance(exc, generic) and isinstance(exc, VellumError) and isinstance(exc, paywire.PaywireError)
    assert isinstance(exc, VellumAuthError) is auth
    assert exc.status == exc.status_code == status
    assert exc.body == text  # the raw text, as in the seed
    assert exc.parsed_body == {"error": "subscription exists", "code": "SUBSCRIPTION_EXISTS"}
    assert exc.code == "SUBSCRIPTION_EXISTS"


async def test_non_json_error_body_is_kept_as_text(make: Any, mock: respx.MockRouter) -> None:
    mock.get(SUB).respond(502, text="<html>bad gateway</html>")
    with pytest.raises(VellumApiError) as err:
        await call(make(max_retries=0).get_subscription, account_id="acct_1", customer_id="unit_1")
    assert err.value.status == 502 and err.value.body == "<html>bad gateway</html>"


async def test_gets_are_retried_on_5xx(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(SUB).mock(side_effect=[httpx.Response(503, json={"error": "busy"}),
                                            httpx.Response(200, json={"status": "active"})])
    assert await call(make().get_subscription, account_id="acct_1", customer_id="unit_1") == {"status": "active"}
    assert route.call_count == 2


async def test_non_json_success_is_a_response_validation_error(make: Any, mock: respx.MockRouter) -> None:
    from paywire.vellum import VellumError, VellumResponseValidationError

    mock.get(SUB).respond(200, text="not json")
    with pytest.raises(VellumResponseValidationError, match="not valid JSON") as info:
        await call(make().get_subscription, account_id="acct_1", customer_id="unit_1")
    mock.get(f"{T}/accounts/acct_1/payment-methods").respond(200, json={"nope": []})
    with pytest.raises(VellumResponseValidationError, match="'methods'"):
        await call(make().list_payment_methods, account_id="acct_1")
    assert isinstance(info.value, VellumError)


async def test_connection_errors_are_core_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get(SUB).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(paywire.APIConnectionError):
        await call(make(max_retries=0).get_subscription, account_id="acct_1", customer_id="unit_1")


# --- configuration -------------------------------------------------------------------------------------


async def test_environment_configuration(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VELLUM_API_KEY", "vlm_env.env_secret_1")
    monkeypatch.setenv("VELLUM_TENANT_ID", "envtenant")
    monkeypatch.setenv("VELLUM_API_URL", "https://staging.vellum.example/")
    with respx.mock(base_url="https://staging.vellum.example") as router:
        route = router.get("/tenants/envtenant/customers/u/entitlements").respond(200, json=ENT)
        client = make(api_key=None, tenant_id=None)
        assert client.tenant_id == "envtenant" and client.base_url == "https://staging.vellum.example"
        assert await call(client.can, "u", "imports")
    assert route.calls.last.request.headers["x-api-key"] == "vlm_env.env_secret_1"


async def test_arguments_beat_environment(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VELLUM_TENANT_ID", "envtenant")
    monkeypatch.setenv("VELLUM_API_URL", "https://staging.vellum.example")
    client = make(tenant_id="sam", base_url="http://127.0.0.1:9")
    assert (client.tenant_id, client.base_url) == ("sam", "http://127.0.0.1:9")


@pytest.mark.parametrize(("kwargs", "match"), [
    (dict(api_key=None), "api_key is required.*VELLUM_API_KEY"),
    (dict(api_key=""), "api_key is required"),
    (dict(tenant_id=None), "tenant_id is required.*VELLUM_TENANT_ID"),
    (dict(tenant_id="a/b"), "tenant_id must not contain"),
    (dict(base_url="http://vellum.example"), "plain-HTTP"),
    (dict(base_url="ftp://vellum.example"), "absolute http"),
    (dict(cache_ttl_ms=-1), "cache_ttl_ms"),
    (dict(flag_cache_ttl_ms="30"), "flag_cache_ttl_ms"),
    (dict(stale_if_error_ms=-1), "stale_if_error_ms"),
    (dict(cache_max_size=0), "cache_max_size"),
    (dict(timeout=0), "timeout"),
])
async def test_bad_configuration(kwargs: dict[str, Any], match: str, make: Any) -> None:
    with pytest.raises(VellumConfigError, match=match) as err:
        make(**kwargs)
    assert isinstance(err.value, VellumError) and isinstance(err.value, paywire.ConfigError)


async def test_insecure_http_only_when_asked(make: Any) -> None:
    assert make(base_url="http://vellum.internal", allow_insecure_http=True).base_url == "http://vellum.internal"


async def test_key_never_in_repr_or_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get(SUB).respond(401, json={"error": f"bad key {API_KEY}"})
    client = make()
    assert API_KEY not in repr(client) and "api_key=" in repr(client)
    with pytest.raises(VellumAuthError) as err:
        await call(client.get_subscription, account_id="acct_1", customer_id="unit_1")
    assert API_KEY not in str(err.value) and API_KEY not in repr(err.value)


# --- validation before any request -----------------------------------------------------------------------

GOOD = dict(account_id="acct_1", customer_id="unit_1", plan_id="pro", plan_version=1,
            success_url="https://app.example/ok", cancel_url="https://app.example/no")


@pytest.mark.parametrize(("method", "kwargs", "field"), [
    ("create_checkout", {**GOOD, "account_id": ""}, "account_id"),
    ("create_checkout", {**GOOD, "customer_id": "a/b"}, "customer_id"),
    ("create_checkout", {**GOOD, "customer_id": "  "}, "customer_id"),
    ("create_checkout", {**GOOD, "customer_id": 42}, "customer_id"),
    ("create_checkout", {**GOOD, "seats": 0}, "seats"),
    ("create_checkout", {**GOOD, "seats": True}, "seats"),
    ("create_checkout", {**GOOD, "plan_version": "2"}, "plan_version"),
    ("create_checkout", {**GOOD, "success_url": "/relative"}, "success_url"),
    ("create_checkout", {**GOOD, "cancel_url": "javascript:alert(1)"}, "cancel_url"),
    ("create_subscription", dict(account_id="acct_1", customer_id="unit_1\n", plan_id="pro"), "customer_id"),
    ("set_seats", dict(account_id="acct_1", customer_id="unit_1", seats=-3), "seats"),
    ("set_customer_status", dict(account_id="acct_1", customer_id="unit_1", status=""), "status"),
    ("set_default_payment_method", dict(account_id="acct_1", method_id="pm/../x"), "method_id"),
    ("create_account", dict(account_id="acct_1", stripe_customer_id="cus_1", billing_customer_id="cus_2"),
     "billing_customer_id"),
    ("create_credit_checkout", dict(account_id="acct_1", customer_id="unit_1", success_url=GOOD["success_url"],
                                    cancel_url=GOOD["cancel_url"]), "pack_id"),
    ("create_credit_checkout", dict(account_id="acct_1", customer_id="unit_1", success_url=GOOD["success_url"],
                                    cancel_url=GOOD["cancel_url"], items=[]), "items"),
    ("consume_credits", dict(customer_id="unit_1", credit_type_id="t", amount=0, idempotency_key="k"), "amount"),
    ("update_subscription", dict(account_id="acct_1", customer_id="unit_1", plan_id="pro", plan_version=1,
                                 add_on_module_ids="sso"), "add_on_module_ids"),
])
async def test_bad_input_is_rejected_locally(method: str, kwargs: dict[str, Any], field: str, make: Any,
                                             mock: respx.MockRouter) -> None:
    with pytest.raises(VellumValidationError) as err:
        await call(getattr(make(), method), **kwargs)
    assert err.value.field == field
    assert isinstance(err.value, paywire.ValidationError) and isinstance(err.value, ValueError)
    assert not mock.calls


async def test_bad_customer_id_on_the_read_path(make: Any, mock: respx.MockRouter) -> None:
    client = make()
    for bad in ("", "a/b", "x\x00"):
        with pytest.raises(VellumValidationError, match="customer_id"):
            await call(client.can, bad, "imports")
    assert not mock.calls


async def test_plan_version_required_on_v1_only(make: Any, mock: respx.MockRouter) -> None:
    with pytest.raises(VellumValidationError, match="plan_version is required on api_version v1"):
        await call(make(api_version="v1").create_subscription, account_id="a", customer_id="c", plan_id="p")
    assert not mock.calls


# --- seed-style transport and aliases -----------------------------------------------------------------------


async def test_seed_style_transport_callable(make: Any) -> None:
    seen: list[tuple[str, str, dict[str, str], str | None]] = []

    def transport(method: str, url: str, headers: dict[str, str], body: str | None) -> HttpResponse:
        seen.append((method, url, headers, body))
        if url.endswith("/entitlements"):
            return HttpResponse(200, {"content-type": "application/json"}, '{"status": "active", "modules": ["imports"], "config": {}, "hasAccess": true}')
        return HttpResponse(200, {}, '{"accountId": "acct_1"}')

    client = make(base_url="https://vellum.test", transport=transport)
    assert await call(client.can, "unit_1", "imports")
    assert await call(client.create_account, account_id="acct_1") == {"accountId": "acct_1"}
    assert seen[0][:2] == ("GET", "https://vellum.test/tenants/sam/customers/unit_1/entitlements")
    assert seen[0][2]["x-api-key"] == API_KEY and seen[0][3] is None
    assert seen[1][0] == "POST" and seen[1][3] == '{"accountId":"acct_1"}'


async def test_httpx_mock_transport_passes_through(make: Any) -> None:
    client = make(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"status": "active", "modules": ["x"], "config": {}, "hasAccess": True})))
    assert await call(client.can, "unit_1", "x")


async def test_bad_transport(flavour: str) -> None:
    cls = VellumClient if flavour == "sync" else AsyncVellumClient
    with pytest.raises(TypeError, match="transport"):
        cls(api_key=API_KEY, tenant_id="sam", transport=42)


def test_1_4_names_are_aliases() -> None:
    assert VellumCharterClient is VellumClient and AsyncVellumCharterClient is AsyncVellumClient
    assert (VellumCharterError, VellumCharterAuthError, VellumCharterApiError, VellumCharterSignatureError) == (
        VellumError, VellumAuthError, VellumApiError, VellumSignatureError)


def test_positional_constructor_like_the_seed() -> None:
    client = VellumClient(API_KEY, "sam", "https://api.vellumcharter.com", 5_000)
    assert (client.tenant_id, client.cache_ttl_ms, client.base_url) == ("sam", 5000, "https://api.vellumcharter.com")
    client.close()


async def test_unhashable_customer_id_is_a_validation_error(make: Any, mock: respx.MockRouter) -> None:
    client = make()
    for method in (client.can, client.get_entitlements):
        args = (["unit_1"], "imports") if method == client.can else (["unit_1"],)
        with pytest.raises(VellumValidationError, match="customer_id must be a string"):
            await call(method, *args)
    assert not mock.calls

"""Regression tests for the generated client's pitfalls (openapi-python-client 0.29.1), each set
against the generated package's own behaviour so the contrast stays visible:

1. generated ``Client`` objects have ``timeout=None``; ``client.generated`` has finite timeouts;
2. ``AuthenticatedClient`` freezes its token; an ``httpx.Auth`` token provider does not;
3. ``client.generated`` uses the core's own httpx client per flavour (auth header included), so
   a sync-only transport on the sync client cannot break the async client;
4. ``with_headers`` mutates the original; the core's per-call headers go on the request only.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from _core_facade import BASE_URL, AsyncDemoClient, DemoClient, TokenProviderAuth
from _core_helpers import API_KEY, aclose, call
from paywire_gen_conxa_v1 import AuthenticatedClient, Client
from paywire_gen_conxa_v1.api.wallets import get_wallet_balance
from paywire_gen_conxa_v1.models.wallet_balance import WalletBalance

BALANCE = {"wallet_id": "1234567890123456", "tokens": 42}


async def generated_balance(gen: Any, is_async: bool, wallet_id: str = "1234567890123456") -> Any:
    if is_async:
        return await get_wallet_balance.asyncio_detailed(wallet_id, client=gen)
    return get_wallet_balance.sync_detailed(wallet_id, client=gen)


def finite(timeout: httpx.Timeout) -> bool:
    values = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    return all(v is not None and 0 < v < 3600 for v in values)


# --- 1. timeouts -----------------------------------------------------------------------------------
async def test_generated_httpx_client_has_finite_timeouts(make: Any, flavour: str) -> None:
    client = make(timeout=20)
    gen = client.generated
    own = gen.get_async_httpx_client() if client._is_async else gen.get_httpx_client()
    assert own is client._http
    assert finite(own.timeout)
    assert own.timeout.read == 20.0


async def test_generated_client_of_the_other_flavour_still_has_finite_timeouts(make: Any) -> None:
    """``aclient.generated.get_httpx_client()`` (or the reverse) must not fall back to no timeout."""
    client = make(timeout=20)
    gen = client.generated
    other = gen.get_httpx_client() if client._is_async else gen.get_async_httpx_client()
    try:
        assert other is not client._http
        assert finite(other.timeout)
    finally:
        if isinstance(other, httpx.AsyncClient):
            await other.aclose()
        else:
            other.close()


def test_contrast_bare_generated_client_has_no_timeout() -> None:
    bare = Client(base_url=BASE_URL)
    with bare.get_httpx_client() as http:
        assert http.timeout == httpx.Timeout(None)
        assert not finite(http.timeout)


# --- 2. refreshing bearer tokens ---------------------------------------------------------------------
async def test_token_provider_auth_sends_the_current_token_on_every_request(
    make: Any, mock: respx.MockRouter
) -> None:
    current = {"token": "token_one_abcdef"}
    route = mock.get("/things/t1").mock(return_value=httpx.Response(200, json={}))
    balance = mock.get("/wallet/1234567890123456").mock(return_value=httpx.Response(200, json=BALANCE))
    client = make(auth=TokenProviderAuth(lambda: current["token"]))
    await call(client.get_thing, "t1")
    current["token"] = "token_two_ghijkl"
    await call(client.get_thing, "t1")
    assert [c.request.headers["authorization"] for c in route.calls] == [
        "Bearer token_one_abcdef", "Bearer token_two_ghijkl"]
    # raw generated calls go through the same auth
    current["token"] = "token_three_mnopq"
    await generated_balance(client.generated, client._is_async)
    assert balance.calls.last.request.headers["authorization"] == "Bearer token_three_mnopq"


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_contrast_generated_authenticated_client_freezes_the_first_token(
    mock: respx.MockRouter, is_async: bool
) -> None:
    route = mock.get("/wallet/1234567890123456").mock(return_value=httpx.Response(200, json=BALANCE))
    gen = AuthenticatedClient(base_url=BASE_URL, token="token_one_abcdef")
    await generated_balance(gen, is_async)
    gen.token = "token_two_ghijkl"
    await generated_balance(gen, is_async)
    assert [c.request.headers["authorization"] for c in route.calls] == ["Bearer token_one_abcdef"] * 2
    if is_async:
        await gen.get_async_httpx_client().aclose()
    else:
        gen.get_httpx_client().close()


# --- 3. raw generated calls use the core's own httpx client ----------------------------------------
async def test_raw_generated_call_carries_auth_and_uses_the_core_http_client(
    make: Any, mock: respx.MockRouter
) -> None:
    route = mock.get("/wallet/1234567890123456").mock(
        return_value=httpx.Response(200, json=BALANCE, headers={"X-Request-ID": "req_gen"}))
    client = make()
    assert client.generated is client.generated  # built once
    resp = await generated_balance(client.generated, client._is_async)
    assert resp.status_code == 200
    assert isinstance(resp.parsed, WalletBalance) and resp.parsed.tokens == 42
    request = route.calls.last.request
    assert request.headers["x-provider-api-key"] == API_KEY
    assert request.headers["user-agent"].startswith("paywire/")
    assert finite(httpx.Timeout(**request.extensions["timeout"]))


async def test_with_options_copy_generated_client_uses_the_shared_pool(make: Any) -> None:
    client = make()
    copy = client.with_options(max_retries=0)
    for c in (copy, client):
        gen = c.generated
        assert (gen.get_async_httpx_client() if c._is_async else gen.get_httpx_client()) is client._http


class SyncOnlyTransport(httpx.BaseTransport):
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=BALANCE)


class AsyncOnlyTransport(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=BALANCE)


async def test_sync_only_transport_on_the_sync_client_does_not_break_the_async_client() -> None:
    sync_transport, async_transport = SyncOnlyTransport(), AsyncOnlyTransport()
    sync_client = DemoClient(api_key=API_KEY, transport=sync_transport)
    async_client = AsyncDemoClient(api_key=API_KEY, transport=async_transport)
    try:
        assert (await generated_balance(sync_client.generated, False)).status_code == 200
        assert (await generated_balance(async_client.generated, True)).status_code == 200
        assert sync_client.get_balance("1234567890123456") == BALANCE
        assert await async_client.get_balance("1234567890123456") == BALANCE
        assert len(sync_transport.requests) == 2 and len(async_transport.requests) == 2
        for request in sync_transport.requests + async_transport.requests:
            assert request.headers["x-provider-api-key"] == API_KEY
    finally:
        await aclose(sync_client)
        await aclose(async_client)


async def test_contrast_generated_httpx_args_transport_breaks_async_calls() -> None:
    gen = Client(base_url=BASE_URL, httpx_args={"transport": SyncOnlyTransport()})
    try:
        assert (await generated_balance(gen, False)).status_code == 200
        with pytest.raises(AttributeError, match="handle_async_request"):
            await generated_balance(gen, True)
    finally:
        gen.get_httpx_client().close()


# --- 4. per-call headers do not leak -------------------------------------------------------------------
async def test_per_call_idempotency_key_does_not_leak_into_later_calls(
    make: Any, mock: respx.MockRouter
) -> None:
    things = mock.post("/things").mock(return_value=httpx.Response(200, json={"id": "t1"}))
    charge = mock.post("/charge/authorize").mock(return_value=httpx.Response(200, json={"approved": True}))
    balance = mock.get("/wallet/1234567890123456").mock(return_value=httpx.Response(200, json=BALANCE))
    client = make()
    await call(client.create_thing, name="a", idempotency_key="only-once-1")
    await call(client.authorize_charge, session_token="sess_tok_abcdef", input_tokens=1, idempotency_key="c-1")
    await call(client.create_thing, name="b")
    await call(client.get_balance, "1234567890123456")
    await generated_balance(client.generated, client._is_async)
    assert things.calls[0].request.headers["idempotency-key"] == "only-once-1"
    assert "idempotency-key" not in things.calls[1].request.headers
    assert charge.calls[0].request.headers["x-idempotency-key"] == "c-1"
    for c in balance.calls:
        assert "x-idempotency-key" not in c.request.headers
        assert "x-provider-session" not in c.request.headers
    for name in ("idempotency-key", "x-idempotency-key", "x-provider-session"):
        assert name not in client._http.headers


async def test_contrast_generated_with_headers_mutates_the_original(mock: respx.MockRouter) -> None:
    route = mock.get("/wallet/1234567890123456").mock(return_value=httpx.Response(200, json=BALANCE))
    gen = Client(base_url=BASE_URL)
    http = gen.get_httpx_client()
    gen.with_headers({"X-Idempotency-Key": "leaky-1"})  # meant for one call...
    get_wallet_balance.sync_detailed("1234567890123456", client=gen)  # ...lands on the original
    assert route.calls.last.request.headers["x-idempotency-key"] == "leaky-1"
    http.close()

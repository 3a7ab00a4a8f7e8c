"""The opt-in aiohttp backend (``http_backend="aiohttp"``, ``_core/aiohttp_transport.py``).

Over real sockets: the sandbox for whole-stack behaviour (request log, injected drops), and a
tiny raw asyncio server where the test needs exact bytes or a misbehaving peer. The point of
the transport is its error mapping: failures before the request was sent must read as "never
sent" (retried even for a POST), everything after as "maybe delivered" (a POST without an
idempotency key is not sent twice).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import sys
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import httpx
import pytest
from _support.raw_http import http_response as response

from paywire._core import (
    APIConnectionError,
    APITimeoutError,
    AsyncClient,
    ConfigError,
    LoggingHooks,
    RetryConfig,
)
from paywire._core.aiohttp_transport import AiohttpTransport, _client_timeout, map_error
from paywire._core.asyncio_transport import AsyncioTransport
from paywire._core.client import ENV_HTTP_BACKEND, SyncClient
from paywire._core.transport import ShardedAsyncTransport
from paywire.sandbox import lumen as sblumen

NO_WAIT = RetryConfig(max_attempts=3, backoff_factor=0.0, jitter=False)


@pytest.fixture(autouse=True)
def _no_backend_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_HTTP_BACKEND, raising=False)


@pytest.fixture
async def client_factory() -> AsyncIterator[Callable[..., AsyncClient]]:
    built: list[AsyncClient] = []

    def make(base_url: str, **kwargs: Any) -> AsyncClient:
        kwargs.setdefault("http_backend", "aiohttp")
        kwargs.setdefault("retry_config", NO_WAIT)
        client = AsyncClient(base_url=base_url, **kwargs)
        built.append(client)
        return client

    yield make
    for client in built:
        await client.aclose()


def retries_seen(retries: list[dict[str, Any]]) -> LoggingHooks:
    return LoggingHooks(on_retry=lambda **fields: retries.append(fields))


async def send(client: AsyncClient, method: str, path: str, **kwargs: Any) -> httpx.Response:
    response: httpx.Response = await client._driver.run(client._request(method, path, **kwargs))
    return response


# --- happy paths -------------------------------------------------------------------------------
async def test_get_and_post_round_trip_headers_and_json_exactly(raw_server: Any, client_factory: Any) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                line, _headers, body, _ = await server.read_request(reader)
            except asyncio.IncompleteReadError:
                break
            payload = json.dumps({"line": line, "body": body.decode()}).encode()
            writer.write(response("200 OK", payload, {"Content-Type": "application/json", "X-Request-Id": "r1"}))
            await writer.drain()
        writer.close()

    server, url = await raw_server(handler)
    client = client_factory(url, headers={"X-Api-Key": "k-1"})
    assert isinstance(client._http._transport, AiohttpTransport)

    got = await send(client, "GET", "/v1/things/a%2Fb", params={"q": "x y"})
    assert got.status_code == 200
    assert got.json() == {"line": "GET /v1/things/a%2Fb?q=x+y HTTP/1.1", "body": ""}
    assert got.headers["x-request-id"] == "r1"
    assert got.http_version == "HTTP/1.1"

    posted = await send(client, "POST", "/v1/things", json={"amount": 5, "note": "é"},
                        headers={"X-Idempotency-Key": "idem-1"})
    assert posted.json()["body"] == json.dumps({"amount": 5, "note": "é"}, ensure_ascii=False, separators=(",", ":"))

    # Exactly the headers httpx built: no User-Agent/Accept/Content-Type of aiohttp's own.
    built = client._http.build_request("POST", "/v1/things", json={"amount": 5, "note": "é"},
                                       headers={"X-Idempotency-Key": "idem-1"})
    _, sent_headers, sent_body, _ = server.requests[1]
    assert {k.lower(): v for k, v in sent_headers.items()} == {k.lower(): v for k, v in built.headers.items()}
    assert sent_body == built.content
    assert "aiohttp" not in json.dumps(sent_headers).lower()
    assert len(server.requests) == 2


async def test_facade_round_trip_against_the_sandbox(paywire_sandbox: Any) -> None:
    from paywire.lumen import AsyncLumenClient

    async with AsyncLumenClient(api_key=sblumen.DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("lumen"),
                                http_backend="aiohttp") as lumen:
        assert isinstance(lumen._http._transport, AiohttpTransport)
        await lumen.enroll_user(email="ada@example.com", name="Ada", user_id="user-ada")
        features = await lumen.get_features(user_id="user-ada")
    assert isinstance(features, dict)
    ops = [r["op"] for r in paywire_sandbox.requests]
    assert "enroll_user" in ops and ops[-1] in ("get_entitlements", "get_customer_overview")


async def test_redirect_is_returned_not_followed(raw_server: Any, client_factory: Any) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        writer.write(response("302 Found", headers={"Location": "/elsewhere"}))
        await writer.drain()
        writer.close()

    server, url = await raw_server(handler)
    got = await send(client_factory(url), "GET", "/invoice.pdf")
    assert got.status_code == 302
    assert got.headers["location"] == "/elsewhere"
    assert len(server.requests) == 1


async def test_gzip_body_is_decoded_by_httpx(raw_server: Any, client_factory: Any) -> None:
    payload = json.dumps({"entitled": True, "pad": "x" * 500}).encode()
    packed = gzip.compress(payload)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        writer.write(response("200 OK", packed, {"Content-Encoding": "gzip", "Content-Type": "application/json"}))
        await writer.drain()
        writer.close()

    server, url = await raw_server(handler)
    got = await send(client_factory(url), "GET", "/e")
    assert got.json() == {"entitled": True, "pad": "x" * 500}
    assert got.headers["content-encoding"] == "gzip"  # raw bytes came through; httpx decoded them
    assert int(got.headers["content-length"]) == len(packed)
    sent = {k.lower(): v for k, v in server.requests[0][1].items()}
    assert "gzip" in sent["accept-encoding"]


# --- never sent: retried even for a POST ----------------------------------------------------------
async def test_connect_refused_is_never_sent_so_a_post_is_retried(client_factory: Any) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    retries: list[dict[str, Any]] = []
    client = client_factory(f"http://127.0.0.1:{port}", logging_hooks=retries_seen(retries))
    with pytest.raises(APIConnectionError) as info:
        await send(client, "POST", "/v1/charges", json={"amount": 1})
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert [r["reason"] for r in retries] == ["ConnectError", "ConnectError"]


async def test_tls_handshake_failure_is_never_sent(raw_server: Any, client_factory: Any) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(100)  # the ClientHello; answer with something that is not TLS
        writer.write(b"HTTP/1.1 400 Bad Request\r\n\r\n")
        await writer.drain()
        writer.close()

    _, url = await raw_server(handler)
    retries: list[dict[str, Any]] = []
    client = client_factory(url.replace("http://", "https://"), logging_hooks=retries_seen(retries))
    with pytest.raises(APIConnectionError) as info:
        await send(client, "POST", "/v1/charges", json={"amount": 1})
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert isinstance(info.value.__cause__.__cause__, aiohttp.ClientConnectorError)
    assert len(retries) == 2


# --- maybe delivered: a POST without an idempotency key is sent once ------------------------------
async def test_sandbox_drop_after_commit_post_without_key_is_not_retried(paywire_sandbox: Any,
                                                                         client_factory: Any) -> None:
    paywire_sandbox.faults.add("lumen:send_event", reset="after")
    client = client_factory(paywire_sandbox.base_url("lumen"),
                            headers={"Authorization": f"Bearer {sblumen.DEFAULT_API_KEY}"})
    with pytest.raises(APIConnectionError) as info:
        await send(client, "POST", "/v1/events", json={"eventName": "api_call", "eventValue": 1,
                                                      "extCustomerId": "user-1"})
    assert isinstance(info.value.__cause__, (httpx.RemoteProtocolError, httpx.ReadError))
    assert [r["op"] for r in paywire_sandbox.requests] == ["send_event"]


async def test_sandbox_drop_after_commit_retry_safe_post_is_retried_once_with_same_key(
        paywire_sandbox: Any, client_factory: Any) -> None:
    paywire_sandbox.faults.add("lumen:send_event", reset="after")
    client = client_factory(paywire_sandbox.base_url("lumen"),
                            headers={"Authorization": f"Bearer {sblumen.DEFAULT_API_KEY}"})
    got = await send(client, "POST", "/v1/events", retry_safe=True, ok=(404,),
                     json={"eventName": "api_call", "eventValue": 1, "extCustomerId": "user-1"},
                     headers={"X-Idempotency-Key": "evt-key-1"})
    assert got.status_code in (202, 404)
    log = paywire_sandbox.requests
    assert [r["op"] for r in log] == ["send_event", "send_event"]
    assert [r["idempotency_key"] for r in log] == ["evt-key-1", "evt-key-1"]
    assert "fault" in log[0] and "fault" not in log[1]


async def test_disconnect_after_request_and_truncated_body_are_maybe_delivered(raw_server: Any,
                                                                              client_factory: Any) -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        writer.close()  # read the whole request, answer nothing

    async def truncate(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server2.read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":")
        await writer.drain()
        writer.close()

    server, url = await raw_server(hang_up)
    server2, url2 = await raw_server(truncate)
    for srv, base in ((server, url), (server2, url2)):
        retries: list[dict[str, Any]] = []
        client = client_factory(base, logging_hooks=retries_seen(retries))
        with pytest.raises(APIConnectionError) as info:
            await send(client, "POST", "/v1/charges", json={"amount": 1})
        assert isinstance(info.value.__cause__, (httpx.RemoteProtocolError, httpx.ReadError))
        assert not isinstance(info.value.__cause__, (httpx.ConnectError, httpx.ConnectTimeout))
        assert retries == []
        assert len(srv.requests) == 1


async def test_read_timeout_is_a_timeout_and_maybe_delivered(raw_server: Any, client_factory: Any) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        await asyncio.sleep(5)
        writer.close()

    server, url = await raw_server(silent)
    retries: list[dict[str, Any]] = []
    client = client_factory(url, timeout=0.3, logging_hooks=retries_seen(retries))
    with pytest.raises(APITimeoutError) as info:
        await send(client, "POST", "/v1/charges", json={"amount": 1})
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert retries == [] and len(server.requests) == 1


# --- the mapping and the timeouts, one by one ----------------------------------------------------
@pytest.mark.parametrize(("exc", "expected"), [
    (aiohttp.ConnectionTimeoutError("connect"), httpx.ConnectTimeout),
    (aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout),
    (TimeoutError(), httpx.ReadTimeout),
    (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
    (aiohttp.ClientPayloadError("incomplete"), httpx.RemoteProtocolError),
    (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
    (aiohttp.ClientConnectionResetError("closing transport"), httpx.ReadError),
    (aiohttp.ClientConnectionError("other"), httpx.RemoteProtocolError),
    (aiohttp.ClientError("unknown"), httpx.RemoteProtocolError),
])
def test_error_mapping_only_connect_failures_are_never_sent(exc: BaseException, expected: type) -> None:
    request = httpx.Request("POST", "https://api.example.test/x")
    mapped = map_error(exc, request)
    assert type(mapped) is expected
    assert mapped.request is request


def test_request_timeouts_map_to_aiohttp_timeouts() -> None:
    t = _client_timeout({"connect": 2.0, "read": 7.0, "write": 7.0, "pool": 3.0})
    assert (t.total, t.sock_connect, t.sock_read, t.connect) == (None, 2.0, 7.0, 5.0)
    t = _client_timeout({"connect": None, "read": None, "write": None, "pool": None})
    assert (t.total, t.sock_connect, t.sock_read, t.connect) == (None, None, None, None)
    assert _client_timeout(None).total is None


# --- choosing the backend ------------------------------------------------------------------------
async def test_backend_from_argument_env_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    base = "https://api.example.test"
    default = AsyncClient(base_url=base)  # paywire's own asyncio wire is the default
    assert isinstance(default._http._transport, AsyncioTransport)
    monkeypatch.setenv(ENV_HTTP_BACKEND, "httpx")
    from_env = AsyncClient(base_url=base)
    assert isinstance(from_env._http._transport, ShardedAsyncTransport)
    monkeypatch.setenv(ENV_HTTP_BACKEND, "aiohttp")
    explicit = AsyncClient(base_url=base, http_backend="httpx")  # the argument beats the env (aiohttp)
    assert isinstance(explicit._http._transport, ShardedAsyncTransport)
    given = httpx.MockTransport(lambda r: httpx.Response(204))
    assert AsyncClient(base_url=base, transport=given)._http._transport is given  # a transport wins
    sync = SyncClient(base_url=base)  # the sync client ignores the backend
    assert isinstance(sync._http, httpx.Client)
    sync.close()
    monkeypatch.setenv(ENV_HTTP_BACKEND, "curl")
    with pytest.raises(ConfigError, match="PAYWIRE_HTTP_BACKEND"):
        AsyncClient(base_url=base)
    with pytest.raises(ConfigError, match="http_backend"):
        AsyncClient(base_url=base, http_backend="requests")  # type: ignore[arg-type]
    for client in (default, from_env, explicit):
        await client.aclose()


async def test_facades_forward_http_backend() -> None:
    from paywire.conxa import AsyncConxaClient
    from paywire.lumen import AsyncLumenClient
    from paywire.vellum import AsyncVellumClient

    clients = [
        AsyncVellumClient(api_key="vlm_sam.x", tenant_id="sam", http_backend="aiohttp"),
        AsyncLumenClient(api_key="lumen_sk_test_x", http_backend="aiohttp"),
        AsyncConxaClient(api_key="pk_test_prov1_abc", provider_id="prov1", http_backend="aiohttp"),
    ]
    for client in clients:
        assert isinstance(client._http._transport, AiohttpTransport)
        await client.aclose()


def test_aiohttp_missing_raises_config_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    monkeypatch.delitem(sys.modules, "paywire._core.aiohttp_transport", raising=False)
    with pytest.raises(ConfigError, match=r"pip install paywire\[aiohttp\]"):
        AsyncClient(base_url="https://api.example.test", http_backend="aiohttp")
    monkeypatch.setenv(ENV_HTTP_BACKEND, "aiohttp")
    with pytest.raises(ConfigError, match=r"pip install paywire\[aiohttp\]"):
        AsyncClient(base_url="https://api.example.test")


async def test_aclose_closes_the_session(raw_server: Any) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await server.read_request(reader)
        writer.write(response("204 No Content"))
        await writer.drain()

    server, url = await raw_server(handler)
    client = AsyncClient(base_url=url, http_backend="aiohttp")
    transport = client._http._transport
    assert (await send(client, "GET", "/")).status_code == 204
    session = transport._session
    assert session is not None and not session.closed
    await client.aclose()
    assert session.closed and transport._session is None


def test_after_fork_releases_sockets_without_a_warning() -> None:
    """``after_fork`` (what the at-fork hook runs in the child) drops the session's connections
    without a byte on the wire and marks their transports closed, so collecting them warns
    nothing ("unclosed transport"); the child's next request, in its own loop, connects anew."""
    import gc
    import warnings

    from _support.raw_http import Peer

    from paywire._core import fork

    server = Peer("keep")
    transport = AiohttpTransport()
    parents_loop = asyncio.new_event_loop()
    timeouts = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}
    try:
        request = httpx.Request("GET", server.url, extensions={"timeout": timeouts})
        assert parents_loop.run_until_complete(transport.handle_async_request(request)).status_code == 200
        assert transport.open_connections == 1
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert fork.reset_transport(transport)  # in the child
            assert transport.open_connections == 0
            parents_loop.close()  # the last references to the parent's transports go with it
            gc.collect()
            again = httpx.Request("GET", server.url, extensions={"timeout": timeouts})

            async def child() -> int:  # an aiohttp session belongs to one loop: used and closed there
                status = (await transport.handle_async_request(again)).status_code
                await transport.aclose()
                return status

            assert asyncio.run(child()) == 200
            gc.collect()
        assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
        assert server.connections == 2 and server.requests == 2
    finally:
        parents_loop.close()
        server.close()

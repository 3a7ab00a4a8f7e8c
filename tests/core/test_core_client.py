"""The client machinery: one-source operations, raw responses, pagination, ``with_options``
copies, resources, closing, concurrency and the flow drivers' edge cases."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import Any

import httpx
import pytest
import respx
from _core_facade import AsyncDemoClient, DemoClient
from _core_helpers import API_KEY, FakeClock, aclose, call, collect, patch_sleep
from _support.concurrency import run_threads

from paywire._core import (
    APIConnectionError,
    AsyncClient,
    AsyncPager,
    Flow,
    InternalServerError,
    NotFoundError,
    PaywireError,
    RawResponse,
    SyncClient,
    SyncPager,
    operation,
)


# --- one source, two flavours ------------------------------------------------------------------------
def test_operations_are_sync_methods_or_coroutines() -> None:
    sync_client, async_client = DemoClient(api_key=API_KEY), AsyncDemoClient(api_key=API_KEY)
    try:
        assert not inspect.iscoroutinefunction(sync_client.get_thing)
        assert inspect.iscoroutinefunction(async_client.get_thing)
        assert not inspect.iscoroutinefunction(sync_client.things.get)
        assert inspect.iscoroutinefunction(async_client.things.get)
        assert sync_client.get_thing.__name__ == "get_thing"
        assert DemoClient.get_thing is AsyncDemoClient.get_thing  # the same descriptor, one body
        assert isinstance(DemoClient.__dict__.get("get_thing", DemoClient.get_thing), operation)
        assert sync_client.get_thing is sync_client.get_thing  # bound once, cached
    finally:
        sync_client.close()
        asyncio.run(async_client.aclose())


async def test_sync_and_async_send_identical_requests(mock: respx.MockRouter) -> None:
    route = mock.post("/things").mock(return_value=httpx.Response(200, json={"id": "t1"}))
    sync_client, async_client = DemoClient(api_key=API_KEY), AsyncDemoClient(api_key=API_KEY)
    try:
        sync_client.create_thing(name="x", idempotency_key="same-1")
        await async_client.create_thing(name="x", idempotency_key="same-1")
    finally:
        await aclose(sync_client)
        await aclose(async_client)
    first, second = (c.request for c in route.calls)
    assert (first.method, first.url, first.content) == (second.method, second.url, second.content)
    assert dict(first.headers) == dict(second.headers)


# --- raw access -----------------------------------------------------------------------------------------
async def test_with_raw_response_returns_status_headers_request_id_and_parsed(
    make: Any, mock: respx.MockRouter
) -> None:
    mock.get("/things/t1").mock(side_effect=[
        httpx.Response(503),
        httpx.Response(200, json={"id": "t1"}, headers={"X-Request-ID": "req_raw", "Location": "/things/t1"}),
    ])
    client = make()
    raw = await call(client.with_raw_response.get_thing, "t1")
    assert isinstance(raw, RawResponse)
    assert raw.parsed == {"id": "t1"}
    assert raw.status_code == 200  # the last response, after the retry
    assert raw.request_id == "req_raw"
    assert raw.headers["location"] == "/things/t1"
    assert isinstance(raw.http_response, httpx.Response)
    assert "status_code=200" in repr(raw)


async def test_with_raw_response_on_nested_resources(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(200, json={"id": "t1"}, headers={"X-Request-ID": "r1"}))
    mock.get("/admin/stats").mock(return_value=httpx.Response(200, json={"n": 1}, headers={"X-Request-ID": "r2"}))
    client = make()
    for fn in (client.with_raw_response.things.get, client.things.with_raw_response.get):
        raw = await call(fn, "t1")
        assert (raw.parsed, raw.request_id, raw.status_code) == ({"id": "t1"}, "r1", 200)
    raw = await call(client.with_raw_response.admin.stats)
    assert (raw.parsed, raw.request_id) == ({"n": 1}, "r2")
    mock.get("/things/t1/labels").mock(return_value=httpx.Response(200, json=["a"], headers={"X-Request-ID": "r3"}))
    raw = await call(client.with_raw_response.things.labels.list, "t1")
    assert (raw.parsed, raw.request_id) == (["a"], "r3")
    assert await call(client.things.labels.list, "t1") == ["a"]


async def test_with_raw_response_keeps_an_ok_status(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t9").mock(return_value=httpx.Response(404, json={"error": "none"}))
    client = make()
    raw = await call(client.with_raw_response.find_thing, "t9")
    assert raw.parsed is None and raw.status_code == 404


async def test_with_raw_response_raises_mapped_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(404, json={"error": "gone"}))
    client = make()
    with pytest.raises(NotFoundError):
        await call(client.with_raw_response.get_thing, "t1")


async def test_with_raw_response_refuses_non_operations(make: Any) -> None:
    client = make()
    with pytest.raises(AttributeError, match="not an API operation"):
        client.with_raw_response.base_url  # noqa: B018
    with pytest.raises(AttributeError):
        client.with_raw_response.no_such_thing  # noqa: B018


def test_raw_response_without_http_response() -> None:
    raw = RawResponse({"a": 1}, None)
    assert raw.status_code is None and raw.request_id is None and len(raw.headers) == 0


# --- pagination -------------------------------------------------------------------------------------------
def pages_handler(pages: dict[str | None, dict[str, Any]]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("starting_after")])
    return handler


async def test_pager_iterates_across_pages(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things").mock(side_effect=pages_handler({
        None: {"data": [{"id": "t1"}, {"id": "t2"}], "has_more": True},
        "t2": {"data": [{"id": "t3"}, {"id": "t4"}], "has_more": True},
        "t4": {"data": [{"id": "t5"}], "has_more": False},
    }))
    client = make()
    pager = client.iter_things(limit=2)
    assert isinstance(pager, AsyncPager if client._is_async else SyncPager)
    assert [t["id"] for t in await collect(pager)] == ["t1", "t2", "t3", "t4", "t5"]
    assert [c.request.url.params.get("starting_after") for c in route.calls] == [None, "t2", "t4"]
    assert all(c.request.url.params["limit"] == "2" for c in route.calls)


async def test_pager_is_lazy_and_restartable(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things").mock(side_effect=pages_handler({
        None: {"data": [{"id": "t1"}], "has_more": True},
        "t1": {"data": [{"id": "t2"}], "has_more": False},
    }))
    client = make()
    pager = client.iter_things()
    assert route.call_count == 0  # nothing fetched until iterated
    assert len(await collect(pager)) == 2
    assert len(await collect(pager)) == 2
    assert route.call_count == 4


async def test_pager_stops_on_an_empty_page_and_retries_within_a_page(
    make: Any, mock: respx.MockRouter, clock: FakeClock
) -> None:
    mock.get("/things").mock(side_effect=[
        httpx.Response(200, json={"data": [{"id": "t1"}], "has_more": True}),
        httpx.Response(503),
        httpx.Response(200, json={"data": [], "has_more": True}),
    ])
    client = make()
    assert [t["id"] for t in await collect(client.iter_things())] == ["t1"]
    assert len(clock.sleeps) == 1


async def test_pager_raises_page_errors(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things").mock(side_effect=[
        httpx.Response(200, json={"data": [{"id": "t1"}], "has_more": True}),
        httpx.Response(404, json={"error": "cursor expired"}),
    ])
    client = make()
    with pytest.raises(NotFoundError, match="cursor expired"):
        await collect(client.iter_things())


# --- with_options ------------------------------------------------------------------------------------------
async def test_with_options_copies_share_the_pool_and_closing_a_copy_keeps_the_original_open(
    make: Any, mock: respx.MockRouter
) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(200, json={"id": "t1"}))
    client = make()
    copy = client.with_options(max_retries=0, timeout=3)
    assert type(copy) is type(client)
    assert copy._http is client._http
    assert copy._driver is client._driver
    await aclose(copy)
    assert not client._http.is_closed
    assert (await call(client.get_thing, "t1")) == {"id": "t1"}
    assert (await call(copy.get_thing, "t1")) == {"id": "t1"}  # the pool is still open
    await aclose(client)
    assert client._http.is_closed


async def test_with_options_leaves_the_original_untouched(make: Any) -> None:
    client = make(timeout=30)
    copy = client.with_options(max_retries=5, timeout=2)
    assert copy.retry_config.max_attempts == 6 and copy._timeout.read == 2.0
    assert client.retry_config.max_attempts == 3 and client._timeout.read == 30.0
    assert copy.with_options().retry_config.max_attempts == 6  # copies of copies keep settings


async def test_with_options_ops_bind_to_the_copy(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(503))
    client = make()
    client.get_thing  # noqa: B018 - caches the bound operation on the original
    with pytest.raises(InternalServerError):
        await call(client.with_options(max_retries=0).get_thing, "t1")
    assert route.call_count == 1


@pytest.mark.parametrize("resource", ["things", "admin"], ids=["built-in-init", "cached_property"])
async def test_with_options_resources_use_the_copys_options(
    make: Any, mock: respx.MockRouter, resource: str
) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(503))
    mock.get("/admin/stats").mock(return_value=httpx.Response(503))
    client = make()
    getattr(client, resource)  # make sure the original built (and cached) its resource first
    copy = client.with_options(max_retries=0)
    res = getattr(copy, resource)
    assert res is not getattr(client, resource)
    assert res._client is copy
    op = res.get if resource == "things" else res.stats
    args = ("t1",) if resource == "things" else ()
    with pytest.raises(InternalServerError):
        await call(op, *args)
    assert mock.calls.call_count == 1  # the copy's max_retries=0, not the original's retries
    assert getattr(client, resource)._client is client


async def test_with_options_rebinds_nested_resources(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1/labels").mock(return_value=httpx.Response(502))
    client = make()
    client.things.labels.list  # noqa: B018 - cache a bound operation on the original's resource
    copy = client.with_options(max_retries=0)
    assert copy.things.labels._client is copy
    assert client.things.labels._client is client
    with pytest.raises(InternalServerError):
        await call(copy.things.labels.list, "t1")
    assert route.call_count == 1
    with pytest.raises(InternalServerError):
        await call(client.things.labels.list, "t1")
    assert route.call_count == 4  # the original still retries twice


# --- lifecycle and concurrency -------------------------------------------------------------------------------
def test_sync_context_manager_closes() -> None:
    with DemoClient(api_key=API_KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed


async def test_async_context_manager_and_close_alias() -> None:
    async with AsyncDemoClient(api_key=API_KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed
    other = AsyncDemoClient(api_key=API_KEY)
    await other.close()
    assert other._http.is_closed


async def test_a_caller_supplied_http_client_is_not_closed(flavour: str) -> None:
    cls = {"sync": SyncClient, "async": AsyncClient}[flavour]
    http: Any = httpx.Client() if flavour == "sync" else httpx.AsyncClient()
    client: Any = cls(base_url="https://api.demo.test", http_client=http)
    await aclose(client)
    assert not http.is_closed
    if flavour == "sync":
        http.close()
    else:
        await http.aclose()


async def test_async_client_is_shared_across_tasks(mock: respx.MockRouter) -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)
        return httpx.Response(200, json={"id": request.url.path.rsplit("/", 1)[-1]})

    mock.get(path__regex=r"/things/t\d+").mock(side_effect=slow)
    async with AsyncDemoClient(api_key=API_KEY) as client:
        results = await asyncio.gather(*(client.get_thing(f"t{i}") for i in range(30)))
    assert [r["id"] for r in results] == [f"t{i}" for i in range(30)]


def test_sync_client_is_shared_across_threads(mock: respx.MockRouter) -> None:
    mock.get(path__regex=r"/things/t\d+").mock(
        side_effect=lambda request: httpx.Response(200, json={"id": request.url.path.rsplit("/", 1)[-1]}))
    results: dict[int, str] = {}
    with DemoClient(api_key=API_KEY) as client:
        def work(i: int) -> None:
            results[i] = client.get_thing(f"t{i}")["id"]

        run_threads(functools.partial(work, i) for i in range(16))
    assert results == {i: f"t{i}" for i in range(16)}


# --- flow driver edge cases --------------------------------------------------------------------------------------
class _OddOps:
    @operation
    def bogus_effect(self) -> Flow[str]:
        yield "not an effect"  # type: ignore[misc]
        return "unreachable"

    @operation
    def recovers(self) -> Flow[str]:
        try:
            yield from self._request("GET", "/things/t1")  # type: ignore[attr-defined]
        except APIConnectionError:
            return "recovered"
        return "no error"

    @operation
    def two_calls(self) -> Flow[list[str]]:
        first = yield from self._request("GET", "/things/t1")  # type: ignore[attr-defined]
        second = yield from self._request("GET", "/things/t2")  # type: ignore[attr-defined]
        return [first.json()["id"], second.json()["id"]]


    @operation
    def get_once(self) -> Flow[int]:
        resp = yield from self._request("GET", "/things/t1", retry_safe=False)  # type: ignore[attr-defined]
        return int(resp.status_code)

    @operation
    def follow(self) -> Flow[str | None]:
        resp = yield from self._request("GET", "/invoices/1/pdf")  # type: ignore[attr-defined]
        location: str | None = resp.headers.get("location")
        return location


class OddClient(_OddOps, DemoClient):
    pass


class AsyncOddClient(_OddOps, AsyncDemoClient):
    pass


@pytest.fixture
async def odd(flavour: str, clock: FakeClock) -> Any:
    client = (OddClient if flavour == "sync" else AsyncOddClient)(api_key=API_KEY, max_retries=0)
    patch_sleep(client, clock)
    yield client
    await aclose(client)


async def test_unknown_effect_is_a_type_error(odd: Any) -> None:
    with pytest.raises(TypeError, match="unknown flow effect"):
        await call(odd.bogus_effect)


async def test_flows_can_catch_transport_errors(odd: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(side_effect=httpx.ConnectError("refused"))
    assert await call(odd.recovers) == "recovered"


async def test_raw_response_of_a_multi_request_flow_is_the_last(odd: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(200, json={"id": "t1"}, headers={"X-Request-ID": "a"}))
    mock.get("/things/t2").mock(return_value=httpx.Response(200, json={"id": "t2"}, headers={"X-Request-ID": "b"}))
    raw = await call(odd.with_raw_response.two_calls)
    assert raw.parsed == ["t1", "t2"] and raw.request_id == "b"


def bad_gzip(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip at all"))


async def test_undecodable_response_is_a_paywire_error(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(side_effect=bad_gzip)
    client = make(max_retries=0)
    with pytest.raises(PaywireError) as info:
        await call(client.get_thing, "t1")
    assert isinstance(info.value, APIConnectionError)


async def test_retry_safe_false_opts_a_get_out_of_resends(odd: Any, mock: respx.MockRouter) -> None:
    odd = odd.with_options(max_retries=2)
    route = mock.get("/things/t1").mock(side_effect=[httpx.Response(503), httpx.Response(200)])
    with pytest.raises(InternalServerError):
        await call(odd.get_once)
    assert route.call_count == 1
    route.mock(side_effect=[httpx.ConnectError("refused"), httpx.Response(200)])
    assert await call(odd.get_once) == 200  # never sent: still safe to send
    assert route.call_count == 3


async def test_redirects_are_results_not_followed(odd: Any, mock: respx.MockRouter) -> None:
    mock.get("/invoices/1/pdf").mock(return_value=httpx.Response(302, headers={"Location": "https://cdn.test/i.pdf"}))
    assert await call(odd.follow) == "https://cdn.test/i.pdf"
    raw = await call(odd.with_raw_response.follow)
    assert raw.status_code == 302 and raw.headers["location"] == "https://cdn.test/i.pdf"
    assert [str(c.request.url) for c in mock.calls] == ["https://api.demo.test/v1/invoices/1/pdf"] * 2


async def test_async_pool_is_sharded_and_reuses_warm_connections() -> None:
    """The async transport spreads requests over single-connection pools (no quadratic scan in
    httpcore's pool under load) and reuses the most recently idle connection."""
    from paywire._core.transport import ShardedAsyncTransport

    transport = ShardedAsyncTransport(max_connections=3)
    seen: list[int] = []
    for _ in range(3):
        index = transport._acquire()
        seen.append(index)
        transport._release(index)
    assert seen == [0, 0, 0] and len(transport._shards) == 1  # sequential: one warm shard
    held = [transport._acquire() for _ in range(5)]  # concurrent: new shards up to the bound, then least loaded
    assert sorted(set(held)) == [0, 1, 2] and len(transport._shards) == 3
    assert sorted(transport._load) == [1, 2, 2]
    for index in held:
        transport._release(index)
    assert transport._load == [0, 0, 0] and sorted(transport._idle) == [0, 1, 2]
    await transport.aclose()


async def test_async_client_keeps_env_proxy_support(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx applies HTTP(S)_PROXY only to transports it builds; with a proxy configured the
    async client must not swap in its own pool (which would silently bypass the proxy)."""
    from paywire._core.aiohttp_transport import AiohttpTransport
    from paywire._core.asyncio_transport import AsyncioTransport
    from paywire._core.transport import ShardedAsyncTransport

    ours = (AsyncioTransport, AiohttpTransport, ShardedAsyncTransport)  # the default wire and the two others
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    plain = AsyncDemoClient(api_key="k" * 12)
    assert isinstance(plain._http._transport, ours)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    proxied = AsyncDemoClient(api_key="k" * 12)
    assert not isinstance(proxied._http._transport, ours)
    assert any(mount is not None for mount in proxied._http._mounts.values())
    await plain.aclose()
    await proxied.aclose()

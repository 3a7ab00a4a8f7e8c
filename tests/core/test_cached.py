"""``paywire._core.cached``: the one cached-read descriptor (Vellum's and Lumen's gating reads).

A tiny client on the core (``httpx.MockTransport``) exercises every variant on both flavours:
hit without I/O, miss through the client's flow, single flight, invalidation during a fetch,
``check`` only on a miss (unhashable keys included), the cache disabled with and without a
``direct`` flow, and ``fallback``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from paywire._core import AsyncClient, BaseClient, Flow, SyncClient, ValidationError
from paywire._core.cached import CachedRead, cached_read, projection
from paywire.entitlements import EntitlementCache

Handler = Callable[[httpx.Request], httpx.Response]


def _modules(value: frozenset[str], module: str) -> bool:
    return module in value


def _pick(value: frozenset[str], spec: tuple[str, bool]) -> bool:
    return spec[0] in value if spec[0] != "boom" else _boom()


def _boom() -> bool:
    raise RuntimeError("projection failed")


def _check_id(client: Any, key: object) -> None:
    if not isinstance(key, str) or not key:
        raise ValidationError("customer_id must be a non-empty string")


class _Ops(BaseClient):
    def __init__(self, handler: Handler, ttl_ms: float = 60_000) -> None:
        self._cache: EntitlementCache[str, frozenset[str]] = EntitlementCache(ttl_ms, name="test")
        self.calls: list[str] = []
        super().__init__(base_url="https://cached.test", transport=httpx.MockTransport(handler))

    def _fetch(self, key: str) -> Flow[frozenset[str]]:
        self.calls.append(key)
        response = yield from self._request("GET", f"/modules/{key}")
        return frozenset(response.json()["modules"])

    def _direct(self, key: str, module: str) -> Flow[bool]:
        response = yield from self._request("GET", f"/modules/{key}/{module}")
        return bool(response.json()["entitled"])

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules, check=_check_id)
    def can(self, customer_id: str, module: str) -> tuple[str, str]:
        return customer_id, module

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules,
                 direct=lambda c, k, m: c._direct(k, m))
    def can_direct(self, customer_id: str, module: str) -> tuple[str, str]:
        return customer_id, module

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_pick, check=_check_id,
                 fallback=lambda spec, exc: spec[1])
    def flag(self, name: str, customer_id: str, *, default: bool) -> tuple[str, tuple[str, bool]]:
        if name == "unsupported":  # named before the fallback: raises
            raise ValidationError("flag 'unsupported' is not in this API version")
        return customer_id, (name, default)


class _Sync(_Ops, SyncClient):
    pass


class _Async(_Ops, AsyncClient):
    pass


def _handler(log: list[str], gate: threading.Event | None = None) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        log.append(request.url.path)
        if gate is not None:
            gate.wait(5)
        parts = request.url.path.split("/")
        if parts[-1] == "down":
            return httpx.Response(400, json={"error": "bad"})
        if len(parts) == 4:
            return httpx.Response(200, json={"entitled": parts[3] == "a"})
        return httpx.Response(200, json={"modules": ["a", "b"]})

    return handle


def _run(client: _Ops, name: str, *args: Any, **kwargs: Any) -> Any:
    result = getattr(client, name)(*args, **kwargs)
    return asyncio.run(result) if isinstance(client, AsyncClient) else result


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> type[_Ops]:
    return _Sync if request.param == "sync" else _Async


def test_descriptor_is_typed_on_the_class() -> None:
    assert isinstance(_Ops.__dict__["can"], CachedRead)
    assert _Ops.__dict__["can"].__wrapped__.__name__ == "can"


def test_miss_then_hits_without_io(flavour: type[_Ops]) -> None:
    log: list[str] = []
    client = flavour(_handler(log))
    assert _run(client, "can", "cus_1", "a") is True
    assert _run(client, "can", "cus_1", "z") is False
    assert _run(client, "can", customer_id="cus_1", module="b") is True
    assert log == ["/modules/cus_1"]  # one request; every later call a hit
    assert client._cache.stats()["fetches"] == 1


def test_check_runs_on_a_miss_only_and_names_unhashable_keys(flavour: type[_Ops]) -> None:
    log: list[str] = []
    client = flavour(_handler(log))
    with pytest.raises(ValidationError):
        _run(client, "can", "", "a")
    with pytest.raises(ValidationError):
        _run(client, "can", ["not", "hashable"], "a")  # a TypeError from the cache becomes the check's error
    assert log == []  # refused before any I/O


def test_invalidate_forgets_and_refetches(flavour: type[_Ops]) -> None:
    log: list[str] = []
    client = flavour(_handler(log))
    _run(client, "can", "cus_1", "a")
    client._cache.invalidate("cus_1")
    _run(client, "can", "cus_1", "a")
    assert log == ["/modules/cus_1", "/modules/cus_1"]


def test_disabled_cache_runs_fetch_and_project_or_direct(flavour: type[_Ops]) -> None:
    log: list[str] = []
    client = flavour(_handler(log), ttl_ms=0)
    assert _run(client, "can", "cus_1", "a") is True
    assert _run(client, "can", "cus_1", "a") is True
    assert _run(client, "can_direct", "cus_1", "a") is True
    assert _run(client, "can_direct", "cus_1", "b") is False
    assert log == ["/modules/cus_1", "/modules/cus_1", "/modules/cus_1/a", "/modules/cus_1/b"]
    with pytest.raises(ValidationError):
        _run(client, "can", "", "a")  # check runs when the cache is off too
    assert len(log) == 4


@pytest.mark.parametrize("ttl_ms", [60_000, 0])
def test_fallback_answers_failures_but_not_naming_errors(flavour: type[_Ops], ttl_ms: float) -> None:
    log: list[str] = []
    client = flavour(_handler(log), ttl_ms=ttl_ms)
    assert _run(client, "flag", "a", "cus_1", default=False) is True
    assert _run(client, "flag", "boom", "cus_1", default=True) is True  # projection error -> default
    assert _run(client, "flag", "a", "down", default=True) is True  # API error (400) -> default
    assert _run(client, "flag", "a", "", default=True) is True  # bad id (check) -> default
    with pytest.raises(ValidationError):
        _run(client, "flag", "unsupported", "cus_1", default=True)


def test_sync_single_flight_across_threads() -> None:
    log: list[str] = []
    gate = threading.Event()
    client = _Sync(_handler(log, gate))
    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(client.can("cus_1", "a"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    while client._cache.stats()["coalesced"] < 7 and any(t.is_alive() for t in threads):
        threading.Event().wait(0.005)
    gate.set()
    for thread in threads:
        thread.join(5)
    assert results == [True] * 8
    assert log == ["/modules/cus_1"]


def test_async_single_flight_across_tasks() -> None:
    log: list[str] = []

    async def main() -> list[bool]:
        client = _Async(_handler(log))
        results = await asyncio.gather(*(client.can("cus_1", "a") for _ in range(8)))
        await client.aclose()
        return list(results)

    assert asyncio.run(main()) == [True] * 8
    assert log == ["/modules/cus_1"]


def test_invalidation_during_a_fetch_is_not_overwritten() -> None:
    log: list[str] = []
    gate = threading.Event()
    client = _Sync(_handler(log, gate))
    worker = threading.Thread(target=lambda: client.can("cus_1", "a"))
    worker.start()
    while not log:
        threading.Event().wait(0.005)
    client._cache.invalidate("cus_1")  # while the fetch is in flight
    gate.set()
    worker.join(5)
    assert client._cache.get("cus_1") is None  # the older result was not written back
    client.can("cus_1", "a")
    assert len(log) == 2


class _KeyFirstOps(BaseClient):
    """A Vellum-style ``can(customer_id, module_id)`` with ``key_first``: validation on a miss only."""

    def __init__(self, handler: Handler) -> None:
        self._cache: EntitlementCache[str, frozenset[str]] = EntitlementCache(60_000, name="test")
        self.validated = 0
        super().__init__(base_url="https://cached.test", transport=httpx.MockTransport(handler))

    def _fetch(self, key: str) -> Flow[frozenset[str]]:
        response = yield from self._request("GET", f"/modules/{key}")
        return frozenset(response.json()["modules"])

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules, key_first=True)
    def can(self, customer_id: str, module_id: str) -> tuple[str, str]:
        self.validated += 1
        _check_id(self, customer_id)
        return customer_id, module_id


class _KeyFirstSync(_KeyFirstOps, SyncClient):
    pass


class _KeyFirstAsync(_KeyFirstOps, AsyncClient):
    pass


# Braces on purpose: the expression is compiled as code, never used as a format string.
_modules_inline = projection("arg in {'modules': value}['modules']", "_modules_inline")


class _KeyFirstInlineOps(_KeyFirstOps):
    """The same read (the same method) with its projection compiled into the sync hit path."""

    can = cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules_inline,
                      key_first=True)(_KeyFirstOps.can.fn)


class _KeyFirstInlineSync(_KeyFirstInlineOps, SyncClient):
    pass


class _KeyFirstInlineAsync(_KeyFirstInlineOps, AsyncClient):
    pass


class _ClashingNames(_KeyFirstOps):
    """Parameter names equal to the projection's own (``value``, ``arg``) in the other roles."""

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules_inline, key_first=True)
    def can(self, arg: str, value: str) -> tuple[str, str]:  # type: ignore[override]
        return arg, value


class _ClashingNamesSync(_ClashingNames, SyncClient):
    pass


def test_projection_is_a_function_and_its_expression_is_compiled_into_the_hit_path() -> None:
    assert _modules_inline(frozenset({"a"}), "a") is True and _modules_inline(frozenset(), "a") is False
    client = _ClashingNamesSync(_handler([]))
    for _ in range(2):  # a miss, then a hit through the compiled expression
        assert client.can("cus_1", "a") is True and client.can(arg="cus_1", value="z") is False
    with pytest.raises(ValueError, match="identifier"):
        projection("arg in value", "not a name")


@pytest.mark.parametrize("cls", [_KeyFirstSync, _KeyFirstAsync, _KeyFirstInlineSync, _KeyFirstInlineAsync])
def test_key_first_validates_on_a_miss_and_accepts_keywords(cls: type[_KeyFirstOps]) -> None:
    log: list[str] = []
    client = cls(_handler(log))
    assert _run(client, "can", "cus_1", "a") is True
    assert _run(client, "can", customer_id="cus_1", module_id="b") is True
    assert _run(client, "can", "cus_1", module_id="z") is False
    assert log == ["/modules/cus_1"]
    if issubclass(cls, SyncClient):
        assert client.validated == 1  # hits (positional or keyword) skip the method body
        assert client.can.__name__ == "can"
    with pytest.raises(ValidationError):
        _run(client, "can", "", "a")
    with pytest.raises(ValidationError):
        _run(client, "can", {"not": "hashable"}, "a")
    with pytest.raises(TypeError):
        _run(client, "can", "cus_1")  # a missing argument is Python's own error, as for any method
    assert log == ["/modules/cus_1"]


def test_key_first_needs_exactly_a_key_and_an_argument() -> None:
    class Bad(BaseClient):
        _cache: EntitlementCache[str, frozenset[str]]

        @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_modules, key_first=True)
        def can(self, customer_id: str, module_id: str = "a") -> tuple[str, str]:
            return customer_id, module_id

    class BadSync(Bad, SyncClient):
        def __init__(self) -> None:
            self._cache = EntitlementCache(60_000)
            super().__init__(base_url="https://cached.test", transport=httpx.MockTransport(_handler([])))

    with pytest.raises(TypeError, match="exactly"):
        BadSync().can("cus_1", "a")

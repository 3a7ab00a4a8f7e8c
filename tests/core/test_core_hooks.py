"""Logging hooks: called with the documented keyword arguments; a raising hook never breaks a call."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx
from _core_helpers import call

from paywire._core import (
    APIConnectionError,
    LoggingHooks,
    NotFoundError,
    default_logging_hooks,
)

DOCUMENTED = {
    "on_request": {"method", "url", "attempt"},
    "on_response": {"method", "url", "status_code", "elapsed", "attempt", "request_id"},
    "on_retry": {"method", "url", "attempt", "delay", "reason"},
    "on_error": {"method", "url", "attempt", "error"},
}


def recording_hooks() -> tuple[LoggingHooks, list[tuple[str, dict[str, Any]]]]:
    calls: list[tuple[str, dict[str, Any]]] = []

    def make(name: str) -> Any:
        def hook(*args: Any, **kwargs: Any) -> None:
            assert not args, "hooks take keyword arguments only"
            calls.append((name, kwargs))
        return hook

    return LoggingHooks(**{name: make(name) for name in DOCUMENTED}), calls


async def test_hooks_get_documented_keyword_arguments_across_a_retry(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(side_effect=[
        httpx.Response(503, headers={"X-Request-ID": "req_a"}),
        httpx.Response(200, json={"id": "t1"}, headers={"X-Request-ID": "req_b"}),
    ])
    hooks, calls = recording_hooks()
    client = make(logging_hooks=hooks)
    await call(client.get_thing, "t1")
    assert [name for name, _ in calls] == ["on_request", "on_response", "on_retry", "on_request", "on_response"]
    for name, kwargs in calls:
        assert set(kwargs) == DOCUMENTED[name]
        assert kwargs["method"] == "GET"
        assert kwargs["url"] == "https://api.demo.test/v1/things/t1"
    assert [kw["attempt"] for _, kw in calls] == [1, 1, 1, 2, 2]
    responses = [kw for name, kw in calls if name == "on_response"]
    assert [(r["status_code"], r["request_id"]) for r in responses] == [(503, "req_a"), (200, "req_b")]
    assert all(isinstance(r["elapsed"], float) and r["elapsed"] >= 0 for r in responses)
    retry = next(kw for name, kw in calls if name == "on_retry")
    assert retry["reason"] == "HTTP 503" and retry["delay"] >= 0


async def test_on_error_gets_the_raised_exception(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/missing").mock(return_value=httpx.Response(404, json={"error": "nope"}))
    mock.post("/things").mock(side_effect=httpx.RemoteProtocolError("dropped"))
    hooks, calls = recording_hooks()
    client = make(logging_hooks=hooks)
    with pytest.raises(NotFoundError) as not_found:
        await call(client.get_thing, "missing")
    with pytest.raises(APIConnectionError) as dropped:
        await call(client.create_thing, name="x")
    errors = [kw for name, kw in calls if name == "on_error"]
    assert [e["error"] for e in errors] == [not_found.value, dropped.value]
    assert errors[1]["method"] == "POST" and errors[1]["attempt"] == 1


async def test_transport_retry_reason_names_the_error(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={})])
    hooks, calls = recording_hooks()
    client = make(logging_hooks=hooks)
    await call(client.get_thing, "t1")
    names = [name for name, _ in calls]
    assert names == ["on_request", "on_error", "on_retry", "on_request", "on_response"]
    assert calls[2][1]["reason"] == "ConnectError"
    assert isinstance(calls[1][1]["error"], APIConnectionError)


async def test_raising_hooks_do_not_break_the_call(make: Any, mock: respx.MockRouter,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="paywire")
    mock.get("/things/t1").mock(side_effect=[httpx.Response(502), httpx.Response(200, json={"id": "t1"})])
    mock.get("/things/t2").mock(return_value=httpx.Response(404))

    def boom(**kwargs: Any) -> None:
        raise RuntimeError("hook exploded")

    client = make(logging_hooks=LoggingHooks(boom, boom, boom, boom))
    assert await call(client.get_thing, "t1") == {"id": "t1"}
    with pytest.raises(NotFoundError):  # the real error, not the hook's
        await call(client.get_thing, "t2")
    failed = [r for r in caplog.records if "logging hook" in r.getMessage()]
    assert {r.getMessage() for r in failed} >= {f"paywire logging hook {n} failed" for n in DOCUMENTED}
    assert all(r.exc_info is not None for r in failed)


async def test_hooks_with_strict_signatures_work(make: Any, mock: respx.MockRouter) -> None:
    """Hooks written with keyword-only parameters (as in the docs) accept what the core passes."""
    seen: list[int] = []

    def on_response(*, method: str, url: str, status_code: int, elapsed: float, attempt: int,
                    request_id: str | None) -> None:
        seen.append(status_code)

    mock.get("/things/t1").mock(return_value=httpx.Response(200, json={}))
    client = make(logging_hooks=LoggingHooks(on_response=on_response))
    await call(client.get_thing, "t1")
    assert seen == [200]


async def test_default_logging_hooks_write_one_line_per_event(make: Any, mock: respx.MockRouter,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    target = logging.getLogger("paywire.test.hooks")
    caplog.set_level(logging.DEBUG, logger="paywire.test.hooks")
    mock.get("/things/t1").mock(side_effect=[httpx.Response(503), httpx.Response(200, json={})])
    mock.get("/things/t2").mock(return_value=httpx.Response(404, json={"error": "nope"}))
    client = make(logging_hooks=default_logging_hooks(target))
    await call(client.get_thing, "t1")
    with pytest.raises(NotFoundError):
        await call(client.get_thing, "t2")
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "paywire.test.hooks"]
    levels = [level for level, _ in lines]
    assert levels == ["INFO", "INFO", "WARNING", "INFO", "INFO", "INFO", "INFO", "ERROR"]
    assert lines[0][1] == "request method=GET url=https://api.demo.test/v1/things/t1 attempt=1"
    assert lines[1][1].startswith("response method=GET url=https://api.demo.test/v1/things/t1 status=503")
    assert "reason=HTTP 503" in lines[2][1]
    assert lines[-1][1].startswith("error method=GET url=https://api.demo.test/v1/things/t2 attempt=1 error=[404]")


async def test_no_hooks_by_default(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(200, json={"id": "t1"}))
    client = make()
    assert client._hooks == LoggingHooks()
    assert await call(client.get_thing, "t1") == {"id": "t1"}

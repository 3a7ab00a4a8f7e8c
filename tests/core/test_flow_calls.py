"""The drivers of flows that send no HTTP (``run_calls`` / ``run_calls_async``): one flow body,
both flavours, and every exception of an effect thrown into the flow so its cleanup can run
another effect (the Redis tier releases its lock that way after a cancelled fetch)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from paywire._core.flow import Call, Flow, Send, Sleep, run_calls, run_calls_async


def _run(flavour: str, flow: Flow[Any]) -> Any:
    return run_calls(flow) if flavour == "sync" else asyncio.run(run_calls_async(flow))


def _call(value: Any, log: list[str], name: str) -> Call:
    """A Call whose sync side and async side both log which side ran and return ``value``."""

    def sync() -> Any:
        log.append(f"{name}:sync")
        return value

    async def async_() -> Any:
        log.append(f"{name}:async")
        return value

    return Call(sync, async_)


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_flow_gets_each_call_result_and_returns_its_value(flavour: str) -> None:
    log: list[str] = []

    def flow() -> Flow[int]:
        first = yield _call(2, log, "a")
        yield Sleep(0)
        second = yield _call(3, log, "b")
        return first * second

    assert _run(flavour, flow()) == 6
    assert log == [f"a:{flavour}", f"b:{flavour}"]


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("error", [ValueError("boom"), KeyboardInterrupt()])
def test_any_exception_of_a_call_is_thrown_into_the_flow_which_may_still_yield(flavour: str,
                                                                               error: BaseException) -> None:
    log: list[str] = []

    def fail() -> Any:
        raise error

    async def fail_async() -> Any:
        raise error

    def flow() -> Flow[str]:
        try:
            yield Call(fail, fail_async)
        except BaseException as exc:
            yield _call(None, log, "cleanup")  # the cleanup is itself an effect
            return type(exc).__name__
        return "not reached"

    assert _run(flavour, flow()) == type(error).__name__
    assert log == [f"cleanup:{flavour}"]


def test_a_cancelled_task_is_thrown_into_the_flow_and_propagates_after_its_cleanup() -> None:
    log: list[str] = []
    started = asyncio.Event()

    async def wait_forever() -> None:
        started.set()
        await asyncio.Event().wait()

    def flow() -> Flow[None]:
        try:
            yield Call(lambda: None, wait_forever)
        except asyncio.CancelledError:
            yield _call(None, log, "cleanup")
            raise

    async def main() -> None:
        task = asyncio.create_task(run_calls_async(flow()))
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert log == ["cleanup:async"]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_an_http_effect_is_refused_inside_the_flow(flavour: str) -> None:
    def flow() -> Flow[str]:
        try:
            yield Send(httpx.Request("GET", "https://example.invalid/"))
        except TypeError as exc:
            return str(exc)
        return "sent"

    assert "send no HTTP" in _run(flavour, flow())

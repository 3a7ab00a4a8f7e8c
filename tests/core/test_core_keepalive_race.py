"""Keep-alive race (issue #13 item 11): idle connections expire before the server drops them.

A server's idle timer firing just as a request arrives on a kept-alive connection closes the
connection without an answer; the client sees "Server disconnected" after it may have sent the
request, so an unkeyed POST cannot be retried. Clients kept idle connections 30 s while uvicorn
(and Node, Apache, httpx's own default) give up after 5 s. Here a real server on 127.0.0.1
with uvicorn's 5 s idle timeout refuses every request that arrives on a connection idle that
long, and each facade client on each of paywire's pools sends an unkeyed POST, waits just past
5 s and sends another one: both must succeed, each reaching the server once.

All client set-ups run concurrently, so the test costs one idle period (~5 s), not one each.
A user-supplied transport keeps its own ``Limits`` (httpx's default expiry, 5 s, equals the
server's: racy); paywire cannot shorten it, so those are not part of this guarantee.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from typing import Any

import pytest
from _pool_helpers import CASES, Case, call_async, call_sync, peer_server

from paywire._core.client import DEFAULT_LIMITS
from paywire._core.transport import KEEPALIVE_EXPIRY

SERVER_IDLE_TIMEOUT = 5.0  # uvicorn's default --timeout-keep-alive
WAIT = SERVER_IDLE_TIMEOUT + 0.2
OWN_POOLS = [case for case in CASES if case.pool != "user-transport"]


def test_expiry_is_below_common_server_idle_timeouts() -> None:
    assert KEEPALIVE_EXPIRY < SERVER_IDLE_TIMEOUT
    assert DEFAULT_LIMITS.keepalive_expiry == KEEPALIVE_EXPIRY


def _sync_pair(case: Case, url: str) -> list[Any]:
    client = case.build(url)
    try:
        first = call_sync(client, "/events", tag=case.id, method="POST")
        time.sleep(WAIT)
        return [first, call_sync(client, "/events", tag=case.id, method="POST")]
    finally:
        client.close()


async def _async_pair(case: Case, url: str) -> list[Any]:
    client = case.build(url)
    try:
        first = await call_async(client, "/events", tag=case.id, method="POST")
        await asyncio.sleep(WAIT)
        return [first, await call_async(client, "/events", tag=case.id, method="POST")]
    finally:
        await client.aclose()


@pytest.mark.slow
async def test_unkeyed_post_after_idle_period_never_hits_a_closing_connection() -> None:
    with peer_server(idle_timeout=SERVER_IDLE_TIMEOUT) as url:
        runs: list[Any] = []
        for case in OWN_POOLS:
            if case.is_async:
                runs.append(_async_pair(case, url))
            else:
                runs.append(asyncio.to_thread(_sync_pair, case, url))
        results = await asyncio.gather(*runs, return_exceptions=True)
        with urllib.request.urlopen(url + "/_count") as response:
            counts = json.loads(response.read())
    failures = {case.id: repr(result) for case, result in zip(OWN_POOLS, results, strict=True)
                if isinstance(result, BaseException)}
    assert not failures, f"unkeyed POSTs failed on a connection the server had dropped: {failures}"
    for case, (first, second) in zip(OWN_POOLS, results, strict=True):
        assert first["tag"] == second["tag"] == case.id
        assert second["conn"] != first["conn"]  # the idle connection was given up, not reused
    assert counts == {"POST": 2 * len(OWN_POOLS)}  # every POST reached the server exactly once


"""Soak: N forks x 1,000 calls per side -> 0 crossed (issue #13 item 1).

For each pool flavour (``_pool_helpers.one_case_per_flavour``: paywire's own wire sync and
async, the aiohttp and httpx backends, a user-supplied httpx transport sync and async; spread
over the services' facades), a client
warms several keep-alive connections to a real server on 127.0.0.1, then FORKS children are
forked at once and the parent and every child make CALLS concurrent calls each. Every request
carries a unique tag and asks for a padded body; a response with another request's tag is
*crossed*, an unparsable one *broken*, any exception an *error*. Before the fix, 300 calls per
side were enough to cross responses; the figure printed here must be 0 / 0 / 0.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from _pool_helpers import Case, get_flow, one_case_per_flavour, peer_server

pytestmark = [pytest.mark.soak, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")]

FORKS = 4
CALLS = 1_000
PAD = 1_500  # bytes per body: crossed or interleaved reads show as wrong tags or broken JSON
THREADS = 8  # concurrent calls per process (threads for sync, tasks for async)
FLAVOURS = one_case_per_flavour()


def _check(tally: Counter[str], tag: str, body: bytes) -> None:
    try:
        got = json.loads(body)["tag"]
    except (ValueError, KeyError):
        tally["broken"] += 1
        return
    tally["ok" if got == tag else "crossed"] += 1


def sync_side(client: Any, side: str) -> Counter[str]:
    tally: Counter[str] = Counter()
    lock = threading.Lock()

    def worker(start: int) -> None:
        for i in range(start, CALLS, THREADS):
            tag = f"{side}-{i}"
            try:
                body = client._driver.run(get_flow(client, "/soak", tag, PAD)).content
            except Exception:
                with lock:
                    tally["error"] += 1
                continue
            with lock:
                _check(tally, tag, body)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


async def async_side(client: Any, side: str) -> Counter[str]:
    tally: Counter[str] = Counter()

    async def worker(start: int) -> None:
        for i in range(start, CALLS, THREADS):
            tag = f"{side}-{i}"
            try:
                response = await client._driver.run(get_flow(client, "/soak", tag, PAD))
            except Exception:
                tally["error"] += 1
                continue
            _check(tally, tag, response.content)

    await asyncio.gather(*(worker(n) for n in range(THREADS)))
    return tally


def fork_children(case: Case, client: Any) -> list[tuple[int, int]]:
    """Fork FORKS children that each run one side and report their tally through a pipe."""
    children = []
    for n in range(FORKS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            signal.alarm(300)
            try:  # a child starts its own event loop, as a prefork worker does
                tally = (asyncio.run(async_side(client, f"child{n}")) if case.is_async
                         else sync_side(client, f"child{n}"))
            except BaseException as exc:  # every failure is reported to the parent
                tally = Counter({"error": CALLS, f"died: {type(exc).__name__}": 1})
            os.write(write_fd, json.dumps(tally).encode())
            os._exit(0)
        os.close(write_fd)
        children.append((pid, read_fd))
    return children


def collect(children: list[tuple[int, int]], total: Counter[str]) -> Counter[str]:
    for pid, read_fd in children:
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        os.waitpid(pid, 0)
        total.update(json.loads(b"".join(chunks) or b'{"error": -1}'))
    return total


def sync_round(case: Case, url: str) -> Counter[str]:
    client = case.build(url)
    try:
        threads = [threading.Thread(target=lambda: client._driver.run(get_flow(client, "/warm")))
                   for _ in range(THREADS)]
        for thread in threads:  # several keep-alive connections, all idle at fork time
            thread.start()
        for thread in threads:
            thread.join()
        children = fork_children(case, client)
        return collect(children, sync_side(client, "parent"))
    finally:
        client.close()


async def async_round(case: Case, url: str) -> Counter[str]:
    client = case.build(url)
    try:
        await asyncio.gather(*(client._driver.run(get_flow(client, "/warm")) for _ in range(THREADS)))
        children = fork_children(case, client)  # forked from inside the running loop
        return collect(children, await async_side(client, "parent"))
    finally:
        await client.aclose()


def test_soak_forks_never_cross_responses() -> None:
    rows = []
    with peer_server() as url:
        for case in FLAVOURS:
            started = time.monotonic()
            tally = asyncio.run(async_round(case, url)) if case.is_async else sync_round(case, url)
            rows.append((case, tally, time.monotonic() - started))
    print(f"\nfork soak: {FORKS} forks x {CALLS} calls per side ({FORKS + 1} processes, {THREADS} concurrent "
          f"calls each, {PAD} B bodies) against a real server on 127.0.0.1")
    for case, tally, elapsed in rows:
        print(f"  {case.id:36} calls={sum(tally.values()):6} ok={tally['ok']:6} crossed={tally['crossed']} "
              f"broken={tally['broken']} errors={tally['error']}  {elapsed:.1f}s")
    for case, tally, _ in rows:
        assert tally["ok"] == (FORKS + 1) * CALLS, (case.id, dict(tally))
        assert tally["crossed"] == tally["broken"] == tally["error"] == 0, (case.id, dict(tally))

"""Soak: the core's cached-read descriptor and retry combinators (#14: ``_core/cached.py``,
``_core/waits.py``). Run with ``nox -s soak`` (``pytest -m soak tests/soak``); prints figures.

1. ``cached_read`` over real HTTP (a threaded server on 127.0.0.1): 8 threads read, write and
   invalidate 200 customers; after a write and ``invalidate(key)`` a read never returns the
   older version (invalidation wins over in-flight fetches), and every answer is right.
2. ``poll_rate_limited`` / ``wait_while_in_progress`` against 20,000 random server scripts on a
   test clock: the answer is the first non-429 / non-409 one, no wait passes the deadline or the
   caps, the retry count is honoured, ``Retry-After`` is what is waited.
"""

from __future__ import annotations

import functools
import json
import random
import statistics
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from _support.concurrency import run_threads

from paywire._core import BaseClient, ConflictError, Flow, RateLimitError, RetryConfig, Send, SyncClient
from paywire._core.cached import cached_read
from paywire._core.flow import SyncDriver
from paywire._core.waits import poll_rate_limited, wait_while_in_progress
from paywire.entitlements import EntitlementCache

pytestmark = pytest.mark.soak

CUSTOMERS = 200
THREADS = 8
CALLS_PER_THREAD = 3_000


class _Versions:
    """The server's state: one version per customer, bumped by a write."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: dict[str, int] = {}
        self.fetches = 0

    def read(self, key: str) -> int:
        with self.lock:
            self.fetches += 1
            return self.version.get(key, 0)

    def write(self, key: str) -> int:
        with self.lock:
            self.version[key] = self.version.get(key, 0) + 1
            return self.version[key]


@pytest.fixture
def server() -> Iterator[tuple[str, _Versions]]:
    state = _Versions()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(random.random() * 0.002)  # a fetch takes a while: invalidations overtake it
            body = json.dumps({"version": state.read(self.path.rsplit("/", 1)[-1])}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    httpd.shutdown()
    httpd.server_close()


def _version(value: int, _: None) -> int:
    return value


class _Reader(BaseClient):
    def __init__(self, url: str) -> None:
        self._cache: EntitlementCache[str, int] = EntitlementCache(60_000, name="soak")
        super().__init__(base_url=url)

    def _fetch(self, key: str) -> Flow[int]:
        response = yield from self._request("GET", f"/v/{key}")
        version: int = response.json()["version"]
        return version

    @cached_read(cache=lambda c: c._cache, fetch=lambda c, k: c._fetch(k), project=_version)
    def version(self, customer_id: str) -> tuple[str, None]:
        return customer_id, None


class _SyncReader(_Reader, SyncClient):
    pass


def test_soak_cached_read_invalidation_wins(server: tuple[str, _Versions]) -> None:
    url, state = server
    client = _SyncReader(url)
    stale: list[tuple[str, int, int]] = []
    hit_ns: list[float] = []
    writes = 0
    lock = threading.Lock()

    def worker(seed: int) -> None:
        nonlocal writes
        rng = random.Random(seed)
        for _ in range(CALLS_PER_THREAD):
            key = f"cus_{rng.randrange(CUSTOMERS)}"
            if rng.random() < 0.05:
                written = state.write(key)
                client._cache.invalidate(key)
                seen = client.version(key)
                if seen < written:
                    stale.append((key, written, seen))
                with lock:
                    writes += 1
            else:
                start = time.perf_counter_ns()
                client.version(key)
                hit_ns.append(time.perf_counter_ns() - start)

    started = time.perf_counter()
    run_threads(functools.partial(worker, seed) for seed in range(THREADS))
    elapsed = time.perf_counter() - started
    stats = client._cache.stats()
    client.close()
    calls = THREADS * CALLS_PER_THREAD
    hit_ns.sort()
    print(f"\ncached_read soak: {calls} calls on {THREADS} threads over {CUSTOMERS} customers in {elapsed:.2f} s; "
          f"{writes} write+invalidate; {state.fetches} HTTP fetches ({stats['coalesced']} misses coalesced); "
          f"stale reads after invalidate: {len(stale)}; read (hit or miss) p50 {statistics.median(hit_ns) / 1000:.1f} us, "
          f"p99 {hit_ns[int(len(hit_ns) * 0.99)] / 1000:.1f} us (this 2-core box, shared)")
    assert stale == []
    assert state.fetches <= writes + CUSTOMERS + stats["fetches"]  # no fetch storm
    assert stats["fetches"] == state.fetches


def test_soak_wait_combinators_random_scripts() -> None:
    rng = random.Random(1414)
    runs = 20_000
    waited_total = 0.0
    raised = 0
    for index in range(runs):
        statuses = [rng.choice([429, 409, 200]) for _ in range(rng.randrange(1, 8))] + [200]
        hints = [rng.choice([None, "0", "1", "2.5", "30", "61", "soon"]) for _ in statuses]
        max_retries = rng.randrange(0, 5)
        deadline = rng.choice([None, 5.0, 40.0])
        policy = RetryConfig(max_attempts=rng.randrange(1, 5), backoff_factor=0.5, max_retry_after=rng.choice([10.0, 60.0]),
                             jitter=False)
        sent: list[int] = []
        sleeps: list[float] = []

        def handle(request: httpx.Request, statuses: list[int] = statuses, hints: list[str | None] = hints,
                   sent: list[int] = sent) -> httpx.Response:
            i = min(len(sent), len(statuses) - 1)
            sent.append(statuses[i])
            headers = {} if hints[i] is None else {"Retry-After": hints[i]}
            return httpx.Response(statuses[i], headers=headers)

        def clock(sleeps: list[float] = sleeps) -> float:
            return sum(sleeps)

        request = httpx.Request("GET", "https://soak.test/x")

        def send(request: httpx.Request = request) -> Flow[httpx.Response]:
            response: httpx.Response = yield Send(request)
            if response.status_code == 409:
                raise ConflictError("in progress", response=response)
            return response

        with httpx.Client(transport=httpx.MockTransport(handle)) as http:
            driver = SyncDriver(http, sleep=sleeps.append)
            if index % 2:
                flow = poll_rate_limited(lambda: _no_conflict(send), rate_limited=lambda r: RateLimitError("x", response=r),
                                         max_retries=max_retries, max_retry_after=policy.max_retry_after, clock=clock,
                                         deadline=deadline)
                try:
                    response = driver.run(flow)
                except (RateLimitError, ConflictError):
                    raised += 1
                else:
                    assert response.status_code != 429 and sent[-1] == response.status_code
                assert sent.count(429) <= max_retries + 1
            else:
                end = 1e9 if deadline is None else deadline
                flow2 = wait_while_in_progress(lambda: _no_rate_limit(send), in_progress=ConflictError,
                                               response_of=lambda exc: exc.response, policy=policy,
                                               deadline=end, clock=clock)
                try:
                    response = driver.run(flow2)
                except (ConflictError, RateLimitError):
                    raised += 1
                else:
                    assert response.status_code not in (409, 429)
                assert all(s <= policy.max_retry_after for s in sleeps)
                if policy.max_attempts == 1:
                    assert sleeps == []
            assert deadline is None or sum(sleeps) <= deadline
            waited_total += sum(sleeps)
    print(f"\nwait combinators soak: {runs} random scripts, {raised} ended in the error, "
          f"{waited_total:.0f} s of (test-clock) waiting, every wait within deadline and caps")


def _no_conflict(send: Any) -> Flow[httpx.Response]:
    """For the 429 poll: a 409 in the script ends the poll with its error (not waited here)."""
    response: httpx.Response = yield from send()
    return response


def _no_rate_limit(send: Any) -> Flow[httpx.Response]:
    """For the 409 wait: a 429 ends it with a rate-limit error (the core's retries own 429)."""
    response: httpx.Response = yield from send()
    if response.status_code == 429:
        raise RateLimitError("rate limited", response=response)
    return response

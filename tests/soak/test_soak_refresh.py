"""Soak (issue #13.3/#13.4): SPAPS token refresh under interruption and during an outage.

Run by ``nox -s soak`` (``pytest -m soak tests/soak``); prints its figures.

1. 1,000 refreshes interrupted by cancel / drop-after-commit / timeout, round-robin over sync
   and async clients and both pinned contracts, against the real sandbox over HTTP -> the number
   of sign-outs (must be 0).
2. 200 callers (100 asyncio tasks on an async client + 100 threads on a sync client, the two
   clients sharing one ``FileTokenStore``) during a 30 s refresh outage (every refresh answers
   503 after 200 ms) -> the most refresh requests in flight at once, measured at the sandbox
   from its request log (a faulted refresh is in flight from its logged start for the fault's
   200 ms latency), must be <= 1; after the outage everybody is served.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from _support.flavours import call

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "spaps"))
from test_spaps_refresh_interruption import CallerInterrupted, InterruptAfterCommit

import paywire
from paywire.sandbox.spaps import ACCESS_TOKEN_TTL, DEFAULT_API_KEY, DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD
from paywire.spaps import AsyncSpapsClient, FileTokenStore, RetryConfig, SpapsClient
from paywire.spaps.errors import NotSignedInError

pytestmark = [pytest.mark.soak, pytest.mark.timeout(1800)]  # long by design: not the default 120 s

PROFILES = {"2025-11": "spaps", "2026-10": "spaps-2026-10"}
REFRESHES = 1_000
OUTAGE_SECONDS = 30.0
OUTAGE_LATENCY_MS = 200.0
CALLERS = 200


async def test_soak_interrupted_refreshes_never_sign_out(paywire_sandbox: Any) -> None:
    retry = RetryConfig(max_attempts=5, backoff_factor=0.01)
    clients: list[tuple[Any, InterruptAfterCommit, Any]] = []
    for version, service in PROFILES.items():
        for cls, interrupt in ((SpapsClient, CallerInterrupted), (AsyncSpapsClient, asyncio.CancelledError)):
            transport = InterruptAfterCommit(interrupt, armed=False)
            client = cls(base_url=paywire_sandbox.base_url(service), api_key=DEFAULT_API_KEY, api_version=version,
                         transport=transport, retry_config=retry)
            client.token_manager.clock = paywire_sandbox.clock.now
            await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
            clients.append((client, transport, interrupt))
    kinds = ("cancel", "drop", "timeout")
    sign_outs = interrupted = 0
    counts = dict.fromkeys(kinds, 0)
    started = time.monotonic()
    for i in range(REFRESHES):
        client, transport, interrupt = clients[i % len(clients)]
        kind = kinds[(i // len(clients)) % len(kinds)]
        counts[kind] += 1
        paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)  # every iteration needs a refresh
        caller = client
        if kind == "drop":
            paywire_sandbox.faults.add("refresh_tokens", reset="after")
        elif kind == "timeout":
            paywire_sandbox.faults.add("refresh_tokens", latency_ms=250)
            caller = client.with_options(timeout=0.1)
        else:
            transport.armed = True
        try:
            await call(caller.sessions.get_current_session)
        except (paywire.AuthenticationError, NotSignedInError):
            sign_outs += 1
        except (asyncio.CancelledError, CallerInterrupted):
            interrupted += 1
        # whatever happened, the user must still be signed in: the next call just works
        try:
            await call(client.sessions.get_current_session)
        except (paywire.AuthenticationError, NotSignedInError):
            sign_outs += 1
        if client.get_tokens() is None:
            sign_outs += 1
        if kind == "timeout":
            # The abandoned slow request is still sleeping in the sandbox: let it land before the
            # next iteration jumps the sandbox clock 901 s ahead, or it would arrive "15 minutes
            # late" (outside the reuse interval) and rightly trip reuse detection.
            await _wait_for_last_refresh(paywire_sandbox)
    elapsed = time.monotonic() - started
    rejected = sum(1 for r in paywire_sandbox.requests if r["op"] == "refresh_tokens" and r.get("status") == 401)
    for client, _, _ in clients:
        await call(client.close)
    print(f"\n{REFRESHES:,} refreshes interrupted by cancel/drop/timeout -> {sign_outs} sign-outs "
          f"({counts['cancel']} cancel [{interrupted} callers interrupted], {counts['drop']} drop-after-commit, "
          f"{counts['timeout']} timeout; sync+async x 2025-11+2026-10; {rejected} refreshes rejected by the "
          f"sandbox; {elapsed:.1f} s on this machine)")
    assert sign_outs == 0 and rejected == 0


async def _wait_for_last_refresh(paywire_sandbox: Any) -> None:
    for _ in range(200):
        slow = [r for r in paywire_sandbox.requests if r["op"] == "refresh_tokens" and r.get("fault")]
        if slow and "status" in slow[-1]:
            return
        await asyncio.sleep(0.01)


def _max_in_flight(starts: list[float], duration: float) -> int:
    """The most requests in flight at once when each lasts ``duration`` from its start."""
    starts = sorted(starts)
    best = 0
    for i, t in enumerate(starts):
        best = max(best, sum(1 for s in starts[: i + 1] if s > t - duration))
    return best


async def test_soak_outage_keeps_one_refresh_in_flight(paywire_sandbox: Any, tmp_path: Path) -> None:
    service, version = PROFILES["2026-10"], "2026-10"
    store_path = tmp_path / "spaps" / "tokens.json"
    retry = RetryConfig(max_attempts=3, backoff_factor=0.1)
    common = dict(base_url=paywire_sandbox.base_url(service), api_key=DEFAULT_API_KEY, api_version=version,
                  retry_config=retry)
    aclient = AsyncSpapsClient(token_store=FileTokenStore(store_path), **common)  # type: ignore[arg-type]
    sclient = SpapsClient(token_store=FileTokenStore(store_path), **common)  # type: ignore[arg-type]
    for c in (aclient, sclient):
        c.token_manager.clock = paywire_sandbox.clock.now
    await aclient.auth.sign_in_with_password(email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    first_logged = len(paywire_sandbox.requests)
    paywire_sandbox.faults.add("refresh_tokens", status=503, latency_ms=OUTAGE_LATENCY_MS, times=1_000_000)
    outage_ends = time.monotonic() + OUTAGE_SECONDS
    failed_calls = [0]
    sign_outs = [0]
    served = [0]
    lock = threading.Lock()

    def outcome(exc: BaseException | None) -> None:
        with lock:
            if exc is None:
                served[0] += 1
            elif isinstance(exc, paywire.AuthenticationError):
                sign_outs[0] += 1
            else:
                failed_calls[0] += 1

    async def task_caller() -> None:
        while time.monotonic() < outage_ends:
            try:
                await aclient.sessions.get_current_session()
                outcome(None)
            except Exception as exc:
                outcome(exc)
            await asyncio.sleep(0.25)

    def thread_caller() -> None:
        while time.monotonic() < outage_ends:
            try:
                sclient.sessions.get_current_session()
                outcome(None)
            except Exception as exc:
                outcome(exc)
            time.sleep(0.25)

    threads = [threading.Thread(target=thread_caller) for _ in range(CALLERS // 2)]
    for t in threads:
        t.start()
    await asyncio.gather(*(task_caller() for _ in range(CALLERS // 2)))
    await asyncio.to_thread(lambda: [t.join() for t in threads])
    outage = [r for r in paywire_sandbox.requests[first_logged:] if r["op"] == "refresh_tokens"]
    in_flight = _max_in_flight([r["t"] for r in outage], OUTAGE_LATENCY_MS / 1000.0)
    paywire_sandbox.faults.clear()  # the outage is over: everybody is served again
    await asyncio.sleep(2.1)  # past the negative cache
    after_ok = 0
    for _ in range(CALLERS // 2):
        await aclient.sessions.get_current_session()
        after_ok += 1
    for _ in range(CALLERS // 2):
        await asyncio.to_thread(sclient.sessions.get_current_session)
        after_ok += 1
    await aclient.aclose()
    sclient.close()
    print(f"\n{CALLERS} callers during a {OUTAGE_SECONDS:.0f} s refresh outage -> <= {in_flight} refresh request in "
          f"flight at any time (sandbox log; {len(outage)} refresh requests in all, {failed_calls[0]:,} failed calls, "
          f"{sign_outs[0]} sign-outs; afterwards {after_ok}/{CALLERS} calls served)")
    assert in_flight <= 1 and sign_outs[0] == 0 and after_ok == CALLERS

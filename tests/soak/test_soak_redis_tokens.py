"""Issue #17.4 figures for ``RedisTokenStore`` (``nox -s soak``; printed, and asserted).

Real redis-server, the real sandbox over HTTP, real OS processes (``tests/spaps/redis_token_worker.py``;
half of them sync clients calling from threads, half async clients calling from tasks):

1. 8 processes x 50 concurrent calls for the same expired SPAPS session -> exactly 1 refresh
   request, 0 sign-outs, all calls succeed. Three rounds per pinned contract (each round
   expires the stored session again).
2. Redis stopped for 10 s mid-run (restarted empty: no persistence), the session expiring
   during the outage -> 0 failed calls, 0 sign-outs, 0 lost tokens: every process still holds
   the session at the end and Redis holds it again (written back), usable by a new process.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from redis_support import RedisServer, redis_server, redis_url, run_workers

from paywire.sandbox.spaps import DEFAULT_API_KEY, DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD
from paywire.spaps import SpapsClient, StoredTokens
from paywire.spaps.redis_store import RedisTokenStore
from paywire.spaps.tokens import EXPIRY_SKEW

__all__ = ["redis_server", "redis_url"]
pytestmark = [pytest.mark.soak, pytest.mark.timeout(1800)]

PROFILES = {"2025-11": "spaps", "2026-10": "spaps-2026-10"}
WORKER = Path(__file__).resolve().parents[1] / "spaps" / "redis_token_worker.py"
PROCESSES = 8
CALLS = 50
ROUNDS = 3


def _refreshes(sandbox: Any) -> int:
    return sum(1 for r in sandbox.requests if r["op"] == "refresh_tokens")


def _sign_in(sandbox: Any, redis_url: str, identity: str, version: str) -> RedisTokenStore:
    store = RedisTokenStore(redis_url, identity=identity)
    with SpapsClient(base_url=sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY, api_version=version,
                     token_store=store) as client:
        client.auth.sign_in_with_password(email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    return store


def _expire_at(store: RedisTokenStore, when: float) -> StoredTokens:
    """Rewrite the stored session so that clients see it expire at ``when`` (epoch seconds)."""
    import datetime as dt

    current = store.load()
    assert current is not None
    expiring = StoredTokens(current.access_token, current.refresh_token,
                            dt.datetime.fromtimestamp(when + EXPIRY_SKEW, dt.UTC), current.token_type)
    store.save(expiring)
    return expiring


def _configs(sandbox: Any, redis_url: str, identity: str, version: str, **extra: Any) -> list[dict[str, object]]:
    base = {"identity": identity, "base_url": sandbox.base_url(PROFILES[version]), "api_key": DEFAULT_API_KEY,
            "version": version, "calls": CALLS, **extra}
    return [{**base, "flavour": "sync" if i % 2 == 0 else "async"} for i in range(PROCESSES)]


def test_soak_eight_processes_one_refresh(paywire_sandbox: Any, redis_url: str) -> None:
    lines = []
    totals = {"rounds": 0, "calls": 0, "ok": 0, "sign_outs": 0, "exactly_one": 0}
    for version in PROFILES:
        identity = f"soak-{uuid.uuid4().hex[:8]}"
        store = _sign_in(paywire_sandbox, redis_url, identity, version)
        for _ in range(ROUNDS):
            expired = _expire_at(store, time.time() - 60)
            before = _refreshes(paywire_sandbox)
            started = time.monotonic()
            results = run_workers(redis_url, _configs(paywire_sandbox, redis_url, identity, version), timeout=300,
                                  worker=WORKER)
            took = time.monotonic() - started
            sent = _refreshes(paywire_sandbox) - before
            ok = sum(int(r["ok"]) for r in results)  # type: ignore[call-overload]
            sign_outs = sum(int(r["sign_outs"]) for r in results)  # type: ignore[call-overload]
            after = store.load()
            assert after is not None and after.access_token != expired.access_token
            totals["rounds"] += 1
            totals["calls"] += PROCESSES * CALLS
            totals["ok"] += ok
            totals["sign_outs"] += sign_outs
            totals["exactly_one"] += int(sent == 1)
            lines.append(f"  {version}: refresh requests {sent}, calls ok {ok}/{PROCESSES * CALLS}, "
                         f"sign-outs {sign_outs}, per-process refreshes {[r['refreshes'] for r in results]} "
                         f"({took:.1f} s incl. process start)")
            assert sent == 1 and sign_outs == 0 and ok == PROCESSES * CALLS, results
        store.close()
    print(f"\n[redis tokens soak] {PROCESSES} processes x {CALLS} concurrent calls (half sync threads, half async "
          f"tasks) for the same expired SPAPS session, {totals['rounds']} rounds: exactly 1 refresh request in "
          f"{totals['exactly_one']}/{totals['rounds']} rounds, {totals['sign_outs']} sign-outs, "
          f"{totals['ok']}/{totals['calls']} calls succeeded\n" + "\n".join(lines))


def test_soak_redis_down_ten_seconds_loses_no_tokens(paywire_sandbox: Any, redis_url: str,
                                                     redis_server: RedisServer) -> None:
    version = "2026-10"
    identity = f"soak-outage-{uuid.uuid4().hex[:8]}"
    store = _sign_in(paywire_sandbox, redis_url, identity, version)
    outage: dict[str, Any] = {"stopped": 0.0, "started": 0.0, "refreshes_during": 0, "expiring": None}
    before = _refreshes(paywire_sandbox)

    def take_redis_away() -> None:
        # the workers are warm (each holds its copy); the session now expires 5 s into the outage
        outage["expiring"] = _expire_at(store, time.time() + 8.0)
        time.sleep(3)
        outage["stopped"] = time.monotonic()
        redis_server.stop()
        time.sleep(10)
        outage["refreshes_during"] = _refreshes(paywire_sandbox) - before
        redis_server.start()  # empty: no persistence, the session is gone from Redis
        outage["started"] = time.monotonic()

    results = run_workers(redis_url, _configs(paywire_sandbox, redis_url, identity, version, calls=10,
                                              duration=20, pause=0.2, warm=True), during=take_redis_away,
                          timeout=600, worker=WORKER)
    calls = sum(int(r["ok"]) + int(r["failed"]) for r in results)  # type: ignore[call-overload]
    failed = sum(int(r["failed"]) for r in results)  # type: ignore[call-overload]
    sign_outs = sum(int(r["sign_outs"]) for r in results)  # type: ignore[call-overload]
    lost_in_processes = sum(int(r["lost_tokens"]) for r in results)  # type: ignore[call-overload]
    # Redis again holds the session, and a process started now can use it
    fresh = RedisTokenStore(redis_url, identity=identity)
    in_redis = fresh.load()
    with SpapsClient(base_url=paywire_sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY,
                     api_version=version, token_store=fresh) as newcomer:
        newcomer.sessions.get_current_session()
    lost = lost_in_processes + int(in_redis is None)
    total_refreshes = _refreshes(paywire_sandbox) - before
    print(f"\n[redis tokens soak] Redis stopped {outage['started'] - outage['stopped']:.1f} s (restarted empty) "
          f"during a 20 s run of {PROCESSES} processes (x 10 concurrent calls every 0.2 s), the session expiring "
          f"5 s into the outage: calls {calls:,}, failed {failed}, sign-outs {sign_outs}, lost tokens {lost} "
          f"({lost_in_processes} processes without the session, Redis {'holds' if in_redis else 'LOST'} it again); "
          f"refresh requests while Redis was down {outage['refreshes_during']} (one per process at most), "
          f"in all {total_refreshes}; errors {[r['errors'] for r in results if r['errors']]}")
    assert failed == 0 and sign_outs == 0 and lost == 0
    assert in_redis is not None and in_redis.access_token != outage["expiring"].access_token  # refreshed, written back
    assert 1 <= outage["refreshes_during"] <= PROCESSES
    fresh.close()
    store.close()

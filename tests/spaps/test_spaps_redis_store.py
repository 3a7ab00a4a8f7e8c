"""Issue #17.4: ``RedisTokenStore``, one SPAPS session shared by every process and host.

Real ``redis-server`` (tests/redis_support.py) and the real sandbox over HTTP, both SPAPS
contracts, sync and async clients. Two store objects with the same identity are two hosts
(each has its own in-process lock, token manager and single flight); the cross-host claims are
also made with real processes. The race traps of ecosystem-2026-12.md §4.3:

* two hosts refresh at once -> one refresh request, both adopt it;
* a lock owner that crashes -> its lock expires (TTL), then another host refreshes;
* a losing host never deletes (or overwrites) the winner's tokens;
* a failed refresh is shared briefly as a negative result (no refresh queued behind it);
* Redis stopped / restarted empty mid-run -> calls go on from memory, no sign-out, the copy is
  written back (or Redis's newer value adopted);
* no token in key names, values other than the token document, reprs or logs.
"""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from _spaps_helpers import ACCESS, PROFILES, REFRESH, call, ok, tokens

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from redis_support import RedisServer, redis_server, redis_url, run_workers

import paywire
from paywire.sandbox.spaps import ACCESS_TOKEN_TTL, DEFAULT_API_KEY, DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD
from paywire.spaps import FileTokenStore, NotSignedInError, RedisTokenStore, StoredTokens, TokenStoreError
from paywire.spaps.redis_store import RedisTokenStoreUnavailable, fingerprint
from paywire.spaps.tokens import TokenLockTimeout

__all__ = ["redis_server", "redis_url"]  # the session's real redis-server

WORKER = Path(__file__).resolve().parent / "redis_token_worker.py"


@pytest.fixture
def identity() -> str:
    return f"user-{uuid.uuid4().hex[:8]}@example.com"


def refreshes(sandbox: Any) -> int:
    return sum(1 for r in sandbox.requests if r["op"] == "refresh_tokens")


def host(make: Any, sandbox: Any, version: str, url: str, identity: str, **store_kwargs: Any) -> Any:
    """A client on its own store object: one "host" of the shared session."""
    client = make(base_url=sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY, api_version=version,
                  token_store=RedisTokenStore(url, identity=identity, **store_kwargs))
    client.token_manager.clock = sandbox.clock.now
    return client


async def concurrently(clients: list[Any], per_client: int) -> list[BaseException | None]:
    """``per_client`` concurrent ``get_current_session`` calls on each client (tasks for async
    clients, threads for sync ones); the error of each call, or None."""
    outcomes: list[BaseException | None] = []
    lock = threading.Lock()

    def record(exc: BaseException | None) -> None:
        with lock:
            outcomes.append(exc)

    async def one_async(client: Any) -> None:
        try:
            await client.sessions.get_current_session()
            record(None)
        except Exception as exc:
            record(exc)

    def one_sync(client: Any) -> None:
        try:
            client.sessions.get_current_session()
            record(None)
        except Exception as exc:
            record(exc)

    threads = [threading.Thread(target=one_sync, args=(c,)) for c in clients if not c._is_async
               for _ in range(per_client)]
    for t in threads:
        t.start()
    await asyncio.gather(*(one_async(c) for c in clients if c._is_async for _ in range(per_client)))
    await asyncio.to_thread(lambda: [t.join() for t in threads])
    return outcomes


# --- two hosts, one session ---------------------------------------------------------------------------
async def test_two_hosts_refresh_at_once_one_request_both_adopt(make: Any, flavour: str, version: str,
                                                                paywire_sandbox: Any, redis_url: str,
                                                                identity: str) -> None:
    a = host(make, paywire_sandbox, version, redis_url, identity)
    b = host(make, paywire_sandbox, version, redis_url, identity)
    await call(a.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    signed_in = b.get_tokens()
    assert signed_in is not None and signed_in == a.get_tokens()  # b sees a's sign-in
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    before = refreshes(paywire_sandbox)
    outcomes = await concurrently([a, b], 10)
    assert outcomes == [None] * 20
    assert refreshes(paywire_sandbox) - before == 1
    assert a.token_manager.refresh_count + b.token_manager.refresh_count == 1
    now_a, now_b = a.get_tokens(), b.get_tokens()
    assert now_a == now_b and now_a.access_token != signed_in.access_token


async def test_real_processes_refresh_once(paywire_sandbox: Any, redis_url: str, identity: str,
                                           version: str) -> None:
    """Four real processes (two sync, two async) x 10 concurrent calls, one expired session."""
    store = RedisTokenStore(redis_url, identity=identity)
    with paywire.spaps.SpapsClient(base_url=paywire_sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY,
                                   api_version=version, token_store=store) as client:
        client.auth.sign_in_with_password(email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    signed_in = store.load()
    assert signed_in is not None
    store.save(StoredTokens(signed_in.access_token, signed_in.refresh_token, tokens(expires_in=-60).expires_at))
    before = refreshes(paywire_sandbox)
    base = {"identity": identity, "base_url": paywire_sandbox.base_url(PROFILES[version]),
            "api_key": DEFAULT_API_KEY, "version": version, "calls": 10}
    results = await asyncio.to_thread(run_workers, redis_url, [
        {**base, "flavour": f} for f in ("sync", "async", "sync", "async")], None, 120.0, WORKER)
    assert [r["failed"] for r in results] == [0, 0, 0, 0], results
    assert sum(int(r["refreshes"]) for r in results) == 1  # type: ignore[call-overload]
    assert refreshes(paywire_sandbox) - before == 1
    after = store.load()
    assert after is not None and after.access_token != signed_in.access_token and not after.expired()


async def test_a_crashed_lock_owner_blocks_only_until_its_lock_expires(make: Any, flavour: str, version: str,
                                                                       paywire_sandbox: Any, redis_url: str,
                                                                       identity: str) -> None:
    client = host(make, paywire_sandbox, version, redis_url, identity, lock_ttl_s=1.0, lock_timeout=10)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    crash = textwrap.dedent("""
        import os, sys
        from paywire.spaps.redis_store import RedisTokenStore
        store = RedisTokenStore(sys.argv[1], identity=sys.argv[2], lock_ttl_s=1.0)
        assert store.try_lock() is not None
        print("held", flush=True)
        os._exit(3)  # crashes with the lock held: nobody releases it
    """)
    proc = subprocess.run([sys.executable, "-c", crash, redis_url, identity], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.strip() == "held" and proc.returncode == 3
    held_at = time.monotonic()
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    before = refreshes(paywire_sandbox)
    await call(client.sessions.get_current_session)
    waited = time.monotonic() - held_at
    assert refreshes(paywire_sandbox) - before == 1
    assert 0.5 <= waited < 5.0, waited  # the lock's TTL (1 s), not the wait limit


async def test_lock_wait_gives_up_with_a_typed_error(redis_url: str, identity: str) -> None:
    owner = RedisTokenStore(redis_url, identity=identity, lock_ttl_s=30)
    release = owner.try_lock()
    assert release is not None
    waiter = RedisTokenStore(redis_url, identity=identity, lock_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(TokenLockTimeout), waiter.lock():
        pass
    assert 0.25 <= time.monotonic() - started < 2.0
    release()
    with waiter.lock():  # free again
        pass


def test_a_live_owner_keeps_its_lock_past_the_ttl(redis_url: str, identity: str) -> None:
    """A refresh longer than the TTL (slow server, retries) keeps the lock: no second grant."""
    owner = RedisTokenStore(redis_url, identity=identity, lock_ttl_s=0.3)
    other = RedisTokenStore(redis_url, identity=identity, lock_ttl_s=0.3)
    release = owner.try_lock()
    assert release is not None
    deadline = time.monotonic() + 1.2  # four TTLs
    while time.monotonic() < deadline:
        assert other.try_lock() is None
        time.sleep(0.05)
    release()
    again = other.try_lock()
    assert again is not None
    again()


def test_a_late_owner_never_releases_the_next_owners_lock(redis_url: str, identity: str,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    slow = RedisTokenStore(redis_url, identity=identity, lock_ttl_s=0.2)
    release_slow = slow.try_lock()
    assert release_slow is not None
    # its lock expires (a frozen owner, or one cut off from Redis, cannot extend it)
    redis.Redis.from_url(redis_url).delete(slow.lock_key)
    fast = RedisTokenStore(redis_url, identity=identity, lock_ttl_s=30)
    release_fast = fast.try_lock()
    assert release_fast is not None
    owner = redis.Redis.from_url(redis_url).get(fast.lock_key)
    with caplog.at_level(logging.WARNING, "paywire.spaps.redis_store"):
        release_slow()
    assert redis.Redis.from_url(redis_url).get(fast.lock_key) == owner  # still fast's lock
    assert "expired before it was released" in caplog.text
    assert slow.try_lock() is None  # excluded by fast's lock
    release_fast()
    assert redis.Redis.from_url(redis_url).get(fast.lock_key) is None


def test_a_forked_child_is_not_stuck_on_a_lock_a_parent_thread_held(redis_url: str, identity: str) -> None:
    import multiprocessing

    store = RedisTokenStore(redis_url, identity=identity)
    store.save(tokens())
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        release = store.try_lock()
        assert release is not None
        holding.set()
        done.wait(30)
        release()

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(10)
    redis.Redis.from_url(redis_url).delete(store.lock_key)  # the Redis half is free: only the thread lock is held
    child = multiprocessing.get_context("fork").Process(target=_take_lock_in_child, args=(store,))
    child.start()
    child.join(30)
    done.set()
    holder.join()
    assert child.exitcode == 0


def _take_lock_in_child(store: RedisTokenStore) -> None:
    release = store.try_lock()
    assert release is not None and store.load() is not None
    release()


# --- the loser never deletes or overwrites the winner's tokens ------------------------------------------
class LoserTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Real HTTP, except this host's refresh: just before it, the winner (another host whose lock
    had expired) really refreshes and stores its tokens; this host's request is then answered
    with the 401 a reused refresh token gets."""

    def __init__(self, winner_store: RedisTokenStore, *, rejected: bool = True) -> None:
        self.sync, self.async_ = httpx.HTTPTransport(), httpx.AsyncHTTPTransport()
        self.winner_store = winner_store
        self.rejected = rejected  # False: this host's refresh goes through too, after the winner's
        self.winner: StoredTokens | None = None

    def _win(self, request: httpx.Request) -> httpx.Response:
        real = httpx.post(str(request.url), content=request.content, headers=dict(request.headers))
        data = real.json()["data"]
        data = data.get("tokens", data)
        self.winner = StoredTokens.from_expires_in(data["access_token"], data["refresh_token"], 10_000)
        self.winner_store.save(self.winner)
        if not self.rejected:  # inside the reuse interval: the current pair, a new access token
            again = httpx.post(str(request.url), content=request.content, headers=dict(request.headers))
            return httpx.Response(again.status_code, headers=again.headers, content=again.content)
        return httpx.Response(401, json={"success": False, "error": {"code": "INVALID_REFRESH",
                                                                      "message": "Invalid refresh token"}})

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/refresh") and self.winner is None:
            return self._win(request)
        return self.sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/refresh") and self.winner is None:
            return await asyncio.to_thread(self._win, request)
        return await self.async_.handle_async_request(request)


async def test_a_rejected_host_adopts_the_winners_tokens_and_never_deletes_them(
        make: Any, flavour: str, version: str, paywire_sandbox: Any, redis_url: str, identity: str) -> None:
    transport = LoserTransport(RedisTokenStore(redis_url, identity=identity))
    loser = make(base_url=paywire_sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY, api_version=version,
                 token_store=RedisTokenStore(redis_url, identity=identity), transport=transport)
    loser.token_manager.clock = paywire_sandbox.clock.now
    await call(loser.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    await call(loser.sessions.get_current_session)  # answered with the winner's access token
    assert transport.winner is not None
    stored = RedisTokenStore(redis_url, identity=identity).load()
    assert stored == transport.winner and loser.get_tokens() == transport.winner


async def test_a_late_refresh_never_overwrites_the_winners_tokens(
        make: Any, flavour: str, version: str, paywire_sandbox: Any, redis_url: str, identity: str) -> None:
    """This host's refresh answer arrives after another host (whose lock had expired) stored
    its rotation: the write is refused (compare-and-set) and the winner's tokens adopted."""
    transport = LoserTransport(RedisTokenStore(redis_url, identity=identity), rejected=False)
    late = make(base_url=paywire_sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY, api_version=version,
                token_store=RedisTokenStore(redis_url, identity=identity), transport=transport)
    late.token_manager.clock = paywire_sandbox.clock.now
    await call(late.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    await call(late.sessions.get_current_session)
    assert transport.winner is not None
    assert RedisTokenStore(redis_url, identity=identity).load() == transport.winner == late.get_tokens()


async def test_a_rejection_with_no_winner_still_signs_out(make: Any, flavour: str, version: str,
                                                          paywire_sandbox: Any, redis_url: str, identity: str) -> None:
    client = host(make, paywire_sandbox, version, redis_url, identity)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.faults.add("refresh_tokens", status=401)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    with pytest.raises(paywire.AuthenticationError):
        await call(client.sessions.get_current_session)
    assert RedisTokenStore(redis_url, identity=identity).load() is None


def test_replace_is_compare_and_set_on_the_refresh_token(redis_url: str, identity: str) -> None:
    a, b = RedisTokenStore(redis_url, identity=identity), RedisTokenStore(redis_url, identity=identity)
    first, winner = tokens(), tokens("acc_winner_1234567890", "ref_winner_1234567890")
    a.save(first)
    assert b.load() == first
    assert a.replace(REFRESH, winner) == (True, winner)
    late = tokens("acc_late_12345678901", "ref_late_12345678901")
    assert b.replace(REFRESH, late) == (False, winner)  # b's refresh token was rotated meanwhile
    assert b.replace(REFRESH, None) == (False, winner)  # and a rejection of it deletes nothing
    assert RedisTokenStore(redis_url, identity=identity).load() == winner


# --- the shared negative result -------------------------------------------------------------------------
async def test_a_failed_refresh_is_shared_briefly(make: Any, flavour: str, version: str, paywire_sandbox: Any,
                                                  redis_url: str, identity: str) -> None:
    a = host(make, paywire_sandbox, version, redis_url, identity)
    b = host(make, paywire_sandbox, version, redis_url, identity)
    await call(a.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    paywire_sandbox.faults.add("refresh_tokens", status=503, times=1000)
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    with pytest.raises(paywire.InternalServerError) as first:
        await call(a.sessions.get_current_session)
    sent = refreshes(paywire_sandbox)
    with pytest.raises(paywire.InternalServerError) as shared:
        await call(b.sessions.get_current_session)
    assert refreshes(paywire_sandbox) == sent  # b did not queue another refresh behind the outage
    assert type(shared.value) is type(first.value) and shared.value.status_code == 503
    assert "another process" in str(shared.value) and 0 < shared.value.retry_after <= 2.0  # type: ignore[attr-defined]
    assert b.get_tokens() is not None and a.get_tokens() is not None  # nobody signed out
    paywire_sandbox.faults.clear()
    failure_key = b.token_store.failure_key
    r = redis.Redis.from_url(redis_url)
    while r.exists(failure_key):
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.1)
    await call(b.sessions.get_current_session)  # briefly: afterwards b refreshes
    assert refreshes(paywire_sandbox) == sent + 1


# --- Redis down, Redis restarted empty ------------------------------------------------------------------
async def test_redis_restart_mid_run_loses_no_tokens(make: Any, flavour: str, version: str, paywire_sandbox: Any,
                                                     redis_server: RedisServer, redis_url: str,
                                                     identity: str) -> None:
    client = host(make, paywire_sandbox, version, redis_url, identity, retry_after_s=0.0)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    signed_in = client.get_tokens()
    redis_server.stop()
    try:
        await call(client.sessions.get_current_session)  # from this process's copy
        paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
        before = refreshes(paywire_sandbox)
        await call(client.sessions.get_current_session)  # the refresh happens without Redis
        assert refreshes(paywire_sandbox) - before == 1
        refreshed = client.get_tokens()
        assert refreshed is not None and refreshed.access_token != signed_in.access_token
    finally:
        redis_server.start()  # empty: no persistence
    await call(client.sessions.get_current_session)
    assert RedisTokenStore(redis_url, identity=identity).load() == refreshed  # written back


def test_an_unsynced_copy_yields_to_newer_tokens_in_redis(redis_server: RedisServer, redis_url: str,
                                                          identity: str) -> None:
    """A copy changed while Redis was unreachable is written back only if Redis still holds what
    this process last saw there; a newer value another host stored wins."""
    a = RedisTokenStore(redis_url, identity=identity, retry_after_s=0.0, socket_timeout_s=0.05)
    first = tokens()
    a.save(first)
    r = redis.Redis.from_url(redis_url)
    r.execute_command("CLIENT", "PAUSE", "400", "ALL")  # Redis stops answering a for a moment
    mine = tokens("acc_mine_while_down_1", "ref_mine_while_down_1")
    a.save(mine)
    assert a.load() == mine  # from its copy: Redis is still paused
    time.sleep(0.45)
    newer = tokens("acc_newer_elsewhere_1", "ref_newer_elsewhere_1")
    RedisTokenStore(redis_url, identity=identity).save(newer)
    assert a.load() == newer and RedisTokenStore(redis_url, identity=identity).load() == newer
    # and the other way round: Redis still holds what a saw -> a's copy is written back
    r.execute_command("CLIENT", "PAUSE", "400", "ALL")
    a.save(mine)
    time.sleep(0.45)
    assert a.load() == mine and RedisTokenStore(redis_url, identity=identity).load() == mine


async def test_no_copy_and_no_redis_is_a_typed_error_before_any_request(make: Any, identity: str) -> None:
    from redis_support import free_port

    sent: list[httpx.Request] = []
    client = make(token_store=RedisTokenStore(f"redis://127.0.0.1:{free_port()}/0", identity=identity),
                  transport=httpx.MockTransport(lambda request: sent.append(request) or ok({})))
    with pytest.raises(RedisTokenStoreUnavailable) as info:
        await call(client.sessions.get_current_session)
    assert isinstance(info.value, TokenStoreError) and not isinstance(info.value, NotSignedInError)
    assert sent == []


# --- what is stored, key names, reprs, logs -------------------------------------------------------------
def test_stored_as_the_file_store_stores_them(redis_url: str, identity: str, tmp_path: Path) -> None:
    saved = tokens()
    store = RedisTokenStore(redis_url, identity=identity)
    store.save(saved)
    file_store = FileTokenStore(tmp_path / "tokens.json")
    file_store.save(saved)
    raw = redis.Redis.from_url(redis_url, decode_responses=True).get(store.tokens_key)
    assert raw == (tmp_path / "tokens.json").read_text()
    assert RedisTokenStore(redis_url, identity=identity).load() == file_store.load() == saved


@pytest.mark.parametrize("raw", ["{not json " + ACCESS, "[1]", json.dumps({"refresh_token": REFRESH}),
                                 json.dumps({"access_token": ACCESS, "expires_at": 1e300})])
def test_a_corrupt_value_is_a_token_store_error_that_does_not_echo_it(redis_url: str, identity: str,
                                                                      raw: str) -> None:
    store = RedisTokenStore(redis_url, identity=identity)
    redis.Redis.from_url(redis_url).set(store.tokens_key, raw)
    with pytest.raises(TokenStoreError) as info:
        store.load()
    assert ACCESS not in str(info.value) and REFRESH not in str(info.value)


async def test_no_token_in_key_names_values_reprs_or_logs(make: Any, flavour: str, version: str,
                                                          paywire_sandbox: Any, redis_url: str, identity: str,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    a = host(make, paywire_sandbox, version, redis_url, identity)
    b = host(make, paywire_sandbox, version, redis_url, identity)
    await call(a.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    secrets_seen = {a.get_tokens().access_token, a.get_tokens().refresh_token}
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    assert await concurrently([a, b], 3) == [None] * 6
    paywire_sandbox.faults.add("refresh_tokens", status=503, times=100)  # a shared failure, too
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    with pytest.raises(paywire.InternalServerError):
        await call(a.sessions.get_current_session)
    secrets_seen |= {a.get_tokens().access_token, a.get_tokens().refresh_token}
    r = redis.Redis.from_url(redis_url, decode_responses=True)
    keys = r.keys("*")
    assert keys and all(identity not in k and a.token_store.digest in k for k in keys)
    texts = [*keys, repr(a.token_store), repr(a), caplog.text]
    for key in keys:
        if key != a.token_store.tokens_key and r.type(key) == "string":
            texts.append(r.get(key) or "")
    for secret in secrets_seen:
        assert secret and not any(secret in text for text in texts)
    assert fingerprint(a.get_tokens().refresh_token) in r.get(a.token_store.failure_key)


def test_repr_hides_the_redis_password(redis_url: str, identity: str) -> None:
    store = RedisTokenStore("redis://:hunter2-secret@127.0.0.1:6390/0", identity=identity)
    assert "hunter2" not in repr(store) and identity not in repr(store) and store.digest in repr(store)


@pytest.mark.parametrize("kwargs", [{"identity": ""}, {"identity": "x", "lock_ttl_s": 0},
                                    {"identity": "x", "namespace": "has space"}])
def test_bad_settings_are_a_typed_error(kwargs: dict[str, Any]) -> None:
    with pytest.raises(TokenStoreError):
        RedisTokenStore("redis://127.0.0.1:6379/0", **kwargs)
    with pytest.raises(TokenStoreError):
        RedisTokenStore("http://127.0.0.1:6379/0", identity="x")

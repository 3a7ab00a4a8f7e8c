"""SPAPS tokens in Redis: one session shared by every process and host (``paywire[redis]``).

    from paywire.spaps import SpapsClient
    from paywire.spaps.redis_store import RedisTokenStore

    store = RedisTokenStore("redis://10.0.0.5:6379/0", identity="billing-bot@example.com")
    spaps = SpapsClient(api_key=..., token_store=store)   # every worker, every host

What is stored, and where
    The value is the JSON document :class:`~paywire.spaps.FileTokenStore` writes
    (``{access_token, refresh_token, expires_at, token_type}``, the 0.1.4 format). Key names
    derive from a SHA-256 of ``identity`` (a non-secret label of whose session this is: a user
    id or e-mail, an app name), never from a token; so does nothing else in Redis. Reprs and
    log lines show the host, the namespace and that digest only.

Refresh single flight across hosts (``shared/reference/ecosystem-2026-12.md`` §4.3)
    * The lock is redis-py's :class:`redis.lock.Lock`: ``SET NX PX`` with a random owner token,
      released by a compare-and-delete script, so a leader whose lock expired can never release
      the next leader's lock. A TTL shorter than the refresh lets a second grant go out (litellm
      #31493), a long one keeps everybody waiting for a crashed owner; so the TTL is short
      (``lock_ttl_s``, 15 s) and the owner's keep-alive thread extends it every third of it for
      as long as the refresh runs, retries included: the lock outlives any refresh of a live
      owner, and a crashed (or frozen) owner's lock expires within the TTL. ``lock_timeout``
      (60 s) is how long the others wait before :class:`~paywire.spaps.tokens.TokenLockTimeout`.
    * Inside each process a plain lock is taken first, so clients of one process queue in
      memory, not on Redis, and the exclusion still holds while Redis is down.
    * Under the lock the token manager re-reads the store and adopts tokens another host stored
      instead of refreshing (:mod:`paywire.spaps._refresh`).
    * Writes that follow a refresh are compare-and-set on the refresh token that was used
      (:meth:`RedisTokenStore.replace`): a leader that lost its lock cannot overwrite a newer
      rotation, and a host whose refresh was rejected deletes the tokens only if they are still
      the ones it used, never the winner's (IBM mcp-context-forge #6300).
    * A transient refresh failure is shared for its negative-cache time (a ``Retry-After``
      wins, capped): the other hosts answer from it instead of queueing their own refresh
      behind a dead API. It names the failed refresh token by a digest only.

Redis unavailable (never a sign-out)
    Any Redis error marks the store down for ``retry_after_s``; meanwhile

    * ``load`` answers from this process's copy (the last value it read or wrote);
    * ``save`` / ``clear`` / ``replace`` change that copy and mark it *unsynced*;
    * the lock is the in-process lock alone, so a refresh that cannot wait still happens
      (at most one per process; SPAPS's reuse interval makes concurrent refreshes of one token
      safe), and its result lives in the copy.

    When Redis answers again the unsynced copy is written back **only if Redis still holds what
    this process last saw there** (or the data was lost: Redis restarted empty); otherwise the
    value in Redis is newer and this process adopts it. A process that never saw the tokens and
    cannot reach Redis raises :class:`RedisTokenStoreUnavailable` (a ``TokenStoreError``), not
    ``NotSignedInError``: the session was not lost. Data loss is detected with an epoch key
    (random, written once): an epoch different from the one this process saw means the tokens
    were not deleted by a sign-out but lost with Redis's data, and any process holding a copy
    writes it back (the first wins, the others adopt it).

Every call is a single round trip (a Lua script or a ``GET``); async clients make them from the
event loop (~0.1 ms on loopback; at most ``socket_timeout_s`` once per ``retry_after_s`` when
Redis is unreachable).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

try:
    import redis
    import redis.lock
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("paywire's RedisTokenStore needs the redis extra: pip install 'paywire[redis]'") from exc

from paywire._core.fork import reset_after_fork
from paywire._core.logs import get_logger
from paywire.spaps.errors import TokenStoreError
from paywire.spaps.tokens import StoredTokens, TokenLockTimeout

logger = get_logger("paywire.spaps.redis_store")

_ABSENT = "absent"  # fingerprint of "no tokens stored"
_NO_REFRESH = "none"  # fingerprint of tokens without a refresh token

# Returns {raw tokens or '', epoch}. Creates the epoch on first contact (and after data loss).
_READ = """
local e = redis.call('GET', KEYS[2])
if not e then redis.call('SET', KEYS[2], ARGV[1]); e = ARGV[1] end
return {redis.call('GET', KEYS[1]) or '', e}
"""

# Write ARGV[4] ('' = delete). Mode ARGV[1] 'any': always. Mode 'if': only when the store still
# holds the refresh token whose fingerprint is ARGV[3] under epoch ARGV[2], or when the epoch
# moved and the key is gone (Redis lost its data: put the copy back). Returns {done, raw, epoch}.
_WRITE = """
local e = redis.call('GET', KEYS[2])
if not e then redis.call('SET', KEYS[2], ARGV[5]); e = ARGV[5] end
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == 'if' then
  local ok = false
  if e == ARGV[2] then
    local fp = 'absent'
    if cur then
      fp = 'none'
      local decoded, doc = pcall(cjson.decode, cur)
      if decoded and type(doc) == 'table' and type(doc.refresh_token) == 'string' and doc.refresh_token ~= '' then
        fp = redis.sha1hex(doc.refresh_token)
      end
    end
    ok = (fp == ARGV[3])
  else
    ok = (cur == false)
  end
  if not ok then return {0, cur or '', e} end
end
if ARGV[4] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[4]) end
return {1, ARGV[4], e}
"""


class RedisTokenStoreUnavailable(TokenStoreError):
    """Redis cannot be reached and this process holds no copy of the tokens."""


@dataclass(frozen=True, slots=True)
class SharedRefreshFailure:
    """A transient refresh failure another process (or host) shared: what it was and how long
    it still stands. ``status`` is None for a transport failure (``kind``: "timeout" /
    "connection")."""

    kind: str
    status: int | None
    code: str | None
    remaining_s: float


def fingerprint(refresh_token: str | None) -> str:
    """What the store compares and shares instead of a refresh token (SHA-1, as Lua's sha1hex)."""
    if not refresh_token:
        return _NO_REFRESH
    return hashlib.sha1(refresh_token.encode()).hexdigest()  # an identifier (as Lua sha1hex), not a MAC


def _fp_of(tokens: StoredTokens | None) -> str:
    return _ABSENT if tokens is None else fingerprint(tokens.refresh_token)


class RedisTokenStore:
    """SPAPS tokens in Redis, shared by every process and host (see the module docs).

    ``url``: a redis-py URL (its password never appears in reprs). ``identity``: a non-secret
    label of whose session this is; stores with the same URL, namespace and identity share one
    session. ``lock_ttl_s``: the refresh lock's TTL (its owner keeps extending it while the
    refresh runs; a crashed owner's lock is gone after it). ``lock_timeout``: how long a caller
    waits for another host's lock (default 60 s, and at least the TTL).
    ``retry_after_s``: how long the store answers from memory after a Redis error before trying
    Redis again.
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        identity: str,
        namespace: str = "paywire",
        lock_ttl_s: float = 15.0,
        lock_timeout: float | None = None,
        socket_timeout_s: float = 0.5,
        retry_after_s: float = 1.0,
    ) -> None:
        if not isinstance(url, str) or not url.startswith(("redis://", "rediss://", "unix://")):
            raise TokenStoreError("url must be a redis://, rediss:// or unix:// URL")
        if not isinstance(identity, str) or not identity:
            raise TokenStoreError("identity must be a non-empty label of whose session this is")
        if not namespace or any(c.isspace() for c in namespace):
            raise TokenStoreError("namespace must be non-empty, without spaces")
        if not lock_ttl_s > 0 or not socket_timeout_s > 0 or retry_after_s < 0:
            raise TokenStoreError("lock_ttl_s > 0, socket_timeout_s > 0 and retry_after_s >= 0 are required")
        self.url = url
        self.namespace = namespace
        #: the digest every key name carries (the identity itself never reaches Redis)
        self.digest = hashlib.sha256(b"paywire-spaps-tokens\0" + identity.encode()).hexdigest()[:32]
        prefix = f"{namespace}:spaps:{self.digest}"
        self.tokens_key = f"{prefix}:tokens"
        self.epoch_key = f"{prefix}:epoch"
        self.lock_key = f"{prefix}:lock"
        self.failure_key = f"{prefix}:refresh-failed"
        self.lock_ttl_s = float(lock_ttl_s)
        self._lock_timeout = float(lock_timeout) if lock_timeout is not None else max(60.0, self.lock_ttl_s + 5.0)
        self.retry_after_s = float(retry_after_s)
        self.client: redis.Redis = redis.Redis.from_url(
            url, socket_timeout=socket_timeout_s, socket_connect_timeout=socket_timeout_s,
            decode_responses=True, health_check_interval=30)
        self._read_script = self.client.register_script(_READ)
        self._write_script = self.client.register_script(_WRITE)
        self._mutex = threading.Lock()  # guards the fields below
        self._local_lock = threading.Lock()  # the in-process half of the refresh lock
        self._down_until = 0.0
        self._copy: StoredTokens | None = None  # this process's copy (what load answers when Redis is down)
        self._have_copy = False  # False: this process never saw the tokens (nor their absence)
        self._seen: tuple[str, str] | None = None  # (epoch, fingerprint) last read from / written to Redis
        self._unsynced = False  # the copy changed while Redis was down: write it back
        self._parsed: tuple[str, StoredTokens] | None = None  # raw -> tokens, so a GET does not re-parse
        reset_after_fork(self)  # fresh thread locks in a forked child (paywire._core.fork)

    # -- health ------------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """False while the store answers from memory after a Redis error."""
        return time.monotonic() >= self._down_until

    def _failed(self, exc: BaseException) -> None:
        if self.available:
            # The exception text names host and port only (redis-py never puts values in it).
            logger.warning("SPAPS token store: Redis unavailable for %.1fs, using this process's copy: %s",
                           self.retry_after_s, type(exc).__name__)
        self._down_until = time.monotonic() + self.retry_after_s

    # -- TokenStore ----------------------------------------------------------------------------------
    def load(self) -> StoredTokens | None:
        if self.available:
            try:
                return self._load_redis()
            except redis.RedisError as exc:
                self._failed(exc)
        with self._mutex:
            if not self._have_copy:
                raise RedisTokenStoreUnavailable(
                    "the SPAPS token store (Redis) is unavailable and this process holds no copy of the tokens")
            return self._copy

    def _load_redis(self) -> StoredTokens | None:
        raw, epoch = self._read_script(keys=[self.tokens_key, self.epoch_key], args=[_new_epoch()])
        with self._mutex:
            seen, unsynced, copy, have = self._seen, self._unsynced, self._copy, self._have_copy
        data_lost = seen is not None and seen[0] != epoch and not raw and have and copy is not None
        if unsynced or data_lost:
            return self._write_back(copy, seen)
        tokens = self._parse(raw)
        self._remember(tokens, epoch)
        return tokens

    def _write_back(self, copy: StoredTokens | None, seen: tuple[str, str] | None) -> StoredTokens | None:
        """Put this process's copy into Redis if Redis still holds what we last saw there (or
        lost its data); otherwise Redis holds something newer: adopt it."""
        epoch, fp = seen if seen is not None else ("", _ABSENT)
        done, raw, new_epoch = self._write("if", epoch, fp, copy)
        tokens = copy if done else self._parse(raw)
        logger.info("SPAPS token store: Redis is back; %s", "wrote this process's copy back" if done
                    else "it holds newer tokens, adopted them")
        with self._mutex:
            self._unsynced = False
        self._remember(tokens, new_epoch)
        return tokens

    def save(self, tokens: StoredTokens) -> None:
        self._store("any", None, tokens)

    def clear(self) -> None:
        self._store("any", None, None)

    def replace(self, expected_refresh_token: str | None, tokens: StoredTokens | None) -> tuple[bool, StoredTokens | None]:
        """Compare-and-set: store ``tokens`` (None: sign out) only if the store still holds the
        refresh token ``expected_refresh_token``. Returns ``(True, tokens)``, or ``(False, what
        the store holds)`` so the caller can adopt it."""
        return self._store("if", fingerprint(expected_refresh_token), tokens)

    def _store(self, mode: str, expected_fp: str | None, tokens: StoredTokens | None) -> tuple[bool, StoredTokens | None]:
        if self.available:
            with self._mutex:
                epoch = self._seen[0] if self._seen is not None else ""
            try:
                done, raw, new_epoch = self._write(mode, epoch, expected_fp or "", tokens)
            except redis.RedisError as exc:
                self._failed(exc)
            else:
                current = tokens if done else self._parse(raw)
                with self._mutex:
                    self._unsynced = False
                self._remember(current, new_epoch)
                return bool(done), current
        # Redis is down: the same rule against this process's copy; written back later.
        with self._mutex:
            if mode == "if" and self._have_copy and _fp_of(self._copy) != expected_fp:
                return False, self._copy
            self._copy, self._have_copy, self._unsynced = tokens, True, True
            return True, tokens

    def _write(self, mode: str, epoch: str, expected_fp: str, tokens: StoredTokens | None) -> tuple[int, str, str]:
        raw = "" if tokens is None else json.dumps(tokens.to_dict(), separators=(",", ":"))
        done, current, new_epoch = self._write_script(keys=[self.tokens_key, self.epoch_key],
                                                      args=[mode, epoch, expected_fp, raw, _new_epoch()])
        return int(done), str(current), str(new_epoch)

    def _parse(self, raw: str) -> StoredTokens | None:
        if not raw:
            return None
        parsed = self._parsed
        if parsed is not None and parsed[0] == raw:
            return parsed[1]
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise TokenStoreError("the tokens stored in Redis are not valid JSON") from None
        tokens = StoredTokens.from_dict(data)
        self._parsed = (raw, tokens)
        return tokens

    def _remember(self, tokens: StoredTokens | None, epoch: str) -> None:
        with self._mutex:
            self._copy, self._have_copy = tokens, True
            self._seen = (epoch, _fp_of(tokens))

    # -- the refresh lock ---------------------------------------------------------------------------------
    def try_lock(self) -> Callable[[], None] | None:
        """Take the refresh lock without waiting: its release function, or None when another
        thread of this process or another host holds it. While Redis is down the in-process
        lock alone is taken (see the module docs)."""
        if not self._local_lock.acquire(blocking=False):
            return None
        if not self.available:
            return self._local_lock.release
        lock = redis.lock.Lock(self.client, self.lock_key, timeout=self.lock_ttl_s, blocking=False,
                               thread_local=False)
        try:
            got = lock.acquire(token=secrets.token_hex(16))
        except redis.RedisError as exc:
            self._failed(exc)
            return self._local_lock.release
        if not got:
            self._local_lock.release()
            return None
        stop = threading.Event()
        threading.Thread(target=self._keep_alive, args=(lock, stop), name="paywire-spaps-lock-keepalive",
                         daemon=True).start()

        def release() -> None:
            stop.set()
            try:
                lock.release()  # compare-and-delete: an expired lock now owned by another stays
            except redis.exceptions.LockNotOwnedError:
                logger.warning("SPAPS token store: the refresh lock expired before it was released; "
                               "raise lock_ttl_s above the refresh's longest duration")
            except redis.RedisError as exc:
                self._failed(exc)  # the lock expires by itself
            finally:
                self._local_lock.release()

        return release

    def _keep_alive(self, lock: redis.lock.Lock, stop: threading.Event) -> None:
        """Extend the held lock to a full TTL every third of it until released. Stops when the
        lock is no longer ours or Redis fails: the TTL then runs out by itself."""
        while not stop.wait(self.lock_ttl_s / 3):
            try:
                lock.extend(self.lock_ttl_s, replace_ttl=True)
            except redis.exceptions.LockError:
                return
            except redis.RedisError as exc:
                self._failed(exc)
                return

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """The refresh lock, waiting up to ``lock_timeout`` (sync clients; async clients poll
        :meth:`try_lock` between ``asyncio.sleep``\\ s)."""
        give_up = time.monotonic() + self._lock_timeout
        pause = 0.001
        while True:
            release = self.try_lock()
            if release is not None:
                break
            if time.monotonic() >= give_up:
                raise TokenLockTimeout(f"another process held the SPAPS token lock for more than "
                                       f"{self._lock_timeout:g} s")
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        try:
            yield
        finally:
            release()

    @property
    def lock_timeout(self) -> float:
        return self._lock_timeout

    # -- the shared negative result --------------------------------------------------------------------
    def share_failure(self, refresh_token: str, kind: str, status: int | None, code: str | None,
                      ttl_s: float) -> None:
        """Tell every process that refreshing ``refresh_token`` just failed transiently, for
        ``ttl_s`` seconds. Best effort: a Redis error only marks the store down."""
        if not self.available or ttl_s <= 0:
            return
        record = json.dumps({"rt": fingerprint(refresh_token), "kind": kind, "status": status, "code": code})
        try:
            self.client.set(self.failure_key, record, px=max(1, int(ttl_s * 1000)))
        except redis.RedisError as exc:
            self._failed(exc)

    def shared_failure(self, refresh_token: str) -> SharedRefreshFailure | None:
        """The failure another process shared for ``refresh_token``, while it stands."""
        if not self.available:
            return None
        try:
            pipe = self.client.pipeline(transaction=True)
            pipe.get(self.failure_key)
            pipe.pttl(self.failure_key)
            raw, pttl = pipe.execute()
        except redis.RedisError as exc:
            self._failed(exc)
            return None
        if not raw or not isinstance(pttl, int) or pttl <= 0:
            return None
        try:
            record = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(record, dict) or record.get("rt") != fingerprint(refresh_token):
            return None
        status = record.get("status")
        code = record.get("code")
        return SharedRefreshFailure(str(record.get("kind") or "connection"),
                                    status if isinstance(status, int) else None,
                                    code if isinstance(code, str) else None, pttl / 1000.0)

    def _after_fork(self) -> None:
        """In a forked child (gunicorn/celery prefork): fresh thread locks, since one held by
        another parent thread at fork time would stay locked forever in the child. The copy
        and what was last seen stay (the child starts from the parent's view); a Redis lock
        the parent holds stays the parent's. redis-py's pool reconnects after a fork itself."""
        self._mutex = threading.Lock()
        self._local_lock = threading.Lock()

    # -- housekeeping ------------------------------------------------------------------------------------
    def close(self) -> None:
        self.client.close()

    def __repr__(self) -> str:  # the URL may carry a password: host, port and db only
        from urllib.parse import urlsplit

        parts = urlsplit(self.url)
        return (f"RedisTokenStore(host={parts.hostname!r}, port={parts.port}, namespace={self.namespace!r}, "
                f"identity_digest={self.digest!r})")




def _new_epoch() -> str:
    return secrets.token_hex(8)


__all__ = ["RedisTokenStore", "RedisTokenStoreUnavailable", "SharedRefreshFailure", "fingerprint"]

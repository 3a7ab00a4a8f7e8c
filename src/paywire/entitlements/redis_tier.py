"""A Redis second level under :class:`~paywire.entitlements.EntitlementCache` (``paywire[redis]``).

    from paywire.entitlements.redis_tier import RedisTier
    from paywire.vellum import VellumClient

    tier = RedisTier("redis://10.0.0.5:6379/0")          # one per process, shared by its clients
    vellum = VellumClient(api_key=..., tenant_id=..., shared_cache=tier)

Hits stay in process memory (the cache's hit path is untouched). A miss runs **one Lua script**
(one round trip) that either returns the value another process stored or takes a lock for this
key, so across every process and host one of them calls the API and the others read its
result. Why each piece is the way it is:

- **Versioned keys, compare-and-set writes.** Each key has a version counter and each scope a
  global one; a value is stored with the versions it was read under and only counts while both
  are current. The leader's write is a compare-and-set against the versions it saw *before*
  calling the API, so a fetch that was in flight when any process invalidated the key never
  overwrites the invalidation (the trap a plain ``SET`` after the fetch falls into). The
  process that lost the race still answers its caller but does not cache the value.
- **A lock only its owner can release.** ``SET lock token NX PX`` and a compare-and-delete
  script: a slow leader whose lock expired cannot delete the next leader's lock. Invalidation
  deletes the key's lock, so callers that arrive after an invalidation never wait on a fetch
  that started before it. The lock name carries the global version, so ``invalidate()`` of all
  keys frees every lock at once.
- **Invalidation is published** on one channel per namespace; a listener thread in every
  process drops the key from its in-process caches. After the listener loses Redis it drops
  everything it holds once it is back (messages sent meanwhile are lost), and invalidations
  this process could not publish are published on reconnect.
- **Redis is never a single point of failure.** Any Redis error marks the tier down for
  ``retry_after_s``; meanwhile misses go straight to the API (the in-process single-flight
  still coalesces them), exactly as without Redis.
- **Fork-safe**: a forked worker gets its own origin id and listener (see ``_after_fork``).
- **Read-only mode** (``read_only=True``) is for app processes next to a
  :class:`~paywire.entitlements.relay.Relay`: while the relay's heartbeat is present a miss
  asks the relay to fill the key and waits for it instead of calling the API.

The default ``socket_timeout_s`` is short because every caller of a miss waits on it; on
loopback a round trip is ~0.1 ms.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
import time
import uuid
import weakref
from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from paywire._core.flow import Call, Flow, Sleep, run_calls, run_calls_async
from paywire._core.fork import reset_after_fork
from paywire._core.logs import get_logger

try:
    import redis
    import redis.asyncio as aioredis
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("paywire's Redis tier needs the redis extra: pip install 'paywire[redis]'") from exc

if TYPE_CHECKING:
    import asyncio

    from paywire.entitlements._cache import EntitlementCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

logger = get_logger("paywire.entitlements.redis")

#: what a Redis round trip may raise (redis-py wraps most socket errors; asyncio's may not be)
_REDIS_ERRORS = (redis.RedisError, OSError)


def close_quietly(pubsub: redis.client.PubSub | None) -> None:
    """Close a pub/sub connection that may already be broken (its loop reconnects anyway)."""
    if pubsub is not None:
        try:
            pubsub.close()
        except _REDIS_ERRORS:
            pass


def _no_async_fetch() -> Any:
    raise TypeError("a sync fetch was run on the event loop")


def _no_sync_fetch() -> Any:
    raise TypeError("an async fetch was run on a thread")


# Returns {value-or-'', global version, key version, lock acquired 0/1, relay alive 0/1}.
# A stored value starts with "<global version>|<key version>|": it only counts while both match.
# A missing global version starts at a random number (ARGV[6]), not 0: when Redis loses its data
# (a restart without persistence, a failover to an empty replica) the counters start again, and
# a fetch that read the old counters must not find them "unchanged" and write a value that an
# invalidation lost with the data had already superseded.
_READ_OR_LOCK = """
local g = redis.call('GET', KEYS[2])
if not g then
  redis.call('SET', KEYS[2], ARGV[6], 'NX')
  g = redis.call('GET', KEYS[2])
end
local kv = redis.call('GET', KEYS[3]) or '0'
local v = redis.call('GET', KEYS[1])
if v then
  local hdr = g .. '|' .. kv .. '|'
  if string.sub(v, 1, #hdr) == hdr then return {v, g, kv, 0, 0} end
end
local relay = redis.call('EXISTS', KEYS[4])
local got = 0
if ARGV[4] == '1' then
  if redis.call('SET', ARGV[1] .. g .. ':' .. ARGV[2], ARGV[3], 'NX', 'PX', ARGV[5]) then got = 1 end
end
return {'', g, kv, got, relay}
"""

# Compare-and-set: write only if neither version moved since the fetch started; then release
# the lock if (and only if) this token still owns it.
_WRITE = """
local g = redis.call('GET', KEYS[2]) or '0'
local kv = redis.call('GET', KEYS[3]) or '0'
local ok = 0
if g == ARGV[1] and kv == ARGV[2] then
  redis.call('SET', KEYS[1], g .. '|' .. kv .. '|' .. ARGV[3], 'PX', ARGV[4])
  ok = 1
end
if ARGV[5] ~= '' and redis.call('GET', ARGV[6]) == ARGV[5] then redis.call('DEL', ARGV[6]) end
return ok
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

# One key: bump its version, drop its value and its current lock, tell every process.
# All keys (ARGV[2] == ''): bump the scope's global version (values and locks then mismatch).
_INVALIDATE = """
if ARGV[2] == '' then
  redis.call('INCR', KEYS[2])
else
  redis.call('INCR', KEYS[3])
  redis.call('DEL', KEYS[1])
  local g = redis.call('GET', KEYS[2]) or '0'
  redis.call('DEL', ARGV[1] .. g .. ':' .. ARGV[2])
end
return redis.call('PUBLISH', ARGV[3], ARGV[4])
"""


class Codec(Protocol[K, V]):
    """How one cache's keys and values travel through Redis (text both ways)."""

    def key(self, key: K) -> str: ...

    def parse_key(self, text: str) -> K: ...

    def dump(self, value: V) -> str: ...

    def load(self, text: str) -> V: ...


class TierStats:
    """Counters of one tier in this process (plain ints; read them, do not rely on atomicity)."""

    __slots__ = ("api_fetches", "errors", "fallbacks", "fill_requests", "invalidations_received",
                 "redis_hits", "superseded", "waits")

    def __init__(self) -> None:
        self.redis_hits = 0  # misses answered from Redis
        self.api_fetches = 0  # misses this process answered by calling the API
        self.waits = 0  # misses that waited for another process's fetch
        self.superseded = 0  # fetches whose write lost to a newer invalidation
        self.fallbacks = 0  # misses answered from the API because Redis was unavailable
        self.errors = 0  # Redis errors seen
        self.invalidations_received = 0
        self.fill_requests = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


class RedisTier:
    """One Redis connection pool, one invalidation listener, any number of bound caches.

    ``url``: a redis-py URL. ``namespace`` prefixes every key and channel. ``lock_ttl_ms``
    bounds how long a crashed leader can hold a key (waiters then fetch themselves);
    ``read_only`` and ``relay_wait_ms``: see the module docs. Redis errors never reach
    callers: the tier steps aside for ``retry_after_s`` and misses go to the API.
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        namespace: str = "paywire",
        read_only: bool = False,
        lock_ttl_ms: int = 10_000,
        relay_wait_ms: int = 2_000,
        socket_timeout_s: float = 0.5,
        retry_after_s: float = 1.0,
        poll_interval_s: float = 0.002,
    ) -> None:
        if not isinstance(url, str) or not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("url must be a redis://, rediss:// or unix:// URL")
        if not namespace or any(c in namespace for c in " |"):
            raise ValueError("namespace must be non-empty, without spaces or '|'")
        if lock_ttl_ms < 1 or relay_wait_ms < 0 or socket_timeout_s <= 0 or retry_after_s < 0:
            raise ValueError("lock_ttl_ms >= 1, relay_wait_ms >= 0, socket_timeout_s > 0, retry_after_s >= 0")
        self.url = url
        self.namespace = namespace
        self.read_only = read_only
        self.lock_ttl_ms = int(lock_ttl_ms)
        self.relay_wait_s = relay_wait_ms / 1000.0
        self.retry_after_s = retry_after_s
        self.poll_interval_s = poll_interval_s
        self._socket_timeout = socket_timeout_s
        self.channel = f"{namespace}:invalidate"
        self.fill_channel = f"{namespace}:fill"
        self.origin = uuid.uuid4().hex
        self.stats = TierStats()
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._pending: set[tuple[str, str]] = set()  # (scope, key or "") not yet published
        self._bindings: dict[str, weakref.WeakSet[Binding[Any, Any]]] = {}
        self._aio: dict[int, tuple[weakref.ref[asyncio.AbstractEventLoop], aioredis.Redis]] = {}
        self._listener: threading.Thread | None = None
        self._listener_pid = 0
        self._subscribed = threading.Event()
        self._closed = threading.Event()
        self._make_client()
        reset_after_fork(self)  # paywire._core.fork calls _after_fork in a forked child

    def _make_client(self) -> None:
        self.client: redis.Redis = redis.Redis.from_url(
            self.url, socket_timeout=self._socket_timeout, socket_connect_timeout=self._socket_timeout,
            decode_responses=True, health_check_interval=30)
        self._read = self.client.register_script(_READ_OR_LOCK)
        self._write = self.client.register_script(_WRITE)
        self._release = self.client.register_script(_RELEASE)
        self._invalidate = self.client.register_script(_INVALIDATE)
        self._scripts = {_READ_OR_LOCK: self._read, _WRITE: self._write, _RELEASE: self._release}

    # -- Redis round trips as flow effects (Binding._load): the sync client or this loop's asyncio one --
    def script_call(self, source: str, keys: list[str], args: list[Any]) -> Call:
        """Run Lua ``source``: the registered script (EVALSHA) on the sync client, EVAL on the
        asyncio one."""
        registered = self._scripts[source]
        return Call(lambda: registered(keys=keys, args=args),
                    lambda: self.aio().eval(source, len(keys), *keys, *args))

    def publish_call(self, channel: str, message: str) -> Call:
        return Call(lambda: self.client.publish(channel, message), lambda: self.aio().publish(channel, message))

    def __repr__(self) -> str:  # the URL may carry a password: show host and db only
        from urllib.parse import urlsplit

        parts = urlsplit(self.url)
        return f"RedisTier(host={parts.hostname!r}, port={parts.port}, namespace={self.namespace!r}, " \
               f"read_only={self.read_only})"

    # -- binding caches --------------------------------------------------------------------------
    def bind(self, cache: EntitlementCache[K, V], scope: str, codec: Codec[K, V],
             fetch_direct: Callable[[K], V] | None = None) -> Binding[K, V]:
        """Put this tier under ``cache`` for the keys of ``scope`` (e.g. one Vellum tenant and
        API version). ``fetch_direct(key)`` is what a relay calls to refill a key."""
        binding = Binding(self, cache, scope, codec, fetch_direct)
        with self._lock:
            self._bindings.setdefault(scope, weakref.WeakSet()).add(binding)
        cache.attach_shared(binding)
        self.ensure_listener()
        return binding

    def bindings(self, scope: str) -> list[Binding[Any, Any]]:
        with self._lock:
            return list(self._bindings.get(scope, ()))

    # -- health ------------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """False while the tier steps aside after a Redis error."""
        return time.monotonic() >= self._down_until

    def _failed(self, exc: BaseException) -> None:
        self.stats.errors += 1
        if self.available:
            logger.warning("paywire Redis tier unavailable for %.1fs, misses go to the API: %s: %s",
                           self.retry_after_s, type(exc).__name__, exc)
        self._down_until = time.monotonic() + self.retry_after_s

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except redis.RedisError:
            return False

    # -- invalidation listener ---------------------------------------------------------------------
    def ensure_listener(self) -> None:
        """Start the invalidation listener in this process (again after a fork)."""
        if self._listener is not None and self._listener_pid == os.getpid() and self._listener.is_alive():
            return
        with self._lock:
            if self._listener is not None and self._listener_pid == os.getpid() and self._listener.is_alive():
                return
            self._subscribed.clear()
            self._listener_pid = os.getpid()
            self._listener = threading.Thread(target=self._listen, name="paywire-redis-invalidations",
                                              daemon=True)
            self._listener.start()

    def wait_subscribed(self, timeout: float = 5.0) -> bool:
        """Block until the listener is subscribed (tests and relays want a known start)."""
        return self._subscribed.wait(timeout)

    def _listen(self) -> None:
        lost = False
        while not self._closed.is_set():
            pubsub = None
            try:
                pubsub = self.client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.channel)
                if lost:  # messages published while we were away are gone: forget everything
                    self._drop_all_local()
                    self._flush_pending()
                self._subscribed.set()
                lost = False
                while not self._closed.is_set():
                    message = pubsub.get_message(timeout=0.2)
                    if message is not None and message.get("type") == "message":
                        self._on_message(message["data"])
                    elif self._pending and self.available:
                        self._flush_pending()
            except (redis.RedisError, OSError, ValueError) as exc:
                if not lost:
                    self._failed(exc)
                lost = True
                self._subscribed.clear()
                self._closed.wait(0.1)
            finally:
                close_quietly(pubsub)

    def _on_message(self, data: str) -> None:
        try:
            msg = json.loads(data)
            origin, scope, key = msg["o"], msg["s"], msg["k"]
        except (ValueError, KeyError, TypeError):
            return
        if origin == self.origin:
            return  # our own invalidate() already reached every cache of this process
        self.stats.invalidations_received += 1
        for binding in self.bindings(scope):
            binding.apply_invalidation(key)

    def _drop_all_local(self) -> None:
        with self._lock:
            every = [b for bs in self._bindings.values() for b in bs]
        for binding in every:
            binding.cache.invalidate_local(None)

    def _flush_pending(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, set()
        for scope, key in pending:
            self.publish(scope, key)

    def publish(self, scope: str, key: str) -> None:
        """Invalidate ``key`` of ``scope`` in Redis and in every process ("" = every key).
        Never raises: when Redis is unavailable it is queued and sent on reconnect."""
        prefix = _prefix(self.namespace, scope)
        message = json.dumps({"o": self.origin, "s": scope, "k": key or None})
        try:
            self._invalidate(keys=[f"{prefix}:v:{key}", f"{prefix}:gv", f"{prefix}:kv:{key}"],
                             args=[f"{prefix}:lk:", key, self.channel, message])
        except redis.RedisError as exc:
            self._failed(exc)
            with self._lock:
                self._pending.add((scope, key))

    # -- async clients: one redis.asyncio client per event loop ---------------------------------------
    def aio(self) -> aioredis.Redis:
        import asyncio

        loop = asyncio.get_running_loop()
        entry = self._aio.get(id(loop))
        if entry is not None and entry[0]() is loop:
            return entry[1]
        client: aioredis.Redis = aioredis.Redis.from_url(
            self.url, socket_timeout=self._socket_timeout, socket_connect_timeout=self._socket_timeout,
            decode_responses=True)
        # forget clients of loops that are gone (each asyncio.run() is a new loop)
        for key in [k for k, (ref, _) in self._aio.items() if ref() is None]:
            del self._aio[key]
        self._aio[id(loop)] = (weakref.ref(loop), client)
        return client

    async def aclose(self) -> None:
        """Close this event loop's asyncio connections (then :meth:`close` for the rest)."""
        import asyncio

        entry = self._aio.pop(id(asyncio.get_running_loop()), None)
        if entry is not None:
            await entry[1].aclose()

    def close(self) -> None:
        """Stop the listener and close the connection pool."""
        self._closed.set()
        if self._listener is not None and self._listener is not threading.current_thread():
            self._listener.join(timeout=2)
        self.client.close()


    def _after_fork(self) -> None:
        """In a forked child (gunicorn/celery prefork): fresh locks, a new origin (parent and
        child must hear each other's invalidations), no inherited asyncio clients, and a
        listener of its own. redis-py's pool already reconnects after a fork."""
        self._lock = threading.Lock()
        self.origin = uuid.uuid4().hex
        self._aio = {}
        self._listener = None
        self._subscribed = threading.Event()
        if not self._closed.is_set() and any(self._bindings.values()):
            self.ensure_listener()




def _prefix(namespace: str, scope: str) -> str:
    return f"{namespace}:{scope}"


class Binding(Generic[K, V]):
    """One cache's view of a :class:`RedisTier` (the ``SharedTier`` the cache calls on a miss)."""

    def __init__(self, tier: RedisTier, cache: EntitlementCache[K, V], scope: str, codec: Codec[K, V],
                 fetch_direct: Callable[[K], V] | None) -> None:
        self.tier = tier
        self.cache = cache
        self.scope = scope
        self.codec = codec
        self.fetch_direct = fetch_direct
        self.prefix = _prefix(tier.namespace, scope)
        self.ttl_ms = max(1, int(cache.ttl_ms))

    def __hash__(self) -> int:
        return id(self)

    # -- keys ------------------------------------------------------------------------------------------
    def _keys(self, k: str) -> list[str]:
        p = self.prefix
        return [f"{p}:v:{k}", f"{p}:gv", f"{p}:kv:{k}", f"{p}:relay"]

    def _decode(self, stored: str) -> tuple[V, float]:
        _g, _kv, fetched_at, text = stored.split("|", 3)
        return self.codec.load(text), float(fetched_at)

    def _read_args(self, k: str, token: str, try_lock: bool) -> list[Any]:
        return [f"{self.prefix}:lk:", k, token, "1" if try_lock else "0", self.tier.lock_ttl_ms,
                secrets.randbelow(10**15) + 10**15]

    def _write_args(self, k: str, g: str, kv: str, value: V, fetched_at: float, token: str) -> list[Any]:
        lock = f"{self.prefix}:lk:{g}:{k}" if token else ""
        return [g, kv, f"{fetched_at:.6f}|{self.codec.dump(value)}", self.ttl_ms, token, lock]

    # -- SharedTier: one flow, run on this thread (load) or on the event loop (load_async) -----------------
    def load(self, key: K, fetch: Callable[[], V]) -> tuple[V, float, bool]:
        return run_calls(self._load(key, Call(fetch, _no_async_fetch)))

    async def load_async(self, key: K, fetch: Callable[[], Awaitable[V]]) -> tuple[V, float, bool]:
        return await run_calls_async(self._load(key, Call(_no_sync_fetch, fetch)))

    def _load(self, key: K, fetch: Call) -> Flow[tuple[V, float, bool]]:
        """A miss: the value another process stored, else (holding the key's lock) the API's
        answer, written back unless an invalidation overtook the fetch. Each Redis round trip
        and the fetch are :class:`Call` effects, so one body serves threads and tasks."""
        tier, stats = self.tier, self.tier.stats
        if not tier.available:
            stats.fallbacks += 1
            return (yield fetch), time.time(), True
        k = self.codec.key(key)
        token = secrets.token_hex(8)
        keys = self._keys(k)
        wait_until: float | None = None
        asked_relay = False
        try:
            while True:
                # A read-only reader lets the relay fetch while the relay is alive; without a
                # relay it behaves as a normal reader (lock, fetch).
                try_lock = not tier.read_only or (asked_relay and wait_until is None)
                stored, g, kv, got, relay = yield tier.script_call(_READ_OR_LOCK, keys, self._read_args(k, token, try_lock))
                if stored:
                    stats.redis_hits += 1
                    value, fetched_at = self._decode(stored)
                    return value, fetched_at, True
                if got:
                    break
                now = time.monotonic()
                if tier.read_only and not asked_relay:
                    asked_relay = True
                    if relay:
                        yield tier.publish_call(tier.fill_channel,
                                                json.dumps({"s": self.scope, "k": k, "t": time.time()}))
                        stats.fill_requests += 1
                        wait_until = now + tier.relay_wait_s
                    continue
                if wait_until is None:
                    stats.waits += 1
                    wait_until = now + tier.lock_ttl_ms / 1000.0
                elif now >= wait_until:
                    token = ""  # the leader (or the relay) is gone or stuck: fetch without the lock
                    break
                yield Sleep(tier.poll_interval_s)
        except _REDIS_ERRORS as exc:
            tier._failed(exc)
            stats.fallbacks += 1
            return (yield fetch), time.time(), True
        stats.api_fetches += 1
        try:
            value = yield fetch
        except BaseException:  # cancelled too (the drivers throw it in): free the key for the waiters
            if token:
                try:
                    yield tier.script_call(_RELEASE, [f"{self.prefix}:lk:{g}:{k}"], [token])
                except _REDIS_ERRORS as exc:
                    tier._failed(exc)
            raise
        fetched_at = time.time()
        try:
            ok = yield tier.script_call(_WRITE, keys[:3], self._write_args(k, g, kv, value, fetched_at, token))
        except _REDIS_ERRORS as exc:
            tier._failed(exc)
            return value, fetched_at, True
        if not ok:
            stats.superseded += 1
        return value, fetched_at, bool(ok)

    # -- invalidation ------------------------------------------------------------------------------------------
    def publish_invalidate(self, key: K | None) -> None:
        k = "" if key is None else self.codec.key(key)
        # Other caches of this scope in this process: the listener skips our own messages.
        for other in self.tier.bindings(self.scope):
            if other is not self:
                other.apply_invalidation(k or None)
        self.tier.publish(self.scope, k)

    def apply_invalidation(self, k: str | None) -> None:
        self.cache.invalidate_local(None if k is None else self.codec.parse_key(k))

    # -- relay writes --------------------------------------------------------------------------------------------
    def refresh(self, k: str) -> bool:
        """Fetch ``k`` from the API and store it unless an invalidation overtook the fetch (what
        the relay does). Raises the API's error; Redis errors propagate to the relay too."""
        if self.fetch_direct is None:
            raise TypeError(f"scope {self.scope!r} has no direct fetch: bind it with fetch_direct")
        keys = self._keys(k)
        _stored, g, kv, _got, _relay = self.tier._read(keys=keys, args=self._read_args(k, "", False))
        value = self.fetch_direct(self.codec.parse_key(k))
        ok = self.tier._write(keys=keys[:3], args=self._write_args(k, g, kv, value, time.time(), ""))
        return bool(ok)


# --- codecs -----------------------------------------------------------------------------------------------------
class JsonCodec(Generic[V]):
    """String keys; values through ``to_json`` / ``from_json`` callables."""

    def __init__(self, to_json: Callable[[V], Any], from_json: Callable[[Any], V]) -> None:
        self._to, self._from = to_json, from_json

    def key(self, key: Any) -> str:
        return str(key)

    def parse_key(self, text: str) -> Any:
        return text

    def dump(self, value: V) -> str:
        return json.dumps(self._to(value), separators=(",", ":"))

    def load(self, text: str) -> V:
        return self._from(json.loads(text))

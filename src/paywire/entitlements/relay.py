"""One writer for Redis: :class:`Relay` keeps a set of customers' entitlements filled, so app
processes (``RedisTier(url, read_only=True)``) read Redis and never call the API for them.

    tier = RedisTier(url)
    vellum = VellumClient(api_key=..., tenant_id=..., shared_cache=tier)
    relay = Relay(tier, refresh_s=10)
    relay.add(vellum, ["unit_1", "unit_2"])
    relay.run_forever()            # or relay.start() for a background thread in one worker

``paywire relay`` runs the same from the command line, optionally with a push receiver
(:func:`handle_vellum_push`) so Vellum's signed pushes invalidate every process and the relay
refetches the customer at once.

What the relay does, and why:

- **Fills** every customer it owns at start, then **refreshes** each one every ``refresh_s``
  (well inside the cache TTL, so readers never find an owned key missing).
- **Refetches on invalidation**: it listens on the invalidation channel; a key it owns that
  any process (or a push) invalidated is fetched again at once. Its write is the same
  compare-and-set as every other writer's, so an invalidation that lands while it fetches
  is never overwritten.
- **Fills on demand**: a read-only reader that misses publishes a fill request; the relay
  adopts that customer and fetches it (readers wait ``relay_wait_ms`` for it).
- **Heartbeat**: a key per scope that read-only readers check, renewed every ``heartbeat_s``
  (also between fetches of a long batch) and living three beats; when the relay dies it
  expires and readers fall back to fetching themselves (correct, just not one-writer any more).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Mapping
from typing import Any

import redis

from paywire._core.logs import get_logger
from paywire.entitlements.redis_tier import Binding, RedisTier, close_quietly

logger = get_logger("paywire.entitlements.relay")


class Relay:
    """Keeps Redis filled for the customers of one or more bound clients (see module docs)."""

    def __init__(self, tier: RedisTier, *, refresh_s: float = 10.0, heartbeat_s: float = 1.0) -> None:
        if refresh_s <= 0 or heartbeat_s <= 0:
            raise ValueError("refresh_s and heartbeat_s must be > 0")
        self.tier = tier
        self.refresh_s = refresh_s
        self.heartbeat_s = heartbeat_s
        self._owned: dict[str, tuple[Binding[Any, Any], dict[str, float]]] = {}  # scope -> (binding, key -> due)
        self._written: dict[tuple[str, str], float] = {}  # (scope, key) -> wall time of its last write
        self._inflight: set[tuple[str, str]] = set()
        self._next_beat = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.refreshes = 0
        self.errors = 0

    def add(self, client: Any, customers: Iterable[Any]) -> None:
        """Own ``customers`` (ids as the client's cache keys them) of a client built with
        ``shared_cache=<this relay's tier>``."""
        binding = getattr(client, "shared_binding", None)
        if not isinstance(binding, Binding) or binding.tier is not self.tier:
            raise ValueError("the client must be built with shared_cache=<this relay's RedisTier>")
        with self._lock:
            _, keys = self._owned.setdefault(binding.scope, (binding, {}))
            for customer in customers:
                keys.setdefault(binding.codec.key(customer), 0.0)  # due now

    def owned(self) -> dict[str, int]:
        with self._lock:
            return {scope: len(keys) for scope, (_, keys) in self._owned.items()}

    # -- running --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Run in a daemon thread of this process (the "one worker runs it" deployment)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_forever, name="paywire-relay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def run_forever(self) -> None:
        """Fill, then serve invalidations, fill requests and refreshes until :meth:`stop`."""
        while not self._stop.is_set():
            pubsub = None
            try:
                pubsub = self.tier.client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.tier.channel, self.tier.fill_channel)
                self._heartbeat()
                while not self._stop.is_set():
                    # Messages first: an invalidation must be answered before routine refreshes.
                    message = pubsub.get_message(timeout=0.005)
                    while message is not None:
                        if message.get("type") == "message":
                            self._on_message(message["channel"], message["data"])
                        message = pubsub.get_message(timeout=0)
                    self._refresh_due(limit=50)
                    self._beat_if_due()
            except (redis.RedisError, OSError) as exc:
                self.errors += 1
                logger.warning("paywire relay lost Redis, retrying: %s: %s", type(exc).__name__, exc)
                self._mark_all_due()  # Redis may have restarted empty: refill everything
                self._stop.wait(0.2)
            finally:
                close_quietly(pubsub)

    def _beat_if_due(self) -> None:
        if time.monotonic() >= self._next_beat:
            self._heartbeat()

    def _heartbeat(self) -> None:
        # Beats every heartbeat_s; the key lives 3 beats so one slow API call cannot make
        # readers believe the relay is gone.
        self._next_beat = time.monotonic() + self.heartbeat_s
        px = int(self.heartbeat_s * 3000)
        with self._lock:
            scopes = list(self._owned.values())
        pipe = self.tier.client.pipeline(transaction=False)
        for binding, _ in scopes:
            pipe.set(f"{binding.prefix}:relay", "1", px=px)
        pipe.execute()

    def _on_message(self, channel: str, data: str) -> None:
        try:
            msg = json.loads(data)
            scope, key = msg["s"], msg["k"]
        except (ValueError, KeyError, TypeError):
            return
        with self._lock:
            owned = self._owned.get(scope)
            if owned is None:
                return
            binding, keys = owned
            if channel == self.tier.fill_channel:
                # Several readers may ask for one key: a fetch in flight, or a write that landed
                # after the request was sent, already answers it.
                if (isinstance(key, str) and (scope, key) not in self._inflight
                        and self._written.get((scope, key), 0.0) < float(msg.get("t", 0.0))):
                    keys[key] = 0.0  # adopt and fetch now
            elif key is None:
                for k in keys:
                    keys[k] = 0.0
            elif key in keys:
                keys[key] = 0.0
            else:
                return
            if channel != self.tier.fill_channel:
                # our own invalidation messages are skipped by the tier's listener, not here
                binding.cache.invalidate_local(None if key is None else binding.codec.parse_key(key))

    def _mark_all_due(self) -> None:
        with self._lock:
            for _, keys in self._owned.values():
                for k in keys:
                    keys[k] = 0.0

    def _refresh_due(self, limit: int) -> None:
        now = time.monotonic()
        with self._lock:
            due = [(b, k) for b, keys in self._owned.values() for k, t in keys.items() if t <= now][:limit]
            for binding, k in due:  # scheduled before fetching: a new invalidation resets it to 0
                self._owned[binding.scope][1][k] = now + self.refresh_s
                self._inflight.add((binding.scope, k))
        try:
            for binding, k in due:
                try:
                    if binding.refresh(k):
                        with self._lock:
                            self._written[(binding.scope, k)] = time.time()
                    self.refreshes += 1
                    self._beat_if_due()  # a long batch must not let the heartbeat lapse
                except (redis.RedisError, OSError):
                    with self._lock:
                        self._owned[binding.scope][1][k] = 0.0
                    raise
                except Exception as exc:  # the API failed: keep the old value, retry soon
                    self.errors += 1
                    logger.warning("paywire relay could not refresh %s %r: %s: %s", binding.scope, k,
                                   type(exc).__name__, exc)
                    with self._lock:
                        self._owned[binding.scope][1][k] = time.monotonic() + min(1.0, self.refresh_s)
                finally:
                    with self._lock:
                        self._inflight.discard((binding.scope, k))
        finally:  # a Redis error ends the batch: nothing of it may stay marked in flight
            with self._lock:
                self._inflight.difference_update((b.scope, k) for b, k in due)


def handle_vellum_push(client: Any, payload: str | bytes | bytearray, header: str, secret: str,
                       tolerance_s: int | None = None) -> dict[str, Any]:
    """Verify a Vellum push (:func:`paywire.vellum.push.verify_push_signature`) and invalidate
    what it changed in every process: the event's customer, or every customer of the tenant
    when the event names only an account (an account spans customers). Returns the event;
    raises :class:`paywire.vellum.errors.VellumSignatureError` (and invalidates nothing) when
    the push does not verify."""
    from paywire.vellum.push import DEFAULT_TOLERANCE_S, verify_push_signature

    event = verify_push_signature(payload, header, secret,
                                  DEFAULT_TOLERANCE_S if tolerance_s is None else tolerance_s)
    data = event.get("data")
    customer = data.get("customerId") if isinstance(data, Mapping) else None
    if isinstance(customer, str) and customer:
        client.invalidate(customer)
    else:
        client.invalidate()
    return event

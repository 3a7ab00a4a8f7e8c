"""One app process (one "host") for the multi-process RedisTokenStore tests and soak (a script).

``python redis_token_worker.py '<json config>'`` prints one JSON line of results. Config:
``redis``, ``identity``, ``base_url``, ``api_key``, ``version``, ``flavour`` ("sync": threads on
a ``SpapsClient``; "async": tasks on an ``AsyncSpapsClient``), ``calls`` (concurrent calls per
round), ``idx``; optional ``duration`` (keep calling in rounds for that many seconds, pausing
``pause`` s between rounds) and ``retry_after`` (the store's step-aside time), ``warm`` (make one call before reporting ready).
Everyone starts together: the worker sets ``test:ready:<idx>`` and waits for ``test:go``.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from typing import Any


def _outcome(results: dict[str, Any], exc: BaseException | None) -> None:
    from paywire import AuthenticationError
    from paywire.spaps import NotSignedInError

    if exc is None:
        results["ok"] += 1
        return
    results["failed"] += 1
    if isinstance(exc, (AuthenticationError, NotSignedInError)):
        results["sign_outs"] += 1
    kinds = results["errors"]
    kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1


def main(cfg: dict[str, Any]) -> dict[str, Any]:
    import redis

    from paywire.spaps import AsyncSpapsClient, RetryConfig, SpapsClient
    from paywire.spaps.redis_store import RedisTokenStore

    store = RedisTokenStore(cfg["redis"], identity=cfg["identity"], retry_after_s=cfg.get("retry_after", 1.0))
    common: dict[str, Any] = dict(base_url=cfg["base_url"], api_key=cfg["api_key"], api_version=cfg["version"],
                                  token_store=store, retry_config=RetryConfig(max_attempts=3, backoff_factor=0.05))
    results: dict[str, Any] = {"ok": 0, "failed": 0, "sign_outs": 0, "errors": {}, "lost_tokens": 0}
    if cfg.get("warm"):
        # One call before the start: imports done, connections open, and this process holds
        # its copy of the session (what it can answer from while Redis is away).
        with SpapsClient(**common) as warm:
            warm.sessions.get_current_session()
    control = redis.Redis.from_url(cfg["redis"])
    control.set(f"test:ready:{cfg['idx']}", "1")
    while not control.exists("test:go"):
        time.sleep(0.002)
    control.close()
    ends = time.monotonic() + float(cfg.get("duration", 0.0))
    calls, pause = int(cfg["calls"]), float(cfg.get("pause", 0.2))
    if cfg["flavour"] == "async":
        async def run() -> int:
            client = AsyncSpapsClient(**common)

            async def one() -> None:
                try:
                    await client.sessions.get_current_session()
                    _outcome(results, None)
                except Exception as exc:
                    _outcome(results, exc)

            while True:
                await asyncio.gather(*(one() for _ in range(calls)))
                if time.monotonic() >= ends:
                    break
                await asyncio.sleep(pause)
            count = client.token_manager.refresh_count
            await client.aclose()
            return count

        refreshes = asyncio.run(run())
    else:
        client = SpapsClient(**common)
        lock = threading.Lock()

        def one() -> None:
            try:
                client.sessions.get_current_session()
                exc = None
            except Exception as error:
                exc = error
            with lock:
                _outcome(results, exc)

        while True:
            threads = [threading.Thread(target=one) for _ in range(calls)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if time.monotonic() >= ends:
                break
            time.sleep(pause)
        refreshes = client.token_manager.refresh_count
        client.close()
    # "lost": this process no longer holds the session (after the run Redis must be reachable)
    try:
        results["lost_tokens"] = int(store.load() is None)
    except Exception:
        results["lost_tokens"] = 1
    results["refreshes"] = refreshes
    store.close()
    return results


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))), flush=True)

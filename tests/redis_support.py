"""A real ``redis-server`` for tests: started on a free loopback port, stopped at the end.

No mock stands in for Redis in the tests that make the Redis-tier claims. ``.ci/run`` installs
Debian's ``redis-server`` when it is missing; a test that needs Redis fails (never skips) when
the binary is absent.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _support.processes import stop_process


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """One ``redis-server`` process on 127.0.0.1 without persistence; restartable on its port."""

    def __init__(self, port: int | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (apt-get install -y redis-server; .ci/run does it)")
        self.binary = binary
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="paywire-redis-"))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.proc.returncode}")
            if self.ping():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("redis-server did not answer PING")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            stop_process(self.proc, timeout=5)
        self.proc = None

    def restart(self, down_s: float = 0.0) -> None:
        """Stop, stay down ``down_s`` seconds, start again on the same port (empty: no persistence)."""
        self.stop()
        if down_s:
            time.sleep(down_s)
        self.start()

    def flushall(self) -> None:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
            s.sendall(b"FLUSHALL\r\n")
            s.recv(16)


# --- pytest fixtures (imported by the conftest / test modules that need Redis) -------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.dir, ignore_errors=True)


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """A running, empty Redis (started again if a previous test left it stopped)."""
    if not redis_server.ping():
        redis_server.start()
    redis_server.flushall()
    return redis_server.url


# --- real app processes ------------------------------------------------------------------------
WORKER = Path(__file__).resolve().parent / "entitlements" / "redis_worker.py"


def run_workers(redis_url: str, configs: list[dict[str, object]], during: object = None,
                timeout: float = 120.0, worker: Path = WORKER) -> list[dict[str, object]]:
    """Start one ``worker`` process (default ``redis_worker.py``) per config, release them
    together once all are ready, run ``during()`` (if given) while they work, and return their
    JSON results."""
    import json
    import os
    import subprocess
    import sys

    import redis

    r = redis.Redis.from_url(redis_url)
    r.delete("test:go", *[f"test:ready:{i}" for i in range(len(configs))])
    procs = []
    for i, cfg in enumerate(configs):
        cfg = {**cfg, "idx": i, "redis": redis_url}
        procs.append(subprocess.Popen([sys.executable, str(worker), json.dumps(cfg)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=dict(os.environ), text=True))
    try:
        deadline = time.monotonic() + timeout
        while sum(int(bool(r.exists(f"test:ready:{i}"))) for i in range(len(configs))) < len(configs):
            for p in procs:
                if p.poll() is not None:
                    raise RuntimeError(f"worker exited early: {p.communicate()[1][-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("workers never got ready")
            time.sleep(0.01)
        r.set("test:go", "1")
        if callable(during):
            during()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=max(1.0, deadline - time.monotonic()))
            if p.returncode != 0:
                raise RuntimeError(f"worker failed ({p.returncode}): {err[-3000:]}")
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        r.close()

"""Serve the sandbox with uvicorn, in the foreground (CLI) or on a background thread (tests)."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from paywire.sandbox._framework import SandboxAbort
from paywire.sandbox.app import Sandbox, build_app


class _DropAbortNoise(logging.Filter):
    """Injected connection drops are intended; keep their tracebacks out of the logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, SandboxAbort)


def is_loopback_host(host: str) -> bool:
    """True for names that only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # any other name may resolve to a public interface
        return False


class RemoteBindRefused(ValueError):
    """The sandbox serves seeded credentials and an unauthenticated control plane: not to a network."""

    def __init__(self, host: str) -> None:
        super().__init__(
            f"refusing to bind the sandbox to non-loopback host {host!r}: its control plane is "
            "unauthenticated and its credentials are public; pass allow_remote=True "
            "(CLI: --allow-remote) if you really mean to expose it")


def check_bind_host(host: str, allow_remote: bool) -> None:
    if not allow_remote and not is_loopback_host(host):
        raise RemoteBindRefused(host)


class RunningSandbox:
    """A live sandbox server: base URLs plus the in-process control API."""

    def __init__(self, sandbox: Sandbox, host: str, port: int) -> None:
        self.sandbox = sandbox
        self.host = host
        self.port = port
        self.url = f"http://{host}:{port}"

    def base_url(self, service: str) -> str:
        """Base URL of one service, e.g. ``base_url("vellum-v2")``."""
        return self.url + self.sandbox.services[service].prefix

    def state(self, key: str) -> Any:
        return self.sandbox.state(key)

    @property
    def clock(self) -> Any:
        return self.sandbox.clock

    @property
    def faults(self) -> Any:
        return self.sandbox.faults

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.sandbox.requests

    def reset(self, service: str | None = None) -> None:
        self.sandbox.reset(service)

    def seed(self, fixtures: dict[str, Any]) -> dict[str, Any]:
        return self.sandbox.seed(fixtures)


def _server(sandbox: Sandbox, host: str, port: int, log_level: str) -> Any:
    import uvicorn

    logging.getLogger("uvicorn.error").addFilter(_DropAbortNoise())
    config = uvicorn.Config(build_app(sandbox), host=host, port=port, log_level=log_level,
                            lifespan="off", access_log=False)
    return uvicorn.Server(config)


@contextlib.contextmanager
def run(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    validate: bool = True,
    sandbox: Sandbox | None = None,
    log_level: str = "warning",
    allow_remote: bool = False,
) -> Iterator[RunningSandbox]:
    """Start the sandbox on a background thread (free port by default); stop it on exit."""
    check_bind_host(host, allow_remote)
    sb = sandbox or Sandbox(validate_requests=validate, validate_responses=validate)
    server = _server(sb, host, port, log_level)
    # uvicorn installs signal handlers only on the main thread; off it, it just serves.
    thread = threading.Thread(target=server.run, name="paywire-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("paywire sandbox failed to start")
        time.sleep(0.005)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield RunningSandbox(sb, host, bound)
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def serve_forever(host: str, port: int, *, validate: bool = True, on_ready: Any = None,
                  allow_remote: bool = False) -> str | None:
    """Foreground server for ``paywire sandbox``; returns the name of the signal that stopped it."""
    check_bind_host(host, allow_remote)
    sb = Sandbox(validate_requests=validate, validate_responses=validate)
    server = _server(sb, host, port, "warning")
    if on_ready is not None:
        original = server.startup

        async def startup(sockets: Any = None) -> None:
            await original(sockets=sockets)
            bound = server.servers[0].sockets[0].getsockname()[1]
            on_ready(RunningSandbox(sb, host, bound))

        server.startup = startup
    received: list[int] = []

    def note(sig: int, frame: Any) -> None:
        received.append(sig)

    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to whatever
    # handler was installed before it: with the defaults that is a KeyboardInterrupt traceback
    # or death by SIGTERM. A recording handler turns the stop into a normal return instead.
    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return signal.Signals(received[0]).name if received else None

"""Serve the sandbox with uvicorn, in the foreground (CLI) or on a background thread (tests)."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
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
    """A live sandbox server seen from one namespace: base URLs plus the in-process control API.

    ``url`` and ``base_url()`` of a non-default namespace carry its ``/_ns/<name>`` prefix, so
    any HTTP client built from them (even a third-party SDK) stays inside the namespace;
    :meth:`client` / :meth:`async_client` hand out paywire clients that send the
    ``X-Paywire-Namespace`` header instead (see ``clients.py``)."""

    def __init__(self, sandbox: Sandbox, host: str, port: int, namespace: str | None = None) -> None:
        from paywire.sandbox.namespace import DEFAULT, URL_PREFIX

        self.sandbox = sandbox
        self.host = host
        self.port = port
        self.ns = sandbox.namespace(namespace)
        self.namespace = self.ns.name
        self.server_url = f"http://{host}:{port}"
        self.url = self.server_url if self.namespace == DEFAULT else f"{self.server_url}{URL_PREFIX}{self.namespace}"
        self._clients: list[Any] = []

    def in_namespace(self, name: str) -> RunningSandbox:
        """The same server seen from another (isolated) namespace, created on first use."""
        return RunningSandbox(self.sandbox, self.host, self.port, name)

    def base_url(self, service: str) -> str:
        """Base URL of one service, e.g. ``base_url("vellum-v2")``."""
        return self.url + self.sandbox.services[service].prefix

    def state(self, key: str) -> Any:
        return self.ns.state(key)

    @property
    def clock(self) -> Any:
        return self.ns.clock

    @property
    def faults(self) -> Any:
        return self.ns.faults

    @property
    def schedule(self) -> Any:
        return self.ns.schedule

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.ns.requests

    @property
    def response_violations(self) -> list[str]:
        return self.ns.response_violations

    def reset(self, service: str | None = None) -> None:
        self.ns.reset(service)

    def seed(self, fixtures: dict[str, Any]) -> dict[str, Any]:
        return self.ns.seed(fixtures)

    def snapshot(self) -> dict[str, Any]:
        return self.ns.snapshot()

    def restore(self, data: Any) -> None:
        self.ns.restore(data)

    # -- ready clients (clients.py) ------------------------------------------------------------------
    def client(self, service: str, api_version: str | None = None, **overrides: Any) -> Any:
        """A configured sync paywire client, e.g. ``client("vellum", api_version="v1")``: seeded
        keys, this namespace, closed by :meth:`close_clients` (fixtures do it at teardown)."""
        from paywire.sandbox import clients

        made = clients.make_client(self.sandbox, self.server_url, self.namespace, service, api_version, "sync",
                                   overrides)
        self._clients.append(made)
        return made

    def async_client(self, service: str, api_version: str | None = None, **overrides: Any) -> Any:
        """Like :meth:`client`, the async flavour (``AsyncVellumClient``...)."""
        from paywire.sandbox import clients

        made = clients.make_client(self.sandbox, self.server_url, self.namespace, service, api_version, "async",
                                   overrides)
        self._clients.append(made)
        return made

    def close_clients(self) -> None:
        if not self._clients:
            return  # nothing handed out: do not load the client machinery (httpx, the core) to close nothing
        from paywire.sandbox import clients

        clients.close(self._clients)

    async def aclose_clients(self) -> None:
        if not self._clients:
            return
        from paywire.sandbox import clients

        await clients.aclose(self._clients)

    def drop(self) -> None:
        """Close the clients handed out here and forget this namespace (the default one is reset)."""
        self.close_clients()
        self.sandbox.namespaces.drop(self.namespace)

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
    state: str | os.PathLike[str] | None = None,
) -> Iterator[RunningSandbox]:
    """Start the sandbox on a background thread (free port by default); stop it on exit.

    ``state`` names a snapshot file (``GET /_sandbox/snapshot``) loaded into the default
    namespace first. Clients handed out by ``sb.client(...)`` are closed on exit."""
    check_bind_host(host, allow_remote)
    sb = sandbox or Sandbox(validate_requests=validate, validate_responses=validate)
    if state is not None:
        load_state_file(sb, state)
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
    running = RunningSandbox(sb, host, bound)
    try:
        yield running
    finally:
        running.close_clients()
        server.should_exit = True
        thread.join(timeout=5)


def load_state_file(sb: Sandbox, path: str | os.PathLike[str]) -> None:
    """Load a snapshot file into the default namespace; StateFileError says why it cannot."""
    try:
        data = json.loads(Path(path).read_bytes())
    except OSError as exc:
        raise StateFileError(f"cannot read snapshot {os.fspath(path)!r}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise StateFileError(f"snapshot {os.fspath(path)!r} is not JSON: {exc}") from None
    try:
        sb.default.restore(data)
    except ValueError as exc:
        raise StateFileError(f"snapshot {os.fspath(path)!r}: {exc}") from None


class StateFileError(ValueError):
    """A ``--state`` snapshot file that cannot be loaded."""


def serve_forever(host: str, port: int, *, validate: bool = True, on_ready: Any = None,
                  allow_remote: bool = False, state: str | os.PathLike[str] | None = None) -> str | None:
    """Foreground server for ``paywire sandbox``; returns the name of the signal that stopped it.

    ``state``: a snapshot file loaded before serving. Nothing is saved on exit: a snapshot is
    taken on purpose (``GET /_sandbox/snapshot``), so a run can never overwrite a good file."""
    check_bind_host(host, allow_remote)
    sb = Sandbox(validate_requests=validate, validate_responses=validate)
    if state is not None:
        load_state_file(sb, state)
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

"""``paywire sandbox`` manners, on a real subprocess: bind policy, signals, --help."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from paywire.sandbox import server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "paywire", "sandbox", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _wait_ready(port: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"sandbox exited early: {proc.communicate()}"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_sandbox", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise AssertionError("sandbox did not start")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com"])
def test_non_loopback_host_is_refused_without_the_flag(host: str) -> None:
    port = _free_port()
    proc = _cli("--host", host, "--port", str(port))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "refusing to bind" in err and "--allow-remote" in err and host in err
    assert out == ""  # nothing was served, no URLs printed
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/_sandbox", timeout=1)


def test_allow_remote_binds_and_warns() -> None:
    port = _free_port()
    proc = _cli("--host", "0.0.0.0", "--port", str(port), "--allow-remote")
    try:
        _wait_ready(port, proc)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "WARNING" in err and "--allow-remote" in err and "0.0.0.0" in err


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("10.0.0.1", False), ("sandbox.internal", False), ("", False),
])
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert server.is_loopback_host(host) is loopback


def test_python_run_refuses_remote_hosts_too() -> None:
    with pytest.raises(server.RemoteBindRefused, match="allow_remote=True"), server.run(host="0.0.0.0"):
        pass

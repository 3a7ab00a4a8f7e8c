"""``paywire sandbox`` manners, on a real subprocess: bind policy, signals, --help."""

from __future__ import annotations

import argparse
import os
import signal
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


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_with_one_goodbye_line_and_exit_0(sig: signal.Signals) -> None:
    port = _free_port()
    proc = _cli("--port", str(port))
    try:
        _wait_ready(port, proc)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert err.splitlines() == [f"paywire sandbox stopped ({sig.name}); goodbye"]
    assert "Traceback" not in out and "goodbye" not in out
    assert f"http://127.0.0.1:{port}/conxa" in out  # it really had served


def test_help_documents_every_flag_with_its_default() -> None:
    from paywire.cli import build_parser

    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    sandbox = subparsers.choices["sandbox"]
    flags = [a for a in sandbox._actions if a.option_strings and "--help" not in a.option_strings]
    assert len(flags) >= 4
    text = subprocess.run([sys.executable, "-m", "paywire", "sandbox", "--help"], capture_output=True,
                          text=True, check=True, env={**os.environ, "COLUMNS": "200"}).stdout
    for action in flags:
        line = next((ln for ln in text.splitlines() if action.option_strings[-1] in ln.split()[:2]), None)
        assert line is not None, f"{action.option_strings} missing from --help:\n{text}"
        default = "off" if isinstance(action.default, bool) and not action.default else str(action.default)
        assert f"default: {default}" in line, f"{action.option_strings}: {line}"

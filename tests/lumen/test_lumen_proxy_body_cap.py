"""The proxy's request body cap (issue #13 item 7): 413 before reading, parsing or forwarding.

A 20 MiB POST used to be read, parsed and forwarded (RSS 111-130 MiB). Now ``max_body_bytes``
(default 1 MiB) is checked against ``Content-Length`` before a byte is read, and a chunked body
is counted while it streams in. Covered for Flask, FastAPI and Django through their test
clients, and over real HTTP against a subprocess serving all three, whose RSS is measured.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _lumen_helpers import route_pool
from _proxy_apps import FRAMEWORKS, send_for

from paywire._core import ConfigError
from paywire.lumen._proxy import DEFAULT_MAX_BODY_BYTES, LumenProxy
from paywire.lumen.handlers import lumen_django_handler, lumen_fastapi_handler, lumen_flask_handler

MiB = 1024 * 1024
ROUTE = "/api/lumen/customers/portal/create-setup-intent"
TOO_LARGE = {"error": "Request body too large"}


def test_default_cap_is_one_mib() -> None:
    assert DEFAULT_MAX_BODY_BYTES == MiB == LumenProxy().max_body_bytes


@pytest.mark.parametrize("factory", [lumen_flask_handler, lumen_fastapi_handler, lumen_django_handler])
@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "1024", None])
def test_a_bad_cap_is_a_config_error_when_the_handler_is_built(factory: Any, bad: object) -> None:
    with pytest.raises(ConfigError, match="max_body_bytes"):
        factory(get_user_id=lambda *a: "u1", max_body_bytes=bad)


# --- through each framework's test client ------------------------------------------------------------
class Upstream:
    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(request.content)
        return httpx.Response(200, json={"ok": True})


@pytest.fixture
def upstream(monkeypatch: pytest.MonkeyPatch) -> Upstream:
    up = Upstream()
    route_pool(monkeypatch, up.transport, "https://api.lumen-cap.test", "lumen_sk_body_cap_unit_key")
    return up


def json_of_size(size: int) -> bytes:
    """A valid JSON object of exactly ``size`` bytes."""
    head = b'{"paymentMethodId": "pm_1"}'
    return head[:-1] + b" " * (size - len(head)) + b"}"


@pytest.mark.parametrize("kind", FRAMEWORKS)
def test_at_the_cap_is_forwarded_one_byte_over_is_413(upstream: Upstream, kind: str) -> None:
    with send_for(kind, max_body_bytes=4096) as send:
        ok = send("POST", ROUTE, json_of_size(4096))
        assert ok.status == 200 and json.loads(upstream.bodies[-1])["paymentMethodId"] == "pm_1"
        over = send("POST", ROUTE, json_of_size(4097))
        assert (over.status, over.body) == (413, TOO_LARGE)
        assert len(upstream.bodies) == 1


@pytest.mark.parametrize("kind", FRAMEWORKS)
def test_twenty_mib_with_the_default_cap(upstream: Upstream, kind: str) -> None:
    with send_for(kind) as send:
        big = send("POST", ROUTE, json_of_size(20 * MiB))
        assert (big.status, big.body) == (413, TOO_LARGE)
        assert big.headers.get("cache-control") == "no-store"
        assert send("POST", ROUTE, json_of_size(MiB)).status == 200
    assert len(upstream.bodies) == 1


@pytest.mark.parametrize("kind", FRAMEWORKS)
def test_declared_length_is_checked_for_every_method(upstream: Upstream, kind: str) -> None:
    with send_for(kind, max_body_bytes=64) as send:
        for method, path in (("GET", "customers/subscription-status"),
                             ("DELETE", "customers/portal/payment-methods/pm_1"),
                             ("POST", "customers/portal/set-subscription-payment-method")):
            reply = send(method, f"/api/lumen/{path}", b"x" * 65)
            assert (reply.status, reply.body) == (413, TOO_LARGE), method
    assert not upstream.bodies


class CountingStream:
    """A request body that is never materialised: counts what the server reads of it."""

    def __init__(self, size: int) -> None:
        self.size = self.left = size
        self.read_bytes = 0

    # werkzeug's test builder measures the stream by seeking to its end and back
    def tell(self) -> int:
        return self.size - self.left

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self.size + offset if whence == 2 else offset
        self.left = self.size - position
        return position

    def read(self, n: int = -1) -> bytes:
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        self.read_bytes += n
        return b" " * n

    def readline(self, n: int = -1) -> bytes:
        return self.read(n)


def test_flask_refuses_a_declared_oversize_without_reading_it(upstream: Upstream) -> None:
    from _proxy_apps import flask_app

    stream = CountingStream(20 * MiB)
    reply = flask_app().test_client().open(
        ROUTE, method="POST", input_stream=stream, headers={"Content-Length": str(20 * MiB)})
    assert (reply.status_code, reply.get_json()) == (413, TOO_LARGE)
    assert stream.read_bytes == 0 and not upstream.bodies


def test_flask_counts_a_chunked_body_and_stops_past_the_cap(upstream: Upstream) -> None:
    from _proxy_apps import flask_app

    stream = CountingStream(20 * MiB)
    reply = flask_app().test_client().open(
        ROUTE, method="POST", input_stream=stream, headers={"Transfer-Encoding": "chunked", "X-User-ID": "u1"},
        # as werkzeug's server presents a de-chunked body: no length, input terminated
        environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""})
    assert (reply.status_code, reply.get_json()) == (413, TOO_LARGE)
    assert MiB < stream.read_bytes <= MiB + 64 * 1024 and not upstream.bodies


def test_django_refuses_a_declared_oversize_without_reading_it(upstream: Upstream) -> None:
    from django.test import RequestFactory

    stream = CountingStream(20 * MiB)
    request = RequestFactory().generic("POST", ROUTE, content_type="application/json",
                                       **{"wsgi.input": stream, "CONTENT_LENGTH": str(20 * MiB)})
    view = lumen_django_handler(get_user_id=lambda r: "u1")
    response = view(request, path="customers/portal/create-setup-intent")
    assert (response.status_code, json.loads(response.content)) == (413, TOO_LARGE)
    assert stream.read_bytes == 0 and not upstream.bodies


def test_flask_refuses_a_chunked_body_its_server_did_not_dechunk(upstream: Upstream) -> None:
    from _proxy_apps import flask_app

    stream = CountingStream(20 * MiB)
    reply = flask_app().test_client().open(ROUTE, method="POST", input_stream=stream,
                                           headers={"Transfer-Encoding": "chunked", "X-User-ID": "u1"},
                                           environ_overrides={"CONTENT_LENGTH": ""})
    assert (reply.status_code, reply.get_json()) == (411, {"error": "Length Required"})
    assert stream.read_bytes == 0 and not upstream.bodies


def test_django_wsgi_refuses_a_chunked_body_it_would_drop(upstream: Upstream) -> None:
    from django.test import RequestFactory

    request = RequestFactory().generic("POST", ROUTE, b"", content_type="application/json",
                                       HTTP_TRANSFER_ENCODING="chunked")
    request.META.pop("CONTENT_LENGTH", None)
    view = lumen_django_handler(get_user_id=lambda r: "u1")
    response = view(request, path="customers/portal/create-setup-intent")
    assert (response.status_code, json.loads(response.content)) == (411, {"error": "Length Required"})
    assert not upstream.bodies


@pytest.mark.parametrize("kind", ["flask", "django"])
@pytest.mark.parametrize("length", ["abc", "-1", "1e3", "١٢"])
def test_a_malformed_content_length_is_400(upstream: Upstream, kind: str, length: str) -> None:
    if kind == "flask":
        from _proxy_apps import flask_app

        reply = flask_app().test_client().open(ROUTE, method="POST", input_stream=CountingStream(10),
                                               headers={"X-User-ID": "u1"},
                                               environ_overrides={"CONTENT_LENGTH": length})
        status, body = reply.status_code, reply.get_json()
    else:
        from django.test import RequestFactory

        request = RequestFactory().generic("POST", ROUTE, b"", content_type="application/json",
                                           CONTENT_LENGTH=length)
        response = lumen_django_handler(get_user_id=lambda r: "u1")(request, path="customers/portal/create-setup-intent")
        status, body = response.status_code, json.loads(response.content)
    assert (status, body) == (400, {"error": "Invalid Content-Length"})
    assert not upstream.bodies


async def test_fastapi_counts_the_stream_and_stops_past_the_cap(upstream: Upstream) -> None:
    """The ASGI receive channel is pulled chunk by chunk; reading stops one chunk past the cap."""
    from _proxy_apps import fastapi_app

    app = fastapi_app(max_body_bytes=MiB)
    sent = 0
    chunk = b" " * (64 * 1024)

    async def receive() -> dict[str, Any]:
        nonlocal sent
        sent += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": sent < 20 * MiB}

    replies: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        replies.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": ROUTE, "raw_path": ROUTE.encode(), "query_string": b"",
             "root_path": "", "headers": [(b"x-user-id", b"u1"), (b"transfer-encoding", b"chunked")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    await app(scope, receive, send)
    assert replies[0]["status"] == 413 and json.loads(replies[1]["body"]) == TOO_LARGE
    assert MiB < sent <= MiB + len(chunk) and not upstream.bodies


# --- over real HTTP: a subprocess serving the three adapters; its RSS is measured ---------------------
SERVER_SCRIPT = Path(__file__).with_name("_proxy_server.py")


class ProxyServer:
    def __init__(self, max_body_bytes: int) -> None:
        self.process = subprocess.Popen([sys.executable, str(SERVER_SCRIPT), str(max_body_bytes)],
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("proxy server did not start")
        self.ports: dict[str, int] = json.loads(line)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)

    def status_field(self, name: str) -> int:
        """A ``VmRSS``/``VmHWM`` figure of the server process, in KiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
        raise KeyError(name)

    def reset_peak(self) -> bool:
        """Reset the process's peak RSS (Linux ``clear_refs`` 5); False where not allowed."""
        try:
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        except OSError:
            return False
        return True

    def upstream_calls(self) -> int:
        return int(httpx.get(f"http://127.0.0.1:{self.ports['upstream']}/count").json()["calls"])


def _head(port: int, extra: str) -> bytes:
    return (f"POST {ROUTE} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"{extra}Connection: close\r\n\r\n").encode()


def _status(data: bytes) -> int | None:
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.") else None


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except OSError:  # reset after the answer: the server closed on the unread rest of the body
        pass
    return data


def declared_20mib(port: int) -> int | None:
    """Send only the head claiming 20 MiB; the answer must come without a byte of body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_head(port, f"Content-Length: {20 * MiB}\r\n"))
        return _status(_read_all(sock))


def chunked_20mib(port: int) -> tuple[int | None, int]:
    """Stream 20 MiB chunked while reading the answer; (status, bytes the server let us send)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_head(port, "Transfer-Encoding: chunked\r\n"))
        chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"

        def write() -> None:
            nonlocal sent
            try:
                while sent < 20 * MiB:
                    sock.sendall(chunk)
                    sent += 0x10000
                sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server answered 413 and closed: exactly what we want

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answer = _read_all(sock)
        writer.join(10)
    return _status(answer), sent


def small_post(port: int) -> int | None:
    body = b'{"paymentMethodId": "pm_1"}'
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_head(port, f"Content-Length: {len(body)}\r\n") + body)
        return _status(_read_all(sock))


def measure(server: ProxyServer, kind: str, rounds: int = 1) -> dict[str, Any]:
    """Warm up with one proxied call, then send 20 MiB bodies; the server's RSS growth in KiB."""
    port = server.ports[kind]
    assert small_post(port) == 200
    calls = server.upstream_calls()
    rss_before = server.status_field("VmRSS")
    peak_reset = server.reset_peak()
    peak_before = server.status_field("VmHWM")
    statuses: list[tuple[int | None, int | None]] = []
    sent: list[int] = []
    for _ in range(rounds):
        chunked_status, chunked_sent = chunked_20mib(port)
        statuses.append((declared_20mib(port), chunked_status))
        sent.append(chunked_sent)
    time.sleep(0.05)
    return {
        "statuses": statuses, "chunked_sent_max": max(sent), "upstream_calls": server.upstream_calls() - calls,
        "rss_growth_kib": server.status_field("VmRSS") - rss_before,
        "peak_growth_kib": server.status_field("VmHWM") - peak_before if peak_reset else None,
    }


@pytest.fixture(scope="module")
def proxy_server() -> Iterator[ProxyServer]:
    server = ProxyServer(DEFAULT_MAX_BODY_BYTES)
    yield server
    server.close()


@pytest.mark.parametrize("kind", FRAMEWORKS)
def test_over_http_20mib_bodies_get_413_and_rss_stays_flat(proxy_server: ProxyServer, kind: str) -> None:
    result = measure(proxy_server, kind)
    print(f"\n{kind}: {result}")
    # under the stdlib WSGI server (no de-chunking) Flask and Django refuse a chunked body: 411
    chunked_expected = 413 if kind == "fastapi" else 411
    assert result["statuses"] == [(413, chunked_expected)]
    assert result["upstream_calls"] == 0
    # what the server let through before answering: the cap plus socket buffers, never 20 MiB
    assert result["chunked_sent_max"] < 12 * MiB
    assert result["rss_growth_kib"] < 6 * 1024
    if result["peak_growth_kib"] is not None:
        assert result["peak_growth_kib"] < 6 * 1024

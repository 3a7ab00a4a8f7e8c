"""A loopback webhook receiver for tests of signed pushes (the consumer's ``/webhooks/...``).

    with PushReceiver(statuses=[503], verify=check) as receiver:
        sandbox.configure_push(receiver.url, secret)
        ...
    headers, body, verified = receiver.received[0]

Runs a threading HTTP server on 127.0.0.1 (a free port) while the ``with`` block is open. Every
POST is recorded as ``(headers with lower-case names, raw body, what verify made of it)`` and
answered with the next of ``statuses`` (then 200). With ``verify``, a push it answers ``None``
for (did not verify) is answered 400 instead and consumes no status.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: (lower-case headers, raw body) -> the verified event, or None when it does not verify
Verifier = Callable[[dict[str, str], bytes], Any]


class PushReceiver:
    def __init__(self, statuses: Iterable[int] = (), *, verify: Verifier | None = None,
                 path: str = "/webhooks/vellum") -> None:
        self.received: list[tuple[dict[str, str], bytes, Any]] = []
        self.statuses = list(statuses)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified = verify(headers, body) if verify is not None else None
                receiver.received.append((headers, body, verified))
                if verify is not None and verified is None:
                    status = 400
                else:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{path}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> PushReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

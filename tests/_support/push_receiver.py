"""A loopback webhook endpoint for the tests of push delivery (the consumer's side)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple


class Delivery(NamedTuple):
    """One push as received (a tuple too: ``headers, body, event = receiver.received[0]``)."""

    headers: dict[str, str]  # names lower-cased
    body: bytes
    event: Any = None  # what ``verify`` returned (None: refused, or no ``verify``)


class PushReceiver:
    """Records every POST it gets and answers ``statuses`` in order, then 200. With ``verify``
    (``(headers, body) -> event or None``), a push it refuses is answered 400 and takes no status
    from ``statuses``. Serves while inside ``with``."""

    def __init__(self, path: str = "/webhooks/vellum", statuses: list[int] | None = None,
                 verify: Callable[[dict[str, str], bytes], Any] | None = None) -> None:
        self.received: list[Delivery] = []
        self.statuses = list(statuses or [])
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                event = verify(headers, body) if verify is not None else None
                receiver.received.append(Delivery(headers, body, event))
                if verify is not None and event is None:
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

    @property
    def verified(self) -> list[Any]:
        """The events of the pushes ``verify`` accepted, in order."""
        return [d.event for d in self.received if d.event is not None]

    def __enter__(self) -> PushReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


__all__ = ["Delivery", "PushReceiver"]

"""``paywire relay``: run a :class:`~paywire.entitlements.relay.Relay` as its own process.

    VELLUM_API_KEY=... VELLUM_TENANT_ID=... VELLUM_PUSH_SECRET=... \\
        paywire relay --redis redis://10.0.0.5:6379/0 --service vellum --customers customers.txt \\
                      --push-port 8081

Credentials come from the services' usual environment variables (never from the command line,
where ``ps`` would show them). With ``--push-port`` (Vellum) the relay also receives signed
push webhooks on ``POST /vellum/push``: a verified push invalidates its customer in every
process and the relay refetches it; an unverified one is answered 400 and changes nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

PUSH_PATH = "/vellum/push"
ENV_PUSH_SECRET = "VELLUM_PUSH_SECRET"
_MAX_PUSH_BYTES = 1 << 20


def _customers(spec: str) -> list[str]:
    path = Path(spec)
    text = path.read_text() if path.is_file() else spec.replace(",", "\n")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _client(args: argparse.Namespace, tier: Any) -> Any:
    if args.service == "vellum":
        from paywire.vellum import VellumClient

        return VellumClient(base_url=args.base_url, api_version=args.api_version, cache_ttl_ms=args.cache_ttl_ms,
                            allow_insecure_http=args.allow_insecure_http, shared_cache=tier)
    from paywire.lumen import LumenClient

    return LumenClient(base_url=args.base_url, cache_ttl_ms=args.cache_ttl_ms,
                       allow_insecure_http=args.allow_insecure_http, shared_cache=tier)


def push_server(client: Any, secret: str, host: str, port: int) -> Any:
    """A small HTTP receiver for Vellum pushes (``POST /vellum/push``): a ThreadingHTTPServer,
    imported here so every other ``paywire`` command stays as quick to start."""
    import http.server

    from paywire.entitlements.relay import handle_vellum_push
    from paywire.vellum.errors import VellumSignatureError
    from paywire.vellum.push import SIGNATURE_HEADER

    class PushHandler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if self.path != PUSH_PATH or not 0 < length <= _MAX_PUSH_BYTES:
                self._reply(404 if self.path != PUSH_PATH else 400)
                return
            body = self.rfile.read(length)
            try:
                handle_vellum_push(client, body, self.headers.get(SIGNATURE_HEADER, ""), secret)
            except VellumSignatureError:
                self._reply(400)
                return
            self._reply(204)

        def _reply(self, status: int) -> None:
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            _relay_logger().debug(format, *args)

    return http.server.ThreadingHTTPServer((host, port), PushHandler)


def cmd_relay(args: argparse.Namespace) -> int:
    from paywire.entitlements.redis_tier import RedisTier
    from paywire.entitlements.relay import Relay

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    customers = _customers(args.customers)
    if not customers:
        print("paywire relay: no customers given", file=sys.stderr)
        return 2
    secret = os.environ.get(ENV_PUSH_SECRET, "")
    if args.push_port is not None and (args.service != "vellum" or not secret):
        print(f"paywire relay: --push-port needs --service vellum and ${ENV_PUSH_SECRET}", file=sys.stderr)
        return 2
    tier = RedisTier(args.redis, namespace=args.namespace)
    client = _client(args, tier)
    relay = Relay(tier, refresh_s=args.refresh_s)
    relay.add(client, customers if args.service == "vellum" else [(c, True) for c in customers])
    server = None
    if args.push_port is not None:
        server = push_server(client, secret, args.push_host, args.push_port)
        threading.Thread(target=server.serve_forever, name="paywire-relay-push", daemon=True).start()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    relay.start()
    where = f", pushes on http://{args.push_host}:{server.server_port}{PUSH_PATH}" if server else ""
    print(f"paywire relay: {len(customers)} {args.service} customers into {tier!r}{where}", flush=True)
    stop.wait()
    relay.stop()
    if server is not None:
        server.shutdown()
    client.close()
    tier.close()
    return 0


def _relay_logger() -> logging.Logger:
    from paywire._core.logs import get_logger

    return get_logger("paywire.entitlements.relay")

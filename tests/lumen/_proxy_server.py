"""A real-HTTP home for the three Lumen proxy adapters, run as a subprocess by the body-cap tests.

``python _proxy_server.py <max_body_bytes>`` starts, on 127.0.0.1 ports chosen by the OS:
a counting stand-in for Lumen (``GET /count`` says how many proxied calls reached it), the
Flask and Django apps on the standard library's WSGI server (threaded) and the FastAPI app on
uvicorn. Not werkzeug's development server: after a response it reads whatever body is left,
10 MB at a time, so that a browser sees the 413 — its RSS would be the dev server's, not the
proxy's. wsgiref does not de-chunk, so there the adapters answer a chunked body with 411. It
prints one JSON line ``{"upstream": port, "flask": port, "django": port, "fastapi": port}``
and serves until killed. A separate process, so its RSS is the proxy's alone.
"""

import asyncio
import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

KEY = "lumen_sk_body_cap_server_key"
USER = "u1"


class _Upstream(BaseHTTPRequestHandler):
    calls = 0
    lock = threading.Lock()

    def do_GET(self) -> None:
        if self.path == "/count":
            self._send(200, {"calls": _Upstream.calls})
        else:
            self._count_and_answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._count_and_answer()

    def _count_and_answer(self) -> None:
        with _Upstream.lock:
            _Upstream.calls += 1
        self._send(200, {"ok": True})

    def _send(self, status: int, body: Any) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietWSGIHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    limit = int(sys.argv[1])
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    upstream.daemon_threads = True
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    os.environ["LUMEN_API_KEY"] = KEY
    os.environ["LUMEN_API_URL"] = f"http://127.0.0.1:{upstream.server_address[1]}"

    import django
    from django.conf import settings

    settings.configure(SECRET_KEY="body-cap", ALLOWED_HOSTS=["*"], INSTALLED_APPS=[], MIDDLEWARE=[],
                       ROOT_URLCONF=__name__, USE_TZ=True, DATABASES={})
    django.setup()
    import uvicorn
    from django.core.wsgi import get_wsgi_application
    from django.urls import path
    from fastapi import FastAPI, Request
    from flask import Flask

    from paywire.lumen.handlers import lumen_django_handler, lumen_fastapi_handler, lumen_flask_handler

    flask_app = Flask(__name__)
    flask_view = lumen_flask_handler(get_user_id=lambda: USER, max_body_bytes=limit)
    flask_app.add_url_rule("/api/lumen/<path:path>", view_func=flask_view, methods=["GET", "POST"])

    global urlpatterns
    urlpatterns = [path("api/lumen/<path:path>", lumen_django_handler(get_user_id=lambda r: USER,
                                                                       max_body_bytes=limit))]

    api = FastAPI()
    fastapi_view = lumen_fastapi_handler(get_user_id=lambda r: USER, max_body_bytes=limit)

    @api.api_route("/api/lumen/{path:path}", methods=["GET", "POST"])
    async def proxy(request: Request, path: str) -> Any:
        return await fastapi_view(request, path)

    ports = {"upstream": upstream.server_address[1]}
    for name, app in (("flask", flask_app), ("django", get_wsgi_application())):
        server = make_server("127.0.0.1", 0, app, server_class=_ThreadingWSGIServer,
                             handler_class=_QuietWSGIHandler)
        ports[name] = server.server_port
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports["fastapi"] = _free_port()
    config = uvicorn.Config(api, host="127.0.0.1", port=ports["fastapi"], log_level="error", lifespan="off")
    uvicorn_server = uvicorn.Server(config)

    async def serve() -> None:
        task = asyncio.create_task(uvicorn_server.serve())
        while not uvicorn_server.started:
            await asyncio.sleep(0.01)
        print(json.dumps(ports), flush=True)
        await task

    asyncio.run(serve())


urlpatterns: list[Any] = []

if __name__ == "__main__":
    main()

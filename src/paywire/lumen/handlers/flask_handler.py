"""Flask adapter of the Lumen proxy (upstream through the pooled sync ``LumenClient``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from paywire.lumen._proxy import DEFAULT_MAX_BODY_BYTES, LumenProxy, ProxyReply, ProxyRequest

NO_STORE = {"Cache-Control": "no-store"}


def lumen_flask_handler(
    get_user_id: Callable[[], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callable[..., Any]:
    """A view body for ``@app.route("/api/lumen/<path:path>", methods=[...])``:
    ``return lumen_flask_handler(get_user_id=get_user_id)(path)``. ``get_user_id()`` takes no
    arguments (read ``flask.request`` / ``session`` inside it) and returns the user's id or None.
    A request body over ``max_body_bytes`` (default 1 MiB) is refused with 413 unread; a
    chunked body the WSGI server did not de-chunk (no ``wsgi.input_terminated``) with 411.
    """
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths,
                       max_body_bytes=max_body_bytes)

    def handler(path: str = "") -> Any:
        from flask import request

        environ = request.environ
        refused = proxy.unreadable_chunked(request.method, request.headers.get("Transfer-Encoding"),
                                           request.headers.get("Content-Length"),
                                           dechunked=bool(environ.get("wsgi.input_terminated")))
        if refused is not None:
            return _response(refused)
        body = proxy.read_body(request.method, request.headers.get("Content-Length"), lambda n: _read(request, n))
        if isinstance(body, ProxyReply):
            return _response(body)
        if not body and request.content_length:
            # Something (a before_request hook) consumed the stream with get_data(cache=True);
            # the declared length already passed the cap, so the cached copy is bounded too.
            body = request.get_data(cache=True)
        proxied = ProxyRequest(
            method=request.method,
            path=path,
            query=list(request.args.items(multi=True)),
            body=body,
            raw_path=environ.get("RAW_URI") or environ.get("REQUEST_URI"),
        )
        return _response(proxy.handle_sync(proxied, get_user_id))

    return handler


def _read(request: Any, size: int) -> bytes:
    data = request.stream.read(size)
    return data if isinstance(data, bytes) else b""


def _response(result: ProxyReply) -> Any:
    from flask import jsonify

    response = jsonify(result.body)
    response.status_code = result.status
    response.headers.update(NO_STORE)
    for name, value in result.headers:
        response.headers[name] = value
    return response

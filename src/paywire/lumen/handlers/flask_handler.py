"""Flask adapter of the Lumen proxy (upstream through the pooled sync ``LumenClient``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from paywire.lumen._proxy import LumenProxy, ProxyRequest

NO_STORE = {"Cache-Control": "no-store"}


def lumen_flask_handler(
    get_user_id: Callable[[], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
) -> Callable[..., Any]:
    """A view body for ``@app.route("/api/lumen/<path:path>", methods=[...])``:
    ``return lumen_flask_handler(get_user_id=get_user_id)(path)``. ``get_user_id()`` takes no
    arguments (read ``flask.request`` / ``session`` inside it) and returns the user's id or None.
    """
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths)

    def handler(path: str = "") -> Any:
        from flask import jsonify, request

        environ = request.environ
        proxied = ProxyRequest(
            method=request.method,
            path=path,
            query=list(request.args.items(multi=True)),
            body=request.get_data(cache=True) if request.method not in ("GET", "HEAD") else b"",
            raw_path=environ.get("RAW_URI") or environ.get("REQUEST_URI"),
        )
        result = proxy.handle_sync(proxied, get_user_id)
        response = jsonify(result.body)
        response.status_code = result.status
        response.headers.update(NO_STORE)
        return response

    return handler

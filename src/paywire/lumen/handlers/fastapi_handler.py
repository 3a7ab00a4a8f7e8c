"""FastAPI / Starlette adapter of the Lumen proxy (upstream through the pooled ``AsyncLumenClient``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from paywire.lumen._proxy import DEFAULT_MAX_BODY_BYTES, LumenProxy, ProxyReply, ProxyRequest

NO_STORE = {"Cache-Control": "no-store"}


def lumen_fastapi_handler(
    get_user_id: Callable[[Any], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callable[..., Awaitable[Any]]:
    """``handler = lumen_fastapi_handler(get_user_id=...)``, then in an
    ``@app.api_route("/api/lumen/{path:path}", methods=[...])`` view
    ``return await handler(request, path)``. ``get_user_id(request)`` may be a plain function
    or ``async def`` (it is awaited). A request body over ``max_body_bytes`` (default 1 MiB) is
    refused with 413 while it streams in, before it is buffered."""
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths,
                       max_body_bytes=max_body_bytes)

    async def handler(request: Any, path: str = "") -> Any:
        method = request.method
        body = await proxy.read_body_async(method, request.headers.get("content-length"), request.stream)
        if isinstance(body, ProxyReply):
            return _response(body)
        raw = request.scope.get("raw_path")
        proxied = ProxyRequest(
            method=method,
            path=path,
            query=request.query_params.multi_items(),
            body=body,
            raw_path=raw.decode("latin-1") if isinstance(raw, bytes) else None,
        )
        return _response(await proxy.handle_async(proxied, lambda: get_user_id(request)))

    return handler


def _response(result: ProxyReply) -> Any:
    from starlette.responses import JSONResponse

    return JSONResponse(result.body, status_code=result.status, headers={**NO_STORE, **dict(result.headers)})

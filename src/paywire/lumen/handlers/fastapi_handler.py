"""FastAPI / Starlette adapter of the Lumen proxy (upstream through the pooled ``AsyncLumenClient``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from paywire.lumen._proxy import LumenProxy, ProxyRequest

NO_STORE = {"Cache-Control": "no-store"}


def lumen_fastapi_handler(
    get_user_id: Callable[[Any], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
) -> Callable[..., Awaitable[Any]]:
    """``handler = lumen_fastapi_handler(get_user_id=...)``, then in an
    ``@app.api_route("/api/lumen/{path:path}", methods=[...])`` view
    ``return await handler(request, path)``. ``get_user_id(request)`` may be a plain function
    or ``async def`` (it is awaited)."""
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths)

    async def handler(request: Any, path: str = "") -> Any:
        from starlette.responses import JSONResponse

        method = request.method
        raw = request.scope.get("raw_path")
        proxied = ProxyRequest(
            method=method,
            path=path,
            query=request.query_params.multi_items(),
            body=await request.body() if method not in ("GET", "HEAD") else b"",
            raw_path=raw.decode("latin-1") if isinstance(raw, bytes) else None,
        )
        result = await proxy.handle_async(proxied, lambda: get_user_id(request))
        return JSONResponse(result.body, status_code=result.status, headers=NO_STORE)

    return handler

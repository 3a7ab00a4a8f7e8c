"""Django adapter of the Lumen proxy (upstream through the pooled sync ``LumenClient``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from paywire._core import logger
from paywire.lumen._proxy import DEFAULT_MAX_BODY_BYTES, LumenProxy, ProxyReply, ProxyRequest


def lumen_django_handler(
    get_user_id: Callable[[Any], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
    mount_path: str = "/api/lumen/",
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callable[..., Any]:
    """A view for ``path("api/lumen/<path:path>", lumen_view)``. ``get_user_id(request)``
    returns the user's id or None. ``mount_path`` is accepted for compatibility and, as in the
    original, not needed (the URLconf captures ``path``). Django's CSRF middleware still applies
    to POSTs: send the CSRF token from the frontend (or wrap the view in ``csrf_exempt`` if
    your auth is not cookie-based). A request body over ``max_body_bytes`` (default 1 MiB) is
    refused with 413 unread. Under WSGI Django reads bodies by ``Content-Length`` only, so a
    chunked body is refused with 411 rather than forwarded as empty; under ASGI Django itself
    spools the body to a temporary file before any view runs, and the cap applies to that."""
    del mount_path
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths,
                       max_body_bytes=max_body_bytes)

    def handler(request: Any, path: str = "") -> Any:
        method = request.method or "GET"
        meta = request.META
        # Django's WSGI request reads by CONTENT_LENGTH only; its ASGI request has no wsgi.input
        refused = proxy.unreadable_chunked(method, meta.get("HTTP_TRANSFER_ENCODING"), meta.get("CONTENT_LENGTH"),
                                           dechunked="wsgi.input" not in meta)
        if refused is not None:
            return _response(refused)
        body = proxy.read_body(method, meta.get("CONTENT_LENGTH"), lambda n: _read(request, n))
        if isinstance(body, ProxyReply):
            return _response(body)
        proxied = ProxyRequest(
            method=method,
            path=path,
            query=[(k, v) for k, values in request.GET.lists() for v in values],
            body=body,
            raw_path=meta.get("RAW_URI") or meta.get("REQUEST_URI"),
        )
        return _response(proxy.handle_sync(proxied, lambda: get_user_id(request)))

    return handler


def _read(request: Any, size: int) -> bytes:
    try:
        data = request.read(size)
    except Exception:  # RawPostDataException: the body was already consumed as a form
        logger.debug("lumen proxy: request body already consumed", exc_info=True)
        return b""
    return data if isinstance(data, bytes) else b""


def _response(result: ProxyReply) -> Any:
    from django.http import JsonResponse

    response = JsonResponse(result.body, status=result.status, safe=False)
    response["Cache-Control"] = "no-store"
    for name, value in result.headers:
        response[name] = value
    return response

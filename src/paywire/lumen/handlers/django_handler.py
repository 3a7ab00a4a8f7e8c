"""Django adapter of the Lumen proxy (upstream through the pooled sync ``LumenClient``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from paywire.lumen._proxy import LumenProxy, ProxyRequest


def lumen_django_handler(
    get_user_id: Callable[[Any], object],
    api_key: str | None = None,
    api_url: str | None = None,
    supported_paths: Iterable[str] | None = None,
    mount_path: str = "/api/lumen/",
) -> Callable[..., Any]:
    """A view for ``path("api/lumen/<path:path>", lumen_view)``. ``get_user_id(request)``
    returns the user's id or None. ``mount_path`` is accepted for compatibility and, as in the
    original, not needed (the URLconf captures ``path``). Django's CSRF middleware still applies
    to POSTs: send the CSRF token from the frontend (or wrap the view in ``csrf_exempt`` if
    your auth is not cookie-based)."""
    del mount_path
    proxy = LumenProxy(api_key=api_key, api_url=api_url, supported_paths=supported_paths)

    def handler(request: Any, path: str = "") -> Any:
        from django.http import JsonResponse

        method = request.method or "GET"
        meta = request.META
        proxied = ProxyRequest(
            method=method,
            path=path,
            query=[(k, v) for k, values in request.GET.lists() for v in values],
            body=_body(request) if method not in ("GET", "HEAD") else b"",
            raw_path=meta.get("RAW_URI") or meta.get("REQUEST_URI"),
        )
        result = proxy.handle_sync(proxied, lambda: get_user_id(request))
        response = JsonResponse(result.body, status=result.status, safe=False)
        response["Cache-Control"] = "no-store"
        return response

    return handler


def _body(request: Any) -> bytes:
    try:
        body = request.body
    except Exception:  # RawPostDataException: the body was already consumed as a form
        return b""
    return body if isinstance(body, bytes) else b""

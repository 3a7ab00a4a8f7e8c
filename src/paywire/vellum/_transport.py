"""Adapter for vellumcharter's injectable ``transport`` callable.

vellumcharter 0.1.0 accepts ``transport=(method, url, headers, body) -> HttpResponse`` for
tests. paywire's clients speak httpx, so such a callable is wrapped in an httpx transport;
an ``httpx.BaseTransport`` / ``httpx.AsyncBaseTransport`` (e.g. ``httpx.MockTransport``) is
passed through untouched.
"""

from __future__ import annotations

from typing import Any

import httpx

from paywire.vellum.models import HttpResponse


def _call(fn: Any, request: httpx.Request) -> httpx.Response:
    content = request.read()
    body = content.decode("utf-8") if content else None
    headers = {k.lower(): v for k, v in request.headers.items()}
    result = fn(request.method, str(request.url), headers, body)
    if not isinstance(result, HttpResponse) and not all(hasattr(result, a) for a in ("status", "headers", "body")):
        raise TypeError("a vellumcharter-style transport must return HttpResponse(status, headers, body)")
    raw = result.body
    payload = raw if isinstance(raw, bytes) else str(raw or "").encode("utf-8")
    return httpx.Response(int(result.status), headers=dict(result.headers or {}), content=payload,
                          request=request)


class CallableTransport(httpx.BaseTransport):
    def __init__(self, fn: Any) -> None:
        self._fn = fn

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return _call(self._fn, request)


class AsyncCallableTransport(httpx.AsyncBaseTransport):
    """Runs the (blocking) callable in a worker thread, like the seed's async client did."""

    def __init__(self, fn: Any) -> None:
        self._fn = fn

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        import asyncio

        return await asyncio.to_thread(_call, self._fn, request)


def adapt_transport(transport: Any, *, is_async: bool) -> Any:
    """An httpx transport for whatever the user passed (None stays None)."""
    if transport is None or isinstance(transport, (httpx.BaseTransport, httpx.AsyncBaseTransport)):
        return transport
    if callable(transport):
        return AsyncCallableTransport(transport) if is_async else CallableTransport(transport)
    raise TypeError("transport must be an httpx transport or a (method, url, headers, body) callable")

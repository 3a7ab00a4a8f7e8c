"""Send through a paywire-built httpx client without the layers of ``Client.send`` it never uses.

``httpx.Client.send`` wraps every request in redirect handling, cookie extraction, event-hook
dispatch, a bound response stream and a log record; measured ~40-60 us of CPU per call, as much
as the whole ``http.client`` exchange. The httpx clients paywire builds follow no redirects,
keep no cookies (``cookies.NoCookieJar``), have no mounts and no event hooks, so for them the
drivers call the transport directly and keep what matters: the auth flow (``httpx.Auth``: bearer
tokens, refresh on 401), the timeouts already on the request, the closed-client check, and
responses read whole. Any client that uses one of the skipped layers (a user-supplied
``http_client``, event hooks added later, URL credentials, proxies) goes through ``send``.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx

from paywire._core.cookies import NoCookieJar
from paywire._core.httpx_models import bodyless_request, url_with_path
from paywire._core.stdlib_transport import httpcore_is_patched

SyncSend = Callable[[httpx.Request], httpx.Response]
AsyncSend = Callable[[httpx.Request], Awaitable[httpx.Response]]


def _plain(http: httpx.Client | httpx.AsyncClient, transport_types: tuple[type, ...]) -> bool:
    """Built by paywire the way the direct path assumes (checked once, at driver creation)."""
    return (isinstance(http._transport, transport_types) and not http._mounts
            and not http.follow_redirects and isinstance(http.cookies.jar, NoCookieJar))


def _uses_skipped_layers(http: httpx.Client | httpx.AsyncClient, request: httpx.Request) -> bool:
    """Per call: what could have changed since (hooks added, client closed, URL credentials)."""
    hooks = http._event_hooks
    return bool(hooks["request"] or hooks["response"] or http.is_closed or request.url.userinfo
                or httpcore_is_patched())  # a mock (respx) must see the request the usual way


def direct_sync_send(http: httpx.Client) -> SyncSend:
    """``http.send`` or, for a plain paywire-built client, the direct equivalent."""
    from paywire._core.stdlib_transport import StdlibTransport

    if not isinstance(http, httpx.Client) or not _plain(http, (StdlibTransport,)):
        return http.send
    transport = http._transport
    fallback = http.send

    def single(request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        if "timeout" not in request.extensions:  # a request an auth flow built: timeouts stay on
            request.extensions["timeout"] = http.timeout.as_dict()
        response = transport.handle_request(request)
        response.request = request
        response.read()
        if not hasattr(response, "_elapsed"):
            response.elapsed = timedelta(seconds=time.perf_counter() - started)
        return response

    def send(request: httpx.Request) -> httpx.Response:
        if _uses_skipped_layers(http, request):
            return fallback(request)
        auth = http.auth
        if auth is None:
            return single(request)
        flow = auth.sync_auth_flow(request)
        try:
            request = next(flow)
            while True:
                response = single(request)
                try:
                    request = flow.send(response)
                except StopIteration:
                    return response
        finally:
            flow.close()

    return send


def direct_async_send(http: httpx.AsyncClient) -> AsyncSend:
    """``http.send`` or, for a plain paywire-built async client, the direct equivalent."""
    from paywire._core.asyncio_transport import AsyncioTransport
    from paywire._core.transport import ShardedAsyncTransport

    types: tuple[type, ...] = (AsyncioTransport, ShardedAsyncTransport)
    # Not imported here (aiohttp costs import time): if the module is not loaded, no client
    # can be using its transport.
    aiohttp_module = sys.modules.get("paywire._core.aiohttp_transport")
    if aiohttp_module is not None:
        types += (aiohttp_module.AiohttpTransport,)
    if not isinstance(http, httpx.AsyncClient) or not _plain(http, types):
        return http.send
    transport = http._transport
    fallback = http.send

    async def single(request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        if "timeout" not in request.extensions:  # a request an auth flow built: timeouts stay on
            request.extensions["timeout"] = http.timeout.as_dict()
        response = await transport.handle_async_request(request)
        response.request = request
        await response.aread()
        if not hasattr(response, "_elapsed"):
            response.elapsed = timedelta(seconds=time.perf_counter() - started)
        return response

    async def send(request: httpx.Request) -> httpx.Response:
        if _uses_skipped_layers(http, request):
            return await fallback(request)
        auth = http.auth
        if auth is None:
            return await single(request)
        flow = auth.async_auth_flow(request)
        try:
            request = await flow.__anext__()
            while True:
                response = await single(request)
                try:
                    request = await flow.asend(response)
                except StopAsyncIteration:
                    return response
        finally:
            await flow.aclose()

    return send


#: A relative path httpx's URL parser would leave unchanged: unreserved and sub-delim
#: characters, ":@/", valid percent-escapes; no "." / ".." segment (those get normalised).
_CANONICAL_PATH = re.compile(r"(?!\.\.?(?:/|$))(?:[A-Za-z0-9\-_~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}|\.(?!\.?(?:/|$))|/(?!\.\.?(?:/|$)))*")


_UNKNOWN: Any = object()
_MAX_URLS = 1024


class RequestBuilder:
    """``http.build_request`` for a plain paywire-built client, without its merging layers.

    ``Client.build_request`` parses the URL twice (the relative path, then the joined one),
    copies the client's headers and cookie jar, and merges params: ~60 us of CPU per call,
    measured, as much as the ``http.client`` exchange itself. For clients that keep no cookies
    and have no client-level params, the same request comes from joining the base URL (which
    httpx keeps with a trailing slash) with the relative path once and letting
    ``httpx.Request`` copy the headers. Absolute URLs, and clients that do use cookies or
    params, go through ``build_request``."""

    __slots__ = ("_base", "_base_path", "_http", "_netloc", "_prefix", "_urls")

    def __init__(self, http: httpx.Client | httpx.AsyncClient) -> None:
        self._http = http
        base = http.base_url
        plain = (isinstance(http, (httpx.Client, httpx.AsyncClient)) and isinstance(http.cookies.jar, NoCookieJar)
                 and not http.params and bool(base.host) and not base.query and not base.fragment
                 and base.raw_path.endswith(b"/"))
        # str() of "https://host" (raw path "/") has no trailing slash: add it back.
        self._prefix = (str(base).rstrip("/") + base.raw_path.decode("ascii")[-1:]) if plain else None
        self._base = base
        self._base_path = base._uri_reference.path or "/"  # "" means "/"
        self._netloc = base.netloc
        self._urls: dict[str, httpx.URL | None] = {}

    def build(self, method: str, url: str, *, params: Any = None, json: Any = None, content: bytes | None = None,
              headers: Any = None, timeout: httpx.Timeout, extensions: dict[str, Any] | None = None) -> httpx.Request:
        http = self._http
        prefix = self._prefix
        # httpx drops the host of "//host/p" and the fragment of a relative URL, and "a:b" may be a
        # scheme: leave those to it.
        if prefix is None or ":" in url or url.startswith("//") or "#" in url or http.params:
            return http.build_request(method, url, params=params, json=json, content=content, headers=headers,
                                      timeout=timeout, extensions=extensions)
        merged: Any = http.headers
        if headers:
            merged = merged.copy()
            merged.update(headers)
        ext = dict(extensions) if extensions else {}
        ext["timeout"] = timeout.as_dict()
        relative = url.lstrip("/")
        target: Any = self._joined(relative)
        if target is not None and params is None and json is None and content is None:
            return bodyless_request(method, target, self._netloc, merged, ext)
        return httpx.Request(method, target or prefix + relative, params=params, json=json, content=content,
                             headers=merged, extensions=ext)

    def _joined(self, relative: str) -> httpx.URL | None:
        """The base URL with ``relative`` appended, without re-parsing, when ``relative`` is
        already what httpx's parser would produce (only characters it leaves as they are, no dot
        segments), so only the path component changes; else None (httpx parses it).

        Memoised per relative URL (bounded): an operation's paths repeat per customer, and the
        check plus the join cost ~4 us per request. An ``httpx.URL`` is immutable, so requests
        can share one (``httpx.Request`` takes its own copy anyway)."""
        joined: httpx.URL | None = self._urls.get(relative, _UNKNOWN)
        if joined is _UNKNOWN:
            if not _CANONICAL_PATH.fullmatch(relative):
                return None  # not kept: such URLs (a query string, escapes) go to httpx each time
            joined = url_with_path(self._base, self._base_path + relative)
            if len(self._urls) >= _MAX_URLS:  # ids vary without limit: keep the memo bounded
                self._urls.clear()
            self._urls[relative] = joined
        return joined

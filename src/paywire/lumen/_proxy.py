"""The framework-agnostic core of the Lumen backend proxy (``paywire.lumen.handlers``).

A browser calls ``/api/lumen/<path>`` on your backend; this module decides whether and how the
request goes on to Lumen with your secret key, and the Flask / FastAPI / Django adapters only
translate requests and responses. Rules, checked in this order:

1. no API key configured → 500 ``{"error": "LUMEN_API_KEY is not set in environment"}``;
2. no authenticated user (``get_user_id`` falsy) → 401 ``{"error": "Unauthorized"}``;
3. a malformed path — ``..`` or ``.`` segments, empty segments (``//``), a leading or trailing
   ``/``, backslashes, ``%`` (double encoding), control characters, or an encoded ``/``, ``\\``,
   ``.`` or ``%`` in the raw request path — → 400 ``{"error": "Invalid path"}``;
4. a path off the allow-list → 404 ``{"error": "Unsupported path"}``; a method the default
   allow-list does not use for that path → 405 ``{"error": "Method not allowed"}``;
5. the user is pinned: a path segment in a ``{customerId}`` position must be the literal
   placeholder ``{customerId}`` or the user's own id (anything else → 403, closing the
   original's cross-customer read), and becomes the user id with ``isExtCustId=true``; for
   ``customers/...`` paths ``externalCustomerId`` is added (query for GET/DELETE, JSON body for
   POST/PUT/PATCH) when absent; an ``externalCustomerId`` naming anyone else, in the query or
   the JSON body, → 403 ``{"error": "Forbidden"}``; ``invoices/{id}/pdf`` is forwarded only
   when the invoice is in the user's own portal overview (else 404 "Invoice not found");
6. upstream: same method to ``{base}/v1/<path>`` with only ``Authorization`` (and the JSON
   content type) — no browser header is forwarded, and the pooled upstream clients keep no
   cookies (``_core/cookies.py``), so nothing of one user's exchange rides on another's; the
   upstream status is kept; a 2xx JSON body is relayed (non-JSON or empty → ``{}``), a non-2xx
   answer gets a body built by paywire — never upstream bytes — and only allow-listed upstream
   headers come back (``_relay.py``); Lumen unreachable → 502; any other failure → 500
   ``{"error": "Internal Error"}`` (logged; exception text never reaches the browser).

Before all of these, the adapters cap the request body (``max_body_bytes``, default 1 MiB):
a larger ``Content-Length`` → 413 ``{"error": "Request body too large"}`` without reading a
byte; a body without one (chunked) is counted while read and refused the same way as soon as it
passes the cap (``_body.py``); a malformed ``Content-Length`` → 400. A WSGI stack that reads
bodies by ``Content-Length`` only (Django under WSGI; werkzeug behind a server that does not
de-chunk) would silently drop a chunked body, so there it is refused with 411 instead of being
forwarded as empty.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from paywire._core import APIConnectionError, Flow, logger
from paywire._core.paths import PathParameterError, path_segment
from paywire.lumen import _pool
from paywire.lumen._body import (
    DEFAULT_MAX_BODY_BYTES,
    BodyTooLarge,
    InvalidLength,
    check_declared,
    check_limit,
    chunked_without_length,
    read_capped,
    read_capped_async,
)
from paywire.lumen._relay import ProxyReply, relay, relay_error
from paywire.lumen.client import API_KEY_ENV, _LumenOps

__all__ = ["DEFAULT_MAX_BODY_BYTES", "SUPPORTED_PATHS", "LumenProxy", "ProxyReply", "ProxyRequest"]

PLACEHOLDER = "{customerId}"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
NO_BODY_METHODS = frozenset({"GET", "HEAD"})  # their bodies are never read
ANY_METHOD = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})

_BAD_CHARS = re.compile(r"[\\%\x00-\x1f\x7f]")
_ENCODED_TRICKS = re.compile(r"%(?:2f|5c|2e|25)", re.IGNORECASE)


@dataclass(frozen=True)
class Route:
    pattern: str
    methods: frozenset[str]
    parts: tuple[str, ...]
    invoice: bool = False

    @classmethod
    def of(cls, pattern: str, methods: Iterable[str] = ANY_METHOD, *, invoice: bool = False) -> Route:
        return cls(pattern, frozenset(m.upper() for m in methods), tuple(pattern.strip("/").split("/")), invoice)

    def match(self, segments: Sequence[str]) -> dict[str, str] | None:
        if len(segments) != len(self.parts):
            return None
        params: dict[str, str] = {}
        for part, segment in zip(self.parts, segments, strict=True):
            if part.startswith("{") and part.endswith("}"):
                params[part[1:-1]] = segment
            elif part != segment:
                return None
        return params


DEFAULT_ROUTES: tuple[Route, ...] = (
    Route.of("customers/subscription-status", ["GET"]),
    Route.of("entitlements/{customerId}", ["GET"]),
    Route.of("customers/portal/overview", ["GET"]),
    Route.of("customers/portal/create-setup-intent", ["POST"]),
    Route.of("customers/portal/set-subscription-payment-method", ["POST"]),
    Route.of("customers/portal/payment-methods/{id}", ["DELETE"]),
    Route.of("invoices/{id}/pdf", ["GET"], invoice=True),
)
#: The original SDK's allow-list (pass your own ``supported_paths`` to replace it).
SUPPORTED_PATHS: list[str] = [route.pattern for route in DEFAULT_ROUTES]


@dataclass(frozen=True)
class ProxyRequest:
    """What an adapter extracts from its framework's request."""

    method: str
    path: str
    query: Sequence[tuple[str, str]] = ()
    body: bytes = b""
    raw_path: str | None = None  # the undecoded request path, when the server provides it


@dataclass(frozen=True)
class Upstream:
    method: str
    path: str
    params: dict[str, str]
    json: Any
    user_id: str
    invoice_id: str | None = None
    api_key: str = field(default="", repr=False)


def reply(status: int, error: str) -> ProxyReply:
    return ProxyReply(status, {"error": error})


NO_KEY = reply(500, "LUMEN_API_KEY is not set in environment")
UNAUTHORIZED = reply(401, "Unauthorized")
INVALID_PATH = reply(400, "Invalid path")
UNSUPPORTED = reply(404, "Unsupported path")
NOT_ALLOWED = reply(405, "Method not allowed")
FORBIDDEN = reply(403, "Forbidden")
INVALID_BODY = reply(400, "Invalid JSON body")
INVOICE_NOT_FOUND = reply(404, "Invoice not found")
UNREACHABLE = reply(502, "Lumen API unreachable")
TOO_LARGE = reply(413, "Request body too large")
INVALID_LENGTH = reply(400, "Invalid Content-Length")
LENGTH_REQUIRED = reply(411, "Length Required")
INTERNAL = reply(500, "Internal Error")


def path_segments(path: str, raw_path: str | None = None) -> list[str] | None:
    """The path's segments, or None when it is malformed or tries traversal tricks."""
    if not isinstance(path, str) or not path or path[0] == "/" or path[-1] == "/":
        return None
    if _BAD_CHARS.search(path):
        return None
    segments = path.split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        return None
    if raw_path is not None and _ENCODED_TRICKS.search(raw_path.split("?", 1)[0]):
        return None
    return segments


def _user_id(value: object) -> str | None:
    if not value:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


class LumenProxy:
    """Shared by the three framework adapters; cheap to build (the seed builds one per request)."""

    def __init__(self, *, api_key: str | None = None, api_url: str | None = None,
                 supported_paths: Iterable[str] | None = None,
                 max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.max_body_bytes = check_limit(max_body_bytes)
        self.api_key = api_key
        self.api_url = api_url
        self.routes = DEFAULT_ROUTES if supported_paths is None else tuple(
            Route.of(p, invoice=p.strip("/") == "invoices/{id}/pdf") for p in supported_paths
        )

    def _key(self) -> str | None:
        key = (self.api_key or os.environ.get(API_KEY_ENV) or "").strip()
        return key or None

    # -- the request body, capped (the adapters call one of these first) ----------------------
    def read_body(self, method: str, content_length: str | None,
                  read: Callable[[int], bytes]) -> bytes | ProxyReply:
        """The body from a blocking ``read(n)``, or the 413/400 reply to send instead."""
        try:
            check_declared(content_length, self.max_body_bytes)
            return b"" if method.upper() in NO_BODY_METHODS else read_capped(read, self.max_body_bytes)
        except BodyTooLarge:
            return TOO_LARGE
        except InvalidLength:
            return INVALID_LENGTH

    async def read_body_async(self, method: str, content_length: str | None,
                              stream: Callable[[], AsyncIterable[bytes]]) -> bytes | ProxyReply:
        """The body from an async chunk stream, or the 413/400 reply to send instead."""
        try:
            check_declared(content_length, self.max_body_bytes)
            if method.upper() in NO_BODY_METHODS:
                return b""
            return await read_capped_async(stream(), self.max_body_bytes)
        except BodyTooLarge:
            return TOO_LARGE
        except InvalidLength:
            return INVALID_LENGTH

    @staticmethod
    def unreadable_chunked(method: str, transfer_encoding: object, content_length: object,
                           dechunked: bool) -> ProxyReply | None:
        """411 for a chunked body the WSGI stack cannot read (``dechunked``: it can)."""
        if dechunked or method.upper() in NO_BODY_METHODS:
            return None
        return LENGTH_REQUIRED if chunked_without_length(transfer_encoding, content_length) else None

    # -- decisions (pure) --------------------------------------------------------------------
    def plan(self, request: ProxyRequest, user: object, api_key: str) -> ProxyReply | Upstream:
        user_id = _user_id(user)
        if user_id is None:
            return UNAUTHORIZED
        segments = path_segments(request.path, request.raw_path)
        if segments is None:
            return INVALID_PATH
        method = request.method.upper()
        found = next(((r, p) for r in self.routes if (p := r.match(segments)) is not None), None)
        if found is None:
            return UNSUPPORTED
        route, params = found
        if method not in route.methods:
            return NOT_ALLOWED

        query: dict[str, str] = {}
        for name, value in request.query:
            if name == "externalCustomerId" and value != user_id:
                return FORBIDDEN
            query[name] = value

        body: Any = None
        if method not in ("GET", "HEAD") and request.body:
            try:
                body = json.loads(request.body)
            except ValueError:
                body = None  # as the original: an unparsable body is not forwarded
        if isinstance(body, Mapping) and "externalCustomerId" in body and body["externalCustomerId"] != user_id:
            return FORBIDDEN

        upstream_parts: list[str] = []
        for part, segment in zip(route.parts, segments, strict=True):
            if part == PLACEHOLDER:
                if segment not in (PLACEHOLDER, user_id):
                    return FORBIDDEN
                segment = user_id
                query["isExtCustId"] = "true"
            try:  # the injected user id is the app's value: it must be one segment too
                upstream_parts.append(path_segment(segment, "path"))
            except PathParameterError:
                return INVALID_PATH

        if route.parts[0] == "customers":
            if method in BODY_METHODS:
                if body is None:
                    body = {}
                if not isinstance(body, Mapping):
                    return INVALID_BODY
                body = {**body, "externalCustomerId": user_id}
            else:
                query["externalCustomerId"] = user_id

        return Upstream(
            method=method,
            path="/".join(upstream_parts),
            params=query,
            json=body,
            user_id=user_id,
            invoice_id=params.get("id") if route.invoice else None,
            api_key=api_key,
        )

    # -- the upstream exchange (one flow for the sync and the async client) ------------------
    def flow(self, client: _LumenOps, up: Upstream) -> Flow[ProxyReply]:
        try:
            if up.invoice_id is not None:
                denied = yield from _check_invoice(client, up)
                if denied is not None:
                    return denied
            response = yield from client._forward(up.method, up.path, params=up.params, json=up.json)
        except APIConnectionError as exc:
            logger.warning("lumen proxy: upstream unreachable: %s", exc)
            return UNREACHABLE
        return relay(response, up.api_key)

    # -- entry points for the adapters -------------------------------------------------------
    def handle_sync(self, request: ProxyRequest, get_user: Callable[[], object]) -> ProxyReply:
        try:
            key = self._key()
            if key is None:
                return NO_KEY
            user = get_user()
            if inspect.isawaitable(user):
                _discard(user)
                raise TypeError("get_user_id returned an awaitable; this handler needs a plain function")
            outcome = self.plan(request, user, key)
            if isinstance(outcome, ProxyReply):
                return outcome
            client = _pool.sync_client(key, self.api_url)
            return client._driver.run(self.flow(client, outcome))
        except Exception:
            logger.exception("lumen proxy: request failed")
            return INTERNAL

    async def handle_async(self, request: ProxyRequest,
                           get_user: Callable[[], object | Awaitable[object]]) -> ProxyReply:
        try:
            key = self._key()
            if key is None:
                return NO_KEY
            user = get_user()
            if inspect.isawaitable(user):
                user = await user
            outcome = self.plan(request, user, key)
            if isinstance(outcome, ProxyReply):
                return outcome
            client = _pool.async_client(key, self.api_url)
            return await client._driver.run(self.flow(client, outcome))
        except Exception:
            logger.exception("lumen proxy: request failed")
            return INTERNAL


def _discard(awaitable: object) -> None:
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()  # no "coroutine was never awaited" warning


def _check_invoice(client: _LumenOps, up: Upstream) -> Flow[ProxyReply | None]:
    """None when the invoice is the user's; else the reply to send instead."""
    response = yield from client._forward("GET", "customers/portal/overview",
                                          params={"externalCustomerId": up.user_id})
    if response.status_code >= 500:
        return relay_error(response, up.api_key)
    data = _json(response.content) if response.status_code == 200 else None
    portal = data.get("portal", data) if isinstance(data, Mapping) else {}
    invoices = portal.get("invoices") if isinstance(portal, Mapping) else None
    if any(isinstance(inv, Mapping) and inv.get("id") == up.invoice_id for inv in invoices or ()):
        return None
    return INVOICE_NOT_FOUND


def _json(content: bytes) -> Any:
    try:
        return json.loads(content) if content else None
    except ValueError:
        return None

"""What of an upstream Lumen response the proxy hands to the browser.

The browser is not trusted with upstream bytes: an upstream (or a gateway in front of it) may
echo the request's ``Authorization`` header, the API key, cookies or a stack trace in an error
page. So:

- a non-2xx answer becomes a body paywire builds from allow-listed parts only:
  ``{"error": <message>, "status": <upstream status>, "requestId": <id>}``. The message is the
  upstream ``error`` only when it is one of Lumen's documented constant messages
  (:data:`KNOWN_ERRORS`, compared exactly), else the status's standard phrase; ``requestId``
  only when the upstream ``X-Request-Id`` is a short plain token. Nothing else of the upstream
  body (``details``, echoed headers, HTML) is kept;
- a 2xx JSON body is relayed (that is the proxy's job: the user's own data), unless it contains
  the API key, which turns it into a 502;
- upstream headers are dropped except :data:`RELAYED_HEADERS` (``Retry-After`` as plain
  seconds, so a browser can back off on 429/503). ``Set-Cookie`` is never relayed: the browser
  has no session with Lumen, only with your backend.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import httpx

__all__ = ["KNOWN_ERRORS", "RELAYED_HEADERS", "ProxyReply", "relay", "relay_error"]

#: Lumen's documented error messages for the proxied routes (constant strings, no user data).
KNOWN_ERRORS: frozenset[str] = frozenset({
    "Customer not found",
    "Subscription not found",
    "No active subscription",
    "No active subscription found",
    "Invoice not found",
    "Payment method not found",
    "Payment method is linked to an active subscription and cannot be removed",
    "Failed to get file info",
    "Invalid request",
    "Unauthorized",
    "Forbidden",
})

# Only a small error body is worth parsing for a known message; a huge one is discarded unread.
MAX_ERROR_PARSE_BYTES = 16 * 1024
_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_DELTA_SECONDS = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True)
class ProxyReply:
    """What an adapter sends to the browser: status, a JSON body, extra headers."""

    status: int
    body: Any
    headers: tuple[tuple[str, str], ...] = ()


def _retry_after(value: str) -> str | None:
    value = value.strip()
    return value if _DELTA_SECONDS.fullmatch(value) else None


#: Upstream response header -> the check its value must pass to be relayed (else dropped).
RELAYED_HEADERS: Mapping[str, Callable[[str], str | None]] = {"retry-after": _retry_after}

UNSAFE_UPSTREAM = ProxyReply(502, {"error": "Invalid upstream response", "status": 502})


def relay(response: httpx.Response, api_key: str) -> ProxyReply:
    """The browser's reply for an upstream response (see the module docstring)."""
    status = response.status_code
    if not 200 <= status < 300:
        return relay_error(response, api_key)
    content = response.content
    if api_key and api_key.encode() in content:
        return UNSAFE_UPSTREAM
    try:
        data = json.loads(content) if content else None
    except ValueError:
        data = None  # as the original: a non-JSON body (a PDF, HTML) becomes {}
    return ProxyReply(status, data or {}, _headers(response, api_key))


def relay_error(response: httpx.Response, api_key: str) -> ProxyReply:
    """A paywire-built error body for a non-2xx upstream answer; no upstream bytes in it."""
    status = response.status_code
    body: dict[str, Any] = {"error": _message(response), "status": status}
    request_id = response.headers.get("x-request-id", "")
    if _REQUEST_ID.fullmatch(request_id) and not (api_key and api_key in request_id):
        body["requestId"] = request_id
    return ProxyReply(status, body, _headers(response, api_key))


def _message(response: httpx.Response) -> str:
    content = response.content
    if 0 < len(content) <= MAX_ERROR_PARSE_BYTES:
        try:
            data = json.loads(content)
        except ValueError:
            data = None
        message = data.get("error") if isinstance(data, Mapping) else None
        if isinstance(message, str) and message in KNOWN_ERRORS:
            return message
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return "Upstream error"


def _headers(response: httpx.Response, api_key: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for name, check in RELAYED_HEADERS.items():
        value = response.headers.get(name)
        safe = check(value) if value is not None else None
        if safe is not None and not (api_key and api_key in safe):
            out.append((name.title(), safe))
    return tuple(out)

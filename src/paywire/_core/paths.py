"""Path parameters become exactly one URL path segment, or a typed error before any I/O.

Every URL paywire builds from a caller's id goes through :func:`path_segment`: the generated
clients' request builders call it (``openapi/templates/endpoint_module.py.jinja``) and so do
the few paths the facades build by hand. Why one function: an id of ``..`` used to be
interpolated as is, httpx removed the dot segment, and ``set_customer_status(customer_id="..")``
suspended the *account* one level up. Percent-encoding alone cannot fix that, because ``.`` is
an unreserved character (RFC 3986 §2.3) that encoders leave alone and that normalisers treat
as a dot segment even when written ``%2E`` (§6.2.2.2); such values are refused instead.

Accepted values are percent-encoded with no safe characters, so ``/ ? # %`` and everything
outside the unreserved set (spaces, unicode as UTF-8) stay inside the one segment:
``"a/b"`` -> ``"a%2Fb"``, ``"%2e%2e"`` -> ``"%252e%252e"``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from paywire._core.errors import ValidationError

#: Longest id accepted, in characters. Real ids of the four APIs are < 100 characters; the
#: limit keeps a URL far below httpx's 65,536-character component limit (a 100,000-character
#: id raised ``httpx.InvalidURL`` mid-request) even when every character encodes to 12 bytes.
MAX_SEGMENT_CHARS = 1024

_DOT_SEGMENTS = frozenset({".", ".."})
# Most ids are plain (``cus_01HZ...``): those skip quote(), which would return them unchanged.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PathParameterError(ValidationError):
    """A path parameter cannot be sent as one URL segment (empty, ``.``/``..``, too long,
    control characters, not text). Raised before any request; ``field`` names the parameter.

    The message never repeats the value: ids can be long, and some are sensitive."""


def path_segment(value: object, name: str) -> str:
    """``value`` as exactly one percent-encoded path segment; :class:`PathParameterError` if it
    cannot be one. ``name`` is the parameter's name, used in the error."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        # bool is an int subclass, but True -> "True" is never a meant id.
        raise PathParameterError(f"{name} must be a string, got {type(value).__name__}", field=name)
    text = value if isinstance(value, str) else str(value)
    if len(text) <= MAX_SEGMENT_CHARS and text not in _DOT_SEGMENTS and _UNRESERVED.fullmatch(text):
        return text
    if not text.strip():
        raise PathParameterError(f"{name} must not be empty or blank", field=name)
    if text in _DOT_SEGMENTS:
        raise PathParameterError(
            f"{name} must not be '.' or '..': URL normalisation would move the request to another endpoint",
            field=name,
        )
    if len(text) > MAX_SEGMENT_CHARS:
        raise PathParameterError(
            f"{name} is {len(text)} characters long; at most {MAX_SEGMENT_CHARS} are accepted", field=name
        )
    if _CONTROL.search(text):
        # An encoded NUL/CR/LF is one segment on the wire, but servers and proxies truncate or
        # split on them after decoding; no real id contains one.
        raise PathParameterError(f"{name} must not contain control characters", field=name)
    try:
        return quote(text, safe="", encoding="utf-8", errors="strict")
    except UnicodeEncodeError:  # lone surrogates cannot be sent at all
        raise PathParameterError(f"{name} is not valid unicode text (lone surrogate)", field=name) from None

"""Keep secrets out of logs, reprs and exception text.

Every client registers the secrets it holds (API keys, bearer/refresh/session tokens,
passwords, signatures) with :func:`register_secret`; :func:`redact` replaces any of them, and
anything that looks like a bearer credential, with ``[REDACTED]``. The ``paywire`` logger runs
every record through :class:`RedactingFilter`, and exceptions redact their own message.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

MASK = "[REDACTED]"
_MAX_SECRETS = 512
_MIN_LEN = 6  # shorter strings would mask ordinary words

_lock = threading.Lock()
_secrets: OrderedDict[str, None] = OrderedDict()
_pattern: re.Pattern[str] | None = None

_GENERIC = re.compile(
    r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{6,}"
    r"|((?:x-api-key|x-provider-api-key|x-provider-session|authorization|api_key|password|refresh_token|access_token|session_token|signature)[\"']?\s*[:=]\s*[\"']?(?:bearer\s+)?)[^\s\"',}]{4,}"
)


def register_secret(value: str | None) -> None:
    """Remember a secret so it is masked wherever paywire prints text."""
    global _pattern
    if not value or len(value) < _MIN_LEN:
        return
    with _lock:
        if value in _secrets:
            _secrets.move_to_end(value)
            return
        _secrets[value] = None
        while len(_secrets) > _MAX_SECRETS:  # tokens rotate; keep the recent ones
            _secrets.popitem(last=False)
        _pattern = None


def _compiled() -> re.Pattern[str] | None:
    global _pattern
    with _lock:
        if _pattern is None and _secrets:
            ordered = sorted(_secrets, key=len, reverse=True)
            _pattern = re.compile("|".join(re.escape(s) for s in ordered))
        return _pattern


def redact(text: str) -> str:
    if not text:
        return text
    pattern = _compiled()
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _GENERIC.sub(lambda m: (m.group(1) or m.group(2) or "") + MASK, text)


def mask(value: str | None) -> str:
    """How a secret appears in a repr: its first four characters and a mask."""
    if not value:
        return repr(value)
    return repr(value[:4] + "…" + MASK) if len(value) > 8 else repr(MASK)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message or record.args:
            record.msg = clean
            record.args = None
        return True

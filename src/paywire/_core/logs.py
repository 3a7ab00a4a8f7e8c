"""The ``paywire`` logger and SPAPS-style logging hooks.

``PAYWIRE_LOG=debug`` (or ``info``) turns on a stderr handler for the ``paywire`` logger.
Hooks receive keyword arguments only (method, url, attempt, ...) and never the raw request, so
a hook cannot leak an auth header by accident; URLs pass through redaction first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from paywire._core.redact import RedactingFilter


def get_logger(name: str = "paywire") -> logging.Logger:
    """A ``paywire`` logger with the redacting filter attached.

    Use this, never ``logging.getLogger``, inside paywire: a filter on the ``paywire`` logger
    does not apply to records of its children (``paywire.entitlements``) that propagate up, so
    each logger carries its own.
    """
    log = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in log.filters):
        log.addFilter(RedactingFilter())
    return log


logger = get_logger("paywire")

_configured = False


def setup_logging() -> None:
    """Honour ``PAYWIRE_LOG`` once per process (called when the first client is built)."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("PAYWIRE_LOG", "").strip().lower()
    if level in ("debug", "info"):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler.addFilter(RedactingFilter())
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


Hook = Callable[..., Any]


@dataclass(frozen=True)
class LoggingHooks:
    """Callbacks around each HTTP attempt (all optional, all keyword-only arguments).

    - ``on_request(method, url, attempt)``
    - ``on_response(method, url, status_code, elapsed, attempt, request_id)``
    - ``on_retry(method, url, attempt, delay, reason)``
    - ``on_error(method, url, attempt, error)``

    A hook that raises is logged and ignored: observability must never break a payment.
    """

    on_request: Hook | None = None
    on_response: Hook | None = None
    on_retry: Hook | None = None
    on_error: Hook | None = None

    @property
    def active(self) -> bool:
        """Whether any hook is set (the core skips building hook arguments otherwise)."""
        return any(h is not None for h in (self.on_request, self.on_response, self.on_retry, self.on_error))

    def emit(self, name: str, **fields: Any) -> None:
        hook = getattr(self, name)
        if hook is None:
            return
        try:
            hook(**fields)
        except Exception:
            logger.exception("paywire logging hook %s failed", name)


def default_logging_hooks(log: logging.Logger | None = None) -> LoggingHooks:
    """Hooks that write one structured line per event to the ``paywire`` logger."""
    target = log or logger

    def on_request(*, method: str, url: str, attempt: int) -> None:
        target.info("request method=%s url=%s attempt=%d", method, url, attempt)

    def on_response(*, method: str, url: str, status_code: int, elapsed: float, attempt: int,
                    request_id: str | None) -> None:
        target.info("response method=%s url=%s status=%d elapsed_ms=%.1f attempt=%d request_id=%s",
                    method, url, status_code, elapsed * 1000, attempt, request_id)

    def on_retry(*, method: str, url: str, attempt: int, delay: float, reason: str) -> None:
        target.warning("retry method=%s url=%s attempt=%d delay_s=%.3f reason=%s",
                       method, url, attempt, delay, reason)

    def on_error(*, method: str, url: str, attempt: int, error: BaseException) -> None:
        target.error("error method=%s url=%s attempt=%d error=%s", method, url, attempt, error)

    return LoggingHooks(on_request, on_response, on_retry, on_error)


NO_HOOKS = LoggingHooks()

"""The core options every facade client takes as keywords and hands to :class:`BaseClient` unchanged.

Declared once, as a ``TypedDict``, so a facade constructor writes ``**options: Unpack[ClientOptions]``
instead of repeating the parameters (and their types) for each service; mypy still checks every
keyword a caller passes, and an unknown one is still a ``TypeError``. Options a facade resolves
itself (``timeout`` from its environment variable, ``transport`` that Vellum adapts,
``allow_insecure_http`` for its base URL) stay in its own signature.
"""

from __future__ import annotations

from typing import TypedDict

from paywire._core.client import HttpBackend
from paywire._core.logs import LoggingHooks
from paywire._core.retries import RetryConfig


class ClientOptions(TypedDict, total=False):
    #: the retry policy (default: 3 attempts, full jitter, ``Retry-After``)
    retry_config: RetryConfig | None
    #: shorthand for ``retry_config.with_max_retries(n)``
    max_retries: int | None
    #: request / response / retry / error callbacks (``paywire.default_logging_hooks()``)
    logging_hooks: LoggingHooks | None
    #: the async clients' HTTP library (``"asyncio"``: paywire's own wire, the default; ``"aiohttp"``; ``"httpx"``)
    http_backend: HttpBackend | None

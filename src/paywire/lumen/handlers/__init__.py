"""Backend proxy handlers: let the browser read its own Lumen data without your API key.

    from paywire.lumen.handlers import lumen_flask_handler, lumen_fastapi_handler, lumen_django_handler

Same factories and arguments as ``lumen.handlers`` (lumen-python-sdk), plus
``max_body_bytes`` (default 1 MiB: a larger request body is refused with 413 before it is read);
the rules they enforce are in :mod:`paywire.lumen._proxy`. Differences from the original a
frontend may notice: an upstream error reaches the browser as ``{"error", "status"[,
"requestId"]}`` built by paywire (the original relayed the upstream body verbatim, echoed
secrets included), and only ``Retry-After`` of the upstream headers is relayed. Importing this package imports no web framework; each
factory imports its own framework when it is called.
"""

from __future__ import annotations

from paywire.lumen._proxy import SUPPORTED_PATHS
from paywire.lumen.handlers.django_handler import lumen_django_handler
from paywire.lumen.handlers.fastapi_handler import lumen_fastapi_handler
from paywire.lumen.handlers.flask_handler import lumen_flask_handler

__all__ = ["SUPPORTED_PATHS", "lumen_django_handler", "lumen_fastapi_handler", "lumen_flask_handler"]

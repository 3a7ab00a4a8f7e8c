"""Per-request faults: ``X-Paywire-Fault: status=503`` applies a fault to that one request.

Grammar: ``key=value`` pairs separated by ``;``::

    X-Paywire-Fault: status=503
    X-Paywire-Fault: status=429; retry_after=3
    X-Paywire-Fault: latency=200ms            (also 1.5s, or a bare number of ms)
    X-Paywire-Fault: drop=after-commit        (or drop=before: nothing is committed)

The result is a one-shot :class:`Fault`, checked by the same schema as ``POST /_sandbox/faults``,
so a test needs no second call to arm it. A malformed header is a 400 naming the problem.
"""

from __future__ import annotations

import re

from paywire.sandbox import control_schemas
from paywire.sandbox._framework import Fault

HEADER = "x-paywire-fault"
_LATENCY = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?\Z")
_DROPS = {"before": "before", "before-handler": "before", "after": "after", "after-commit": "after"}


def parse(value: str) -> Fault:
    """The header's fault; ControlInputError (a ValueError) when malformed."""
    fields: dict[str, object] = {}
    for part in value.split(";"):  # not ",": an HTTP-date Retry-After contains one
        if not part.strip():
            continue
        key, sep, raw = part.partition("=")
        key, raw = key.strip().lower(), raw.strip()
        if not sep or not raw:
            raise control_schemas.ControlInputError(f"X-Paywire-Fault: expected key=value, got {part.strip()!r}")
        if key in fields or (key == "latency" and "latency_ms" in fields):
            raise control_schemas.ControlInputError(f"X-Paywire-Fault: {key} given twice")
        if key == "status":
            if not raw.isdigit():
                raise control_schemas.ControlInputError("X-Paywire-Fault: status must be an integer")
            fields["status"] = int(raw)
        elif key in ("latency", "latency_ms"):
            m = _LATENCY.match(raw)
            if m is None:
                raise control_schemas.ControlInputError("X-Paywire-Fault: latency must look like 200ms or 1.5s")
            fields["latency_ms"] = float(m.group(1)) * (1000 if m.group(2) == "s" else 1)
        elif key == "drop":
            if raw.lower() not in _DROPS:
                raise control_schemas.ControlInputError(f"X-Paywire-Fault: drop must be one of {sorted(_DROPS)}")
            fields["reset"] = _DROPS[raw.lower()]
        elif key == "retry_after":
            fields["retry_after"] = raw
        else:
            raise control_schemas.ControlInputError(
                f"X-Paywire-Fault: unknown key {key!r}; known: drop, latency, retry_after, status")
    if not fields:
        raise control_schemas.ControlInputError("X-Paywire-Fault: empty")
    control_schemas.check("POST", "faults", fields)  # the same bounds as the control plane
    return Fault("header", 1, float(fields.get("latency_ms", 0.0)),  # type: ignore[arg-type]
                 fields.get("status"), None, fields.get("retry_after"), fields.get("reset"), 1)  # type: ignore[arg-type]

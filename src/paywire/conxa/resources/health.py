"""Health: ``health_check`` (a bool, never raises, as in the seed)."""

from __future__ import annotations

from paywire._core import Flow, PaywireError, operation
from paywire.conxa.errors import ConxaResponseValidationError
from paywire.conxa.resources._base import ConxaBase


class HealthOps(ConxaBase):
    @operation
    def health_check(self) -> Flow[bool]:
        """True only for a 200 ``{"status": "ok"}``; never raises (as in the seed)."""
        # generated code is imported on first call (resources/_base.py)
        from paywire_gen_conxa_v1.api.health import health_check as gen_health_check

        try:
            response = yield from self._call(gen_health_check.build_request())
            status = gen_health_check.parse_response(response, ConxaResponseValidationError).status
        except PaywireError:  # malformed answers included: the seed's contract is a bool
            return False
        return status == "ok"

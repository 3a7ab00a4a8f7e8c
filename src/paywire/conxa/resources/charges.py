"""Charges: exactly once per idempotency key (see ``paywire.conxa.client``'s module doc)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paywire._core import Flow, operation, register_secret
from paywire._core.waits import wait_while_in_progress
from paywire.conxa.errors import (
    ConxaResponseValidationError,
    ForbiddenError,
    IdempotencyConflictError,
    InsufficientBalanceError,
)
from paywire.conxa.models import ChargeResult
from paywire.conxa.resources._base import ConxaBase, count, text
from paywire.conxa.resources._base import idempotency_key as check_idempotency_key
from paywire.conxa.resources._base import session_token as check_session_token

if TYPE_CHECKING:  # generated code is imported in the operation (see resources/_base.py)
    from paywire_gen_conxa_v1.types import RequestSpec

#: How long ``charge`` keeps asking about a key that is in progress (409) when the retry
#: config sets no ``deadline``.
CHARGE_DEADLINE = 60.0


class ChargesOps(ConxaBase):
    @operation
    def charge(
        self,
        session_token: str,
        idempotency_key: str,
        model_name: str,
        input_tokens: int,
        output_tokens: int,
    ) -> Flow[ChargeResult]:
        """Charge the connected wallet, exactly once per ``idempotency_key`` (see module doc).

        Returns ``ChargeResult(approved=True, new_balance=…)``, or ``approved=False`` for 402
        (insufficient balance) and 403 (spending limit / no permission).
        """
        # generated code is imported on first call (resources/_base.py)
        from paywire_gen_conxa_v1.api.charges import authorize_charge as gen_authorize_charge
        from paywire_gen_conxa_v1.models import ChargeRequest

        token = check_session_token(session_token)
        key = check_idempotency_key(idempotency_key)
        body = ChargeRequest(model_name=text(model_name, "model_name"),
                             input_tokens=count(input_tokens, "input_tokens"),
                             output_tokens=count(output_tokens, "output_tokens"))
        register_secret(token)
        # Built once: every attempt and every ask after a 409 carries the same idempotency key.
        spec = gen_authorize_charge.build_request(body=body, x_provider_session=token, x_idempotency_key=key)
        policy = self._retry
        # A 409 means the first request with this key is still running: ask again, same key.
        return (yield from wait_while_in_progress(
            lambda: self._charge_once(spec), in_progress=IdempotencyConflictError,
            response_of=lambda exc: exc.http_response, policy=policy,
            deadline=self._clock() + (policy.deadline or CHARGE_DEADLINE), clock=self._clock))

    def _charge_once(self, spec: RequestSpec) -> Flow[ChargeResult]:
        from paywire_gen_conxa_v1.api.charges import authorize_charge as gen_authorize_charge

        try:
            response = yield from self._call(spec, retry_safe=True)
        except (InsufficientBalanceError, ForbiddenError) as exc:
            return ChargeResult(approved=False, new_balance=exc.current_balance or 0,
                                error_code=exc.error_code, error=str(exc))
        return ChargeResult.from_model(gen_authorize_charge.parse_response(response, ConxaResponseValidationError))


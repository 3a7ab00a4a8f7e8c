"""The CONXA ``ServiceApp`` (spec ``conxa/v1.yaml`` under ``/conxa``) and what every handler
needs from a request: the state and the provider its ``X-Provider-API-Key`` names."""

from __future__ import annotations

from paywire.sandbox._framework import Ctx
from paywire.sandbox.conxa.state import ConxaState, Provider
from paywire.sandbox.conxa.views import error_body
from paywire.sandbox.service_kit import service_app

conxa = service_app("conxa", "v1", state_factory=ConxaState, error_body=error_body,
                    validation_status=422, validation_code="VALIDATION_ERROR",
                    auth_status=401, auth_code="INVALID_API_KEY")


def state(ctx: Ctx) -> ConxaState:
    st: ConxaState = ctx.state
    return st


def provider(ctx: Ctx) -> Provider:
    """The provider whose API key the request carries (401 ``INVALID_API_KEY`` otherwise)."""
    return state(ctx).provider_for_key(ctx.header("X-Provider-API-Key"))

"""The CONXA ``ServiceApp`` (spec ``conxa/v1.yaml`` under ``/conxa``) and what every handler
needs from a request: the state and the provider its ``X-Provider-API-Key`` names."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import Clock, Ctx
from paywire.sandbox.conxa.views import error_body
from paywire.sandbox.service_kit import service_app

if TYPE_CHECKING:
    from paywire.sandbox.conxa.state import ConxaState, Provider


def _load() -> Callable[[Clock], Any]:
    """Import the handler and control modules (they register on ``conxa``); the state class."""
    from paywire.sandbox.conxa import controls, handlers  # noqa: F401
    from paywire.sandbox.conxa.state import ConxaState

    return ConxaState


conxa = service_app("conxa", "v1", load=_load, error_body=error_body,
                    validation_status=422, validation_code="VALIDATION_ERROR",
                    auth_status=401, auth_code="INVALID_API_KEY")


def state(ctx: Ctx) -> ConxaState:
    st: ConxaState = ctx.state
    return st


def provider(ctx: Ctx) -> Provider:
    """The provider whose API key the request carries (401 ``INVALID_API_KEY`` otherwise)."""
    return state(ctx).provider_for_key(ctx.header("X-Provider-API-Key"))

"""The Lumen ``ServiceApp`` (spec ``lumen/v1.yaml`` under ``/lumen``) and what every handler
needs from a request: the authenticated state, the JSON body, Lumen's error answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import ApiError, Clock, Ctx
from paywire.sandbox.service_kit import service_app

if TYPE_CHECKING:
    from paywire.sandbox.lumen.state import LumenState


def _error_body(status: int, code: str, message: str) -> dict[str, Any]:
    if code == "VALIDATION_ERROR":
        return {"error": "Invalid request", "details": message}
    if code == "UNAUTHORIZED":
        return {"error": "Unauthorized", "details": message}
    return {"error": message}


def _load() -> Callable[[Clock], Any]:
    """Import the handler and control modules (they register on lumen_v1); the state class."""
    from paywire.sandbox.lumen import controls, handlers  # noqa: F401
    from paywire.sandbox.lumen.state import LumenState

    return LumenState


lumen_v1 = service_app("lumen", "v1", load=_load, error_body=_error_body, validation_status=400)


def state(ctx: Ctx) -> LumenState:
    """The request's Lumen state, once its ``Authorization: Bearer <secret key>`` is known."""
    st: LumenState = ctx.state
    auth = ctx.header("authorization") or ""
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or token.strip() not in st.api_keys:
        raise ApiError(401, "UNAUTHORIZED", "Invalid API key")
    return st


def not_found(message: str = "Customer not found") -> ApiError:
    return ApiError(404, "NOT_FOUND", message)


def bad_request(error: str, details: str | None = None) -> ApiError:
    body: dict[str, Any] = {"error": error}
    if details is not None:
        body["details"] = details
    return ApiError(400, "BAD_REQUEST", error, body=body)


def json_body(ctx: Ctx) -> dict[str, Any]:
    return ctx.json if isinstance(ctx.json, dict) else {}


def parse_iso(value: str) -> float | None:
    """An ISO 8601 date-time as a timestamp (naive means UTC); ``None`` if it is not one."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.timestamp()

"""The two Vellum services as the server routes them (see :mod:`.apps` for how handlers
register on them), declared without importing the handlers or the state, which :func:`_load`
brings in on the first request, control or state access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paywire.sandbox._framework import Clock, ServiceApp


def _load() -> Callable[[Clock], Any]:
    """Import the handler and control modules (they register on both apps); the state class."""
    from paywire.sandbox.vellum import controls, handlers  # noqa: F401
    from paywire.sandbox.vellum.state import VellumState

    return VellumState


def _error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": message, "code": code}


#: service name -> the API version (contract) it serves
VERSIONS: dict[str, str] = {}


def _service(version: str, prefix: str) -> ServiceApp:
    app = ServiceApp(
        name=f"vellum-{version}",
        prefix=prefix,
        spec=f"vellum/{version}.yaml",
        state_key="vellum",
        load=_load,
        error_body=_error_body,
        validation_status=400,
        validation_code="BAD_REQUEST",
    )
    VERSIONS[app.name] = version
    return app


vellum_v1 = _service("v1", "/vellum")
vellum_v2 = _service("v2", "/vellum-v2")
APPS: tuple[ServiceApp, ...] = (vellum_v1, vellum_v2)

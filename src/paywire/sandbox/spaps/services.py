"""The SPAPS services as the server routes them: one ``ServiceApp`` per pinned contract (see
:mod:`.apps` for how handlers register on them), declared without importing the handlers or the
state, which :func:`_load` brings in on the first request, control or state access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paywire._features import PinnedFeatures, pinned_features
from paywire.sandbox._framework import Clock, ServiceApp

#: the pinned SPAPS contract one app serves (version + features, the facade's table)
Contract = PinnedFeatures


def _load() -> Callable[[Clock], Any]:
    """Import the handler and control modules (they register on the apps); the state class."""
    from paywire.sandbox.spaps import controls, handlers  # noqa: F401
    from paywire.sandbox.spaps.state import SpapsState

    return SpapsState


def error_body(status: int, code: str, message: str, request_id: str | None = None) -> dict[str, Any]:
    if request_id is None:
        from paywire.sandbox.spaps.state import new_id

        request_id = new_id("req", 8)
    return {"success": False, "error": {"code": code, "message": message},
            "metadata": {"request_id": request_id}}


def service_app(name: str, prefix: str, version: str) -> tuple[ServiceApp, Contract]:
    """The app serving one pinned contract: every app shares the state ``"spaps"``, the error
    envelope and the 400/401 answers of the framework's checks."""
    app = ServiceApp(
        name=name,
        prefix=prefix,
        spec=f"spaps/{version}.yaml",
        state_key="spaps",
        load=_load,
        error_body=error_body,
        validation_status=400,
        validation_code="VALIDATION_ERROR",
        auth_status=401,
        auth_code="UNAUTHORIZED",
    )
    return app, pinned_features("spaps", version)


spaps, SEED_CONTRACT = service_app("spaps", "/spaps", "2025-11")
spaps_2026_10, CONTRACT_2026_10 = service_app("spaps-2026-10", "/spaps-2026-10", "2026-10")
#: every SPAPS app with the contract it serves, oldest first
APPS: tuple[tuple[ServiceApp, Contract], ...] = ((spaps, SEED_CONTRACT), (spaps_2026_10, CONTRACT_2026_10))



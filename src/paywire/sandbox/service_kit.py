"""What a service sandbox declares itself with, beyond the framework's ``ServiceApp``:
:func:`service_app` (the app of a service named once) and helpers for its control-plane actions
(``@app.control``, ``/_sandbox/<service>/<action>``), so each declaration says only what differs.

Every POST control body has already passed its schema in ``control_schemas`` (an object with
the declared fields) before a control runs; :func:`control_object` narrows the type and keeps a
direct Python call (a timed action, a test) from passing something else silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from paywire.sandbox._framework import Clock, ErrorBody, ServiceApp
from paywire.sandbox.control_schemas import ControlInputError

S = TypeVar("S")
T = TypeVar("T")


def service_app(
    service: str,
    version: str,
    *,
    state_factory: Callable[[Clock], Any],
    error_body: ErrorBody,
    **answers: Any,
) -> ServiceApp:
    """The ``ServiceApp`` of a service served once, under its own name: ``/<service>`` serves
    ``openapi/<service>/<version>.yaml`` on state key ``<service>``. ``answers`` are the
    framework's validation/auth status and code choices (``validation_status=422``...)."""
    return ServiceApp(name=service, prefix=f"/{service}", spec=f"{service}/{version}.yaml", state_key=service,
                      state_factory=state_factory, error_body=error_body, **answers)


def control_object(body: Any) -> dict[str, Any]:
    """A control's JSON body as a dict (400 ``ControlInputError`` if it is not an object)."""
    if not isinstance(body, dict):
        raise ControlInputError("expected a JSON object")
    return body


def setting_control(
    app: ServiceApp,
    action: str,
    *,
    read: Callable[[dict[str, Any]], T],
    apply: Callable[[S, T], None],
    answer: Callable[[S], dict[str, Any]],
) -> None:
    """Register ``POST /_sandbox/<service>/<action>`` for one setting of the service's state:
    ``read`` takes the value from the body, ``apply`` sets it (validating it), ``answer`` says
    what the setting is now."""

    def control(st: S, body: Any) -> dict[str, Any]:
        apply(st, read(control_object(body)))
        return answer(st)

    control.__name__ = control.__qualname__ = f"control_{action}"
    control.__doc__ = f"POST /_sandbox/{app.name}/{action}"
    app.control(action)(control)

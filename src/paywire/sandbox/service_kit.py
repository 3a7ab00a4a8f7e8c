"""What a service sandbox declares itself with, beyond the framework's ``ServiceApp``:
:func:`service_app` (the app of a service named once) and helpers for its control-plane actions
(``@app.control``, ``/_sandbox/<service>/<action>``), so each declaration says only what differs.

Every POST control body has already passed its schema in ``control_schemas`` (an object with
the declared fields) before a control runs; :func:`control_object` narrows the type and keeps a
direct Python call (a timed action, a test) from passing something else silently.
"""

from __future__ import annotations

import importlib
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
    load: Callable[[], Callable[[Clock], Any]],
    error_body: ErrorBody,
    **answers: Any,
) -> ServiceApp:
    """The ``ServiceApp`` of a service served once, under its own name: ``/<service>`` serves
    ``openapi/<service>/<version>.yaml`` on state key ``<service>``. ``load`` imports the
    handlers and controls and returns the state factory, on the service's first use (see
    ``ServiceApp``). ``answers`` are the framework's validation/auth status and code choices
    (``validation_status=422``...)."""
    return ServiceApp(name=service, prefix=f"/{service}", spec=f"{service}/{version}.yaml", state_key=service,
                      load=load, error_body=error_body, **answers)


def public_name(package: str, name: str) -> Any:
    """A service package's public name, from its ``exports`` module (the package's
    ``__getattr__``: importing the package declares only its ServiceApps, the rest loads on
    first use)."""
    # import_module, not ``from <package> import exports``: that asks the package's
    # __getattr__ for ``exports`` again, and so would every ``from <package> import <module>``
    # inside exports while it is importing (it gets the half-made module here, then the
    # AttributeError below, and Python imports the submodule).
    exports = importlib.import_module(f"{package}.exports")
    if name in getattr(exports, "__all__", ()):  # no __all__ yet: exports itself is importing
        return getattr(exports, name)
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


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

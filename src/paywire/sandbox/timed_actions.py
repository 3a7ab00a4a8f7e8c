"""Timed script actions: "expire this session in 5 s of sandbox time".

A timed action is a per-service control (any ``POST /_sandbox/<service>/<action>``, e.g.
``conxa/expire`` or ``spaps/expire_access_tokens``) with its body, due at a sandbox-clock time.
It fires once the namespace's clock has passed that time, whether the clock moved by wall time
or by ``POST /_sandbox/clock``: due actions run (in due order) before any request of the
namespace touches state, on every clock advance, and whenever a test reads the state.

    POST /_sandbox/schedule {"in_seconds": 5, "control": "conxa/expire",
                             "body": {"provider_username": "alice"}}

The body is checked against the control's own schema when the action is scheduled, so a typo is
a 400 now rather than a silent failure later. An action that fails when it fires (the user it
names is gone) is recorded with its error in ``GET /_sandbox/schedule``; it never breaks the
request that happened to trigger it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from paywire.sandbox import control_schemas

if TYPE_CHECKING:
    from paywire.sandbox.namespace import Namespace

#: (service name, action) -> (fn(state, body), the service's state key); KeyError when unknown.
ControlLookup = Callable[[str, str], tuple[Callable[[Any, Any], Any], str]]


@dataclass
class TimedAction:
    id: int
    due: float  # sandbox-clock time (epoch seconds)
    control: str  # "<service name>/<action>"
    body: dict[str, Any] = field(default_factory=dict)
    fired_at: float | None = None
    result: Any = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "due": self.due, "control": self.control, "body": self.body,
                               "fired": self.fired_at is not None}
        if self.fired_at is not None:
            out["fired_at"] = self.fired_at
            out["result" if self.error is None else "error"] = self.result if self.error is None else self.error
        return out


class Schedule:
    """The timed actions of one namespace."""

    def __init__(self, ns: Namespace, controls: ControlLookup) -> None:
        self._ns = ns
        self._controls = controls
        self.actions: list[TimedAction] = []
        self._next_id = 1
        self._running = threading.local()

    def add(self, control: str, body: dict[str, Any] | None = None, *, in_seconds: float | None = None,
            at: float | None = None) -> TimedAction:
        """Schedule ``control`` (``"conxa/expire"``) ``in_seconds`` from now on the sandbox clock
        (or ``at`` a sandbox-clock time)."""
        body = {} if body is None else body
        control_schemas.check("POST", "schedule", {"control": control, "body": body, "in_seconds": in_seconds,
                                                   "at": at})
        if (in_seconds is None) == (at is None):
            raise control_schemas.ControlInputError("POST /_sandbox/schedule: give exactly one of in_seconds or at")
        service, _, action = control.partition("/")
        try:
            self._controls(service, action)
        except KeyError:
            raise control_schemas.ControlInputError(
                f"POST /_sandbox/schedule: control: no control POST /_sandbox/{control}") from None
        control_schemas.check("POST", control, body)  # the control's own schema, checked now
        due = self._ns.clock.now() + in_seconds if in_seconds is not None else float(at)  # type: ignore[arg-type]
        with self._ns.lock:
            action_ = TimedAction(self._next_id, due, control, dict(body))
            self._next_id += 1
            self.actions.append(action_)
        return action_

    def run_due(self) -> list[TimedAction]:
        """Fire every pending action whose time has come (earliest first)."""
        if getattr(self._running, "active", False):  # a firing action reads state itself
            return []
        now = self._ns.clock.now()
        if not any(a.fired_at is None and a.due <= now for a in self.actions):
            return []
        fired: list[TimedAction] = []
        with self._ns.lock:
            self._running.active = True
            try:
                for action in sorted(self.actions, key=lambda a: (a.due, a.id)):
                    if action.fired_at is not None or action.due > now:
                        continue
                    service, _, name = action.control.partition("/")
                    action.fired_at = now
                    try:
                        fn, state_key = self._controls(service, name)
                        action.result = fn(self._ns.state(state_key), dict(action.body))
                    except (KeyError, ValueError, TypeError, ArithmeticError) as exc:
                        action.error = str(exc) or type(exc).__name__
                    fired.append(action)
            finally:
                self._running.active = False
        return fired

    def pending(self) -> list[TimedAction]:
        return [a for a in self.actions if a.fired_at is None]

    def clear(self) -> None:
        self.actions.clear()

    def replace(self, other: Schedule) -> None:
        self.actions = list(other.actions)
        self._next_id = max((a.id for a in self.actions), default=0) + 1

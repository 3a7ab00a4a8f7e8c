"""One isolated sandbox world: per-service state, a clock, fault rules, timed actions, a request log.

A :class:`~paywire.sandbox.app.Sandbox` serves any number of namespaces on one port; a request
picks its namespace with the ``X-Paywire-Namespace`` header or a ``/_ns/<name>`` URL prefix
(``default`` otherwise), so parallel test workers (pytest-xdist) share one server without
seeing each other's users, charges, clock or faults.

A namespace is also the unit of snapshots: :meth:`Namespace.snapshot` returns versioned JSON
of everything in it but the request log, :meth:`Namespace.restore` loads one (see
``snapshot.py`` for the format). Tools that render the sandbox (a dashboard) read a namespace
through :meth:`Namespace.state`, :attr:`requests`, :attr:`faults`, :attr:`clock` and
:attr:`schedule`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import Clock, Faults
from paywire.sandbox.control_schemas import ControlInputError
from paywire.sandbox.timed_actions import ControlLookup, Schedule

if TYPE_CHECKING:
    from paywire.sandbox.app import Sandbox

DEFAULT = "default"
HEADER = "x-paywire-namespace"
URL_PREFIX = "/_ns/"
#: Letters, digits and ``._-``: safe in a URL segment and a header, readable in a log.
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\Z")


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ControlInputError(
            f"namespace {str(name)[:120]!r}: use 1-100 letters, digits, '.', '_' or '-' (starting with a letter "
            "or digit)")
    return name


class Namespace:
    """All state of one namespace (no I/O). Handlers run under :attr:`lock`."""

    def __init__(self, name: str, factories: Mapping[str, Callable[[Clock], Any]],
                 controls: ControlLookup) -> None:
        self.name = name
        self.clock = Clock()
        self.faults = Faults()
        self.requests: list[dict[str, Any]] = []
        self.response_violations: list[str] = []
        self.lock = threading.RLock()
        self._factories = dict(factories)
        # A state is made on its first use (which loads its service, see ServiceApp.load), or
        # before the clock first moves, so it is seeded at the same sandbox time as if it had
        # been made by reset().
        self._states: dict[str, Any] = {}
        self.clock.before_advance = self._make_all_states
        self.schedule = Schedule(self, controls)
        self.reset()

    def state(self, key: str) -> Any:
        """The live state object of one service (``"spaps"``, ``"lumen"``, ``"vellum"``, ``"conxa"``).

        Timed actions that fell due on this namespace's clock run first, so whoever looks at
        the state (a handler, a test, a dashboard) sees them applied."""
        self.schedule.run_due()
        st = self._states.get(key)
        if st is None:
            st = self._make_state(key)
        return st

    def _make_state(self, key: str) -> Any:
        with self.lock:
            st = self._states.get(key)
            if st is None:
                st = self._states[key] = self._factories[key](self.clock)
            return st

    def _make_all_states(self) -> None:
        for key in self._factories:
            if key not in self._states:
                self._make_state(key)

    def state_keys(self) -> list[str]:
        return list(self._factories)

    def reset(self, key: str | None = None) -> None:
        """Fresh seeded state (one service or all); for all: no faults or timed actions, the
        clock rewound, an empty log."""
        with self.lock:
            if key is None:
                self.clock.reset()
                self.faults.clear()
                self.schedule.clear()
                self.requests.clear()
                self.response_violations.clear()
                keys = list(self._factories)
            else:
                keys = [key]
            for k in keys:
                self._factories[k]  # an unknown service is a KeyError, as when states were made here
                self._states.pop(k, None)  # made afresh on first use

    def seed(self, fixtures: dict[str, Any]) -> dict[str, Any]:
        """Add users, keys, plans, tenants, providers, wallets... (see sandbox/fixtures.py)."""
        from paywire.sandbox.fixtures import seed

        with self.lock:
            return seed(self.state, fixtures)

    # -- snapshots ------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """Everything in this namespace but the request log, as versioned JSON (a dict)."""
        from paywire.sandbox import snapshot

        with self.lock:
            self.schedule.run_due()
            return snapshot.take(self)

    def restore(self, data: Any) -> None:
        """Replace this namespace's state with a snapshot; a bad one changes nothing (400)."""
        from paywire.sandbox import snapshot

        with self.lock:
            snapshot.load(self, data)

    def replace(self, states: dict[str, Any], clock_now: float, faults: Faults, schedule: Schedule) -> None:
        """Swap in fully decoded parts (used by ``snapshot.load`` once all of them decoded)."""
        with self.lock:
            self._states = states
            self.clock.set_now(clock_now)
            self.faults.rules[:] = faults.rules
            self.schedule.replace(schedule)

    def new_states(self) -> dict[str, Any]:
        """Freshly seeded states on this namespace's clock (the base a snapshot is laid over)."""
        return {k: factory(self.clock) for k, factory in self._factories.items()}


class Namespaces:
    """The namespaces of one sandbox, created on first use (bounded, so a runaway test suite
    that never drops its namespaces gets a clear 400 instead of eating the machine's memory)."""

    LIMIT = 1000

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._lock = threading.Lock()
        self._by_name: dict[str, Namespace] = {}

    def get(self, name: str = DEFAULT) -> Namespace:
        ns = self._by_name.get(name)
        if ns is not None:
            return ns
        check_name(name)
        with self._lock:
            ns = self._by_name.get(name)
            if ns is None:
                if len(self._by_name) >= self.LIMIT:
                    raise ControlInputError(
                        f"too many sandbox namespaces ({self.LIMIT}); drop finished ones with "
                        "DELETE /_sandbox/namespace")
                ns = self._by_name[name] = Namespace(name, self._sandbox.factories, self._sandbox.control_fn)
            return ns

    def drop(self, name: str) -> bool:
        """Forget a namespace (the default one is reset instead, never removed)."""
        if name == DEFAULT:
            self.get(DEFAULT).reset()
            return True
        with self._lock:
            return self._by_name.pop(name, None) is not None

    def names(self) -> list[str]:
        return sorted(self._by_name)

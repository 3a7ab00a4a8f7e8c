"""Sandbox snapshots: the whole state of one namespace as versioned, forward-compatible JSON.

    {"format": "paywire-sandbox-snapshot", "version": 1,
     "clock": {"now": 1796000000.5},
     "faults": [...], "schedule": [...],
     "states": {"spaps": {...}, "lumen": {...}, "vellum": {...}, "conxa": {...}}}

Each service's state object is written attribute by attribute with a small self-describing
codec: JSON values as they are; dataclass instances as ``{"$type": "conxa.Wallet", "$id": 3,
...fields}`` (a second reference to the same object is ``{"$ref": 3}``, so objects that two
indexes share stay shared after a restore); tuples, sets, Decimals and bytes tagged
(``{"$tuple": [...]}``, ``{"$set": [...]}``, ``{"$decimal": "1.50"}``, ``{"$bytes": "base64"}``);
a dict whose keys are not all plain strings as ``{"$map": [[key, value], ...]}``. Locks, the
clock and random generators are not data: a restore keeps the fresh state's own.

Compatibility rules, so snapshots outlive the sandbox version that wrote them:

* **Unknown fields are ignored**: a top-level key, a state attribute or a dataclass field this
  sandbox does not know (written by a newer one) is skipped.
* **Older snapshots load**: a restore starts from a freshly seeded state and lays the snapshot
  over it, so an attribute the snapshot lacks keeps its seeded value, and a dataclass field it
  lacks takes the field's default. ``version`` says which format wrote it; :data:`MIGRATIONS`
  upgrades older formats step by step (none yet: 1 is the first).
* Only types registered here (the sandbox's own dataclasses) are ever built: a snapshot is
  data, never code, so a restore over HTTP cannot instantiate anything else.

The clock is stored as the sandbox time at the snapshot; a restore sets the clock back to that
moment, so expiries, sessions and subscription periods resume exactly where they were.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import importlib
import math
import pkgutil
import random
import threading
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import Clock, Fault, Faults
from paywire.sandbox.control_schemas import ControlInputError
from paywire.sandbox.timed_actions import Schedule, TimedAction

if TYPE_CHECKING:
    from paywire.sandbox.namespace import Namespace

FORMAT = "paywire-sandbox-snapshot"
VERSION = 1
#: version -> function upgrading a snapshot of that version to the next one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

#: Modules whose dataclasses a snapshot may contain (a package: every module in it).
_MODULES = ("_framework", "timed_actions", "webhooks_log", "spaps", "lumen", "vellum", "conxa")
#: type-name prefixes of modules that became part of another, for snapshots written before
_RENAMED = {"spaps_2026_10": "spaps"}
_NOT_DATA = (type(threading.Lock()), type(threading.RLock()), Clock, random.Random)
_TAGS = ("$type", "$ref", "$tuple", "$set", "$frozenset", "$decimal", "$bytes", "$map")


class SnapshotError(ControlInputError):
    """A snapshot that cannot be loaded (rendered as 400; nothing was changed)."""


_registry: dict[str, type] | None = None
_names: dict[type, str] = {}


def registry() -> dict[str, type]:
    """``"<module>.<Class>"`` -> dataclass, for every dataclass the sandbox's modules define.

    A service that is a package (``sandbox/conxa/`` with ``state.py``, ``handlers/`` ...) is
    read whole: its dataclasses keep the service's name (``conxa.Wallet``, not
    ``state.Wallet``) whichever of its modules defines them, so a snapshot written before the
    service became a package loads, and two services' ``Plan`` classes never collide."""
    global _registry
    if _registry is None:
        found: dict[str, type] = {}
        for short in _MODULES:
            try:
                module = importlib.import_module(f"paywire.sandbox.{short}")
            except ModuleNotFoundError:
                continue
            for defining in _modules_of(module):
                for value in vars(defining).values():
                    if isinstance(value, type) and dataclasses.is_dataclass(value) \
                            and value.__module__ == defining.__name__:
                        name = f"{short.lstrip('_')}.{value.__qualname__}"
                        if found.get(name, value) is not value:  # a programming error: two classes, one name
                            raise AssertionError(f"snapshot: two dataclasses named {name}")
                        found[name] = value
        _names.update({cls: name for name, cls in found.items()})
        _registry = found
    return _registry


def _modules_of(module: types.ModuleType) -> list[types.ModuleType]:
    """The module itself, plus every module below it when it is a package (sorted: stable)."""
    if not hasattr(module, "__path__"):
        return [module]
    below = [importlib.import_module(info.name)
             for info in pkgutil.walk_packages(module.__path__, module.__name__ + ".")]
    return [module, *sorted(below, key=lambda m: m.__name__)]


def _type_name(cls: type) -> str:
    registry()
    known = _names.get(cls)
    if known is not None:
        return known
    short = cls.__module__.rsplit(".", 1)[-1].lstrip("_")
    return f"{short}.{cls.__qualname__}"


# --- encoding ----------------------------------------------------------------------------------
class _Encoder:
    def __init__(self) -> None:
        self._ids: dict[int, int] = {}
        self._keep: list[Any] = []  # holds encoded objects alive so their id() stays unique

    def encode(self, value: Any, where: str) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, float):
            return value
        if isinstance(value, Decimal):
            return {"$decimal": str(value)}
        if isinstance(value, bytes):
            return {"$bytes": base64.b64encode(value).decode()}
        if isinstance(value, tuple):
            return {"$tuple": [self.encode(v, f"{where}[{i}]") for i, v in enumerate(value)]}
        if isinstance(value, set | frozenset):
            items = [self.encode(v, f"{where}{{}}") for v in value]
            items.sort(key=repr)  # stable output for equal states
            return {"$frozenset" if isinstance(value, frozenset) else "$set": items}
        if isinstance(value, list):
            return [self.encode(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, dict):
            if all(isinstance(k, str) and not k.startswith("$") for k in value):
                return {k: self.encode(v, f"{where}.{k}") for k, v in value.items()}
            return {"$map": [[self.encode(k, f"{where}<key>"), self.encode(v, f"{where}[{k!r}]")]
                             for k, v in value.items()]}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            known = self._ids.get(id(value))
            if known is not None:
                return {"$ref": known}
            ref = self._ids[id(value)] = len(self._ids) + 1
            self._keep.append(value)
            out: dict[str, Any] = {"$type": _type_name(type(value)), "$id": ref}
            for f in dataclasses.fields(value):
                out[f.name] = self.encode(getattr(value, f.name), f"{where}.{f.name}")
            return out
        raise TypeError(f"snapshot: cannot encode {type(value).__name__} at {where}")

    def encode_object(self, obj: Any, where: str) -> dict[str, Any]:
        """A state object's attributes (not its locks, clock or random generator)."""
        return {name: self.encode(value, f"{where}.{name}") for name, value in vars(obj).items()
                if not isinstance(value, _NOT_DATA) and not callable(value)}


def take(ns: Namespace) -> dict[str, Any]:
    enc = _Encoder()
    states: dict[str, Any] = {}
    seen: set[int] = set()
    for key in ns.state_keys():
        state = ns.state(key)
        if id(state) in seen:
            continue
        seen.add(id(state))
        states[key] = enc.encode_object(state, key)
    return {
        "format": FORMAT,
        "version": VERSION,
        "namespace": ns.name,
        "clock": {"now": ns.clock.now()},
        "faults": enc.encode(list(ns.faults.rules), "faults"),
        "schedule": enc.encode(list(ns.schedule.actions), "schedule"),
        "states": states,
    }


# --- decoding ----------------------------------------------------------------------------------
class _Decoder:
    def __init__(self) -> None:
        self._objects: dict[int, Any] = {}

    def decode(self, value: Any, where: str) -> Any:
        if isinstance(value, list):
            return [self.decode(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if not isinstance(value, dict):
            return value
        tag = next((k for k in _TAGS if k in value), None)
        if tag is None:
            return {k: self.decode(v, f"{where}.{k}") for k, v in value.items()}
        raw = value[tag]
        try:
            if tag == "$ref":
                return self._objects[raw]
            if tag == "$type":
                return self._dataclass(value, where)
            if tag == "$decimal":
                return Decimal(str(raw))
            if tag == "$bytes":
                return base64.b64decode(str(raw), validate=True)
            if tag in ("$tuple", "$set", "$frozenset"):
                items = [self.decode(v, f"{where}[{i}]") for i, v in enumerate(_list(raw, where))]
                return {"$tuple": tuple, "$set": set, "$frozenset": frozenset}[tag](items)
            pairs = [_list(pair, where) for pair in _list(raw, where)]
            if any(len(p) != 2 for p in pairs):
                raise SnapshotError(f"snapshot: {where}: $map entries are [key, value] pairs")
            return {self.decode(k, f"{where}<key>"): self.decode(v, f"{where}[{k!r}]") for k, v in pairs}
        except SnapshotError:
            raise
        except (KeyError, TypeError, ValueError, InvalidOperation) as exc:  # bad ref, unhashable key...
            raise SnapshotError(f"snapshot: {where}: bad {tag} value ({type(exc).__name__}: {exc})") from None

    def _dataclass(self, value: dict[str, Any], where: str) -> Any:
        name = value["$type"]
        if isinstance(name, str) and name.split(".", 1)[0] in _RENAMED:
            prefix, _, rest = name.partition(".")
            name = f"{_RENAMED[prefix]}.{rest}"
        cls = registry().get(name) if isinstance(name, str) else None
        if cls is None:
            raise SnapshotError(f"snapshot: {where}: unknown type {str(name)[:100]!r}")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = _hints(cls)
        kwargs: dict[str, Any] = {}
        for fname, f in fields.items():
            if fname in value:
                decoded = self.decode(value[fname], f"{where}.{fname}")
                if fname in hints and not _fits(hints[fname], decoded):
                    raise SnapshotError(f"snapshot: {where}.{fname}: {type(decoded).__name__} does not fit "
                                        f"{getattr(hints[fname], '__name__', None) or hints[fname]}")
                kwargs[fname] = decoded
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SnapshotError(f"snapshot: {where}: {name} needs field {fname!r}")
        init = {k: v for k, v in kwargs.items() if fields[k].init}
        obj = cls(**init)
        for k, v in kwargs.items():  # init=False fields are still state
            if not fields[k].init:
                object.__setattr__(obj, k, v)
        ref = value.get("$id")
        if isinstance(ref, int):
            self._objects[ref] = obj
        return obj

    def overlay(self, target: Any, data: Any, where: str) -> None:
        """Set ``target``'s known data attributes from ``data``; unknown ones are ignored."""
        if not isinstance(data, dict):
            raise SnapshotError(f"snapshot: {where}: expected an object")
        current = vars(target)
        for name, raw in data.items():
            if name not in current or isinstance(current[name], _NOT_DATA) or callable(current[name]):
                continue  # written by a newer sandbox, or not data
            setattr(target, name, _same_kind(current[name], self.decode(raw, f"{where}.{name}"), f"{where}.{name}"))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A dataclass's resolved field annotations ({} when they cannot be resolved)."""
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError):
        return {}


def _fits(hint: Any, value: Any) -> bool:
    """Whether ``value`` has the (outer) type an annotation allows: unions, None, plain classes
    and the container kinds; element types are not checked (their objects are, when they are
    the sandbox's dataclasses)."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(arg, value) for arg in typing.get_args(hint))
    if hint is type(None) or hint is None:
        return value is None
    if origin is not None:
        return isinstance(value, origin) if isinstance(origin, type) else True
    if not isinstance(hint, type):
        return True  # Literal, TypeVar...: not checked
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _same_kind(reference: Any, value: Any, where: str) -> Any:
    """``value``, if it has the type of ``reference`` (a seeded attribute, a field's default):
    a hand-edited snapshot with a list where the sandbox keeps a dict would otherwise load and
    break later requests. ``None``/missing references are not checked (fields without defaults
    are only as typed as their JSON)."""
    if reference is None or reference is dataclasses.MISSING or value is None:
        return value
    if isinstance(reference, bool) or isinstance(value, bool):
        ok = isinstance(reference, bool) and isinstance(value, bool)
    elif isinstance(reference, int | float) and not isinstance(reference, Decimal):
        ok = isinstance(value, int | float) and not isinstance(value, Decimal)
    else:
        ok = isinstance(value, type(reference))
    if not ok:
        raise SnapshotError(f"snapshot: {where}: expected {type(reference).__name__}, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise SnapshotError(f"snapshot: {where}: expected a list")
    return value


def upgrade(data: Any) -> dict[str, Any]:
    """Check the envelope and migrate an older format to :data:`VERSION`."""
    from paywire.sandbox import control_schemas

    control_schemas.check("POST", "restore", data)
    if data.get("format", FORMAT) != FORMAT:
        raise SnapshotError(f"snapshot: format must be {FORMAT!r}")
    upgraded: dict[str, Any] = data
    while upgraded["version"] < VERSION:
        upgraded = MIGRATIONS[upgraded["version"]](upgraded)
    return upgraded


def load(ns: Namespace, data: Any) -> None:
    """Restore ``ns`` from a snapshot, atomically: everything is decoded before anything changes."""
    data = upgrade(data)
    dec = _Decoder()
    states = ns.new_states()
    done: set[int] = set()
    for key, state in states.items():
        if key in data["states"] and id(state) not in done:
            done.add(id(state))
            dec.overlay(state, data["states"][key], key)
    faults = Faults()
    schedule = Schedule(ns, lambda service, action: (lambda st, body: None, ""))
    for rule in dec.decode(data.get("faults", []), "faults"):
        if not isinstance(rule, Fault):
            raise SnapshotError("snapshot: faults: expected fault rules")
        _check_fault(rule)
        faults.rules.append(rule)
    for action in dec.decode(data.get("schedule", []), "schedule"):
        if not isinstance(action, TimedAction):
            raise SnapshotError("snapshot: schedule: expected timed actions")
        _check_action(action)
        schedule.actions.append(action)
    now = data.get("clock", {}).get("now")
    ns.replace(states, float(now) if now is not None else ns.clock.now(), faults, schedule)


def _check_fault(rule: Fault) -> None:
    """A restored rule must be one ``POST /_sandbox/faults`` could have made (it runs on requests)."""
    from paywire.sandbox import control_schemas

    control_schemas.check("POST", "faults", {
        "match": rule.match, "times": rule.times, "latency_ms": rule.latency_ms, "status": rule.status,
        "body": rule.body, "retry_after": rule.retry_after, "reset": rule.reset, "key": rule.key,
        "script": rule.script})
    if not isinstance(rule.fired, int) or isinstance(rule.fired, bool) or rule.fired < 0:
        raise SnapshotError("snapshot: faults: fired must be a count")


def _check_action(action: TimedAction) -> None:
    from paywire.sandbox import control_schemas

    control_schemas.check("POST", "schedule", {"control": action.control, "body": action.body})
    numbers_ok = isinstance(action.id, int) and not isinstance(action.id, bool) and action.id > 0 \
        and isinstance(action.due, int | float) and math.isfinite(action.due) \
        and (action.fired_at is None or isinstance(action.fired_at, int | float))
    if not numbers_ok:
        raise SnapshotError("snapshot: schedule: id, due and fired_at must be numbers")

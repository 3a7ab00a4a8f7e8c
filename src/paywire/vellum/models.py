"""Result types and the seed's injectable-transport types.

**Result policy for Vellum.** vellumcharter returns the API's JSON objects as plain ``dict``;
paywire returns :class:`Record`: a ``dict`` subclass holding exactly that JSON (so ``r["url"]``,
``r.get(...)``, ``==`` with a dict, ``json.dumps(r)`` and ``isinstance(r, dict)`` behave as
before) with the typed view beside it: ``r.model`` is the pinned version's generated model
(``None`` for absent optional fields, attribute names in snake_case, unknown fields kept in
``r.model.additional_properties``). A record's ``repr`` shows only the fields the spec knows.
List operations return a plain ``list`` of records. Entitlement reads keep the seed's
:class:`EntitlementSet` (same fields and methods); flag reads plain ``dict[str, bool]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar


class GeneratedModel(Protocol):
    """What every generated model has: the fields the spec does not know, kept."""

    @property
    def additional_properties(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=GeneratedModel, covariant=True)


class Record(dict[str, Any], Generic[M]):
    """A JSON object as the seed returned it (a ``dict``), with its typed ``model``."""

    __slots__ = ("_model",)

    def __init__(self, data: dict[str, Any], model: M) -> None:
        super().__init__(data)
        self._model = model

    @property
    def model(self) -> M:
        """The generated model of the pinned API version (typed attribute access)."""
        return self._model

    def __repr__(self) -> str:
        # Fields the spec does not know stay in the dict but out of the repr: they may carry
        # anything (a new server's secrets included) and paywire cannot say what they mean.
        # (at every depth: a nested object's unknown fields are as unknown as the top level's;
        # imported here so that importing paywire.vellum does not import attrs)
        from paywire._core.known import declared_json, only_declared

        return repr(only_declared(dict(self), declared_json(self._model)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self), self._model))

_ACTIVE = frozenset({"active", "trialing"})
_EMPTY: frozenset[str] = frozenset()


class EntitlementSet:
    """A customer's resolved entitlements. A customer with no record (404) gives an empty,
    no-access set with ``found=False``, so gating never needs a null check.

    ``data`` is the API's JSON object (``status``, ``modules``, ``config``, and on v2
    ``hasAccess``); treat it as read-only, since cached sets are shared between callers.
    ``modules`` is a precomputed ``frozenset`` so ``has()`` is one hash lookup. ``stale`` is
    True when the set was served from the stale-if-error window instead of the API.
    """

    __slots__ = ("data", "found", "modules", "stale")

    def __init__(self, data: dict[str, Any] | None = None, found: bool = False, *, stale: bool = False,
                 modules: Iterable[str] | None = None) -> None:
        self.data: dict[str, Any] = data if data is not None else {}
        self.found = found
        self.stale = stale
        if modules is None:  # built from stored JSON (a cache tier): read it like the seed
            listed = self.data.get("modules")
            modules = (m for m in listed if isinstance(m, str)) if isinstance(listed, list) else _EMPTY
        #: the module ids as a frozenset, so ``has()`` / ``can()`` is one hash lookup; an API
        #: answer passes the parsed model's typed ``modules``
        self.modules: frozenset[str] = frozenset(modules)

    @property
    def status(self) -> str | None:
        value = self.data.get("status")
        return value if isinstance(value, str) else None

    def is_active(self) -> bool:
        """True for ``active`` / ``trialing`` (the seed's rule)."""
        return self.status in _ACTIVE

    def has_access(self) -> bool:
        """The server-authoritative ``hasAccess`` (v2); falls back to :meth:`is_active` when the
        server does not send it (a v1-era server)."""
        value = self.data.get("hasAccess")
        return value if isinstance(value, bool) else self.is_active()

    def has(self, module_id: str) -> bool:
        return module_id in self.modules

    def config(self, key: str, default: Any = None) -> Any:
        config = self.data.get("config")
        return config.get(key, default) if isinstance(config, dict) else default

    def as_stale(self) -> EntitlementSet:
        """A copy marked ``stale=True`` (what stale-if-error serves)."""
        return EntitlementSet(self.data, self.found, stale=True, modules=self.modules)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EntitlementSet):
            return NotImplemented
        return self.data == other.data and self.found == other.found

    __hash__ = None  # type: ignore[assignment]  # mutable, like the seed's dataclass

    def __repr__(self) -> str:
        # The typed view, not ``data``: a cached set may come from a store with no parsed model
        # left, and fields the spec does not declare stay out of reprs (README, "Results").
        stale = ", stale=True" if self.stale else ""
        return (f"EntitlementSet(status={self.status!r}, modules={sorted(self.modules)!r}, "
                f"has_access={self.has_access()!r}, config={self.data.get('config')!r}, "
                f"found={self.found!r}{stale})")


@dataclass
class HttpResponse:
    """What a seed-style ``transport`` callable returns (vellumcharter 0.1.0 compatible)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str | bytes = ""


#: vellumcharter's injectable transport: ``(method, url, headers, body) -> HttpResponse``.
Transport = Callable[[str, str, dict[str, str], str | None], HttpResponse]

__all__ = ["EntitlementSet", "HttpResponse", "Record", "Transport"]

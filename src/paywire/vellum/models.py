"""Result types: :class:`EntitlementSet` (the seed's class, same fields and methods) and the
seed's injectable-transport types (:class:`HttpResponse`, ``Transport``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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

    def __init__(self, data: dict[str, Any] | None = None, found: bool = False, *, stale: bool = False) -> None:
        self.data: dict[str, Any] = data if data is not None else {}
        self.found = found
        self.stale = stale
        modules = self.data.get("modules")
        self.modules: frozenset[str] = (
            frozenset(m for m in modules if isinstance(m, str)) if isinstance(modules, list) else _EMPTY
        )

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
        return EntitlementSet(self.data, self.found, stale=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EntitlementSet):
            return NotImplemented
        return self.data == other.data and self.found == other.found

    __hash__ = None  # type: ignore[assignment]  # mutable, like the seed's dataclass

    def __repr__(self) -> str:
        stale = ", stale=True" if self.stale else ""
        return f"EntitlementSet(data={self.data!r}, found={self.found!r}{stale})"


@dataclass
class HttpResponse:
    """What a seed-style ``transport`` callable returns (vellumcharter 0.1.0 compatible)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str | bytes = ""


#: vellumcharter's injectable transport: ``(method, url, headers, body) -> HttpResponse``.
Transport = Callable[[str, str, dict[str, str], str | None], HttpResponse]

__all__ = ["EntitlementSet", "HttpResponse", "Transport"]

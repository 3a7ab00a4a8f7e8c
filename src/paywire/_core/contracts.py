"""API-version contracts: one mechanism for every service pinned to more than one API version.

A client is pinned to one *contract* (``api_version=``). Two things differ between contracts,
and both are answered here, for the facades and for the sandbox alike:

* **Which operations exist** is read from the generated packages themselves: each package's
  ``api.OPERATIONS`` index (written by the generator template, see
  ``openapi/templates/api_init.py.jinja``). A facade method maps to an operationId, so adding
  an operation to a spec and regenerating is enough for ``supports()`` / ``require_method`` to
  know it; nothing is probed with ``importlib.util.find_spec`` and no count is kept by hand.
* **How an operation behaves** (paging style, MFA answers, two-phase usage ...) is a named
  *feature* of a contract. A flow asks ``contract.has("offset_paging")``; an argument that only
  some contracts take is refused on the others, naming the versions that take it
  (``require_feature``).

Errors are the *service's own* :class:`~paywire._core.errors.UnsupportedOperationError`
subclass, raised before any I/O, naming the pinned version, the versions that have the method
and, where one is known, a hint saying what to call instead.

Typing: :class:`ServiceContracts` is generic in the service's version ``Literal``, so
``contract.version`` is e.g. ``Literal["2025-11", "2026-10"]`` and a facade branching on it is
checked by mypy (``if contract.version == "2025-11": ...``) against the versions that exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from paywire._core.errors import UnsupportedOperationError

#: a service's API version: a ``Literal[...]`` of its pinned versions
V = TypeVar("V", bound=str)


#: loads one generated package's ``api.OPERATIONS`` (a static import, run on first use so that
#: importing a facade does not import every generated package)
OperationsLoader = Callable[[], Mapping[str, Any]]


@dataclass(frozen=True)
class Contract(Generic[V]):
    """One pinned API version of one service: its generated package and its features."""

    service: str
    version: V
    package: str
    features: frozenset[str]
    load_operations: OperationsLoader = field(repr=False, compare=False)

    def has(self, feature: str) -> bool:
        return feature in self.features

    @cached_property
    def operations(self) -> frozenset[str]:
        """The operationIds of this version's generated package (``api.OPERATIONS``)."""
        return frozenset(self.load_operations())

    def has_operation(self, op_id: str) -> bool:
        return op_id in self.operations


def pinned_contracts(service: str, versions: Iterable[V], features: Mapping[V, frozenset[str]],
                     loaders: Mapping[V, OperationsLoader]) -> dict[V, Contract[V]]:
    """One :class:`Contract` per pinned version of ``service``, oldest first, each on the
    generated package ``paywire._versions`` names for it. A service's ``_contract.py`` holds only
    its tables (features, operation loaders, method names) and calls this."""
    from paywire._versions import API_VERSIONS

    return {version: Contract(service, version, API_VERSIONS[service][version], features[version], loaders[version])
            for version in versions}


class ServiceContracts(Generic[V]):
    """Every pinned contract of one service, and the client methods that depend on them.

    ``methods`` maps a client method (``"payments.get_balance"``) to the operationId it calls
    (the method exists where the operation does) or to ``"feature:<name>"`` (it exists where
    the contract has that feature). ``hints`` (per feature) and ``method_hints`` (per method)
    are appended to the error text; ``absent`` are the argument values that count as "not
    given" for ``require_feature`` (``None``; Vellum also treats ``False`` so).
    """

    def __init__(
        self,
        service: str,
        contracts: Iterable[Contract[V]],
        *,
        error: type[UnsupportedOperationError],
        methods: Mapping[str, str],
        hints: Mapping[str, str] | None = None,
        method_hints: Mapping[str, str] | None = None,
        removed_hint: Callable[[tuple[V, ...]], str | None] | None = None,
        absent: tuple[object, ...] = (None,),
        client_name: str = "client",
    ) -> None:
        self.service = service
        self.contracts: dict[V, Contract[V]] = {c.version: c for c in contracts}
        if not self.contracts:
            raise ValueError(f"{service}: no contracts")
        self.error = error
        self.methods = dict(methods)
        self.hints = dict(hints or {})
        self.method_hints = dict(method_hints or {})
        self.removed_hint = removed_hint
        self.absent = absent
        self.client_name = client_name
        self._short = self._short_names()

    # -- versions -------------------------------------------------------------------------------------
    @property
    def versions(self) -> tuple[V, ...]:
        """The pinned versions, oldest first."""
        return tuple(self.contracts)

    @property
    def default(self) -> Contract[V]:
        """The newest contract: what a client uses unless pinned."""
        return self.contracts[self.versions[-1]]

    def contract_for(self, api_version: str | None) -> Contract[V]:
        """The contract for ``api_version`` (None: the newest); ``ValueError`` for an unknown one."""
        if api_version is None:
            return self.default
        for version, contract in self.contracts.items():
            if version == api_version:
                return contract
        known = ", ".join(self.versions)
        raise ValueError(f"unknown {self.service} api_version {api_version!r}; this paywire knows: {known}")

    def versions_with_feature(self, feature: str) -> tuple[V, ...]:
        return tuple(v for v, c in self.contracts.items() if c.has(feature))

    def versions_with(self, op_id: str) -> tuple[V, ...]:
        """The versions whose generated package has operation ``op_id``."""
        return tuple(v for v, c in self.contracts.items() if c.has_operation(op_id))

    # -- client methods -------------------------------------------------------------------------------
    def _short_names(self) -> dict[str, str]:
        short: dict[str, str] = {}
        for qualified in self.methods:
            name = qualified.rsplit(".", 1)[-1]
            short[name] = qualified if name not in short else ""  # "": ambiguous, qualify it
        return {k: q for k, q in short.items() if q}

    def qualify(self, method: str) -> str:
        """``"get_balance"`` or ``"payments.get_balance"`` -> ``"payments.get_balance"``;
        ``AttributeError`` for a name that is no API method."""
        if method in self.methods:
            return method
        qualified = self._short.get(method)
        if qualified is None:
            raise AttributeError(f"{self.client_name} has no API method {method!r}")
        return qualified

    def versions_for(self, method: str) -> tuple[V, ...]:
        """The versions in which a client method (short or qualified name) works."""
        source = self.methods[self.qualify(method)]
        if source.startswith("feature:"):
            return self.versions_with_feature(source.split(":", 1)[1])
        return self.versions_with(source)

    def supports(self, contract: Contract[V], method: str) -> bool:
        return contract.version in self.versions_for(method)

    # -- refusals (before any I/O) --------------------------------------------------------------------
    def unsupported(self, method: str, pinned: str, versions: tuple[str, ...],
                    hint: str | None = None) -> UnsupportedOperationError:
        need = " or ".join(versions) if versions else "a newer API version"
        return self.error(
            f"{method} needs api_version {need}; this client is pinned to {pinned}" + (f" ({hint})" if hint else ""),
            operation=method, api_version=pinned, supported_versions=versions,
        )

    def require_method(self, contract: Contract[V], method: str) -> None:
        """Raise the service's ``UnsupportedOperationError`` unless the pinned contract has ``method``."""
        qualified = self.qualify(method)
        versions = self.versions_for(qualified)
        if contract.version in versions:
            return
        hint = self.method_hints.get(qualified)
        if hint is None and self.removed_hint is not None:
            hint = self.removed_hint(versions)
        raise self.unsupported(qualified, contract.version, versions, hint)

    def require_feature(self, contract: Contract[V], feature: str, method: str, /, **args: Any) -> None:
        """Refuse arguments (those given, i.e. not in ``absent``) that only contracts with
        ``feature`` take."""
        if contract.has(feature):
            return
        given = [name for name, value in args.items() if not any(value is a for a in self.absent)]
        if not given:
            return
        shown = ", ".join(f"{name}=..." for name in given)
        raise self.unsupported(f"{method}({shown})", contract.version, self.versions_with_feature(feature),
                               self.hints.get(feature))


__all__ = ["Contract", "OperationsLoader", "ServiceContracts", "pinned_contracts"]

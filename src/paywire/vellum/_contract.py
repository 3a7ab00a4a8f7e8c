"""Which Vellum contract a client is pinned to, and what that changes: Vellum's table for the
one contract mechanism, :mod:`paywire._core.contracts`.

* **Which operations exist** comes from each generated package's ``api.OPERATIONS`` index: a
  client method is its operationId unless :data:`RENAMED` says otherwise, so a new operation in
  a spec is known to ``supports()`` as soon as it is regenerated.
* **How an operation behaves** where one operationId changed meaning or took new arguments is a
  *feature* of a contract (:data:`FEATURES`): the invoice PDF is a redirect on v1 and the bytes
  on v2 (two methods), and some arguments exist on v2 only.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final, Literal, cast, get_args

from paywire._core.contracts import Contract as _Contract
from paywire._core.contracts import OperationsLoader, ServiceContracts, pinned_contracts
from paywire._features import VELLUM_FEATURES, VELLUM_FEATURES_BY_VERSION
from paywire._versions import package_for
from paywire.vellum.errors import UnsupportedOperationError

SERVICE: Final = "vellum"
#: the pinned Vellum contracts, oldest first (kept equal to ``paywire._versions`` by a test); the
#: per-version branches of ``resources/`` cover exactly these
VellumVersion = Literal["v1", "v2"]
#: one pinned Vellum contract
Contract = _Contract[VellumVersion]

# The tables below have SPAPS's shape (spaps/_contract.py), with Vellum's own values; the
# mechanism that reads them is _core/contracts.py.
#: feature -> what it means (for docs and error hints); the table lives in :mod:`paywire._features`,
#: where the sandbox reads it too
FEATURES: dict[str, str] = VELLUM_FEATURES
_FEATURES_BY_VERSION: dict[VellumVersion, frozenset[str]] = {
    version: VELLUM_FEATURES_BY_VERSION[version] for version in get_args(VellumVersion)
}
#: client method -> operationId, where the method is not named as its operation
RENAMED: dict[str, str] = {
    "add_add_on": "update_add_ons",
    "remove_add_on": "update_add_ons",
    "reactivate": "reactivate_subscription",
    "flags": "get_customer_flags",
    "flag": "get_customer_flags",
    "global_flags": "get_global_flags",
    "can": "get_entitlements",
}
#: client method -> the feature it needs (one operationId, two meanings)
BY_FEATURE: dict[str, str] = {"invoice_pdf_url": "pdf_redirect", "invoice_pdf": "pdf_bytes"}
#: operations reached only through a feature method
_FEATURE_OPERATIONS = frozenset({"get_invoice_pdf"})
METHOD_HINTS: dict[str, str] = {
    "invoice_pdf_url": "on v2 use invoice_pdf(), which returns the PDF bytes: the hosted URL is a "
                       "bearer credential and no longer leaves Vellum",
    "invoice_pdf": "on v1 use invoice_pdf_url(), which returns the hosted PDF URL",
}


# Static imports, run on first use: importing paywire.vellum does not import the generated packages.
def _operations_v1() -> Mapping[str, Any]:
    from paywire_gen_vellum_v1.api import OPERATIONS

    return OPERATIONS


def _operations_v2() -> Mapping[str, Any]:
    from paywire_gen_vellum_v2.api import OPERATIONS

    return OPERATIONS


_LOADERS: dict[VellumVersion, OperationsLoader] = {"v1": _operations_v1, "v2": _operations_v2}
CONTRACTS: dict[VellumVersion, Contract] = pinned_contracts(SERVICE, get_args(VellumVersion), _FEATURES_BY_VERSION, _LOADERS)


@cache
def contracts() -> ServiceContracts[VellumVersion]:
    """Vellum's contracts and client methods (built on first use: the method table is read
    from the generated operation indexes)."""
    operations = frozenset().union(*(c.operations for c in CONTRACTS.values()))
    methods = {op: op for op in operations if op not in _FEATURE_OPERATIONS}
    methods.update(RENAMED)
    methods.update({method: f"feature:{feature}" for method, feature in BY_FEATURE.items()})
    return ServiceContracts(
        SERVICE, CONTRACTS.values(), error=UnsupportedOperationError, methods=methods,
        method_hints=METHOD_HINTS, absent=(None, False), client_name="VellumClient",
    )


def contract_for(api_version: str | None) -> Contract:
    """The contract for ``api_version`` (None: the newest); ``ValueError`` for an unknown one.
    Imports no generated code (a client is built without touching it)."""
    version, _ = package_for(SERVICE, api_version)
    return CONTRACTS[cast(VellumVersion, version)]  # package_for only returns pinned versions


def versions_for(method: str) -> tuple[VellumVersion, ...]:
    """The versions in which a client method works (``AttributeError`` for a non-API name)."""
    return contracts().versions_for(method)


def versions_with(op_id: str) -> tuple[VellumVersion, ...]:
    """The versions whose generated package has operation ``op_id``."""
    return contracts().versions_with(op_id)


__all__ = [
    "CONTRACTS",
    "FEATURES",
    "RENAMED",
    "SERVICE",
    "Contract",
    "VellumVersion",
    "contract_for",
    "contracts",
    "versions_for",
    "versions_with",
]

"""The two Vellum services (one per pinned API version, one shared state) and what every
handler starts with.

``vellum-v1`` under ``/vellum`` serves ``openapi/vellum/v1.yaml``; ``vellum-v2`` under
``/vellum-v2`` serves ``openapi/vellum/v2.yaml``. A handler is written once per operationId and
registered on both (:func:`operation`): each app routes only the operations of its own spec, so
a v2-only operation is never served under ``/vellum``; where the versions differ, the handler
asks the contract :func:`begin` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from paywire.sandbox._framework import ApiError, Ctx, Handler
from paywire.sandbox.vellum.contract import contract_for
from paywire.sandbox.vellum.records import Plan, Tenant
from paywire.sandbox.vellum.services import APPS as APPS
from paywire.sandbox.vellum.services import VERSIONS as VERSIONS
from paywire.sandbox.vellum.services import vellum_v1 as vellum_v1
from paywire.sandbox.vellum.services import vellum_v2 as vellum_v2
from paywire.sandbox.vellum.state import VellumState

if TYPE_CHECKING:
    from paywire.sandbox.vellum.contract import Contract


def operation(op_id: str) -> Callable[[Handler], Handler]:
    """Register one handler for ``op_id`` on every Vellum service (each serves it only if its
    spec has the operation)."""

    def register(fn: Handler) -> Handler:
        for app in APPS:
            app.op(op_id)(fn)
        return fn

    return register


def begin(ctx: Ctx) -> tuple[VellumState, Tenant, Contract]:
    """(state, the caller's tenant, the contract of the version called); authenticates, then
    settles what the sandbox clock made due."""
    st: VellumState = ctx.state
    contract = contract_for(VERSIONS[ctx.service.name])
    tenant = st.authenticate(ctx.header("x-api-key"), ctx.path["tenantId"])
    st.settle(contract)
    return st, tenant, contract


def body(ctx: Ctx) -> dict[str, Any]:
    return ctx.json if isinstance(ctx.json, dict) else {}


def opt_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def plan_from(data: dict[str, Any], contract: Contract, *, version_required: bool = False) -> Plan:
    """The catalog plan a request names; ``productId`` counts (and a plan sold by several
    products needs it) only where the contract has ``plan_extras``."""
    plan_version = data.get("planVersion")
    if version_required and plan_version is None:
        raise ApiError(400, "BAD_REQUEST", "planVersion is required")
    extras = contract.has("plan_extras")
    return VellumState.resolve_plan(
        str(data["planId"]), plan_version, opt_str(data, "productId") if extras else None, strict_product=extras
    )


def add_ons_from(data: dict[str, Any], contract: Contract) -> list[str]:
    """The add-on modules a checkout or new subscription asks for (``plan_extras`` contracts)."""
    if not contract.has("plan_extras"):
        return []
    return VellumState.check_add_ons(list(data.get("addOnModuleIds") or []))

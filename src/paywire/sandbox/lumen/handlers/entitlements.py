"""Lumen ``entitlements`` tag: every feature of a customer, or one (resolution in
``lumen/entitlements.py``)."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import Ctx
from paywire.sandbox.lumen.service import lumen_v1, not_found, state
from paywire.sandbox.lumen.state import Customer, LumenState


def _customer(ctx: Ctx, st: LumenState) -> Customer:
    """The path's customer: an internal id, or an external one with ``isExtCustId=true``."""
    ref = ctx.path["customerId"]
    is_ext = ctx.query.get("isExtCustId", "false") == "true"
    cust = st.customer_by_external(ref) if is_ext else st.customers.get(ref)
    if cust is None:
        raise not_found()
    return cust


@lumen_v1.op("get_entitlements")
def get_entitlements(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    return {"entitlements": st.entitlements(_customer(ctx, st).id)}


@lumen_v1.op("check_feature_entitlement")
def check_feature_entitlement(ctx: Ctx) -> dict[str, Any]:
    st = state(ctx)
    return st.entitlement(_customer(ctx, st).id, ctx.path["featureSlug"])

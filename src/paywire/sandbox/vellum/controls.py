"""The Vellum control plane, ``/_sandbox/vellum-v1/<action>`` and ``/_sandbox/vellum-v2/<action>``
(one set on both services: they share the state). Inputs are checked first by
``sandbox/control_schemas.py``."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ServiceApp
from paywire.sandbox.vellum.apps import APPS
from paywire.sandbox.vellum.records import DEFAULT_TENANT
from paywire.sandbox.vellum.state import VellumState


def _tenant_of(body: Any) -> str:
    return str(body.get("tenantId", DEFAULT_TENANT)) if isinstance(body, dict) else DEFAULT_TENANT


def register(app: ServiceApp) -> None:
    @app.control("configure-push")
    def configure_push(st: VellumState, body: Any) -> dict[str, Any]:
        st.configure_push(str(body["url"]), str(body["secret"]), tenant_id=_tenant_of(body))
        return {"ok": True, "url": str(body["url"])}

    @app.control("outbox", method="GET")
    def outbox(st: VellumState, body: Any) -> dict[str, Any]:
        return {"events": st.events()}

    @app.control("deliver-pushes")
    def deliver(st: VellumState, body: Any) -> dict[str, Any]:
        return dict(st.deliver_pushes())

    @app.control("add-payment-method")
    def add_pm(st: VellumState, body: Any) -> dict[str, Any]:
        pm = st.add_payment_method(
            str(body["accountId"]),
            tenant_id=_tenant_of(body),
            brand=str(body.get("brand", "visa")),
            last4=str(body.get("last4", "4242")),
            name=body.get("name"),
        )
        return {"id": pm.id, "ref": pm.ref}

    @app.control("complete-checkout")
    def complete(st: VellumState, body: Any) -> dict[str, Any]:
        return st.complete_checkout(str(body["sessionId"]), tenant_id=_tenant_of(body))

    @app.control("grant-credits")
    def grant(st: VellumState, body: Any) -> dict[str, Any]:
        balance = st.grant_credits(
            str(body["customerId"]), str(body["creditTypeId"]), int(body["amount"]), tenant_id=_tenant_of(body)
        )
        return {"balance": balance}

    @app.control("set-flag")
    def set_flag(st: VellumState, body: Any) -> dict[str, Any]:
        st.set_flag(
            str(body["flagId"]),
            bool(body["value"]),
            customer_id=body.get("customerId"),
            tenant_id=_tenant_of(body),
        )
        return {"ok": True}

    @app.control("settle")
    def settle(st: VellumState, body: Any) -> dict[str, Any]:
        st.settle()
        return {"ok": True}


for _app in APPS:
    register(_app)

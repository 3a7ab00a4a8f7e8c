"""CONXA control plane, ``POST|GET /_sandbox/conxa/<action>``: the user's phone (scan, approve,
expire, charge permission) and the operator's levers (wallets, providers, prices, rate limit,
the charge's in-flight window), plus the ledger and wallet lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from paywire.sandbox.conxa import views
from paywire.sandbox.conxa.service import conxa
from paywire.sandbox.conxa.state import DEFAULT_PROVIDER_ID, DEFAULT_WALLET_ID, Connection, ConxaState
from paywire.sandbox.service_kit import control_object, setting_control

#: (state, provider id, provider username, the whole body) -> the connection acted on
ConnectionAction = Callable[[ConxaState, str, str, dict[str, Any]], Connection]


def _connection_control(action: str) -> Callable[[ConnectionAction], ConnectionAction]:
    """Register a control acting on one user's connection: the body names ``provider_username``
    (and ``provider_id``, default :data:`DEFAULT_PROVIDER_ID`); the answer is the connection."""

    def register(act: ConnectionAction) -> ConnectionAction:
        @conxa.control(action)
        def control(st: ConxaState, body: Any) -> dict[str, Any]:
            b = control_object(body)
            return views.connection_view(st, act(st, b.get("provider_id", DEFAULT_PROVIDER_ID),
                                                 b["provider_username"], b))

        return act

    return register


@_connection_control("scan")
def _scan(st: ConxaState, provider_id: str, username: str, b: dict[str, Any]) -> Connection:
    return st.scan(provider_id, username)


@_connection_control("approve")
def _approve(st: ConxaState, provider_id: str, username: str, b: dict[str, Any]) -> Connection:
    return st.approve(provider_id, username, b.get("wallet_id", DEFAULT_WALLET_ID), b.get("limit"),
                      ttl_seconds=b.get("ttl_seconds"), can_charge=bool(b.get("can_charge", True)))


@_connection_control("expire")
def _expire(st: ConxaState, provider_id: str, username: str, b: dict[str, Any]) -> Connection:
    return st.expire(provider_id, username)


@_connection_control("set_charge_permission")
def _set_charge_permission(st: ConxaState, provider_id: str, username: str, b: dict[str, Any]) -> Connection:
    return st.set_charge_permission(provider_id, username, bool(b["allowed"]))


@conxa.control("seed_wallet")
def control_seed_wallet(st: ConxaState, body: Any) -> Any:
    b = control_object(body)
    return views.wallet_view(st.seed_wallet(str(b["wallet_id"]), int(b["tokens"])))


@conxa.control("add_provider")
def control_add_provider(st: ConxaState, body: Any) -> Any:
    b = control_object(body)
    provider = st.add_provider(str(b["provider_id"]), str(b["api_key"]))
    return {"provider_id": provider.provider_id}


@conxa.control("set_price")
def control_set_price(st: ConxaState, body: Any) -> Any:
    b = control_object(body)
    st.set_price(str(b["model_name"]), int(b["input_rate"]), int(b["output_rate"]))
    return {"pricing": {m: list(r) for m, r in st.pricing.items()}}


setting_control(conxa, "set_min_poll_interval", read=lambda b: float(b["seconds"]),
                apply=ConxaState.set_min_poll_interval,
                answer=lambda st: {"min_poll_interval": st.min_poll_interval})
setting_control(conxa, "set_charge_latency", read=lambda b: float(b["seconds"]),
                apply=ConxaState.set_charge_latency,
                answer=lambda st: {"charge_latency": st.charge_latency})


@conxa.control("ledger", method="GET")
def control_ledger(st: ConxaState, body: Any) -> Any:
    with st.lock:
        return {"ledger": [views.ledger_entry_view(st, e) for e in st.ledger]}


@conxa.control("wallets", method="GET")
def control_wallets(st: ConxaState, body: Any) -> Any:
    with st.lock:
        return {"wallets": [views.wallet_view(w) for w in st.wallets.values()]}

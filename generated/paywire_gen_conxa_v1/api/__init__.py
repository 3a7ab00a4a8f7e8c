"""Contains methods for accessing the API, and ``OPERATIONS``: every operation of this package,
keyed by operationId (generated from the spec; never edit by hand)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: where its module is and what it sends."""

    operation_id: str
    #: Importable module name, e.g. ``paywire_gen_conxa_v1.api.<tag>.<operation_id>``.
    module: str
    #: Lower-case HTTP method, as in ``build_request(...)["method"]``.
    method: str
    #: The spec's path template with ``{python_name}`` placeholders (as ``build_request`` fills it).
    path: str
    #: Path parameters as ``build_request`` takes them (positional, in this order).
    path_params: tuple[str, ...]
    #: The same parameters as the spec names them (the wire names), in the same order.
    path_param_names: tuple[str, ...]
    tag: str


OPERATIONS: dict[str, Operation] = {
    "authorize_charge": Operation(
        operation_id="authorize_charge",
        module="paywire_gen_conxa_v1.api.charges.authorize_charge",
        method="post",
        path="/charge/authorize",
        path_params=(),
        path_param_names=(),
        tag="charges",
    ),
    "health_check": Operation(
        operation_id="health_check",
        module="paywire_gen_conxa_v1.api.health.health_check",
        method="get",
        path="/health",
        path_params=(),
        path_param_names=(),
        tag="health",
    ),
    "get_session_status": Operation(
        operation_id="get_session_status",
        module="paywire_gen_conxa_v1.api.sessions.get_session_status",
        method="get",
        path="/providers/session/status",
        path_params=(),
        path_param_names=(),
        tag="sessions",
    ),
    "get_wallet_balance": Operation(
        operation_id="get_wallet_balance",
        module="paywire_gen_conxa_v1.api.wallets.get_wallet_balance",
        method="get",
        path="/wallet/{wallet_id}",
        path_params=("wallet_id",),
        path_param_names=("wallet_id",),
        tag="wallets",
    ),
}

__all__ = ["OPERATIONS", "Operation"]

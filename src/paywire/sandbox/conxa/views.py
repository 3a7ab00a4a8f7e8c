"""CONXA state -> wire JSON: the error body, the session poll answer, and the connection,
wallet and ledger shapes the control plane answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paywire.sandbox.conxa.state import Connection, ConxaState, LedgerEntry, Wallet


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """CONXA's error shape (the ``ServiceApp``'s ``error_body`` and every stored denial)."""
    return {"status": "error", "message": message, "code": code}


def session_status_view(st: ConxaState, conn: Connection | None, now: float) -> dict[str, Any]:
    """``GET /providers/session/status``: the token only while the session is active."""
    if conn is None:
        return {"status": "not_found", "session_token": None, "expires_at": None}
    status = conn.current_status(now)
    return {
        "status": status,
        "session_token": conn.session_token if status == "active" else None,
        "expires_at": None if conn.expires_at is None else st.clock.iso(conn.expires_at),
    }


def wallet_view(wallet: Wallet) -> dict[str, Any]:
    return {"wallet_id": wallet.wallet_id, "tokens": wallet.tokens}


def connection_view(st: ConxaState, conn: Connection) -> dict[str, Any]:
    """A connection as the control plane answers it (no session token: it is a secret)."""
    return {
        "provider_id": conn.provider_id,
        "provider_username": conn.provider_username,
        "status": conn.current_status(st.clock.now()),
        "wallet_id": conn.wallet_id,
        "limit": conn.limit,
        "spent": conn.spent,
        "can_charge": conn.can_charge,
        "expires_at": None if conn.expires_at is None else st.clock.iso(conn.expires_at),
    }


def ledger_entry_view(st: ConxaState, entry: LedgerEntry) -> dict[str, Any]:
    return {
        "provider_id": entry.provider_id,
        "idempotency_key": entry.idempotency_key,
        "wallet_id": entry.wallet_id,
        "model_name": entry.model_name,
        "tokens": entry.tokens,
        "balance_after": entry.balance_after,
        "at": st.clock.iso(entry.at),
    }

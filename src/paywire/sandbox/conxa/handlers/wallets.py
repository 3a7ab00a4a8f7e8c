"""CONXA ``wallets`` tag: a wallet's token balance."""

from __future__ import annotations

from typing import Any

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.conxa import views
from paywire.sandbox.conxa.service import conxa, provider, state
from paywire.sandbox.conxa.state import WALLET_ID_RE


@conxa.op("get_wallet_balance")
def get_wallet_balance(ctx: Ctx) -> dict[str, Any]:
    provider(ctx)  # the key is checked although the wallet is not the provider's
    st = state(ctx)
    wallet_id = ctx.path.get("wallet_id", "")
    if not WALLET_ID_RE.match(wallet_id):
        raise ApiError(422, "VALIDATION_ERROR", "wallet_id must be 16 digits")
    with st.lock:
        wallet = st.wallets.get(wallet_id)
        if wallet is None:
            raise ApiError(404, "WALLET_NOT_FOUND", "wallet not found")
        return views.wallet_view(wallet)

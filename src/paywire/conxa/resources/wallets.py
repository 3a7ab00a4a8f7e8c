"""Wallets: the token balance."""

from __future__ import annotations

from paywire._core import Flow, operation
from paywire.conxa.errors import ConxaResponseValidationError
from paywire.conxa.models import WalletBalance
from paywire.conxa.resources._base import ConxaBase
from paywire.conxa.resources._base import wallet_id as check_wallet_id


class WalletsOps(ConxaBase):
    @operation
    def get_wallet_balance(self, wallet_id: str) -> Flow[WalletBalance]:
        """A wallet's token balance (``wallet_id``: 16 digits)."""
        # generated code is imported on first call (resources/_base.py)
        from paywire_gen_conxa_v1.api.wallets import get_wallet_balance as gen_wallet_balance

        response = yield from self._call(gen_wallet_balance.build_request(check_wallet_id(wallet_id)))
        return WalletBalance.from_model(gen_wallet_balance.parse_response(response, ConxaResponseValidationError))


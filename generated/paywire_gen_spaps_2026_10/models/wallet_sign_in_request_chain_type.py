from enum import StrEnum


class WalletSignInRequestChainType(StrEnum):
    ETHEREUM = "ethereum"
    SOLANA = "solana"

    def __str__(self) -> str:
        return str(self.value)

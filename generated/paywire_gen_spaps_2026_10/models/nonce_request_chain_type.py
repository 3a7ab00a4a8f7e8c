from enum import StrEnum


class NonceRequestChainType(StrEnum):
    ETHEREUM = "ethereum"
    SOLANA = "solana"

    def __str__(self) -> str:
        return str(self.value)

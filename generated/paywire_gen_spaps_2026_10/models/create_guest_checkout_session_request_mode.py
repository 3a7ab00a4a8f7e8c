from enum import StrEnum


class CreateGuestCheckoutSessionRequestMode(StrEnum):
    PAYMENT = "payment"
    SUBSCRIPTION = "subscription"

    def __str__(self) -> str:
        return str(self.value)

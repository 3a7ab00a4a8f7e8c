from enum import StrEnum


class UsageResourceType(StrEnum):
    COMPANY = "company"
    ORG = "org"
    SYSTEM = "system"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)

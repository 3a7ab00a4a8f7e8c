"""SPAPS argument checks: the core :class:`~paywire._core.validate.Validator` (errors are
``paywire.ValidationError``, a ``ValueError``, naming the field; never echoing passwords, tokens
or signatures) plus the few checks only SPAPS needs (wallet chains, checkout modes and line items).

Resources use the one instance: ``from paywire.spaps._validate import v``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from paywire._core.validate import Validator
from paywire.spaps.errors import SPAPS_ERRORS

CHAINS = ("solana", "ethereum")
CHECKOUT_MODES = ("subscription", "payment")


class SpapsValidator(Validator):
    def chain(self, value: Any, field: str = "chain") -> str:
        return self.choice(value, field, CHAINS, fold_case=True)

    def wallet_address(self, value: Any, field: str = "wallet_address") -> str:
        """A non-empty address without whitespace. Its format is left to the server: the seed's
        own examples pass placeholders such as ``"0xabc..."``, and they must run unchanged."""
        return self.no_whitespace(value, field)

    def mode(self, value: Any, field: str = "mode") -> str:
        return self.choice(value, field, CHECKOUT_MODES)

    def metadata(self, value: Any, field: str = "metadata") -> dict[str, Any] | None:
        return self.mapping(value, field)

    def line_items(self, value: Any, field: str = "line_items") -> list[dict[str, Any]]:
        """Checkout line items: a non-empty list of ``{"price_id": ..., "quantity": n >= 1}``."""
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not value:
            raise self.fail(field, "must be a non-empty list of {'price_id': ..., 'quantity': ...}")
        items: list[dict[str, Any]] = []
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise self.fail(f"{field}[{index}]", "must be a mapping with price_id and quantity")
            price_id = self.ident(item.get("price_id"), f"{field}[{index}].price_id")
            quantity = self.integer(item.get("quantity", 1), f"{field}[{index}].quantity", minimum=1)
            items.append({"price_id": price_id, "quantity": quantity})
        return items


v = SpapsValidator(SPAPS_ERRORS)

__all__ = ["CHAINS", "CHECKOUT_MODES", "SpapsValidator", "v"]

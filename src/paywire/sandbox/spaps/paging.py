"""How SPAPS lists page: by cursor (``starting_after`` / ``ending_before``, contracts with
``cursor_paging``) or by ``limit`` + ``offset`` (contracts with ``offset_paging``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from paywire.sandbox._framework import ApiError, Ctx
from paywire.sandbox.spaps.apps import Contract
from paywire.sandbox.spaps.request_checks import limit_of

T = TypeVar("T")


def page_of(ctx: Ctx, contract: Contract, items: list[T], key: Callable[[T], str], *,
            ending_before: bool = False) -> tuple[list[T], bool]:
    """(this page of ``items``, whether more follow), paged the way ``contract`` pages lists;
    ``ending_before``: the list also pages backwards by cursor."""
    limit = limit_of(ctx)
    if contract.has("offset_paging"):
        offset = int(ctx.query.get("offset", 0))
        return items[offset:offset + limit], len(items) > offset + limit
    return cursor_page(items, key, limit, ctx.query.get("starting_after"),
                       ctx.query.get("ending_before") if ending_before else None)


def cursor_page(items: list[T], key: Callable[[T], str], limit: int, starting_after: str | None,
                ending_before: str | None = None) -> tuple[list[T], bool]:
    ids = [key(i) for i in items]
    if starting_after:
        if starting_after not in ids:
            raise ApiError(400, "VALIDATION_ERROR", "starting_after does not name an item of this list")
        items = items[ids.index(starting_after) + 1:]
    elif ending_before:
        if ending_before not in ids:
            raise ApiError(400, "VALIDATION_ERROR", "ending_before does not name an item of this list")
        end = ids.index(ending_before)
        return items[max(0, end - limit):end], end - limit > 0
    return items[:limit], len(items) > limit

"""``spaps.whitelist``: check, list, add, update and remove whitelisted emails."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from paywire._core import AsyncResource, Flow, SyncResource, operation, paginated
from paywire._core.flow import PageFetch
from paywire.spaps._validate import v
from paywire.spaps.errors import WHITELIST_ERRORS
from paywire.spaps.models import MessageResult, WhitelistCheck, WhitelistEntry, WhitelistList
from paywire.spaps.resources._base import PAGE_SIZE, _data, _drop_none, _json, _message, _Ops, _unwrap


class _WhitelistOps(_Ops):
    _errors = WHITELIST_ERRORS
    _resource = "whitelist"

    @operation
    def check(self, email: str) -> Flow[WhitelistCheck]:
        """``GET /api/v1/whitelist/check`` (API key only; ``result.whitelisted``)."""
        gen = self._gen("check_whitelist", "check")
        resp = yield from self._call(gen, gen._get_kwargs(email=v.email(email)), auth="key")
        body = _json(resp, self._errors)
        result = WhitelistCheck.from_dict(_data(body))
        return result if result.message else WhitelistCheck(entry=result.entry, message=_message(body), raw=result.raw)

    @operation
    def list(self, tier: str | None = None, limit: int = 10, offset: int = 0) -> Flow[WhitelistList]:
        """``GET /api/v1/whitelist``: one page (``limit`` + ``offset``)."""
        gen = self._gen("list_whitelist_entries", "list")
        kwargs = gen._get_kwargs(limit=v.integer(limit, "limit", minimum=1, maximum=v.max_limit),
                                 offset=v.integer(offset, "offset", minimum=0),
                                 **_drop_none(tier=v.optional_text(tier, "tier", max_length=64)))
        data = yield from self._get_data(gen, kwargs)
        return WhitelistList.from_dict(data)

    @paginated
    def iter_entries(self, *, tier: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[WhitelistEntry]:
        """Every whitelist entry, page after page (offset paging)."""
        list_page = type(self).list.fn

        def fetch(offset: int | None) -> Flow[tuple[Sequence[WhitelistEntry], int | None]]:
            start = offset or 0
            page = yield from list_page(self, tier, page_size, start)
            following = start + len(page.entries)
            done = (not page.entries or len(page.entries) < page_size
                    or (page.total is not None and following >= page.total))
            return page.entries, None if done else following

        return fetch

    @operation
    def add(self, email: str, tier: str = "premium", bypass_payment: bool = True,
            metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``POST /api/v1/whitelist`` (201): whitelist an email."""
        gen = self._gen("add_whitelist_entry", "add")
        body = self._model("AddWhitelistEntryRequest", email=v.email(email), tier=v.text(tier, "tier", max_length=64),
                           bypass_payment=v.boolean(bypass_payment, "bypass_payment"),
                           metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen, gen._get_kwargs(body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def update(self, email: str, tier: str | None = None, bypass_payment: bool | None = None,
               metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``PUT /api/v1/whitelist/{email}``."""
        gen = self._gen("update_whitelist_entry", "update")
        body = self._model("UpdateWhitelistEntryRequest", tier=v.optional_text(tier, "tier", max_length=64),
                           bypass_payment=v.optional_boolean(bypass_payment, "bypass_payment"),
                           metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen, gen._get_kwargs(v.email(email), body=body))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def remove(self, email: str) -> Flow[MessageResult]:
        """``DELETE /api/v1/whitelist/{email}``."""
        gen = self._gen("remove_whitelist_entry", "remove")
        data = yield from self._get_data(gen, gen._get_kwargs(v.email(email)))
        return MessageResult.from_dict(data)


class SyncWhitelist(_WhitelistOps, SyncResource):
    pass


class AsyncWhitelist(_WhitelistOps, AsyncResource):
    pass

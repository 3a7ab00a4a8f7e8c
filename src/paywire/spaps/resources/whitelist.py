"""``spaps.whitelist``: check, list, add, update and remove whitelisted emails."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from paywire._core import AsyncResource, Flow, SyncResource, operation, paginated
from paywire._core.flow import PageFetch
from paywire.spaps._validate import v
from paywire.spaps.errors import WHITELIST_ERRORS
from paywire.spaps.models import MessageResult, WhitelistCheck, WhitelistEntry, WhitelistList
from paywire.spaps.resources._base import PAGE_SIZE, _data, _json, _message, _meta, _Ops, _q, _unwrap


class _WhitelistOps(_Ops):
    _errors = WHITELIST_ERRORS
    _resource = "whitelist"

    @operation
    def check(self, email: str) -> Flow[WhitelistCheck]:
        """``GET /api/v1/whitelist/check`` (API key only; ``result.whitelisted``)."""
        address = v.email(email)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.whitelist import check_whitelist as old
            resp = yield from self._call(old, old.build_request(email=address), auth="key")
        else:
            from paywire_gen_spaps_2026_10.api.whitelist import check_whitelist as new
            resp = yield from self._call(new, new.build_request(email=address), auth="key")
        body = _json(resp, self._errors)
        result = WhitelistCheck.from_dict(_data(body))
        return result if result.message else WhitelistCheck(entry=result.entry, message=_message(body), raw=result.raw)

    @operation
    def list(self, tier: str | None = None, limit: int = 10, offset: int = 0) -> Flow[WhitelistList]:
        """``GET /api/v1/whitelist``: one page (``limit`` + ``offset``)."""
        size = v.integer(limit, "limit", minimum=1, maximum=v.max_limit)
        start = v.integer(offset, "offset", minimum=0)
        tier_ = v.optional_text(tier, "tier", max_length=64)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.whitelist import list_whitelist_entries as old
            data = yield from self._get_data(old, old.build_request(limit=size, offset=start, tier=_q(tier_)))
        else:
            from paywire_gen_spaps_2026_10.api.whitelist import list_whitelist_entries as new
            data = yield from self._get_data(new, new.build_request(limit=size, offset=start, tier=_q(tier_)))
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
        address, tier_ = v.email(email), v.text(tier, "tier", max_length=64)
        bypass, labels = v.boolean(bypass_payment, "bypass_payment"), v.metadata(metadata)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.whitelist import add_whitelist_entry as old
            data = yield from self._get_data(old, old.build_request(body=m25.AddWhitelistEntryRequest(
                email=address, tier=tier_, bypass_payment=bypass, metadata=_meta(m25.Metadata.from_dict, labels))))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.whitelist import add_whitelist_entry as new
            data = yield from self._get_data(new, new.build_request(body=m26.AddWhitelistEntryRequest(
                email=address, tier=tier_, bypass_payment=bypass, metadata=_meta(m26.Metadata.from_dict, labels))))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def update(self, email: str, tier: str | None = None, bypass_payment: bool | None = None,
               metadata: Mapping[str, Any] | None = None) -> Flow[WhitelistEntry]:
        """``PUT /api/v1/whitelist/{email}``."""
        tier_ = v.optional_text(tier, "tier", max_length=64)
        bypass, labels = v.optional_boolean(bypass_payment, "bypass_payment"), v.metadata(metadata)
        address = v.email(email)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.whitelist import update_whitelist_entry as old
            data = yield from self._get_data(old, old.build_request(address, body=m25.UpdateWhitelistEntryRequest(
                tier=tier_, bypass_payment=bypass, metadata=_meta(m25.Metadata.from_dict, labels))))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.whitelist import update_whitelist_entry as new
            data = yield from self._get_data(new, new.build_request(address, body=m26.UpdateWhitelistEntryRequest(
                tier=tier_, bypass_payment=bypass, metadata=_meta(m26.Metadata.from_dict, labels))))
        return WhitelistEntry.from_dict(_unwrap(data, "entry"))

    @operation
    def remove(self, email: str) -> Flow[MessageResult]:
        """``DELETE /api/v1/whitelist/{email}``."""
        address = v.email(email)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.whitelist import remove_whitelist_entry as old
            data = yield from self._get_data(old, old.build_request(address))
        else:
            from paywire_gen_spaps_2026_10.api.whitelist import remove_whitelist_entry as new
            data = yield from self._get_data(new, new.build_request(address))
        return MessageResult.from_dict(data)


class SyncWhitelist(_WhitelistOps, SyncResource):
    pass


class AsyncWhitelist(_WhitelistOps, AsyncResource):
    pass

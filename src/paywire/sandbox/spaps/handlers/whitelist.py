"""SPAPS tag ``whitelist``: emails with a tier that bypasses payment, kept per application."""

from __future__ import annotations

import urllib.parse

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Contract, ok, op
from paywire.sandbox.spaps.records import WhitelistEntry
from paywire.sandbox.spaps.request_checks import app_of, body_of, checked_email, limit_of, signed_in
from paywire.sandbox.spaps.state import SpapsState
from paywire.sandbox.spaps.views import whitelist_view


def _entry(ctx: Ctx, st: SpapsState, app_id: str) -> WhitelistEntry:
    email = urllib.parse.unquote(ctx.path["email"]).strip().lower()
    entry = st.whitelist.get((app_id, email))
    if entry is None:
        raise ApiError(404, "NOT_FOUND", "Email is not on the whitelist")
    return entry


@op("check_whitelist")
def check_whitelist(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id = app_of(ctx, st)
    email = ctx.query["email"].strip().lower()
    entry = st.whitelist.get((app_id, email))
    if entry is None:
        return ok({"message": "Email is not whitelisted"}, message="Email is not whitelisted")
    return ok({"entry": whitelist_view(entry), "message": "Email is whitelisted"}, message="Email is whitelisted")


@op("list_whitelist_entries")
def list_whitelist_entries(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, _, _ = signed_in(ctx, st)
    tier = ctx.query.get("tier")
    entries = sorted((e for (a, _), e in st.whitelist.items() if a == app_id and (tier is None or e.tier == tier)),
                     key=lambda e: e.email)
    offset = int(ctx.query.get("offset", 0))
    limit = limit_of(ctx)
    return ok({"entries": [whitelist_view(e) for e in entries[offset:offset + limit]], "total": len(entries)})


@op("add_whitelist_entry")
def add_whitelist_entry(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, _, _ = signed_in(ctx, st)
    b = body_of(ctx)
    email = checked_email(b["email"])
    if (app_id, email) in st.whitelist:
        raise ApiError(400, "EMAIL_ALREADY_EXISTS", "Email is already on the whitelist")
    entry = WhitelistEntry(email, app_id, str(b.get("tier", "premium")), bool(b.get("bypass_payment", True)),
                           b.get("metadata"))
    st.whitelist[(app_id, email)] = entry
    return ok({"entry": whitelist_view(entry)}, message="Email added to the whitelist", status=201)


@op("update_whitelist_entry")
def update_whitelist_entry(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, _, _ = signed_in(ctx, st)
    entry = _entry(ctx, st, app_id)
    b = body_of(ctx)
    if "tier" in b:
        entry.tier = str(b["tier"])
    if "bypass_payment" in b:
        entry.bypass_payment = bool(b["bypass_payment"])
    if "metadata" in b:
        entry.metadata = b["metadata"]
    return ok({"entry": whitelist_view(entry)})


@op("remove_whitelist_entry")
def remove_whitelist_entry(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    app_id, _, _ = signed_in(ctx, st)
    entry = _entry(ctx, st, app_id)
    del st.whitelist[(app_id, entry.email)]
    return ok({"message": f"{entry.email} removed from the whitelist"})


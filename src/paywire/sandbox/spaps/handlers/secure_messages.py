"""SPAPS tag ``secure_messages``: messages between a patient and a practitioner, per application.

Where the pinned contracts differ: ``open_messages`` (the seed era: no bearer needed, the list
is everything of the application) and ``pair_messages`` (a bearer of a participant; lists are
pair-scoped, newest first, with keyset cursors; ``clientMessageId`` makes creation idempotent;
messages carry their authorship).
"""

from __future__ import annotations

import base64
import binascii
import json

from paywire.sandbox._framework import ApiError, Ctx, Reply
from paywire.sandbox.spaps.apps import Contract, ok, op
from paywire.sandbox.spaps.constants import SECURE_MESSAGES_LIMIT
from paywire.sandbox.spaps.idempotency import fingerprint
from paywire.sandbox.spaps.records import Authorship, SecureMessage, User
from paywire.sandbox.spaps.request_checks import app_of, body_of, optional_user, signed_in
from paywire.sandbox.spaps.state import SpapsState, new_id, profile
from paywire.sandbox.spaps.views import message_view


def _participant_role(user: User, patient_id: str, practitioner_id: str) -> str:
    if user.id not in (patient_id, practitioner_id):
        raise ApiError(403, "SECURE_MESSAGES_FORBIDDEN_PARTICIPANT", "The caller is not a participant of this conversation")
    if patient_id == practitioner_id:
        raise ApiError(400, "SECURE_MESSAGES_AMBIGUOUS_SENDER", "patientId and practitionerId must differ")
    return "patient" if user.id == patient_id else "practitioner"


@op("create_secure_message")
def create_secure_message(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """``open_messages``: any caller of the application, sender optional; ``pair_messages``: a
    participant of the pair, idempotent by ``clientMessageId``."""
    if not contract.has("pair_messages"):
        app_id = app_of(ctx, st)
        sender = optional_user(ctx, st)
        b = body_of(ctx)
        msg = SecureMessage(new_id("msg", 10), app_id, str(b["patientId"]), str(b["practitionerId"]),
                            str(b["content"]), b.get("metadata"), ctx.clock.now(), sender.id if sender else None)
        st.messages.append(msg)
        return ok(message_view(st, msg, ctx.clock, contract), status=201)
    app_id, user, _ = signed_in(ctx, st)
    b = body_of(ctx)
    patient, practitioner = str(b["patientId"]), str(b["practitionerId"])
    role = _participant_role(user, patient, practitioner)
    prof = profile(st)
    client_id = b.get("clientMessageId")
    request = fingerprint([patient, practitioner, b["content"], b.get("metadata")])
    if client_id is not None:
        existing = prof.client_message_ids.get((app_id, user.id, str(client_id)))
        if existing is not None:
            if prof.authorship[existing].fingerprint != request:
                raise ApiError(409, "SECURE_MESSAGES_IDEMPOTENCY_CONFLICT",
                               "clientMessageId was already used for a different message")
            original = next(m for m in st.messages if m.id == existing)
            return ok(message_view(st, original, ctx.clock, contract), status=201)
    msg = SecureMessage(new_id("msg", 10), app_id, patient, practitioner, str(b["content"]), b.get("metadata"),
                        ctx.clock.now(), user.id)
    st.messages.append(msg)
    prof.authorship[msg.id] = Authorship(user.id, role, str(client_id) if client_id is not None else None, request)
    if client_id is not None:
        prof.client_message_ids[(app_id, user.id, str(client_id))] = msg.id
    return ok(message_view(st, msg, ctx.clock, contract), status=201)


def _encode_cursor(m: SecureMessage) -> str:
    return base64.urlsafe_b64encode(json.dumps([m.created_at, m.id]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        created_at, msg_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return float(created_at), str(msg_id)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ApiError(400, "SECURE_MESSAGES_INVALID_CURSOR", "cursor was not issued by this server") from exc


@op("list_secure_messages")
def list_secure_messages(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    """``open_messages``: every message of the application; ``pair_messages``: one pair's
    conversation, newest first, paged by keyset cursor."""
    if not contract.has("pair_messages"):
        app_id = app_of(ctx, st)
        optional_user(ctx, st)
        return ok({"messages": [message_view(st, m, ctx.clock, contract) for m in st.messages
                                if m.application_id == app_id]})
    app_id, user, _ = signed_in(ctx, st)
    q = ctx.query
    offset = q.get("offset")
    if offset is not None and offset.strip() not in ("", "0"):
        raise ApiError(400, "SECURE_MESSAGES_OFFSET_UNSUPPORTED",
                       "offset paging is not supported; page with cursor / next_cursor")
    patient, practitioner = q["patientId"], q["practitionerId"]
    _participant_role(user, patient, practitioner)
    thread = sorted((m for m in st.messages if m.application_id == app_id and m.patient_id == patient
                     and m.practitioner_id == practitioner), key=lambda m: (m.created_at, m.id), reverse=True)
    if q.get("cursor"):
        after = _decode_cursor(q["cursor"])
        thread = [m for m in thread if (m.created_at, m.id) < after]
    limit = int(q.get("limit", SECURE_MESSAGES_LIMIT))
    page = thread[:limit]
    return ok({"messages": [message_view(st, m, ctx.clock, contract) for m in page],
               "next_cursor": _encode_cursor(page[-1]) if len(thread) > limit else None})

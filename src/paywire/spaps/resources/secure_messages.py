"""``spaps.secure_messages``: patient/practitioner messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import AsyncResource, Flow, SyncResource, operation, paginated
from paywire._core.flow import PageFetch
from paywire.spaps._contract import require_method
from paywire.spaps._validate import v
from paywire.spaps.errors import SECURE_MESSAGES_ERRORS
from paywire.spaps.models import SecureMessage, SecureMessageList
from paywire.spaps.resources._base import PAGE_SIZE, _cursor_pages, _meta, _Ops, _q, _required


class _SecureMessagesOps(_Ops):
    _errors = SECURE_MESSAGES_ERRORS
    _resource = "secure_messages"

    @property
    def _messages_auth(self) -> str:
        """2025-11: the bearer when one is stored; 2026-10: a bearer is required (the sender)."""
        # shape-alike with usage._usage_auth: another feature, the opposite choice
        return "bearer" if self._contract.has("pair_messages") else "optional"

    @operation
    def create_message(self, patient_id: str, practitioner_id: str, content: str,
                       metadata: Mapping[str, Any] | None = None, *,
                       client_message_id: str | None = None) -> Flow[SecureMessage]:
        """``POST /api/secure-messages`` (camelCase on the wire).

        2026-10: the signed-in user is the sender and must be one of the pair (403
        ``SECURE_MESSAGES_FORBIDDEN_PARTICIPANT`` otherwise); ``client_message_id`` makes a
        resend idempotent (and the call retry-safe); reusing it for a different message is 409
        ``SECURE_MESSAGES_IDEMPOTENCY_CONFLICT``. 2025-11: the bearer is added when signed in.
        """
        self._feature("pair_messages", "create_message", client_message_id=client_message_id)
        client_id = v.optional_text(client_message_id, "client_message_id", max_length=200)
        patient, practitioner = v.ident(patient_id, "patient_id"), v.ident(practitioner_id, "practitioner_id")
        text, labels = v.secret(content, "content"), v.metadata(metadata)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.secure_messages import create_secure_message as old
            data = yield from self._get_data(old, old.build_request(body=m25.CreateSecureMessageRequest(
                patient_id=patient, practitioner_id=practitioner, content=text,
                metadata=_meta(m25.Metadata.from_dict, labels))), auth=self._messages_auth)
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.secure_messages import create_secure_message as new
            data = yield from self._get_data(new, new.build_request(body=m26.CreateSecureMessageRequest(
                patient_id=patient, practitioner_id=practitioner, content=text,
                metadata=_meta(m26.Metadata.from_dict, labels), client_message_id=client_id)),
                auth=self._messages_auth, retry_safe=True if client_id is not None else None)
        return SecureMessage.from_dict(data)

    @operation
    def list_messages(self, patient_id: str | None = None, practitioner_id: str | None = None, *,
                      limit: int | None = None, cursor: str | None = None) -> Flow[SecureMessageList]:
        """``GET /api/secure-messages``.

        2025-11: every message, no arguments. 2026-10: one conversation (``patient_id`` and
        ``practitioner_id`` required; the caller must be one of them), newest first, one page
        of ``limit``; pass ``result.next_cursor`` as ``cursor`` for the next page (or use
        :meth:`iter_messages`). There is no offset paging.
        """
        self._feature("pair_messages", "list_messages", patient_id=patient_id, practitioner_id=practitioner_id,
                      limit=limit, cursor=cursor)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.secure_messages import list_secure_messages as old
            data = yield from self._get_data(old, old.build_request(), auth=self._messages_auth)
        else:
            from paywire_gen_spaps_2026_10.api.secure_messages import list_secure_messages as new
            why = " on api_version 2026-10 (conversations are pair-scoped)"
            request = new.build_request(
                patient_id=v.ident(_required(patient_id, "patient_id", why), "patient_id"),
                practitioner_id=v.ident(_required(practitioner_id, "practitioner_id", why), "practitioner_id"),
                limit=_q(v.limit(limit)), cursor=_q(v.optional_text(cursor, "cursor", max_length=2048)))
            data = yield from self._get_data(new, request, auth=self._messages_auth)
        return SecureMessageList.from_dict(data)

    @paginated
    def iter_messages(self, patient_id: str, practitioner_id: str, *,
                      page_size: int = PAGE_SIZE) -> PageFetch[SecureMessage]:
        """(2026-10) Every message of one conversation, newest first, following ``next_cursor``."""
        require_method(self._contract, "secure_messages.iter_messages")
        list_page = type(self).list_messages.fn
        return _cursor_pages(lambda cursor: list_page(self, patient_id, practitioner_id, limit=page_size, cursor=cursor),
                             lambda p: p.messages, lambda p, found: p.next_cursor is not None,
                             lambda p, found: p.next_cursor)


class SyncSecureMessages(_SecureMessagesOps, SyncResource):
    pass


class AsyncSecureMessages(_SecureMessagesOps, AsyncResource):
    pass

"""``spaps.usage``: usage features, the 2026-10 authorize -> record flow, status and history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paywire._core import (
    AsyncResource,
    Flow,
    SyncResource,
    ValidationError,
    idempotency_key,
    operation,
    paginated,
)
from paywire._core.flow import PageFetch
from paywire.spaps._contract import require_method
from paywire.spaps._validate import v
from paywire.spaps.errors import USAGE_ERRORS
from paywire.spaps.models import (
    UsageAuthorization,
    UsageEvent,
    UsageFeatures,
    UsageHistory,
    UsageRecord,
    UsageStatus,
)
from paywire.spaps.resources._base import PAGE_SIZE, _drop_none, _more, _offset_pages, _Ops, _required

#: usage resource types (2026-10)
RESOURCE_TYPES = ("user", "company", "org", "system")


def _numbers(value: Any, field: str) -> dict[str, float]:
    """``{"calls": 1}``: a non-empty mapping of dimension names to finite numbers >= 0."""
    if not isinstance(value, Mapping) or not value:
        raise ValidationError(f"{field} must be a non-empty mapping of dimension name -> number", field=field)
    out: dict[str, float] = {}
    for name, amount in value.items():
        label = v.text(name, f"{field} key", max_length=200)
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount != amount \
                or amount in (float("inf"), float("-inf")) or amount < 0:
            raise ValidationError(f"{field}[{label!r}] must be a finite number >= 0", field=field)
        out[label] = float(amount)
    return out


def _iso(value: Any, field: str) -> str | None:
    stamp = v.timestamp(value, field)
    return None if stamp is None else stamp.isoformat()


# --- usage ------------------------------------------------------------------------------------------------
class _UsageOps(_Ops):
    _errors = USAGE_ERRORS
    _resource = "usage"

    @property
    def _usage_auth(self) -> str:
        """2026-10 usage calls work with the API key alone (the bearer is added when stored)."""
        return "optional" if self._contract.has("usage_authorization") else "bearer"

    def _resource_type(self, value: Any, field: str = "resource_type", *, required: bool = True) -> Any:
        if value is None and not required:
            return None
        if value not in RESOURCE_TYPES:
            raise ValidationError(f"{field} must be one of {', '.join(RESOURCE_TYPES)}, got {value!r}", field=field)
        return self._enum("UsageResourceType", str(value))

    @operation
    def get_features(self) -> Flow[UsageFeatures]:
        """``GET /api/usage/features``: this period's usage per feature."""
        gen = self._gen("get_usage_features", "get_features")
        data = yield from self._get_data(gen, gen._get_kwargs())
        return UsageFeatures.from_dict(data)

    @operation
    def authorize_usage(self, feature_key: str, resource_type: str, *, resource_id: str | None = None,
                        subject_user_id: str | None = None, dimensions: Mapping[str, float] | None = None,
                        metadata: Mapping[str, Any] | None = None) -> Flow[UsageAuthorization]:
        """(2026-10) ``POST /api/usage/authorize``: may this work run? Phase 1 of 2.

        ``resource_type`` is ``user``, ``company``, ``org`` or ``system``; ``dimensions`` the
        amounts the work expects to use (``{"calls": 1}``). A blocked decision is an answer
        (``result.allowed`` is False), not an error. Quote ``result.authorization_ref`` in
        :meth:`record_usage` before ``result.expires_at``.
        """
        gen = self._gen("authorize_usage")
        body = self._model(
            "UsageAuthorizeRequest", feature_key=v.text(feature_key, "feature_key", max_length=200).strip(),
            resource_type=self._resource_type(resource_type),
            resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
            subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
            dimensions=None if dimensions is None else self._meta(_numbers(dimensions, "dimensions"), "Dimensions"),
            metadata=self._meta(v.metadata(metadata)))
        data = yield from self._get_data(gen, gen._get_kwargs(body=body), auth=self._usage_auth)
        return UsageAuthorization.from_dict(data)

    @operation
    def record_usage(self, feature: str | None = None, quantity: float | None = None,
                     metadata: Mapping[str, Any] | None = None, timestamp: Any = None,
                     idempotency_key: str | None = None, *, authorization_ref: str | None = None,
                     feature_key: str | None = None, resource_type: str | None = None,
                     dimensions: Mapping[str, float] | None = None, resource_id: str | None = None,
                     subject_user_id: str | None = None, occurred_at: Any = None) -> Flow[UsageRecord]:
        """``POST /api/usage/record``; idempotent by ``idempotency_key`` (yours, or a fresh uuid4
        per call), so a retried request never counts twice and the call is retried on 429/5xx
        and dropped connections.

        * 2025-11: ``record_usage(feature=..., quantity=..., metadata=None, timestamp=None,
          idempotency_key=None)``; the key goes in ``X-Idempotency-Key``.
        * 2026-10: ``record_usage(authorization_ref=..., feature_key=..., resource_type=...,
          dimensions={...}, idempotency_key=None, resource_id=None, subject_user_id=None,
          metadata=None, occurred_at=None)`` after :meth:`authorize_usage`; the key goes in the
          body; a replay answers ``status="replayed"``.

        The other version's arguments raise :class:`UnsupportedOperationError` naming it.
        """
        gen = self._gen("record_usage")
        self._feature("legacy_usage", "record_usage", feature=feature, quantity=quantity, timestamp=timestamp)
        self._feature("usage_authorization", "record_usage", authorization_ref=authorization_ref,
                      feature_key=feature_key, resource_type=resource_type, dimensions=dimensions,
                      resource_id=resource_id, subject_user_id=subject_user_id, occurred_at=occurred_at)
        key = idempotency_key_for(idempotency_key)
        if self._contract.has("usage_authorization"):
            why = " (record_usage on api_version 2026-10 quotes usage.authorize_usage())"
            body = self._model(
                "RecordUsageRequest",
                authorization_ref=v.ident(_required(authorization_ref, "authorization_ref", why), "authorization_ref"),
                idempotency_key=key,
                feature_key=v.text(_required(feature_key, "feature_key", why), "feature_key", max_length=200).strip(),
                resource_type=self._resource_type(_required(resource_type, "resource_type", why)),
                dimensions=self._meta(_numbers(_required(dimensions, "dimensions", why), "dimensions"), "Dimensions"),
                resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
                metadata=self._meta(v.metadata(metadata)), occurred_at=_iso(occurred_at, "occurred_at"))
            kwargs = gen._get_kwargs(body=body)
        else:
            why = " (record_usage(feature=..., quantity=...) on api_version 2025-11)"
            body = self._model(
                "RecordUsageRequest", feature=v.text(_required(feature, "feature", why), "feature", max_length=200).strip(),
                quantity=v.positive_number(_required(quantity, "quantity", why), "quantity"),
                metadata=self._meta(v.metadata(metadata)), timestamp=v.timestamp(timestamp))
            kwargs = gen._get_kwargs(body=body, x_idempotency_key=key)
        data = yield from self._get_data(gen, kwargs, auth=self._usage_auth, retry_safe=True)
        return UsageRecord.from_dict(data)

    @operation
    def get_status(self, feature_key: str, resource_type: str, resource_id: str | None = None,
                   subject_user_id: str | None = None) -> Flow[UsageStatus]:
        """(2026-10) ``GET /api/usage/status``: the current decision and window totals for a
        feature and resource; records nothing."""
        gen = self._gen("get_usage_status", "get_status")
        kwargs = gen._get_kwargs(
            feature_key=v.text(feature_key, "feature_key", max_length=200).strip(),
            resource_type=self._resource_type(resource_type),
            **_drop_none(resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                         subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id")))
        data = yield from self._get_data(gen, kwargs, auth=self._usage_auth)
        return UsageStatus.from_dict(data)

    @operation
    def get_history(self, period: str | None = None, start_date: Any = None, end_date: Any = None,
                    feature: str | None = None, format: str | None = None, *, feature_key: str | None = None,
                    resource_type: str | None = None, resource_id: str | None = None,
                    subject_user_id: str | None = None, limit: int | None = None,
                    offset: int | None = None) -> Flow[UsageHistory]:
        """``GET /api/usage/history``.

        * 2025-11: aggregated by ``period`` between ``start_date`` and ``end_date`` (dates as
          ``datetime.date`` or ``"YYYY-MM-DD"``), per ``feature``; ``result.history``.
        * 2026-10: recorded events, newest first, filtered by ``feature_key``,
          ``resource_type``, ``resource_id``, ``subject_user_id``; one page of ``limit`` from
          ``offset`` (``result.events``, ``has_more``, ``next_offset``; :meth:`iter_history`
          reads them all).
        """
        gen = self._gen("get_usage_history", "get_history")
        self._feature("legacy_usage", "get_history", period=period, start_date=start_date, end_date=end_date,
                      feature=feature, format=format)
        self._feature("usage_authorization", "get_history", feature_key=feature_key, resource_type=resource_type,
                      resource_id=resource_id, subject_user_id=subject_user_id, limit=limit, offset=offset)
        if self._contract.has("usage_authorization"):
            kwargs = gen._get_kwargs(**_drop_none(
                feature_key=v.optional_text(feature_key, "feature_key", max_length=200),
                resource_type=self._resource_type(resource_type, required=False),
                resource_id=None if resource_id is None else v.ident(resource_id, "resource_id"),
                subject_user_id=None if subject_user_id is None else v.ident(subject_user_id, "subject_user_id"),
                limit=v.limit(limit), offset=v.optional_integer(offset, "offset", minimum=0)))
        else:
            kwargs = gen._get_kwargs(**_drop_none(
                period=v.optional_text(period, "period", max_length=20), start_date=v.date(start_date, "start_date"),
                end_date=v.date(end_date, "end_date"), feature=v.optional_text(feature, "feature", max_length=200),
                format_=v.optional_text(format, "format", max_length=20)))
        data = yield from self._get_data(gen, kwargs, auth=self._usage_auth)
        return UsageHistory.from_dict(data)

    @paginated
    def iter_history(self, *, feature_key: str | None = None, resource_type: str | None = None,
                     resource_id: str | None = None, subject_user_id: str | None = None,
                     page_size: int = PAGE_SIZE) -> PageFetch[UsageEvent]:
        """(2026-10) Every recorded usage event, newest first, page after page (offset paging)."""
        require_method(self._contract, "usage.iter_history")
        get_page = type(self).get_history.fn
        return _offset_pages(
            lambda offset: get_page(self, feature_key=feature_key, resource_type=resource_type, resource_id=resource_id,
                                    subject_user_id=subject_user_id, limit=page_size, offset=offset or None),
            lambda p: p.events, lambda p, found: _more(p.has_more, found, page_size))


def idempotency_key_for(supplied: str | None) -> str:
    return idempotency_key(supplied)


class SyncUsage(_UsageOps, SyncResource):
    pass


class AsyncUsage(_UsageOps, AsyncResource):
    pass

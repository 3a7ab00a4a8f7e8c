"""``spaps.metrics``: health, readiness and metrics (no auth headers, no envelope)."""

from __future__ import annotations

from paywire._core import AsyncResource, Flow, SyncResource, operation
from paywire.spaps.errors import METRICS_ERRORS
from paywire.spaps.models import HealthStatus, MetricsJson, ReadinessStatus
from paywire.spaps.resources._base import _data, _json, _Ops


class _MetricsOps(_Ops):
    _errors = METRICS_ERRORS
    _resource = "metrics"

    @operation
    def health(self) -> Flow[HealthStatus]:
        """``GET /health``."""
        # shape-alike with sessions.get_current_session: another operation, no auth (see _base.py)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.metrics import get_health as old
            resp = yield from self._call(old, old.build_request(), auth="none")
        else:
            from paywire_gen_spaps_2026_10.api.metrics import get_health as new
            resp = yield from self._call(new, new.build_request(), auth="none")
        return HealthStatus.from_dict(_data(_json(resp, self._errors)))

    @operation
    def readiness(self) -> Flow[ReadinessStatus]:
        """``GET /health/ready`` (a 503 answer means not ready: ``ready=False``)."""
        if self._seed:
            from paywire_gen_spaps_2025_11.api.metrics import get_readiness as old
            resp = yield from self._call(old, old.build_request(), auth="none", ok=(503,))
        else:
            from paywire_gen_spaps_2026_10.api.metrics import get_readiness as new
            resp = yield from self._call(new, new.build_request(), auth="none", ok=(503,))
        data = _data(_json(resp, self._errors)) if resp.status_code == 200 else {}
        if resp.status_code == 503:
            try:
                body = resp.json()
            except ValueError:
                body = {}
            data = body if isinstance(body, dict) else {}
            data = {**data, "ready": False}
        return ReadinessStatus.from_dict(data)

    @operation
    def get_metrics_json(self) -> Flow[MetricsJson]:
        """``GET /api/metrics/json``."""
        # shape-alike with get_prometheus_metrics: another operation and answer type (see _base.py)
        accept = {"Accept": "application/json"}
        if self._seed:
            from paywire_gen_spaps_2025_11.api.metrics import get_metrics_json as old
            resp = yield from self._call(old, old.build_request(), auth="none", headers=accept)
        else:
            from paywire_gen_spaps_2026_10.api.metrics import get_metrics_json as new
            resp = yield from self._call(new, new.build_request(), auth="none", headers=accept)
        return MetricsJson.from_dict(_data(_json(resp, self._errors)))

    @operation
    def get_prometheus_metrics(self) -> Flow[str]:
        """``GET /api/metrics``: the Prometheus text exposition."""
        accept = {"Accept": "text/plain"}
        if self._seed:
            from paywire_gen_spaps_2025_11.api.metrics import get_prometheus_metrics as old
            resp = yield from self._call(old, old.build_request(), auth="none", headers=accept)
        else:
            from paywire_gen_spaps_2026_10.api.metrics import get_prometheus_metrics as new
            resp = yield from self._call(new, new.build_request(), auth="none", headers=accept)
        return resp.text


class SyncMetrics(_MetricsOps, SyncResource):
    pass


class AsyncMetrics(_MetricsOps, AsyncResource):
    pass

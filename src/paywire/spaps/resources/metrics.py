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
        gen = self._gen("get_health", "health")
        resp = yield from self._call(gen, gen._get_kwargs(), auth="none")
        return HealthStatus.from_dict(_data(_json(resp, self._errors)))

    @operation
    def readiness(self) -> Flow[ReadinessStatus]:
        """``GET /health/ready`` (a 503 answer means not ready: ``ready=False``)."""
        gen = self._gen("get_readiness", "readiness")
        resp = yield from self._call(gen, gen._get_kwargs(), auth="none", ok=(503,))
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
        gen = self._gen("get_metrics_json")
        resp = yield from self._call(gen, gen._get_kwargs(), auth="none", headers={"Accept": "application/json"})
        return MetricsJson.from_dict(_data(_json(resp, self._errors)))

    @operation
    def get_prometheus_metrics(self) -> Flow[str]:
        """``GET /api/metrics``: the Prometheus text exposition."""
        gen = self._gen("get_prometheus_metrics")
        resp = yield from self._call(gen, gen._get_kwargs(), auth="none", headers={"Accept": "text/plain"})
        return resp.text


class SyncMetrics(_MetricsOps, SyncResource):
    pass


class AsyncMetrics(_MetricsOps, AsyncResource):
    pass

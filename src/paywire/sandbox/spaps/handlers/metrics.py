"""SPAPS tag ``metrics``: health, readiness, Prometheus text built from the request log, and JSON."""

from __future__ import annotations

from paywire.sandbox._framework import Ctx, Reply
from paywire.sandbox.spaps.apps import APPS, Body, Contract, op
from paywire.sandbox.spaps.state import SpapsState


@op("get_health")
def get_health(ctx: Ctx, st: SpapsState, contract: Contract) -> Body:
    return {"status": "healthy"}


@op("get_readiness")
def get_readiness(ctx: Ctx, st: SpapsState, contract: Contract) -> Body:
    return {"ready": True}


def _rss_mb() -> float:
    try:
        import resource  # POSIX only
    except ImportError:
        return 0.0
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 2)  # Linux: KiB


#: Every pinned SPAPS app: they are one server with one state, so its counters cover them all.
_SPAPS_APPS = frozenset(app.name for app, _ in APPS)


@op("get_prometheus_metrics")
def get_prometheus_metrics(ctx: Ctx, st: SpapsState, contract: Contract) -> Reply:
    counts: dict[tuple[str, str], int] = {}
    for entry in (ctx.namespace or ctx.sandbox).requests:
        if entry.get("service") in _SPAPS_APPS:
            k = (str(entry.get("op")), str(entry.get("status", "")))
            counts[k] = counts.get(k, 0) + 1
    lines = [
        "# HELP spaps_http_requests_total HTTP requests handled, by operation and status.",
        "# TYPE spaps_http_requests_total counter",
        *(f'spaps_http_requests_total{{operation="{o}",status="{s}"}} {n}' for (o, s), n in sorted(counts.items())),
        "# HELP spaps_users_total Registered users.",
        "# TYPE spaps_users_total gauge",
        f"spaps_users_total {len(st.users)}",
        "# HELP spaps_active_sessions Sessions neither revoked nor expired.",
        "# TYPE spaps_active_sessions gauge",
        f"spaps_active_sessions {sum(len(st.active_sessions(u)) for u in st.users)}",
        "# HELP process_uptime_seconds Seconds since the sandbox state was seeded.",
        "# TYPE process_uptime_seconds gauge",
        f"process_uptime_seconds {ctx.clock.now() - st.started_at:.3f}",
        "# HELP process_resident_memory_megabytes Peak resident memory.",
        "# TYPE process_resident_memory_megabytes gauge",
        f"process_resident_memory_megabytes {_rss_mb()}",
    ]
    return Reply(200, "\n".join(lines) + "\n", media_type="text/plain; version=0.0.4; charset=utf-8")


@op("get_metrics_json")
def get_metrics_json(ctx: Ctx, st: SpapsState, contract: Contract) -> Body:
    return {"timestamp": ctx.clock.iso(), "uptime_seconds": round(ctx.clock.now() - st.started_at, 3),
            "system": {"memory": {"rss_mb": _rss_mb()}}}

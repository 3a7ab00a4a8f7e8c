"""The entitlement cache shared by :mod:`paywire.vellum` and :mod:`paywire.lumen`.

    from paywire.entitlements import EntitlementCache

    cache: EntitlementCache[str, dict] = EntitlementCache(ttl_ms=30_000, max_size=10_000)
    value = cache.get("unit_1")                                   # hot path: fresh value or None
    value = cache.get_or_fetch("unit_1", lambda: fetch("unit_1"))  # one fetch per key at a time
    value = await cache.get_or_fetch_async("unit_1", lambda: afetch("unit_1"))
    cache.invalidate("unit_1")                                    # or cache.invalidate() for all

See :mod:`paywire.entitlements._cache` for the design and the measured hit-path cost.

Many processes or hosts (``pip install 'paywire[redis]'``; imported only when used):
:mod:`paywire.entitlements.redis_tier` puts Redis under this cache (one API fetch per key across
processes, ``invalidate()`` reaching every process), :mod:`paywire.entitlements.relay` runs one
writer that keeps Redis filled for read-only app processes (also ``paywire relay``).
"""

from paywire.entitlements._cache import DEFAULT_MAX_SIZE, DEFAULT_STALE_ERRORS, EntitlementCache

__all__ = ["DEFAULT_MAX_SIZE", "DEFAULT_STALE_ERRORS", "EntitlementCache"]

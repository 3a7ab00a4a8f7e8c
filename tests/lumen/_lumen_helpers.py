"""Helpers shared by the Lumen tests (kept out of conftest so test modules can import them)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _support.flavours import aclose, body_of, call  # noqa: F401  (re-exported)

from paywire._core import NO_RETRIES
from paywire.lumen import _pool

API_KEY = "lumen_sk_unit_0123456789abcdef"
BASE = "https://api.lumen.test"
CUS = "cus_AAAAAAAAAAAAAAAAAAAAAA"

STATUS_OK: dict[str, Any] = {
    "hasActiveSubscription": True,
    "customer": {"id": CUS, "name": "Ada", "email": "ada@example.com"},
    "subscription": {"id": "sub_1", "planId": "plan_int_x", "planName": "Pro", "status": "active"},
}
ENTITLEMENTS: dict[str, Any] = {
    "entitlements": [
        {"entitled": True, "feature": {"slug": "api-calls", "value": 100}, "source": "plan",
         "usages": [{"metricId": "api_call", "usage": 3}], "usage": 3, "limit": 100},
        {"entitled": False, "feature": {"slug": "premium-feature", "value": False}, "source": "plan"},
        {"entitled": True, "feature": {"slug": ""}, "source": "default"},
    ]
}
SEAT_USAGE: dict[str, Any] = {"customerId": CUS, "subscriptionId": "sub_1", "seatUsages": [
    {"componentId": "pc_1", "currentUsage": 2}]}
SUBSCRIPTION: dict[str, Any] = {"id": "sub_1", "customerId": CUS, "planId": "plan_int_x", "status": "active"}


def route_pool(monkeypatch: pytest.MonkeyPatch, transport: httpx.BaseTransport | httpx.AsyncBaseTransport,
               base: str, key: str | None = None) -> None:
    """The shared client pool (behind the module-level functions and the proxy handlers) starts
    afresh and sends through ``transport`` to ``base``, without retries; ``key``, when given,
    becomes LUMEN_API_KEY. (tests/lumen's conftest empties the pool again after each test.)"""
    _pool.clear()
    monkeypatch.setitem(_pool.client_options, "transport", transport)
    monkeypatch.setitem(_pool.client_options, "retry_config", NO_RETRIES)
    if key is not None:
        monkeypatch.setenv("LUMEN_API_KEY", key)
    monkeypatch.setenv("LUMEN_API_URL", base)

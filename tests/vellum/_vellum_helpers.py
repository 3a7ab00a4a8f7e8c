"""Helpers shared by the Vellum facade tests (kept out of conftest so modules can import them)."""

from __future__ import annotations

from typing import Any

from _support.flavours import aclose, body_of, call, no_sleep  # noqa: F401  (re-exported)

BASE_URL = "https://api.vellumcharter.com"
API_KEY = "vlm_sam.unit_test_secret_42"
TENANT = "sam"
T = f"/tenants/{TENANT}"
ENT = {"status": "active", "modules": ["imports", "exports"], "config": {"trial_days": 14}, "hasAccess": True}


def _flavours() -> dict[str, Any]:
    from paywire.vellum import AsyncVellumClient, VellumClient

    return {"sync": VellumClient, "async": AsyncVellumClient}


FLAVOURS = _flavours()

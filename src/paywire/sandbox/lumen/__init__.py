"""Sandbox emulator of the Lumen ``/v1`` server API (spec ``openapi/lumen/v1.yaml``).

Served under ``/lumen`` (service name ``lumen``, state key ``lumen``), so a client's base URL
is ``<sandbox>/lumen`` and it calls ``<sandbox>/lumen/v1/...`` exactly as the Lumen SDK does.

What is emulated, all in memory:

- secret API keys (``Authorization: Bearer <key>``; :data:`DEFAULT_API_KEY` is seeded);
- customers: internal ids ``cus_`` + 22 characters, mapped to your external user ids;
- plans: a seeded free plan (:data:`FREE_PLAN_ID`) and a paid plan (:data:`PRO_PLAN_ID`), each
  with boolean features and numeric limits, and a per-seat price component;
- subscriptions (enrollment / free subscription / :meth:`LumenState.subscribe`), with 30-day
  billing periods;
- entitlements computed from plan features, per-customer overrides, credit grants and usage
  (priority credits > override > plan > default). Usage of a numeric feature is the sum of
  ``eventValue`` of its metric's events in the current period (string events count distinct
  strings); the metric :data:`SEATS_METRIC` counts active seats;
- usage events, de-duplicated per customer by ``idempotencyKey`` for 24 hours (a duplicate is
  202 ``deduplicated: true`` with the original event and is counted once);
- seats (add / remove, idempotent by ``idempotency_key``) and seat usage per customer;
- portal payment methods (setup intents completed through :meth:`LumenState.complete_setup_intent`
  or ``POST /_sandbox/lumen/complete-setup-intent``), invoices, payments and invoice PDF links.

Error bodies are ``{"error": "..."}`` (plus ``details`` for validation failures).

Where things are: ``state.py`` (constants, seed data, dataclasses, :class:`LumenState`),
``entitlements.py`` (how a feature is resolved), ``views.py`` (state -> wire JSON),
``service.py`` (the ``ServiceApp`` and request helpers), ``handlers/<tag>.py`` (one module per
tag of the spec), ``controls.py`` (``/_sandbox/lumen/<action>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The ServiceApps (what the server routes by); their handlers and state load on first use.
from paywire.sandbox.lumen.service import lumen_v1 as lumen_v1

if TYPE_CHECKING:
    from paywire.sandbox.lumen.exports import *  # noqa: F403


def __getattr__(name: str) -> Any:
    from paywire.sandbox.service_kit import public_name

    return public_name(__name__, name)

"""CONXA sandbox: an in-memory emulator of the CONXA wallet API (``openapi/conxa/v1.yaml``).

Served under ``/conxa`` (service name ``conxa``, state key ``conxa``). What it models:

* **Providers and API keys.** Seeded: provider ``openai`` with key ``pk_test_openai_sandbox``
  (:data:`DEFAULT_PROVIDER_ID`, :data:`DEFAULT_API_KEY`). A missing key is a 401 from the
  framework's security check; an unknown key is a 401 ``INVALID_API_KEY`` from every operation
  except ``/health``. (The SDK calls ``/wallet`` "public"; the sandbox still checks the key it
  always sends, which catches a misconfigured key early.)
* **Connections**, one per (provider, ``provider_username``): ``not_found`` → ``pending`` once
  the QR is "scanned" (:meth:`ConxaState.scan`) → ``active`` after :meth:`ConxaState.approve`
  (a fresh ``ps_…`` token and an expiry on the sandbox clock, default
  :data:`DEFAULT_SESSION_TTL_SECONDS`) → ``expired`` once the clock passes the expiry (or
  :meth:`ConxaState.expire`). ``approve`` may be called without ``scan``; re-approving issues a
  new token and revokes the old one. Unknown users answer ``200 {"status": "not_found"}``
  (or 404 with :attr:`ConxaState.unknown_user_404`).
* **Poll rate limit.** Polling one (provider, username) again sooner than
  :attr:`ConxaState.min_poll_interval` seconds (default 0.2) answers 429 with ``Retry-After``
  (whole seconds, at least 1). A 429 does not restart the window.
* **Wallets**: 16-digit ids with a token balance. Seeded: :data:`DEFAULT_WALLET_ID` with
  :data:`DEFAULT_WALLET_TOKENS` tokens.
* **Pricing** (:data:`DEFAULT_PRICING`): ``tokens charged = input_tokens * input_rate +
  output_tokens * output_rate``; every seeded model uses rates 1 and 2, i.e.
  ``input + 2 * output``. An unknown model answers 422 ``UNKNOWN_MODEL``.
* **Charges** with idempotency keyed by (provider, ``X-Idempotency-Key``), as the spec's
  decisions 1-4 say: the first request is marked *in progress*, waits
  :attr:`ConxaState.charge_latency` seconds (default 0; the in-flight window), then commits.
  A concurrent duplicate gets 409 ``IDEMPOTENCY_KEY_IN_PROGRESS``; a later replay gets the
  stored original status and body (200, 402 or 403) even if the session expired meanwhile; the
  same key with a different body or session token gets 422 ``IDEMPOTENCY_KEY_REUSED``. 401 and
  422 outcomes are not stored. A debit is applied at most once per key.
* **Denials** (nothing debited, outcome stored): 402 with ``new_balance`` when the balance is
  short; 403 ``HARD_CAP_VIOLATION`` when the connection's cumulative spend would exceed its
  ``limit``; 403 ``NO_CHARGE_PERMISSION`` when the connection's permission is off
  (:meth:`ConxaState.set_charge_permission`).

Framework faults (``latency_ms``) delay a request *before* its handler runs, so they do not by
themselves make two duplicates overlap inside the handler; use ``charge_latency`` for that.

Tests and the demo drive it through :class:`ConxaState` (``sandbox.state("conxa")``) or the
control plane ``POST /_sandbox/conxa/<action>`` (see ``controls.py``).

Where things are: ``state.py`` (constants, seed data, dataclasses, :class:`ConxaState` with
the exactly-once charge), ``wallet_crypto.py`` (session tokens, constant-time key checks),
``views.py`` (state -> wire JSON), ``service.py`` (the ``ServiceApp`` and request helpers),
``handlers/<tag>.py`` (one module per tag of the spec), ``controls.py`` (the control plane).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The ServiceApps (what the server routes by); their handlers and state load on first use.
from paywire.sandbox.conxa.service import conxa as conxa

if TYPE_CHECKING:
    from paywire.sandbox.conxa.exports import *  # noqa: F403


def __getattr__(name: str) -> Any:
    from paywire.sandbox.service_kit import public_name

    return public_name(__name__, name)

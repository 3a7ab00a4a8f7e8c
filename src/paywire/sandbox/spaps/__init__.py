"""SPAPS sandbox: an in-memory emulator of both pinned SPAPS contracts, one server.

SPAPS has no URL or header version, so each pinned contract is an app of **one** server
(:mod:`.apps`): the seed era (``openapi/spaps/2025-11.yaml``, spaps 0.1.4) under ``/spaps``
(service ``spaps``) and today's server (``openapi/spaps/2026-10.yaml``) under
``/spaps-2026-10`` (service ``spaps-2026-10``). Both share the state ``spaps``: a user
registered through one signs in through the other, a checkout created here is listed there,
usage recorded through either counts against the same limits. Every operationId of both specs
has a handler, one per operation (``handlers/<tag>.py``), registered on every app whose spec has
it; where the contracts answer differently the handler asks the app's contract for a feature
(``contract.has("offset_paging")``), the same features the facade uses (``paywire._features``).
The five legacy ``/api/payments/*`` calls are not in the 2026-10 contract, so that app has no
route for them (404; the real server answers 501).

What it models (each spec's ``info.description`` lists the contract decisions this follows):

* **Applications and API keys.** Seeded: :data:`DEFAULT_API_KEY` (``test_key_local_dev_only``)
  for application :data:`DEFAULT_APPLICATION_ID`. A missing ``X-API-Key`` (or a missing bearer
  where the spec requires one) is a 401 ``UNAUTHORIZED`` from the framework's security check; an
  unknown key is a 401 ``UNAUTHORIZED`` from every ``/api`` operation.
  :meth:`SpapsState.add_api_key` adds another application.
* **Users.** Seeded: :data:`DEFAULT_USER_EMAIL` / :data:`DEFAULT_USER_PASSWORD` (the seed
  README's ``user@example.com`` / ``Secret123!``, id :data:`DEFAULT_USER_ID`, tier ``pro``,
  with subscription ``sub_123``, payment ``pi_123`` and checkout session ``cs_test_123``).
  Passwords are stored as scrypt hashes (:mod:`.passwords`).
* **Tokens and sessions.** Every sign-in (password, wallet, magic link, auto-login register)
  opens a server-side session and issues an opaque access token valid for
  :data:`ACCESS_TOKEN_TTL` (900 s) and a refresh token valid for :data:`SESSION_TTL`. Refresh
  rotates; for :data:`REFRESH_REUSE_INTERVAL` (10 s, supabase's rule) the rotated token still
  answers with the session's current pair (a client whose answer was lost retries safely);
  presenting it later revokes the whole session (reuse detection). A bad or expired
  access token is 401 ``INVALID_TOKEN``; a token whose session was revoked is 401
  ``INVALID_SESSION`` (``POST /api/sessions/validate`` answers 403 ``SESSION_REVOKED``).
  ``validate`` renews a session with less than :data:`SESSION_RENEW_WINDOW` left. Logout and a
  password reset revoke sessions.
* **MFA** (contracts with ``mfa``): :func:`require_mfa` (control
  ``POST /_sandbox/spaps-2026-10/require_mfa``) makes password, wallet and magic-link sign-in
  answer a challenge, completed by ``verify_mfa`` with the code the control
  ``GET /_sandbox/spaps-2026-10/mfa_challenges`` shows, or a recovery code.
* **Magic links, password resets, email confirmation** write to an outbox
  (:meth:`SpapsState.outbox`, control ``POST /_sandbox/spaps/outbox``) instead of sending
  mail; the token in the message is what the verify/confirm endpoints take.
* **Wallet sign-in** verifies real signatures over the nonce ``message``
  (:mod:`.wallet_crypto`: Solana ed25519, Ethereum EIP-191 ``personal_sign``). Nonces live
  :data:`NONCE_TTL` seconds and are single use.
* **Stripe side** (:mod:`.handlers.stripe`): products/prices (seeded, see
  :data:`SEED_PRODUCTS`), user and guest checkout sessions expiring after :data:`CHECKOUT_TTL`;
  :meth:`SpapsState.complete_checkout` plays the customer paying. Subscriptions roll over on the
  sandbox clock (month = 30 days) with a renewal payment, or end when ``cancel_at_period_end``
  is set.
* **Legacy payments** (2025-11 only, :mod:`.handlers.payments`): balance, payment intents
  (:meth:`SpapsState.decline_cards` makes the next ones 402 ``CARD_DECLINED``), payment methods
  (seeded Stripe test ids ``pm_card_visa``, ``pm_card_mastercard``), wallet deposits whose
  confirmations grow with the sandbox clock (ethereum 12 blocks of 12 s, solana 32 of 0.5 s).
* **Crypto invoices** with settlements added by :meth:`SpapsState.pay_invoice`.
* **Usage** per user and feature (tier limits in :data:`FEATURE_CATALOG`, 30-day periods):
  quantities with ``X-Idempotency-Key`` (``legacy_usage``) or two-phase authorize -> record
  events (``usage_authorization``), one account either way (:mod:`.usage_metering`).
* **Secure messages** and the **whitelist** are kept per application.
* ``/health``, ``/health/ready``, ``/api/metrics`` (Prometheus text built from the request log)
  and ``/api/metrics/json``.

Every ``/api`` answer carries an ``X-Request-ID`` header; success envelopes also carry
``request_id`` and ``timestamp``, errors ``metadata.request_id``.

Layout: :mod:`.constants` (seeded defaults, lifetimes, catalogues), :mod:`.records` (the
dataclasses), :mod:`.state` (:class:`SpapsState`), :mod:`.apps` (the two apps, their
contracts, ``@op``), :mod:`.request_checks`, :mod:`.paging`, :mod:`.idempotency`,
:mod:`.views` (state -> wire JSON), ``handlers/<tag>.py``, :mod:`.controls` (control plane).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The ServiceApps (what the server routes by); their handlers and state load on first use.
from paywire.sandbox.spaps.services import spaps as spaps
from paywire.sandbox.spaps.services import spaps_2026_10 as spaps_2026_10

if TYPE_CHECKING:
    from paywire.sandbox.spaps.exports import *  # noqa: F403


def __getattr__(name: str) -> Any:
    from paywire.sandbox.service_kit import public_name

    return public_name(__name__, name)

"""Vellum sandbox: an in-memory emulator of both pinned Vellum contracts.

Two services share one state (state key ``vellum``):

* ``vellum-v1`` under ``/vellum`` serves ``openapi/vellum/v1.yaml`` (the vellumcharter 0.1.0 era);
* ``vellum-v2`` under ``/vellum-v2`` serves ``openapi/vellum/v2.yaml`` (the 1.4.x surface).

Both are views of *one* server: an account created through v1 is visible through v2, and each
version renders it in its own shape. One handler serves an operation for both versions; where
they differ it asks the pinned contract for a named feature (``contract.has("ref_handles")``,
the table of ``paywire._features``, which the facade uses too), never the version.

The package: :mod:`.records` (constants, seeded catalog, the dataclasses), :mod:`.state` (the
container and everything that changes it), :mod:`.views` (state -> wire JSON per contract),
:mod:`.push` (the signed outbox), :mod:`.apps` (the two services and what each handler starts
with), :mod:`.handlers` (one module per tag of the specs), :mod:`.controls` (control plane).

What it models:

* **Tenants and keys.** Seeded: tenant :data:`DEFAULT_TENANT` (``sam``) with key
  :data:`DEFAULT_API_KEY`, and tenant :data:`OTHER_TENANT` (``acme``) with
  :data:`OTHER_API_KEY`. A missing key is a 401 from the framework's security check; an unknown
  key is 401 ``UNAUTHORIZED``; a valid key on another tenant's path is 403 ``FORBIDDEN``.
* **Catalog** (:data:`CATALOG`, shared by all tenants): product ``prod_sam`` with ``basic`` v1
  (``imports``; no trial), ``pro`` v1 (``imports``, ``exports``; 14-day trial) and ``pro`` v2
  (adds ``reports``), and plan ``team`` v1, which exists in **two** products, so a v2 call
  without ``productId`` is 400 ``AMBIGUOUS_PLAN`` (v1 picks the first product). Add-on modules
  :data:`ADD_ONS`. Unknown plans/versions/add-ons are 400 ``UNKNOWN_PLAN`` / ``UNKNOWN_ADD_ON``.
* **Accounts and customers.** Re-creating returns the existing record. v1 overwrites a
  different ``stripeCustomerId``; v2 answers 409 ``BILLING_CUSTOMER_CONFLICT``. Account or
  customer status other than ``active`` withholds access.
* **Subscriptions** on the sandbox clock: a plan with ``trial_days`` starts ``trialing``
  (period = the trial); otherwise ``active`` when the account has a card, else ``incomplete``
  (which expires to ``incomplete_expired`` after 23 hours, like Stripe's).
  Each time any operation (or :meth:`VellumState.settle`) runs, periods that ended are settled:
  a pending cancel-at-period-end becomes ``canceled``; a trial becomes ``active`` (card) or
  ``past_due`` (no card); an active period rolls over with a new invoice. A second subscription
  for a customer with a live one is 409 ``SUBSCRIPTION_EXISTS`` in v2 and *replaces* it in v1.
  v2 ``create_subscription`` needs a saved card (400 ``PAYMENT_METHOD_REQUIRED``).
* **Payment methods**: each has a raw id (``pm_…``, the only handle in v1) and an opaque ref
  bound to its account (``pmr_…``, the only handle in v2; raw ids and other accounts' refs are
  404 in v2). Added by :meth:`VellumState.add_payment_method` or by completing a setup
  checkout. **Invoices** likewise (``in_…`` / ``inr_…``); the v1 PDF is a 302 to
  ``https://files.sandbox.vellum.invalid/invoices/<id>.pdf``, v2 returns real PDF bytes.
* **Checkouts** return a ``sessionId``; :meth:`VellumState.complete_checkout` plays the
  customer finishing the hosted page (subscription, saved card, or credits).
* **Entitlements** derive from the customer's current subscription: 404 for a customer with no
  record; ``status: "none"`` with no modules when there is no subscription; modules and
  ``hasAccess`` only for ``active``/``trialing`` with active account and customer (modules are
  emptied otherwise). v1 adds ``billingSubscriptionId`` and omits ``hasAccess`` (0.1.0 era).
* **Credits** (v2): types :data:`CREDIT_TYPES`, packs :data:`CREDIT_PACKS`. ``consume`` is
  all-or-nothing and idempotent per (customer, credit type, ``idempotencyKey``); a replay
  returns the first result; the same key with another amount is 409 ``IDEMPOTENCY_KEY_REUSED``;
  a short balance is 409 ``INSUFFICIENT_CREDITS``. Grant with :meth:`VellumState.grant_credits`.
* **Flags** (v2): global :data:`DEFAULT_FLAGS` plus per-customer overrides
  (:meth:`VellumState.set_flag`).
* **Push webhooks**: every subscription change and every invoice appends a signed event to an
  outbox (``subscription.created|updated|canceled``, ``payment.succeeded|failed``), rendered
  in the shape of the API version whose call caused it (settling outside a call renders the newest, v2).
  :meth:`VellumState.configure_push` sets a loopback URL and secret per tenant;
  :meth:`VellumState.deliver_pushes` POSTs each pending event's raw JSON with header
  :data:`SIGNATURE_HEADER` = ``t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`` using the
  sandbox clock, trying up to :data:`PUSH_ATTEMPTS` times with no delay, then drops it
  (status ``failed``). The receiver must not be this sandbox (delivery is synchronous).

Control plane (on both ``vellum-v1`` and ``vellum-v2``): ``POST /_sandbox/<svc>/configure-push``,
``GET .../outbox``, ``POST .../deliver-pushes``, ``POST .../add-payment-method``,
``POST .../complete-checkout``, ``POST .../grant-credits``, ``POST .../set-flag``,
``POST .../settle``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The ServiceApps (what the server routes by); their handlers and state load on first use.
from paywire.sandbox.vellum.services import vellum_v1 as vellum_v1
from paywire.sandbox.vellum.services import vellum_v2 as vellum_v2

if TYPE_CHECKING:
    from paywire.sandbox.vellum.exports import *  # noqa: F403


def __getattr__(name: str) -> Any:
    from paywire.sandbox.service_kit import public_name

    return public_name(__name__, name)

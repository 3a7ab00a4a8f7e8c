"""Typed SPAPS results, with the attribute names the seed README uses.

Each result is a frozen dataclass parsed tolerantly from the JSON object inside the SPAPS
envelope: unknown keys are kept in ``raw`` (never shown in reprs), missing optional keys are
``None`` (lists are empty), a nested object of the wrong type becomes ``None`` instead of
raising. Timestamps are returned as the API sends them: ISO-8601 strings for auth, sessions,
usage, whitelist, secure messages, crypto and the guest-checkout list; integer unix seconds
for Stripe objects (see the spec's decision 3).

How they relate to the generated models: every success answer is first parsed and
type-checked by the pinned version's generated parser (``paywire._core.decode``), so a result
here is only built from a body the contract accepts; these dataclasses then keep the seed's
attribute names and aliases, ``None`` for absent fields and unknown keys in ``raw`` (out of
reprs). Token fields of sign-in and refresh answers are read from the typed generated models
(``paywire.spaps._signin.TokenFields``). Requests are built with the generated models and
request builders, so the wire format stays the spec's.

Seed attribute names that are not wire names, and where they come from:

* ``CurrentSession.session_id`` is ``data.session.id`` (``spaps.sessions.get_current_session()``).
* ``GuestCheckoutSession.checkout_url`` / ``.session_id`` alias the camelCase ``url`` / ``id``;
  ``GuestCheckoutSessionSummary.id`` aliases ``session_id``.
* ``Subscription.plan``: the API's ``plan`` object when it sends one; otherwise it is derived
  from the first subscription item's price (``id``, ``product``, ``unit_amount`` as
  ``amount``, ``currency``, ``recurring.interval``/``interval_count``, ``nickname``), which is
  what Stripe's legacy ``plan`` mirrors. ``None`` when there are no items either.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Self

Converter = Callable[[Any], Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class SpapsModel:
    """Base of every SPAPS result. ``raw`` is the JSON object it was parsed from."""

    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    #: attribute name -> wire key, where they differ (camelCase responses)
    _aliases: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        if not isinstance(data, Mapping):
            data = {}
        kwargs: dict[str, Any] = {}
        for name, key, convert in _plan(cls):
            if key in data:
                value = data[key]
                kwargs[name] = value if convert is None else convert(value)
        return cls(**kwargs, raw=dict(data))


_PLANS: dict[type, tuple[tuple[str, str, Converter | None], ...]] = {}


def _plan(cls: type[SpapsModel]) -> tuple[tuple[str, str, Converter | None], ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        aliases = cls._aliases
        plan = tuple(
            (f.name, aliases.get(f.name, f.name), _converter(hints[f.name]))
            for f in fields(cls) if f.name != "raw" and f.init
        )
        _PLANS[cls] = plan
    return plan


def _converter(hint: Any) -> Converter | None:
    """How to turn a JSON value into an attribute of this type (None: keep it as it is)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            return None
        inner = _converter(args[0])
        if inner is None:
            return None
        return lambda v: None if v is None else inner(v)
    if origin is list:
        (item,) = typing.get_args(hint)
        inner_item = _converter(item)
        if inner_item is None:
            return lambda v: list(v) if isinstance(v, list) else []
        return lambda v: [inner_item(x) for x in v] if isinstance(v, list) else []
    if isinstance(hint, type) and issubclass(hint, SpapsModel):
        model = hint
        return lambda v: model.from_dict(v) if isinstance(v, Mapping) else None
    return None


# --- auth --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class NonceResult(SpapsModel):
    """``request_nonce``: sign ``message`` (the exact text) with the wallet."""

    nonce: str = ""
    message: str = ""
    wallet_address: str | None = None
    expires_at: str | None = None
    chain_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthUser(SpapsModel):
    """The user returned with tokens (password, wallet, magic link, register)."""

    id: str = ""
    email: str | None = None
    username: str | None = None
    wallet_address: str | None = None
    chain: str | None = None
    wallets: list[str] | None = None
    tier: str | None = None
    email_confirmed: bool | None = None
    phone_number: str | None = None
    #: 2026-10 additions (None on 2025-11)
    roles: list[str] | None = None
    permissions: list[str] | None = None
    is_admin: bool | None = None
    metadata: dict[str, Any] | None = None

    _aliases: ClassVar[Mapping[str, str]] = {"is_admin": "isAdmin"}


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthResult(SpapsModel):
    """A sign-in result: tokens (stored automatically) and the user.

    ``signed_in`` is False for a registration that still needs email confirmation (no tokens).
    The tokens never appear in ``repr``. ``expires_at`` is computed on receipt from
    ``expires_in``. ``TokenPair`` is the 0.1.4 name of the same class.
    """

    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_in: int | None = None
    token_type: str = "Bearer"
    expires_at: dt.datetime | None = None
    user: AuthUser | None = None
    message: str | None = None

    @property
    def signed_in(self) -> bool:
        return bool(self.access_token)

    @property
    def mfa_required(self) -> bool:
        """False: a second factor was not asked for (see :class:`MfaChallenge`)."""
        return False


TokenPair = AuthResult


@dataclass(frozen=True, slots=True, kw_only=True)
class MfaChallenge(SpapsModel):
    """(2026-10) Sign-in needs a second factor: no tokens were issued, none were stored.

    Returned instead of an :class:`AuthResult` by ``sign_in_with_password``, ``verify_wallet``
    and ``verify_magic_link`` when the server answers ``data.mfa_required``. It has the same
    ``signed_in`` (False), ``mfa_required`` (True), ``user`` and token attributes (None), so
    ``if result.mfa_required: ...`` works on either. ``challenge`` (opaque) is kept out of
    reprs and logs. Complete it with ``spaps.auth.verify_mfa(challenge, code)`` (or
    ``recovery_code=``): that stores the tokens and answers an :class:`MfaAuthResult`.
    """

    mfa_required: bool = True
    challenge_id: str = ""
    challenge: str | None = field(default=None, repr=False)
    expires_at: str | None = None
    methods: list[str] = field(default_factory=list)
    message: str | None = None

    @property
    def signed_in(self) -> bool:
        return False

    @property
    def user(self) -> AuthUser | None:
        return None

    @property
    def access_token(self) -> str | None:
        return None

    @property
    def refresh_token(self) -> str | None:
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class MfaAuthResult(AuthResult):
    """(2026-10) ``verify_mfa``: the sign-in an :class:`MfaChallenge` held back, completed (an
    :class:`AuthResult`: tokens stored, user), plus how the second factor passed."""

    #: ``totp`` (the authenticator's code) or ``recovery_code``
    mfa_method: str | None = None
    #: single-use recovery codes left, when a recovery code was used
    recovery_codes_remaining: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailSent(SpapsModel):
    """``send_magic_link`` / ``request_password_reset``."""

    message: str | None = None
    email: str | None = None
    sent_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageResult(SpapsModel):
    """A plain acknowledgement (``confirm_password_reset``, ``sign_out``, ``whitelist.remove``)."""

    message: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserWallet(SpapsModel):
    wallet_address: str | None = None
    chain_type: str | None = None
    verified: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentUser(SpapsModel):
    """``get_current_user``: ``profile.id``, ``.email``, ``.tier``, ``.username``."""

    id: str = ""
    username: str | None = None
    email: str | None = None
    phone_number: str | None = None
    wallets: list[UserWallet] = field(default_factory=list)
    tier: str | None = None
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionContextWallet(SpapsModel):
    """A wallet linked to the signed-in user (``SessionContext.wallets``)."""

    wallet_address: str = ""
    id: str | None = None
    chain_type: str | None = None
    is_primary: bool | None = None
    verified_at: str | None = None
    created_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionContext(SpapsModel):
    """(2026-10) ``get_session_context``: what an app needs after sign-in in one call: the user,
    entitlements, wallets, tier and whether sign-in asks for a second factor (``mfa_enrolled``)."""

    user: CurrentUser = field(default_factory=CurrentUser)
    #: free-form entitlement records, as the server sends them
    entitlements: list[dict[str, Any]] = field(default_factory=list)
    entitlements_count: int | None = None
    wallets: list[SessionContextWallet] = field(default_factory=list)
    tier: str | None = None
    mfa_enrolled: bool | None = None
    #: where the auth methods are listed (``GET /api/auth/methods``)
    methods_hint: str | None = None
    application_capabilities: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthMethod(SpapsModel):
    """One sign-in method the application offers (``enabled``), or why not (``setup_reason``)."""

    method: str = ""
    enabled: bool = False
    allowed: bool | None = None
    configured: bool | None = None
    ready: bool | None = None
    setup_reason: str | None = None
    config: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthMethods(SpapsModel):
    """(2026-10) ``list_auth_methods``: ``methods``, and ``enabled("totp")`` to ask about one."""

    methods: list[AuthMethod] = field(default_factory=list)

    def enabled(self, method: str) -> bool:
        """Whether ``method`` is offered and enabled (False for a method not listed)."""
        return any(m.method == method and m.enabled for m in self.methods)


# --- sessions ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentSession(SpapsModel):
    """``get_current_session``: the session behind the access token (``session_id`` = ``id``)."""

    id: str = ""
    user_id: str | None = None
    application_id: str | None = None
    tier: str | None = None
    created_at: str | None = None
    expires_at: str | None = None
    last_activity: str | None = None
    wallets_count: int | None = None
    duration_minutes: float | None = None
    idle_minutes: float | None = None

    @property
    def session_id(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionAuthority(SpapsModel):
    """(2026-10) The access token's lineage."""

    user_id: str | None = None
    application_id: str | None = None
    session_id: str | None = None
    access_jti: str | None = None
    access_expires_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionValidation(SpapsModel):
    """``validate_session``; ``reason``, ``session`` and ``authority`` are 2026-10 additions."""

    valid: bool = False
    session_id: str | None = None
    expires_at: str | None = None
    renewed: bool | None = None
    reason: str | None = None
    session: CurrentSession | None = None
    authority: SessionAuthority | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionSummary(SpapsModel):
    id: str = ""
    user_id: str | None = None
    application_id: str | None = None
    created_at: str | None = None
    expires_at: str | None = None
    last_used: str | None = None
    user_agent: str | None = None
    ip_address: str | None = None
    is_current: bool | None = None

    @property
    def session_id(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionList(SpapsModel):
    sessions: list[SessionSummary] = field(default_factory=list)
    total: int | None = None
    has_more: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TouchResult(SpapsModel):
    message: str | None = None
    session_id: str | None = None
    last_activity: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RevokeResult(SpapsModel):
    message: str | None = None
    session_id: str | None = None


# --- legacy payments ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSession(SpapsModel):
    """``create_checkout_session``: redirect the user to ``checkout_url``.

    The server names the session ``session_id``/``checkout_url`` (2025-11) or ``id``/``url``
    (2026-10 may send either pair); both pairs of attributes are always set.
    """

    session_id: str = ""
    checkout_url: str = ""
    id: str = ""
    url: str = ""
    expires_at: int | str | None = None

    def __post_init__(self) -> None:
        ident = self.session_id or self.id
        link = self.checkout_url or self.url
        object.__setattr__(self, "session_id", ident)
        object.__setattr__(self, "id", ident)
        object.__setattr__(self, "checkout_url", link)
        object.__setattr__(self, "url", link)


@dataclass(frozen=True, slots=True, kw_only=True)
class BalanceAmounts(SpapsModel):
    available: float | None = None
    pending: float | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditUsage(SpapsModel):
    current_period_start: int | str | None = None
    current_period_end: int | str | None = None
    credits_used: float | None = None
    credits_remaining: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Balance(SpapsModel):
    balance: BalanceAmounts | None = None
    tier: str | None = None
    tier_expires_at: int | str | None = None
    usage: CreditUsage | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentIntent(SpapsModel):
    """``create_payment_intent``; ``client_secret`` is kept out of ``repr``."""

    payment_intent_id: str = ""
    client_secret: str | None = field(default=None, repr=False)
    status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentMethodResult(SpapsModel):
    message: str | None = None
    customer_id: str | None = None
    payment_method_id: str | None = None
    is_default: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WalletDeposit(SpapsModel):
    deposit_id: str = ""
    status: str | None = None
    amount: float | None = None
    currency: str | None = None
    confirmation_required: int | None = None
    confirmation_current: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WalletTransaction(SpapsModel):
    transaction_id: str = ""
    status: str | None = None
    confirmations: int | None = None
    chain_type: str | None = None
    amount: float | None = None
    currency: str | None = None
    balance_added: float | None = None
    completed_at: str | None = None


# --- crypto invoices -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class CryptoInvoice(SpapsModel):
    """A crypto invoice. The API names its id ``id`` or ``invoice_id``; both attributes are set."""

    id: str = ""
    invoice_id: str = ""
    asset: str | None = None
    network: str | None = None
    amount: str | None = None
    status: str | None = None
    expires_at: str | None = None
    beneficiary: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        ident = self.id or self.invoice_id
        object.__setattr__(self, "id", ident)
        object.__setattr__(self, "invoice_id", ident)


@dataclass(frozen=True, slots=True, kw_only=True)
class CryptoInvoiceStatus(SpapsModel):
    invoice_id: str = ""
    status: str | None = None
    finalized_at: str | None = None
    normalized_amount: str | None = None
    settlement_ids: list[str] = field(default_factory=list)
    underpaid: bool | None = None
    overpaid: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconcileJob(SpapsModel):
    job_id: str = ""
    scheduled_at: str | None = None
    cursor: dict[str, Any] | None = None


# --- Stripe: checkout ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSessionDetail(SpapsModel):
    """``get_checkout_session`` / ``get_guest_checkout_session``."""

    id: str = ""
    status: str | None = None
    payment_status: str | None = None
    customer_email: str | None = None
    amount_total: int | None = None
    currency: str | None = None
    success_url: str | None = None
    cancel_url: str | None = None
    client_reference_id: str | None = None
    metadata: dict[str, Any] | None = None
    payment_intent: str | None = None
    subscription: str | None = None
    expires_at: int | None = None

    @property
    def session_id(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSessionSummary(SpapsModel):
    id: str = ""
    status: str | None = None
    payment_status: str | None = None
    amount_total: int | None = None
    currency: str | None = None
    created_at: int | None = None
    expires_at: int | None = None

    @property
    def session_id(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSessionList(SpapsModel):
    sessions: list[CheckoutSessionSummary] = field(default_factory=list)
    has_more: bool | None = None
    next_cursor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpireResult(SpapsModel):
    id: str = ""
    status: str | None = None
    expired: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GuestCheckoutSession(SpapsModel):
    """``create_guest_checkout_session`` (camelCase on the wire; snake_case here)."""

    _aliases: ClassVar[Mapping[str, str]] = {
        "expires_at": "expiresAt", "customer_email": "customerEmail",
        "client_reference_id": "clientReferenceId", "success_url": "successUrl", "cancel_url": "cancelUrl",
    }

    id: str = ""
    url: str = ""
    expires_at: int | str | None = None
    customer_email: str | None = None
    client_reference_id: str | None = None
    success_url: str | None = None
    cancel_url: str | None = None

    @property
    def session_id(self) -> str:
        return self.id

    @property
    def checkout_url(self) -> str:
        return self.url


@dataclass(frozen=True, slots=True, kw_only=True)
class GuestCheckoutSessionSummary(SpapsModel):
    session_id: str = ""
    status: str | None = None
    payment_status: str | None = None
    customer_email: str | None = None
    amount_total: int | None = None
    currency: str | None = None
    created_at: str | None = None
    expires_at: str | None = None

    @property
    def id(self) -> str:
        return self.session_id


@dataclass(frozen=True, slots=True, kw_only=True)
class GuestCheckoutSessionList(SpapsModel):
    sessions: list[GuestCheckoutSessionSummary] = field(default_factory=list)
    has_more: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GuestConversion(SpapsModel):
    """``convert_guest_checkout_session`` (camelCase on the wire)."""

    _aliases: ClassVar[Mapping[str, str]] = {
        "user_id": "userId", "login_url": "loginUrl", "magic_link_sent": "magicLinkSent",
    }

    success: bool | None = None
    user_id: str | None = None
    message: str | None = None
    login_url: str | None = None
    magic_link_sent: bool | None = None


# --- Stripe: catalogue ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class Recurring(SpapsModel):
    interval: str | None = None
    interval_count: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Price(SpapsModel):
    id: str = ""
    product: str | None = None
    unit_amount: int | None = None
    currency: str | None = None
    type: str | None = None
    recurring: Recurring | None = None
    nickname: str | None = None
    active: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Product(SpapsModel):
    id: str = ""
    name: str | None = None
    description: str | None = None
    images: list[str] = field(default_factory=list)
    active: bool | None = None
    metadata: dict[str, Any] | None = None
    prices: list[Price] = field(default_factory=list)
    default_price: Price | None = None
    created_at: str | int | None = None  # ISO-8601 (0.1.4 parses a string); unix seconds tolerated


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductList(SpapsModel):
    _aliases: ClassVar[Mapping[str, str]] = {"admin_metadata": "adminMetadata"}

    products: list[Product] = field(default_factory=list)
    total: int | None = None
    admin_metadata: dict[str, Any] | None = None


# --- Stripe: subscriptions ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionPlan(SpapsModel):
    id: str | None = None
    product: str | None = None
    amount: int | None = None
    currency: str | None = None
    interval: str | None = None
    interval_count: int | None = None
    nickname: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionItem(SpapsModel):
    id: str | None = None
    price: Price | None = None
    quantity: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscription(SpapsModel):
    """A subscription; ``plan`` is the API's ``plan`` or derived from the first item's price."""

    id: str = ""
    status: str | None = None
    current_period_start: int | None = None
    current_period_end: int | None = None
    cancel_at_period_end: bool | None = None
    canceled_at: int | None = None
    items: list[SubscriptionItem] = field(default_factory=list)
    plan: SubscriptionPlan | None = None

    def __post_init__(self) -> None:
        if self.plan is None and self.items and self.items[0].price is not None:
            price = self.items[0].price
            recurring = price.recurring
            object.__setattr__(self, "plan", SubscriptionPlan(
                id=price.id or None, product=price.product, amount=price.unit_amount,
                currency=price.currency, nickname=price.nickname,
                interval=recurring.interval if recurring else None,
                interval_count=recurring.interval_count if recurring else None,
            ))


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionList(SpapsModel):
    subscriptions: list[Subscription] = field(default_factory=list)
    has_more: bool | None = None


# --- Stripe: payment history ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentRecord(SpapsModel):
    id: str = ""
    amount: int | None = None
    currency: str | None = None
    status: str | None = None
    description: str | None = None
    created: int | None = None
    payment_method_type: str | None = None
    invoice_id: str | None = None
    invoice_pdf: str | None = None
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentHistory(SpapsModel):
    payments: list[PaymentRecord] = field(default_factory=list)
    has_more: bool | None = None
    total_count: int | None = None


# --- usage ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class UsagePeriod(SpapsModel):
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsage(SpapsModel):
    name: str = ""
    description: str | None = None
    used: float | None = None
    limit: float | None = None
    percentage: float | None = None
    reset_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageOverage(SpapsModel):
    allowed: bool | None = None
    charges: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageFeatures(SpapsModel):
    user_id: str | None = None
    tier: str | None = None
    period: UsagePeriod | None = None
    features: list[FeatureUsage] = field(default_factory=list)
    overage: UsageOverage | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrentUsage(SpapsModel):
    used: float | None = None
    limit: float | None = None
    remaining: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageRecord(SpapsModel):
    """``record_usage``. 2025-11 fills ``record_id``, ``feature``, ``quantity``,
    ``current_usage``, ``warning``; 2026-10 fills ``event_id``, ``status`` (``recorded`` or
    ``replayed``), ``replayed``, ``idempotency_key``, ``authorization_ref``,
    ``window_totals``. ``recorded_at`` is in both; ``id`` is whichever id was sent."""

    record_id: str = ""
    feature: str | None = None
    quantity: float | None = None
    recorded_at: str | None = None
    current_usage: CurrentUsage | None = None
    warning: str | None = None
    event_id: str | None = None
    status: str | None = None
    replayed: bool | None = None
    idempotency_key: str | None = None
    authorization_ref: str | None = None
    window_totals: dict[str, float] | None = None

    @property
    def id(self) -> str:
        return self.record_id or self.event_id or ""


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageHistoryEntry(SpapsModel):
    date: str | None = None
    features: dict[str, float] = field(default_factory=dict)
    total_cost: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageEvent(SpapsModel):
    """(2026-10) One recorded usage event."""

    event_id: str = ""
    feature_key: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    subject_user_id: str | None = None
    authorization_ref: str | None = None
    idempotency_key: str | None = None
    dimensions: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] | None = None
    occurred_at: str | None = None
    recorded_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageHistory(SpapsModel):
    """``get_history``. 2025-11: ``period``, dates, ``history`` (per day), ``summary``;
    2026-10: ``events`` (newest first), ``has_more``, ``next_offset``, ``total``."""

    period: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    history: list[UsageHistoryEntry] = field(default_factory=list)
    summary: dict[str, Any] | None = None
    events: list[UsageEvent] = field(default_factory=list)
    has_more: bool | None = None
    next_offset: int | None = None
    total: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageWindow(SpapsModel):
    window_key: str | None = None
    starts_at: str | None = None
    ends_at: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageReason(SpapsModel):
    code: str | None = None
    message: str | None = None
    details: dict[str, Any] | None = None


#: decisions under which the work may run
ALLOWED_DECISIONS = ("allowed", "allowed_with_warning")


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageStatus(SpapsModel):
    """(2026-10) ``usage.get_status``: the decision for a feature and resource (records nothing).

    ``decision`` is ``allowed``, ``allowed_with_warning``, ``blocked`` or ``escalate``; a
    blocked decision is an answer, not an error. ``allowed`` is True for the first two.
    """

    decision: str = ""
    feature_key: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    subject_user_id: str | None = None
    active_entitlements: list[str] = field(default_factory=list)
    policy_key: str | None = None
    window: UsageWindow | None = None
    window_totals: dict[str, float] | None = None
    remaining: dict[str, float] | None = None
    reasons: list[UsageReason] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return self.decision in ALLOWED_DECISIONS


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageAuthorization(UsageStatus):
    """(2026-10) ``usage.authorize_usage``: the decision plus the ``authorization_ref`` to quote
    in ``record_usage`` before ``expires_at``."""

    authorization_ref: str = ""
    expires_at: str | None = None


# --- secure messages --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class SecureMessage(SpapsModel):
    """A secure message; ``sender_user_id``, ``sender_role`` and ``client_message_id`` are
    2026-10 additions (None for messages written before the authorship contract)."""

    id: str = ""
    application_id: str | None = None
    patient_id: str | None = None
    practitioner_id: str | None = None
    content: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: str | None = None
    sender_user_id: str | None = None
    sender_role: str | None = None
    client_message_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SecureMessageList(SpapsModel):
    """One page of messages; ``next_cursor`` (2026-10) is the ``cursor`` of the next page."""

    messages: list[SecureMessage] = field(default_factory=list)
    next_cursor: str | None = None


# --- whitelist -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class WhitelistEntry(SpapsModel):
    email: str = ""
    application_id: str | None = None
    tier: str | None = None
    bypass_payment: bool | None = None
    metadata: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WhitelistCheck(SpapsModel):
    """``whitelist.check``: ``entry`` is None when the email is not whitelisted."""

    entry: WhitelistEntry | None = None
    message: str | None = None

    @property
    def whitelisted(self) -> bool:
        return self.entry is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class WhitelistList(SpapsModel):
    entries: list[WhitelistEntry] = field(default_factory=list)
    total: int | None = None


# --- health / metrics -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class HealthStatus(SpapsModel):
    status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadinessStatus(SpapsModel):
    ready: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoryMetrics(SpapsModel):
    rss_mb: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SystemMetrics(SpapsModel):
    # typed like the spec's SystemMetrics (not a raw dict): a newer server's extra fields stay
    # in ``raw`` and out of the repr, like every other SPAPS result
    memory: MemoryMetrics | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsJson(SpapsModel):
    timestamp: str | None = None
    uptime_seconds: float | None = None
    system: SystemMetrics | None = None


__all__ = [
    "AuthMethod",
    "AuthMethods",
    "AuthResult",
    "AuthUser",
    "Balance",
    "BalanceAmounts",
    "CheckoutSession",
    "CheckoutSessionDetail",
    "CheckoutSessionList",
    "CheckoutSessionSummary",
    "CreditUsage",
    "CryptoInvoice",
    "CryptoInvoiceStatus",
    "CurrentSession",
    "CurrentUsage",
    "CurrentUser",
    "EmailSent",
    "ExpireResult",
    "FeatureUsage",
    "GuestCheckoutSession",
    "GuestCheckoutSessionList",
    "GuestCheckoutSessionSummary",
    "GuestConversion",
    "HealthStatus",
    "MemoryMetrics",
    "MessageResult",
    "MetricsJson",
    "MfaAuthResult",
    "MfaChallenge",
    "NonceResult",
    "PaymentHistory",
    "PaymentIntent",
    "PaymentMethodResult",
    "PaymentRecord",
    "Price",
    "Product",
    "ProductList",
    "ReadinessStatus",
    "ReconcileJob",
    "Recurring",
    "RevokeResult",
    "SecureMessage",
    "SecureMessageList",
    "SessionAuthority",
    "SessionContext",
    "SessionContextWallet",
    "SessionList",
    "SessionSummary",
    "SessionValidation",
    "SpapsModel",
    "Subscription",
    "SubscriptionItem",
    "SubscriptionList",
    "SubscriptionPlan",
    "SystemMetrics",
    "TokenPair",
    "TouchResult",
    "UsageAuthorization",
    "UsageEvent",
    "UsageFeatures",
    "UsageHistory",
    "UsageHistoryEntry",
    "UsageOverage",
    "UsagePeriod",
    "UsageReason",
    "UsageRecord",
    "UsageStatus",
    "UsageWindow",
    "UserWallet",
    "WalletDeposit",
    "WalletTransaction",
    "WhitelistCheck",
    "WhitelistEntry",
    "WhitelistList",
]

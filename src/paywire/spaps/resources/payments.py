"""``spaps.payments``: checkout, the 2025-11 legacy ``/api/payments`` calls, Stripe checkout
sessions, guest checkout, products, subscriptions and payment history (``.crypto`` nested)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from paywire._core import (
    AsyncResource,
    Flow,
    SyncResource,
    ValidationError,
    operation,
    paginated,
    register_secret,
)
from paywire._core.flow import PageFetch
from paywire.spaps._validate import v
from paywire.spaps.errors import PAYMENTS_ERRORS
from paywire.spaps.models import (
    Balance,
    CheckoutSession,
    CheckoutSessionDetail,
    CheckoutSessionList,
    CheckoutSessionSummary,
    ExpireResult,
    GuestCheckoutSession,
    GuestCheckoutSessionList,
    GuestCheckoutSessionSummary,
    GuestConversion,
    PaymentHistory,
    PaymentIntent,
    PaymentMethodResult,
    PaymentRecord,
    Product,
    ProductList,
    Subscription,
    SubscriptionList,
    WalletDeposit,
    WalletTransaction,
)
from paywire.spaps.resources._base import (
    PAGE_SIZE,
    _idempotency_key,
    _meta,
    _more,
    _Ops,
    _q,
    _required,
    _unwrap,
    resource,
)
from paywire.spaps.resources.crypto import AsyncCrypto, SyncCrypto


class _PaymentsOps(_Ops):
    _errors = PAYMENTS_ERRORS
    _resource = "payments"

    crypto = resource(lambda: (SyncCrypto, AsyncCrypto))  # imported with this module: nothing to defer

    # -- checkout creation -------------------------------------------------------------------------
    @operation
    def create_checkout_session(
        self, price_id: str | None = None, mode: str | None = None, success_url: str | None = None,
        cancel_url: str | None = None, metadata: Mapping[str, Any] | None = None,
        require_legal_consent: bool | None = None, legal_consent_text: str | None = None, *,
        line_items: Sequence[Mapping[str, Any]] | None = None, customer_email: str | None = None,
        client_reference_id: str | None = None, allow_promotion_codes: bool | None = None,
        trial_period_days: int | None = None,
    ) -> Flow[CheckoutSession]:
        """Create a checkout session for the signed-in user (``checkout.checkout_url``).

        2025-11: ``POST /api/payments/create-checkout-session`` with ``price_id``. 2026-10:
        ``POST /api/stripe/checkout-sessions`` with ``line_items=[{price_id, quantity}]``; the
        seed's ``price_id=`` becomes one item of quantity 1. ``mode``, ``success_url`` and
        ``cancel_url`` are required. The result has ``session_id``/``checkout_url`` and
        ``id``/``url`` whichever pair the server sent.
        """
        method = "create_checkout_session"
        self._feature("checkout_line_items", method, line_items=line_items, customer_email=customer_email,
                      client_reference_id=client_reference_id, allow_promotion_codes=allow_promotion_codes,
                      trial_period_days=trial_period_days)
        if price_id is not None and line_items is not None:
            raise ValidationError("pass either price_id or line_items, not both", field="line_items")
        kind = v.mode(_required(mode, "mode"))
        success = v.url(_required(success_url, "success_url"), "success_url")
        cancel = v.url(_required(cancel_url, "cancel_url"), "cancel_url")
        labels = v.metadata(metadata)
        consent = v.optional_boolean(require_legal_consent, "require_legal_consent")
        consent_text = v.optional_text(legal_consent_text, "legal_consent_text", max_length=120)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.payments import create_checkout_session as old

            legacy = m25.CreateCheckoutSessionRequest(
                price_id=v.ident(_required(price_id, "price_id"), "price_id"),
                mode=m25.CreateCheckoutSessionRequestMode(kind), success_url=success, cancel_url=cancel,
                metadata=_meta(m25.Metadata.from_dict, labels), require_legal_consent=consent,
                legal_consent_text=consent_text)
            data = yield from self._get_data(old, old.build_request(body=legacy))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import create_checkout_session as new

            items = v.line_items(line_items if line_items is not None
                                 else [{"price_id": _required(price_id, "price_id", " (or line_items)")}])
            body = m26.CreateCheckoutSessionRequest(
                line_items=[m26.LineItem(price_id=item["price_id"], quantity=item["quantity"]) for item in items],
                mode=m26.CreateCheckoutSessionRequestMode(kind), success_url=success, cancel_url=cancel,
                metadata=_meta(m26.Metadata.from_dict, labels),
                customer_email=v.optional_email(customer_email, "customer_email"),
                client_reference_id=v.optional_text(client_reference_id, "client_reference_id", max_length=200),
                allow_promotion_codes=v.optional_boolean(allow_promotion_codes, "allow_promotion_codes"),
                trial_period_days=v.optional_integer(trial_period_days, "trial_period_days", minimum=1),
                require_legal_consent=consent, legal_consent_text=consent_text)
            data = yield from self._get_data(new, new.build_request(body=body))
        return CheckoutSession.from_dict(data)

    # -- legacy /api/payments (2025-11 only) ---------------------------------------------------------
    @operation
    def get_balance(self) -> Flow[Balance]:
        """(2025-11) ``GET /api/payments/balance``."""
        self._require("get_balance")
        from paywire_gen_spaps_2025_11.api.payments import get_balance as old

        data = yield from self._get_data(old, old.build_request())
        return Balance.from_dict(data)

    @operation
    def create_payment_intent(self, amount: int, currency: str, payment_method_types: Sequence[str] | None = None,
                              metadata: Mapping[str, Any] | None = None) -> Flow[PaymentIntent]:
        """(2025-11) ``POST /api/payments/create-payment-intent`` (``amount`` in minor units, an int >= 1)."""
        self._require("create_payment_intent")
        from paywire_gen_spaps_2025_11 import models as m25
        from paywire_gen_spaps_2025_11.api.payments import create_payment_intent as old

        types_: list[str] | None = None
        if payment_method_types is not None:
            if isinstance(payment_method_types, str):
                raise v.fail("payment_method_types", "must be a list of strings")
            types_ = [v.text(t, "payment_method_types[]") for t in payment_method_types]
        body = m25.CreatePaymentIntentRequest(amount=v.integer(amount, "amount", minimum=1),
                                              currency=v.currency(currency), payment_method_types=types_,
                                              metadata=_meta(m25.Metadata.from_dict, v.metadata(metadata)))
        data = yield from self._get_data(old, old.build_request(body=body))
        register_secret(data.get("client_secret") if isinstance(data.get("client_secret"), str) else None)
        return PaymentIntent.from_dict(data)

    @operation
    def update_payment_method(self, payment_method_id: str, set_default: bool | None = None) -> Flow[PaymentMethodResult]:
        """(2025-11) ``POST /api/payments/update-payment-method``."""
        self._require("update_payment_method")
        from paywire_gen_spaps_2025_11 import models as m25
        from paywire_gen_spaps_2025_11.api.payments import update_payment_method as old

        body = m25.UpdatePaymentMethodRequest(payment_method_id=v.ident(payment_method_id, "payment_method_id"),
                                              set_default=v.optional_boolean(set_default, "set_default"))
        data = yield from self._get_data(old, old.build_request(body=body))
        return PaymentMethodResult.from_dict(data)

    @operation
    def wallet_deposit(self, wallet_address: str, chain_type: str, transaction_id: str, amount: float,
                       currency: str, tier: str | None = None) -> Flow[WalletDeposit]:
        """(2025-11) ``POST /api/payments/wallet-deposit``: report an on-chain deposit."""
        self._require("wallet_deposit")
        from paywire_gen_spaps_2025_11 import models as m25
        from paywire_gen_spaps_2025_11.api.payments import create_wallet_deposit as old

        body = m25.WalletDepositRequest(
            wallet_address=v.wallet_address(wallet_address), chain_type=v.chain(chain_type, "chain_type"),
            transaction_id=v.ident(transaction_id, "transaction_id"), amount=v.positive_number(amount, "amount"),
            currency=v.currency(currency), tier=v.optional_text(tier, "tier", max_length=64))
        data = yield from self._get_data(old, old.build_request(body=body))
        return WalletDeposit.from_dict(data)

    @operation
    def get_wallet_transaction(self, transaction_id: str) -> Flow[WalletTransaction]:
        """(2025-11) ``GET /api/payments/wallet-transaction/{transaction_id}``: a deposit's status."""
        self._require("get_wallet_transaction")
        from paywire_gen_spaps_2025_11.api.payments import get_wallet_transaction as old

        data = yield from self._get_data(old, old.build_request(v.ident(transaction_id, "transaction_id")))
        return WalletTransaction.from_dict(data)

    # -- checkout sessions ------------------------------------------------------------------------------
    @operation
    def get_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/checkout-sessions/{session_id}``."""
        ident = v.ident(session_id, "session_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import get_checkout_session as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import get_checkout_session as new
            data = yield from self._get_data(new, new.build_request(ident))
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None, *,
                               offset: int | None = None) -> Flow[CheckoutSessionList]:
        """``GET /api/stripe/checkout-sessions``: one page (``starting_after`` on 2025-11,
        ``offset`` on 2026-10)."""
        page = self._page("list_checkout_sessions", starting_after=starting_after, offset=offset)
        size = v.limit(limit)
        # shape-alike with sessions.list_sessions: the same paging, another operation's builders
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import list_checkout_sessions as old
            data = yield from self._get_data(old, old.build_request(limit=_q(size),
                                                                    starting_after=_q(page.starting_after)))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import list_checkout_sessions as new
            data = yield from self._get_data(new, new.build_request(limit=_q(size), offset=_q(page.offset)))
        return CheckoutSessionList.from_dict(data)

    @paginated
    def iter_checkout_sessions(self, *, page_size: int = PAGE_SIZE) -> PageFetch[CheckoutSessionSummary]:
        """Every checkout session of the user, page after page."""
        list_page = type(self).list_checkout_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, **page), lambda p: p.sessions,
                           lambda p, found: _more(p.has_more, found, page_size),
                           lambda p, found: p.next_cursor or found[-1].id)

    @operation
    def expire_checkout_session(self, session_id: str) -> Flow[ExpireResult]:
        """``POST /api/stripe/checkout-sessions/{session_id}/expire``."""
        ident = v.ident(session_id, "session_id")
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.stripe import expire_checkout_session as old
            data = yield from self._get_data(old, old.build_request(ident, body=m25.EmptyRequest()))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import expire_checkout_session as new
            data = yield from self._get_data(new, new.build_request(ident, body=m26.EmptyRequest()))
        return ExpireResult.from_dict(data)

    # -- guest checkout (API key only) ---------------------------------------------------------------------
    @operation
    def create_guest_checkout_session(
        self, customer_email: str, mode: str, line_items: Sequence[Mapping[str, Any]], success_url: str,
        cancel_url: str, metadata: Mapping[str, str] | None = None, client_reference_id: str | None = None,
        payment_intent_data: Mapping[str, Any] | None = None, subscription_data: Mapping[str, Any] | None = None,
        allow_promotion_codes: bool | None = None, locale: str | None = None, *,
        idempotency_key: str | None = None, prepared_journey_id: str | None = None,
        trial_period_days: int | None = None,
    ) -> Flow[GuestCheckoutSession]:
        """``POST /api/stripe/guest-checkout-sessions`` (no user token needed; ``guest.id``, ``guest.url``).

        2026-10: with ``idempotency_key`` (sent as ``Idempotency-Key``) a repeat returns the
        original session, so the call is retried safely; reusing the key for a different
        request is 409 (``PaymentsError`` / ``paywire.ConflictError``). Also
        ``prepared_journey_id`` and ``trial_period_days``.
        """
        self._feature("idempotency_header", "create_guest_checkout_session", idempotency_key=idempotency_key,
                      prepared_journey_id=prepared_journey_id, trial_period_days=trial_period_days)
        key = None if idempotency_key is None else _idempotency_key(idempotency_key)
        items = v.line_items(line_items)
        email = v.email(customer_email, "customer_email")
        kind = v.mode(mode)
        success, cancel = v.url(success_url, "success_url"), v.url(cancel_url, "cancel_url")
        labels = v.string_map(metadata)
        reference = v.optional_text(client_reference_id, "client_reference_id", max_length=200)
        intent_data = v.metadata(payment_intent_data, "payment_intent_data")
        sub_data = v.metadata(subscription_data, "subscription_data")
        promotion_codes = v.optional_boolean(allow_promotion_codes, "allow_promotion_codes")
        locale_ = v.optional_text(locale, "locale", max_length=16)
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.stripe import create_guest_checkout_session as old

            legacy = m25.CreateGuestCheckoutSessionRequest(
                customer_email=email, mode=m25.CreateGuestCheckoutSessionRequestMode(kind),
                line_items=[m25.LineItem(price_id=item["price_id"], quantity=item["quantity"]) for item in items],
                success_url=success, cancel_url=cancel, metadata=_meta(m25.StringMap.from_dict, labels),
                client_reference_id=reference, payment_intent_data=_meta(m25.Metadata.from_dict, intent_data),
                subscription_data=_meta(m25.Metadata.from_dict, sub_data), allow_promotion_codes=promotion_codes,
                locale=locale_)
            data = yield from self._get_data(old, old.build_request(body=legacy), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import create_guest_checkout_session as new

            body = m26.CreateGuestCheckoutSessionRequest(
                customer_email=email, mode=m26.CreateGuestCheckoutSessionRequestMode(kind),
                line_items=[m26.LineItem(price_id=item["price_id"], quantity=item["quantity"]) for item in items],
                success_url=success, cancel_url=cancel, metadata=_meta(m26.StringMap.from_dict, labels),
                client_reference_id=reference, payment_intent_data=_meta(m26.Metadata.from_dict, intent_data),
                subscription_data=_meta(m26.Metadata.from_dict, sub_data), allow_promotion_codes=promotion_codes,
                locale=locale_,
                prepared_journey_id=v.optional_text(prepared_journey_id, "prepared_journey_id", max_length=200),
                trial_period_days=v.optional_integer(trial_period_days, "trial_period_days", minimum=1))
            request = new.build_request(body=body) if key is None else new.build_request(body=body, idempotency_key=key)
            data = yield from self._get_data(new, request, auth="key", retry_safe=True if key is not None else None)
        return GuestCheckoutSession.from_dict(data)

    @operation
    def get_guest_checkout_session(self, session_id: str) -> Flow[CheckoutSessionDetail]:
        """``GET /api/stripe/guest-checkout-sessions/{session_id}`` (``guest_detail.payment_status``)."""
        ident = v.ident(session_id, "session_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import get_guest_checkout_session as old
            data = yield from self._get_data(old, old.build_request(ident), auth="key")
        else:
            from paywire_gen_spaps_2026_10.api.stripe import get_guest_checkout_session as new
            data = yield from self._get_data(new, new.build_request(ident), auth="key")
        return CheckoutSessionDetail.from_dict(data)

    @operation
    def list_guest_checkout_sessions(self, limit: int | None = None, starting_after: str | None = None,
                                     customer_email: str | None = None, *,
                                     offset: int | None = None) -> Flow[GuestCheckoutSessionList]:
        """``GET /api/stripe/guest-checkout-sessions``: one page."""
        page = self._page("list_guest_checkout_sessions", starting_after=starting_after, offset=offset)
        size, email = v.limit(limit), v.optional_email(customer_email, "customer_email")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import list_guest_checkout_sessions as old
            data = yield from self._get_data(old, old.build_request(
                limit=_q(size), starting_after=_q(page.starting_after), customer_email=_q(email)), auth="key")
        else:
            from paywire_gen_spaps_2026_10.api.stripe import list_guest_checkout_sessions as new
            data = yield from self._get_data(new, new.build_request(
                limit=_q(size), offset=_q(page.offset), customer_email=_q(email)), auth="key")
        return GuestCheckoutSessionList.from_dict(data)

    @paginated
    def iter_guest_checkout_sessions(self, *, customer_email: str | None = None,
                                     page_size: int = PAGE_SIZE) -> PageFetch[GuestCheckoutSessionSummary]:
        """Every guest checkout session of the application, page after page."""
        list_page = type(self).list_guest_checkout_sessions.fn
        return self._pages(lambda page: list_page(self, page_size, customer_email=customer_email, **page),
                           lambda p: p.sessions, lambda p, found: _more(p.has_more, found, page_size),
                           lambda p, found: found[-1].session_id)

    @operation
    def convert_guest_checkout_session(self, session_id: str, email: str, password: str | None = None,
                                       send_magic_link: bool | None = None) -> Flow[GuestConversion]:
        """``POST /api/stripe/guest-checkout-sessions/convert``: make the guest a user."""
        if password is not None:
            register_secret(v.secret(password, "password"))
        ident, address = v.ident(session_id, "session_id"), v.email(email)
        magic = v.optional_boolean(send_magic_link, "send_magic_link")
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.stripe import convert_guest_checkout_session as old
            data = yield from self._get_data(old, old.build_request(body=m25.ConvertGuestCheckoutRequest(
                session_id=ident, email=address, password=password, send_magic_link=magic)), auth="key")
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import convert_guest_checkout_session as new
            data = yield from self._get_data(new, new.build_request(body=m26.ConvertGuestCheckoutRequest(
                session_id=ident, email=address, password=password, send_magic_link=magic)), auth="key")
        return GuestConversion.from_dict(data)

    # -- catalogue ------------------------------------------------------------------------------------------
    @operation
    def list_products(self, category: str | None = None, active: bool | None = None, limit: int | None = None,
                      starting_after: str | None = None, mode: str | None = None, *,
                      offset: int | None = None) -> Flow[ProductList]:
        """``GET /api/stripe/products``: one page (``catalog.products``)."""
        page = self._page("list_products", starting_after=starting_after, offset=offset)
        category_ = v.optional_text(category, "category", max_length=100)
        active_, size = v.optional_boolean(active, "active"), v.limit(limit)
        kind = None if mode is None else v.mode(mode)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import list_products as old
            data = yield from self._get_data(old, old.build_request(
                category=_q(category_), active=_q(active_), limit=_q(size), starting_after=_q(page.starting_after),
                mode=_q(kind)))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import list_products as new
            data = yield from self._get_data(new, new.build_request(
                category=_q(category_), active=_q(active_), limit=_q(size), offset=_q(page.offset), mode=_q(kind)))
        return ProductList.from_dict(data)

    @paginated
    def iter_products(self, *, category: str | None = None, active: bool | None = None, mode: str | None = None,
                      page_size: int = PAGE_SIZE) -> PageFetch[Product]:
        """Every product, page after page (stops at ``total`` or a short page)."""
        list_page = type(self).list_products.fn
        seen: list[int] = [0]

        def more(page: ProductList, found: Sequence[Product]) -> bool:
            seen[0] += len(found)
            has_more = page.raw.get("has_more")
            if isinstance(has_more, bool):
                return has_more
            return len(found) >= page_size and (page.total is None or seen[0] < page.total)

        return self._pages(lambda page: list_page(self, category, active, page_size, mode=mode, **page),
                           lambda p: p.products, more, lambda p, found: found[-1].id)

    @operation
    def get_product(self, product_id: str, include_prices: bool = True) -> Flow[Product]:
        """``GET /api/stripe/products/{product_id}`` (``include_prices=false`` is sent only when off)."""
        flag = v.boolean(include_prices, "include_prices")
        ident = v.ident(product_id, "product_id")
        sent = None if flag else False
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import get_product as old
            data = yield from self._get_data(old, old.build_request(ident, include_prices=_q(sent)))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import get_product as new
            data = yield from self._get_data(new, new.build_request(ident, include_prices=_q(sent)))
        return Product.from_dict(_unwrap(data, "product"))

    # -- subscriptions ----------------------------------------------------------------------------------------
    @operation
    def list_subscriptions(self, status: str | None = None, limit: int | None = None,
                           starting_after: str | None = None, *, offset: int | None = None) -> Flow[SubscriptionList]:
        """``GET /api/stripe/subscriptions``: one page (``subs.subscriptions``)."""
        page = self._page("list_subscriptions", starting_after=starting_after, offset=offset)
        status_, size = v.optional_text(status, "status", max_length=40), v.limit(limit)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import list_subscriptions as old
            data = yield from self._get_data(old, old.build_request(
                status=_q(status_), limit=_q(size), starting_after=_q(page.starting_after)))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import list_subscriptions as new
            data = yield from self._get_data(new, new.build_request(
                status=_q(status_), limit=_q(size), offset=_q(page.offset)))
        return SubscriptionList.from_dict(data)

    @paginated
    def iter_subscriptions(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[Subscription]:
        """Every subscription of the user, page after page."""
        list_page = type(self).list_subscriptions.fn
        return self._pages(lambda page: list_page(self, status, page_size, **page), lambda p: p.subscriptions,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_subscription(self, subscription_id: str) -> Flow[Subscription]:
        """``GET /api/stripe/subscription/{subscription_id}`` (``detail.plan.interval``)."""
        # shape-alike with get_payment_detail, crypto.get_invoice: other operations (see _base.py)
        ident = v.ident(subscription_id, "subscription_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import get_subscription as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import get_subscription as new
            data = yield from self._get_data(new, new.build_request(ident))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def update_subscription(self, subscription_id: str, price_id: str) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/update``: switch to ``price_id``."""
        ident, price = v.ident(subscription_id, "subscription_id"), v.ident(price_id, "price_id")
        # shape-alike with cancel_subscription, but another operation and request model each
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.stripe import update_subscription as old
            data = yield from self._get_data(old, old.build_request(
                ident, body=m25.UpdateSubscriptionRequest(price_id=price)))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import update_subscription as new
            data = yield from self._get_data(new, new.build_request(
                ident, body=m26.UpdateSubscriptionRequest(price_id=price)))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    @operation
    def cancel_subscription(self, subscription_id: str, immediately: bool | None = None) -> Flow[Subscription]:
        """``POST /api/stripe/subscription/{subscription_id}/cancel`` (now, or at period end)."""
        now = v.optional_boolean(immediately, "immediately")
        ident = v.ident(subscription_id, "subscription_id")
        if self._seed:
            from paywire_gen_spaps_2025_11 import models as m25
            from paywire_gen_spaps_2025_11.api.stripe import cancel_subscription as old
            data = yield from self._get_data(old, old.build_request(
                ident, body=m25.CancelSubscriptionRequest(immediately=now)))
        else:
            from paywire_gen_spaps_2026_10 import models as m26
            from paywire_gen_spaps_2026_10.api.stripe import cancel_subscription as new
            data = yield from self._get_data(new, new.build_request(
                ident, body=m26.CancelSubscriptionRequest(immediately=now)))
        return Subscription.from_dict(_unwrap(data, "subscription"))

    # -- payment history ----------------------------------------------------------------------------------------
    @operation
    def list_payment_history(self, limit: int | None = None, starting_after: str | None = None,
                             ending_before: str | None = None, status: str | None = None, *,
                             offset: int | None = None) -> Flow[PaymentHistory]:
        """``GET /api/stripe/history``: one page (``history.payments``)."""
        page = self._page("list_payment_history", starting_after=starting_after, ending_before=ending_before,
                          offset=offset)
        size, status_ = v.limit(limit), v.optional_text(status, "status", max_length=40)
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import list_payment_history as old
            data = yield from self._get_data(old, old.build_request(
                limit=_q(size), starting_after=_q(page.starting_after), ending_before=_q(page.ending_before),
                status=_q(status_)))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import list_payment_history as new
            data = yield from self._get_data(new, new.build_request(
                limit=_q(size), offset=_q(page.offset), status=_q(status_)))
        return PaymentHistory.from_dict(data)

    @paginated
    def iter_payment_history(self, *, status: str | None = None, page_size: int = PAGE_SIZE) -> PageFetch[PaymentRecord]:
        """Every payment of the user, newest first, page after page."""
        list_page = type(self).list_payment_history.fn
        return self._pages(lambda page: list_page(self, page_size, status=status, **page), lambda p: p.payments,
                           lambda p, found: _more(p.has_more, found, page_size), lambda p, found: found[-1].id)

    @operation
    def get_payment_detail(self, payment_id: str) -> Flow[PaymentRecord]:
        """``GET /api/stripe/payment/{payment_id}`` (``detail.metadata``)."""
        ident = v.ident(payment_id, "payment_id")
        if self._seed:
            from paywire_gen_spaps_2025_11.api.stripe import get_payment_detail as old
            data = yield from self._get_data(old, old.build_request(ident))
        else:
            from paywire_gen_spaps_2026_10.api.stripe import get_payment_detail as new
            data = yield from self._get_data(new, new.build_request(ident))
        return PaymentRecord.from_dict(_unwrap(data, "payment"))


class SyncPayments(_PaymentsOps, SyncResource):
    pass


class AsyncPayments(_PaymentsOps, AsyncResource):
    pass

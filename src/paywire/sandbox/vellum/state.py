"""The Vellum sandbox state: one container both API versions read and write.

Everything that changes state lives here (accounts, subscriptions on the sandbox clock,
invoices, checkouts, credits, flags); how a record looks on the wire is :mod:`.views`, and the
signed push outbox is :class:`~.push.PushOutbox`. Methods that render or behave per API version
take the caller's pinned contract (:mod:`.contract`) and ask it for a feature.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from paywire.sandbox._framework import ApiError, Clock
from paywire.sandbox.vellum import views
from paywire.sandbox.vellum.contract import contract_for
from paywire.sandbox.vellum.push import PushOutbox, push_config
from paywire.sandbox.vellum.records import (
    ADD_ONS,
    CATALOG,
    CHECKOUT_URL_BASE,
    CREDIT_PACKS,
    CREDIT_TYPES,
    CURRENCY,
    DAY,
    DEFAULT_API_KEY,
    DEFAULT_TENANT,
    INCOMPLETE_EXPIRY_SECONDS,
    OTHER_API_KEY,
    OTHER_TENANT,
    PERIOD_SECONDS,
    Account,
    CheckoutSession,
    Customer,
    Invoice,
    OutboxEvent,
    PaymentMethod,
    Plan,
    Subscription,
    Tenant,
    recurring_total,
    token,
)
from paywire.sandbox.webhooks_log import DeliveryLog

if TYPE_CHECKING:
    from paywire.sandbox.vellum.contract import Contract

#: a record the wire addresses by handle (``views.handle``)
Handled = TypeVar("Handled", PaymentMethod, Invoice)
Found = TypeVar("Found")


def _or_404(record: Found | None, message: str) -> Found:
    if record is None:
        raise ApiError(404, "NOT_FOUND", message)
    return record


class VellumState(PushOutbox):
    """All Vellum sandbox state; both API versions read and write it."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.tenants: dict[str, Tenant] = {
            DEFAULT_TENANT: Tenant(DEFAULT_TENANT, DEFAULT_API_KEY),
            OTHER_TENANT: Tenant(OTHER_TENANT, OTHER_API_KEY),
        }
        self.outbox: list[OutboxEvent] = []
        self.webhook_log = DeliveryLog("vellum")
        self._lock = threading.RLock()

    def __repr__(self) -> str:  # never show keys or push secrets
        return f"<VellumState tenants={sorted(self.tenants)} outbox={len(self.outbox)}>"

    # -- auth ---------------------------------------------------------------------------------
    def authenticate(self, api_key: str | None, tenant_id: str) -> Tenant:
        owner: Tenant | None = None
        for tenant in self.tenants.values():
            if api_key is not None and hmac.compare_digest(api_key.encode(), tenant.api_key.encode()):
                owner = tenant
        if owner is None:
            raise ApiError(401, "UNAUTHORIZED", "invalid API key")
        if owner.tenant_id != tenant_id:
            raise ApiError(403, "FORBIDDEN", "API key is not valid for this tenant")
        return owner

    def tenant(self, tenant_id: str = DEFAULT_TENANT) -> Tenant:
        try:
            return self.tenants[tenant_id]
        except KeyError:
            raise KeyError(f"unknown tenant {tenant_id!r}") from None

    # -- catalog ------------------------------------------------------------------------------
    @staticmethod
    def resolve_plan(
        plan_id: str, version: int | None, product_id: str | None, *, strict_product: bool
    ) -> Plan:
        candidates = [p for p in CATALOG if p.plan_id == plan_id]
        if product_id is not None:
            candidates = [p for p in candidates if p.product_id == product_id]
        if not candidates:
            raise ApiError(400, "UNKNOWN_PLAN", f"unknown plan {plan_id!r}")
        products = list(dict.fromkeys(p.product_id for p in candidates))
        if len(products) > 1:
            if strict_product:
                raise ApiError(
                    400, "AMBIGUOUS_PLAN", f"plan {plan_id!r} is sold by several products; pass productId"
                )
            candidates = [p for p in candidates if p.product_id == products[0]]
        if version is None:
            return max(candidates, key=lambda p: p.version)
        for plan in candidates:
            if plan.version == version:
                return plan
        raise ApiError(400, "UNKNOWN_PLAN", f"plan {plan_id!r} has no version {version}")

    @staticmethod
    def check_add_ons(module_ids: list[str]) -> list[str]:
        for module_id in module_ids:
            if module_id not in ADD_ONS:
                raise ApiError(400, "UNKNOWN_ADD_ON", f"unknown add-on module {module_id!r}")
        return list(dict.fromkeys(module_ids))

    # -- lookups ------------------------------------------------------------------------------
    @staticmethod
    def account(t: Tenant, account_id: str) -> Account:
        return _or_404(t.accounts.get(account_id), "account not found")

    def customer_of(self, t: Tenant, account_id: str, customer_id: str) -> Customer:
        self.account(t, account_id)
        cust = t.customers.get(customer_id)
        return _or_404(cust if cust is not None and cust.account_id == account_id else None, "customer not found")

    @staticmethod
    def known_customer(t: Tenant, customer_id: str) -> Customer:
        """A customer by id alone (entitlements, credits, flags are per customer, any account)."""
        return _or_404(t.customers.get(customer_id), "customer has no record")

    @staticmethod
    def current_subscription(t: Tenant, customer_id: str) -> Subscription | None:
        subs = [s for s in t.subscriptions if s.customer_id == customer_id]
        live = [s for s in subs if s.live]
        if live:
            return live[-1]
        return subs[-1] if subs else None

    def subscription_for(self, t: Tenant, account_id: str, customer_id: str) -> Subscription:
        self.customer_of(t, account_id, customer_id)
        return _or_404(self.current_subscription(t, customer_id), "customer has no subscription")

    @staticmethod
    def live_subscription(sub: Subscription) -> Subscription:
        if not sub.live:
            raise ApiError(409, "SUBSCRIPTION_ENDED", "the subscription has ended")
        return sub

    def refuse_second_subscription(self, t: Tenant, customer_id: str, contract: Contract) -> None:
        """409 where the contract allows one subscription per customer that has not ended
        (``one_live_subscription``) and the customer has one."""
        current = self.current_subscription(t, customer_id)
        if contract.has("one_live_subscription") and current is not None and current.live:
            raise ApiError(409, "SUBSCRIPTION_EXISTS", "customer already has a subscription that has not ended")

    def payment_method(self, t: Tenant, account_id: str, handle: str, contract: Contract) -> PaymentMethod:
        return self._by_handle(t.payment_methods.values(), account_id, handle, contract, "payment method")

    def invoice(self, t: Tenant, account_id: str, handle: str, contract: Contract) -> Invoice:
        return self._by_handle(t.invoices.values(), account_id, handle, contract, "invoice")

    @staticmethod
    def _by_handle(records: Iterable[Handled], account_id: str, handle: str, contract: Contract,
                   what: str) -> Handled:
        """The record of ``account_id`` the wire names ``handle`` (:func:`.views.handle`): only
        its ref under ``ref_handles`` (a raw id or another account's ref is 404), else its raw id."""
        by_ref = contract.has("ref_handles")
        for record in records:
            if record.account_id == account_id and (record.ref if by_ref else record.id) == handle:
                return record
        raise ApiError(404, "NOT_FOUND", f"{what} not found")

    # -- events -------------------------------------------------------------------------------
    def emit_subscription(self, t: Tenant, event_type: str, sub: Subscription, contract: Contract) -> None:
        """A subscription event, in the shape of the contract whose call caused it."""
        ent = views.entitlements(contract, t, t.customers[sub.customer_id], self.current_subscription(t, sub.customer_id))
        self.emit(
            t,
            event_type,
            {
                "accountId": sub.account_id,
                "customerId": sub.customer_id,
                "subscription": views.subscription(contract, self.clock, t, sub),
                "modules": ent["modules"],
            },
        )

    def emit_payment(self, t: Tenant, inv: Invoice, seats: int | None) -> None:
        data: dict[str, Any] = {
            "accountId": inv.account_id,
            "customerId": inv.customer_id,
            "invoice": {
                "id": inv.id,
                "number": inv.number,
                "status": inv.status,
                "amountDue": inv.subtotal,
                "amountPaid": inv.subtotal if inv.paid else 0,
                "currency": CURRENCY,
                "hostedInvoiceUrl": inv.hosted_url,
                "invoicePdf": inv.pdf_url,
            },
        }
        if seats is not None:
            data["seats"] = seats
        self.emit(t, "payment.succeeded" if inv.paid else "payment.failed", data)

    # -- billing ------------------------------------------------------------------------------
    def add_payment_method(
        self,
        account_id: str,
        *,
        tenant_id: str = DEFAULT_TENANT,
        brand: str = "visa",
        last4: str = "4242",
        exp_month: int = 12,
        exp_year: int = 2034,
        name: str | None = None,
        make_default: bool | None = None,
    ) -> PaymentMethod:
        """Save a card on an account (what a completed setup checkout does)."""
        t = self.tenant(tenant_id)
        acct = t.accounts.get(account_id)
        if acct is None:
            raise KeyError(f"unknown account {account_id!r}")
        pm = PaymentMethod(token("pm", 12), token("pmr", 16), account_id, brand, last4, exp_month, exp_year, name)
        t.payment_methods[pm.id] = pm
        if make_default or (make_default is None and acct.default_pm is None):
            acct.default_pm = pm.id
        return pm

    def _new_invoice(self, t: Tenant, sub: Subscription, lines: list[tuple[str, int]]) -> Invoice:
        t.invoice_seq += 1
        subtotal = sum(amount for _, amount in lines)
        has_card = t.accounts[sub.account_id].default_pm is not None or sub.default_pm is not None
        inv = Invoice(
            id=token("in", 12),
            ref=token("inr", 16),
            account_id=sub.account_id,
            customer_id=sub.customer_id,
            subscription_id=sub.id,
            number=f"VLM-{t.tenant_id.upper()}-{t.invoice_seq:04d}",
            status="paid" if subtotal <= 0 or has_card else "open",
            subtotal=max(subtotal, 0),
            created=self.clock.now(),
            lines=lines,
        )
        t.invoices[inv.id] = inv
        self.emit_payment(t, inv, sub.seats)
        return inv

    @staticmethod
    def _period_lines(sub: Subscription) -> list[tuple[str, int]]:
        lines = [(f"{sub.seats} x {sub.plan.plan_id} v{sub.plan.version}", sub.plan.amount * sub.seats)]
        lines += [(f"add-on {m}", ADD_ONS[m]) for m in sub.add_ons]
        return lines

    # -- subscriptions --------------------------------------------------------------------------
    def create_subscription(
        self, t: Tenant, cust: Customer, plan: Plan, seats: int, add_ons: list[str], contract: Contract
    ) -> Subscription:
        self.refuse_second_subscription(t, cust.customer_id, contract)
        current = self.current_subscription(t, cust.customer_id)
        if current is not None and current.live:
            self._end(t, current, contract)  # no one_live_subscription (v1 era): the new one replaces it
        now = self.clock.now()
        acct = t.accounts[cust.account_id]
        trial = plan.trial_days > 0
        end = now + plan.trial_days * DAY if trial else now + PERIOD_SECONDS[plan.interval]
        sub = Subscription(
            id=token("sub", 12),
            account_id=cust.account_id,
            customer_id=cust.customer_id,
            plan=plan,
            seats=seats,
            status="trialing" if trial else ("active" if acct.default_pm else "incomplete"),
            created=now,
            period_start=now,
            period_end=end,
            trial_end=end if trial else None,
            default_pm=acct.default_pm,
            add_ons=add_ons,
        )
        t.subscriptions.append(sub)
        if trial:
            self._new_invoice(t, sub, [(f"trial of {plan.plan_id} v{plan.version}", 0)])
        else:
            self._new_invoice(t, sub, self._period_lines(sub))
        self.emit_subscription(t, "subscription.created", sub, contract)
        return sub

    def _end(self, t: Tenant, sub: Subscription, contract: Contract, at: float | None = None) -> None:
        sub.status = "canceled"
        sub.cancel_at_period_end = False
        sub.canceled_at = self.clock.now() if at is None else at
        self.emit_subscription(t, "subscription.canceled", sub, contract)

    def cancel(self, t: Tenant, sub: Subscription, at_period_end: bool, contract: Contract) -> None:
        if not sub.live:
            return
        if at_period_end:
            if not sub.cancel_at_period_end:
                sub.cancel_at_period_end = True
                self.emit_subscription(t, "subscription.updated", sub, contract)
        else:
            self._end(t, sub, contract)

    def proration(self, sub: Subscription, new_total: int) -> tuple[int, list[tuple[str, int]]]:
        """(amount due now, lines) for moving ``sub`` to ``new_total`` per period, right now."""
        if sub.status == "trialing":
            return 0, []
        span = max(sub.period_end - sub.period_start, 1.0)
        left = min(max((sub.period_end - self.clock.now()) / span, 0.0), 1.0)
        unused = -round(sub.recurring_total() * left)
        remaining = round(new_total * left)
        return unused + remaining, [
            ("Unused time on current plan", unused),
            ("Remaining time on new plan", remaining),
        ]

    def change(
        self,
        t: Tenant,
        sub: Subscription,
        contract: Contract,
        *,
        plan: Plan | None = None,
        seats: int | None = None,
        add_ons: list[str] | None = None,
    ) -> None:
        self.live_subscription(sub)
        new_plan = plan or sub.plan
        new_seats = seats if seats is not None else sub.seats
        new_add_ons = add_ons if add_ons is not None else sub.add_ons
        due, lines = self.proration(sub, recurring_total(new_plan, new_seats, new_add_ons))
        sub.plan, sub.seats, sub.add_ons = new_plan, new_seats, list(new_add_ons)
        if due > 0:
            self._new_invoice(t, sub, lines)
        self.emit_subscription(t, "subscription.updated", sub, contract)

    def settle(self, contract: Contract | None = None) -> None:
        """Apply everything the sandbox clock has made due (period ends, trials, renewals);
        events render in ``contract``'s shape (None: the newest, for settling outside a call)."""
        contract = contract or contract_for()
        now = self.clock.now()
        for t in self.tenants.values():
            for sub in t.subscriptions:
                if sub.status == "incomplete":
                    if now >= sub.created + INCOMPLETE_EXPIRY_SECONDS:  # never paid: expires like Stripe's
                        sub.status = "incomplete_expired"
                        self.emit_subscription(t, "subscription.canceled", sub, contract)
                    continue
                for _ in range(1000):  # bounded: a huge clock jump rolls at most 1000 periods
                    if not sub.live or now < sub.period_end:
                        break
                    if sub.cancel_at_period_end:
                        self._end(t, sub, contract, at=sub.period_end)
                        break
                    start = sub.period_end
                    sub.period_start, sub.period_end = start, start + PERIOD_SECONDS[sub.plan.interval]
                    inv = self._new_invoice(t, sub, self._period_lines(sub))
                    inv.created = start
                    sub.status = "active" if inv.paid else "past_due"
                    self.emit_subscription(t, "subscription.updated", sub, contract)

    # -- checkout -----------------------------------------------------------------------------
    @staticmethod
    def new_session(t: Tenant, session: CheckoutSession) -> dict[str, Any]:
        t.sessions[session.id] = session
        return {"url": f"{CHECKOUT_URL_BASE}/{session.id}", "sessionId": session.id}

    def complete_checkout(self, session_id: str, *, tenant_id: str = DEFAULT_TENANT) -> dict[str, Any]:
        """Play the customer finishing a hosted checkout page."""
        t = self.tenant(tenant_id)
        session = t.sessions.get(session_id)
        if session is None:
            raise KeyError(f"unknown checkout session {session_id!r}")
        if session.completed:
            raise ValueError("checkout session already completed")
        acct = t.accounts[session.account_id]
        result: dict[str, Any] = {"sessionId": session.id, "kind": session.kind}
        if session.kind in ("setup", "subscription") and (session.kind == "setup" or acct.default_pm is None):
            pm = self.add_payment_method(acct.account_id, tenant_id=tenant_id)
            result["paymentMethod"] = {"id": pm.id, "ref": pm.ref}
        if session.kind == "subscription":
            assert session.plan is not None and session.customer_id is not None
            contract = contract_for(session.version)
            try:
                sub = self.create_subscription(
                    t, t.customers[session.customer_id], session.plan, session.seats, session.add_ons, contract
                )
            except ApiError as exc:
                raise ValueError(exc.message) from None
            result["subscription"] = views.subscription(contract, self.clock, t, sub)
        if session.kind == "credits":
            assert session.customer_id is not None
            for pack_id, quantity in session.items:
                type_id, _, per_pack, _ = CREDIT_PACKS[pack_id]
                self.grant_credits(session.customer_id, type_id, per_pack * quantity, tenant_id=tenant_id)
            result["credits"] = self.balances(t, session.customer_id)
        session.completed = True
        return result

    # -- credits ------------------------------------------------------------------------------
    def grant_credits(
        self, customer_id: str, credit_type_id: str, amount: int, *, tenant_id: str = DEFAULT_TENANT
    ) -> int:
        t = self.tenant(tenant_id)
        if customer_id not in t.customers:
            raise KeyError(f"unknown customer {customer_id!r}")
        if credit_type_id not in CREDIT_TYPES:
            raise KeyError(f"unknown credit type {credit_type_id!r}")
        if amount < 0:
            raise ValueError("amount must be >= 0")
        key = (customer_id, credit_type_id)
        t.credits[key] = t.credits.get(key, 0) + amount
        return t.credits[key]

    @staticmethod
    def balances(t: Tenant, customer_id: str) -> list[dict[str, Any]]:
        return [
            {"creditTypeId": type_id, "balance": balance}
            for (cust, type_id), balance in sorted(t.credits.items())
            if cust == customer_id
        ]

    @staticmethod
    def consume(t: Tenant, customer_id: str, credit_type_id: str, amount: int, key: str) -> dict[str, Any]:
        ledger_key = (customer_id, credit_type_id, key)
        previous = t.consumptions.get(ledger_key)
        if previous is not None:
            if previous[0] != amount:
                raise ApiError(409, "IDEMPOTENCY_KEY_REUSED", "idempotencyKey was used with a different amount")
            return dict(previous[1])
        balance = t.credits.get((customer_id, credit_type_id), 0)
        if balance < amount:
            raise ApiError(409, "INSUFFICIENT_CREDITS", "insufficient credit balance; nothing was deducted")
        t.credits[(customer_id, credit_type_id)] = balance - amount
        result = {
            "creditTypeId": credit_type_id,
            "consumed": amount,
            "balance": balance - amount,
            "idempotencyKey": key,
        }
        t.consumptions[ledger_key] = (amount, result)
        return dict(result)

    # -- flags --------------------------------------------------------------------------------
    def set_flag(
        self, flag_id: str, value: bool, *, customer_id: str | None = None, tenant_id: str = DEFAULT_TENANT
    ) -> None:
        t = self.tenant(tenant_id)
        if customer_id is None:
            t.flags[flag_id] = bool(value)
        else:
            t.flag_overrides.setdefault(customer_id, {})[flag_id] = bool(value)

    # -- push ---------------------------------------------------------------------------------
    def configure_push(self, url: str, secret: str, *, tenant_id: str = DEFAULT_TENANT) -> None:
        """Set where (loopback only) and with which secret a tenant's events are delivered."""
        self.tenant(tenant_id).push = push_config(url, secret)

    def deliver_pushes(self) -> dict[str, int]:
        """Settle what the clock made due, then POST every pending event to its tenant's push
        URL (:meth:`~.push.PushOutbox.deliver_pending`). Each event becomes one entry of
        :attr:`webhook_log` (target, bytes, signature, attempts)."""
        self.settle()
        return self.deliver_pending()


"""All SPAPS sandbox state (:class:`SpapsState`), shared by every contract the sandbox serves.

Plain objects behind one lock. State that only some contracts need (MFA requirements and
challenges, usage authorizations and events, idempotency slots, message authorship) lives in a
:class:`~.records.ProfileState` in ``SpapsState.profiles`` (:func:`profile`), so a reset clears it
and a snapshot carries it.
"""

from __future__ import annotations

import secrets
import threading
import urllib.parse
from decimal import Decimal
from typing import Any

from paywire.sandbox._framework import ApiError, Clock
from paywire.sandbox.spaps.constants import (
    ACCESS_TOKEN_TTL,
    CHAIN_CONFIRMATIONS,
    CHECKOUT_TTL,
    DEFAULT_API_KEY,
    DEFAULT_APPLICATION_ID,
    DEFAULT_RECON_TOKEN,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_ID,
    INTERVAL_SECONDS,
    RECOVERY_CODES,
    REFRESH_REUSE_INTERVAL,
    SEED_CHECKOUT_SESSION_ID,
    SEED_PAYMENT_ID,
    SEED_PAYMENT_METHODS,
    SEED_PRODUCTS,
    SEED_SUBSCRIPTION_ID,
    SESSION_TTL,
    USAGE_PERIOD,
)
from paywire.sandbox.spaps.passwords import SEED_PASSWORD_HASH, hash_password
from paywire.sandbox.spaps.records import (
    AccessToken,
    CheckoutSession,
    Deposit,
    Invoice,
    Nonce,
    OneTimeToken,
    OutboxMessage,
    Payment,
    Price,
    Product,
    ProfileState,
    RefreshToken,
    SecureMessage,
    Session,
    Settlement,
    Subscription,
    UsageEntry,
    User,
    WhitelistEntry,
)


def new_id(prefix: str, nbytes: int = 12) -> str:
    return f"{prefix}_{secrets.token_hex(nbytes)}"


def norm_address(chain: str, address: str) -> str:
    return address.lower() if chain == "ethereum" else address


class SpapsState:
    """All SPAPS sandbox state; plain objects behind one lock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.started_at = clock.now()
        self.api_keys: dict[str, str] = {DEFAULT_API_KEY: DEFAULT_APPLICATION_ID}
        self.recon_tokens: dict[str, str] = {DEFAULT_APPLICATION_ID: DEFAULT_RECON_TOKEN}
        self.users: dict[str, User] = {}
        self.email_index: dict[str, str] = {}
        self.wallet_index: dict[tuple[str, str], str] = {}
        self.sessions: dict[str, Session] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}
        self.nonces: dict[tuple[str, str], Nonce] = {}
        self.one_time_tokens: dict[str, OneTimeToken] = {}
        self.sent: list[OutboxMessage] = []
        self.prices: dict[str, Price] = {}
        self.products: dict[str, Product] = {}
        self.checkout_sessions: dict[str, CheckoutSession] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.payments: dict[str, Payment] = {}
        self.payment_methods: set[str] = set(SEED_PAYMENT_METHODS)
        self.deposits: dict[str, Deposit] = {}
        self.invoices: dict[str, Invoice] = {}
        self.reconcile_jobs: list[dict[str, Any]] = []
        self.usage: list[UsageEntry] = []
        self.usage_keys: dict[tuple[str, str, str], UsageEntry] = {}
        self.messages: list[SecureMessage] = []
        self.whitelist: dict[tuple[str, str], WhitelistEntry] = {}
        #: "flat": tokens/user/message at the top level (0.1.4 fixtures); "nested": inside data.
        self.auth_envelope = "flat"
        self.require_email_confirmation = False
        self.cards_declined = False
        #: state that only some contracts need, by the contract that introduced it (:func:`profile`)
        self.profiles: dict[str, Any] = {}
        self._seed()

    # -- seeding -------------------------------------------------------------------------------
    def _seed(self) -> None:
        now = self.clock.now()
        created = int(now) - 90 * 86400
        for prod_id, (name, desc, category, prices) in SEED_PRODUCTS.items():
            for price_id, amount, interval, nickname in prices:
                self.prices[price_id] = Price(price_id, prod_id, amount, "usd", interval, nickname)
            self.products[prod_id] = Product(prod_id, name, desc, category, created,
                                             [p[0] for p in prices], prices[0][0],
                                             metadata={"category": category})
        user = User(DEFAULT_USER_ID, DEFAULT_USER_EMAIL, SEED_PASSWORD_HASH, username="sweetpotato",
                    email_confirmed=True, tier="pro", created_at=now - 60 * 86400,
                    payment_methods=["pm_card_visa"], default_payment_method="pm_card_visa")
        self._add_user(user)
        start = int(now) - 5 * 86400
        self.subscriptions[SEED_SUBSCRIPTION_ID] = Subscription(
            SEED_SUBSCRIPTION_ID, DEFAULT_USER_ID, "price_123", "si_seed_123", "active",
            start, start + INTERVAL_SECONDS["month"])
        self.payments[SEED_PAYMENT_ID] = Payment(
            SEED_PAYMENT_ID, DEFAULT_USER_ID, 1999, "usd", "succeeded", "Sweet Potato Pro (monthly)",
            start, invoice_id="in_seed_123", invoice_pdf="https://pay.sandbox.invalid/invoices/in_seed_123.pdf",
            metadata={"subscription": SEED_SUBSCRIPTION_ID})
        self.checkout_sessions[SEED_CHECKOUT_SESSION_ID] = CheckoutSession(
            SEED_CHECKOUT_SESSION_ID, DEFAULT_APPLICATION_ID, DEFAULT_USER_ID, False, "subscription",
            [("price_123", 1)], "https://example.com/success", "https://example.com/cancel",
            DEFAULT_USER_EMAIL, None, {}, start - 60, start - 60 + CHECKOUT_TTL, status="complete",
            payment_status="paid", payment_intent=SEED_PAYMENT_ID, subscription=SEED_SUBSCRIPTION_ID,
            amount_total=1999)

    def _add_user(self, user: User) -> User:
        self.users[user.id] = user
        if user.email:
            self.email_index[user.email.lower()] = user.id
        for w in user.wallets:
            self.wallet_index[(w.chain, norm_address(w.chain, w.address))] = user.id
        return user

    # -- users, tokens, sessions ---------------------------------------------------------------
    def user_by_email(self, email: str) -> User | None:
        uid = self.email_index.get(email.strip().lower())
        return self.users.get(uid) if uid else None

    def create_user(self, email: str | None, password: str | None = None, *, username: str | None = None,
                    phone_number: str | None = None, email_confirmed: bool = False,
                    tier: str = "free") -> User:
        with self.lock:
            if email and self.user_by_email(email):
                raise ValueError("a user with this email already exists")
            user = User(new_id("usr", 8), email.strip().lower() if email else None,
                        hash_password(password) if password else None, username=username,
                        phone_number=phone_number, email_confirmed=email_confirmed, tier=tier,
                        created_at=self.clock.now())
            return self._add_user(user)

    def add_api_key(self, application_id: str, api_key: str | None = None) -> str:
        with self.lock:
            key = api_key or new_id("test_key", 12)
            self.api_keys[key] = application_id
            self.recon_tokens.setdefault(application_id, new_id("recon", 12))
            return key

    def issue_tokens(self, user: User, application_id: str, user_agent: str | None = None) -> dict[str, Any]:
        """Open a session and return its token set (the wire ``tokens`` object)."""
        with self.lock:
            now = self.clock.now()
            session = Session(new_id("sess", 10), user.id, application_id, now, now + SESSION_TTL, now,
                              user_agent=user_agent)
            self.sessions[session.id] = session
            return self._token_pair(session)

    def _token_pair(self, session: Session) -> dict[str, Any]:
        now = self.clock.now()
        access = "spaps_at_" + secrets.token_urlsafe(32)
        refresh = "spaps_rt_" + secrets.token_urlsafe(32)
        self.access_tokens[access] = AccessToken(session.id, session.user_id, now + ACCESS_TOKEN_TTL)
        self.refresh_tokens[refresh] = RefreshToken(session.id, session.expires_at)
        return {"access_token": access, "refresh_token": refresh, "expires_in": ACCESS_TOKEN_TTL,
                "token_type": "Bearer"}

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """Rotate a refresh token; raises ApiError(401, INVALID_REFRESH) when it is not usable.

        A token rotated less than :data:`REFRESH_REUSE_INTERVAL` seconds ago answers with the
        session's current refresh token and a fresh access token (nothing is rotated again); a
        rotated token presented later is reuse: the whole session (the token family) is revoked.
        """
        with self.lock:
            record = self.refresh_tokens.get(refresh_token)
            now = self.clock.now()
            if record is None:
                raise ApiError(401, "INVALID_REFRESH", "Invalid refresh token")
            session = self.sessions.get(record.session_id)
            if session is None or session.revoked or now >= record.expires_at or now >= session.expires_at:
                raise ApiError(401, "INVALID_REFRESH", "Refresh token expired or session ended")
            if record.rotated:
                if record.rotated_at is not None and now - record.rotated_at < REFRESH_REUSE_INTERVAL:
                    return self._current_pair(session, record)
                self.revoke_session(session.id)  # reuse of a rotated token: kill the family
                raise ApiError(401, "INVALID_REFRESH", "Refresh token has already been used")
            record.rotated, record.rotated_at = True, now
            session.last_activity = now
            pair = self._token_pair(session)
            record.successor = pair["refresh_token"]
            return pair

    def _current_pair(self, session: Session, record: RefreshToken) -> dict[str, Any]:
        """The answer to a rotated token inside the reuse interval: the newest refresh token of
        its family (followed along the rotations) with a new access token."""
        token = record.successor
        while token is not None:
            nxt = self.refresh_tokens[token]
            if not nxt.rotated or nxt.successor is None:
                break
            token = nxt.successor
        assert token is not None
        now = self.clock.now()
        access = "spaps_at_" + secrets.token_urlsafe(32)
        self.access_tokens[access] = AccessToken(session.id, session.user_id, now + ACCESS_TOKEN_TTL)
        session.last_activity = now
        return {"access_token": access, "refresh_token": token, "expires_in": ACCESS_TOKEN_TTL,
                "token_type": "Bearer"}

    def revoke_session(self, session_id: str) -> None:
        with self.lock:
            session = self.sessions.get(session_id)
            if session is not None:
                session.revoked = True

    def revoke_user_sessions(self, user_id: str) -> None:
        with self.lock:
            for s in self.sessions.values():
                if s.user_id == user_id:
                    s.revoked = True

    def active_sessions(self, user_id: str) -> list[Session]:
        now = self.clock.now()
        return [s for s in self.sessions.values()
                if s.user_id == user_id and not s.revoked and now < s.expires_at]

    def expire_access_tokens(self, user_id: str | None = None) -> None:
        """Make access tokens (of one user, or all) expire now; refresh tokens stay valid."""
        with self.lock:
            for tok in self.access_tokens.values():
                if user_id is None or tok.user_id == user_id:
                    tok.expires_at = min(tok.expires_at, self.clock.now())

    def expire_sessions(self, *, session_id: str | None = None, user_id: str | None = None) -> list[str]:
        """End sessions now (one by id, or all of a user's), as if their time ran out: their
        access and refresh tokens stop working. Returns the ids; KeyError if none matched."""
        with self.lock:
            now = self.clock.now()
            hit = [s for s in self.sessions.values()
                   if (session_id is None or s.id == session_id) and (user_id is None or s.user_id == user_id)
                   and now < s.expires_at]
            if not hit:
                raise KeyError(f"no live session {session_id or ''}{' of user ' + user_id if user_id else ''}")
            ids = {s.id for s in hit}
            for s in hit:
                s.expires_at = now
            for tok in self.access_tokens.values():
                if tok.session_id in ids:
                    tok.expires_at = min(tok.expires_at, now)
            for rt in self.refresh_tokens.values():
                if rt.session_id in ids:
                    rt.expires_at = min(rt.expires_at, now)
            return sorted(ids)

    # -- outbox --------------------------------------------------------------------------------
    def send_one_time_token(self, kind: str, email: str, ttl: float, link_base: str) -> OutboxMessage:
        with self.lock:
            token = secrets.token_urlsafe(24)
            now = self.clock.now()
            self.one_time_tokens[token] = OneTimeToken(kind, email.lower(), now + ttl)
            sep = "&" if "?" in link_base else "?"
            subjects = {"magic_link": "Your sign-in link", "password_reset": "Reset your password",
                        "email_confirmation": "Confirm your email"}
            msg = OutboxMessage(email.lower(), kind, subjects.get(kind, kind), token,
                                f"{link_base}{sep}token={urllib.parse.quote(token)}&type={kind}", now)
            self.sent.append(msg)
            return msg

    def outbox(self, email: str | None = None) -> list[dict[str, Any]]:
        """Messages "sent" so far (oldest first), optionally only those to ``email``."""
        with self.lock:
            return [m.as_dict(self.clock) for m in self.sent
                    if email is None or m.to == email.strip().lower()]

    def last_token(self, email: str, kind: str | None = None) -> str:
        """The token of the newest outbox message to ``email`` (of ``kind``)."""
        with self.lock:
            for m in reversed(self.sent):
                if m.to == email.strip().lower() and (kind is None or m.kind == kind):
                    return m.token
        raise KeyError(f"no {kind or 'message'} sent to {email}")

    def consume_token(self, token: str, kinds: tuple[str, ...]) -> OneTimeToken | None:
        with self.lock:
            record = self.one_time_tokens.get(token)
            if record is None or record.used or record.kind not in kinds or self.clock.now() >= record.expires_at:
                return None
            record.used = True
            return record

    # -- knobs ---------------------------------------------------------------------------------
    def set_auth_envelope(self, mode: str) -> None:
        if mode not in ("flat", "nested"):
            raise ValueError("mode must be 'flat' or 'nested'")
        self.auth_envelope = mode

    def decline_cards(self, declined: bool = True) -> None:
        self.cards_declined = declined

    # -- stripe side ---------------------------------------------------------------------------
    def checkout_status(self, cs: CheckoutSession) -> str:
        if cs.status == "open" and self.clock.now() >= cs.expires_at:
            cs.status = "expired"
        return cs.status

    def complete_checkout(self, session_id: str) -> CheckoutSession:
        """Play the customer paying an open checkout session."""
        with self.lock:
            cs = self.checkout_sessions.get(session_id)
            if cs is None:
                raise KeyError(f"unknown checkout session {session_id}")
            if self.checkout_status(cs) != "open":
                raise ValueError(f"checkout session {session_id} is {cs.status}")
            now = int(self.clock.now())
            cs.status, cs.payment_status = "complete", "paid"
            first_price = self.prices[cs.line_items[0][0]]
            pay = Payment(new_id("pi", 12), cs.user_id, cs.amount_total, cs.currency, "succeeded",
                          self.products[first_price.product].name, now,
                          invoice_id=new_id("in", 12) if cs.mode == "subscription" else None,
                          metadata={"checkout_session": cs.id, **{k: str(v) for k, v in cs.metadata.items()}})
            if pay.invoice_id:
                pay.invoice_pdf = f"https://pay.sandbox.invalid/invoices/{pay.invoice_id}.pdf"
            self.payments[pay.id] = pay
            cs.payment_intent = pay.id
            if cs.mode == "subscription":
                price_id, qty = cs.line_items[0]
                sub = Subscription(new_id("sub", 12), cs.user_id, price_id, new_id("si", 10), "active",
                                   now, now + INTERVAL_SECONDS[self.prices[price_id].interval or "month"],
                                   quantity=qty)
                self.subscriptions[sub.id] = sub
                cs.subscription = sub.id
                pay.metadata["subscription"] = sub.id
            return cs

    def roll_subscription(self, sub: Subscription) -> Subscription:
        """Apply period ends that passed on the sandbox clock (renewal or end of a cancel)."""
        now = int(self.clock.now())
        while sub.status in ("active", "trialing") and now >= sub.current_period_end:
            if sub.cancel_at_period_end:
                sub.status = "canceled"
                sub.canceled_at = sub.current_period_end
                break
            price = self.prices[sub.price_id]
            length = INTERVAL_SECONDS[price.interval or "month"]
            sub.current_period_start = sub.current_period_end
            sub.current_period_end += length
            pay = Payment(new_id("pi", 12), sub.user_id, price.unit_amount * sub.quantity, price.currency,
                          "succeeded", f"{self.products[price.product].name} (renewal)",
                          sub.current_period_start, invoice_id=new_id("in", 12),
                          metadata={"subscription": sub.id})
            pay.invoice_pdf = f"https://pay.sandbox.invalid/invoices/{pay.invoice_id}.pdf"
            self.payments[pay.id] = pay
        return sub

    # -- crypto --------------------------------------------------------------------------------
    def pay_invoice(self, invoice_id: str, amount: str | Decimal) -> Invoice:
        """Record an on-chain settlement of ``amount`` (decimal) against an invoice."""
        with self.lock:
            inv = self.invoices.get(invoice_id)
            if inv is None:
                raise KeyError(f"unknown invoice {invoice_id}")
            value = Decimal(str(amount))
            if value <= 0:
                raise ValueError("amount must be positive")
            now = self.clock.now()
            inv.settlements.append(Settlement(new_id("stl", 8), value, now))
            if inv.finalized_at is None and sum(s.amount for s in inv.settlements) >= inv.amount:
                inv.finalized_at = now
            return inv

    def invoice_status(self, inv: Invoice) -> str:
        paid = sum((s.amount for s in inv.settlements), Decimal(0))
        if paid > inv.amount:
            return "overpaid"
        if paid == inv.amount:
            return "paid"
        if self.clock.now() >= inv.expires_at:
            return "expired"
        return "underpaid" if paid > 0 else "pending"

    # -- wallet deposits -----------------------------------------------------------------------
    def deposit_progress(self, dep: Deposit) -> tuple[int, int]:
        required, block = CHAIN_CONFIRMATIONS.get(dep.chain_type, (12, 12.0))
        current = min(required, int((self.clock.now() - dep.created_at) / block))
        if current >= required and not dep.credited:
            dep.credited = True
            dep.completed_at = dep.created_at + required * block
            self.users[dep.user_id].credits += dep.amount
        return current, required


#: the key of the MFA / two-phase usage / pair-messages state in ``SpapsState.profiles`` (the
#: contract that introduced it; snapshots carry the key)
PROFILE_KEY = "2026-10"


def profile(st: SpapsState) -> ProfileState:
    """The MFA / two-phase usage / pair-messages state of a SpapsState (created on first use; a
    reset starts afresh).

    It lives in the state object's ``profiles`` dict, so a snapshot of the state carries it."""
    with st.lock:
        prof = st.profiles.get(PROFILE_KEY)
        if prof is None:
            prof = st.profiles[PROFILE_KEY] = ProfileState()
        return prof


def _find_user(st: SpapsState, who: str) -> User:
    user = st.users.get(who) or st.user_by_email(who)
    if user is None:
        raise KeyError(f"no user {who!r}")
    return user


def require_mfa(st: SpapsState, who: str, required: bool = True) -> User:
    """Make sign-in of a user (email or user id) answer an MFA challenge on contracts with the
    ``mfa`` feature (2026-10).

    The seed-era contract ignores it: 0.1.4 has no way to express a challenge.
    """
    with st.lock:
        user = _find_user(st, who)
        prof = profile(st)
        if required:
            prof.mfa_users.add(user.id)
            prof.recovery_codes.setdefault(user.id, [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}"
                                                     for _ in range(RECOVERY_CODES)])
        else:
            prof.mfa_users.discard(user.id)
            prof.recovery_codes.pop(user.id, None)
        return user


def usage_period(st: SpapsState) -> tuple[float, float]:
    """The current 30-day usage period (start, end) on the sandbox clock, counted from the seed."""
    n = int((st.clock.now() - st.started_at) // USAGE_PERIOD)
    start = st.started_at + n * USAGE_PERIOD
    return start, start + USAGE_PERIOD

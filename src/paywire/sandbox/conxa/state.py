"""CONXA sandbox state: constants and seed data, the model's dataclasses, and :class:`ConxaState`
(connections, polling, wallets, pricing and the exactly-once charge decision).

Plain Python behind one lock: handlers (``handlers/<tag>.py``) call it, tests and the demo
drive it directly (``sandbox.state("conxa")``). A charge's outcome is kept as the reply it gave
(status and body), because a replay of its idempotency key must answer exactly that. The
dataclasses are what snapshots store (as ``conxa.<Class>``)."""

from __future__ import annotations

import asyncio
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from paywire.sandbox._framework import ApiError, Clock, Reply
from paywire.sandbox.conxa import wallet_crypto
from paywire.sandbox.conxa.constants import DEFAULT_API_KEY as DEFAULT_API_KEY
from paywire.sandbox.conxa.constants import DEFAULT_PROVIDER_ID as DEFAULT_PROVIDER_ID
from paywire.sandbox.conxa.constants import DEFAULT_WALLET_ID as DEFAULT_WALLET_ID
from paywire.sandbox.conxa.views import error_body, session_status_view

DEFAULT_WALLET_TOKENS = 1_000_000
DEFAULT_SESSION_TTL_SECONDS = 3600.0
DEFAULT_MIN_POLL_INTERVAL = 0.2
MAX_IDEMPOTENCY_KEY_LENGTH = 255

#: model name -> (tokens per input token, tokens per output token)
DEFAULT_PRICING: dict[str, tuple[int, int]] = {
    "gpt-4": (1, 2),
    "gpt-4o": (1, 2),
    "gpt-4o-mini": (1, 2),
    "gpt-3.5-turbo": (1, 2),
    "claude-3-5-sonnet": (1, 2),
    "claude-3-opus": (1, 2),
    "sandbox-model": (1, 2),
}

WALLET_ID_RE = re.compile(r"^[0-9]{16}$")


@dataclass
class Provider:
    provider_id: str
    api_key: str = field(repr=False)


@dataclass
class Wallet:
    wallet_id: str
    tokens: int


@dataclass
class Connection:
    """One provider user's wallet connection (the session behind the status poll)."""

    provider_id: str
    provider_username: str
    status: str = "pending"  # pending | active | expired (computed from expires_at)
    wallet_id: str | None = None
    limit: int | None = None  # spending cap in tokens over the connection's life
    spent: int = 0
    can_charge: bool = True
    session_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None

    def current_status(self, now: float) -> str:
        if self.status == "active" and self.expires_at is not None and now >= self.expires_at:
            return "expired"
        return self.status


@dataclass
class ChargeOutcome:
    """A charge that reached a decision (approved, 402 or 403); stored for replays."""

    provider_id: str
    idempotency_key: str
    wallet_id: str
    model_name: str
    input_tokens: int
    output_tokens: int
    tokens: int  # price of the request
    status: int
    body: dict[str, Any]
    at: float

    @property
    def approved(self) -> bool:
        return self.status == 200 and bool(self.body.get("approved"))


@dataclass
class LedgerEntry:
    """One applied debit."""

    provider_id: str
    idempotency_key: str
    wallet_id: str
    model_name: str
    tokens: int
    balance_after: int
    at: float


@dataclass
class _IdemRecord:
    fingerprint: tuple[str, str, int, int]  # (session token, model, input, output)
    in_progress: bool = True
    status: int = 0
    body: dict[str, Any] | None = None

    def __repr__(self) -> str:  # the fingerprint holds a session token
        return f"_IdemRecord(in_progress={self.in_progress}, status={self.status})"


class ConxaState:
    """All CONXA sandbox state; plain Python, guarded by one lock (tests call it from their thread)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.providers: dict[str, Provider] = {}
        self.wallets: dict[str, Wallet] = {}
        self.connections: dict[tuple[str, str], Connection] = {}
        self.pricing: dict[str, tuple[int, int]] = dict(DEFAULT_PRICING)
        self.min_poll_interval = DEFAULT_MIN_POLL_INTERVAL
        self.session_ttl = DEFAULT_SESSION_TTL_SECONDS
        self.charge_latency = 0.0
        self.unknown_user_404 = False
        self.ledger: list[LedgerEntry] = []
        self.outcomes: list[ChargeOutcome] = []
        self._last_poll: dict[tuple[str, str], float] = {}
        self._tokens: dict[str, tuple[str, str]] = {}  # session token -> connection key
        self._idem: dict[tuple[str, str], _IdemRecord] = {}
        self.add_provider(DEFAULT_PROVIDER_ID, DEFAULT_API_KEY)
        self.seed_wallet(DEFAULT_WALLET_ID, DEFAULT_WALLET_TOKENS)

    def __repr__(self) -> str:
        return (f"ConxaState(providers={sorted(self.providers)}, wallets={len(self.wallets)}, "
                f"connections={len(self.connections)}, ledger={len(self.ledger)})")

    # -- setup helpers ----------------------------------------------------------------------
    def add_provider(self, provider_id: str, api_key: str) -> Provider:
        if not provider_id or not api_key:
            raise ValueError("provider_id and api_key must be non-empty")
        with self.lock:
            provider = Provider(provider_id, api_key)
            self.providers[provider_id] = provider
            return provider

    def seed_wallet(self, wallet_id: str, tokens: int) -> Wallet:
        """Create a wallet or set its balance."""
        if not WALLET_ID_RE.match(wallet_id):
            raise ValueError("wallet_id must be 16 digits")
        if tokens < 0:
            raise ValueError("tokens must be >= 0")
        with self.lock:
            wallet = self.wallets.get(wallet_id)
            if wallet is None:
                wallet = self.wallets[wallet_id] = Wallet(wallet_id, int(tokens))
            else:
                wallet.tokens = int(tokens)
            return wallet

    def set_price(self, model_name: str, input_rate: int, output_rate: int) -> None:
        if input_rate < 0 or output_rate < 0:
            raise ValueError("rates must be >= 0")
        with self.lock:
            self.pricing[model_name] = (int(input_rate), int(output_rate))

    def price(self, model_name: str, input_tokens: int, output_tokens: int) -> int | None:
        rates = self.pricing.get(model_name)
        if rates is None:
            return None
        return input_tokens * rates[0] + output_tokens * rates[1]

    def set_min_poll_interval(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        self.min_poll_interval = float(seconds)

    def set_charge_latency(self, seconds: float) -> None:
        """How long a charge stays *in progress* before it commits (the 409 window)."""
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        self.charge_latency = float(seconds)

    # -- the mobile-app side -------------------------------------------------------------------
    def _provider(self, provider_id: str) -> Provider:
        try:
            return self.providers[provider_id]
        except KeyError:
            raise KeyError(f"unknown provider {provider_id!r}") from None

    def scan(self, provider_id: str, username: str) -> Connection:
        """The user scanned the QR: the connection becomes ``pending`` (unless already set up)."""
        self._provider(provider_id)
        key = (provider_id, username.strip())
        with self.lock:
            conn = self.connections.get(key)
            if conn is None or conn.current_status(self.clock.now()) == "expired":
                self._revoke(conn)
                conn = self.connections[key] = Connection(provider_id, key[1])
            return conn

    def approve(
        self,
        provider_id: str,
        username: str,
        wallet_id: str,
        limit: int | None = None,
        *,
        ttl_seconds: float | None = None,
        can_charge: bool = True,
    ) -> Connection:
        """The user approved: the connection becomes ``active`` with a new ``ps_…`` token."""
        self._provider(provider_id)
        if wallet_id not in self.wallets:
            raise KeyError(f"unknown wallet {wallet_id!r}")
        if limit is not None and limit < 0:
            raise ValueError("limit must be >= 0")
        key = (provider_id, username.strip())
        with self.lock:
            old = self.connections.get(key)
            self._revoke(old)
            conn = Connection(provider_id, key[1], status="active", wallet_id=wallet_id,
                              limit=None if limit is None else int(limit), can_charge=can_charge)
            conn.session_token = wallet_crypto.new_session_token()
            conn.expires_at = self.clock.now() + (self.session_ttl if ttl_seconds is None else ttl_seconds)
            self.connections[key] = conn
            self._tokens[conn.session_token] = key
            return conn

    def expire(self, provider_id: str, username: str) -> Connection:
        """Expire an active session now."""
        with self.lock:
            conn = self.connections[(provider_id, username.strip())]
            if conn.status == "active":
                conn.expires_at = min(conn.expires_at or math.inf, self.clock.now())
            return conn

    def set_charge_permission(self, provider_id: str, username: str, allowed: bool) -> Connection:
        with self.lock:
            conn = self.connections[(provider_id, username.strip())]
            conn.can_charge = bool(allowed)
            return conn

    def _revoke(self, conn: Connection | None) -> None:
        if conn is not None and conn.session_token is not None:
            self._tokens.pop(conn.session_token, None)

    # -- reads for tests -----------------------------------------------------------------------
    def balance(self, wallet_id: str) -> int:
        with self.lock:
            return self.wallets[wallet_id].tokens

    def charges_for(self, wallet_id: str) -> list[ChargeOutcome]:
        """Every decided charge (approved, 402, 403) against the wallet, oldest first."""
        with self.lock:
            return [o for o in self.outcomes if o.wallet_id == wallet_id]

    def connection(self, provider_id: str, username: str) -> Connection | None:
        return self.connections.get((provider_id, username.strip()))

    # -- request logic ---------------------------------------------------------------------------
    def provider_for_key(self, api_key: str | None) -> Provider:
        if api_key:
            for provider in self.providers.values():
                if wallet_crypto.same_secret(provider.api_key, api_key):
                    return provider
        raise ApiError(401, "INVALID_API_KEY", "invalid API key")

    def poll(self, provider_id: str, username: str) -> dict[str, Any]:
        key = (provider_id, username)
        with self.lock:
            now = self.clock.now()
            last = self._last_poll.get(key)
            if last is not None and now - last < self.min_poll_interval:
                wait = max(1, math.ceil(self.min_poll_interval - (now - last)))
                raise ApiError(429, "RATE_LIMITED", "polling too fast; retry later",
                               headers={"Retry-After": str(wait)})
            self._last_poll[key] = now
            conn = self.connections.get(key)
            if conn is None and self.unknown_user_404:
                raise ApiError(404, "SESSION_NOT_FOUND", "no session for this user yet")
            return session_status_view(self, conn, now)

    def _begin_charge(
        self, provider_id: str, idem_key: str, fingerprint: tuple[str, str, int, int]
    ) -> Reply | None:
        """Replay, conflict or reuse answer; or None after marking the key in progress."""
        with self.lock:
            record = self._idem.get((provider_id, idem_key))
            if record is None:
                self._idem[(provider_id, idem_key)] = _IdemRecord(fingerprint)
                return None
            if record.fingerprint != fingerprint:
                return Reply(422, error_body(422, "IDEMPOTENCY_KEY_REUSED",
                                         "idempotency key was already used for a different request"))
            if record.in_progress:
                return Reply(409, error_body(409, "IDEMPOTENCY_KEY_IN_PROGRESS",
                                         "charge with this idempotency key is in progress"))
            assert record.body is not None
            return Reply(record.status, dict(record.body))

    def _decide_charge(
        self, provider_id: str, idem_key: str, token: str, model: str, input_tokens: int, output_tokens: int
    ) -> Reply:
        """Validate the session, price, apply or deny. Runs under the lock, no awaits."""
        key = self._tokens.get(token)
        conn = self.connections.get(key) if key else None
        if conn is None or conn.provider_id != provider_id:
            raise ApiError(401, "INVALID_SESSION", "unknown or revoked session token")
        now = self.clock.now()
        if conn.current_status(now) != "active":
            raise ApiError(401, "SESSION_EXPIRED", "session expired")
        cost = self.price(model, input_tokens, output_tokens)
        if cost is None:
            raise ApiError(422, "UNKNOWN_MODEL", f"unknown model {model!r}")
        assert conn.wallet_id is not None
        wallet = self.wallets.get(conn.wallet_id)
        if wallet is None:
            raise ApiError(404, "WALLET_NOT_FOUND", "wallet not found")
        if not conn.can_charge:
            reply = Reply(403, error_body(403, "NO_CHARGE_PERMISSION", "session has no charge permission")
                          | {"new_balance": wallet.tokens})
        elif conn.limit is not None and conn.spent + cost > conn.limit:
            reply = Reply(403, error_body(403, "HARD_CAP_VIOLATION", "charge exceeds the spending limit")
                          | {"new_balance": wallet.tokens})
        elif wallet.tokens < cost:
            reply = Reply(402, error_body(402, "INSUFFICIENT_BALANCE", "insufficient balance")
                          | {"new_balance": wallet.tokens})
        else:
            wallet.tokens -= cost
            conn.spent += cost
            self.ledger.append(LedgerEntry(provider_id, idem_key, wallet.wallet_id, model, cost,
                                           wallet.tokens, now))
            reply = Reply(200, {"approved": True, "new_balance": wallet.tokens, "error_code": None})
        assert isinstance(reply.body, dict)
        self.outcomes.append(ChargeOutcome(provider_id, idem_key, wallet.wallet_id, model, input_tokens,
                                           output_tokens, cost, reply.status, dict(reply.body), now))
        return reply

    async def charge(
        self, provider_id: str, idem_key: str, token: str, model: str, input_tokens: int, output_tokens: int
    ) -> Reply:
        fingerprint = (token, model, input_tokens, output_tokens)
        early = self._begin_charge(provider_id, idem_key, fingerprint)
        if early is not None:
            return early
        slot = (provider_id, idem_key)
        done = False
        try:
            # The in-flight window: a duplicate arriving now sees the key in progress (409).
            await asyncio.sleep(self.charge_latency)
            with self.lock:
                reply = self._decide_charge(provider_id, idem_key, token, model, input_tokens, output_tokens)
                record = self._idem[slot]
                record.in_progress = False
                record.status = reply.status
                record.body = dict(reply.body) if isinstance(reply.body, dict) else {}
                done = True
            return reply
        finally:
            if not done:  # 401/422/404 or cancellation: nothing stored, the key is free again
                with self.lock:
                    self._idem.pop(slot, None)

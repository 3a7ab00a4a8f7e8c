"""The exactly-once proof: 1,000 charges under ~30% injected faults, against the sandbox.

Faults (fixed random seed) are drawn per logical charge and queued just before it is sent:
the connection dropped **after** the debit committed, dropped before, a 503, a 429 with
``Retry-After: 0``. With retries on, every wallet ends at its start minus exactly one debit
per key, and every call returns the result the server decided first. The same plan with
retries off shows what a naive client would have done.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
from _conxa_helpers import aclose, call

from paywire import PaywireError, RetryConfig
from paywire.conxa import AsyncCONXAClient, ChargeResult, CONXAClient
from paywire.sandbox.conxa import DEFAULT_API_KEY, DEFAULT_PROVIDER_ID

pytestmark = pytest.mark.slow

SEED = 20_240_607
CHARGES = 1_000
USERS = 25
START = 50_000_000
FAULT_RATE = 0.30
FAULT_KINDS: list[dict[str, Any]] = [
    {"reset": "after"},                  # debit committed, response lost: the dangerous one
    {"reset": "before"},                 # nothing committed
    {"status": 503},
    {"status": 429, "retry_after": 0},
]
#: Enough attempts for the worst planned run (3 faults, then success); tiny backoffs.
RETRYING = RetryConfig(max_attempts=5, backoff_factor=0.01)


@dataclass
class Charge:
    key: str
    user: int
    input_tokens: int
    output_tokens: int
    faults: list[dict[str, Any]] = field(default_factory=list)

    @property
    def price(self) -> int:
        return self.input_tokens + 2 * self.output_tokens  # the sandbox's seeded rates


def make_plan() -> list[Charge]:
    rng = random.Random(SEED)
    plan = []
    for i in range(CHARGES):
        charge = Charge(f"proof-{i:04d}", rng.randrange(USERS), rng.randrange(0, 2_000), rng.randrange(0, 800))
        if rng.random() < FAULT_RATE:
            count = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
            charge.faults = [dict(rng.choice(FAULT_KINDS)) for _ in range(count)]
        plan.append(charge)
    return plan


def wallet(user: int) -> str:
    return f"{7000_0000_0000_0000 + user:016d}"


def connect_users(paywire_sandbox: Any) -> list[str]:
    st = paywire_sandbox.state("conxa")
    tokens = []
    for user in range(USERS):
        st.seed_wallet(wallet(user), START)
        tokens.append(st.approve(DEFAULT_PROVIDER_ID, f"user{user}@example.com", wallet(user)).session_token)
    return tokens


def queue_faults(paywire_sandbox: Any, charge: Charge) -> None:
    for fault in charge.faults:
        paywire_sandbox.faults.add("conxa:authorize_charge", times=1, **fault)


def client_for(paywire_sandbox: Any, flavour: str, retry: RetryConfig) -> Any:
    cls = CONXAClient if flavour == "sync" else AsyncCONXAClient
    return cls(api_key=DEFAULT_API_KEY, base_url=paywire_sandbox.base_url("conxa"), retry_config=retry)


async def test_exactly_once_under_faults(paywire_sandbox: Any, flavour: str) -> None:
    plan = make_plan()
    faulty = [c for c in plan if c.faults]
    assert 0.25 < len(faulty) / CHARGES < 0.35
    kinds = Counter(str(f) for c in plan for f in c.faults)
    assert kinds[str({"reset": "after"})] > 50  # plenty of commit-then-drop cases

    st = paywire_sandbox.state("conxa")
    tokens = connect_users(paywire_sandbox)
    client = client_for(paywire_sandbox, flavour, RETRYING)
    results: dict[str, ChargeResult] = {}
    try:
        for charge in plan:
            queue_faults(paywire_sandbox, charge)
            results[charge.key] = await call(client.charge, tokens[charge.user], charge.key, "gpt-4",
                                             charge.input_tokens, charge.output_tokens)
        # The caller asks again about a sample of keys (its own retries): same answers, no debits.
        again = random.Random(SEED + 1).sample(plan, 100)
        for charge in again:
            repeat = await call(client.charge, tokens[charge.user], charge.key, "gpt-4",
                                charge.input_tokens, charge.output_tokens)
            assert repeat == results[charge.key]
    finally:
        await aclose(client)

    # Every fault fired, on the charge it was queued for.
    assert all(rule.fired == rule.times for rule in paywire_sandbox.faults.rules)
    assert len(paywire_sandbox.faults.rules) == sum(len(c.faults) for c in plan)
    sent = Counter(r["idempotency_key"] for r in paywire_sandbox.requests if r["op"] == "authorize_charge")
    assert all(sent[c.key] >= len(c.faults) + 1 for c in plan)

    # Exactly one debit per key ...
    debits = Counter(entry.idempotency_key for entry in st.ledger)
    assert set(debits) == {c.key for c in plan} and set(debits.values()) == {1}
    # ... so every balance is its start minus the prices of its keys, once each.
    for user in range(USERS):
        expected = START - sum(c.price for c in plan if c.user == user)
        assert st.balance(wallet(user)) == expected
    # Every call returned what the server decided the first time (the stored outcome).
    first = {o.idempotency_key: o for o in reversed(st.outcomes)}
    for charge in plan:
        outcome = first[charge.key]
        assert outcome.status == 200
        assert results[charge.key] == ChargeResult(approved=True, new_balance=outcome.body["new_balance"])


async def test_naive_client_loses_and_double_charges(paywire_sandbox: Any) -> None:
    """The same plan with retries off. Caller A gives up after its one attempt: whenever the
    response was lost after the commit, the user paid but the caller recorded a failure.
    Caller B then retries with a *fresh* key (what code without a stable idempotency key
    does): every commit-then-drop becomes a double charge. (B's first attempt is A's only one,
    so one pass shows both.)"""
    plan = make_plan()
    st = paywire_sandbox.state("conxa")
    tokens = connect_users(paywire_sandbox)
    a_recorded: set[str] = set()
    a_failed: set[str] = set()
    with client_for(paywire_sandbox, "sync", RetryConfig(max_attempts=1)) as client:
        for charge in plan:
            queue_faults(paywire_sandbox, charge)
            for attempt in range(len(charge.faults) + 1):
                key = charge.key if attempt == 0 else f"{charge.key}-retry{attempt}"
                try:
                    client.charge(tokens[charge.user], key, "gpt-4", charge.input_tokens, charge.output_tokens)
                except PaywireError:
                    if attempt == 0:
                        a_failed.add(charge.key)
                    continue
                if attempt == 0:
                    a_recorded.add(charge.key)
                break
    assert all(rule.fired == rule.times for rule in paywire_sandbox.faults.rules)

    # Caller A: paid but recorded as failed, exactly when the first fault was commit-then-drop.
    first_debits = {entry.idempotency_key for entry in st.ledger if "-retry" not in entry.idempotency_key}
    paid_but_failed = first_debits - a_recorded
    assert paid_but_failed == {c.key for c in plan if c.faults and c.faults[0] == {"reset": "after"}}
    assert paid_but_failed and a_failed - first_debits  # and wanted charges that never happened

    # Caller B: one extra debit per commit-then-drop; wallets overcharged by their prices.
    per_charge = Counter(entry.idempotency_key.split("-retry")[0] for entry in st.ledger)
    drops_after = {c.key: sum(f == {"reset": "after"} for f in c.faults) for c in plan}
    assert {k: n - 1 for k, n in per_charge.items() if n > 1} == {k: n for k, n in drops_after.items() if n}
    overcharged = sum(
        START - sum(c.price for c in plan if c.user == user) - st.balance(wallet(user)) for user in range(USERS))
    assert overcharged == sum(c.price * drops_after[c.key] for c in plan) > 0

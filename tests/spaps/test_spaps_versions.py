"""API-version pinning of the SPAPS clients: selection and default, ``supports()``, and the clear
error (before any request) for a method or an argument the pinned contract does not have."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import respx
from _spaps_helpers import API_KEY, FLAVOURS, SEED_VERSION, TODAY_VERSION, aclose, call, collect, tokens

import paywire
from paywire.spaps import (
    API_VERSIONS,
    DEFAULT_API_VERSION,
    SEED_API_VERSION,
    AsyncSpapsClient,
    MfaChallenge,
    SpapsClient,
    SpapsError,
    UnsupportedOperationError,
)
from paywire.spaps._contract import CONTRACTS, METHODS, versions_for

URL = "https://example.com"


# --- selection ------------------------------------------------------------------------------------
async def test_the_default_is_the_newest_contract(flavour: str) -> None:
    client = FLAVOURS[flavour](api_key=API_KEY)
    try:
        assert API_VERSIONS == ("2025-11", "2026-10") and DEFAULT_API_VERSION == TODAY_VERSION
        assert SEED_API_VERSION == SEED_VERSION
        assert client.api_version == "2026-10"
        assert type(client.generated).__module__.startswith("paywire_gen_spaps_2026_10.")
        assert "api_version='2026-10'" in repr(client) and API_KEY not in repr(client)
    finally:
        await aclose(client)


async def test_pinning_the_seed_era_contract(flavour: str) -> None:
    client = FLAVOURS[flavour](api_key=API_KEY, api_version="2025-11")
    try:
        assert client.api_version == "2025-11"
        assert type(client.generated).__module__.startswith("paywire_gen_spaps_2025_11.")
        copy = client.with_options(max_retries=0)
        assert copy.api_version == "2025-11" and copy.payments._contract is client._contract
    finally:
        await aclose(client)


def test_the_environment_pins_when_the_argument_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPAPS_API_VERSION", "2025-11")
    with SpapsClient() as from_env:
        assert from_env.api_version == "2025-11"
    with SpapsClient(api_version="2026-10") as explicit:
        assert explicit.api_version == "2026-10"


@pytest.mark.parametrize("cls", [SpapsClient, AsyncSpapsClient])
def test_an_unknown_version_is_a_config_error(cls: type[Any]) -> None:
    with pytest.raises(paywire.ConfigError, match=r"unknown spaps api_version '2024-01'.*2025-11, 2026-10"):
        cls(api_version="2024-01")


# --- supports() -------------------------------------------------------------------------------------
ONLY_SEED = ["get_balance", "create_payment_intent", "update_payment_method", "wallet_deposit",
             "get_wallet_transaction"]
ONLY_TODAY = ["set_password", "verify_mfa", "get_session_context", "list_auth_methods", "authorize_usage",
              "get_status", "iter_messages", "iter_history"]


@pytest.mark.parametrize("version", ["2025-11", "2026-10"])
def test_supports_follows_the_pinned_contract(version: str) -> None:
    with SpapsClient(api_version=version) as client:
        seed = version == "2025-11"
        for name in ONLY_SEED:
            assert client.supports(name) is seed
            assert client.supports(f"payments.{name}") is seed
        for name in ONLY_TODAY:
            assert client.supports(name) is not seed
        for name in ("sign_in_with_password", "create_checkout_session", "record_usage", "list_messages",
                     "iter_products", "whitelist.list", "payments.crypto.create_invoice", "health"):
            assert client.supports(name)
        with pytest.raises(AttributeError, match="no API method 'teleport'"):
            client.supports("teleport")


def test_every_method_of_the_table_is_on_the_clients() -> None:
    for cls in (SpapsClient, AsyncSpapsClient):
        client = cls(api_version="2026-10")
        for qualified in METHODS:
            target: Any = client
            *path, name = qualified.split(".")
            for part in path:
                target = getattr(target, part)
            assert callable(getattr(target, name)), qualified
    assert {v for q in METHODS for v in versions_for(q)} == set(CONTRACTS)


# --- the clear error, before any request ------------------------------------------------------------------
TODAY_LACKS: list[tuple[str, Callable[[Any], Any]]] = [
    ("payments.get_balance", lambda c: c.payments.get_balance()),
    ("payments.create_payment_intent", lambda c: c.payments.create_payment_intent(amount=100, currency="usd")),
    ("payments.update_payment_method", lambda c: c.payments.update_payment_method(payment_method_id="pm_1")),
    ("payments.wallet_deposit", lambda c: c.payments.wallet_deposit(
        wallet_address="0xabc", chain_type="ethereum", transaction_id="0x12", amount=1, currency="ETH")),
    ("payments.get_wallet_transaction", lambda c: c.payments.get_wallet_transaction("tx_1")),
]
SEED_LACKS: list[tuple[str, Callable[[Any], Any]]] = [
    ("auth.set_password", lambda c: c.auth.set_password("NewPass-123")),
    ("auth.verify_mfa", lambda c: c.auth.verify_mfa(MfaChallenge(challenge_id="mfa_1", challenge="c"), "123456")),
    ("auth.get_session_context", lambda c: c.auth.get_session_context()),
    ("auth.list_auth_methods", lambda c: c.auth.list_auth_methods()),
    ("usage.authorize_usage", lambda c: c.usage.authorize_usage("api_calls", "user")),
    ("usage.get_status", lambda c: c.usage.get_status("api_calls", "user")),
    ("usage.iter_history", lambda c: c.usage.iter_history()),
    ("secure_messages.iter_messages", lambda c: c.secure_messages.iter_messages("pat_1", "doc_1")),
]


@pytest.mark.parametrize(("version", "method", "invoke", "need"),
                         [("2026-10", m, f, "2025-11") for m, f in TODAY_LACKS]
                         + [("2025-11", m, f, "2026-10") for m, f in SEED_LACKS],
                         ids=[m for m, _ in TODAY_LACKS] + [m for m, _ in SEED_LACKS])
async def test_a_method_missing_from_the_pinned_version(make: Any, mock: respx.MockRouter, version: str, method: str,
                                                        invoke: Callable[[Any], Any], need: str) -> None:
    client = make(api_version=version)
    client.set_tokens(tokens())
    with pytest.raises(UnsupportedOperationError) as info:
        result = await call(invoke, client)
        await collect(result)  # the iterators refuse when made; this line is not reached
    err = info.value
    assert str(err).startswith(f"{method} needs api_version {need}; this client is pinned to {version}")
    assert (err.operation, err.api_version, err.supported_versions) == (method, version, (need,))
    assert isinstance(err, paywire.UnsupportedOperationError) and isinstance(err, SpapsError)
    assert isinstance(err, NotImplementedError)  # what spaps 0.5.1+ raised for the removed payments calls
    if version == "2026-10":
        assert "answers it 501" in str(err)
    assert not mock.calls


ARGUMENTS: list[tuple[str, str, Callable[[Any], Any], str]] = [
    # (pinned, what the message starts with, call, the version that has it)
    ("2026-10", "usage.record_usage(feature=..., quantity=...) needs api_version 2025-11",
     lambda c: c.usage.record_usage(feature="api_calls", quantity=1), "2025-11"),
    ("2026-10", "usage.record_usage(feature=..., quantity=...) needs api_version 2025-11",
     lambda c: c.usage.record_usage("api_calls", 1), "2025-11"),
    ("2025-11", "usage.record_usage(authorization_ref=..., feature_key=..., resource_type=..., dimensions=...) "
                "needs api_version 2026-10",
     lambda c: c.usage.record_usage(authorization_ref="uauth_1", feature_key="api_calls", resource_type="user",
                                    dimensions={"calls": 1}), "2026-10"),
    ("2026-10", "usage.get_history(period=...) needs api_version 2025-11",
     lambda c: c.usage.get_history(period="daily"), "2025-11"),
    ("2025-11", "usage.get_history(feature_key=..., offset=...) needs api_version 2026-10",
     lambda c: c.usage.get_history(feature_key="api_calls", offset=10), "2026-10"),
    ("2026-10", "sessions.list_sessions(starting_after=...) needs api_version 2025-11",
     lambda c: c.sessions.list_sessions(limit=5, starting_after="sess_0"), "2025-11"),
    ("2025-11", "sessions.list_sessions(offset=...) needs api_version 2026-10",
     lambda c: c.sessions.list_sessions(offset=5), "2026-10"),
    ("2026-10", "payments.list_payment_history(starting_after=..., ending_before=...) needs api_version 2025-11",
     lambda c: c.payments.list_payment_history(starting_after="pi_1", ending_before="pi_0"), "2025-11"),
    ("2025-11", "payments.list_products(offset=...) needs api_version 2026-10",
     lambda c: c.payments.list_products(offset=100), "2026-10"),
    ("2025-11", "payments.create_checkout_session(line_items=...) needs api_version 2026-10",
     lambda c: c.payments.create_checkout_session(line_items=[{"price_id": "p"}], mode="payment", success_url=URL,
                                                  cancel_url=URL), "2026-10"),
    ("2025-11", "payments.create_guest_checkout_session(idempotency_key=...) needs api_version 2026-10",
     lambda c: c.payments.create_guest_checkout_session(
         customer_email="g@example.com", mode="payment", line_items=[{"price_id": "p"}], success_url=URL,
         cancel_url=URL, idempotency_key="k-1"), "2026-10"),
    ("2025-11", "payments.crypto.create_invoice(idempotency_key=...) needs api_version 2026-10",
     lambda c: c.payments.crypto.create_invoice("USDC", "base", "1.00", idempotency_key="k-1"), "2026-10"),
    ("2025-11", "auth.register(ref=...) needs api_version 2026-10",
     lambda c: c.auth.register("a@example.com", "Passw0rd!", ref="friend"), "2026-10"),
    ("2025-11", "auth.verify_magic_link(state=...) needs api_version 2026-10",
     lambda c: c.auth.verify_magic_link("tok_123", state="s"), "2026-10"),
    ("2025-11", "auth.send_magic_link(confirm_url=...) needs api_version 2026-10",
     lambda c: c.auth.send_magic_link("a@example.com", confirm_url=URL), "2026-10"),
    ("2025-11", "secure_messages.list_messages(patient_id=..., practitioner_id=...) needs api_version 2026-10",
     lambda c: c.secure_messages.list_messages("pat_1", "doc_1"), "2026-10"),
    ("2025-11", "secure_messages.create_message(client_message_id=...) needs api_version 2026-10",
     lambda c: c.secure_messages.create_message("pat_1", "doc_1", "hi", client_message_id="c-1"), "2026-10"),
]


@pytest.mark.parametrize(("version", "message", "invoke", "need"), ARGUMENTS, ids=[a[1].split(" ")[0] for a in ARGUMENTS])
async def test_an_argument_of_the_other_version(make: Any, mock: respx.MockRouter, version: str, message: str,
                                                invoke: Callable[[Any], Any], need: str) -> None:
    client = make(api_version=version)
    client.set_tokens(tokens())
    with pytest.raises(UnsupportedOperationError) as info:
        await call(invoke, client)
    assert str(info.value).startswith(f"{message}; this client is pinned to {version}")
    assert info.value.supported_versions == (need,)
    assert not mock.calls


async def test_the_old_usage_signature_on_today_says_how_to_migrate(make: Any, make26: Any,
                                                                   mock: respx.MockRouter) -> None:
    client = make26()
    with pytest.raises(UnsupportedOperationError) as info:
        await call(client.usage.record_usage, feature="api_calls", quantity=3, idempotency_key="job-1")
    text = str(info.value)
    assert "authorize_usage(feature_key=..., resource_type=...)" in text and "authorization_ref=..." in text
    with pytest.raises(UnsupportedOperationError, match=r"on 2025-11 use usage\.record_usage\(feature=\.\.\., "):
        await call(make(api_version="2025-11").usage.authorize_usage, "api_calls", "user")
    assert not mock.calls


async def test_a_redirect_says_the_server_may_speak_the_other_contract(make: Any, mock: respx.MockRouter) -> None:
    """A 2025-11 client talking to today's server: the slashless session list answers 307."""
    mock.get("/api/sessions").respond(307, headers={"Location": "http://localhost:3300/api/sessions/"})
    client = make(api_version="2025-11")
    client.set_tokens(tokens())
    with pytest.raises(paywire.APIStatusError) as info:
        await call(client.sessions.list_sessions)
    assert info.value.status_code == 307 and info.value.code == "UNEXPECTED_REDIRECT"
    assert "another contract than the pinned api_version 2025-11" in str(info.value)

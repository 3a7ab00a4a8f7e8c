"""The complete test file the README shows (kept running here): the paywire pytest plugin starts one
sandbox; each test gets its own namespace, ready clients, the clock, timed actions and snapshots."""

import pytest

from paywire.sandbox import spaps as sb_spaps
from paywire.spaps.errors import SpapsError


def test_a_charge_is_debited_once(paywire_conxa, paywire_sandbox):
    conn = paywire_sandbox.state("conxa").approve("openai", "ada@example.com", "4242424242424242")
    result = paywire_conxa.charge(session_token=conn.session_token, idempotency_key="order-1",
                                  model_name="gpt-4", input_tokens=10, output_tokens=5)
    assert result.approved
    assert len(paywire_sandbox.state("conxa").ledger) == 1   # no other test's charges in here


def test_pinned_version(paywire_sandbox):
    vellum = paywire_sandbox.client("vellum", api_version="v1")   # closed at teardown
    vellum.create_account(account_id="acct_1", name="Ada Ltd")


def test_session_expires_after_5_s_of_sandbox_time(paywire_spaps, paywire_sandbox):
    paywire_spaps.auth.sign_in_with_password(sb_spaps.DEFAULT_USER_EMAIL, sb_spaps.DEFAULT_USER_PASSWORD)
    session = paywire_spaps.sessions.get_current_session()
    paywire_sandbox.schedule.add("spaps/expire_sessions", {"session_id": session.id}, in_seconds=5)
    paywire_sandbox.clock.advance(6)
    with pytest.raises(SpapsError):
        paywire_spaps.sessions.get_current_session()   # expired; the refresh token went with it


def test_snapshot_and_restore(paywire_sandbox):
    paywire_sandbox.state("conxa").seed_wallet("1111222233334444", 500)
    saved = paywire_sandbox.snapshot()                 # versioned JSON: json.dump(saved, f)
    paywire_sandbox.reset()
    paywire_sandbox.restore(saved)
    assert paywire_sandbox.state("conxa").wallets["1111222233334444"].tokens == 500

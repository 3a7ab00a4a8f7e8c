"""Snapshots over real HTTP: every service's state round-trips; old and newer snapshots load;
a bad snapshot is a 400 that changes nothing; ``paywire sandbox --state FILE`` on a subprocess."""

from __future__ import annotations

import copy
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support.sandbox import namespaces

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import lumen as sb_lumen
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox import vellum as sb_vellum
from paywire.sandbox.app import Sandbox
from paywire.sandbox.snapshot import VERSION, registry

SPAPS = {"X-API-Key": sb_spaps.DEFAULT_API_KEY}
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}
VELLUM = {"x-api-key": sb_vellum.DEFAULT_API_KEY}
LUMEN = {"Authorization": f"Bearer {sb_lumen.DEFAULT_API_KEY}"}


@pytest.fixture
def pair(paywire_sandbox_server: Any) -> Iterator[tuple[Any, ...]]:
    with namespaces(paywire_sandbox_server, "snap-a", "snap-b") as views:
        yield views


def busy(sb: Any) -> dict[str, Any]:
    """Touch every service's state over HTTP; returns what the checks need."""
    out: dict[str, Any] = {}
    login = httpx.post(sb.base_url("spaps") + "/api/auth/login", headers=SPAPS,
                       json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    out["access_token"] = login.json()["data"]["access_token"]
    assert httpx.post(sb.base_url("spaps") + "/api/auth/register", headers=SPAPS,
                      json={"email": "snap@example.com", "password": "Secret123!"}).status_code in (200, 201)
    assert httpx.post(sb.url + "/_sandbox/spaps-2026-10/require_mfa",
                      json={"email": "snap@example.com"}).status_code == 200  # the 2026-10 profile state
    assert httpx.post(sb.url + "/_sandbox/lumen/subscribe", json={"externalId": "cust_snap"}).status_code == 200
    assert httpx.post(sb.base_url("vellum-v1") + "/tenants/sam/accounts", headers=VELLUM,
                      json={"accountId": "acct_snap"}).status_code == 200
    assert httpx.post(sb.url + "/_sandbox/conxa/approve",
                      json={"provider_username": "snap@example.com"}).status_code == 200
    token = sb.state("conxa").connections[(sb_conxa.DEFAULT_PROVIDER_ID, "snap@example.com")].session_token
    out["charge"] = {"headers": {**CONXA, "X-Idempotency-Key": "snap-1", "X-Provider-Session": token},
                     "json": {"model_name": "gpt-4", "input_tokens": 10, "output_tokens": 5}}
    r = httpx.post(sb.base_url("conxa") + "/charge/authorize", **out["charge"])
    assert r.status_code == 200, r.text
    out["charge_reply"] = r.json()
    sb.faults.add("lumen:*", status=503, times=2)
    assert httpx.post(sb.url + "/_sandbox/schedule", json={
        "in_seconds": 30, "control": "conxa/expire", "body": {"provider_username": "snap@example.com"}},
    ).status_code == 200
    httpx.post(sb.url + "/_sandbox/clock", json={"seconds": 5})
    return out


def _comparable(snap: dict[str, Any]) -> dict[str, Any]:
    return {k: snap[k] for k in ("format", "version", "states", "faults", "schedule")}


def test_every_services_state_round_trips_over_http(pair: tuple[Any, Any]) -> None:
    a, b = pair
    facts = busy(a)
    snap = httpx.get(a.url + "/_sandbox/snapshot").json()
    assert snap["version"] == VERSION and snap["namespace"] == "snap-a"
    # every service's state is in it, with every data attribute the live state has
    assert set(snap["states"]) == set(a.sandbox.factories)
    for key, encoded in snap["states"].items():
        live = {n for n, v in vars(a.state(key)).items()
                if not callable(v) and type(v).__name__ not in ("lock", "RLock", "Clock", "Random")}
        assert live == set(encoded), key

    r = httpx.post(b.url + "/_sandbox/restore", content=json.dumps(snap))
    assert r.status_code == 200, r.text
    again = httpx.get(b.url + "/_sandbox/snapshot").json()
    # identical, down to which objects are shared ($id/$ref numbering): nothing lost or split
    assert _comparable(again) == _comparable(snap)
    assert abs(again["clock"]["now"] - snap["clock"]["now"]) < 5  # resumes at the snapshot's moment

    # and it behaves: the old access token works, the charge replays instead of debiting twice
    me = httpx.get(b.base_url("spaps") + "/api/auth/user",
                   headers={**SPAPS, "Authorization": f"Bearer {facts['access_token']}"})
    assert me.status_code == 200, me.text
    replay = httpx.post(b.base_url("conxa") + "/charge/authorize", **facts["charge"])
    assert replay.json() == facts["charge_reply"]
    assert len(b.state("conxa").ledger) == 1
    assert b.state("lumen").by_external.get("cust_snap")
    assert "acct_snap" in b.state("vellum").tenants["sam"].accounts
    assert httpx.get(b.base_url("lumen") + "/v1/entitlements/x", headers=LUMEN).status_code == 503  # fault kept
    assert [x["control"] for x in httpx.get(b.url + "/_sandbox/schedule").json()["actions"]] == ["conxa/expire"]
    # restoring changed nothing in the source namespace
    assert _comparable(httpx.get(a.url + "/_sandbox/snapshot").json())["states"] == snap["states"]


def _walk(value: Any, fn: Callable[[dict[str, Any]], None]) -> None:
    if isinstance(value, dict):
        fn(value)
        for v in list(value.values()):
            _walk(v, fn)
    elif isinstance(value, list):
        for v in value:
            _walk(v, fn)


def test_newer_and_older_snapshots_load(pair: tuple[Any, Any]) -> None:
    a, b = pair
    busy(a)
    snap = a.snapshot()
    edited = copy.deepcopy(snap)
    # written by a newer sandbox: unknown top-level keys, state attributes and dataclass fields
    edited["written_by"] = "paywire 9"
    for state in edited["states"].values():
        state["zz_future_index"] = {"a": 1}
    _walk(edited["states"], lambda obj: obj.setdefault("zz_future_field", 1) if "$type" in obj else None)
    # written by an older sandbox: no 2026-10 profiles yet, users without metadata
    del edited["states"]["spaps"]["profiles"]
    _walk(edited["states"], lambda obj: obj.pop("metadata", None) if obj.get("$type") == "spaps.User" else None)
    b.restore(edited)
    st = b.state("spaps")
    assert st.profiles == {}  # the seeded value of an attribute the snapshot lacks
    assert st.user_by_email("snap@example.com").metadata == {}  # the field's default
    assert not hasattr(st, "zz_future_index")
    assert st.users.keys() == a.state("spaps").users.keys()


def test_snapshot_from_before_the_spaps_package_loads(pair: tuple[Any, Any]) -> None:
    """The 2026-10 profile's classes were ``spaps_2026_10.<Class>`` before the SPAPS sandbox became
    one package; such a snapshot still restores them."""
    a, b = pair
    busy(a)
    old = copy.deepcopy(a.snapshot())
    renamed: list[str] = []

    def rename(obj: dict[str, Any]) -> None:
        if obj.get("$type") in ("spaps.ProfileState", "spaps.MfaChallenge"):
            obj["$type"] = "spaps_2026_10." + obj["$type"].split(".", 1)[1]
            renamed.append(obj["$type"])

    _walk(old["states"], rename)
    assert "spaps_2026_10.ProfileState" in renamed
    b.restore(old)
    st = b.state("spaps")
    assert sb_spaps.profile(st).mfa_users == {st.user_by_email("snap@example.com").id}


def _registry_covers_every_state_type() -> None:
    names = set(registry())
    for needed in ("spaps.User", "spaps.ProfileState", "lumen.Customer", "vellum.Tenant", "conxa.Connection",
                   "framework.Fault", "framework.Reply", "timed_actions.TimedAction"):
        assert needed in names, needed


def test_registry_knows_the_sandbox_dataclasses() -> None:
    _registry_covers_every_state_type()


BAD: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
    ("not an object", lambda s: [s]),
    ("no version", lambda s: {k: v for k, v in s.items() if k != "version"}),
    ("from the future", lambda s: {**s, "version": VERSION + 1}),
    ("other format", lambda s: {**s, "format": "something-else"}),
    ("no states", lambda s: {k: v for k, v in s.items() if k != "states"}),
    ("state not an object", lambda s: {**s, "states": {**s["states"], "conxa": [1]}}),
    ("unknown type", lambda s: {**s, "states": {**s["states"], "conxa": {
        **s["states"]["conxa"], "wallets": {"x": {"$type": "os.system", "cmd": "true"}}}}}),
    ("dangling ref", lambda s: {**s, "states": {**s["states"], "conxa": {
        **s["states"]["conxa"], "wallets": {"x": {"$ref": 999999}}}}}),
    ("bad decimal", lambda s: {**s, "states": {**s["states"], "lumen": {
        **s["states"]["lumen"], "payment_provider": {"$decimal": "lots"}}}}),
    ("required field missing", lambda s: {**s, "states": {**s["states"], "conxa": {
        **s["states"]["conxa"], "wallets": {"x": {"$type": "conxa.Wallet", "wallet_id": "x"}}}}}),
    ("clock not finite", lambda s: json.loads(json.dumps(s).replace('"now": ', '"now": 1e400, "was": ', 1))),
    ("state attribute of the wrong type", lambda s: {**s, "states": {**s["states"], "conxa": {
        **s["states"]["conxa"], "wallets": [1, 2]}}}),
    ("dataclass field of the wrong type", lambda s: json.loads(json.dumps(s).replace(
        '"email_confirmed": true', '"email_confirmed": "yes"', 1))),
    ("fault that is not a fault", lambda s: {**s, "faults": [{"$type": "conxa.Wallet", "wallet_id": "1",
                                                              "tokens": 1}]}),
]


@pytest.mark.parametrize(("label", "mutate"), BAD, ids=[b[0] for b in BAD])
def test_bad_snapshots_are_a_400_and_change_nothing(pair: tuple[Any, Any], label: str,
                                                    mutate: Callable[[dict[str, Any]], Any]) -> None:
    a, b = pair
    busy(b)
    before = _comparable(b.snapshot())
    r = httpx.post(b.url + "/_sandbox/restore", content=json.dumps(mutate(a.snapshot())))
    assert r.status_code == 400, f"{label}: {r.status_code} {r.text[:300]}"
    assert r.json()["error"]
    assert _comparable(b.snapshot()) == before, label


# --- paywire sandbox --state FILE -------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "paywire", "sandbox", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_cli_state_loads_a_snapshot_at_start(tmp_path: Path) -> None:
    sb = Sandbox()
    sb.default.state("spaps").create_user("from-file@example.com", "Secret123!", email_confirmed=True)
    sb.default.clock.advance(86400)
    snap = sb.default.snapshot()
    state_file = tmp_path / "state.json"
    state_file.write_text(json.dumps(snap))
    port = _free_port()
    proc = _cli("--port", str(port), "--state", str(state_file))
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                clock = httpx.get(f"http://127.0.0.1:{port}/_sandbox/clock", timeout=1).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert clock["now"] >= snap["clock"]["now"] and clock["offset"] > 86000
        login = httpx.post(f"http://127.0.0.1:{port}/spaps/api/auth/login", headers=SPAPS,
                           json={"email": "from-file@example.com", "password": "Secret123!"})
        assert login.status_code == 200, login.text
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "goodbye" in err
    assert f"state loaded from {state_file}" in out and "not saved on exit" in out
    assert json.loads(state_file.read_text()) == snap  # never written back


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read snapshot"), ("{not json", "is not JSON"), ('{"version": 1}', "states"),
])
def test_cli_state_refuses_a_bad_file_with_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    state_file = tmp_path / "state.json"
    if content is not None:
        state_file.write_text(content)
    proc = _cli("--port", str(_free_port()), "--state", str(state_file))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, (out, err)
    assert message in err and "Traceback" not in err
    assert out == ""


def test_run_state_loads_a_file(tmp_path: Path) -> None:
    from paywire.sandbox.server import run

    sb = Sandbox()
    sb.default.state("conxa").seed_wallet("1111222233334444", 77)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(sb.default.snapshot()))
    with run(state=path) as running:
        r = httpx.get(running.base_url("conxa") + "/wallet/1111222233334444", headers=CONXA)
        assert r.status_code == 200 and "77" in r.text

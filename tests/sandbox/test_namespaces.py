"""Namespaces over real HTTP: each one its own users, charges, clock, faults and request log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _support.sandbox import namespaces

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.namespace import HEADER

SPAPS = {"X-API-Key": sb_spaps.DEFAULT_API_KEY}
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}


@pytest.fixture
def two(paywire_sandbox_server: Any) -> Iterator[tuple[Any, ...]]:
    with namespaces(paywire_sandbox_server, "iso-a", "iso-b") as views:
        yield views


def _register(sb: Any, email: str, **kw: Any) -> httpx.Response:
    return httpx.post(sb.base_url("spaps") + "/api/auth/register", headers=SPAPS, timeout=10,
                      json={"email": email, "password": "Secret123!"}, **kw)


def _login(base: str, email: str, headers: dict[str, str] | None = None) -> int:
    return httpx.post(base + "/api/auth/login", headers={**SPAPS, **(headers or {})}, timeout=10,
                      json={"email": email, "password": "Secret123!"}).status_code


def _charge(sb: Any, key: str) -> httpx.Response:
    conn = httpx.post(sb.url + "/_sandbox/conxa/approve", json={
        "provider_username": "iso@example.com", "wallet_id": sb_conxa.DEFAULT_WALLET_ID}).json()
    token = sb.state("conxa").connections[(sb_conxa.DEFAULT_PROVIDER_ID, "iso@example.com")].session_token
    assert conn["status"] == "active"
    return httpx.post(sb.base_url("conxa") + "/charge/authorize", timeout=10,
                      headers={**CONXA, "X-Idempotency-Key": key, "X-Provider-Session": token},
                      json={"model_name": "gpt-4", "input_tokens": 100, "output_tokens": 50})


def test_url_prefix_namespaces_do_not_see_each_other(two: tuple[Any, Any]) -> None:
    a, b = two
    assert a.url.endswith("/_ns/iso-a") and b.url.endswith("/_ns/iso-b")
    # users
    assert _register(a, "only-a@example.com").status_code in (200, 201)
    assert _login(a.base_url("spaps"), "only-a@example.com") == 200
    assert _login(b.base_url("spaps"), "only-a@example.com") == 401
    # charges
    assert _charge(a, "ch-1").status_code == 200
    balance = f"/wallet/{sb_conxa.DEFAULT_WALLET_ID}"
    spent = httpx.get(a.base_url("conxa") + balance, headers=CONXA).json()
    untouched = httpx.get(b.base_url("conxa") + balance, headers=CONXA).json()
    assert spent != untouched
    assert len(a.state("conxa").ledger) == 1 and b.state("conxa").ledger == []
    # clock
    assert httpx.post(a.url + "/_sandbox/clock", json={"seconds": 3600}).status_code == 200
    assert httpx.get(a.url + "/_sandbox/clock").json()["offset"] == 3600
    assert httpx.get(b.url + "/_sandbox/clock").json()["offset"] == 0
    # faults
    httpx.post(a.url + "/_sandbox/faults", json={"match": "conxa:get_wallet_balance", "status": 503, "times": 5})
    assert httpx.get(b.base_url("conxa") + balance, headers=CONXA).status_code == 200
    assert httpx.get(a.base_url("conxa") + balance, headers=CONXA).status_code == 503
    assert httpx.get(b.url + "/_sandbox/faults").json() == {"faults": []}
    # request logs
    assert {e["op"] for e in b.requests} == {"sign_in_with_password", "get_wallet_balance"}
    assert "authorize_charge" in {e["op"] for e in a.requests}
    # the default namespace saw none of it
    default = httpx.get(a.server_url + "/_sandbox/clock").json()
    assert default["offset"] == 0
    assert _login(a.server_url + "/spaps", "only-a@example.com") == 401


def test_the_header_selects_a_namespace_too(two: tuple[Any, Any]) -> None:
    a, b = two
    server = a.server_url
    assert _register(a, "hdr@example.com").status_code in (200, 201)
    assert _login(server + "/spaps", "hdr@example.com", {HEADER: "iso-a"}) == 200
    assert _login(server + "/spaps", "hdr@example.com", {HEADER: "iso-b"}) == 401
    r = httpx.post(server + "/_sandbox/clock", json={"seconds": 60}, headers={HEADER: "iso-b"})
    assert r.status_code == 200
    assert b.clock.offset == 60 and a.clock.offset == 0
    info = httpx.get(server + "/_sandbox", headers={HEADER: "iso-b"}).json()
    assert info["namespace"] == "iso-b"


@pytest.mark.parametrize("name", ["", "-lead", "has space", "x" * 101, "sl/ash", "é"])
def test_malformed_namespace_names_are_a_400_before_anything_runs(paywire_sandbox_server: Any, name: str) -> None:
    server = paywire_sandbox_server.server_url
    before = paywire_sandbox_server.sandbox.namespaces.names()
    r = httpx.post(server + "/spaps/api/auth/login", headers={**SPAPS, HEADER: name.encode("utf-8")},
                   json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    assert r.status_code == 400 and "namespace" in r.json()["error"]
    assert paywire_sandbox_server.sandbox.namespaces.names() == before


def test_header_and_url_must_agree(two: tuple[Any, Any]) -> None:
    a, _ = two
    r = httpx.get(a.url + "/_sandbox", headers={HEADER: "iso-b"})
    assert r.status_code == 400 and "differs" in r.json()["error"]
    assert httpx.get(a.url + "/_sandbox", headers={HEADER: "iso-a"}).json()["namespace"] == "iso-a"


def test_namespaces_are_listed_and_dropped(paywire_sandbox_server: Any) -> None:
    c = paywire_sandbox_server.in_namespace("drop-me")
    assert "drop-me" in httpx.get(c.url + "/_sandbox/namespaces").json()["namespaces"]
    c.state("conxa").seed_wallet("1111222233334444", 7)
    r = httpx.delete(c.url + "/_sandbox/namespace")
    assert r.json() == {"dropped": True, "namespace": "drop-me"}
    assert "drop-me" not in paywire_sandbox_server.sandbox.namespaces.names()
    # used again, it starts from the seed
    assert "1111222233334444" not in paywire_sandbox_server.in_namespace("drop-me").state("conxa").wallets
    paywire_sandbox_server.in_namespace("drop-me").drop()


def test_the_plugin_gives_each_test_its_own_namespace(paywire_sandbox: Any) -> None:
    assert paywire_sandbox.namespace.startswith("t-")
    assert "/_ns/" in paywire_sandbox.url
    # a rogue change in the default namespace does not reach this test
    paywire_sandbox.sandbox.default.state("conxa").seed_wallet(sb_conxa.DEFAULT_WALLET_ID, 1)
    try:
        assert paywire_sandbox.state("conxa").wallets[sb_conxa.DEFAULT_WALLET_ID].tokens == \
            sb_conxa.DEFAULT_WALLET_TOKENS
    finally:
        paywire_sandbox.sandbox.default.reset()


def test_namespace_count_is_bounded(paywire_sandbox_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    namespaces = paywire_sandbox_server.sandbox.namespaces
    monkeypatch.setattr(type(namespaces), "LIMIT", len(namespaces.names()))
    r = httpx.get(paywire_sandbox_server.server_url + "/_sandbox", headers={HEADER: "one-too-many"})
    assert r.status_code == 400 and "too many" in r.json()["error"]

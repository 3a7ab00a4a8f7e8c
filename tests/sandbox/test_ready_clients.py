"""Ready clients: every service x pinned version x flavour makes one real call in its namespace."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import pytest
from _support.sandbox import namespaces

from paywire._versions import API_VERSIONS
from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.clients import UnknownClientError

#: one real operation per service: (call, the operationId the sandbox must log)
CALLS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "spaps": (lambda c: c.auth.sign_in_with_password(sb_spaps.DEFAULT_USER_EMAIL, sb_spaps.DEFAULT_USER_PASSWORD),
              "sign_in_with_password"),
    "lumen": (lambda c: c.enroll_user(email="ready@example.com", name="Ready", user_id="user_ready"), "enroll_user"),
    "vellum": (lambda c: c.create_account(account_id="acct_ready", name="Ready Co"), "create_account"),
    "conxa": (lambda c: c.get_wallet_balance(sb_conxa.DEFAULT_WALLET_ID), "get_wallet_balance"),
}

CASES = [(service, version, flavour) for service, versions in API_VERSIONS.items() for version in versions
         for flavour in ("sync", "async")]


def test_every_service_has_a_call() -> None:
    assert set(CALLS) == set(API_VERSIONS)


@pytest.mark.parametrize(("service", "version", "flavour"), CASES, ids=["-".join(c) for c in CASES])
def test_ready_client_makes_a_real_call(paywire_sandbox: Any, service: str, version: str, flavour: str) -> None:
    call, op_id = CALLS[service]
    if flavour == "sync":
        client = paywire_sandbox.client(service, api_version=version)
        result = call(client)
    else:
        client = paywire_sandbox.async_client(service, api_version=version)
        result = asyncio.run(call(client))
    assert result is not None
    assert getattr(client, "api_version", version) == version
    served_by = paywire_sandbox.sandbox.services[paywire_sandbox.requests[-1]["service"]]
    assert [e["op"] for e in paywire_sandbox.requests] == [op_id]  # in this test's namespace
    assert served_by.spec_file == f"{service}/{version}.yaml"  # by the app of that pinned version
    assert paywire_sandbox.requests[-1]["status"] in (200, 201)


def test_clients_send_the_namespace_header_not_a_global(paywire_sandbox_server: Any) -> None:
    with namespaces(paywire_sandbox_server, "clients-a", "clients-b") as (a, b):
        a.client("vellum").create_account(account_id="acct_only_a")
        assert "acct_only_a" in a.state("vellum").tenants["sam"].accounts
        assert "acct_only_a" not in b.state("vellum").tenants["sam"].accounts
        b.client("vellum").create_account(account_id="acct_only_a")  # no clash: another world
        assert paywire_sandbox_server.sandbox.default.requests == []


def test_clients_are_closed_at_the_end(paywire_sandbox_server: Any) -> None:
    from paywire.sandbox.server import run

    with run() as sb:
        sync = sb.client("conxa")
        async_ = sb.async_client("lumen")
        sync.get_wallet_balance(sb_conxa.DEFAULT_WALLET_ID)
        asyncio.run(async_.enroll_user(email="close@example.com", name="C", user_id="user_close"))
        assert not sync._http.is_closed and not async_._http.is_closed
    assert sync._http.is_closed and async_._http.is_closed


def test_overrides_reach_the_client(paywire_sandbox: Any) -> None:
    client = paywire_sandbox.client("conxa", max_retries=0)
    assert client.retry_config.max_attempts == 1


@pytest.mark.parametrize(("service", "version"), [("nope", None), ("vellum", "v9"), ("spaps", "2020-01")])
def test_unknown_service_or_version_is_a_clear_error_before_io(paywire_sandbox: Any, service: str,
                                                               version: str | None) -> None:
    with pytest.raises(UnknownClientError, match="unknown"):
        paywire_sandbox.client(service, api_version=version)
    assert paywire_sandbox.requests == []


def test_per_service_fixtures(paywire_spaps: Any, paywire_lumen: Any, paywire_vellum: Any, paywire_conxa: Any,
                              paywire_sandbox: Any) -> None:
    for service, client in (("spaps", paywire_spaps), ("lumen", paywire_lumen), ("vellum", paywire_vellum),
                            ("conxa", paywire_conxa)):
        assert CALLS[service][0](client) is not None
    assert [e["op"] for e in paywire_sandbox.requests] == [CALLS[s][1] for s in ("spaps", "lumen", "vellum", "conxa")]


def test_async_per_service_fixtures(paywire_async_spaps: Any, paywire_async_lumen: Any, paywire_async_vellum: Any,
                                    paywire_async_conxa: Any, paywire_sandbox: Any) -> None:
    async def main() -> None:
        for service, client in (("spaps", paywire_async_spaps), ("lumen", paywire_async_lumen),
                                ("vellum", paywire_async_vellum), ("conxa", paywire_async_conxa)):
            pending = CALLS[service][0](client)
            assert inspect.isawaitable(pending)
            assert await pending is not None

    asyncio.run(main())
    assert len(paywire_sandbox.requests) == 4

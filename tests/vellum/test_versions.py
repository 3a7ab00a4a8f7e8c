"""API version pinning (issue 9, #14): the default, the pinned version on the client, the
generated package behind it, and the clear error for a method (or argument) the pinned version
lacks. Which method exists where is read from the generated ``api.OPERATIONS`` indexes through
the core contracts; nothing here lists operations by hand."""

from __future__ import annotations

import inspect
from typing import Any, get_args

import pytest
import respx
from _vellum_helpers import call

from paywire._core.flow import RunnerMethod
from paywire._versions import API_VERSIONS, default_version
from paywire.vellum import UnsupportedOperationError, VellumClient, VellumConfigError, VellumError
from paywire.vellum._contract import CONTRACTS, RENAMED, VellumVersion, versions_for, versions_with

#: a valid argument per parameter name (what is tested is the version check, not the arguments)
ARGS: dict[str, Any] = {
    "account_id": "a", "customer_id": "c", "plan_id": "p", "plan_version": 1, "seats": 2, "module_id": "sso",
    "method_id": "m", "invoice_id": "i", "credit_type_id": "t", "pack_id": "p", "amount": 1,
    "idempotency_key": "k", "status": "active", "success_url": "https://x.example/s",
    "cancel_url": "https://x.example/c", "flag_id": "f", "default": False,
}


def api_methods() -> list[str]:
    """Every API method of the client class (operations and cached reads), by introspection."""
    return sorted(name for name in dir(VellumClient) if not name.startswith("_")
                  and isinstance(inspect.getattr_static(VellumClient, name), RunnerMethod))


def kwargs_for(method: str) -> dict[str, Any]:
    fn = inspect.getattr_static(VellumClient, method).fn
    params = list(inspect.signature(fn).parameters.values())[1:]
    return {p.name: ARGS[p.name] for p in params if p.default is inspect.Parameter.empty}


def only_in(version: str) -> list[str]:
    return [m for m in api_methods() if versions_for(m) == (version,)]


def test_the_version_literal_is_the_pinned_versions() -> None:
    assert list(get_args(VellumVersion)) == list(API_VERSIONS["vellum"]) == list(CONTRACTS)
    assert {v: c.package for v, c in CONTRACTS.items()} == API_VERSIONS["vellum"]


def test_every_operation_of_every_version_has_a_client_method() -> None:
    reached = {RENAMED.get(m, m) for m in api_methods()} | {"get_invoice_pdf"}  # the PDF: by feature
    for version, contract in CONTRACTS.items():
        assert contract.operations, version
        assert contract.operations <= reached, (version, sorted(contract.operations - reached))
    for method in api_methods():  # and every method is known to the contract table
        assert versions_for(method), method


async def test_default_is_the_newest_version(make: Any) -> None:
    client = make()
    assert client.api_version == default_version("vellum") == "v2" == list(API_VERSIONS["vellum"])[-1]
    assert type(client.generated).__module__.startswith("paywire_gen_vellum_v2.")
    assert "api_version='v2'" in repr(client)


async def test_pin_v1_selects_the_v1_generated_client(make: Any) -> None:
    client = make(api_version="v1")
    assert client.api_version == "v1"
    assert type(client.generated).__module__.startswith("paywire_gen_vellum_v1.")


async def test_unknown_version_is_a_config_error(make: Any) -> None:
    with pytest.raises(VellumConfigError, match=r"unknown vellum api_version 'v9'.*v1, v2"):
        make(api_version="v9")


def test_there_are_methods_of_one_version_only() -> None:
    assert "consume_credits" in only_in("v2") and "flag" in only_in("v2")  # guards the next test
    assert only_in("v1") == ["invoice_pdf_url"]


@pytest.mark.parametrize(("method", "pinned", "other"),
                         [(m, "v1", "v2") for m in only_in("v2")] + [(m, "v2", "v1") for m in only_in("v1")])
async def test_method_of_another_version_raises_before_any_request(method: str, pinned: str, other: str,
                                                                   make: Any, mock: respx.MockRouter) -> None:
    client = make(api_version=pinned)
    with pytest.raises(UnsupportedOperationError) as err:
        await call(getattr(client, method), **kwargs_for(method))
    assert str(err.value).startswith(f"{method} needs api_version {other}; this client is pinned to {pinned}")
    assert (err.value.operation, err.value.api_version, err.value.supported_versions) == (method, pinned, (other,))
    assert isinstance(err.value, VellumError)
    assert not client.supports(method)
    assert not mock.calls


async def test_invoice_pdf_url_on_v2_names_invoice_pdf(make: Any, mock: respx.MockRouter) -> None:
    client = make()
    with pytest.raises(UnsupportedOperationError) as err:
        await call(client.invoice_pdf_url, account_id="a", invoice_id="i")
    message = str(err.value)
    assert message.startswith("invoice_pdf_url needs api_version v1; this client is pinned to v2")
    assert "invoice_pdf()" in message
    assert not mock.calls


@pytest.mark.parametrize(("method", "kwargs", "arg"), [
    ("create_checkout", dict(account_id="a", customer_id="c", plan_id="p", plan_version=1,
                             success_url="https://x.example/s", cancel_url="https://x.example/c",
                             product_id="prod"), "product_id"),
    ("create_subscription", dict(account_id="a", customer_id="c", plan_id="p", plan_version=1,
                                 add_on_module_ids=["sso"]), "add_on_module_ids"),
    ("create_customer", dict(account_id="a", customer_id="c", name="Unit"), "name"),
])
async def test_v2_only_argument_on_v1(method: str, kwargs: dict[str, Any], arg: str, make: Any,
                                      mock: respx.MockRouter) -> None:
    with pytest.raises(UnsupportedOperationError, match=rf"{method}\({arg}=\.\.\.\) needs api_version v2"):
        await call(getattr(make(api_version="v1"), method), **kwargs)
    assert not mock.calls


def test_supports_follows_the_operation_index() -> None:
    v1 = VellumClient(api_key="vlm_sam.xxxxxxxx", tenant_id="sam", api_version="v1")
    v2 = VellumClient(api_key="vlm_sam.xxxxxxxx", tenant_id="sam")
    for method in api_methods():
        op = RENAMED.get(method, method)
        if op in CONTRACTS["v1"].operations and op in CONTRACTS["v2"].operations:
            assert v1.supports(method) and v2.supports(method), method
    assert v1.supports("invoice_pdf_url") and not v2.supports("invoice_pdf_url")
    assert v2.supports("invoice_pdf") and not v1.supports("invoice_pdf")
    assert all(v2.supports(m) and not v1.supports(m) for m in only_in("v2"))
    assert versions_with("get_entitlements") == ("v1", "v2")
    assert versions_with("consume_credits") == ("v2",)
    with pytest.raises(AttributeError):
        v2.supports("no_such_method")
    v1.close()
    v2.close()

"""API version pinning (issue 9): the default, the pinned version on the client, the generated
package behind it, and the clear error for a method (or argument) the pinned version lacks."""

from __future__ import annotations

from typing import Any

import pytest
import respx
from _vellum_helpers import call

from paywire._versions import API_VERSIONS, default_version
from paywire.vellum import UnsupportedOperationError, VellumConfigError, VellumError
from paywire.vellum.client import versions_with

#: method -> keyword arguments; every one of these exists only in v2.
V2_ONLY: dict[str, dict[str, Any]] = {
    "update_subscription": dict(account_id="a", customer_id="c", plan_id="p", plan_version=1),
    "preview_change": dict(account_id="a", customer_id="c"),
    "set_seats": dict(account_id="a", customer_id="c", seats=2),
    "add_add_on": dict(account_id="a", customer_id="c", module_id="sso"),
    "remove_add_on": dict(account_id="a", customer_id="c", module_id="sso"),
    "change_plan": dict(account_id="a", customer_id="c", plan_id="p", plan_version=1),
    "reactivate": dict(account_id="a", customer_id="c"),
    "invoice_pdf": dict(account_id="a", invoice_id="i"),
    "create_credit_checkout": dict(account_id="a", customer_id="c", success_url="https://x.example/s",
                                   cancel_url="https://x.example/c", credit_type_id="t", pack_id="p"),
    "list_credit_types": {},
    "list_credit_packs": dict(credit_type_id="t"),
    "list_credits": dict(customer_id="c"),
    "get_credit_balance": dict(customer_id="c", credit_type_id="t"),
    "consume_credits": dict(customer_id="c", credit_type_id="t", amount=1, idempotency_key="k"),
    "flags": dict(customer_id="c"),
    "flag": dict(flag_id="f", customer_id="c", default=False),
    "global_flags": {},
}


async def test_default_is_the_newest_version(make: Any) -> None:
    client = make()
    assert client.api_version == default_version("vellum") == "v2" == list(API_VERSIONS["vellum"])[-1]
    assert client._generated_package == "paywire_gen_vellum_v2"
    assert "api_version='v2'" in repr(client)


async def test_pin_v1_selects_the_v1_generated_client(make: Any) -> None:
    client = make(api_version="v1")
    assert client.api_version == "v1"
    assert type(client.generated).__module__.startswith("paywire_gen_vellum_v1")


async def test_unknown_version_is_a_config_error(make: Any) -> None:
    with pytest.raises(VellumConfigError, match=r"unknown vellum api_version 'v9'.*v1, v2"):
        make(api_version="v9")


@pytest.mark.parametrize("method", sorted(V2_ONLY))
async def test_v2_method_on_v1_raises_before_any_request(method: str, make: Any, mock: respx.MockRouter) -> None:
    client = make(api_version="v1")
    with pytest.raises(UnsupportedOperationError) as err:
        await call(getattr(client, method), **V2_ONLY[method])
    assert str(err.value).startswith(f"{method} needs api_version v2; this client is pinned to v1")
    assert (err.value.operation, err.value.api_version, err.value.supported_versions) == (method, "v1", ("v2",))
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


def test_supports_and_versions_table() -> None:
    from paywire.vellum import VellumClient

    v1 = VellumClient(api_key="vlm_sam.xxxxxxxx", tenant_id="sam", api_version="v1")
    v2 = VellumClient(api_key="vlm_sam.xxxxxxxx", tenant_id="sam")
    for method in ("get_entitlements", "can", "create_checkout", "list_invoices", "create_account"):
        assert v1.supports(method) and v2.supports(method)
    assert v1.supports("invoice_pdf_url") and not v2.supports("invoice_pdf_url")
    assert v2.supports("invoice_pdf") and not v1.supports("invoice_pdf")
    assert all(v2.supports(m) for m in V2_ONLY)
    assert versions_with("get_entitlements") == ("v1", "v2")
    assert versions_with("consume_credits") == ("v2",)
    with pytest.raises(AttributeError):
        v2.supports("no_such_method")
    v1.close()
    v2.close()

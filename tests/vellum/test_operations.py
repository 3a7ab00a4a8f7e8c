"""Every Vellum call, on both flavours and both API versions: the request on the wire (method,
path, query, JSON body, headers) and what the method returns (respx, no network)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import respx
from _vellum_helpers import API_KEY, T, body_of, call

A = f"{T}/accounts/acct_1"
C = f"{A}/customers/unit_1"
OK = "https://app.example/ok"
NO = "https://app.example/cancel"
SUB_V1 = {"id": "sub_1", "status": "active", "seats": 1, "defaultPaymentMethod": "pm_1"}
SUB_V2 = {"status": "active", "seats": 1, "defaultPaymentMethodRef": "pmr_1"}


@dataclass
class Case:
    method: str
    kwargs: dict[str, Any]
    http: str
    path: str
    sent: Any = None  # expected JSON body (None: no body)
    params: dict[str, str] = field(default_factory=dict)
    reply: Any = field(default_factory=lambda: {"ok": True})
    result: Any = "reply"  # "reply": the reply returned unchanged
    versions: tuple[str, ...] = ("v1", "v2")
    args: tuple[Any, ...] = ()


CASES = [
    # checkout
    Case("create_checkout", dict(account_id="acct_1", customer_id="unit_1", plan_id="pro", plan_version=2,
                                 success_url=OK, cancel_url=NO),
         "POST", f"{A}/checkout",
         {"customerId": "unit_1", "planId": "pro", "planVersion": 2, "seats": 1, "successUrl": OK, "cancelUrl": NO},
         reply={"url": "https://checkout.example/c/1", "sessionId": "cs_1"}),
    Case("create_checkout", dict(account_id="acct_1", customer_id="unit_1", plan_id="pro", seats=3,
                                 success_url=OK, cancel_url=NO, product_id="prod_sam", add_on_module_ids=["sso"]),
         "POST", f"{A}/checkout",
         {"customerId": "unit_1", "planId": "pro", "seats": 3, "successUrl": OK, "cancelUrl": NO,
          "productId": "prod_sam", "addOnModuleIds": ["sso"]},
         reply={"url": "https://checkout.example/c/2", "planVersion": 2}, versions=("v2",)),
    Case("create_setup_checkout", dict(account_id="acct_1", success_url=OK, cancel_url=NO),
         "POST", f"{A}/billing/setup-checkout", {"successUrl": OK, "cancelUrl": NO},
         reply={"url": "https://checkout.example/s/1"}),
    # subscriptions
    Case("create_subscription", dict(account_id="acct_1", customer_id="unit_1", plan_id="basic", plan_version=1),
         "POST", f"{C}/subscribe", {"planId": "basic", "planVersion": 1, "seats": 1},
         reply={"subscriptionId": "sub_1", "status": "active"}),
    Case("create_subscription", dict(account_id="acct_1", customer_id="unit_1", plan_id="team", seats=4,
                                     product_id="prod_sam", add_on_module_ids=["audit", "sso"]),
         "POST", f"{C}/subscribe",
         {"planId": "team", "seats": 4, "productId": "prod_sam", "addOnModuleIds": ["audit", "sso"]},
         reply=SUB_V2, versions=("v2",)),
    Case("cancel_subscription", dict(account_id="acct_1", customer_id="unit_1"), "DELETE", f"{C}/subscription",
         reply={**SUB_V1, **SUB_V2}),
    Case("cancel_subscription", dict(account_id="acct_1", customer_id="unit_1", at_period_end=True),
         "DELETE", f"{C}/subscription", params={"atPeriodEnd": "true"}, reply={**SUB_V1, **SUB_V2}),
    Case("get_subscription", dict(account_id="acct_1", customer_id="unit_1"), "GET", f"{C}/subscription",
         reply=SUB_V1),
    Case("update_subscription", dict(account_id="acct_1", customer_id="unit_1", plan_id="pro", plan_version=2,
                                     seats=2, add_on_module_ids=[]),
         "PUT", f"{C}/subscription", {"planId": "pro", "planVersion": 2, "seats": 2, "addOnModuleIds": []},
         reply=SUB_V2, versions=("v2",)),
    Case("preview_change", dict(account_id="acct_1", customer_id="unit_1"), "POST", f"{C}/subscription/preview",
         {}, reply={"currency": "usd", "amountDue": 0}, versions=("v2",)),
    Case("preview_change", dict(account_id="acct_1", customer_id="unit_1", seats=5, plan_id="team"),
         "POST", f"{C}/subscription/preview", {"planId": "team", "seats": 5},
         reply={"currency": "usd", "amountDue": 1200}, versions=("v2",)),
    Case("set_seats", dict(account_id="acct_1", customer_id="unit_1", seats=7), "PATCH",
         f"{C}/subscription/seats", {"seats": 7}, reply=SUB_V2, versions=("v2",)),
    Case("add_add_on", dict(account_id="acct_1", customer_id="unit_1", module_id="sso"), "PATCH",
         f"{C}/subscription/add-ons", {"add": ["sso"]}, reply=SUB_V2, versions=("v2",)),
    Case("remove_add_on", dict(account_id="acct_1", customer_id="unit_1", module_id="sso"), "PATCH",
         f"{C}/subscription/add-ons", {"remove": ["sso"]}, reply=SUB_V2, versions=("v2",)),
    Case("change_plan", dict(account_id="acct_1", customer_id="unit_1", plan_id="team", plan_version=1,
                             product_id="prod_sam_annual"),
         "PATCH", f"{C}/subscription/plan", {"planId": "team", "planVersion": 1, "productId": "prod_sam_annual"},
         reply=SUB_V2, versions=("v2",)),
    Case("reactivate", dict(account_id="acct_1", customer_id="unit_1"), "POST", f"{C}/subscription/reactivate",
         reply=SUB_V2, versions=("v2",)),
    # provisioning
    Case("create_account", dict(account_id="acct_1", name="Acme", email="b@acme.test", create_stripe_customer=True),
         "POST", f"{T}/accounts",
         {"accountId": "acct_1", "name": "Acme", "email": "b@acme.test", "createStripeCustomer": True},
         reply={"accountId": "acct_1"}, versions=("v1",)),
    Case("create_account", dict(account_id="acct_1", billing_customer_id="cus_9"), "POST", f"{T}/accounts",
         {"accountId": "acct_1", "stripeCustomerId": "cus_9"}, reply={"accountId": "acct_1"}, versions=("v1",)),
    Case("create_account", dict(account_id="acct_1", create_stripe_customer=True), "POST", f"{T}/accounts",
         {"accountId": "acct_1", "createBillingCustomer": True}, reply={"accountId": "acct_1"}, versions=("v2",)),
    Case("create_account", dict(account_id="acct_1", stripe_customer_id="cus_9", name="Acme"), "POST",
         f"{T}/accounts", {"accountId": "acct_1", "billingCustomerId": "cus_9", "name": "Acme"},
         reply={"accountId": "acct_1"}, versions=("v2",)),
    Case("create_customer", dict(account_id="acct_1", customer_id="unit_1", email="u@acme.test"), "POST",
         f"{A}/customers", {"customerId": "unit_1", "email": "u@acme.test"}, reply={"customerId": "unit_1"}),
    Case("create_customer", dict(account_id="acct_1", customer_id="unit_1", name="Unit one"), "POST",
         f"{A}/customers", {"customerId": "unit_1", "name": "Unit one"}, reply={"customerId": "unit_1"},
         versions=("v2",)),
    Case("set_account_status", dict(account_id="acct_1", status="suspended"), "PATCH", A, {"status": "suspended"},
         reply={"accountId": "acct_1", "status": "suspended"}),
    Case("set_customer_status", dict(account_id="acct_1", customer_id="unit_1", status="active"), "PATCH", C,
         {"status": "active"}, reply={"customerId": "unit_1", "status": "active"}),
    # billing
    Case("list_payment_methods", dict(account_id="acct_1"), "GET", f"{A}/payment-methods",
         reply={"methods": [{"id": "pm_1", "ref": "pm_1", "brand": "visa"}]},
         result=[{"id": "pm_1", "ref": "pm_1", "brand": "visa"}]),
    Case("set_default_payment_method", dict(account_id="acct_1", method_id="pmr_1"), "PATCH",
         f"{A}/payment-methods/pmr_1", reply={"id": "pmr_1", "ref": "pmr_1", "isDefault": True}),
    Case("remove_payment_method", dict(account_id="acct_1", method_id="pm_1"), "DELETE",
         f"{A}/payment-methods/pm_1", reply={"removed": True, "id": "pm_1"}),
    Case("set_subscription_payment_method", dict(account_id="acct_1", customer_id="unit_1", method_id="pm_2"),
         "PATCH", f"{C}/payment-method", {"methodId": "pm_2"}, reply={"subscription": SUB_V1, "default": "pm_1"},
         versions=("v1",)),
    Case("set_subscription_payment_method", dict(account_id="acct_1", customer_id="unit_1", method_id="pm_2"),
         "PATCH", f"{C}/payment-method", {"methodId": "pm_2"}, reply=SUB_V2, versions=("v2",)),
    Case("list_invoices", dict(account_id="acct_1"), "GET", f"{A}/invoices",
         reply={"invoices": [{"id": "in_1", "ref": "inr_1"}]},
         result=[{"id": "in_1", "ref": "inr_1"}]),
    Case("list_invoices", dict(account_id="acct_1", customer_id="unit_1"), "GET", f"{A}/invoices",
         params={"customerId": "unit_1"}, reply={"invoices": []}, result=[]),
    # credits (v2)
    Case("create_credit_checkout", dict(account_id="acct_1", customer_id="unit_1", success_url=OK, cancel_url=NO,
                                        credit_type_id="ai_tokens", pack_id="ai_small", quantity=2),
         "POST", f"{A}/credit-checkout",
         {"customerId": "unit_1", "successUrl": OK, "cancelUrl": NO, "creditTypeId": "ai_tokens",
          "packId": "ai_small", "quantity": 2}, reply={"url": "https://checkout.example/k/1"}, versions=("v2",)),
    Case("create_credit_checkout", dict(account_id="acct_1", customer_id="unit_1", success_url=OK, cancel_url=NO,
                                        items=[{"credit_type_id": "ai_tokens", "pack_id": "ai_large"},
                                               {"creditTypeId": "exports", "packId": "exports_10", "quantity": 3}]),
         "POST", f"{A}/credit-checkout",
         {"customerId": "unit_1", "successUrl": OK, "cancelUrl": NO,
          "items": [{"creditTypeId": "ai_tokens", "packId": "ai_large"},
                    {"creditTypeId": "exports", "packId": "exports_10", "quantity": 3}]},
         reply={"url": "https://checkout.example/k/2"}, versions=("v2",)),
    Case("list_credit_types", {}, "GET", f"{T}/credit-types", reply={"creditTypes": [{"id": "ai_tokens"}]},
         result=[{"id": "ai_tokens"}], versions=("v2",)),
    Case("list_credit_packs", {}, "GET", f"{T}/credit-types/ai_tokens/packs", args=("ai_tokens",),
         reply={"packs": [{"id": "ai_small"}]}, result=[{"id": "ai_small"}], versions=("v2",)),
    Case("list_credits", dict(customer_id="unit_1"), "GET", f"{T}/customers/unit_1/credits",
         reply={"credits": [{"creditTypeId": "ai_tokens", "balance": 5}]},
         result=[{"creditTypeId": "ai_tokens", "balance": 5}], versions=("v2",)),
    Case("get_credit_balance", {}, "GET", f"{T}/customers/unit_1/credits/ai_tokens", args=("unit_1", "ai_tokens"),
         reply={"creditTypeId": "ai_tokens", "balance": 5}, versions=("v2",)),
    Case("consume_credits", dict(customer_id="unit_1", credit_type_id="ai_tokens", amount=3,
                                 idempotency_key="req_1"),
         "POST", f"{T}/customers/unit_1/credits/ai_tokens/consume", {"amount": 3, "idempotencyKey": "req_1"},
         reply={"creditTypeId": "ai_tokens", "consumed": 3, "balance": 2, "idempotencyKey": "req_1"},
         versions=("v2",)),
    Case("global_flags", {}, "GET", f"{T}/flags", reply={"flags": {"beta": True}}, result={"beta": True},
         versions=("v2",)),
]


#: (case, API version) for every version a case applies to (the others are in test_versions).
CASE_VERSIONS = [pytest.param(c, v, id=f"{c.method}-{v}") for c in CASES for v in c.versions]


@pytest.mark.parametrize(("case", "api_version"), CASE_VERSIONS)
async def test_operation_on_the_wire(case: Case, api_version: str, make: Any, mock: respx.MockRouter) -> None:
    route = mock.request(case.http, case.path).respond(200, json=case.reply)
    client = make(api_version=api_version)
    result = await call(getattr(client, case.method), *case.args, **case.kwargs)
    assert result == (case.reply if case.result == "reply" else case.result)
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.headers["x-api-key"] == API_KEY
    assert dict(request.url.params) == case.params
    assert body_of(request) == case.sent
    if case.sent is None:
        assert request.content == b"" and "content-type" not in request.headers
    else:
        assert request.headers["content-type"] == "application/json"


async def test_list_results_are_plain_lists_of_dicts(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{A}/payment-methods").respond(200, json={"methods": [{"ref": "pmr_1", "isDefault": True}]})
    methods = await call(make().list_payment_methods, account_id="acct_1")
    assert type(methods) is list and isinstance(methods[0], dict)
    assert methods == [{"ref": "pmr_1", "isDefault": True}] and methods[0].model.is_default is True


async def test_path_segments_are_fully_escaped(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get(url__regex=r".*/customers/.*/entitlements").respond(200, json={"status": "active", "modules": [], "config": {},
                                                                                      "hasAccess": True})
    await call(make().get_entitlements, "unit 1?#%")
    assert route.calls.last.request.url.raw_path == b"/tenants/sam/customers/unit%201%3F%23%25/entitlements"


# --- invoice PDF: the one behaviour that changed between versions --------------------------------


async def test_invoice_pdf_url_v1_returns_the_redirect_location(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{A}/invoices/in_1/pdf").respond(302, headers={"Location": "https://files.example/in_1.pdf"})
    client = make(api_version="v1")
    assert await call(client.invoice_pdf_url, account_id="acct_1", invoice_id="in_1") == \
        "https://files.example/in_1.pdf"


async def test_invoice_pdf_url_v1_2xx_is_an_error(make: Any, mock: respx.MockRouter) -> None:
    from paywire.vellum import VellumApiError

    mock.get(f"{A}/invoices/in_1/pdf").respond(200, json={"no": "redirect"})
    with pytest.raises(VellumApiError, match="no PDF location") as err:
        await call(make(api_version="v1").invoice_pdf_url, account_id="acct_1", invoice_id="in_1")
    assert err.value.status == 200


async def test_invoice_pdf_v2_returns_bytes(make: Any, mock: respx.MockRouter) -> None:
    pdf = b"%PDF-1.4\n...binary\xff\x00"
    mock.get(f"{A}/invoices/inr_1/pdf").respond(200, content=pdf, headers={"content-type": "application/pdf"})
    assert await call(make().invoice_pdf, account_id="acct_1", invoice_id="inr_1") == pdf


async def test_invoice_pdf_v2_redirect_is_an_error(make: Any, mock: respx.MockRouter) -> None:
    from paywire.vellum import VellumApiError

    mock.get(f"{A}/invoices/inr_1/pdf").respond(302, headers={"Location": "https://files.example/x.pdf"})
    with pytest.raises(VellumApiError) as err:
        await call(make().invoice_pdf, account_id="acct_1", invoice_id="inr_1")
    assert err.value.status == 302


# --- credits idempotency ------------------------------------------------------------------------------


async def test_consume_credits_is_retried_with_the_same_key(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post(f"{T}/customers/unit_1/credits/ai_tokens/consume").mock(side_effect=[
        httpx.Response(503, json={"error": "busy"}),
        httpx.Response(200, json={"balance": 7, "consumed": 3}),
    ])
    result = await call(make().consume_credits, "unit_1", "ai_tokens", 3, "req_42")
    assert result == {"balance": 7, "consumed": 3}
    assert route.call_count == 2
    assert [body_of(c.request) for c in route.calls] == [{"amount": 3, "idempotencyKey": "req_42"}] * 2


async def test_consume_credits_requires_a_key(make: Any, mock: respx.MockRouter) -> None:
    from paywire.vellum import VellumValidationError

    with pytest.raises(VellumValidationError, match="idempotency_key"):
        await call(make().consume_credits, "unit_1", "ai_tokens", 3, None)
    assert not mock.calls


async def test_post_without_key_is_not_retried(make: Any, mock: respx.MockRouter) -> None:
    from paywire import InternalServerError

    route = mock.post(f"{C}/subscribe").respond(503, json={"error": "busy"})
    with pytest.raises(InternalServerError):
        await call(make().create_subscription, account_id="acct_1", customer_id="unit_1", plan_id="pro")
    assert route.call_count == 1


# --- raw responses -------------------------------------------------------------------------------------


async def test_with_raw_response(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{C}/subscription").respond(200, json=SUB_V2, headers={"x-request-id": "req_abc"})
    raw = await call(make().with_raw_response.get_subscription, account_id="acct_1", customer_id="unit_1")
    assert raw.parsed == SUB_V2 and raw.status_code == 200 and raw.request_id == "req_abc"


# --- the result policy (#14): the seed's dict, a typed model beside it, unknown fields out of reprs ---
UNKNOWN = {"xFutureField": "unknown_value_9f3"}


def _records(result: Any) -> list[Any]:
    return result if isinstance(result, list) else [result]


@pytest.mark.parametrize(("case", "api_version"),
                         [p for p in CASE_VERSIONS if isinstance(p.values[0].reply, dict)
                          and p.values[0].method != "global_flags"])
async def test_every_result_is_the_json_dict_with_its_typed_model(case: Case, api_version: str, make: Any,
                                                                 mock: respx.MockRouter) -> None:
    import attrs

    from paywire.vellum.models import Record

    reply = {**case.reply, **UNKNOWN}
    list_key = next((k for k, v in case.reply.items() if isinstance(v, list) and case.result != "reply"), None)
    if list_key is not None:  # a list answer: the unknown field goes on each item
        reply = {list_key: [{**item, **UNKNOWN} for item in case.reply[list_key]]}
    mock.request(case.http, case.path).respond(200, json=reply)
    result = await call(getattr(make(api_version=api_version), case.method), *case.args, **case.kwargs)
    expected = reply if list_key is None else reply[list_key]
    assert result == expected  # behaves as the seed's dict (or list of dicts), unknown fields kept
    for record, raw in zip(_records(result), _records(expected), strict=True):
        assert isinstance(record, Record) and isinstance(record, dict)
        model = record.model
        assert attrs.has(type(model))
        assert type(model).__module__.startswith(f"paywire_gen_vellum_{api_version}.models.")
        unknown = model.additional_properties
        assert UNKNOWN.items() <= unknown.items()
        # every field the body has is on the model or kept as unknown; absent ones read None
        assert set(model.to_dict()) == set(raw)
        assert "unknown_value_9f3" not in repr(record) and "xFutureField" not in repr(record)
        assert repr(record) == repr({k: v for k, v in raw.items() if k not in unknown})


async def test_absent_optional_fields_read_none(make: Any, mock: respx.MockRouter) -> None:
    mock.get(f"{C}/subscription").respond(200, json={"status": "active"})
    sub = await call(make().get_subscription, account_id="acct_1", customer_id="unit_1")
    assert sub == {"status": "active"} and sub.model.status == "active"
    assert sub.model.seats is None and sub.model.default_payment_method_ref is None


def test_records_pickle_and_copy_with_their_model() -> None:
    import copy
    import pickle

    from paywire_gen_vellum_v2.models import CheckoutSession

    from paywire.vellum.models import Record

    data = {"url": "https://checkout.example/c/1", "sessionId": "cs_1"}
    record = Record(data, CheckoutSession.from_dict(data))
    for clone in (pickle.loads(pickle.dumps(record)), copy.copy(record), copy.deepcopy(record)):
        assert clone == data and type(clone) is Record and clone.model.url == "https://checkout.example/c/1"

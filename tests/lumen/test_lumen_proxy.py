"""The framework-agnostic proxy core: path checks and the plan it makes (no I/O here)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from paywire.lumen._proxy import (
    FORBIDDEN,
    INVALID_BODY,
    INVALID_PATH,
    NOT_ALLOWED,
    SUPPORTED_PATHS,
    UNAUTHORIZED,
    UNSUPPORTED,
    LumenProxy,
    ProxyReply,
    ProxyRequest,
    Upstream,
    path_segments,
)

KEY = "lumen_sk_proxy_unit_key"


def plan(method: str, path: str, *, query: list[tuple[str, str]] | None = None, body: Any = None,
         user: object = "u1", raw: str | None = None, paths: list[str] | None = None) -> ProxyReply | Upstream:
    raw_body = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else b"")
    request = ProxyRequest(method, path, query or [], raw_body, raw)
    return LumenProxy(supported_paths=paths).plan(request, user, KEY)


def test_default_allow_list_is_the_originals() -> None:
    assert SUPPORTED_PATHS == [
        "customers/subscription-status", "entitlements/{customerId}", "customers/portal/overview",
        "customers/portal/create-setup-intent", "customers/portal/set-subscription-payment-method",
        "customers/portal/payment-methods/{id}", "invoices/{id}/pdf",
    ]


@pytest.mark.parametrize("path", [
    "", "/customers/subscription-status", "customers/subscription-status/", "customers//subscription-status",
    "entitlements/..", "entitlements/.", "../entitlements/u1", "entitlements/a\\b", "entitlements/%2e%2e",
    "entitlements/a%2Fb", "entitlements/%252F", "entitlements/a\x00", "entitlements/a\nb",
])
def test_malformed_paths(path: str) -> None:
    assert path_segments(path) is None
    assert plan("GET", path) == INVALID_PATH


@pytest.mark.parametrize("raw", [
    "/api/lumen/entitlements/a%2Fb", "/api/lumen/entitlements/a%2fb", "/api/lumen/entitlements/a%5Cb",
    "/api/lumen/entitlements/%2E%2E", "/api/lumen/entitlements/%25",
])
def test_encoded_tricks_in_the_raw_path(raw: str) -> None:
    # a server that already decoded %2F would hand the proxy "entitlements/a/b"; the raw path tells
    assert plan("GET", "entitlements/u1", raw=raw) == INVALID_PATH


def test_raw_query_string_is_not_a_path_trick() -> None:
    result = plan("GET", "entitlements/u1", raw="/api/lumen/entitlements/u1?next=%2Fhome")
    assert isinstance(result, Upstream)


def test_user_required() -> None:
    for user in (None, "", 0, False):
        assert plan("GET", "customers/subscription-status", user=user) == UNAUTHORIZED
    result = plan("GET", "customers/subscription-status", user=42)
    assert isinstance(result, Upstream) and result.user_id == "42"


def test_off_the_list_and_wrong_method() -> None:
    assert plan("GET", "customers") == UNSUPPORTED
    assert plan("GET", "entitlements/u1/feature/x") == UNSUPPORTED
    assert plan("GET", "v1/customers/subscription-status") == UNSUPPORTED
    assert plan("POST", "entitlements/{customerId}") == NOT_ALLOWED
    assert plan("GET", "customers/portal/create-setup-intent") == NOT_ALLOWED


def test_placeholder_and_own_id_are_pinned_to_the_user() -> None:
    for segment in ("{customerId}", "u1"):
        result = plan("GET", f"entitlements/{segment}", query=[("isExtCustId", "false"), ("x", "1")])
        assert isinstance(result, Upstream)
        assert result.path == "entitlements/u1" and result.params == {"isExtCustId": "true", "x": "1"}
    assert plan("GET", "entitlements/u2") == FORBIDDEN
    assert plan("GET", "entitlements/cus_AAAAAAAAAAAAAAAAAAAAAA") == FORBIDDEN
    odd = plan("GET", "entitlements/{customerId}", user="a b/c")
    assert isinstance(odd, Upstream) and odd.path == "entitlements/a%20b%2Fc"


def test_customers_paths_get_the_external_id() -> None:
    status = plan("GET", "customers/subscription-status")
    assert isinstance(status, Upstream) and status.params == {"externalCustomerId": "u1"}
    assert plan("GET", "customers/portal/overview", query=[("externalCustomerId", "u2")]) == FORBIDDEN
    assert plan("GET", "customers/portal/overview",
                query=[("externalCustomerId", "u1"), ("externalCustomerId", "u2")]) == FORBIDDEN
    setup = plan("POST", "customers/portal/create-setup-intent")
    assert isinstance(setup, Upstream) and setup.json == {"externalCustomerId": "u1"} and setup.params == {}
    chosen = plan("POST", "customers/portal/set-subscription-payment-method", body={"paymentMethodId": "pm_1"})
    assert isinstance(chosen, Upstream) and chosen.json == {"paymentMethodId": "pm_1", "externalCustomerId": "u1"}
    assert plan("POST", "customers/portal/create-setup-intent", body={"externalCustomerId": "u2"}) == FORBIDDEN
    assert plan("POST", "customers/portal/create-setup-intent", body={"externalCustomerId": ""}) == FORBIDDEN
    assert plan("POST", "customers/portal/create-setup-intent", body=[1, 2]) == INVALID_BODY
    broken = plan("POST", "customers/portal/create-setup-intent", body=b"{not json")
    assert isinstance(broken, Upstream) and broken.json == {"externalCustomerId": "u1"}
    delete = plan("DELETE", "customers/portal/payment-methods/pm_1")
    assert isinstance(delete, Upstream) and delete.params == {"externalCustomerId": "u1"}


def test_invoice_route_asks_for_an_ownership_check() -> None:
    result = plan("GET", "invoices/inv_1/pdf")
    assert isinstance(result, Upstream) and result.invoice_id == "inv_1" and result.path == "invoices/inv_1/pdf"


def test_custom_allow_list() -> None:
    paths = ["entitlements/{customerId}/feature/{slug}", "customers/subscription-status"]
    feature = plan("GET", "entitlements/{customerId}/feature/api-calls", paths=paths)
    assert isinstance(feature, Upstream) and feature.path == "entitlements/u1/feature/api-calls"
    assert plan("GET", "entitlements/u2/feature/api-calls", paths=paths) == FORBIDDEN
    assert plan("GET", "customers/portal/overview", paths=paths) == UNSUPPORTED
    assert isinstance(plan("POST", "customers/subscription-status", paths=paths), Upstream)


def test_upstream_repr_hides_the_key() -> None:
    result = plan("GET", "customers/subscription-status")
    assert isinstance(result, Upstream) and result.api_key == KEY and KEY not in repr(result)

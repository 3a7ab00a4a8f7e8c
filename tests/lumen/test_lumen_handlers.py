"""The proxy handlers in their frameworks, each driven by the framework's own test client.

The three apps are the seed README's examples (only the import changed), configured through
``LUMEN_API_KEY`` / ``LUMEN_API_URL``. Every scenario runs on Flask (``app.test_client()``),
FastAPI (``TestClient``) and Django (``django.test.Client``), against the sandbox or respx.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import django
import httpx
import pytest
import respx
from django.conf import settings
from django.test import Client as DjangoClient
from django.test.utils import override_settings
from django.urls import path as django_path
from fastapi import FastAPI, Request
from flask import Flask, request

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's "httpx is deprecated in TestClient" notice
    from fastapi.testclient import TestClient

from paywire.lumen.handlers import lumen_django_handler, lumen_fastapi_handler, lumen_flask_handler
from paywire.sandbox.lumen import DEFAULT_API_KEY, FREE_PLAN_ID, PRO_PLAN_ID, LumenState

UPSTREAM = "https://api.lumen-upstream.test"


# --- the README apps ------------------------------------------------------------------------------
def flask_app() -> Flask:
    app = Flask(__name__)

    def get_user_id():  # type: ignore[no-untyped-def]
        # Extract user ID from your auth system
        # Examples: session, JWT token, request context, etc.
        return request.headers.get("X-User-ID")  # or session.get("user_id")

    @app.route("/api/lumen/<path:path>", methods=["GET", "POST", "PUT", "DELETE"])
    def lumen_proxy(path):  # type: ignore[no-untyped-def]
        handler = lumen_flask_handler(get_user_id=get_user_id)
        return handler(path)

    return app


def fastapi_app() -> FastAPI:
    app = FastAPI()

    @app.middleware("http")
    async def fake_auth(request: Request, call_next: Any) -> Any:  # stands in for the app's auth
        request.state.user_id = request.headers.get("x-user-id")
        return await call_next(request)

    def get_user_id(request: Request):  # type: ignore[no-untyped-def]
        # Extract user ID from your auth system
        return request.state.user_id  # or decode JWT, check session, etc.

    handler = lumen_fastapi_handler(get_user_id=get_user_id)

    @app.api_route("/api/lumen/{path:path}", methods=["GET", "POST", "PUT", "DELETE"])
    async def lumen_proxy(request: Request, path: str):  # type: ignore[no-untyped-def]
        return await handler(request, path)

    return app


# Django: views.py
def get_user_id(request):  # type: ignore[no-untyped-def]
    return str(request.user.id) if request.user.is_authenticated else None


lumen_view = lumen_django_handler(get_user_id=get_user_id)

# urls.py
urlpatterns = [
    django_path('api/lumen/<path:path>', lumen_view),
]


def fake_auth_middleware(get_response: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Stands in for django.contrib.auth: ``request.user`` from the X-User-ID header."""

    def middleware(request: Any) -> Any:
        uid = request.headers.get("X-User-ID")
        request.user = SimpleNamespace(id=uid, is_authenticated=uid is not None)
        return get_response(request)

    return middleware


if not settings.configured:
    settings.configure(SECRET_KEY="paywire-lumen-tests", ALLOWED_HOSTS=["testserver"], INSTALLED_APPS=[],
                       USE_TZ=True, DATABASES={})
    django.setup()


# --- one client interface over the three test clients ------------------------------------------------
@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str]


Send = Callable[..., Reply]


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


@pytest.fixture(params=["flask", "fastapi", "django"])
def send(request: pytest.FixtureRequest) -> Iterator[Send]:
    """``send(method, path, user=..., json=...)`` through the framework's own test client."""
    kind = request.param

    def headers_for(user: str | None) -> dict[str, str]:
        return {"X-User-ID": user} if user is not None else {}

    if kind == "flask":
        client = flask_app().test_client()

        def flask_send(method: str, url: str, user: str | None = "u1", json_body: Any = None) -> Reply:
            r = client.open(url, method=method, headers=headers_for(user), json=json_body)
            return Reply(r.status_code, r.get_json(), _lower(r.headers))

        yield flask_send
    elif kind == "fastapi":
        with TestClient(fastapi_app()) as tc:
            def fastapi_send(method: str, url: str, user: str | None = "u1", json_body: Any = None) -> Reply:
                r = tc.request(method, url, headers=headers_for(user), json=json_body)
                return Reply(r.status_code, r.json(), _lower(r.headers))

            yield fastapi_send
    else:
        with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[f"{__name__}.fake_auth_middleware"]):
            dj = DjangoClient()

            def django_send(method: str, url: str, user: str | None = "u1", json_body: Any = None) -> Reply:
                data = json.dumps(json_body) if json_body is not None else ""
                r = dj.generic(method, url, data, content_type="application/json", headers=headers_for(user))
                return Reply(r.status_code, json.loads(r.content), _lower(r.headers))

            yield django_send


@pytest.fixture
def upstream(monkeypatch: pytest.MonkeyPatch) -> Iterator[respx.MockRouter]:
    monkeypatch.setenv("LUMEN_API_KEY", "lumen_sk_handler_unit_key")
    monkeypatch.setenv("LUMEN_API_URL", UPSTREAM)
    with respx.mock(base_url=UPSTREAM, assert_all_called=False) as router:
        yield router


# --- against the sandbox ---------------------------------------------------------------------------
def test_readme_flow(send: Send, lumen_env: LumenState) -> None:
    lumen_env.subscribe("u1", FREE_PLAN_ID)
    status = send("GET", "/api/lumen/customers/subscription-status")
    assert status.status == 200 and status.body["hasActiveSubscription"] is True
    ents = send("GET", "/api/lumen/entitlements/%7BcustomerId%7D")
    assert ents.status == 200
    assert {e["feature"]["slug"] for e in ents.body["entitlements"]} == {"api-calls", "premium-feature", "team-seats"}
    assert send("GET", "/api/lumen/entitlements/u1").status == 200
    overview = send("GET", "/api/lumen/customers/portal/overview")
    assert overview.status == 200 and overview.body["portal"]["customer"]["id"] == status.body["customer"]["id"]
    assert ents.headers.get("cache-control") == "no-store"


def test_no_user_no_path_no_key(send: Send, lumen_env: LumenState, monkeypatch: pytest.MonkeyPatch) -> None:
    anonymous = send("GET", "/api/lumen/customers/subscription-status", user=None)
    assert (anonymous.status, anonymous.body) == (401, {"error": "Unauthorized"})
    off = send("GET", "/api/lumen/plans")
    assert (off.status, off.body) == (404, {"error": "Unsupported path"})
    wrong = send("POST", "/api/lumen/entitlements/%7BcustomerId%7D")
    assert (wrong.status, wrong.body) == (405, {"error": "Method not allowed"})
    monkeypatch.delenv("LUMEN_API_KEY")
    missing = send("GET", "/api/lumen/customers/subscription-status")
    assert (missing.status, missing.body) == (500, {"error": "LUMEN_API_KEY is not set in environment"})


def test_cross_customer_reads_are_refused(send: Send, lumen_env: LumenState) -> None:
    lumen_env.subscribe("u1", FREE_PLAN_ID)
    lumen_env.subscribe("victim", PRO_PLAN_ID)
    victim_id = lumen_env.customer("victim").id  # type: ignore[union-attr]
    for url in ("/api/lumen/entitlements/victim", f"/api/lumen/entitlements/{victim_id}",
                "/api/lumen/customers/subscription-status?externalCustomerId=victim",
                "/api/lumen/customers/portal/overview?externalCustomerId=victim"):
        result = send("GET", url)
        assert (result.status, result.body) == (403, {"error": "Forbidden"}), url
    post = send("POST", "/api/lumen/customers/portal/create-setup-intent", json_body={"externalCustomerId": "victim"})
    assert post.status == 403
    mine = send("GET", "/api/lumen/customers/subscription-status?externalCustomerId=u1")
    assert mine.status == 200


def test_upstream_status_is_preserved(send: Send, lumen_env: LumenState) -> None:
    result = send("GET", "/api/lumen/customers/portal/overview", user="never-enrolled")
    assert (result.status, result.body) == (404, {"error": "Customer not found", "status": 404})
    bad = send("GET", "/api/lumen/entitlements/%7BcustomerId%7D", user="never-enrolled")
    assert bad.status == 404


def test_portal_actions(send: Send, lumen_env: LumenState) -> None:
    sub = lumen_env.subscribe("u1", PRO_PLAN_ID)
    intent = send("POST", "/api/lumen/customers/portal/create-setup-intent")  # id injected into the body
    assert intent.status == 200 and intent.body["provider"] == "stripe"
    pm = lumen_env.complete_setup_intent(intent.body["stripe"]["intentId"])
    linked = sub.payment_method_id
    conflict = send("DELETE", f"/api/lumen/customers/portal/payment-methods/{linked}")
    assert conflict.status == 409
    chosen = send("POST", "/api/lumen/customers/portal/set-subscription-payment-method",
                  json_body={"paymentMethodId": pm.id})
    assert chosen.status == 200 and chosen.body["success"] is True
    assert send("DELETE", f"/api/lumen/customers/portal/payment-methods/{linked}").status == 200
    lumen_env.subscribe("other", PRO_PLAN_ID)
    others = next(p.id for p in lumen_env.payment_methods.values() if p.customer_id == lumen_env.customer("other").id)  # type: ignore[union-attr]
    assert send("DELETE", f"/api/lumen/customers/portal/payment-methods/{others}").status == 404


def test_invoice_pdf_only_for_own_invoices(send: Send, lumen_env: LumenState) -> None:
    lumen_env.subscribe("u1", PRO_PLAN_ID)
    lumen_env.subscribe("other", PRO_PLAN_ID)
    mine = next(i for i in lumen_env.invoices.values() if i.customer_id == lumen_env.customer("u1").id)  # type: ignore[union-attr]
    theirs = next(i for i in lumen_env.invoices.values() if i.customer_id == lumen_env.customer("other").id)  # type: ignore[union-attr]
    ok = send("GET", f"/api/lumen/invoices/{mine.id}/pdf")
    assert ok.status == 200 and ok.body["invoice"]["id"] == mine.id and ok.body["expiresIn"] == 900
    denied = send("GET", f"/api/lumen/invoices/{theirs.id}/pdf")
    assert (denied.status, denied.body) == (404, {"error": "Invoice not found"})


# --- against respx: what goes up, what comes back ------------------------------------------------------
def test_only_the_key_goes_up_and_nothing_comes_back(send: Send, upstream: respx.MockRouter) -> None:
    route = upstream.get("/v1/customers/subscription-status").respond(
        json={"hasActiveSubscription": True}, headers={"X-Upstream-Secret": "s3cr3t", "Set-Cookie": "a=b"})
    result = send("GET", "/api/lumen/customers/subscription-status?debug=1")
    assert result.status == 200 and result.body == {"hasActiveSubscription": True}
    assert "x-upstream-secret" not in result.headers and "set-cookie" not in result.headers
    assert "lumen_sk_handler_unit_key" not in json.dumps(result.headers) + json.dumps(result.body)
    sent = route.calls.last.request
    assert sent.headers["authorization"] == "Bearer lumen_sk_handler_unit_key"
    assert "x-user-id" not in sent.headers  # browser headers are not forwarded
    assert dict(sent.url.params) == {"debug": "1", "externalCustomerId": "u1"}


@pytest.mark.parametrize("trick", [
    "/api/lumen/entitlements/%2E%2E/customers/subscription-status",
    "/api/lumen/entitlements/u1%2F..%2F..%2Fcustomers",
    "/api/lumen/entitlements/u1%5C..",
    "/api/lumen/entitlements/%252e%252e",
    "/api/lumen/customers//subscription-status",
    "/api/lumen/customers/subscription-status/",
    "/api/lumen/entitlements/..",
    "/api/lumen/invoices/..%2F..%2Fcustomers%2Fportal%2Foverview/pdf",
])
def test_path_tricks_never_reach_upstream(send: Send, upstream: respx.MockRouter, trick: str) -> None:
    result = send("GET", trick)
    assert result.status in (400, 404) and "error" in result.body
    assert not upstream.calls


def test_upstream_bodies_and_failures(send: Send, upstream: respx.MockRouter) -> None:
    upstream.get("/v1/customers/subscription-status").mock(side_effect=[
        httpx.Response(502, text="<html>bad gateway</html>"),
        httpx.Response(502, text="<html>bad gateway</html>"),
        httpx.Response(503, json=[]),
        httpx.Response(418, json={"error": "teapot"}),
        *[httpx.ConnectError("refused")] * 3,
    ])
    non_json = send("GET", "/api/lumen/customers/subscription-status")
    # retried once, then answered with a paywire-built body (upstream error bodies never relayed)
    assert (non_json.status, non_json.body) == (503, {"error": "Service Unavailable", "status": 503})
    teapot = send("GET", "/api/lumen/customers/subscription-status")
    assert teapot.body == {"error": "I'm a Teapot", "status": 418}
    down = send("GET", "/api/lumen/customers/subscription-status")
    assert (down.status, down.body) == (502, {"error": "Lumen API unreachable"})


def test_post_failure_is_not_retried(send: Send, upstream: respx.MockRouter) -> None:
    route = upstream.post("/v1/customers/portal/create-setup-intent").respond(503, json={"error": "busy"})
    result = send("POST", "/api/lumen/customers/portal/create-setup-intent", json_body={"x": 1})
    assert (result.status, result.body) == (503, {"error": "Service Unavailable", "status": 503})
    assert route.call_count == 1
    assert json.loads(route.calls.last.request.content) == {"x": 1, "externalCustomerId": "u1"}


# --- getter flavours -----------------------------------------------------------------------------------
def test_fastapi_accepts_an_async_getter(upstream: respx.MockRouter) -> None:
    upstream.get("/v1/entitlements/async-user").respond(json={"entitlements": []})
    app = FastAPI()

    async def get_user(request: Request) -> str:
        return "async-user"

    handler = lumen_fastapi_handler(get_user_id=get_user)

    @app.get("/api/lumen/{path:path}")
    async def proxy(request: Request, path: str) -> Any:
        return await handler(request, path)

    with TestClient(app) as tc:
        result = tc.get("/api/lumen/entitlements/%7BcustomerId%7D")
    assert result.status_code == 200 and result.json() == {"entitlements": []}
    assert upstream.calls.last.request.url.params["isExtCustId"] == "true"


def test_flask_refuses_an_async_getter_without_leaking(upstream: respx.MockRouter) -> None:
    app = Flask(__name__)

    async def get_user() -> str:
        return "u1"

    @app.route("/api/lumen/<path:path>")
    def proxy(path: str) -> Any:
        return lumen_flask_handler(get_user_id=get_user)(path)

    result = app.test_client().get("/api/lumen/customers/subscription-status")
    assert result.status_code == 500 and result.get_json() == {"error": "Internal Error"}
    assert not upstream.calls


def test_getter_errors_become_a_generic_500(upstream: respx.MockRouter) -> None:
    def broken(request: Any) -> str:
        raise RuntimeError("db password is hunter2")

    view = lumen_django_handler(get_user_id=broken)
    from django.test import RequestFactory

    response = view(RequestFactory().get("/api/lumen/customers/subscription-status"),
                    path="customers/subscription-status")
    assert response.status_code == 500 and json.loads(response.content) == {"error": "Internal Error"}


def test_explicit_key_and_url_arguments(paywire_sandbox: Any) -> None:
    paywire_sandbox.state("lumen").subscribe("u7", FREE_PLAN_ID)
    app = Flask(__name__)

    @app.route("/api/lumen/<path:path>")
    def proxy(path: str) -> Any:
        return lumen_flask_handler(get_user_id=lambda: "u7", api_key=DEFAULT_API_KEY,
                                   api_url=paywire_sandbox.base_url("lumen") + "/v1",
                                   supported_paths=["customers/subscription-status"])(path)

    client = app.test_client()
    assert client.get("/api/lumen/customers/subscription-status").get_json()["hasActiveSubscription"] is True
    assert client.get("/api/lumen/entitlements/%7BcustomerId%7D").status_code == 404  # not on the custom list

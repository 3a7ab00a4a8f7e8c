"""Minimal Flask / FastAPI / Django apps mounting the Lumen proxy, for the proxy tests.

``send_for(kind, **handler_kwargs)`` gives one ``send(method, url, body=..., headers=...)``
over the framework's own test client, so a test runs the same scenario on all three.
"""

from __future__ import annotations

import json
import sys
import types
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from typing import Any

import django
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

FRAMEWORKS = ("flask", "fastapi", "django")
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

if not settings.configured:
    settings.configure(SECRET_KEY="paywire-lumen-tests", ALLOWED_HOSTS=["testserver", "127.0.0.1"],
                       INSTALLED_APPS=[], USE_TZ=True, DATABASES={})
    django.setup()


@dataclass
class Reply:
    status: int
    body: Any
    raw: bytes
    headers: dict[str, str]


Send = Callable[..., Reply]


def flask_app(**kwargs: Any) -> Flask:
    app = Flask(__name__)
    handler = lumen_flask_handler(get_user_id=lambda: request.headers.get("X-User-ID"), **kwargs)

    @app.route("/api/lumen/<path:path>", methods=METHODS)
    def lumen_proxy(path: str) -> Any:
        return handler(path)

    return app


def fastapi_app(**kwargs: Any) -> FastAPI:
    app = FastAPI()
    handler = lumen_fastapi_handler(get_user_id=lambda r: r.headers.get("x-user-id"), **kwargs)

    @app.api_route("/api/lumen/{path:path}", methods=METHODS)
    async def lumen_proxy(request: Request, path: str) -> Any:
        return await handler(request, path)

    return app


_urlconfs = count()


def django_urlconf(**kwargs: Any) -> str:
    """A fresh URLconf module (by name) mounting a Django proxy view built with ``kwargs``."""
    view = lumen_django_handler(get_user_id=lambda r: r.headers.get("X-User-ID"), **kwargs)
    name = f"_paywire_lumen_urls_{next(_urlconfs)}"
    module = types.ModuleType(name)
    module.urlpatterns = [django_path("api/lumen/<path:path>", view)]  # type: ignore[attr-defined]
    sys.modules[name] = module
    return name


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


@contextmanager
def send_for(kind: str, **kwargs: Any) -> Iterator[Send]:
    """``send(method, url, body=b"", user="u1", headers=None)`` through ``kind``'s test client."""

    def headers_for(user: str | None, extra: dict[str, str] | None) -> dict[str, str]:
        return {**({"X-User-ID": user} if user else {}), **(extra or {})}

    if kind == "flask":
        client = flask_app(**kwargs).test_client()

        def flask_send(method: str, url: str, body: Any = b"", user: str | None = "u1",
                       headers: dict[str, str] | None = None) -> Reply:
            r = client.open(url, method=method, data=body, headers=headers_for(user, headers),
                            content_type="application/json")
            return Reply(r.status_code, _json(r.data), r.data, _lower(r.headers))

        yield flask_send
    elif kind == "fastapi":
        with TestClient(fastapi_app(**kwargs)) as tc:
            def fastapi_send(method: str, url: str, body: Any = b"", user: str | None = "u1",
                             headers: dict[str, str] | None = None) -> Reply:
                r = tc.request(method, url, content=body, headers={
                    "Content-Type": "application/json", **headers_for(user, headers)})
                return Reply(r.status_code, _json(r.content), r.content, _lower(r.headers))

            yield fastapi_send
    else:
        with override_settings(ROOT_URLCONF=django_urlconf(**kwargs), MIDDLEWARE=[]):
            dj = DjangoClient()

            def django_send(method: str, url: str, body: Any = b"", user: str | None = "u1",
                            headers: dict[str, str] | None = None) -> Reply:
                r = dj.generic(method, url, body, content_type="application/json",
                               headers=headers_for(user, headers))
                return Reply(r.status_code, _json(r.content), r.content, _lower(r.headers))

            yield django_send

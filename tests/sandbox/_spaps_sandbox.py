"""Shared fixtures and helpers of the SPAPS sandbox tests (plain httpx against ``paywire_sandbox``).

Fixtures are made by factories, so each test module names them for the app it exercises::

    st = state_fixture()                      # the shared SpapsState of this test's namespace
    http = api_fixture("spaps-2026-10")       # API key only, unless a test adds a bearer
    control = control_fixture("spaps-2026-10")  # /_sandbox/spaps-2026-10
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from coincurve import PrivateKey

from paywire.sandbox.spaps import (
    DEFAULT_API_KEY,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_PASSWORD,
    SpapsState,
    eip191_digest,
    keccak256,
)

KEY = {"X-API-Key": DEFAULT_API_KEY}


def state_fixture() -> Any:
    @pytest.fixture
    def state(paywire_sandbox: Any) -> SpapsState:
        st: SpapsState = paywire_sandbox.state("spaps")
        return st

    return state


def api_fixture(app: str) -> Any:
    """An httpx client on SPAPS app ``app`` (``spaps``, ``spaps-2026-10``) sending the API key."""

    @pytest.fixture
    def client(paywire_sandbox: Any) -> Iterator[httpx.Client]:
        with httpx.Client(base_url=paywire_sandbox.base_url(app), headers=KEY, timeout=10) as http:
            yield http

    return client


def control_fixture(app: str) -> Any:
    """An httpx client on the control plane of SPAPS app ``app`` (``/_sandbox/<app>``)."""

    @pytest.fixture
    def client(paywire_sandbox: Any) -> Iterator[httpx.Client]:
        with httpx.Client(base_url=paywire_sandbox.url + f"/_sandbox/{app}", timeout=10) as http:
            yield http

    return client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(http: httpx.Client, email: str = DEFAULT_USER_EMAIL, password: str = DEFAULT_USER_PASSWORD) -> dict[str, Any]:
    """The tokens and user of a password sign-in (no MFA challenge expected)."""
    r = http.post("/api/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()["data"]
    assert "mfa_required" not in data
    return data


def token(http: httpx.Client, email: str = DEFAULT_USER_EMAIL, password: str = DEFAULT_USER_PASSWORD) -> dict[str, str]:
    return bearer(login(http, email, password)["access_token"])


def error_of(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The error body of ``r``, after checking its status, code and request id."""
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["success"] is False and body["error"]["code"] == code, body
    if "X-Request-ID" in r.headers:  # handler errors; framework validation errors carry only the body id
        assert r.headers["X-Request-ID"] == body["metadata"]["request_id"]
    return body


def eth_address(key: PrivateKey) -> str:
    return "0x" + keccak256(key.public_key.format(compressed=False)[1:])[-20:].hex()


def eth_sign(key: PrivateKey, message: str) -> str:
    """An EIP-191 ``personal_sign`` signature (65 bytes r||s||v, v = 27/28, hex)."""
    sig = key.sign_recoverable(eip191_digest(message), hasher=None)
    return "0x" + (sig[:64] + bytes([sig[64] + 27])).hex()

"""The seed README's examples, run against the sandbox with only the import changed.

``from conxa import …`` becomes ``from paywire.conxa import …``; the README's literal keys
(``pk_live_your_api_key``, ``pk_live_xxx``) are registered as sandbox providers and
``CONXA_API_URL`` points at the sandbox, so the example bodies run as written. The user's
phone (scan + approve) acts before each example. Async versions follow the same text with
``AsyncCONXAClient`` and ``await``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from _conxa_helpers import aclose, call, decode_data_url, decode_svg

from paywire.conxa import AsyncCONXAClient, CONXAClient, SessionExpiredError
from paywire.conxa import client as client_module
from paywire.sandbox.conxa import wallet_crypto

WALLET = "1234567890123456"


@pytest.fixture
async def readme(paywire_sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    # The README never closes its clients; the fixture does, so no sockets leak between tests.
    made: list[Any] = []
    original = client_module._ConxaOps.__init__

    def tracked(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(client_module._ConxaOps, "__init__", tracked)
    st = paywire_sandbox.state("conxa")
    st.add_provider("your_provider_id", "pk_live_your_api_key")
    st.add_provider("xxx", "pk_live_xxx")
    st.seed_wallet(WALLET, 5_000_000)
    st.set_min_poll_interval(0)
    monkeypatch.setenv("CONXA_API_URL", paywire_sandbox.base_url("conxa"))
    monkeypatch.setenv("CONXA_API_KEY", "pk_live_your_api_key")
    monkeypatch.setenv("CONXA_PROVIDER_ID", "your_provider_id")
    yield paywire_sandbox
    for client in made:
        await aclose(client)


def phone_approves(sandbox: Any, provider: str = "your_provider_id", user: str = "user@example.com",
                   wallet: str = WALLET, token: str = "xxx") -> None:
    """The user scans and approves; the session token is the README's ``ps_xxx``."""
    st = sandbox.state("conxa")
    st.scan(provider, user)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(wallet_crypto, "new_session_token", lambda: wallet_crypto.SESSION_TOKEN_PREFIX + token)
        st.approve(provider, user, wallet)


# --- Quick Start --------------------------------------------------------------------------------
async def test_quick_start(readme: Any, capsys: pytest.CaptureFixture[str], flavour: str) -> None:
    """The README's Quick Start, once per flavour: the same calls with the same arguments, each
    through ``call`` (which awaits an async client's result); the fixture closes the client."""
    phone_approves(readme)
    from paywire.conxa import AsyncCONXAClient, CONXAClient

    # Initialize with your API key
    client = (CONXAClient if flavour == "sync" else AsyncCONXAClient)(
        api_key="pk_live_your_api_key",
        provider_id="your_provider_id",
    )

    # 1. Generate QR code for user to scan
    qr = client.create_payment_qr(
        provider_username="user@example.com",
        expires_in=10  # Optional: QR expires after 10 seconds
    )
    print(f"Show this QR to user: {qr.qr_base64}")

    # 2. Wait for user to connect (or poll manually)
    session = await call(
        client.wait_for_connection,
        provider_username="user@example.com",
        timeout=120,  # Wait up to 2 minutes
        qr_data=qr,  # Pass QR data to check expiration
    )
    print(f"User connected! Token: {session.session_token}")

    # 3. Charge for AI usage (use a unique idempotency key per logical charge)
    result = await call(
        client.charge,
        session_token=session.session_token,
        idempotency_key="req_abc123",  # e.g. request ID - required for retry safety
        model_name="gpt-4",
        input_tokens=1000,
        output_tokens=500,
    )

    if result.approved:
        print(f"Charged! New balance: {result.new_balance} tokens")
    else:
        print(f"Failed: {result.error}")

    out = capsys.readouterr().out
    assert "Show this QR to user: data:image/png;base64," in out
    assert "User connected! Token: ps_xxx" in out
    assert f"Charged! New balance: {5_000_000 - 2000} tokens" in out
    assert decode_data_url(qr.qr_base64)[0].decode() == (
        '{"provider_id":"your_provider_id","provider_type":"api","provider_username":"user@example.com"}')


# --- API reference ------------------------------------------------------------------------------
def test_api_reference_constructor_and_qr_methods(readme: Any) -> None:
    client = CONXAClient(
        api_key="pk_live_xxx",           # Required: Your API key
        provider_id="your_provider_id",   # Required: Your provider ID
        base_url="https://api.conxa.in",  # Optional: API base URL
        timeout=30,                       # Optional: Request timeout
        provider_type="api",              # Optional: "api" or "web"
    )
    assert (client.base_url, client.timeout, client.provider_type) == ("https://api.conxa.in", 30, "api")

    qr = client.create_payment_qr(
        provider_username="user@example.com",
        provider_type=None,  # Optional: "api" or "web" (default: client's provider_type)
        limit=50000,         # Optional: spending limit in tokens
        size=300,            # Optional: image size in pixels
        expires_in=10,       # Optional: QR expires after N seconds (default: None)
    )
    assert decode_data_url(qr.qr_base64) == (qr.qr_data.encode(), 300, 300)
    assert qr.created_at is not None and qr.expires_at is not None and not qr.is_expired()
    assert qr.is_valid_base64() and qr.to_json_safe_dict()["qr_base64"] == qr.qr_base64
    assert qr.get_html_img_tag().startswith('<img src="data:image/png;base64,')

    svg_string = client.create_payment_qr_svg(
        provider_username="user@example.com",
        provider_type=None,  # Optional: "api" or "web"
        limit=50000,
        size=300,
    )
    assert decode_svg(svg_string) == (qr.qr_data.encode(), 300)
    client.close()


def test_qr_expiration_and_validation_snippets(readme: Any, capsys: pytest.CaptureFixture[str]) -> None:
    client = CONXAClient(api_key="pk_live_xxx", provider_id="xxx")
    # Generate QR that expires after 10 seconds
    qr = client.create_payment_qr(
        provider_username="user@example.com",
        expires_in=10
    )

    # Check if QR has expired
    if qr.is_expired():
        print("QR code expired! Generate a new one.")
        qr = client.create_payment_qr(provider_username="user@example.com", expires_in=10)

    # Validate QR code before using in HTML (optional - validation is automatic)
    if qr.is_valid_base64():
        html = f'<img src="{qr.qr_base64}" alt="QR Code" />'
    else:
        print("Error: Invalid QR code generated")

    try:
        qr = client.create_payment_qr(provider_username="user@example.com")
        # QR code is guaranteed to be valid at this point
        # qr.qr_base64 is always a valid data URL
    except ValueError as e:
        print(f"QR generation failed: {e}")
        # Handle error appropriately

    html = qr.get_html_img_tag()  # Returns: <img src="data:image/png;base64,..." />
    assert html.startswith('<img src="data:image/png;base64,') and capsys.readouterr().out == ""

    try:
        qr = client.create_payment_qr(provider_username="")
    except ValueError as e:
        print(f"QR generation failed: {e}")
    assert "QR generation failed: provider_username is required" in capsys.readouterr().out


def test_session_status_wait_charge_and_balance(readme: Any, capsys: pytest.CaptureFixture[str]) -> None:
    client = CONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")
    qr = client.create_payment_qr("user@example.com", expires_in=10)
    readme.state("conxa").scan("your_provider_id", "user@example.com")
    status = client.get_session_status(
        "user@example.com",
        qr_data=qr,  # Optional: Check if QR has expired
        retry_on_rate_limit=True,  # Auto-retry on rate limits
        max_retries=3,  # Max retry attempts
    )
    assert status.status == "pending" and status.is_pending and not status.is_active

    phone_approves(readme)
    qr = client.create_payment_qr("user@example.com", expires_in=10)

    session = client.wait_for_connection(
        provider_username="user@example.com",
        timeout=120,              # Maximum wait time in seconds
        poll_interval=2,         # Time between status checks
        on_pending=lambda s: print("Waiting..."),  # Callback on each poll
        rate_limit_timeout=10,   # Close QR after N seconds of rate limiting
        qr_data=qr,             # Optional: Check QR expiration
    )
    assert session.is_active

    result = client.charge(
        session_token="ps_xxx",
        idempotency_key="req_abc123",  # Required: unique per logical charge
        model_name="gpt-4",
        input_tokens=1000,
        output_tokens=500,
    )
    assert (result.approved, result.new_balance, result.error_code, result.error) == (True, 5_000_000 - 2000,
                                                                                       None, None)

    balance = client.get_wallet_balance("1234567890123456")
    assert (balance.wallet_id, balance.tokens) == ("1234567890123456", 5_000_000 - 2000)
    client.close()


async def test_session_status_wait_charge_and_balance_async(readme: Any) -> None:
    client = AsyncCONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")
    phone_approves(readme)
    qr = client.create_payment_qr("user@example.com", expires_in=10)
    status = await client.get_session_status("user@example.com", qr_data=qr, retry_on_rate_limit=True,
                                             max_retries=3)
    assert status.is_active
    session = await client.wait_for_connection(provider_username="user@example.com", timeout=120,
                                               poll_interval=2, on_pending=lambda s: print("Waiting..."),
                                               rate_limit_timeout=10, qr_data=qr)
    result = await client.charge(session_token=session.session_token, idempotency_key="req_abc123",
                                 model_name="gpt-4", input_tokens=1000, output_tokens=500)
    assert result.approved
    balance = await client.get_wallet_balance("1234567890123456")
    assert balance.tokens == 5_000_000 - 2000
    await client.aclose()


# --- Exception handling --------------------------------------------------------------------------
def test_exception_handling_block(readme: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from paywire.conxa import (
        APIError,  # noqa: F401 - imported as in the README
        AuthenticationError,
        ConnectionTimeoutError,
        CONXAError,
        ForbiddenError,
        IdempotencyConflictError,
        InsufficientBalanceError,
        ProviderNotFoundError,  # noqa: F401 - every listed name imports
        RateLimitError,
        SessionExpiredError,
        SessionNotFoundError,  # noqa: F401
        ValidationError,  # noqa: F401
    )

    client = CONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")
    phone_approves(readme)
    try:
        # Generate QR with expiration
        qr = client.create_payment_qr("user@example.com", expires_in=10)

        # Wait for connection
        session = client.wait_for_connection("user@example.com", qr_data=qr)

        # Charge user (the README's placeholder ``...`` filled in)
        result = client.charge(session.session_token, "req_abc123", "gpt-4", 1000, 500)

    except SessionExpiredError:
        print("QR code or session expired - user needs to reconnect")
        # Generate new QR code
        qr = client.create_payment_qr("user@example.com", expires_in=10)

    except InsufficientBalanceError as e:
        print(f"User has insufficient balance: {e.current_balance} tokens")

    except RateLimitError as e:
        print(f"Rate limit exceeded. Retry after: {e.retry_after} seconds")
        # SDK automatically retries, but you can handle manually if needed

    except ConnectionTimeoutError:
        print("User did not connect within timeout period")

    except AuthenticationError:
        print("Invalid API key")

    except IdempotencyConflictError:
        print("Charge with this idempotency key already in progress - do not retry")

    except ForbiddenError:
        print("Forbidden (e.g. spending limit exceeded or no charge permission)")

    except CONXAError as e:
        print(f"CONXA error: {e}")

    assert session.is_active and result.approved
    assert capsys.readouterr().out == ""

    # The same block with an expired session and a wrong key takes the documented branches.
    readme.state("conxa").expire("your_provider_id", "user@example.com")
    for api_key, args in [
        ("pk_live_your_api_key", ("ps_xxx", "req_after_expiry", "gpt-4", 1, 1)),
        ("pk_live_your_wrong_key", ("ps_xxx", "req_wrong_key", "gpt-4", 1, 1)),
        ("pk_live_your_api_key", (..., "req_bad_input", "gpt-4", 1, 1)),
    ]:
        client = CONXAClient(api_key=api_key, provider_id="your_provider_id")
        try:
            client.charge(*args)
        except SessionExpiredError:
            print("QR code or session expired - user needs to reconnect")
        except AuthenticationError:
            print("Invalid API key")
        except CONXAError as e:
            print(f"CONXA error: {e}")
    assert capsys.readouterr().out.splitlines() == [
        "QR code or session expired - user needs to reconnect", "Invalid API key",
        "CONXA error: session_token is required and cannot be empty"]


def test_rate_limit_handling_snippet(readme: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from paywire.conxa import RateLimitError

    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    readme.faults.add("conxa:get_session_status", status=429, retry_after=0)  # auto-retried at once
    client = CONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")

    # Automatic retry on rate limits (default behavior)
    status = client.get_session_status(
        "user@example.com",
        retry_on_rate_limit=True,  # Auto-retry (default)
        max_retries=3,              # Max retry attempts
    )
    assert status.status == "not_found"

    readme.faults.add("conxa:get_session_status", status=429, retry_after=1)
    # Manual rate limit handling
    try:
        status = client.get_session_status("user@example.com", retry_on_rate_limit=False)
    except RateLimitError as e:
        print(f"Rate limited. Retry after: {e.retry_after} seconds")
        time.sleep(e.retry_after or 60)
        status = client.get_session_status("user@example.com")
    assert slept == [1.0] and status.status == "not_found"


async def test_rate_limit_handling_snippet_async(readme: Any) -> None:
    from paywire.conxa import RateLimitError

    readme.faults.add("conxa:get_session_status", status=429, retry_after=0)
    client = AsyncCONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")
    try:
        status = await client.get_session_status("user@example.com", retry_on_rate_limit=False)
    except RateLimitError as e:
        await asyncio.sleep(e.retry_after or 0)
        status = await client.get_session_status("user@example.com")
    assert status.status == "not_found"
    await client.aclose()


def test_best_practices(readme: Any) -> None:
    client = CONXAClient(api_key="pk_live_your_api_key", provider_id="your_provider_id")
    username = "user@example.com"
    qr = client.create_payment_qr(username, expires_in=10)
    readme.state("conxa").approve("your_provider_id", username, WALLET, ttl_seconds=1)
    readme.clock.advance(5)  # the session has already expired when we look
    try:
        session = client.wait_for_connection(username, qr_data=qr)
    except SessionExpiredError:
        # Generate new QR and try again
        qr = client.create_payment_qr(username, expires_in=10)
    assert "session" not in locals()
    phone_approves(readme, user=username)
    session = client.wait_for_connection(
        username,
        rate_limit_timeout=10,  # Close QR after 10s of rate limiting
        qr_data=qr
    )
    assert session.is_active
    html = f'<img src="{qr.qr_base64}" alt="QR Code" />'  # Safe to use
    assert qr.is_valid_base64() and html.startswith('<img src="data:image/png;base64,')


def test_environment_variables(readme: Any) -> None:
    import os

    from paywire.conxa import CONXAClient

    client = CONXAClient(
        api_key=os.getenv("CONXA_API_KEY"),
        provider_id=os.getenv("CONXA_PROVIDER_ID"),
    )
    assert client.health_check() is True
    assert client.base_url == readme.base_url("conxa")


# --- Web framework integration -------------------------------------------------------------------
def test_flask_integration(readme: Any) -> None:
    from flask import Flask, jsonify, render_template, request, session
    from jinja2 import DictLoader

    from paywire.conxa import CONXAClient

    app = Flask(__name__)
    client = CONXAClient(api_key="pk_live_xxx", provider_id="xxx")

    @app.route("/connect")
    def connect():  # type: ignore[no-untyped-def]
        # Generate QR that expires after 10 seconds
        qr = client.create_payment_qr(
            provider_username=session["user_email"],
            expires_in=10
        )
        # Store QR data in session to check expiration
        session["qr_data"] = {
            "created_at": qr.created_at.isoformat() if qr.created_at else None,
            "expires_at": qr.expires_at.isoformat() if qr.expires_at else None,
        }
        return render_template("connect.html", qr_base64=qr.qr_base64)

    @app.route("/api/chat", methods=["POST"])
    def chat():  # type: ignore[no-untyped-def]
        import uuid
        result = client.charge(
            session_token=session["conxa_token"],
            idempotency_key=request.json.get("request_id", "req_" + str(uuid.uuid4())),
            model_name="gpt-4",
            input_tokens=request.json["input_tokens"],
            output_tokens=request.json["output_tokens"],
        )
        if not result.approved:
            return jsonify({"error": "Insufficient balance"}), 402
        # Process AI request...

    # test setup (not part of the README): a template, a secret key, a poor connected user
    app.jinja_loader = DictLoader({"connect.html": '<img src="{{ qr_base64 }}">'})
    app.secret_key = "test"
    st = readme.state("conxa")
    st.seed_wallet("1111222233334444", 10)
    token = st.approve("xxx", "poor@example.com", "1111222233334444").session_token

    with app.test_client() as web:
        with web.session_transaction() as s:
            s["user_email"] = "poor@example.com"
            s["conxa_token"] = token
        page = web.get("/connect")
        assert page.status_code == 200
        url = page.get_data(as_text=True).split('"')[1]
        assert decode_data_url(url)[0].decode() == (
            '{"provider_id":"xxx","provider_type":"api","provider_username":"poor@example.com"}')
        denied = web.post("/api/chat", json={"request_id": "r1", "input_tokens": 100, "output_tokens": 10})
        assert (denied.status_code, denied.get_json()) == (402, {"error": "Insufficient balance"})
        app.testing = False  # the README's success path ends at "# Process AI request..." (no response)
        web.post("/api/chat", json={"request_id": "r2", "input_tokens": 2, "output_tokens": 1})
    assert [e.idempotency_key for e in st.ledger] == ["r2"] and st.balance("1111222233334444") == 6


def test_fastapi_integration(readme: Any) -> None:
    from fastapi import FastAPI, HTTPException
    from fastapi.testclient import TestClient

    from paywire.conxa import CONXAClient, SessionExpiredError

    app = FastAPI()
    client = CONXAClient(api_key="pk_live_xxx", provider_id="xxx")

    @app.post("/connect")
    async def connect(user_id: str):  # type: ignore[no-untyped-def]
        # Generate QR that expires after 10 seconds
        qr = client.create_payment_qr(
            provider_username=user_id,
            expires_in=10
        )
        return {
            "qr_base64": qr.qr_base64,
            "expires_at": qr.expires_at.isoformat() if qr.expires_at else None,
        }

    @app.post("/chat")
    async def chat(user_id: str, message: str, qr_data: dict = None):  # type: ignore[no-untyped-def,type-arg,assignment]  # noqa: RUF013
        # Check if QR has expired (if provided)
        qr = None
        if qr_data:
            from datetime import datetime

            from paywire.conxa.models import QRCodeData
            qr = QRCodeData(
                qr_data="",
                created_at=datetime.fromisoformat(qr_data["created_at"]) if qr_data.get("created_at") else None,
                expires_at=datetime.fromisoformat(qr_data["expires_at"]) if qr_data.get("expires_at") else None,
            )

        try:
            status = client.get_session_status(user_id, qr_data=qr)
        except SessionExpiredError:
            raise HTTPException(401, "QR code expired. Please generate a new one.")  # noqa: B904

        if not status.is_active:
            raise HTTPException(401, "User not connected")

        import uuid
        result = client.charge(
            session_token=status.session_token,
            idempotency_key="req_" + str(uuid.uuid4()),  # use request ID from client in production
            model_name="gpt-4",
            input_tokens=len(message) * 4,
            output_tokens=100,
        )
        if not result.approved:
            raise HTTPException(402, "Insufficient balance")
        # Process AI request...

    st = readme.state("conxa")
    with TestClient(app) as web:
        made = web.post("/connect", params={"user_id": "u1"}).json()
        assert decode_data_url(made["qr_base64"])[0].decode() == (
            '{"provider_id":"xxx","provider_type":"api","provider_username":"u1"}')
        stored = {"created_at": "2020-01-01T00:00:00+00:00", "expires_at": made["expires_at"]}
        not_yet = web.post("/chat", params={"user_id": "u1", "message": "hi"}, json=stored)
        assert (not_yet.status_code, not_yet.json()) == (401, {"detail": "User not connected"})
        st.approve("xxx", "u1", WALLET)
        ok = web.post("/chat", params={"user_id": "u1", "message": "hi"}, json=stored)
        assert ok.status_code == 200
        expired = {"created_at": "2020-01-01T00:00:00+00:00", "expires_at": "2020-01-01T00:00:10+00:00"}
        late = web.post("/chat", params={"user_id": "u1", "message": "hi"}, json=expired)
        assert (late.status_code, late.json()) == (401, {"detail": "QR code expired. Please generate a new one."})
        st.seed_wallet(WALLET, 0)
        poor = web.post("/chat", params={"user_id": "u1", "message": "hi"})
        assert (poor.status_code, poor.json()) == (402, {"detail": "Insufficient balance"})
    assert len(st.ledger) == 1 and st.ledger[0].tokens == 2 * 4 + 2 * 100

"""Token persistence and refresh, sync and async: what sign-in stores, when the stored access
token is refreshed (expired by ``expires_at``, or rejected with 401), that the refresh happens
once however many threads or tasks hit it, what a failed refresh does, and sign-out."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import (
    ACCESS,
    API_KEY,
    BASE_URL,
    FLAVOURS,
    NEW_ACCESS,
    NEW_REFRESH,
    REFRESH,
    SlowRefreshServer,
    aclose,
    body_of,
    burst,
    call,
    err,
    ok,
    token_pair,
    tokens,
)
from test_spaps_endpoints import CASES

import paywire
from paywire.spaps import (
    AuthError,
    FileTokenStore,
    InMemoryTokenStore,
    NotSignedInError,
    SessionError,
    StoredTokens,
    TokenStore,
)
from paywire.spaps.tokens import EXPIRY_SKEW, LockingTokenStore

USER = {"id": "usr_1", "email": "user@example.com"}
ETH = "0x" + "ab" * 20


# --- what sign-in stores ----------------------------------------------------------------------------
SIGN_INS: list[tuple[str, Callable[[Any], Any], str, httpx.Response]] = [
    ("password", lambda c: c.auth.sign_in_with_password(email="user@example.com", password="pw-123456"),
     "/api/auth/login", ok(token_pair(user=USER))),
    ("wallet", lambda c: c.auth.verify_wallet(wallet_address=ETH, signature="0x" + "22" * 65, message="m", chain="ethereum"),
     "/api/auth/wallet-sign-in", ok(token_pair(user={"id": "u", "wallet_address": ETH}))),
    ("magic-link-flat", lambda c: c.auth.verify_magic_link(token="magic_tok_123456"), "/api/auth/verify-magic-link",
     httpx.Response(200, json={"success": True, "message": "ok", "user": USER, "tokens": token_pair()})),
    ("magic-link-nested", lambda c: c.auth.verify_magic_link(token="magic_tok_123456"), "/api/auth/verify-magic-link",
     ok({"message": "ok", "user": USER, "tokens": token_pair()})),
    ("register-flat", lambda c: c.auth.register(email="new@example.com", password="pw-123456"), "/api/auth/register",
     httpx.Response(201, json={"success": True, "message": "Registered", "user": USER,
                               "tokens": {"access_token": NEW_ACCESS, "refresh_token": NEW_REFRESH, "expires_in": 900}})),
    ("register-nested", lambda c: c.auth.register(email="new@example.com", password="pw-123456"), "/api/auth/register",
     httpx.Response(201, json={"success": True, "data": {"message": "Registered", "user": USER,
                                                         "tokens": {"access_token": NEW_ACCESS,
                                                                    "refresh_token": NEW_REFRESH, "expires_in": 900}}})),
    ("refresh", lambda c: c.auth.refresh_tokens(), "/api/auth/refresh",
     ok({"access_token": NEW_ACCESS, "refresh_token": NEW_REFRESH, "expires_in": 900})),
]


@pytest.mark.parametrize("case", SIGN_INS, ids=[c[0] for c in SIGN_INS])
async def test_sign_in_results_are_stored_and_used(make: Any, mock: respx.MockRouter,
                                                   case: tuple[str, Callable[[Any], Any], str, httpx.Response]) -> None:
    name, invoke, path, response = case
    mock.post(path).mock(return_value=response)
    me = mock.get("/api/auth/user").mock(return_value=ok({"user": USER}))
    client = make()
    if name == "refresh":
        client.set_tokens(tokens())
    before = time.time()
    result = await call(invoke, client)
    assert result.signed_in
    stored = client.get_tokens()
    assert stored.access_token == NEW_ACCESS and stored.refresh_token == NEW_REFRESH
    assert stored.token_type == "Bearer"
    assert before + 900 - 5 <= stored.expires_at.timestamp() <= time.time() + 900 + 5
    assert result.expires_at == stored.expires_at
    await call(client.auth.get_current_user)
    assert me.calls[0].request.headers["authorization"] == f"Bearer {NEW_ACCESS}"


async def test_register_needing_confirmation_stores_nothing(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/register").mock(return_value=httpx.Response(201, json={
        "success": True, "message": "Check your email", "data": {"user": {**USER, "email_confirmed": False}}}))
    client = make()
    result = await call(client.auth.register, email="new@example.com", password="pw-123456")
    assert not result.signed_in and result.user.email_confirmed is False and result.message == "Check your email"
    assert client.get_tokens() is None


BEARER_CASES = [c for c in CASES if c.auth == "bearer" and c.id not in ("sign_out", "logout_alias")]


@pytest.mark.parametrize("case", BEARER_CASES, ids=[c.id for c in BEARER_CASES])
async def test_user_calls_without_tokens_fail_before_any_request(make: Any, mock: respx.MockRouter, case: Any) -> None:
    anything = mock.route().mock(return_value=ok({}))
    client = make()
    with pytest.raises(NotSignedInError, match="sign in first") as info:
        await call(case.invoke, client)
    assert isinstance(info.value, ValueError)
    assert anything.call_count == 0


async def test_sign_out_without_tokens_sends_nothing(make: Any, mock: respx.MockRouter) -> None:
    anything = mock.route().mock(return_value=ok({}))
    client = make()
    result = await call(client.auth.sign_out)
    assert result.message == "not signed in" and anything.call_count == 0


async def test_sign_out_clears_the_store(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/logout").mock(return_value=ok({"message": "bye"}))
    client = make()
    client.set_tokens(tokens())
    await call(client.auth.sign_out)
    assert client.get_tokens() is None


async def test_sign_out_clears_locally_even_when_the_server_fails(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/logout").mock(return_value=err(500, "SERVER_ERROR"))
    client = make(max_retries=0)
    client.set_tokens(tokens())
    with pytest.raises(AuthError):
        await call(client.auth.sign_out)
    assert client.get_tokens() is None


# --- refresh --------------------------------------------------------------------------------------------
async def test_expired_token_is_refreshed_before_the_call(make: Any, mock: respx.MockRouter) -> None:
    refresh = mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    current = mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "s1"}}))
    client = make()
    client.set_tokens(tokens(expires_in=EXPIRY_SKEW - 1))  # inside the skew: counts as expired
    result = await call(client.sessions.get_current_session)
    assert result.session_id == "s1"
    assert refresh.call_count == 1 and current.call_count == 1
    sent = refresh.calls[0].request
    assert body_of(sent) == {"refresh_token": REFRESH}
    assert sent.headers["x-api-key"] == API_KEY and "authorization" not in sent.headers
    assert current.calls[0].request.headers["authorization"] == f"Bearer {NEW_ACCESS}"
    assert client.get_tokens().access_token == NEW_ACCESS


async def test_token_outside_the_skew_is_used_as_is(make: Any, mock: respx.MockRouter) -> None:
    refresh = mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "s1"}}))
    client = make()
    client.set_tokens(tokens(expires_in=EXPIRY_SKEW + 30))
    await call(client.sessions.get_current_session)
    assert refresh.call_count == 0


async def test_rejected_token_is_refreshed_once_and_the_call_resent(make: Any, mock: respx.MockRouter) -> None:
    refresh = mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    current = mock.get("/api/sessions/current").mock(side_effect=[
        err(401, "INVALID_TOKEN"), ok({"session": {"id": "s1"}})])
    client = make()
    client.set_tokens(tokens())
    assert (await call(client.sessions.get_current_session)).session_id == "s1"
    assert refresh.call_count == 1
    assert [c.request.headers["authorization"] for c in current.calls] == [f"Bearer {ACCESS}", f"Bearer {NEW_ACCESS}"]


async def test_a_post_body_survives_the_resend(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    route = mock.post("/api/stripe/subscription/sub_1/update").mock(side_effect=[
        err(401, "INVALID_TOKEN"), ok({"id": "sub_1", "status": "active"})])
    client = make()
    client.set_tokens(tokens())
    await call(client.payments.update_subscription, subscription_id="sub_1", price_id="price_plus")
    assert [body_of(c.request) for c in route.calls] == [{"price_id": "price_plus"}] * 2


async def test_second_401_is_raised_after_one_refresh(make: Any, mock: respx.MockRouter) -> None:
    refresh = mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    current = mock.get("/api/sessions/current").mock(return_value=err(401, "INVALID_SESSION"))
    client = make(max_retries=0)
    client.set_tokens(tokens())
    with pytest.raises(SessionError) as info:
        await call(client.sessions.get_current_session)
    assert isinstance(info.value, paywire.AuthenticationError) and info.value.error_code == "INVALID_SESSION"
    assert refresh.call_count == 1 and current.call_count == 2


@pytest.mark.parametrize("status,code", [(401, "INVALID_REFRESH"), (400, "VALIDATION_ERROR"), (403, "SESSION_REVOKED")])
@pytest.mark.parametrize("trigger", ["expired", "rejected"])
async def test_failed_refresh_clears_the_store_and_raises_authentication_error(
        make: Any, mock: respx.MockRouter, status: int, code: str, trigger: str) -> None:
    mock.post("/api/auth/refresh").mock(return_value=err(status, code, "refresh token already used"))
    current = mock.get("/api/sessions/current").mock(return_value=err(401, "INVALID_TOKEN"))
    client = make()
    client.set_tokens(tokens(expires_in=0 if trigger == "expired" else 900))
    with pytest.raises(AuthError) as info:
        await call(client.sessions.get_current_session)
    assert isinstance(info.value, paywire.AuthenticationError)
    assert info.value.error_code == code and "signed out" in str(info.value)
    assert client.get_tokens() is None
    assert current.call_count == (0 if trigger == "expired" else 1)
    with pytest.raises(NotSignedInError):
        await call(client.sessions.get_current_session)


@pytest.mark.parametrize("failure", [err(503, "SERVER_ERROR"), httpx.ConnectError("refused")], ids=["503", "connect"])
async def test_transient_refresh_failure_keeps_the_tokens(make: Any, mock: respx.MockRouter, failure: Any) -> None:
    mock.post("/api/auth/refresh").mock(side_effect=[failure])
    client = make(max_retries=0)
    client.set_tokens(tokens(expires_in=0))
    with pytest.raises((paywire.InternalServerError, paywire.APIConnectionError)):
        await call(client.sessions.get_current_session)
    assert client.get_tokens().access_token == ACCESS  # still signed in: nothing was rejected


async def test_expired_token_without_refresh_token(make: Any, mock: respx.MockRouter) -> None:
    anything = mock.route().mock(return_value=ok({}))
    client = make()
    client.set_tokens(tokens(refresh=None, expires_in=0))
    with pytest.raises(NotSignedInError, match="no refresh token"):
        await call(client.sessions.get_current_session)
    assert anything.call_count == 0 and client.get_tokens() is None


async def test_refresh_keeps_the_base_url_prefix(flavour: str) -> None:
    with respx.mock(base_url="http://127.0.0.1:8080/spaps", assert_all_called=False) as router:
        refresh = router.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
        router.get("/api/auth/user").mock(return_value=ok({"user": USER}))
        client = FLAVOURS[flavour](base_url="http://127.0.0.1:8080/spaps", api_key=API_KEY)
        client.set_tokens(tokens(expires_in=0))
        await call(client.auth.get_current_user)
        assert refresh.call_count == 1
        assert refresh.calls[0].request.url.path == "/spaps/api/auth/refresh"
        await aclose(client)


async def test_manual_token_helpers(make: Any) -> None:
    client = make()
    assert client.get_tokens() is None and client.auth.get_stored_tokens() is None
    stored = client.set_tokens(access_token="acc_manual_123456", refresh_token="ref_manual_123456", expires_in=60)
    assert client.get_tokens() == stored and client.token_store is client.token_storage
    assert stored.expires_at is not None and not stored.expired()
    client.auth.clear_stored_tokens()
    assert client.get_tokens() is None
    client.set_tokens(stored)
    client.clear_tokens()
    assert client.get_tokens() is None


def test_stored_tokens_expiry() -> None:
    now = time.time()
    fresh = StoredTokens("acc_1234567", "ref_1234567", dt.datetime.fromtimestamp(now + 600, dt.UTC))
    assert not fresh.expired(now) and fresh.expired(now + 600 - EXPIRY_SKEW + 0.01)
    assert not fresh.expired(now + 600 - EXPIRY_SKEW - 0.01)
    assert not StoredTokens("acc_1234567").expired()  # unknown expiry: rely on the server's 401
    assert StoredTokens.from_dict(fresh.to_dict()) == fresh


# --- single flight ------------------------------------------------------------------------------------
class FakeAuthServer(SlowRefreshServer):
    """Just enough SPAPS for refresh races: rotating single-use refresh tokens (a reused one is
    rejected) and one current access token; counts refreshes."""

    def __init__(self, access: str = ACCESS, refresh: str = REFRESH, delay: float = 0.05) -> None:
        super().__init__(delay)
        self.access = access
        self.refresh = refresh
        self.refreshes = 0
        self.reused = 0
        self.generation = 0
        self.lock = threading.Lock()

    def refresh_answer(self, request: httpx.Request) -> httpx.Response:
        presented = json.loads(request.content)["refresh_token"]
        with self.lock:
            if presented != self.refresh:
                self.reused += 1
                return err(401, "INVALID_REFRESH")
            self.refreshes += 1
            self.generation += 1
            self.access = f"acc_gen_{self.generation}_abcdef"
            self.refresh = f"ref_gen_{self.generation}_abcdef"
            return ok(token_pair(self.access, self.refresh))

    def resource(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") != f"Bearer {self.access}":
            return err(401, "INVALID_TOKEN")
        return ok({"session": {"id": "sess_1"}})

    def expire(self) -> None:
        """The server stops accepting the current access token (as if it expired)."""
        self.access = "acc_revoked_nobody_has_it"


async def _burst(client: Any, n: int) -> list[Any]:
    """What n concurrent callers got (tasks or threads); the first error, raised, if any failed."""
    outcomes = await burst(client, n)
    errors = [r for r in outcomes if isinstance(r, BaseException)]
    if errors:
        raise errors[0]
    return outcomes


@pytest.mark.parametrize("trigger", ["expired-by-clock", "rejected-401"])
async def test_twenty_concurrent_callers_refresh_once(make: Any, flavour: str, trigger: str) -> None:
    server = FakeAuthServer()
    client = make(transport=server.transport(flavour))
    if trigger == "expired-by-clock":
        client.set_tokens(tokens(expires_in=0))
    else:
        client.set_tokens(tokens())
        server.expire()
    results = await _burst(client, 20)
    assert len(results) == 20 and all(r.session_id == "sess_1" for r in results)
    assert server.refreshes == 1 and server.reused == 0
    assert client.token_manager.refresh_count == 1
    assert client.get_tokens().access_token == server.access


async def test_clients_sharing_a_file_store_adopt_each_others_refresh(flavour: str, tmp_path: Path) -> None:
    """Reload before refresh: client B saw the old token, got 401, and under the lock finds that
    client A already rotated the tokens in the shared file; B adopts them and never presents
    the used refresh token."""
    server = FakeAuthServer(delay=0)
    path = tmp_path / "tokens.json"
    a = FLAVOURS["sync"](base_url=BASE_URL, api_key=API_KEY, token_store=FileTokenStore(path),
                         transport=server.transport("sync"))
    a.set_tokens(tokens())
    b_transport_calls: list[str] = []

    def b_sync(request: httpx.Request) -> httpx.Response:
        b_transport_calls.append(request.url.path)
        if request.headers.get("authorization") == f"Bearer {ACCESS}" and server.generation == 0:
            server.expire()
            a.sessions.get_current_session()  # A: 401 -> refresh -> file now holds generation 1
            return err(401, "INVALID_TOKEN")
        return server.sync_handler(request)

    async def b_async(request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") == f"Bearer {ACCESS}" and server.generation == 0:
            await asyncio.to_thread(b_sync, request)
            return err(401, "INVALID_TOKEN")
        b_transport_calls.append(request.url.path)
        return server.sync_handler(request)

    b = FLAVOURS[flavour](base_url=BASE_URL, api_key=API_KEY, token_store=FileTokenStore(path),
                          transport=httpx.MockTransport(b_sync if flavour == "sync" else b_async))
    assert (await call(b.sessions.get_current_session)).session_id == "sess_1"
    assert server.refreshes == 1 and server.reused == 0
    assert not any(p.endswith("/auth/refresh") for p in b_transport_calls)
    assert b.token_manager.refresh_count == 0 and a.token_manager.refresh_count == 1
    a.close()
    await aclose(b)


class RecordingStore:
    """A custom store (the documented protocol) with a cross-process lock of its own."""

    def __init__(self) -> None:
        self.tokens: StoredTokens | None = None
        self.locked = 0
        self.saves = 0

    def load(self) -> StoredTokens | None:
        return self.tokens

    def save(self, tokens: StoredTokens) -> None:
        self.saves += 1
        self.tokens = tokens

    def clear(self) -> None:
        self.tokens = None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        self.locked += 1
        yield


async def test_custom_store_protocol_and_lock(make: Any, mock: respx.MockRouter) -> None:
    store = RecordingStore()
    assert isinstance(store, TokenStore) and isinstance(store, LockingTokenStore)
    assert isinstance(InMemoryTokenStore(), TokenStore) and not isinstance(InMemoryTokenStore(), LockingTokenStore)
    mock.post("/api/auth/refresh").mock(return_value=ok(token_pair()))
    mock.get("/api/sessions/current").mock(return_value=ok({"session": {"id": "s1"}}))
    client = make(token_store=store)
    client.set_tokens(tokens(expires_in=0))
    await call(client.sessions.get_current_session)
    assert store.tokens is not None and store.tokens.access_token == NEW_ACCESS
    assert store.locked >= 2 and store.saves == 2  # set_tokens + the refresh, each under the lock

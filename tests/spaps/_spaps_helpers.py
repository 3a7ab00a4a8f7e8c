"""Helpers shared by the SPAPS tests (kept out of conftest so test modules can import them)."""

from __future__ import annotations

import abc
import asyncio
import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from _support.concurrency import run_threads
from _support.flavours import aclose, body_of, call, collect  # noqa: F401  (re-exported)

from paywire.sandbox.spaps import ACCESS_TOKEN_TTL, DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD
from paywire.spaps import AsyncSpapsClient, SpapsClient, StoredTokens

BASE_URL = "http://localhost:3300"
API_KEY = "spaps_test_key_5a4b3c2d1e0f"
ACCESS = "acc_tok_0123456789abcdef"
REFRESH = "ref_tok_fedcba9876543210"
NEW_ACCESS = "acc_tok_new_aaaaaaaaaaaa"
NEW_REFRESH = "ref_tok_new_bbbbbbbbbbbb"
PASSWORD = "Sup3rSecret-pw!"
FLAVOURS: dict[str, type[Any]] = {"sync": SpapsClient, "async": AsyncSpapsClient}
SEED_VERSION = "2025-11"  # the seed-era contract (spaps 0.1.4)
TODAY_VERSION = "2026-10"  # today's server, the default
#: each pinned contract -> the sandbox app serving it
PROFILES = {SEED_VERSION: "spaps", TODAY_VERSION: "spaps-2026-10"}


def tokens(access: str = ACCESS, refresh: str | None = REFRESH, expires_in: float = 900.0) -> StoredTokens:
    expires_at = dt.datetime.fromtimestamp(time.time() + expires_in, dt.UTC)
    return StoredTokens(access, refresh, expires_at, "Bearer")


def ok(data: Any = None, *, status: int = 200, headers: dict[str, str] | None = None, **top: Any) -> httpx.Response:
    body: dict[str, Any] = {"success": True, **top}
    if data is not None:
        body["data"] = data
    return httpx.Response(status, json=body, headers=headers)


def err(status: int, code: str, message: str = "nope", *, request_id: str | None = None,
        header_request_id: str | None = None, success: bool = True) -> httpx.Response:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if success:
        body["success"] = False
    if request_id:
        body["metadata"] = {"request_id": request_id}
    headers = {"X-Request-ID": header_request_id} if header_request_id else None
    return httpx.Response(status, json=body, headers=headers)


def token_pair(access: str = NEW_ACCESS, refresh: str = NEW_REFRESH, expires_in: int = 900,
               user: dict[str, Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"access_token": access, "refresh_token": refresh, "expires_in": expires_in,
                            "token_type": "Bearer"}
    if user is not None:
        data["user"] = user
    return data


async def signed_in_and_expired(connect: Callable[..., Any], sandbox: Any, **kwargs: Any) -> Any:
    """A client from ``connect(**kwargs)``, signed in as the sandbox's seeded user, whose access
    token has then expired on the sandbox clock (which its token manager reads too, so server and
    client agree): its next user call refreshes."""
    client = connect(**kwargs)
    await call(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL, password=DEFAULT_USER_PASSWORD)
    sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    client.token_manager.clock = sandbox.clock.now
    return client


async def burst(client: Any, n: int) -> list[Any]:
    """``n`` concurrent ``sessions.get_current_session()`` callers (tasks on an async client;
    threads released together by a barrier on a sync one): what each got, or what it raised."""
    if client._is_async:
        return list(await asyncio.gather(*(client.sessions.get_current_session() for _ in range(n)),
                                         return_exceptions=True))
    barrier = threading.Barrier(n)
    outcomes: list[Any] = []

    def caller() -> None:
        barrier.wait()
        try:
            outcomes.append(client.sessions.get_current_session())
        except BaseException as exc:
            outcomes.append(exc)

    run_threads([caller] * n)
    return outcomes


def token_file(path: Path, content: str) -> Path:
    """``path`` holding ``content``, readable by its owner only (as FileTokenStore wants it)."""
    path.write_text(content)
    path.chmod(0o600)
    return path


class SlowRefreshServer(abc.ABC):
    """A SPAPS stand-in behind ``httpx.MockTransport`` whose refresh answer takes ``delay``
    seconds, waited the flavour's way (``time.sleep`` in the sync transport, ``asyncio.sleep``
    in the async one). Subclasses say what happens: ``refresh_started`` before the wait,
    ``refresh_answer`` after it, ``resource`` for every other call."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def refresh_started(self, request: httpx.Request) -> None:  # a hook: optional by design
        return None

    @abc.abstractmethod
    def refresh_answer(self, request: httpx.Request) -> httpx.Response: ...

    @abc.abstractmethod
    def resource(self, request: httpx.Request) -> httpx.Response: ...

    def sync_handler(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/auth/refresh"):
            return self.resource(request)
        self.refresh_started(request)
        time.sleep(self.delay)
        return self.refresh_answer(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/auth/refresh"):
            return self.resource(request)
        self.refresh_started(request)
        await asyncio.sleep(self.delay)
        return self.refresh_answer(request)

    def transport(self, flavour: str) -> httpx.MockTransport:
        return httpx.MockTransport(self.sync_handler if flavour == "sync" else self.async_handler)

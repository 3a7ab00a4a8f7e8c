"""Issue #13.5 and #13.10: the file token store under another process's lock, and hostile files.

* #13.5: an async client waiting for another *process's* ``FileTokenStore`` lock (sign-in save,
  refresh) keeps its event loop running; measured with a ticker task. Sync clients wait and
  then succeed. Real sandbox, real second process, both contracts.
* #13.10: a symlinked or group/world-writable parent directory is refused, and corrupt values
  (``expires_at`` 1e300 / NaN / inf, absurd nesting) are a ``TokenStoreError``, never an
  ``OverflowError`` / ``ValueError`` / ``RecursionError``; an absurd ``expires_in`` from the
  server means "expiry unknown".
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import ACCESS, PROFILES, REFRESH, call, ok, token_file, token_pair

from paywire.sandbox.spaps import ACCESS_TOKEN_TTL, DEFAULT_API_KEY, DEFAULT_USER_EMAIL, DEFAULT_USER_PASSWORD
from paywire.spaps import FileTokenStore, StoredTokens
from paywire.spaps.errors import SpapsResponseValidationError, TokenStoreError

HOLD = 1.0  # seconds the other process holds the lock


@contextmanager
def lock_held_by_another_process(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    code = ("import filelock, sys, time\n"
            "lock = filelock.FileLock(sys.argv[1]); lock.acquire()\n"
            "print('held', flush=True); time.sleep(float(sys.argv[2])); lock.release()\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path) + ".lock", str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.wait(timeout=30)


class LoopWatch:
    """Largest gap between ticks of a 10 ms ticker task: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.max_gap = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            self.max_gap = max(self.max_gap, now - last)
            last = now

    async def __aenter__(self) -> LoopWatch:
        self._task = asyncio.create_task(self._tick())
        await asyncio.sleep(0.02)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def test_waiting_for_another_processes_lock(make: Any, flavour: str, version: str, paywire_sandbox: Any,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "spaps" / "tokens.json"
    client = make(base_url=paywire_sandbox.base_url(PROFILES[version]), api_key=DEFAULT_API_KEY,
                  api_version=version, token_store=FileTokenStore(path))
    client.token_manager.clock = paywire_sandbox.clock.now
    path.parent.mkdir(mode=0o700)

    async def timed(fn: Callable[..., Any], **kwargs: Any) -> tuple[float, float]:
        """(seconds the call took, longest event-loop stall meanwhile)"""
        with lock_held_by_another_process(path, HOLD):
            started = time.monotonic()
            if client._is_async:
                async with LoopWatch() as watch:
                    await fn(**kwargs)
                return time.monotonic() - started, watch.max_gap
            fn(**kwargs)
            return time.monotonic() - started, 0.0

    # sign-in: saving the tokens waits for the lock
    took, stall = await timed(client.auth.sign_in_with_password, email=DEFAULT_USER_EMAIL,
                              password=DEFAULT_USER_PASSWORD)
    assert took >= HOLD * 0.5 and client.get_tokens() is not None
    assert stall < HOLD / 2, f"event loop blocked {stall:.2f} s"
    # refresh: the leader waits for the lock, then re-reads the file and refreshes
    paywire_sandbox.clock.advance(ACCESS_TOKEN_TTL + 1)
    before = client.get_tokens()
    took, stall = await timed(client.sessions.get_current_session)
    assert took >= HOLD * 0.5 and client.get_tokens().access_token != before.access_token
    assert stall < HOLD / 2, f"event loop blocked {stall:.2f} s"


async def test_async_lock_wait_gives_up_with_a_typed_error(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json", lock_timeout=0.2)
    store.save(StoredTokens(ACCESS, REFRESH))
    from paywire.spaps.tokens import TokenManager

    manager = TokenManager(store)
    with lock_held_by_another_process(store.path, 1.0):
        async with LoopWatch() as watch:
            with pytest.raises(TokenStoreError, match="lock"):
                await manager.acquire_process_lock_async()
    assert watch.max_gap < 0.25


# --- #13.10: the parent directory ----------------------------------------------------------------------
def _valid_file(path: Path) -> None:
    token_file(path, json.dumps({"access_token": ACCESS, "refresh_token": REFRESH, "expires_at": None}))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o770, 0o777, 0o720, 0o702, 0o1777])
def test_refuses_a_directory_others_can_write(tmp_path: Path, mode: int) -> None:
    directory = tmp_path / "spaps"
    directory.mkdir(mode=0o700)
    _valid_file(directory / "tokens.json")
    directory.chmod(mode)
    store = FileTokenStore(directory / "tokens.json")
    for action in (store.load, lambda: store.save(StoredTokens(ACCESS, REFRESH)), store.clear):
        with pytest.raises(TokenStoreError, match="writable by other users") as info:
            action()
        assert ACCESS not in str(info.value) and "chmod 700" in str(info.value)


def test_refuses_a_symlinked_directory(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    _valid_file(real / "tokens.json")
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    store = FileTokenStore(tmp_path / "link" / "tokens.json")
    for action in (store.load, lambda: store.save(StoredTokens(ACCESS, REFRESH))):
        with pytest.raises(TokenStoreError, match="symlink"):
            action()
    assert json.loads((real / "tokens.json").read_text())["access_token"] == ACCESS  # untouched


# --- #13.10: corrupt values --------------------------------------------------------------------------
A = f'{{"access_token": "{ACCESS}"'
CORRUPT = {
    "expires_at 1e300": A + ', "expires_at": 1e300}',
    "expires_at -1e300": A + ', "expires_at": -1e300}',
    "expires_at NaN": A + ', "expires_at": NaN}',
    "expires_at Infinity": A + ', "expires_at": Infinity}',
    "expires_at huge int": A + f', "expires_at": {10**30}}}',
    "expires_at year 0": A + ', "expires_at": "0000-01-01T00:00:00Z"}',
    "deep nesting": A + ', "x": ' + "[" * 200_000 + "]" * 200_000 + "}",
    "deep object": A + ', "x": ' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}",
}


@pytest.mark.parametrize("content", list(CORRUPT.values()), ids=list(CORRUPT))
def test_corrupt_values_are_a_token_store_error(tmp_path: Path, content: str) -> None:
    path = token_file(tmp_path / "tokens.json", content)
    with pytest.raises(TokenStoreError) as info:
        FileTokenStore(path).load()
    assert ACCESS not in str(info.value)


@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("name", ["expires_at 1e300", "expires_at NaN", "deep nesting"])
async def test_clients_report_a_corrupt_file_before_any_request(make: Any, mock: respx.MockRouter, tmp_path: Path,
                                                               api_version: str, name: str) -> None:
    path = token_file(tmp_path / "tokens.json", CORRUPT[name])
    anything = mock.route().mock(return_value=ok({}))
    client = make(api_version=api_version, token_store=FileTokenStore(path))
    with pytest.raises(TokenStoreError):
        await call(client.sessions.get_current_session)
    assert anything.call_count == 0


@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("expires_in", [10**30, 10**400])
async def test_absurd_expires_in_from_the_server_means_unknown(make: Any, mock: respx.MockRouter, api_version: str,
                                                               expires_in: int, tmp_path: Path) -> None:
    """An integer (as the spec says) too large for a datetime: expiry unknown, tokens kept."""
    pair = {**token_pair(), "expires_in": expires_in}
    mock.post("/api/auth/refresh").mock(return_value=httpx.Response(
        200, content=json.dumps({"success": True, "data": pair}).encode(),
        headers={"content-type": "application/json"}))
    client = make(api_version=api_version, token_store=FileTokenStore(tmp_path / "tokens.json"))
    client.set_tokens(StoredTokens(ACCESS, REFRESH))
    await call(client.auth.refresh_tokens)
    stored = client.get_tokens()
    assert stored.access_token == pair["access_token"] and stored.expires_at is None


@pytest.mark.parametrize("api_version", sorted(PROFILES))
@pytest.mark.parametrize("expires_in", ["1e300", "Infinity", "NaN"])
async def test_non_integer_expires_in_is_a_malformed_answer(make: Any, mock: respx.MockRouter, api_version: str,
                                                            expires_in: str, tmp_path: Path) -> None:
    """A float or a non-JSON number literal where the spec says integer is a malformed answer
    (#13.6): a typed error, and the stored tokens stay as they were."""
    pair = {**token_pair(), "expires_in": 0}
    raw = json.dumps({"success": True, "data": pair}).replace('"expires_in": 0', f'"expires_in": {expires_in}')
    mock.post("/api/auth/refresh").mock(return_value=httpx.Response(
        200, content=raw.encode(), headers={"content-type": "application/json"}))
    client = make(api_version=api_version, token_store=FileTokenStore(tmp_path / "tokens.json"))
    client.set_tokens(StoredTokens(ACCESS, REFRESH))
    with pytest.raises(SpapsResponseValidationError):
        await call(client.auth.refresh_tokens)
    assert client.get_tokens().access_token == ACCESS
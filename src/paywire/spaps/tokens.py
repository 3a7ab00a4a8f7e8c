"""SPAPS token persistence and automatic refresh.

Sign-in results (password, magic link, wallet, register with auto-login, refresh) are saved
in a :class:`TokenStore`; user-scoped calls read the access token from it through
:class:`SpapsAuth`, an ``httpx.Auth`` on the client's own httpx client.

Stores
    :class:`InMemoryTokenStore` (the default) keeps tokens for the life of the process.
    :class:`FileTokenStore` keeps them in a JSON file (default
    ``platformdirs.user_config_path("paywire") / "spaps" / "tokens.json"``, the 0.1.4
    ``{access_token, refresh_token, expires_at, token_type}`` format): written atomically
    (temp file in the same directory, ``fsync``, ``os.replace``, directory ``fsync``) with mode
    0600 in a 0700 directory; a symlinked, non-regular, foreign-owned or group/world-accessible
    file is refused (:class:`~paywire.spaps.errors.TokenStoreError`), never read; writers and
    refreshers hold a cross-process ``filelock`` on ``tokens.json.lock``.
    Anything else (OS keyring, Redis, a database row) plugs in through the
    :class:`TokenStore` protocol: ``load() -> StoredTokens | None``, ``save(tokens)``,
    ``clear()``, and optionally ``lock()`` returning a context manager that excludes other
    processes (a Redis lock, say) while a refresh is in flight.

Refresh (why it looks like this: shared/reference/runtime-anchors.md §2.2 and the Anthropic
credentials cache in anchor-sdks.md)
    * Before a user-scoped request the stored access token is checked against ``expires_at``
      minus :data:`EXPIRY_SKEW` seconds; an expired token is refreshed first. A request whose
      token the server rejects with 401 is refreshed and re-sent **once**.
    * Single flight: refreshing takes this client's ``threading.Lock`` (sync) or
      ``asyncio.Lock`` (async, one per event loop) and then the store's cross-process lock;
      under the locks the store is read again, and if another thread, task or process already
      rotated the tokens they are adopted without a second refresh. So twenty threads (or
      tasks, or processes sharing a ``FileTokenStore``) hitting an expired token produce one
      ``POST /api/auth/refresh``, and nobody ever presents an already-rotated refresh token
      (SPAPS refresh tokens are single use; reuse revokes the session).
    * A refresh the server *rejects* (400/401/403, e.g. ``INVALID_REFRESH``) clears the store
      and raises an :class:`~paywire.spaps.errors.AuthError` that is also a
      ``paywire.AuthenticationError``. A refresh that could not be done (transport error, 429,
      5xx) keeps the stored tokens (a transient failure must not sign the user out) and raises
      that error.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import stat
import tempfile
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Iterator
from contextlib import AbstractContextManager as ContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import httpx

from paywire._core import make_status_error, register_secret
from paywire.spaps.errors import AUTH_ERRORS, NotSignedInError, TokenStoreError

#: seconds before ``expires_at`` at which a stored access token counts as expired
EXPIRY_SKEW = 30.0
#: request extension naming how a request authenticates: "none", "key", "bearer", "optional"
AUTH_EXTENSION = "paywire_spaps_auth"
REFRESH_PATH = "/api/auth/refresh"


# --- stored tokens ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredTokens:
    """What a store keeps. ``expires_at`` is an aware UTC datetime (None: unknown)."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: dt.datetime | None = None
    token_type: str = "Bearer"

    def __post_init__(self) -> None:
        register_secret(self.access_token)
        register_secret(self.refresh_token)

    def expired(self, now: float | None = None, skew: float = EXPIRY_SKEW) -> bool:
        if self.expires_at is None:
            return False
        current = time.time() if now is None else now
        return self.expires_at.timestamp() - skew <= current

    def to_dict(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": None if self.expires_at is None else self.expires_at.isoformat().replace("+00:00", "Z"),
            "token_type": self.token_type,
        }

    @classmethod
    def from_dict(cls, data: Any) -> StoredTokens:
        if not isinstance(data, dict):
            raise TokenStoreError("stored tokens are not a JSON object")
        access = data.get("access_token")
        refresh = data.get("refresh_token")
        expires = data.get("expires_at")
        token_type = data.get("token_type") or "Bearer"
        if not isinstance(access, str) or not access:
            raise TokenStoreError("stored tokens have no access_token")
        if refresh is not None and not isinstance(refresh, str):
            raise TokenStoreError("stored refresh_token is not a string")
        if not isinstance(token_type, str):
            raise TokenStoreError("stored token_type is not a string")
        return cls(access, refresh or None, _parse_expiry(expires), token_type)

    @classmethod
    def from_expires_in(cls, access_token: str, refresh_token: str | None, expires_in: Any,
                        token_type: str | None = None, *, now: float | None = None) -> StoredTokens:
        expires_at = None
        if isinstance(expires_in, (int, float)) and not isinstance(expires_in, bool) and expires_in > 0:
            current = time.time() if now is None else now
            expires_at = dt.datetime.fromtimestamp(current + float(expires_in), dt.UTC)
        return cls(access_token, refresh_token, expires_at, token_type or "Bearer")


def _parse_expiry(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(float(value), dt.UTC)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise TokenStoreError("stored expires_at is not an ISO-8601 time") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise TokenStoreError("stored expires_at is not a time")


# --- the store protocol and two stores ----------------------------------------------------------
@runtime_checkable
class TokenStore(Protocol):
    """Where SPAPS tokens live between calls (and processes).

    Implement ``load``/``save``/``clear``; all three may be called from several threads.
    ``load`` is called before every user-scoped request, so make it cheap (cache and check a
    version/mtime). Add a ``lock()`` method (see :class:`LockingTokenStore`) when several
    processes share the store, so that only one of them refreshes at a time.

    Example, an OS keyring::

        class KeyringTokenStore:
            def load(self) -> StoredTokens | None:
                raw = keyring.get_password("myapp", "spaps")
                return None if raw is None else StoredTokens.from_dict(json.loads(raw))
            def save(self, tokens: StoredTokens) -> None:
                keyring.set_password("myapp", "spaps", json.dumps(tokens.to_dict()))
            def clear(self) -> None:
                with contextlib.suppress(keyring.errors.PasswordDeleteError):
                    keyring.delete_password("myapp", "spaps")
    """

    def load(self) -> StoredTokens | None: ...

    def save(self, tokens: StoredTokens) -> None: ...

    def clear(self) -> None: ...


@runtime_checkable
class LockingTokenStore(TokenStore, Protocol):
    """A store shared between processes: ``lock()`` excludes the others while held."""

    def lock(self) -> ContextManager[Any]: ...


class InMemoryTokenStore:
    """The default store: tokens live as long as the client (or this object)."""

    def __init__(self, tokens: StoredTokens | None = None) -> None:
        self._tokens = tokens

    def load(self) -> StoredTokens | None:
        return self._tokens

    def save(self, tokens: StoredTokens) -> None:
        self._tokens = tokens

    def clear(self) -> None:
        self._tokens = None

    def __repr__(self) -> str:
        return f"InMemoryTokenStore(has_tokens={self._tokens is not None})"


def default_token_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_path("paywire", appauthor=False)) / "spaps" / "tokens.json"


_POSIX = os.name == "posix"


class FileTokenStore:
    """Tokens in a JSON file, safe for several processes (see the module docstring).

    ``path`` defaults to :func:`default_token_path`; ``lock_timeout`` bounds the wait for
    another process's lock (``filelock.Timeout`` after that). A 0.1.4 ``tokens.json``
    (``~/.config/spaps/tokens.json``) can be used as is: ``FileTokenStore(that_path)``.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, lock_timeout: float = 10.0) -> None:
        import filelock

        self.path = Path(path).expanduser() if path is not None else default_token_path()
        self._lock = filelock.FileLock(str(self.path) + ".lock", timeout=lock_timeout, mode=0o600)
        self._cache_key: tuple[int, ...] | None = None
        self._cache: StoredTokens | None = None
        self._mutex = threading.Lock()

    # -- reading --------------------------------------------------------------------------------
    def load(self) -> StoredTokens | None:
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            with self._mutex:
                self._cache_key, self._cache = None, None
            return None
        self._check(info)
        key = (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)
        with self._mutex:
            if key == self._cache_key:
                return self._cache
        tokens = self._read()
        with self._mutex:
            self._cache_key, self._cache = key, tokens
        return tokens

    def _check(self, info: os.stat_result) -> None:
        if stat.S_ISLNK(info.st_mode):
            raise TokenStoreError(f"refusing to use token file {self.path}: it is a symlink")
        if not stat.S_ISREG(info.st_mode):
            raise TokenStoreError(f"refusing to use token file {self.path}: not a regular file")
        if _POSIX:
            if info.st_uid != os.getuid():
                raise TokenStoreError(f"refusing to use token file {self.path}: owned by another user")
            if info.st_mode & 0o077:
                raise TokenStoreError(
                    f"refusing to use token file {self.path}: readable or writable by other users "
                    f"(mode {stat.S_IMODE(info.st_mode):o}); run: chmod 600 '{self.path}'")

    def _read(self) -> StoredTokens | None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags)
        except FileNotFoundError:
            return None
        except OSError as exc:  # ELOOP: swapped for a symlink after the lstat
            raise TokenStoreError(f"cannot open token file {self.path}: {exc.strerror}") from None
        with os.fdopen(fd, "rb") as fh:
            self._check(os.fstat(fh.fileno()))
            raw = fh.read(1 << 20)
        if not raw.strip():
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            raise TokenStoreError(f"token file {self.path} is not valid JSON") from None
        return StoredTokens.from_dict(data)

    # -- writing ----------------------------------------------------------------------------------
    def save(self, tokens: StoredTokens) -> None:
        payload = json.dumps(tokens.to_dict(), separators=(",", ":")).encode()
        with self.lock():
            directory = self._ensure_dir()
            with contextlib.suppress(FileNotFoundError):
                self._check(os.lstat(self.path))
            fd, tmp = tempfile.mkstemp(prefix=".tokens.", suffix=".tmp", dir=directory)
            try:
                if _POSIX:
                    os.fchmod(fd, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            _fsync_dir(directory)
            with self._mutex:
                self._cache_key, self._cache = None, None

    def clear(self) -> None:
        with self.lock():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            with self._mutex:
                self._cache_key, self._cache = None, None

    def lock(self) -> ContextManager[Any]:
        """The cross-process lock (re-entrant within one thread)."""
        self._ensure_dir()
        return self._lock

    def _ensure_dir(self) -> Path:
        directory = self.path.parent
        if not directory.exists():
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        return directory

    def __repr__(self) -> str:
        return f"FileTokenStore(path={str(self.path)!r})"


def _fsync_dir(directory: Path) -> None:
    if not _POSIX:
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- the manager: one per client --------------------------------------------------------------------
class TokenManager:
    """The client's view of its store, plus the locks that make refresh single-flight."""

    def __init__(self, store: TokenStore, *, clock: Callable[[], float] = time.time,
                 skew: float = EXPIRY_SKEW) -> None:
        self.store = store
        self.clock = clock
        self.skew = skew
        self.thread_lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary())
        #: how many refresh requests this manager has sent (observability, tests)
        self.refresh_count = 0

    def current(self) -> StoredTokens | None:
        return self.store.load()

    def require(self) -> StoredTokens:
        tokens = self.store.load()
        if tokens is None:
            raise NotSignedInError(
                "no SPAPS access token stored: sign in first (e.g. spaps.auth.sign_in_with_password(...)) "
                "or pass a token_store that holds tokens")
        return tokens

    def expired(self, tokens: StoredTokens) -> bool:
        return tokens.expired(self.clock(), self.skew)

    def save(self, tokens: StoredTokens) -> None:
        # No thread lock here: this also runs inside async flows, where blocking on a lock held
        # by a refreshing task of the same event loop would deadlock. Stores are thread-safe.
        with self.process_lock():
            self.store.save(tokens)

    def clear(self) -> None:
        with self.process_lock():
            self.store.clear()

    def process_lock(self) -> ContextManager[Any]:
        if isinstance(self.store, LockingTokenStore):
            return self.store.lock()
        return contextlib.nullcontext()

    def async_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks[loop] = asyncio.Lock()
        return lock

    @contextlib.contextmanager
    def sync_guard(self) -> Iterator[None]:
        with self.thread_lock, self.process_lock():
            yield

    @contextlib.asynccontextmanager
    async def async_guard(self) -> AsyncGenerator[None, None]:
        # asyncio.Lock for the tasks of this loop, then the store's cross-process lock.
        async with self.async_lock():
            with self.process_lock():
                yield


# --- the httpx.Auth ---------------------------------------------------------------------------------
class _Lock:
    """Plan step: take (``acquire=True``) or release the refresh locks."""

    __slots__ = ("acquire",)

    def __init__(self, acquire: bool) -> None:
        self.acquire = acquire


LOCK = _Lock(True)
UNLOCK = _Lock(False)
Step = httpx.Request | _Lock
Plan = Generator[Step, httpx.Response | None, None]


class SpapsAuth(httpx.Auth):
    """Adds ``X-API-Key`` and, where the operation needs it, the stored bearer token.

    Each request says how it authenticates in its ``paywire_spaps_auth`` extension: ``"none"``
    (health/metrics: no headers at all), ``"key"`` (the default), ``"bearer"`` (key + stored
    access token; refreshed when expired or rejected) or ``"optional"`` (key, plus the bearer
    when one is stored: secure messages). The logic is one generator (:meth:`_plan`); the sync
    and async flows only differ in the locks they take and how they read bodies.
    """

    def __init__(self, api_key: str, tokens: TokenManager, on_refreshed: Callable[[], None] | None = None) -> None:
        self._api_key = api_key
        self._tokens = tokens
        self._on_refreshed = on_refreshed

    def __repr__(self) -> str:
        return "SpapsAuth()"

    # -- the one source of the logic --------------------------------------------------------------
    def _plan(self, request: httpx.Request) -> Plan:
        mode = request.extensions.get(AUTH_EXTENSION, "key")
        if mode == "none":
            yield request
            return
        request.headers["X-API-Key"] = self._api_key
        if mode not in ("bearer", "optional"):
            yield request
            return
        tm = self._tokens
        tokens = tm.current()
        if tokens is None:
            if mode == "optional":
                yield request
                return
            tokens = tm.require()  # raises NotSignedInError: nothing is sent
        if tm.expired(tokens):
            tokens = yield from self._refresh(request, tokens)
        request.headers["Authorization"] = f"{_scheme(tokens)} {tokens.access_token}"
        response = yield request
        if response is None or response.status_code != 401 or request.url.path.endswith(REFRESH_PATH):
            return
        tokens = yield from self._refresh(request, tokens)
        request.headers["Authorization"] = f"{_scheme(tokens)} {tokens.access_token}"
        yield request

    def _refresh(self, request: httpx.Request, stale: StoredTokens) -> Generator[Step, httpx.Response | None, StoredTokens]:
        tm = self._tokens
        yield LOCK  # the driver releases it too if anything below raises
        current = tm.require()  # read again under the locks
        if current.access_token != stale.access_token and not tm.expired(current):
            yield UNLOCK
            return current  # another thread, task or process refreshed already: adopt it
        if not current.refresh_token:
            tm.store.clear()
            raise NotSignedInError("the stored SPAPS access token expired and there is no refresh token: sign in again")
        response = yield self._refresh_request(request, current.refresh_token)
        tm.refresh_count += 1
        assert response is not None
        fresh = self._apply(response, current)
        yield UNLOCK
        return fresh

    def _refresh_request(self, original: httpx.Request, refresh_token: str) -> httpx.Request:
        # From the *encoded* path: url.path is decoded, and re-encoding it would turn a %2F in a
        # base-URL prefix into a separator (the same class of bug as ids, see _core.paths).
        raw = original.url.raw_path.split(b"?", 1)[0].decode("ascii")
        url = original.url.copy_with(raw_path=_refresh_path(raw).encode("ascii"))
        headers = {"X-API-Key": self._api_key, "Content-Type": "application/json", "Accept": "application/json"}
        ua = original.headers.get("User-Agent")
        if ua:
            headers["User-Agent"] = ua
        body = json.dumps({"refresh_token": refresh_token}).encode()
        extensions = {k: v for k, v in original.extensions.items() if k == "timeout"}
        return httpx.Request("POST", url, headers=headers, content=body, extensions=extensions)

    def _apply(self, response: httpx.Response, used: StoredTokens) -> StoredTokens:
        tm = self._tokens
        status = response.status_code
        if status >= 400:
            if status in (400, 401, 403):
                tm.store.clear()
                cls = AUTH_ERRORS.classify(401)
                err = make_status_error(response, AUTH_ERRORS)
                raise cls(f"token refresh rejected, signed out: {err.message}", response=response, body=err.body,
                          code=err.code, request_id=err.request_id)
            raise make_status_error(response, AUTH_ERRORS)
        tokens = tokens_from_refresh(response, used, clock=tm.clock)
        tm.store.save(tokens)
        if self._on_refreshed is not None:
            self._on_refreshed()
        return tokens

    # -- drivers: the I/O and the locks; the stepping is _PlanRun's ---------------------------------
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        run = _PlanRun(self._plan(request))
        with run, contextlib.ExitStack() as held:
            while (step := run.next_step()) is not None:
                if isinstance(step, _Lock):
                    if step.acquire:
                        held.enter_context(self._tokens.sync_guard())
                    else:
                        held.close()
                    continue
                response = yield step
                response.read()
                run.got(response)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        run = _PlanRun(self._plan(request))
        async with contextlib.AsyncExitStack() as held:
            with run:
                while (step := run.next_step()) is not None:
                    if isinstance(step, _Lock):
                        if step.acquire:
                            await held.enter_async_context(self._tokens.async_guard())
                        else:
                            await held.aclose()
                        continue
                    response = yield step
                    await response.aread()
                    run.got(response)


class _PlanRun:
    """Steps a plan: hands out its next step and feeds it the response; closes it on exit."""

    __slots__ = ("plan", "value")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.value: httpx.Response | None = None

    def next_step(self) -> Step | None:
        try:
            step = self.plan.send(self.value)
        except StopIteration:
            return None
        self.value = None
        return step

    def got(self, response: httpx.Response) -> None:
        self.value = response

    def __enter__(self) -> _PlanRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.plan.close()


def _scheme(tokens: StoredTokens) -> str:
    return "Bearer" if tokens.token_type.lower() == "bearer" else tokens.token_type


def _refresh_path(path: str) -> str:
    """The refresh URL next to the original request's ``/api/...`` (keeps a base-URL prefix).
    ``path`` is the encoded path: no id can contribute a ``/api/`` to it (ids are one segment)."""
    index = path.find("/api/")
    prefix = path[:index] if index >= 0 else ""
    return prefix + REFRESH_PATH


def tokens_from_refresh(response: httpx.Response, used: StoredTokens, *, clock: Callable[[], float] = time.time) -> StoredTokens:
    """StoredTokens from a refresh answer (``data`` or flat; keeps the old refresh token if none)."""
    try:
        body = response.json()
    except ValueError:
        body = None
    data = body.get("data", body) if isinstance(body, dict) else None
    if isinstance(data, dict) and isinstance(data.get("tokens"), dict):
        data = data["tokens"]
    access = data.get("access_token") if isinstance(data, dict) else None
    if not isinstance(access, str) or not access:
        raise make_status_error(response, AUTH_ERRORS) if response.status_code >= 400 else AUTH_ERRORS.classify(502)(
            "token refresh answered without an access_token", response=response, body=body)
    assert isinstance(data, dict)
    refresh = data.get("refresh_token")
    return StoredTokens.from_expires_in(
        access, refresh if isinstance(refresh, str) and refresh else used.refresh_token,
        data.get("expires_in"), data.get("token_type") if isinstance(data.get("token_type"), str) else None,
        now=clock())

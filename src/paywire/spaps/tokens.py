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
    file, or a symlinked / foreign / group- or world-writable parent directory, is refused
    (:class:`~paywire.spaps.errors.TokenStoreError`), never read; so is a corrupt value (bad
    JSON, absurd nesting, an unrepresentable ``expires_at``); writers and
    refreshers hold a cross-process ``filelock`` on ``tokens.json.lock``.
    :class:`~paywire.spaps.redis_store.RedisTokenStore` (``paywire[redis]``) shares one session
    between every process and host: the same JSON document in Redis, an owner-token refresh
    lock, compare-and-set writes and a shared negative result (see that module).
    Anything else (OS keyring, a database row) plugs in through the
    :class:`TokenStore` protocol: ``load() -> StoredTokens | None``, ``save(tokens)``,
    ``clear()``, and optionally ``lock()`` returning a context manager that excludes other
    processes while a refresh is in flight, ``try_lock()`` (polled by async clients) and
    ``replace()`` (:class:`ConditionalTokenStore`: compare-and-set on the refresh token).

Refresh (why it looks like this: shared/reference/runtime-anchors.md §2.2; the flows are in
:mod:`paywire.spaps._refresh`)
    * Before a user-scoped request the stored access token is checked against ``expires_at``
      minus :data:`EXPIRY_SKEW` seconds; an expired token is refreshed first. A request whose
      token the server rejects with 401 is refreshed and re-sent **once**.
    * The refresh request goes through the core's retrying send (retries, backoff, the call's
      deadline, the logging hooks); SPAPS's reuse interval makes resending it safe.
    * Single flight per credential: one refresh in flight per token manager, its outcome (tokens
      or error) shared by every waiting thread or task, a transient failure remembered for
      ``NEGATIVE_CACHE_TTL`` seconds; the leader also takes the store's cross-process lock
      (async clients poll ``try_lock()`` so the event loop never blocks), re-reads the store
      and adopts tokens another process stored instead of refreshing.
    * A refresh the server *rejects* (400/401/403) clears the store — unless a newer refresh
      token was stored meanwhile, which is adopted — and raises an
      :class:`~paywire.spaps.errors.AuthError` that is also a ``paywire.AuthenticationError``.
      A refresh that could not be done (transport error, timeout, cancellation, 429, 5xx) keeps
      the stored tokens; if the access token is still valid (an early refresh) it is used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Generator
from contextlib import AbstractContextManager as ContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import httpx

from paywire._core import register_secret
from paywire._core.flow import Call
from paywire.spaps.errors import NotSignedInError, TokenStoreError

#: seconds before ``expires_at`` at which a stored access token counts as expired
EXPIRY_SKEW = 30.0
#: request extension naming how a request authenticates: "none", "key", "bearer", "optional"
AUTH_EXTENSION = "paywire_spaps_auth"
REFRESH_PATH = "/api/auth/refresh"


# --- stored tokens ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, weakref_slot=True)
class StoredTokens:
    """What a store keeps. ``expires_at`` is an aware UTC datetime (None: unknown)."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: dt.datetime | None = None
    token_type: str = "Bearer"

    def __post_init__(self) -> None:
        # Kept while this token set lives; a refresh makes a new set and the old one's
        # secrets go with it, so 10,000 refreshes do not pile up (or push out the API key).
        register_secret(self.access_token, self, slot="access_token")
        register_secret(self.refresh_token, self, slot="refresh_token")

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
        expires_at = _expiry_from_seconds(time.time() if now is None else now, expires_in)
        return cls(access_token, refresh_token, expires_at, token_type or "Bearer")


def _parse_expiry(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # 1e300, NaN, inf: OverflowError / ValueError / OSError from the C library
            return dt.datetime.fromtimestamp(float(value), dt.UTC)
        except (OverflowError, ValueError, OSError):
            raise TokenStoreError("stored expires_at is not a representable time") from None
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise TokenStoreError("stored expires_at is not an ISO-8601 time") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise TokenStoreError("stored expires_at is not a time")


def _expiry_from_seconds(now: float, seconds: Any) -> dt.datetime | None:
    """``now + expires_in`` from a server answer; an absurd value (1e300, inf) means unknown
    (the token is then refreshed when the server rejects it) rather than an OverflowError."""
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not seconds > 0:
        return None
    try:
        return dt.datetime.fromtimestamp(now + float(seconds), dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


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


@runtime_checkable
class ConditionalTokenStore(TokenStore, Protocol):
    """A shared store that can compare-and-set (:class:`~paywire.spaps.redis_store.RedisTokenStore`).

    ``replace(expected_refresh_token, tokens)`` stores ``tokens`` (None: clears) only if the
    store still holds ``expected_refresh_token``, atomically; it returns ``(True, tokens)`` or
    ``(False, what the store holds)``. The refresh writes through it, so a refresher whose lock
    expired never overwrites a newer rotation and a rejected one never deletes a winner's tokens.
    """

    def replace(self, expected_refresh_token: str | None,
                tokens: StoredTokens | None) -> tuple[bool, StoredTokens | None]: ...


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


def _refuse_unsafe(info: os.stat_result, what: str, is_kind: Callable[[int], bool], kind: str, others_bits: int,
                   others_can: str, fix: str) -> None:
    """Raise :class:`TokenStoreError` unless ``info`` (an ``lstat``) is of the expected kind, not
    a symlink, and (POSIX) owned by us with none of ``others_bits`` set."""
    if stat.S_ISLNK(info.st_mode):
        raise TokenStoreError(f"refusing to use {what}: it is a symlink")
    if not is_kind(info.st_mode):
        raise TokenStoreError(f"refusing to use {what}: not {kind}")
    if _POSIX:
        if info.st_uid != os.getuid():
            raise TokenStoreError(f"refusing to use {what}: owned by another user")
        if info.st_mode & others_bits:
            raise TokenStoreError(f"refusing to use {what}: {others_can} by other users "
                                  f"(mode {stat.S_IMODE(info.st_mode):o}); run: {fix}")


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
        self._lock_timeout = lock_timeout
        from paywire._core.fork import reset_after_fork

        reset_after_fork(self)

    def _after_fork(self) -> None:
        # Another parent thread may have held the mutex or the file lock at fork time: the
        # child gets its own (a new lock file descriptor, so the lock is really cross-process).
        import filelock

        self._mutex = threading.Lock()
        self._lock = filelock.FileLock(str(self.path) + ".lock", timeout=self._lock_timeout, mode=0o600)

    # -- reading --------------------------------------------------------------------------------
    def load(self) -> StoredTokens | None:
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            with self._mutex:
                self._cache_key, self._cache = None, None
            return None
        self._check_dir(self.path.parent)
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
        _refuse_unsafe(info, f"token file {self.path}", stat.S_ISREG, "a regular file", 0o077,
                       "readable or writable", f"chmod 600 '{self.path}'")

    def _check_dir(self, directory: Path) -> None:
        """The parent directory must be ours and not writable by others: whoever can write to
        it can swap ``tokens.json`` for their own file (rename is a directory operation), and a
        symlinked directory can be re-pointed. Checked on every read and write."""
        try:
            info = os.lstat(directory)
        except FileNotFoundError:
            return
        _refuse_unsafe(info, f"token directory {directory}", stat.S_ISDIR, "a directory", 0o022, "writable",
                       f"chmod 700 '{directory}'")

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
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
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

    def try_lock(self) -> Callable[[], None] | None:
        """Take the cross-process lock without waiting: its release function, or None when
        another process holds it. Async clients poll this between ``asyncio.sleep``s, so
        waiting for another process never blocks the event loop."""
        import filelock

        self._ensure_dir()
        try:
            self._lock.acquire(blocking=False)
        except filelock.Timeout:
            return None
        return self._lock.release

    @property
    def lock_timeout(self) -> float:
        return float(self._lock.timeout)

    def _ensure_dir(self) -> Path:
        directory = self.path.parent
        if not directory.exists():
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._check_dir(directory)
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
class TokenLockTimeout(TokenStoreError, TimeoutError):
    """Another process held the token store's lock longer than its timeout."""


class TokenManager:
    """The client's view of its store, the refresh single flight and the cross-process lock.

    The refresh itself is a flow (:mod:`paywire.spaps._refresh`) run by the client's driver;
    this object only holds what the flows of one client share.
    """

    def __init__(self, store: TokenStore, *, clock: Callable[[], float] = time.time,
                 skew: float = EXPIRY_SKEW) -> None:
        from paywire.spaps._refresh import RefreshFlight

        self.store = store
        self.clock = clock
        self.skew = skew
        #: one refresh in flight per credential; its outcome shared by every waiter
        self.flight = RefreshFlight()
        #: called after every successful refresh (tests, observability)
        self.on_refreshed: Callable[[], None] | None = None
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
        with self.process_lock():
            self.store.save(tokens)

    def clear(self) -> None:
        with self.process_lock():
            self.store.clear()

    def process_lock(self) -> ContextManager[Any]:
        if isinstance(self.store, LockingTokenStore):
            return self.store.lock()
        return contextlib.nullcontext()

    # -- the cross-process lock as flow effects (paywire._core.flow.Call) ------------------------
    def acquire_process_lock(self) -> Callable[[], None]:
        """Take the store's lock, blocking (sync driver); returns its release function."""
        cm = self.process_lock()
        cm.__enter__()
        return lambda: _exit(cm)

    async def acquire_process_lock_async(self) -> Callable[[], None]:
        """Take the store's lock without blocking the event loop (async driver).

        A store with ``try_lock()`` (:class:`FileTokenStore`; ``RedisTokenStore``: ``SET NX PX``
        with an owner token) is polled between ``asyncio.sleep``s up to its ``lock_timeout``; any other
        locking store is entered in a worker thread (so its lock must not be thread-bound).
        """
        import asyncio  # lazily: only async clients get here, and asyncio costs ~20 ms to import

        store = self.store
        try_lock = getattr(store, "try_lock", None)
        if callable(try_lock):
            timeout = float(getattr(store, "lock_timeout", 10.0))
            give_up = time.monotonic() + timeout
            pause = 0.001
            while True:
                release: Callable[[], None] | None = try_lock()
                if release is not None:
                    return release
                if time.monotonic() >= give_up:
                    raise TokenLockTimeout(f"another process held the token store lock for more than {timeout:g} s")
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.05)
        if isinstance(store, LockingTokenStore):
            cm = store.lock()
            await asyncio.to_thread(cm.__enter__)
            return lambda: _exit(cm)
        return _no_release

    # -- writes that follow a refresh (compare-and-set where the store can) ---------------------
    def store_refreshed(self, used: str, tokens: StoredTokens) -> StoredTokens:
        """Store the tokens a refresh of ``used`` returned; the tokens to use from now on.

        A :class:`ConditionalTokenStore` stores them only if it still holds ``used``: if another
        process stored newer tokens meanwhile, those are adopted; if it signed out, the new
        tokens serve this call but are not stored (the sign-out stands)."""
        store = self.store
        if isinstance(store, ConditionalTokenStore):
            done, current = store.replace(used, tokens)
            return tokens if done or current is None else current
        store.save(tokens)
        return tokens

    def discard(self, used: str) -> StoredTokens | None:
        """The server rejected the refresh token ``used``: sign out, unless newer tokens were
        stored meanwhile, which are returned (adopt them)."""
        store = self.store
        if isinstance(store, ConditionalTokenStore):
            done, current = store.replace(used, None)
            if not done and current is not None and current.refresh_token and current.refresh_token != used:
                return current
            return None
        latest = store.load()
        if latest is not None and latest.refresh_token and latest.refresh_token != used:
            return latest
        store.clear()
        return None

    def save_flow(self, tokens: StoredTokens) -> Generator[Call, Any, None]:
        """:meth:`save` as a flow: the async driver waits for the lock without blocking."""
        release = yield Call(self.acquire_process_lock, self.acquire_process_lock_async)
        try:
            self.store.save(tokens)
        finally:
            release()

    def clear_flow(self) -> Generator[Call, Any, None]:
        release = yield Call(self.acquire_process_lock, self.acquire_process_lock_async)
        try:
            self.store.clear()
        finally:
            release()


def _no_release() -> None:
    return None


def _exit(cm: ContextManager[Any]) -> None:
    cm.__exit__(None, None, None)


# --- the httpx.Auth ---------------------------------------------------------------------------------
class SpapsAuth(httpx.Auth):
    """Adds ``X-API-Key`` and, where the operation needs it, the stored bearer token.

    Each request says how it authenticates in its ``paywire_spaps_auth`` extension: ``"none"``
    (health/metrics: no headers at all), ``"key"`` (the default), ``"bearer"`` (key + stored
    access token) or ``"optional"`` (key, plus the bearer when one is stored: secure messages).
    Refreshing is not done here but in the client's request flow (:mod:`paywire.spaps._refresh`),
    where retries, backoff, the deadline and the hooks apply to the refresh request too; a
    request that already carries ``Authorization`` keeps it. Raw calls through
    ``client.generated`` get the stored token as it is.
    """

    def __init__(self, api_key: str, tokens: TokenManager) -> None:
        self._api_key = api_key
        self._tokens = tokens

    def __repr__(self) -> str:
        return "SpapsAuth()"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        mode = request.extensions.get(AUTH_EXTENSION, "key")
        if mode != "none":
            request.headers["X-API-Key"] = self._api_key
            if mode in ("bearer", "optional") and "Authorization" not in request.headers:
                tokens = self._tokens.current()
                if tokens is not None:
                    request.headers["Authorization"] = f"{scheme_of(tokens)} {tokens.access_token}"
        yield request


def scheme_of(tokens: StoredTokens) -> str:
    return "Bearer" if tokens.token_type.lower() == "bearer" else tokens.token_type

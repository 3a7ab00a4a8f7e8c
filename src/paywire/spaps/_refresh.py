"""SPAPS token refresh as an ordinary flow: single flight, shared outcome, stale-if-error.

Why it looks like this (shared/reference/runtime-anchors.md §2; issue #13 items 3 and 4):

* The refresh request is sent through the core's retrying ``_send``: a 500, 429, dropped
  connection or timeout on the refresh is retried with backoff inside the call's deadline and
  every attempt is visible to the logging hooks, like any other request. Resending is safe
  because SPAPS answers a rotated refresh token with the current pair for a short reuse
  interval (the spec's refresh description; supabase's rule).
* One refresh in flight per credential (:class:`RefreshFlight`, one per token manager): the
  first caller that needs a refresh leads, every other thread or task waits for its outcome and
  shares it — the new tokens **or the error**. A transient failure is remembered for a few
  seconds (negative cache, as msal does), so an outage produces one refresh request at a time,
  not one per caller. A leader that is cancelled or interrupted hands over: the waiters try
  again and one of them leads.
* Across processes the leader also takes the store's lock, re-reads the store under it and
  adopts a newer token instead of refreshing (a shared ``FileTokenStore``, later Redis).
* Stale-if-error: when an *early* refresh (the token is inside :data:`~paywire.spaps.tokens.EXPIRY_SKEW`
  of its expiry but not past it) fails transiently, the still-valid access token is used.
* Only a definitive rejection (400/401/403) signs the user out, and only if the store still
  holds the refresh token that was rejected; a newer one stored meanwhile is adopted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Container, Generator
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from paywire._core import APIConnectionError, APIStatusError, APITimeoutError, Flow, logger, make_status_error
from paywire._core.errors import ResponseValidationError
from paywire._core.flow import Call
from paywire._core.fork import reset_after_fork
from paywire.spaps._signin import RefreshWire, refresh_wire
from paywire.spaps.errors import AUTH_ERRORS, NotSignedInError
from paywire.spaps.tokens import (
    AUTH_EXTENSION,
    REFRESH_PATH,
    StoredTokens,
    TokenManager,
    scheme_of,
)

if TYPE_CHECKING:  # asyncio is imported where an async waiter needs it: sync users never load it (~20 ms)
    import asyncio

#: seconds a transient refresh failure is answered from memory (a ``Retry-After`` wins, capped)
NEGATIVE_CACHE_TTL = 2.0
MAX_NEGATIVE_CACHE_TTL = 30.0
#: statuses that reject a refresh token for good (anything else is transient)
DEFINITIVE_REJECTIONS = (400, 401, 403)


class SendFn(Protocol):
    def __call__(self, request: httpx.Request, *, retry_safe: bool | None = ..., ok: Container[int] = ...,
                 errors: Any = ..., deadline: float | None = ...) -> Flow[httpx.Response]: ...


# --- single flight --------------------------------------------------------------------------------
class _Attempt:
    """One refresh in flight; its outcome (tokens, an error, or "interrupted") for all waiters."""

    __slots__ = ("_mutex", "_waiters", "done", "error", "interrupted", "tokens")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.tokens: StoredTokens | None = None
        self.error: Exception | None = None
        self.interrupted = False
        self._mutex = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def finish(self, tokens: StoredTokens | None, error: Exception | None, interrupted: bool) -> None:
        self.tokens, self.error, self.interrupted = tokens, error, interrupted
        with self._mutex:
            self.done.set()
            waiters, self._waiters = self._waiters, []
        for loop, future in waiters:  # waiters may sit on other event loops (other threads)
            loop.call_soon_threadsafe(_resolve, future)

    def wait_sync(self) -> None:
        self.done.wait()

    async def wait_async(self) -> None:
        import asyncio  # lazily (see the TYPE_CHECKING import): only async clients wait here

        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._mutex:
            if self.done.is_set():
                return
            self._waiters.append((loop, future))
        await future


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class RefreshFlight:
    """At most one refresh per token manager at a time; transient failures remembered briefly."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._mutex = threading.Lock()
        self._attempt: _Attempt | None = None
        self._negative: tuple[str, float, Exception] | None = None  # refresh token, until, error
        reset_after_fork(self)

    def _after_fork(self) -> None:
        # The parent's refresh (if one was in flight) never finishes in this process, and its
        # mutex may have been held by another parent thread: start clean.
        self._mutex = threading.Lock()
        self._attempt = None

    def join(self, refresh_token: str) -> tuple[bool, _Attempt]:
        """``(True, attempt)``: you lead, run the refresh and :meth:`finish` it; ``(False,
        attempt)``: wait for it. Raises the remembered error inside the negative-cache window."""
        with self._mutex:
            negative = self._negative
            if negative is not None and negative[0] == refresh_token and self._clock() < negative[1]:
                raise negative[2]
            if self._attempt is not None:
                return False, self._attempt
            self._attempt = _Attempt()
            return True, self._attempt

    def finish(self, attempt: _Attempt, refresh_token: str, *, tokens: StoredTokens | None = None,
               error: Exception | None = None, negative_ttl: float | None = None) -> None:
        with self._mutex:
            if self._attempt is attempt:
                self._attempt = None
            if tokens is not None:
                self._negative = None
            elif error is not None and negative_ttl is not None:
                self._negative = (refresh_token, self._clock() + negative_ttl, error)
        attempt.finish(tokens, error, interrupted=tokens is None and error is None)

    @property
    def in_flight(self) -> bool:
        return self._attempt is not None


def transient(exc: BaseException) -> bool:
    """A failure that says nothing about the refresh token: retry later, keep the tokens. A
    malformed success answer is one (the server misbehaved; within its reuse interval the same
    refresh token answers again)."""
    if isinstance(exc, APIConnectionError | ResponseValidationError):
        return True
    return isinstance(exc, APIStatusError) and (exc.status_code == 429 or exc.status_code >= 500)


def _negative_ttl(exc: Exception) -> float | None:
    if not transient(exc):
        return None
    hint = getattr(exc, "retry_after", None)
    if isinstance(hint, (int, float)) and not isinstance(hint, bool) and hint > 0:
        return min(float(hint), MAX_NEGATIVE_CACHE_TTL)
    return NEGATIVE_CACHE_TTL


# --- the flows ------------------------------------------------------------------------------------
def bearer_send(tm: TokenManager, send: SendFn, request: httpx.Request, *, retry_safe: bool | None,
                ok: Container[int], errors: Any, deadline: float | None,
                wire: RefreshWire | None = None) -> Flow[httpx.Response]:
    """Send a user-scoped request: refresh first when the token is (nearly) expired, and once
    more, then resend, when the server rejects the token with 401."""
    mode = request.extensions.get(AUTH_EXTENSION, "key")
    if mode not in ("bearer", "optional") or "Authorization" in request.headers:
        return (yield from send(request, retry_safe=retry_safe, ok=ok, errors=errors, deadline=deadline))
    tokens = tm.current()
    if tokens is None:
        if mode == "optional":
            return (yield from send(request, retry_safe=retry_safe, ok=ok, errors=errors, deadline=deadline))
        tokens = tm.require()  # raises NotSignedInError: nothing is sent
    if tm.expired(tokens):
        tokens = yield from fresh_tokens(tm, send, request, tokens, forced=False, deadline=deadline, wire=wire)
    request.headers["Authorization"] = f"{scheme_of(tokens)} {tokens.access_token}"
    if 401 in ok or request.url.path.endswith(REFRESH_PATH):
        return (yield from send(request, retry_safe=retry_safe, ok=ok, errors=errors, deadline=deadline))
    response = yield from send(request, retry_safe=retry_safe, ok=_With401(ok), errors=errors, deadline=deadline)
    if response.status_code != 401:
        return response
    tokens = yield from fresh_tokens(tm, send, request, tokens, forced=True, deadline=deadline, wire=wire)
    request.headers["Authorization"] = f"{scheme_of(tokens)} {tokens.access_token}"
    return (yield from send(request, retry_safe=retry_safe, ok=ok, errors=errors, deadline=deadline))


class _With401:
    """The caller's ``ok`` plus 401, so a rejected token comes back to :func:`bearer_send`."""

    __slots__ = ("ok",)

    def __init__(self, ok: Container[int]) -> None:
        self.ok = ok

    def __contains__(self, status: object) -> bool:
        return status == 401 or status in self.ok


def fresh_tokens(tm: TokenManager, send: SendFn, template: httpx.Request, stale: StoredTokens, *,
                 forced: bool, deadline: float | None, wire: RefreshWire | None = None) -> Flow[StoredTokens]:
    """Tokens newer than ``stale``: adopted, shared from another caller's refresh, or refreshed.

    ``forced``: the server rejected ``stale``'s access token (so it is no use even if a
    refresh fails). Otherwise a transient failure falls back to ``stale`` while it is valid.
    """
    try:
        return (yield from _single_flight(tm, send, template, stale, forced=forced, deadline=deadline,
                                          wire=wire or refresh_wire()))
    except Exception as exc:
        if forced or not transient(exc) or not _still_valid(stale, tm.clock()):
            raise
        logger.info("SPAPS token refresh failed (%s); using the still-valid access token", type(exc).__name__)
        current = tm.current()
        return current if current is not None and not tm.expired(current) else stale


def _still_valid(tokens: StoredTokens, now: float) -> bool:
    return tokens.expires_at is not None and tokens.expires_at.timestamp() > now + 1.0


def _adoptable(tm: TokenManager, current: StoredTokens, stale: StoredTokens) -> bool:
    """Another thread, task or process already stored newer tokens than the ones we hold."""
    return current.access_token != stale.access_token and not tm.expired(current)


def _single_flight(tm: TokenManager, send: SendFn, template: httpx.Request, stale: StoredTokens, *,
                   forced: bool, deadline: float | None, wire: RefreshWire) -> Flow[StoredTokens]:
    while True:
        current = tm.require()
        if _adoptable(tm, current, stale):
            return current
        if not current.refresh_token:
            tm.store.clear()
            raise NotSignedInError("the stored SPAPS access token expired and there is no refresh token: sign in again")
        leader, attempt = tm.flight.join(current.refresh_token)
        if leader:
            break
        yield Call(attempt.wait_sync, attempt.wait_async)
        if attempt.tokens is not None:
            return attempt.tokens
        if attempt.error is not None:
            raise attempt.error
        # the leader was cancelled or interrupted: go round, one of the waiters leads now
    return (yield from _lead(tm, send, template, stale, current.refresh_token, attempt, deadline=deadline, wire=wire))


def _lead(tm: TokenManager, send: SendFn, template: httpx.Request, stale: StoredTokens, used: str,
          attempt: _Attempt, *, deadline: float | None, wire: RefreshWire) -> Generator[Any, Any, StoredTokens]:
    tokens: StoredTokens | None = None
    error: Exception | None = None
    release: Callable[[], None] | None = None
    try:
        release = yield Call(tm.acquire_process_lock, tm.acquire_process_lock_async)
        current = tm.require()  # read again under the cross-process lock
        if _adoptable(tm, current, stale):
            tokens = current  # another process refreshed while we waited for its lock
            return tokens
        if not current.refresh_token:
            tm.store.clear()
            raise NotSignedInError("the stored SPAPS tokens have no refresh token: sign in again")
        used = current.refresh_token  # the newest one (another process may have rotated it)
        shared = _shared_failure(tm, used, template)
        if shared is not None:
            raise shared  # another host's refresh of this token just failed: do not queue behind it
        response = yield from send(_refresh_request(template, used, wire), retry_safe=True,
                                   ok=DEFINITIVE_REJECTIONS, errors=AUTH_ERRORS, deadline=deadline)
        tm.refresh_count += 1
        if response.status_code >= 400:
            tokens = _rejected(tm, response, used)
            return tokens
        tokens = tm.store_refreshed(used, wire.tokens(response, current, tm.clock()))
        if tm.on_refreshed is not None:
            tm.on_refreshed()
        return tokens
    except Exception as exc:
        error = exc
        _share_failure(tm, used, exc)
        raise
    finally:
        # Runs on success, on error and when the driver abandons the flow (task cancelled):
        # release the lock, then tell the waiters (an interruption lets one of them lead).
        if release is not None:
            release()
        tm.flight.finish(attempt, used, tokens=tokens, error=error,
                         negative_ttl=None if error is None else _negative_ttl(error))


def _rejected(tm: TokenManager, response: httpx.Response, used: str) -> StoredTokens:
    """A definitive 400/401/403: adopt a newer refresh token stored meanwhile, else sign out."""
    latest = tm.discard(used)
    if latest is not None:
        return latest
    cls = AUTH_ERRORS.classify(401)
    err = make_status_error(response, AUTH_ERRORS)
    raise cls(f"token refresh rejected, signed out: {err.message}", response=response, body=err.body,
              code=err.code, request_id=err.request_id)


# --- the negative result shared across processes (stores with share_failure/shared_failure) ----------
#: set on an error rebuilt from another process's shared failure, so it is never shared again
SHARED_MARK = "paywire_shared_refresh_failure"


def _share_failure(tm: TokenManager, used: str, exc: Exception) -> None:
    share = getattr(tm.store, "share_failure", None)
    ttl = _negative_ttl(exc)
    if not callable(share) or ttl is None or getattr(exc, SHARED_MARK, False):
        return  # only fresh transient failures are shared; a rejection is settled through the store
    status = exc.status_code if isinstance(exc, APIStatusError) else None
    code = exc.code if isinstance(exc, APIStatusError) else None
    kind = "status" if status is not None else ("timeout" if isinstance(exc, APITimeoutError) else "connection")
    share(used, kind, status, code, ttl)


def _shared_failure(tm: TokenManager, used: str, template: httpx.Request) -> Exception | None:
    """The error another process's refresh of ``used`` ended with, rebuilt with the same class
    (an ``AuthInternalServerError`` for a 503, an ``APITimeoutError`` ...), or None."""
    lookup = getattr(tm.store, "shared_failure", None)
    record = lookup(used) if callable(lookup) else None
    if record is None:
        return None
    remaining = float(record.remaining_s)
    message = f"token refresh failed in another process moments ago; not retried for {remaining:.1f} s"
    error: APIStatusError | APIConnectionError
    if record.status is not None:
        # No server answered this process: the response only carries the status and the wait.
        response = httpx.Response(record.status, headers={"Retry-After": f"{max(1, round(remaining))}"},
                                  request=_refresh_request(template, ""))
        error = AUTH_ERRORS.classify(record.status)(f"{message} (status {record.status})", response=response,
                                                    code=record.code)
    elif record.kind == "timeout":
        error = APITimeoutError(f"{message} (timeout)")
    else:
        error = APIConnectionError(f"{message} ({record.kind})")
    setattr(error, SHARED_MARK, True)
    setattr(error, "retry_after", remaining)  # noqa: B010 - the local negative cache reads it
    return error


def _refresh_request(original: httpx.Request, refresh_token: str, wire: RefreshWire | None = None) -> httpx.Request:
    """The refresh request, as the pinned contract's generated builder makes it (``wire``;
    None: the newest contract), sent next to the original request's ``/api/...`` path."""
    import json

    spec = (wire or refresh_wire()).build(refresh_token)
    # From the *encoded* path: url.path is decoded, and re-encoding it would turn a %2F in a
    # base-URL prefix into a separator (the same class of bug as ids, see _core.paths).
    raw = original.url.raw_path.split(b"?", 1)[0].decode("ascii")
    url = original.url.copy_with(raw_path=_beside(raw, str(spec["url"])).encode("ascii"))
    headers = {**dict(spec.get("headers") or {}), "Accept": "application/json"}
    ua = original.headers.get("User-Agent")
    if ua:
        headers["User-Agent"] = ua
    body = json.dumps(spec["json"]).encode()
    extensions: dict[str, Any] = {AUTH_EXTENSION: "key"}
    timeout = original.extensions.get("timeout")
    if isinstance(timeout, dict):
        extensions["timeout"] = dict(timeout)
    return httpx.Request(str(spec["method"]).upper(), url, headers=headers, content=body, extensions=extensions)


def _beside(path: str, operation_path: str) -> str:
    """``operation_path`` next to the original request's ``/api/...`` (keeps a base-URL prefix)."""
    index = path.find("/api/")
    prefix = path[:index] if index >= 0 else ""
    return prefix + operation_path

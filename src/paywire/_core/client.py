"""The HTTP core every facade client stands on.

``BaseClient`` holds configuration and the one request flow (retries, idempotency, hooks,
error mapping); :class:`SyncClient` and :class:`AsyncClient` add only what differs between
the flavours: which httpx client they own, how they close, and which driver runs flows.

Pitfalls of the generated clients, designed around here (each has a regression test):
- generated ``Client`` objects default to ``timeout=None`` (no timeout at all): the core's
  httpx clients always have connect/read/write/pool timeouts;
- ``AuthenticatedClient`` freezes its token into headers at first use: refreshing bearer
  tokens belong in an ``httpx.Auth`` handed to the core;
- ``set_httpx_client()`` drops the generated client's own auth/base URL/timeout and
  ``httpx_args`` are shared by the sync and async httpx clients: the core builds its own
  httpx client per flavour, with auth headers, and hands exactly that one to the generated
  client (``client.generated``: each facade's typed property hands its pinned package's
  ``Client`` class, imported statically, to :meth:`BaseClient._generated_client`);
- ``with_headers()`` mutates the original client: per-call headers (idempotency keys) go on
  the request only.
"""

from __future__ import annotations

import abc
import copy
import logging
import os
import platform
import ssl
import time
from collections.abc import Container, Mapping
from functools import cache
from typing import Any, Literal, NamedTuple, Protocol, TypeVar, cast, get_args

import httpx

from paywire import __version__
from paywire._core.cookies import no_cookie_jar
from paywire._core.direct import RequestBuilder
from paywire._core.errors import (
    DEFAULT_ERRORS,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigError,
    ErrorMap,
    make_status_error,
)
from paywire._core.flow import AsyncDriver, AsyncRunner, Flow, Runner, Send, Sleep, SyncDriver, SyncRunner
from paywire._core.fork import track as track_after_fork
from paywire._core.logs import NO_HOOKS, LoggingHooks, logger, setup_logging
from paywire._core.redact import mask, redact, register_secret, sanitize_server_text
from paywire._core.retries import RetryConfig, never_sent, parse_retry_after, request_may_retry
from paywire._core.stdlib_transport import StdlibTransport
from paywire._core.transport import KEEPALIVE_EXPIRY, ShardedAsyncTransport

T = TypeVar("T")
C = TypeVar("C", bound="BaseClient")


class GeneratedClient(Protocol):
    """What the core needs of a generated package's ``Client``: to be handed an httpx client."""

    def set_httpx_client(self, client: httpx.Client, /) -> Any: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient, /) -> Any: ...


G = TypeVar("G", bound=GeneratedClient)
G_co = TypeVar("G_co", bound=GeneratedClient, covariant=True)


class GeneratedClientClass(Protocol[G_co]):
    """A generated package's ``Client`` class (``paywire_gen_x.Client``), as the core builds it."""

    def __call__(self, *, base_url: str, timeout: httpx.Timeout | None) -> G_co: ...

USER_AGENT = f"paywire/{__version__} python/{platform.python_version()} httpx/{httpx.__version__}"
DEFAULT_RETRY = RetryConfig()
# Keep as many idle connections as may be open: bursts of concurrent checks then reuse warm
# connections instead of reconnecting (measured: 200 concurrent requests 0.39 s -> 0.29 s).
# Idle ones expire before common servers drop them (transport.KEEPALIVE_EXPIRY).
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100,
                              keepalive_expiry=KEEPALIVE_EXPIRY)

#: What async clients send with: paywire's own asyncio wire (``_core/asyncio_transport.py``,
#: the default: no dependency beyond the standard library), aiohttp (``_core/aiohttp_transport.py``,
#: ``pip install paywire[aiohttp]``) or httpx's own stack (sharded, ``_core/transport.py``).
HttpBackend = Literal["asyncio", "aiohttp", "httpx"]
ENV_HTTP_BACKEND = "PAYWIRE_HTTP_BACKEND"


@cache
def shared_ssl_context() -> ssl.SSLContext:
    """One verified TLS context per process: building one costs ~25 ms, so clients share it."""
    return httpx.create_ssl_context()


def make_timeout(seconds: float) -> httpx.Timeout:
    return httpx.Timeout(seconds, connect=min(seconds, 10.0), pool=min(seconds, 10.0))


class BaseClient(Runner, abc.ABC):
    """Configuration, the request flow and the shared plumbing of every facade client."""

    def __init__(
        self,
        *,
        base_url: str,
        headers: Mapping[str, str] | None = None,
        timeout: float = 30.0,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        errors: ErrorMap = DEFAULT_ERRORS,
        auth: httpx.Auth | None = None,
        http_client: Any = None,  # used as given, its cookie jar too (see _core/cookies.py)
        transport: Any = None,
        secrets: tuple[str | None, ...] = (),
        http_backend: HttpBackend | None = None,
    ) -> None:
        setup_logging()
        for index, secret in enumerate(secrets):
            # Tied to this client: never evicted while it lives, however many tokens rotate.
            register_secret(secret, self, slot=f"client-secret-{index}")
        retry = retry_config or DEFAULT_RETRY
        if max_retries is not None:
            retry = retry.with_max_retries(max_retries)
        self.base_url = base_url
        self._retry = retry
        self._hooks = logging_hooks or NO_HOOKS
        self._errors = errors
        self._timeout = make_timeout(timeout)
        self._default_headers = {"User-Agent": USER_AGENT, **(headers or {})}
        self._owns_http = http_client is None
        self._http_backend = http_backend
        self._http: Any = http_client if http_client is not None else self._build_http(transport, auth)
        if isinstance(self._http, (httpx.Client, httpx.AsyncClient)):
            # A forked child must never send on the parent's sockets (_core/fork.py); also
            # for a user's own httpx client, whose pool is as shared as ours.
            track_after_fork(self._http)
        self._driver = self._make_driver(self._http)
        self._builder = RequestBuilder(self._http)  # build_request minus unused layers (_core/direct.py)
        self._generated: GeneratedClient | None = None

    # -- flavour-specific ------------------------------------------------------------------
    @abc.abstractmethod
    def _build_http(self, transport: Any, auth: httpx.Auth | None) -> Any:
        """The flavour's own httpx client (SyncClient / AsyncClient)."""

    @abc.abstractmethod
    def _make_driver(self, http: Any) -> Any:
        """The flavour's flow driver."""

    def _http_kwargs(self, transport: Any, auth: httpx.Auth | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "base_url": self.base_url,
            "headers": self._default_headers,
            "timeout": self._timeout,
            "follow_redirects": False,  # 302 Location headers are results (Vellum invoice PDFs)
            "limits": DEFAULT_LIMITS,
            "auth": auth,
            "cookies": no_cookie_jar(),  # one key serves many users: no cookie outlives a call
        }
        if transport is not None:
            kwargs["transport"] = transport
        else:  # even for http URLs: httpx would otherwise build a fresh TLS context (~18 ms)
            kwargs["verify"] = shared_ssl_context()
        return kwargs

    # -- options ------------------------------------------------------------------------------
    def with_options(self: C, *, max_retries: int | None = None, retry_config: RetryConfig | None = None,
                     timeout: float | None = None) -> C:
        """A cheap copy sharing the connection pool, e.g. ``client.with_options(max_retries=0)``."""
        new = copy.copy(self)
        # Cached bound operations point at the original object: drop them. Resources (made in
        # __init__ or cached) are copied and re-pointed at the copy; other runners are dropped.
        new.__dict__ = {}
        for key, value in list(self.__dict__.items()):
            if isinstance(value, Resource) and value._client is self:
                new.__dict__[key] = _rebind(value, self, new)
            elif not getattr(value, "_paywire_bound", False) and not isinstance(value, Runner):
                new.__dict__[key] = value
        retry = retry_config or self._retry
        if max_retries is not None:
            retry = retry.with_max_retries(max_retries)
        new._retry = retry
        if timeout is not None:
            new._timeout = make_timeout(timeout)
        new._owns_http = False  # closing a copy must not close the shared pool
        return new

    @property
    def retry_config(self) -> RetryConfig:
        return self._retry

    # -- generated client wiring -------------------------------------------------------------
    def _generated_client(self, make: GeneratedClientClass[G]) -> G:
        """The generated raw client of class ``make``, built once and wired to this client's own
        httpx client (auth, timeouts, transport included). Each facade's typed ``generated``
        property passes its pinned package's ``Client``, imported statically, so
        ``paywire_gen_x.api.tag.op.sync_detailed(client=c.generated)`` is checked by mypy."""
        if self._generated is None:
            # timeout: even the other flavour's fallback httpx client (built by the generated
            # code if someone calls it) gets finite timeouts; no headers, so no key in its repr
            gen = make(base_url=self.base_url, timeout=self._timeout)
            self._wire_generated(gen)
            self._generated = gen
        return cast(G, self._generated)

    @abc.abstractmethod
    def _wire_generated(self, gen: GeneratedClient) -> None:
        """Hand this flavour's httpx client to a generated client."""

    # -- the request flow ------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        retry_safe: bool | None = None,
        ok: Container[int] = (),
        errors: ErrorMap | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> Flow[httpx.Response]:
        """Build a request and send it with retries; raise the mapped error on failure.

        ``retry_safe``: the request may be sent again even if it reached the server. Defaults to
        "the method is idempotent"; a POST/PATCH passes True only when it carries an
        idempotency key (in a header or the body) — the request object is built once, so every
        attempt carries the same key. ``ok``: error statuses returned instead of raised (e.g.
        Vellum's 404 = empty entitlement set).
        """
        request = self._build(method, url, params, json, content, headers, extensions)
        return (yield from self._send(request, retry_safe=retry_safe, ok=ok, errors=errors))

    def _build(self, method: str, url: str, params: Mapping[str, Any] | None, json: Any, content: bytes | None,
               headers: Mapping[str, str] | None, extensions: Mapping[str, Any] | None) -> httpx.Request:
        return self._builder.build(
            # An empty params dict still makes httpx re-parse the URL (~20 us): pass None.
            method, url, params=params or None, json=json, content=content, headers=headers,
            timeout=self._timeout, extensions=dict(extensions) if extensions else None,
        )

    def _request_kwargs(self, kwargs: Mapping[str, Any], *, headers: Mapping[str, str] | None = None,
                        retry_safe: bool | None = None, ok: Container[int] = (),
                        errors: ErrorMap | None = None) -> Flow[httpx.Response]:
        """Send what a generated ``_get_kwargs(...)`` built (method, url, params, json, headers).
        Built here and sent with :meth:`_send` (not through :meth:`_request`: one generator
        level less on every call); neither dict is modified."""
        spec_headers = kwargs.get("headers")
        merged = {**spec_headers, **headers} if spec_headers and headers else (spec_headers or headers or None)
        request = self._build(kwargs["method"], kwargs["url"], kwargs.get("params"), kwargs.get("json"),
                              kwargs.get("content"), merged, None)
        return (yield from self._send(request, retry_safe=retry_safe, ok=ok, errors=errors))

    def _send(self, request: httpx.Request, *, retry_safe: bool | None = None, ok: Container[int] = (),
              errors: ErrorMap | None = None, deadline: float | None = None) -> Flow[httpx.Response]:
        """Send with the retry policy. ``deadline``: an absolute ``time.monotonic()`` bound set
        by a caller that makes several sends for one call (SPAPS: refresh, then the request)."""
        policy = self._retry
        hooks = self._hooks
        # Observability costs a redacted URL per call; pay it only when someone listens.
        observe = hooks.active or logger.isEnabledFor(logging.DEBUG)
        may_resend = request_may_retry(request, bool(retry_safe)) if retry_safe is not False else False
        started = time.monotonic()
        if policy.deadline is not None:
            deadline = started + policy.deadline if deadline is None else min(deadline, started + policy.deadline)
        method = request.method
        url = redact(str(request.url)) if observe else ""
        attempt = 0
        base_timeout = request.extensions.get("timeout")
        while True:
            attempt += 1
            if deadline is not None and isinstance(base_timeout, dict):
                # Cut this attempt's timeouts to the time left, so the deadline bounds the call.
                left = max(deadline - time.monotonic(), 0.001)
                request.extensions["timeout"] = {k: (left if v is None else min(v, left))
                                                 for k, v in base_timeout.items()}
            if observe:
                hooks.emit("on_request", method=method, url=url, attempt=attempt)
                logger.debug("request method=%s url=%s attempt=%d", method, url, attempt)
            try:
                response: httpx.Response = yield Send(request)
            except httpx.RequestError as exc:  # transport errors, and undecodable responses
                url = url or redact(str(request.url))
                error: Exception = (APITimeoutError if isinstance(exc, httpx.TimeoutException)
                                    else APIConnectionError)(f"{type(exc).__name__}: {exc}", request=request)
                hooks.emit("on_error", method=method, url=url, attempt=attempt, error=error)
                retryable = may_resend or never_sent(exc)
                delay = policy.backoff(attempt)
                if not retryable or attempt >= policy.max_attempts or _past(deadline, delay):
                    raise error from exc
                reason = type(exc).__name__
            else:
                status = response.status_code
                if observe:
                    request_id = sanitize_server_text(response.headers.get("x-request-id"))
                    hooks.emit("on_response", method=method, url=url, status_code=status,
                               elapsed=time.monotonic() - started, attempt=attempt, request_id=request_id)
                    logger.debug("response method=%s url=%s status=%d attempt=%d request_id=%s",
                                 method, url, status, attempt, request_id)
                if status < 400 or status in ok:
                    return response
                url = url or redact(str(request.url))
                retryable = may_resend and status in policy.retry_statuses
                hint = parse_retry_after(response.headers.get("retry-after")) if retryable else None
                delay = policy.backoff(attempt) if hint is None else hint
                if (not retryable or attempt >= policy.max_attempts or _past(deadline, delay)
                        or (hint is not None and hint > policy.max_retry_after)):
                    status_error: APIStatusError = make_status_error(response, errors or self._errors)
                    hooks.emit("on_error", method=method, url=url, attempt=attempt, error=status_error)
                    raise status_error
                reason = f"HTTP {status}"
            hooks.emit("on_retry", method=method, url=url, attempt=attempt, delay=delay, reason=reason)
            logger.info("retrying method=%s url=%s after attempt=%d in %.3fs (%s)", method, url, attempt, delay, reason)
            yield Sleep(delay)

    # -- repr ---------------------------------------------------------------------------------
    def _repr_fields(self) -> dict[str, str]:
        return {"base_url": repr(self.base_url)}

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v}" for k, v in self._repr_fields().items())
        return f"{type(self).__name__}({fields})"


def _past(deadline: float | None, delay: float) -> bool:
    return deadline is not None and time.monotonic() + delay > deadline


class SyncClient(BaseClient, SyncRunner):
    """Sync flavour: owns one pooled ``httpx.Client``; thread-safe; a context manager."""

    _http: httpx.Client
    _driver: SyncDriver

    def _build_http(self, transport: Any, auth: httpx.Auth | None) -> httpx.Client:
        kwargs = self._http_kwargs(transport, auth)
        # The bytes go through http.client (_core/stdlib_transport.py: ~2x less CPU per call
        # than httpcore + h11).
        if (pool := _own_pool(transport, kwargs)) is not None:
            kwargs["transport"] = StdlibTransport(verify=pool.verify, max_connections=pool.connections,
                                                  keepalive_expiry=pool.keepalive)
        return httpx.Client(**kwargs)

    def _make_driver(self, http: Any) -> SyncDriver:
        return SyncDriver(http, errors=self._errors)

    def _wire_generated(self, gen: GeneratedClient) -> None:
        gen.set_httpx_client(self._http)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self: C) -> C:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _environment_proxies() -> bool:
    import urllib.request

    return any(key in ("http", "https", "all") for key in urllib.request.getproxies())


class _Pool(NamedTuple):
    verify: Any
    connections: int
    keepalive: float


def _own_pool(transport: Any, kwargs: dict[str, Any]) -> _Pool | None:
    """The settings of paywire's own connection pool, taken out of httpx's client ``kwargs``;
    None (kwargs untouched) when the caller passed a transport or proxies are set in the
    environment: httpx honours HTTP(S)_PROXY/ALL_PROXY only for the transports it builds itself,
    so then httpx's own pool is kept."""
    if transport is not None or _environment_proxies():
        return None
    limits = kwargs.pop("limits")
    return _Pool(kwargs.pop("verify", True), limits.max_connections or 100, limits.keepalive_expiry or KEEPALIVE_EXPIRY)


class AsyncClient(BaseClient, AsyncRunner):
    """Async flavour: owns one pooled ``httpx.AsyncClient``; safe to share across tasks."""

    # shape-alike with SyncClient: the same hooks, typed and built for the other httpx client

    _http: httpx.AsyncClient
    _driver: AsyncDriver

    def _build_http(self, transport: Any, auth: httpx.Auth | None) -> httpx.AsyncClient:
        kwargs = self._http_kwargs(transport, auth)
        if (pool := _own_pool(transport, kwargs)) is not None:
            backend = resolve_http_backend(self._http_backend)
            if backend == "asyncio":
                # Imported here: asyncio itself costs ~20 ms of a cold ``import paywire.vellum``
                # (bench/results.md), and sync-only programs never need it.
                from paywire._core.asyncio_transport import AsyncioTransport

                kwargs["transport"] = AsyncioTransport(
                    verify=pool.verify, max_connections=pool.connections, keepalive_expiry=pool.keepalive)
            elif backend == "aiohttp":
                kwargs["transport"] = _aiohttp_transport(pool.verify, pool.connections, pool.keepalive)
            else:  # a sharded pool: no quadratic scan under load (_core/transport.py)
                kwargs["transport"] = ShardedAsyncTransport(
                    verify=pool.verify, max_connections=pool.connections, keepalive_expiry=pool.keepalive)
        return httpx.AsyncClient(**kwargs)

    def _make_driver(self, http: Any) -> AsyncDriver:
        return AsyncDriver(http, errors=self._errors)

    def _wire_generated(self, gen: GeneratedClient) -> None:
        gen.set_async_httpx_client(self._http)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def close(self) -> None:
        """Alias of :meth:`aclose` (some seeds' async clients call it ``close``)."""
        await self.aclose()

    async def __aenter__(self: C) -> C:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def resolve_http_backend(value: str | None) -> HttpBackend:
    """The async backend: the argument, else ``$PAYWIRE_HTTP_BACKEND``, else the default."""
    source = "http_backend" if value is not None else ENV_HTTP_BACKEND
    raw = value if value is not None else (os.environ.get(ENV_HTTP_BACKEND) or "").strip() or "asyncio"
    choice = raw.strip().lower() if isinstance(raw, str) else raw
    for known in get_args(HttpBackend):
        if choice == known:
            return known  # type: ignore[no-any-return]
    raise ConfigError(f"{source} must be one of {', '.join(get_args(HttpBackend))}, got {raw!r}")


def _aiohttp_transport(verify: Any, max_connections: int, keepalive_expiry: float) -> httpx.AsyncBaseTransport:
    try:  # imported only when chosen: aiohttp is an optional extra and costs import time
        from paywire._core.aiohttp_transport import AiohttpTransport
    except ImportError:
        raise ConfigError("http_backend 'aiohttp' needs aiohttp: pip install paywire[aiohttp]") from None
    return AiohttpTransport(ssl_context=verify, max_connections=max_connections, keepalive_expiry=keepalive_expiry)


class Resource(Runner):
    """A namespace of operations on a client (``spaps.auth``); shares the client's driver."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client
        self._driver = client._driver


class SyncResource(Resource, SyncRunner):
    pass


class AsyncResource(Resource, AsyncRunner):
    pass


def _rebind(resource: Resource, old: BaseClient, new: BaseClient) -> Resource:
    """A copy of ``resource`` (and of its nested resources) bound to the client copy ``new``."""
    res = copy.copy(resource)
    res.__dict__ = {k: _rebind(v, old, new) if isinstance(v, Resource) and v._client is old else v
                    for k, v in resource.__dict__.items() if not getattr(v, "_paywire_bound", False)}
    res._client = new
    res._driver = new._driver
    return res


def masked(value: str | None) -> str:
    return mask(value)

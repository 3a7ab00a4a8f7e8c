"""One source for sync and async: operations are generator *flows*, run by two drivers.

A flow is written once as a generator that yields what it needs (``Send(request)`` to get an
``httpx.Response``, ``Sleep(seconds)`` to wait) and returns its result; it never does I/O
itself. :class:`SyncDriver` runs it with ``httpx.Client.send`` and ``time.sleep``;
:class:`AsyncDriver` with ``await AsyncClient.send`` and ``asyncio.sleep``. httpx's own
``Auth.auth_flow`` uses the same shape. Compared with httpcore's unasync approach this needs
no build step and no second copy of the code on disk, and mypy checks both flavours.

The :class:`operation` descriptor turns ``def get_x(self, ...) -> Flow[T]`` on a shared base
class into ``(...) -> T`` on sync clients and ``(...) -> Awaitable[T]`` on async ones; its base
:class:`RunnerMethod` serves other such descriptors too (the cached reads of ``_core/cached.py``).
"""

from __future__ import annotations

import abc
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Generator, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import (
    Any,
    ClassVar,
    Concatenate,
    Generic,
    NoReturn,
    ParamSpec,
    Self,
    TypeAlias,
    TypeVar,
    cast,
    overload,
)

import httpx

from paywire._core.errors import DEFAULT_ERRORS, ErrorMap
from paywire._core.paths import PathParameterError
from paywire._core.redact import redact

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class Send:
    """Effect: send this request; the flow receives the response (or the transport error)."""

    request: httpx.Request


@dataclass(frozen=True, slots=True)
class Sleep:
    """Effect: wait this many seconds (a retry backoff, a polling interval)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Call:
    """Effect: wait for something other than HTTP (a lock, another caller's result). The sync
    driver calls ``sync()``, the async driver awaits ``async_()``; the flow receives the return
    value, or the exception is thrown into it. Both must do the same thing: the async one must
    not block the event loop (that is why it exists)."""

    sync: Callable[[], Any]
    async_: Callable[[], Awaitable[Any]]


Effect: TypeAlias = Send | Sleep | Call
Flow: TypeAlias = Generator[Effect, Any, T]


class _FlowRun:
    """The bookkeeping both drivers share: feed a result or an error in, get the next effect out."""

    __slots__ = ("error", "flow", "last", "result", "value")

    def __init__(self, flow: Flow[Any]) -> None:
        self.flow = flow
        self.value: Any = None
        self.error: BaseException | None = None
        self.last: httpx.Response | None = None
        self.result: Any = None

    def next_effect(self) -> Effect | None:
        """The flow's next effect, or None once it returned (its value is in ``result``)."""
        while True:
            try:
                effect = self.flow.throw(self.error) if self.error is not None else self.flow.send(self.value)
            except StopIteration as stop:
                self.result = stop.value
                return None
            self.value = self.error = None
            if type(effect) is Send or type(effect) is Sleep or type(effect) is Call:
                return effect
            self.error = TypeError(f"unknown flow effect {effect!r}")

    def got(self, response: httpx.Response) -> None:
        self.value = self.last = response

    def failed(self, exc: BaseException) -> None:
        self.error = exc

    def abandon(self) -> None:
        """Close the flow now (its ``finally`` blocks run: locks released, waiters told), not
        whenever the garbage collector gets to it: the driver was cancelled or interrupted."""
        self.flow.close()


class SyncDriver:
    """``errors``: the client's error map; a bad path id found by shared code (the generated
    request builders) leaves as the service's validation class (see ``ErrorMap.local_error``)."""

    __slots__ = ("errors", "http", "send", "sleep")

    def __init__(self, http: httpx.Client, sleep: Callable[[float], None] = time.sleep,
                 errors: ErrorMap = DEFAULT_ERRORS) -> None:
        from paywire._core.direct import direct_sync_send

        self.http = http
        self.send = direct_sync_send(http)  # skips Client.send's unused layers (_core/direct.py)
        self.sleep = sleep
        self.errors = errors

    def run(self, flow: Flow[T]) -> T:
        return self.run_raw(flow)[0]

    def run_raw(self, flow: Flow[T]) -> tuple[T, httpx.Response | None]:
        run = _FlowRun(flow)
        try:
            while (effect := run.next_effect()) is not None:
                if isinstance(effect, Send):
                    try:
                        run.got(self.send(effect.request))
                    except httpx.HTTPError as exc:
                        run.failed(exc)
                elif isinstance(effect, Call):
                    try:
                        run.value = effect.sync()
                    except Exception as exc:
                        run.failed(exc)
                elif effect.seconds > 0:
                    self.sleep(effect.seconds)
        except PathParameterError as exc:
            raise self.errors.local_error(exc) from None
        except BaseException:
            run.abandon()
            raise
        return run.result, run.last


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # lazily: asyncio costs ~10 ms at import and sync users never need it

    await asyncio.sleep(seconds)


class AsyncDriver:
    """As :class:`SyncDriver`, on ``httpx.AsyncClient``."""

    __slots__ = ("errors", "http", "send", "sleep")

    def __init__(self, http: httpx.AsyncClient, sleep: Callable[[float], Awaitable[None]] | None = None,
                 errors: ErrorMap = DEFAULT_ERRORS) -> None:
        from paywire._core.direct import direct_async_send

        self.http = http
        self.send = direct_async_send(http)  # skips AsyncClient.send's unused layers (_core/direct.py)
        self.sleep = sleep or _asyncio_sleep
        self.errors = errors

    # run() and run_raw() return _drive()'s coroutine instead of awaiting it in one of their
    # own: one coroutine less on every call (awaiting either is the same to the caller).
    def run(self, flow: Flow[T]) -> Coroutine[Any, Any, T]:
        return self._drive(flow, False)

    def run_raw(self, flow: Flow[T]) -> Coroutine[Any, Any, tuple[T, httpx.Response | None]]:
        return self._drive(flow, True)

    async def _drive(self, flow: Flow[Any], raw: bool) -> Any:
        run = _FlowRun(flow)
        try:
            while (effect := run.next_effect()) is not None:
                if isinstance(effect, Send):
                    try:
                        run.got(await self.send(effect.request))
                    except httpx.HTTPError as exc:
                        run.failed(exc)
                elif isinstance(effect, Call):
                    try:
                        run.value = await effect.async_()
                    except Exception as exc:
                        run.failed(exc)
                elif effect.seconds > 0:
                    await self.sleep(effect.seconds)
        except PathParameterError as exc:
            raise self.errors.local_error(exc) from None
        except BaseException:  # cancelled (CancelledError) or interrupted: close the flow now
            run.abandon()
            raise
        return (run.result, run.last) if raw else run.result


# --- flows without HTTP: a Redis round trip, a lock, another caller's result --------------------------
class _CallRun(_FlowRun):
    """A flow that sends no HTTP: each effect comes out as a :class:`Call` (a :class:`Sleep`
    becomes one), and ``with run:`` around the call throws *any* exception of it into the flow
    (``KeyboardInterrupt`` and a task's cancellation too): its cleanup may itself need an effect,
    such as releasing a lock it holds, which a closed generator could not yield."""

    __slots__ = ()

    def next_call(self) -> Call | None:
        effect = self.next_effect()
        if effect is None or isinstance(effect, Call):
            return effect
        if isinstance(effect, Sleep):
            return Call(partial(time.sleep, effect.seconds), partial(_asyncio_sleep, effect.seconds))
        refuse = partial(_no_http, effect)
        return Call(refuse, refuse)

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if exc is not None:
            self.failed(exc)
        return True


def _no_http(effect: Effect) -> NoReturn:
    raise TypeError(f"run_calls drives flows that send no HTTP, got {effect!r}")


def run_calls(flow: Flow[T]) -> T:
    """Run a flow that yields only :class:`Call` and :class:`Sleep` on this thread (see
    :class:`_CallRun` for how its effects' exceptions reach it)."""
    run = _CallRun(flow)
    while (call := run.next_call()) is not None:
        with run:
            run.value = call.sync()
    return cast(T, run.result)


async def run_calls_async(flow: Flow[T]) -> T:
    """As :func:`run_calls`, on the event loop."""
    run = _CallRun(flow)
    while (call := run.next_call()) is not None:
        with run:
            run.value = await call.async_()
    return cast(T, run.result)


class Runner:
    """Anything operations can be bound to: a client, or a resource (``spaps.auth``) of one."""

    _is_async: ClassVar[bool] = False
    _driver: Any

    @property
    def with_raw_response(self) -> Any:
        """A view whose operations return :class:`RawResponse` (parsed result + httpx response)."""
        return RawView(self)


class SyncRunner(Runner):
    _is_async = False
    _driver: SyncDriver


class AsyncRunner(Runner):
    _is_async = True
    _driver: AsyncDriver


class RunnerMethod(Generic[P, T], abc.ABC):
    """Base of the descriptors that bind a method of a shared client base class per flavour.

    A subclass's ``_bind(obj)`` builds the callable for one runner: ``(...) -> T`` on sync
    runners, ``(...) -> Awaitable[T]`` on async ones. It is built on first access and cached on
    the instance (a non-data descriptor), so afterwards a call costs one dict lookup.
    """

    def __init__(self, fn: Callable[Concatenate[Any, P], Any]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @abc.abstractmethod
    def _bind(self, obj: Any) -> Any:
        """The callable for one runner (sync or async)."""

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncRunner, owner: type) -> Callable[P, T]: ...
    @overload
    def __get__(self, obj: AsyncRunner, owner: type) -> Callable[P, Awaitable[T]]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        bound = self._bind(obj)
        bound.__name__ = self.name
        bound.__doc__ = self.fn.__doc__
        bound._paywire_bound = True
        obj.__dict__[self.name] = bound
        return bound


class operation(RunnerMethod[P, T]):
    """Descriptor: a flow method becomes a sync method or a coroutine method per client flavour
    (the bound callable runs the flow on the client's driver; see :class:`RunnerMethod`)."""

    fn: Callable[Concatenate[Any, P], Flow[T]]

    def __init__(self, fn: Callable[Concatenate[Any, P], Flow[T]]) -> None:
        super().__init__(fn)
        self.__wrapped__ = fn

    def _bind(self, obj: Any) -> Any:
        fn = self.fn
        driver = obj._driver
        bound: Any
        if obj._is_async:
            async def bound(*args: Any, **kwargs: Any) -> Any:
                return await driver.run(fn(obj, *args, **kwargs))
        else:
            def bound(*args: Any, **kwargs: Any) -> Any:
                return driver.run(fn(obj, *args, **kwargs))
        return bound


class HttpResponseFacts:
    """``status_code`` and ``headers`` of the ``http_response`` behind a result (``None``: there
    was no answer, e.g. an error built by user code): :class:`RawResponse`, CONXA's ``ErrorResponse``."""

    __slots__ = ()
    http_response: httpx.Response | None

    @property
    def status_code(self) -> int | None:
        return None if self.http_response is None else self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return httpx.Headers() if self.http_response is None else self.http_response.headers


class RawResponse(HttpResponseFacts, Generic[T]):
    """A parsed result together with the last ``httpx.Response`` behind it."""

    __slots__ = ("http_response", "parsed")

    def __init__(self, parsed: T, http_response: httpx.Response | None) -> None:
        self.parsed = parsed
        self.http_response = http_response

    @property
    def request_id(self) -> str | None:
        value: str | None = self.headers.get("x-request-id")
        return value

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, parsed={redact(repr(self.parsed))})"


class RawView:
    """``client.with_raw_response.<op>(...)`` → :class:`RawResponse`; works on resources too."""

    __slots__ = ("_target",)

    def __init__(self, target: Runner) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        target = self._target
        attr = getattr(type(target), name, None)
        if isinstance(attr, operation):
            fn = attr.fn
            driver = target._driver
            if target._is_async:
                async def acall(*args: Any, **kwargs: Any) -> RawResponse[Any]:
                    parsed, response = await driver.run_raw(fn(target, *args, **kwargs))
                    return RawResponse(parsed, response)

                return acall

            def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
                parsed, response = driver.run_raw(fn(target, *args, **kwargs))
                return RawResponse(parsed, response)

            return call
        value = getattr(target, name)
        if isinstance(value, Runner):
            return RawView(value)
        raise AttributeError(f"{name!r} is not an API operation of {type(target).__name__}")


# --- pagination ------------------------------------------------------------------------------
#: A page fetch: given the cursor (None for the first page) a flow returning the page's items
#: and the next cursor (None when there are no more pages).
PageFetch: TypeAlias = Callable[[Any], Flow[tuple[Sequence[T], Any]]]


class SyncPager(Generic[T]):
    """Iterates items across every page; the caller writes no loop."""

    def __init__(self, driver: SyncDriver, fetch: PageFetch[T], start: Any = None) -> None:
        self._driver = driver
        self._fetch = fetch
        self._start = start

    def __iter__(self) -> Iterator[T]:
        cursor = self._start
        while True:
            items, cursor = self._driver.run(self._fetch(cursor))
            yield from items
            if cursor is None or not items:
                return


class AsyncPager(Generic[T]):
    def __init__(self, driver: AsyncDriver, fetch: PageFetch[T], start: Any = None) -> None:
        self._driver = driver
        self._fetch = fetch
        self._start = start

    async def __aiter__(self) -> AsyncIterator[T]:
        cursor = self._start
        while True:
            items, cursor = await self._driver.run(self._fetch(cursor))
            for item in items:
                yield item
            if cursor is None or not items:
                return


class paginated(Generic[P, T]):
    """Descriptor for ``def iter_x(self, ...) -> PageFetch[T]``: a sync or async iterator."""

    def __init__(self, fn: Callable[Concatenate[Any, P], PageFetch[T]]) -> None:
        self.fn = fn
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> paginated[P, T]: ...
    @overload
    def __get__(self, obj: SyncRunner, owner: type) -> Callable[P, SyncPager[T]]: ...
    @overload
    def __get__(self, obj: AsyncRunner, owner: type) -> Callable[P, AsyncPager[T]]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        fn = self.fn
        if obj._is_async:
            return lambda *a, **kw: AsyncPager(obj._driver, fn(obj, *a, **kw))
        return lambda *a, **kw: SyncPager(obj._driver, fn(obj, *a, **kw))

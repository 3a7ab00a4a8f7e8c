"""One cached-read descriptor for every service: ``@cached_read(...)`` (Vellum's ``can``/``flags``,
Lumen's entitlement checks).

A cached read is written once, on the shared client base class, as three small parts:

- the decorated method names the cache key and one argument for the projection
  (``return customer_id, module_id``); it runs on every call, so it must be cheap;
- ``fetch(client, key)`` is the flow that loads the cached value on a miss (the client's own
  request flow, run by its driver: retries, errors and logging as for any operation);
- ``project(value, arg)`` computes the answer from the cached value (``module_id in ent.modules``).

The descriptor (a :class:`~paywire._core.flow.RunnerMethod`, so mypy sees ``(...) -> T`` on sync
clients and ``(...) -> Awaitable[T]`` on async ones, as for ``@operation``) binds per flavour:

- **hit**: ``cache.get(key)`` and ``project``: no generator, no driver, no I/O. The flow machinery
  costs ~1 µs per call, ten times a hit, which is why the hit path is not itself a flow;
- **miss**: ``check(client, key)`` (validation that only needs to run when the key is not
  cached), then :meth:`~paywire.entitlements.EntitlementCache.get_or_fetch` (threads) or
  ``get_or_fetch_async`` (tasks) around the fetch flow: single flight, invalidation generation,
  stale-if-error and a shared (Redis) tier attached to the cache all apply, because they live in
  the cache, not here;
- **cache disabled** (``ttl_ms == 0``): ``direct(client, key, arg)`` when given (a cheaper
  endpoint for one answer), else the fetch flow and ``project``;
- ``fallback(arg, exc)`` when given turns any failure after the key was named into an answer
  (Vellum's ``flag(..., default=)``);
- ``key_first=True`` (for a method ``(key, arg)`` whose body only validates and returns them):
  a positional call is looked up as given and the body runs on a miss only, saving a Python
  call on every hit (sync clients; Vellum's ``can(customer_id, module_id)``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from paywire._core.flow import Flow, RunnerMethod

if TYPE_CHECKING:
    from paywire.entitlements import EntitlementCache

P = ParamSpec("P")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
A = TypeVar("A")


class CachedRead(RunnerMethod[P, T], Generic[P, T, K, V, A]):
    """The descriptor behind :func:`cached_read` (see the module docstring)."""

    fn: Callable[Concatenate[Any, P], tuple[K, A]]

    def __init__(
        self,
        fn: Callable[Concatenate[Any, P], tuple[K, A]],
        *,
        cache: Callable[[Any], EntitlementCache[K, V]],
        fetch: Callable[[Any, K], Flow[V]],
        project: Callable[[V, A], T],
        check: Callable[[Any, K], None] | None = None,
        direct: Callable[[Any, K, A], Flow[T]] | None = None,
        fallback: Callable[[A, Exception], T] | None = None,
        key_first: bool = False,
    ) -> None:
        super().__init__(fn)
        self.key_first = key_first
        self.__wrapped__ = fn
        self.cache = cache
        self.fetch = fetch
        self.project = project
        self.check = check
        self.direct = direct
        self.fallback = fallback

    def _bind(self, obj: Any) -> Any:
        read = self._bind_read(obj)
        fallback = self.fallback
        if fallback is None:
            return read
        fn = self.fn
        # The key is named (and may raise) outside the fallback: a call the client cannot serve
        # at all (an operation its API version lacks) is an error, not a default answer.
        if obj._is_async:
            async def guarded_async(*args: Any, **kwargs: Any) -> Any:
                key, arg = fn(obj, *args, **kwargs)
                try:
                    return await read.by_key(key, arg)
                except Exception as exc:
                    return fallback(arg, exc)

            return guarded_async

        def guarded(*args: Any, **kwargs: Any) -> Any:
            key, arg = fn(obj, *args, **kwargs)
            try:
                return read.by_key(key, arg)
            except Exception as exc:
                return fallback(arg, exc)

        return guarded

    def _bind_read(self, obj: Any) -> Any:
        """The bound read; ``.by_key(key, arg)`` on it skips naming the key (for ``fallback``)."""
        fn, project, check = self.fn, self.project, self.check
        fetch_flow, run = self.fetch, obj._driver.run
        cache = self.cache(obj)
        get = cache.get  # the cache's closure-bound hot path (see EntitlementCache._install_get)
        by_key: Any
        if not cache.enabled:
            def fetch_and_project(client: Any, key: Any, arg: Any) -> Flow[Any]:
                return project((yield from fetch_flow(client, key)), arg)

            direct = self.direct or fetch_and_project

            # Both flavours: an async driver's run() returns its coroutine, which the caller
            # awaits (no coroutine of our own around it: one less on every uncached call).
            def by_key(key: Any, arg: Any) -> Any:
                if check is not None:
                    check(obj, key)
                return run(direct(obj, key, arg))
        elif obj._is_async:
            fetch_async = cache.get_or_fetch_async

            async def by_key(key: Any, arg: Any) -> Any:
                try:
                    value = get(key)
                except TypeError:  # unhashable: let check() name the bad argument
                    value = None
                if value is None:
                    if check is not None:
                        check(obj, key)
                    value = await fetch_async(key, lambda: run(fetch_flow(obj, key)))
                return project(value, arg)
        else:
            fetch = cache.get_or_fetch

            def by_key(key: Any, arg: Any) -> Any:
                try:
                    value = get(key)
                except TypeError:
                    value = None
                if value is None:
                    if check is not None:
                        check(obj, key)
                    value = fetch(key, lambda: run(fetch_flow(obj, key)))
                return project(value, arg)

        bound: Any
        if obj._is_async:
            async def bound(*args: Any, **kwargs: Any) -> Any:
                key, arg = fn(obj, *args, **kwargs)
                return await by_key(key, arg)
        elif cache.enabled and self.key_first:
            fetch = cache.get_or_fetch
            method: Callable[..., tuple[Any, Any]] = fn  # key_first: checked to take (key, arg)

            def miss(key: Any, arg: Any) -> Any:
                key, arg = method(obj, key, arg)  # the method's validation, on a miss only
                if check is not None:
                    check(obj, key)
                return project(fetch(key, lambda: run(fetch_flow(obj, key))), arg)

            bound = _key_first_hit(fn, cache.hit_parts(), project, miss)
        elif cache.enabled:
            fetch = cache.get_or_fetch

            # The sync hit path inlined (no second call): a deliberate copy of the sync by_key
            # above, one Python call less on every hit (Lumen's entitlement checks, Vellum's flags;
            # bench/lumen_hit_path.py). Vellum's can() is key_first (_key_first_hit) instead.
            def bound(*args: Any, **kwargs: Any) -> Any:
                key, arg = fn(obj, *args, **kwargs)
                try:
                    value = get(key)
                except TypeError:
                    value = None
                if value is None:
                    if check is not None:
                        check(obj, key)
                    value = fetch(key, lambda: run(fetch_flow(obj, key)))
                return project(value, arg)
        else:
            def bound(*args: Any, **kwargs: Any) -> Any:
                key, arg = fn(obj, *args, **kwargs)
                return by_key(key, arg)
        bound.by_key = by_key
        return bound


def _key_first_hit(fn: Callable[..., Any], parts: tuple[Callable[..., Any], Callable[[], float]],
                   project: Callable[[Any, Any], Any], miss: Callable[[Any, Any], Any]) -> Any:
    """The sync hit path of a ``key_first`` read, compiled with the method's own two parameter
    names (``can(customer_id, module_id)``), so keyword calls work and a hit costs one entry
    lookup, one clock read, one referenced-flag store and one projection call: no ``*args``/``**kwargs``
    packing, no call of the method, and the cache's ``get`` inlined (its parts from
    ``EntitlementCache.hit_parts``; one Python call less per hit, ~15 % of it, measured).
    (dataclasses and attrs generate their ``__init__`` the same way.)"""
    params = list(inspect.signature(fn).parameters.values())[1:]
    plain = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    if len(params) != 2 or any(p.kind not in plain or p.default is not p.empty for p in params) \
            or not all(p.name.isidentifier() for p in params):
        raise TypeError(f"key_first read {fn.__name__} must take exactly (self, key, arg) without defaults")
    key, arg = params[0].name, params[1].name
    star = ", *" if params[1].kind is inspect.Parameter.KEYWORD_ONLY else ""
    expression = getattr(project, _EXPRESSION, None)  # a projection(...): its expression inline
    answer = (f"    return project(entry[0], {arg})\n" if expression is None else
              ("" if arg == "arg" else f"    arg = {arg}\n") + "    value = entry[0]\n    return " + expression + "\n")
    source = (f"def {fn.__name__}({key}{star}, {arg}):\n"
              f"    try:\n        entry = entry_of({key})\n    except TypeError:\n        entry = None\n"
              f"    if entry is None or entry[1] <= clock():\n        return miss({key}, {arg})\n"
              "    entry[3] = True\n" + answer)  # the eviction sweep's second chance (hit_parts)
    entry_of, clock = parts
    namespace: dict[str, Any] = {"entry_of": entry_of, "clock": clock, "project": project, "miss": miss}
    exec(compile(source, f"<cached read {fn.__qualname__}>", "exec"), namespace)
    return namespace[fn.__name__]


_EXPRESSION = "__paywire_projection__"


def projection(expression: str, name: str) -> Callable[[Any, Any], Any]:
    """A ``project`` written as one Python expression of ``value`` (the cached value) and
    ``arg``: ``projection("arg in value.modules", "_has")``. It is an ordinary function
    ``(value, arg)`` everywhere, and ``key_first`` hit paths compile the same expression in
    place of the call (one Python call less on every hit: ``can()`` runs on every gated request)."""
    if not name.isidentifier():
        raise ValueError(f"projection name {name!r} is not an identifier")
    namespace: dict[str, Any] = {}
    exec(compile(f"def {name}(value, arg):\n    return {expression}\n", f"<projection {name}>", "exec"), namespace)
    fn: Callable[[Any, Any], Any] = namespace[name]
    setattr(fn, _EXPRESSION, expression)
    return fn


def cached_read(
    *,
    cache: Callable[[Any], EntitlementCache[K, V]],
    fetch: Callable[[Any, K], Flow[V]],
    project: Callable[[V, A], T],
    check: Callable[[Any, K], None] | None = None,
    direct: Callable[[Any, K, A], Flow[T]] | None = None,
    fallback: Callable[[A, Exception], T] | None = None,
    key_first: bool = False,
) -> Callable[[Callable[Concatenate[Any, P], tuple[K, A]]], CachedRead[P, T, K, V, A]]:
    """Decorator: ``def can(self, customer_id: str, module_id: str) -> tuple[str, str]`` naming
    the key and the projection's argument becomes a cached read returning ``T`` (sync clients)
    or ``Awaitable[T]`` (async clients). ``cache(client)`` picks the client's cache once, when
    the method is first bound."""

    def decorate(fn: Callable[Concatenate[Any, P], tuple[K, A]]) -> CachedRead[P, T, K, V, A]:
        return CachedRead(fn, cache=cache, fetch=fetch, project=project, check=check, direct=direct,
                          fallback=fallback, key_first=key_first)

    return decorate

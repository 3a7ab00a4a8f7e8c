"""The sandbox's operation routing answers exactly as the route list it replaced.

Before, ``build_app`` made one Starlette ``Route`` per spec path (literal paths first, then by
number of parameters and path); now each service matches its own paths (``_routing.PathTable``)
in ``dispatch.RequestDispatch``. For every path of every spec, with every method and a set of
near misses (trailing slash added or removed, an empty or extra segment, a changed literal, a
final newline, under a ``/_ns/<name>`` prefix...), both apps must pick the same operation with
the same path parameters, or give byte-identical non-operation answers (404, 405, 307).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Match, Route

from paywire.sandbox import _framework
from paywire.sandbox._routing import PathTable
from paywire.sandbox.app import NAMESPACE_SCOPE_KEY, Sandbox, build_app
from paywire.sandbox.dispatch import ServiceRoute
from paywire.sandbox.namespace import URL_PREFIX

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_PARAM = re.compile(r"\{[^}]+\}")


class _OldNamespaceMiddleware:
    """The namespace part of the old middleware: a /_ns/<name> prefix goes to root_path."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith(URL_PREFIX):
            name = scope["path"][len(URL_PREFIX):].partition("/")[0]
            scope = {**scope, "root_path": URL_PREFIX + name, NAMESPACE_SCOPE_KEY: name}
        await self.app(scope, receive, send)


def _old_app(sandbox: Sandbox, new_app: Any) -> Starlette:
    """The route list ``build_app`` made before: one Route per spec path, sorted as it sorted."""
    routes: list[Any] = []
    by_service = {svc.name: svc for svc in sandbox.services.values()}
    for new_route in new_app.routes:
        if isinstance(new_route, ServiceRoute):
            svc = by_service[new_route.service.name]
            by_path: dict[str, dict[str, str]] = {}
            for method, path, op_id in svc.operations():
                by_path.setdefault(path, {})[method] = op_id
            for path in sorted(by_path, key=lambda p: (p.count("{"), p)):
                endpoint = _framework.OperationEndpoint(svc, sandbox, path, by_path[path])
                routes.append(Route(svc.prefix + path, endpoint))
        else:
            routes.append(new_route)  # the spec documents and the control plane, unchanged
    return Starlette(routes=routes, middleware=[Middleware(_OldNamespaceMiddleware)])


def _variants(prefix: str, path: str) -> Iterator[str]:
    """The path itself and its near misses, parameters filled in several ways."""
    filled = _PARAM.sub("p1", path)
    yield prefix + filled
    yield prefix + filled + "/"
    yield prefix + filled.rstrip("/")
    yield prefix + filled + "\n"
    yield prefix + filled + "/\n"
    yield prefix + filled + "/extra"
    yield prefix + "/extra" + filled
    yield prefix + filled.replace("/", "//", 1)
    yield prefix + _PARAM.sub("", path)  # empty parameters
    yield prefix + _PARAM.sub("p\n", path)  # a newline inside a parameter
    yield prefix + _PARAM.sub("convert", path)  # a parameter spelling a sibling's literal
    yield prefix.upper() + filled
    segments = filled.split("/")
    for i, segment in enumerate(segments):
        if segment and segment != "p1":
            yield prefix + "/".join([*segments[:i], segment + "x", *segments[i + 1:]])
            yield prefix + "/".join([*segments[:i], "p1", *segments[i + 1:]])  # a literal as a parameter


def _corpus(sandbox: Sandbox) -> list[tuple[str, str]]:
    """(method, path) requests: every method on every spec path and fixed route; the near
    misses with GET and POST (a table lookup never looks at the method, only the endpoint and
    the fixed routes' 405s do); all of it once more under a namespace prefix with GET."""
    exact: set[str] = {"/", "/nope", "/_sandbox", "/_sandbox/nope/nope", "/_sandbox/"}
    near: set[str] = set()
    for svc in sandbox.services.values():
        exact |= {svc.prefix, svc.prefix + "/", svc.prefix + "/openapi.json", svc.prefix + "/openapi.json/"}
        for _, path, _ in svc.operations():
            exact.add(svc.prefix + _PARAM.sub("p1", path))
            near.update(_variants(svc.prefix, path))
    near -= exact
    requests = [(method, path) for path in sorted(exact) for method in METHODS]
    requests += [(method, path) for path in sorted(near) for method in ("GET", "POST")]
    requests += [("GET", URL_PREFIX + "w1" + path) for path in sorted(exact | near)]
    return requests


async def _answer(app: Any, method: str, path: str) -> tuple[Any, ...]:
    """What the app does with a request: the operation it serves, or the bytes it sends."""
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode("latin-1", "replace"),
             "query_string": b"", "root_path": "", "headers": [(b"host", b"sandbox.test")],
             "client": ("127.0.0.1", 1), "server": ("sandbox.test", 80)}
    await app(scope, receive, send)
    return tuple(_calls[-1:]) + tuple(
        (m["type"], m.get("status"), sorted(m.get("headers", [])), m.get("body")) for m in sent)


_calls: list[tuple[Any, ...]] = []


@pytest.fixture()
def recording(monkeypatch: pytest.MonkeyPatch) -> None:
    """Operation endpoints record what they were asked to serve instead of serving it."""

    async def serve(self: Any, scope: Any, receive: Any, send: Any, path_params: Any) -> None:
        _calls.append((self.service.name, self.path, dict(self.ops), dict(path_params),
                       scope.get(NAMESPACE_SCOPE_KEY)))
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    monkeypatch.setattr(_framework.OperationEndpoint, "serve", serve)


def test_every_spec_path_routes_as_the_old_route_list(recording: None) -> None:
    sandbox = Sandbox()
    new = build_app(sandbox)
    old = _old_app(sandbox, new)
    corpus = _corpus(sandbox)

    async def compare() -> tuple[set[tuple[str, str]], int, list[str]]:
        served: set[tuple[str, str]] = set()
        differ = 0
        diffs: list[str] = []
        for method, path in corpus:
            _calls.clear()
            want = await _answer(old, method, path)
            _calls.clear()
            got = await _answer(new, method, path)
            served.update((call[0], call[1]) for call in _calls)
            if got != want:
                differ += 1
                diffs.append(f"{method} {path!r}: old {want!r}, new {got!r}")
        return served, differ, diffs

    served, differ, diffs = asyncio.run(compare())
    assert not diffs, f"{differ} answers differ, e.g.:\n" + "\n".join(diffs[:10])
    # The corpus reached every operation, not only 404s.
    assert served == {(svc.name, path) for svc in sandbox.services.values() for _, path, _ in svc.operations()}


def test_every_spec_path_is_in_its_table() -> None:
    for svc in Sandbox().services.values():
        table = svc.paths
        for method, path, op_id in svc.operations():
            found = table.match(_PARAM.sub("v", path))
            assert found is not None and found[1][method] == op_id, (svc.name, method, path)
            assert found[2] == {name[1:-1]: "v" for name in _PARAM.findall(path)}


@pytest.mark.parametrize("path", ["/a/x{id}", "/a/{id}.pdf", "/a/{id}/{id}", "/a/{id:int}"])
def test_a_path_the_table_cannot_match_like_starlette_is_refused(path: str) -> None:
    with pytest.raises(ValueError, match="spec path"):
        PathTable([("GET", path, "op")])


def test_overlapping_templates_resolve_in_the_old_route_order() -> None:
    """No spec has two templated paths that can match one request today; a future one must
    still resolve as Starlette's sorted route list would (fewer parameters first, then by path)."""
    import itertools

    paths = ["/a/b/c", "/a/{x}/c", "/a/b/{y}", "/{z}/b/c", "/a/{x}/{y}", "/{x}/{y}/{w}", "/a/{x}", "/{x}/b",
             "/a/b/", "/{x}/", "/{x}"]
    ops = [("GET", path, f"op{i}") for i, path in enumerate(paths)]
    table = PathTable(ops)
    routes = [Route(path, _framework.OperationEndpoint.__call__)
              for path in sorted(paths, key=lambda p: (p.count("{"), p))]
    requests = ["/" + "/".join(parts) + end for n in range(1, 4) for parts in itertools.product("abcp", repeat=n)
                for end in ("", "/", "\n", "/\n")]
    compared = 0
    for request in [*requests, "/a//c", "//b/c", "/a/b\nc", "/a\n/b/c"]:
        scope = {"type": "http", "path": request, "root_path": "", "method": "GET"}
        want = next(((r.path, child["path_params"]) for r in routes
                     for match, child in [r.matches(scope)] if match is Match.FULL), None)
        found = table.match(request)
        assert (None if found is None else (found[0], found[2])) == want, request
        compared += want is not None
    assert compared > len(paths)


def test_the_service_routes_alone_serve_what_the_dispatch_serves(recording: None) -> None:
    """Without RequestDispatch in front (as a plain Starlette route list), the per-service
    routes pick the same endpoint and parameters for every spec path."""
    sandbox = Sandbox()
    new = build_app(sandbox)
    bare = Starlette(routes=list(new.routes))

    async def compare() -> list[str]:
        diffs = []
        for svc in sandbox.services.values():
            for method, path, _ in svc.operations():
                request = svc.prefix + _PARAM.sub("p1", path)
                _calls.clear()
                want = await _answer(new, method, request)
                _calls.clear()
                got = await _answer(bare, method, request)
                if got != want or not _calls:
                    diffs.append(f"{method} {request}: {want!r} vs {got!r}")
        return diffs

    assert asyncio.run(compare()) == []

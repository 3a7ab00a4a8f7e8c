"""The sandbox's front door: pick the request's namespace, then hand a service request straight
to its operation's endpoint.

:class:`RequestDispatch` runs as the (pure ASGI) middleware of the Starlette app. A request for
a spec operation goes from here to its :class:`OperationEndpoint` (found by the service's
:class:`~paywire.sandbox._routing.PathTable`), skipping Starlette's exception layer and route
list; everything else (control plane, ``/<prefix>/openapi.json``, unknown paths) goes on to the
Starlette router, which holds one :class:`ServiceRoute` per service so its answers for
non-operations stay what they were: 404 ``Not Found``, 405 for the fixed routes, and the 307
redirect to the path with (or without) a trailing slash when that path is an operation.
"""

from __future__ import annotations

from typing import Any

from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, NoMatchFound

from paywire.sandbox import control_schemas
from paywire.sandbox._framework import OperationEndpoint, ServiceApp
from paywire.sandbox.app import NAMESPACE_SCOPE_KEY, Sandbox
from paywire.sandbox.namespace import HEADER, URL_PREFIX, check_name

_HEADER_BYTES = HEADER.encode()


class Operations:
    """The operations of a sandbox's services: which endpoint serves a path (endpoints made on
    first use, one per spec path, as the old route list had)."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.services = list(sandbox.services.values())
        self._endpoints: dict[tuple[str, str], OperationEndpoint] = {}

    def find(self, route_path: str, only: ServiceApp | None = None) -> tuple[OperationEndpoint, dict[str, str]] | None:
        """(endpoint, path parameters) of the first service (in registration order) with an
        operation at ``route_path``; ``only`` limits the search to one service."""
        for svc in self.services if only is None else (only,):
            prefix = svc.prefix
            if not route_path.startswith(prefix):
                continue
            rel = route_path[len(prefix):]
            if rel[:1] != "/":
                continue
            found = svc.paths.match(rel)
            if found is None:
                continue
            path, ops, params = found
            endpoint = self._endpoints.get((svc.name, path))
            if endpoint is None:
                endpoint = self._endpoints[(svc.name, path)] = OperationEndpoint(svc, self.sandbox, path, ops)
            return endpoint, params
        return None


class RequestDispatch:
    """Pick each request's namespace: ``/_ns/<name>/...`` (kept in Starlette's ``root_path``, so
    routes and the service handlers see the plain path) or the ``X-Paywire-Namespace`` header;
    both given and different, or a malformed name, is a 400. Then serve a spec operation
    directly, or pass the request on to the Starlette router."""

    def __init__(self, app: Any, operations: Operations) -> None:
        self.app = app
        self.operations = operations

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chosen: str | None = None
        try:
            path: str = scope["path"]
            if path.startswith(URL_PREFIX):
                name, _, _ = path[len(URL_PREFIX):].partition("/")
                chosen = check_name(name)
                scope = {**scope, "root_path": scope.get("root_path", "") + URL_PREFIX + name}
            for key, value in scope.get("headers", []):
                if key == _HEADER_BYTES:
                    named = check_name(value.decode("latin-1").strip())
                    if chosen is not None and named != chosen:
                        raise control_schemas.ControlInputError(
                            f"namespace {named!r} in {HEADER} differs from {chosen!r} in the URL")
                    chosen = named
        except ValueError as exc:
            from starlette.responses import JSONResponse

            await JSONResponse({"error": str(exc)}, status_code=400)(scope, receive, send)
            return
        if chosen is not None:
            scope = {**scope, NAMESPACE_SCOPE_KEY: chosen}
        found = self.operations.find(get_route_path(scope))
        if found is None:
            await self.app(scope, receive, send)
            return
        endpoint, params = found
        await endpoint.serve(scope, receive, send, {**scope.get("path_params", {}), **params})


class ServiceRoute(BaseRoute):
    """One service's operations as a single Starlette route. :class:`RequestDispatch` serves
    operations before the router sees them; the router consults this route for its trailing
    slash redirect (and would serve a match the same way)."""

    def __init__(self, operations: Operations, service: ServiceApp) -> None:
        self.operations = operations
        self.service = service

    def matches(self, scope: Any) -> tuple[Match, dict[str, Any]]:
        if scope["type"] != "http":
            return Match.NONE, {}
        found = self.operations.find(get_route_path(scope), only=self.service)
        if found is None:
            return Match.NONE, {}
        endpoint, params = found
        return Match.FULL, {"endpoint": endpoint, "path_params": {**scope.get("path_params", {}), **params}}

    async def handle(self, scope: Any, receive: Any, send: Any) -> None:
        await scope["endpoint"].serve(scope, receive, send, scope["path_params"])

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        raise NoMatchFound(name, path_params)

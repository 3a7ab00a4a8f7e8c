"""The sandbox: one ASGI app serving every pinned spec under its prefix, plus ``/_sandbox/``."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from paywire.sandbox import control_schemas
from paywire.sandbox._framework import SERVICES, Clock, Faults, ServiceApp

if TYPE_CHECKING:
    from paywire.sandbox.namespace import Namespace

#: ASGI scope key carrying the request's namespace name (absent: the default namespace).
NAMESPACE_SCOPE_KEY = "paywire.namespace"

#: Service modules; each declares its ServiceApp(s) at import time.
SERVICE_MODULES = ("spaps", "lumen", "vellum", "conxa")


def load_services() -> list[ServiceApp]:
    for name in SERVICE_MODULES:
        try:
            importlib.import_module(f"paywire.sandbox.{name}")
        except ModuleNotFoundError as exc:  # a service module not written yet (tested for)
            if exc.name != f"paywire.sandbox.{name}":
                raise
    return list(SERVICES)


class Sandbox:
    """The services plus their namespaces (no I/O); see ``namespace.py``.

    ``clock``, ``faults``, ``requests``, ``state()``, ``reset()`` and ``seed()`` here are the
    ``default`` namespace's, the one a request without a namespace header or prefix uses."""

    def __init__(self, *, validate_requests: bool = True, validate_responses: bool = True) -> None:
        from paywire.sandbox.namespace import Namespaces

        self.services = {svc.name: svc for svc in load_services()}
        self.validate_requests = validate_requests
        self.validate_responses = validate_responses
        self.factories: dict[str, Callable[[Clock], Any]] = {}
        for svc in self.services.values():
            self.factories.setdefault(svc.state_key, svc.new_state)  # loads the service on first use
        self.namespaces = Namespaces(self)
        self.default = self.namespaces.get()

    def namespace(self, name: str | None = None) -> Namespace:
        """A namespace by name (created on first use); ``None`` is the default one."""
        return self.default if name is None else self.namespaces.get(name)

    def namespace_of(self, scope: Mapping[str, Any]) -> Namespace:
        """The namespace an ASGI request chose (set by ``dispatch.RequestDispatch``)."""
        return self.namespace(scope.get(NAMESPACE_SCOPE_KEY))

    def control_fn(self, service: str, action: str) -> tuple[Callable[[Any, Any], Any], str]:
        """A per-service ``POST`` control and the state key it runs on (KeyError if none)."""
        svc = self.services[service]
        return svc.controls[("POST", action)], svc.state_key

    # -- the default namespace ---------------------------------------------------------------------
    @property
    def clock(self) -> Clock:
        return self.default.clock

    @property
    def faults(self) -> Faults:
        return self.default.faults

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.default.requests

    @property
    def response_violations(self) -> list[str]:
        return self.default.response_violations

    @property
    def lock(self) -> Any:
        return self.default.lock

    def state(self, key: str) -> Any:
        return self.default.state(key)

    def reset(self, key: str | None = None) -> None:
        """Fresh seeded state (one service or all), no faults, clock rewound, empty log."""
        self.default.reset(key)

    def seed(self, fixtures: dict[str, Any]) -> dict[str, Any]:
        """Add users, keys, plans, tenants, providers, wallets... (see sandbox/fixtures.py)."""
        return self.default.seed(fixtures)

    def check_fault_match(self, match: str) -> None:
        """A fault rule naming no operation would silently never fire: refuse it."""
        service, _, op = match.rpartition(":")
        if service and service not in self.services:
            raise control_schemas.ControlInputError(
                f"fault match {match!r}: unknown service {service!r}; known: {sorted(self.services)}")
        if op == "*":
            return
        apps = [self.services[service]] if service else list(self.services.values())
        if not any(op == op_id for svc in apps for _, _, op_id in svc.operations()):
            raise control_schemas.ControlInputError(f"fault match {match!r}: no such operationId")

    def describe(self) -> dict[str, Any]:
        return {
            "services": {name: svc.prefix for name, svc in self.services.items()},
            "validate_requests": self.validate_requests,
            "validate_responses": self.validate_responses,
        }


def build_app(sandbox: Sandbox) -> Any:
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from paywire.sandbox import dashboard, webhooks_log
    from paywire.sandbox.dispatch import Operations, RequestDispatch, ServiceRoute

    # Spec operations are served by RequestDispatch before the router sees them; the router
    # keeps one route per service (in the old order: operations, then the spec document) for
    # its trailing-slash redirect and its 404s.
    operations = Operations(sandbox)
    routes: list[Any] = []
    for svc in sandbox.services.values():
        routes.append(ServiceRoute(operations, svc))
        routes.append(Route(svc.prefix + "/openapi.json", _spec_endpoint(svc), methods=["GET"]))

    def control(route: str, fn: Callable[[Request, Any], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
        """Every control-plane endpoint: parse and check the body against the route's schema
        first (400 naming the field), then run; a semantic refusal (unknown id...) is a 400 too.
        A result that is already a Response (the dashboard page) is sent as it is."""

        async def endpoint(request: Request) -> Response:
            try:
                body = control_schemas.check(request.method, route, control_schemas.parse_body(await request.body()))
                result = await fn(request, body)
            except (KeyError, ValueError, TypeError, ArithmeticError) as exc:
                return JSONResponse({"error": _reason(exc)}, status_code=400)
            return result if isinstance(result, Response) else JSONResponse(result)

        return endpoint

    def ns_of(request: Request) -> Namespace:
        return sandbox.namespace_of(request.scope)

    async def reset(request: Request, body: Any) -> Any:
        ns_of(request).reset(body.get("service"))
        return {"ok": True}

    async def seed(request: Request, body: Any) -> Any:
        return ns_of(request).seed(body)

    async def requests_log(request: Request, body: Any) -> Any:
        ns = ns_of(request)
        if request.method == "DELETE":
            ns.requests.clear()
        return {"requests": ns.requests}

    async def faults(request: Request, body: Any) -> Any:
        ns = ns_of(request)
        if request.method == "DELETE":
            ns.faults.clear()
        elif request.method == "POST":
            sandbox.check_fault_match(body.get("match", "*"))
            ns.faults.add(**body)
        return {"faults": [f.as_dict() for f in ns.faults.rules]}

    async def clock(request: Request, body: Any) -> Any:
        ns = ns_of(request)
        fired = []
        if request.method == "POST":
            ns.clock.advance(body["seconds"])
            fired = [a.as_dict() for a in ns.schedule.run_due()]  # timed actions now due
        out = {"now": ns.clock.now(), "iso": ns.clock.iso(), "offset": ns.clock.offset}
        return {**out, "fired": fired} if request.method == "POST" else out

    async def deliveries(request: Request, body: Any) -> Any:
        return {"deliveries": webhooks_log.deliveries(ns_of(request))}

    async def replay(request: Request, body: Any) -> Any:
        # The replay POSTs to the receiver: off the event loop, so the sandbox keeps serving
        # (a receiver may call back into the sandbox while it handles the push).
        return await asyncio.to_thread(webhooks_log.replay, ns_of(request), body["id"])

    async def ui_state(request: Request, body: Any) -> Any:
        return dashboard.snapshot(ns_of(request))

    async def info(request: Request, body: Any) -> Any:
        return {**sandbox.describe(), "namespace": ns_of(request).name}

    async def snapshot(request: Request, body: Any) -> Any:
        return ns_of(request).snapshot()

    async def restore(request: Request, body: Any) -> Any:
        ns = ns_of(request)
        ns.restore(body)
        return {"ok": True, "namespace": ns.name, "now": ns.clock.now()}

    async def namespaces(request: Request, body: Any) -> Any:
        return {"namespaces": sandbox.namespaces.names()}

    async def drop_namespace(request: Request, body: Any) -> Any:
        name = ns_of(request).name
        return {"dropped": sandbox.namespaces.drop(name), "namespace": name}

    async def schedule(request: Request, body: Any) -> Any:
        ns = ns_of(request)
        if request.method == "DELETE":
            ns.schedule.clear()
        elif request.method == "POST":
            action = ns.schedule.add(body["control"], body.get("body"), in_seconds=body.get("in_seconds"),
                                     at=body.get("at"))
            return action.as_dict()
        ns.schedule.run_due()
        return {"now": ns.clock.now(), "actions": [a.as_dict() for a in ns.schedule.actions]}

    def service_control(svc: ServiceApp, action: str) -> Callable[[Request, Any], Awaitable[Any]]:
        async def run_control(request: Request, body: Any) -> Any:
            fn = svc.controls[(request.method, action)]
            ns = ns_of(request)
            with ns.lock:
                return fn(ns.state(svc.state_key), body)

        return run_control

    async def unknown_control(request: Request) -> JSONResponse:
        name, action = request.path_params["service"], request.path_params["action"]
        return JSONResponse({"error": f"no control {request.method} {name}/{action}"}, status_code=404)

    routes += [
        Route("/_sandbox", control("", info), methods=["GET"]),
        Route("/_sandbox/reset", control("reset", reset), methods=["POST"]),
        Route("/_sandbox/seed", control("seed", seed), methods=["POST"]),
        Route("/_sandbox/requests", control("requests", requests_log), methods=["GET", "DELETE"]),
        Route("/_sandbox/faults", control("faults", faults), methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/clock", control("clock", clock), methods=["GET", "POST"]),
        Route("/_sandbox/snapshot", control("snapshot", snapshot), methods=["GET"]),
        Route("/_sandbox/restore", control("restore", restore), methods=["POST"]),
        Route("/_sandbox/namespaces", control("namespaces", namespaces), methods=["GET"]),
        Route("/_sandbox/namespace", control("namespace", drop_namespace), methods=["DELETE"]),
        Route("/_sandbox/schedule", control("schedule", schedule), methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/webhooks/deliveries", control("webhooks/deliveries", deliveries), methods=["GET"]),
        Route("/_sandbox/webhooks/replay", control("webhooks/replay", replay), methods=["POST"]),
        Route("/_sandbox/ui", control("ui", dashboard.page), methods=["GET"]),
        Route("/_sandbox/ui/state", control("ui/state", ui_state), methods=["GET"]),
    ]
    # One concrete route per control (not a /{service}/{action} template), so the routes
    # themselves list the whole control plane and each one has its own schema. The routes come
    # from the schema table (one entry per registered control, tested), not from svc.controls,
    # which would load every service at start-up.
    for svc in sandbox.services.values():
        by_action: dict[str, list[str]] = {}
        for method, action in control_schemas.service_controls(svc.name):
            by_action.setdefault(action, []).append(method)
        for action, methods in sorted(by_action.items()):
            route = f"{svc.name}/{action}"
            routes.append(Route(f"/_sandbox/{route}", control(route, service_control(svc, action)), methods=methods))
    routes.append(Route("/_sandbox/{service}/{action}", unknown_control, methods=["GET", "POST", "DELETE"]))
    return Starlette(routes=routes, middleware=[Middleware(RequestDispatch, operations)])


def _spec_endpoint(svc: ServiceApp) -> Any:
    from starlette.responses import JSONResponse

    async def endpoint(request: Any) -> JSONResponse:
        return JSONResponse(svc.spec)

    return endpoint


def _reason(exc: BaseException) -> str:
    # KeyError's str() is the repr of the key; say what was not found instead.
    if isinstance(exc, KeyError) and exc.args:
        return f"not found: {exc.args[0]}"
    return str(exc) or type(exc).__name__

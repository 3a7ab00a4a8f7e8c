"""The sandbox: one ASGI app serving every pinned spec under its prefix, plus ``/_sandbox/``."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Awaitable, Callable
from typing import Any

from paywire.sandbox import control_schemas
from paywire.sandbox._framework import SERVICES, Clock, Faults, OperationEndpoint, ServiceApp

#: Service modules; each declares its ServiceApp(s) at import time.
SERVICE_MODULES = ("spaps", "spaps_2026_10", "lumen", "vellum", "conxa")


def load_services() -> list[ServiceApp]:
    for name in SERVICE_MODULES:
        try:
            importlib.import_module(f"paywire.sandbox.{name}")
        except ModuleNotFoundError as exc:  # a service module not written yet (tested for)
            if exc.name != f"paywire.sandbox.{name}":
                raise
    return list(SERVICES)


class Sandbox:
    """All sandbox state, the clock, fault rules and the request log (no I/O)."""

    def __init__(self, *, validate_requests: bool = True, validate_responses: bool = True) -> None:
        self.services = {svc.name: svc for svc in load_services()}
        self.clock = Clock()
        self.faults = Faults()
        self.requests: list[dict[str, Any]] = []
        self.response_violations: list[str] = []
        self.validate_requests = validate_requests
        self.validate_responses = validate_responses
        self.lock = threading.RLock()
        self._factories: dict[str, Any] = {}
        for svc in self.services.values():
            self._factories.setdefault(svc.state_key, svc.state_factory)
        self._states: dict[str, Any] = {}
        self.reset()

    def state(self, key: str) -> Any:
        return self._states[key]

    def reset(self, key: str | None = None) -> None:
        """Fresh seeded state (one service or all), no faults, clock rewound, empty log."""
        with self.lock:
            if key is None:
                self.clock.reset()
                self.faults.clear()
                self.requests.clear()
                self.response_violations.clear()
                keys = list(self._factories)
            else:
                keys = [key]
            for k in keys:
                self._states[k] = self._factories[k](self.clock)

    def seed(self, fixtures: dict[str, Any]) -> dict[str, Any]:
        """Add users, keys, plans, tenants, providers, wallets... (see sandbox/fixtures.py)."""
        from paywire.sandbox.fixtures import seed

        with self.lock:
            return seed(self.state, fixtures)

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
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    routes: list[Any] = []
    for svc in sandbox.services.values():
        by_path: dict[str, dict[str, str]] = {}
        for method, path, op_id in svc.operations():
            by_path.setdefault(path, {})[method] = op_id
        # Literal segments before templated ones, so /x/convert wins over /x/{id}.
        for path in sorted(by_path, key=lambda p: (p.count("{"), p)):
            routes.append(Route(svc.prefix + path, OperationEndpoint(svc, sandbox, path, by_path[path])))
        routes.append(Route(svc.prefix + "/openapi.json", _spec_endpoint(svc), methods=["GET"]))

    def control(route: str, fn: Callable[[Request, Any], Awaitable[Any]]) -> Callable[[Request], Awaitable[JSONResponse]]:
        """Every control-plane endpoint: parse and check the body against the route's schema
        first (400 naming the field), then run; a semantic refusal (unknown id...) is a 400 too."""

        async def endpoint(request: Request) -> JSONResponse:
            try:
                body = control_schemas.check(request.method, route, control_schemas.parse_body(await request.body()))
                result = await fn(request, body)
            except (KeyError, ValueError, TypeError, ArithmeticError) as exc:
                return JSONResponse({"error": _reason(exc)}, status_code=400)
            return JSONResponse(result)

        return endpoint

    async def reset(request: Request, body: Any) -> Any:
        sandbox.reset(body.get("service"))
        return {"ok": True}

    async def seed(request: Request, body: Any) -> Any:
        return sandbox.seed(body)

    async def requests_log(request: Request, body: Any) -> Any:
        if request.method == "DELETE":
            sandbox.requests.clear()
        return {"requests": sandbox.requests}

    async def faults(request: Request, body: Any) -> Any:
        if request.method == "DELETE":
            sandbox.faults.clear()
        elif request.method == "POST":
            sandbox.check_fault_match(body.get("match", "*"))
            sandbox.faults.add(**body)
        return {"faults": [f.as_dict() for f in sandbox.faults.rules]}

    async def clock(request: Request, body: Any) -> Any:
        if request.method == "POST":
            sandbox.clock.advance(body["seconds"])
        return {"now": sandbox.clock.now(), "iso": sandbox.clock.iso(), "offset": sandbox.clock.offset}

    async def info(request: Request, body: Any) -> Any:
        return sandbox.describe()

    def service_control(svc: ServiceApp, action: str) -> Callable[[Request, Any], Awaitable[Any]]:
        async def run_control(request: Request, body: Any) -> Any:
            fn = svc.controls[(request.method, action)]
            with sandbox.lock:
                return fn(sandbox.state(svc.state_key), body)

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
    ]
    # One concrete route per registered control (not a /{service}/{action} template), so the
    # routes themselves list the whole control plane and each one has its own schema.
    for svc in sandbox.services.values():
        by_action: dict[str, list[str]] = {}
        for method, action in svc.controls:
            by_action.setdefault(action, []).append(method)
        for action, methods in sorted(by_action.items()):
            route = f"{svc.name}/{action}"
            routes.append(Route(f"/_sandbox/{route}", control(route, service_control(svc, action)), methods=methods))
    routes.append(Route("/_sandbox/{service}/{action}", unknown_control, methods=["GET", "POST", "DELETE"]))
    return Starlette(routes=routes)


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

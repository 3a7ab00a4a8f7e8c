"""The sandbox: one ASGI app serving every pinned spec under its prefix, plus ``/_sandbox/``."""

from __future__ import annotations

import importlib
import threading
from typing import Any

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

    async def reset(request: Request) -> JSONResponse:
        body = await _json(request)
        sandbox.reset(body.get("service") if isinstance(body, dict) else None)
        return JSONResponse({"ok": True})

    async def seed(request: Request) -> JSONResponse:
        body = await _json(request)
        try:
            return JSONResponse(sandbox.seed(body if isinstance(body, dict) else {}))
        except (KeyError, TypeError, ValueError) as exc:
            return JSONResponse({"error": f"bad fixtures: {exc}"}, status_code=400)

    async def requests_log(request: Request) -> JSONResponse:
        if request.method == "DELETE":
            sandbox.requests.clear()
        return JSONResponse({"requests": sandbox.requests})

    async def faults(request: Request) -> JSONResponse:
        if request.method == "DELETE":
            sandbox.faults.clear()
        elif request.method == "POST":
            body = await _json(request)
            try:
                sandbox.faults.add(**body)
            except (TypeError, ValueError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"faults": [f.as_dict() for f in sandbox.faults.rules]})

    async def clock(request: Request) -> JSONResponse:
        if request.method == "POST":
            body = await _json(request)
            try:
                sandbox.clock.advance(float(body.get("seconds", 0)))
            except (TypeError, ValueError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"now": sandbox.clock.now(), "iso": sandbox.clock.iso(), "offset": sandbox.clock.offset})

    async def info(request: Request) -> JSONResponse:
        return JSONResponse(sandbox.describe())

    async def service_control(request: Request) -> JSONResponse:
        name = request.path_params["service"]
        action = request.path_params["action"]
        svc = sandbox.services.get(name)
        fn = svc.controls.get((request.method, action)) if svc else None
        if svc is None or fn is None:
            return JSONResponse({"error": f"no control {request.method} {name}/{action}"}, status_code=404)
        body = await _json(request)
        try:
            with sandbox.lock:
                result = fn(sandbox.state(svc.state_key), body)
        except (KeyError, ValueError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(result)

    routes += [
        Route("/_sandbox", info, methods=["GET"]),
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/seed", seed, methods=["POST"]),
        Route("/_sandbox/requests", requests_log, methods=["GET", "DELETE"]),
        Route("/_sandbox/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/clock", clock, methods=["GET", "POST"]),
        Route("/_sandbox/{service}/{action}", service_control, methods=["GET", "POST", "DELETE"]),
    ]
    return Starlette(routes=routes)


def _spec_endpoint(svc: ServiceApp) -> Any:
    from starlette.responses import JSONResponse

    async def endpoint(request: Any) -> JSONResponse:
        return JSONResponse(svc.spec)

    return endpoint


async def _json(request: Any) -> Any:
    raw = await request.body()
    if not raw:
        return {}
    import json

    try:
        return json.loads(raw)
    except ValueError:
        return {}

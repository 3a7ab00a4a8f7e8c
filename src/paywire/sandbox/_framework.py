"""The sandbox's spec-driven service framework.

A service module (``paywire/sandbox/<svc>.py``) declares a :class:`ServiceApp` for one pinned
spec and registers one handler per ``operationId``. The framework, not the service module,
owns routing (built from the spec's paths, so the sandbox can never serve a path the spec
lacks), request validation and response self-checking (a compiled fast path for what is
certainly valid, openapi-core for everything else and for every error message: see
``_fast_check``), fault injection (control-plane rules, scripts, and the per-request
``X-Paywire-Fault`` header), the request log and error rendering. Handlers see a :class:`Ctx` and return a dict (200 JSON) or a
:class:`Reply`, or raise :class:`ApiError`.

Testing API (the ``paywire_sandbox`` pytest fixture from ``paywire.sandbox.pytest_plugin``)::

    def test_x(paywire_sandbox):
        url = paywire_sandbox.base_url("vellum-v1")      # http://127.0.0.1:PORT/vellum
        st = paywire_sandbox.state("vellum")             # the live state object
        paywire_sandbox.faults.add("conxa:authorize_charge", reset="after", times=1)
        paywire_sandbox.clock.advance(901)
        paywire_sandbox.requests                         # request log (list of dicts)

Each test runs in its own namespace (``namespace.py``: state, clock, faults, timed actions and
request log per namespace, chosen by the ``X-Paywire-Namespace`` header or a ``/_ns/<name>``
URL prefix), so it starts seeded and empty and sees no other test; ``paywire_sandbox.client(
"vellum", api_version="v1")`` hands out ready clients (``clients.py``); ``snapshot()`` /
``restore()`` save and load a namespace (``snapshot.py``). A response that breaks its spec fails
the test that caused it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import functools
import hashlib
import inspect
import json
import math
import os
import re
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paywire.sandbox._fast_check import FastChecker
from paywire.sandbox._routing import PathTable

if TYPE_CHECKING:
    from paywire.sandbox.app import Sandbox
    from paywire.sandbox.namespace import Namespace

Handler = Callable[["Ctx"], "Reply | dict[str, Any] | list[Any] | Awaitable[Reply | dict[str, Any] | list[Any]]"]
ErrorBody = Callable[[int, str, str], Any]

#: Every ServiceApp registers itself here when its module is imported.
SERVICES: list[ServiceApp] = []


def spec_root() -> Path:
    """Where the OpenAPI specs live: the repo's ``openapi/`` (or the wheel's copy)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "openapi", here.parents[1] / "_specs"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("cannot find the openapi/ specs for the sandbox")


def spec_cache_dir() -> Path:
    override = os.environ.get("PAYWIRE_SANDBOX_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("paywire")) / "sandbox-specs"


def load_spec(path: Path) -> dict[str, Any]:
    """A spec as a dict: from a JSON copy keyed by the YAML's sha256 when there is one.

    Building Python objects from YAML costs ~50 ms per spec even with libyaml's C scanner
    (most of the sandbox's start-up); json.loads of the same document costs ~3 ms. The copy is
    keyed by content, so an edited spec can never be served stale; any cache problem just
    means parsing the YAML.
    """
    raw = path.read_bytes()
    cache = spec_cache_dir() / f"{path.parent.name}-{path.stem}-{hashlib.sha256(raw).hexdigest()[:24]}.json"
    try:
        cached = json.loads(cache.read_bytes())
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError):
        pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C scanner when present
    spec: dict[str, Any] = yaml.load(raw, Loader=loader)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(spec))
        os.replace(tmp, cache)  # atomic: parallel sandboxes never read half a file
    except (OSError, TypeError, ValueError):  # read-only home, or a YAML value JSON cannot hold
        pass
    return spec


class Clock:
    """The sandbox clock: wall time plus an offset that tests can advance (never sleep)."""

    def __init__(self) -> None:
        self.offset = 0.0
        #: called before the clock moves forward (a namespace makes its not yet created states
        #: then, so they are seeded at the moment they would have been seeded eagerly)
        self.before_advance: Callable[[], None] | None = None

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> float:
        # NaN would compare false everywhere and freeze every expiry check until reset.
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
            raise ValueError(f"seconds must be a finite number, not {seconds!r}")
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        if self.before_advance is not None:
            self.before_advance()
        self.offset += seconds
        return self.now()

    def reset(self) -> None:
        self.offset = 0.0

    def set_now(self, ts: float) -> None:
        """Put the clock at ``ts`` (a snapshot's moment); it runs on from there."""
        self.offset = ts - time.time()

    def iso(self, ts: float | None = None) -> str:
        value = self.now() if ts is None else ts
        return dt.datetime.fromtimestamp(value, dt.UTC).isoformat().replace("+00:00", "Z")


class ApiError(Exception):
    """Raised by handlers; rendered with the service's own error body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        self.body = body  # a full custom body, when the API's error carries extra fields


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: Mapping[str, str] | None = None
    media_type: str | None = None

    def encode(self) -> tuple[bytes, str | None]:
        if self.body is None:
            return b"", self.media_type
        if isinstance(self.body, bytes):
            return self.body, self.media_type or "application/octet-stream"
        if isinstance(self.body, str):
            return self.body.encode(), self.media_type or "text/plain; charset=utf-8"
        return json.dumps(self.body, separators=(",", ":")).encode(), self.media_type or "application/json"


@dataclass
class Ctx:
    op_id: str
    service: ServiceApp
    method: str
    path: dict[str, str]
    query: dict[str, str]
    query_list: list[tuple[str, str]]
    headers: Mapping[str, str]
    raw_body: bytes
    json: Any
    state: Any
    clock: Clock
    sandbox: Sandbox
    namespace: Namespace | None = None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class ServiceApp:
    """One pinned spec served under one prefix, with a handler per operationId.

    Routing needs only the name, prefix and spec, so a service may declare itself with
    ``load`` instead of ``state_factory``: a function that imports the service's handler and
    control modules (which register themselves here) and returns its state factory. It runs on
    the first use of :attr:`handlers`, :attr:`controls` or :attr:`state_factory` (the service's
    first request, control or state access), keeping the ~40 modules and ~56 dataclasses of
    the four services out of the sandbox's start-up."""

    def __init__(
        self,
        *,
        name: str,
        prefix: str,
        spec: str,
        state_key: str,
        error_body: ErrorBody,
        state_factory: Callable[[Clock], Any] | None = None,
        load: Callable[[], Callable[[Clock], Any]] | None = None,
        validation_status: int = 400,
        validation_code: str = "VALIDATION_ERROR",
        auth_status: int = 401,
        auth_code: str = "UNAUTHORIZED",
    ) -> None:
        if (state_factory is None) == (load is None):
            raise TypeError(f"{name}: give either state_factory or load")
        self.name = name
        self.prefix = prefix.rstrip("/")
        self.spec_file = spec
        self.state_key = state_key
        self._state_factory = state_factory
        self._load = load
        self._load_lock = threading.RLock()
        self.error_body = error_body
        self.validation_status = validation_status
        self.validation_code = validation_code
        self.auth_status = auth_status
        self.auth_code = auth_code
        self._handlers: dict[str, Handler] = {}
        self._controls: dict[tuple[str, str], Callable[[Any, Any], Any]] = {}
        self._spec: dict[str, Any] | None = None
        self._openapi: Any = None
        self._fast: FastChecker | None = None
        self._paths: PathTable | None = None
        self._lock = threading.Lock()
        SERVICES.append(self)

    # -- loading the implementation -----------------------------------------------------
    @property
    def loaded(self) -> bool:
        """Whether the handlers, controls and state factory are in (always, without ``load``)."""
        return self._state_factory is not None

    def ensure_loaded(self) -> None:
        """Run ``load`` once (a re-entrant call from inside it, or a racing thread, waits or
        returns: the handler modules it imports register on this app while it runs)."""
        if self._state_factory is not None:
            return
        with self._load_lock:
            if self._state_factory is None and self._load is not None:
                load, self._load = self._load, None  # a re-entrant call sees nothing left to do
                try:
                    self._state_factory = load()
                except BaseException:
                    self._load = load
                    raise

    @property
    def state_factory(self) -> Callable[[Clock], Any]:
        self.ensure_loaded()
        assert self._state_factory is not None
        return self._state_factory

    def new_state(self, clock: Clock) -> Any:
        """A freshly seeded state of this service (what ``state_factory`` makes), loading it first."""
        return self.state_factory(clock)

    @property
    def handlers(self) -> dict[str, Handler]:
        self.ensure_loaded()
        return self._handlers

    @property
    def controls(self) -> dict[tuple[str, str], Callable[[Any, Any], Any]]:
        self.ensure_loaded()
        return self._controls

    # -- registration -----------------------------------------------------------------
    def op(self, operation_id: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            if operation_id in self._handlers:
                raise ValueError(f"{self.name}: two handlers for {operation_id}")
            self._handlers[operation_id] = fn
            return fn

        return register

    def control(self, action: str, method: str = "POST") -> Callable[[Callable[[Any, Any], Any]], Callable[[Any, Any], Any]]:
        """Register ``METHOD /_sandbox/<name>/<action>``; fn(state, json_body) -> JSON."""

        def register(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
            self._controls[(method.upper(), action)] = fn
            return fn

        return register

    # -- the spec -----------------------------------------------------------------------
    @property
    def spec(self) -> dict[str, Any]:
        if self._spec is None:
            self._spec = load_spec(spec_root() / self.spec_file)
        return self._spec

    def operations(self) -> list[tuple[str, str, str]]:
        """(METHOD, path, operationId) for every operation in the spec."""
        out = []
        for path, item in self.spec.get("paths", {}).items():
            for method, op in item.items():
                if method in {"get", "post", "put", "patch", "delete", "head", "options"}:
                    out.append((method.upper(), path, op["operationId"]))
        return out

    @property
    def paths(self) -> PathTable:
        """Which operation a path inside this service names (built on first use, from the spec)."""
        if self._paths is None:
            self._paths = PathTable(self.operations())
        return self._paths

    def missing_handlers(self) -> list[str]:
        return sorted({op for _, _, op in self.operations()} - set(self.handlers))

    @property
    def openapi(self) -> Any:
        """openapi-core validator for this spec (built lazily: it costs ~100 ms)."""
        with self._lock:
            if self._openapi is None:
                from openapi_core import OpenAPI

                spec = dict(self.spec)
                spec["servers"] = [{"url": "http://sandbox"}]
                self._openapi = OpenAPI.from_dict(spec)
            return self._openapi

    @property
    def fast(self) -> FastChecker:
        """The compiled fast path in front of openapi-core (see ``_fast_check``)."""
        if self._fast is None:
            self._fast = FastChecker(self.spec)
        return self._fast

    def render_error(self, err: ApiError) -> Reply:
        body = err.body if err.body is not None else self.error_body(err.status, err.code, err.message)
        return Reply(err.status, body, err.headers)


# --- openapi-core adapters ----------------------------------------------------------------
class _OARequest:
    def __init__(self, method: str, path: str, query: Any, headers: Any, body: bytes) -> None:
        from openapi_core.datatypes import RequestParameters

        self.host_url = "http://sandbox"
        self.path = path
        self.method = method.lower()
        self.parameters = RequestParameters(query=query, header=headers, cookie={})
        self.body = body or None
        self.content_type = headers.get("content-type") or "application/json"

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


class _OAResponse:
    def __init__(self, status: int, headers: Mapping[str, str], body: bytes, media_type: str | None) -> None:
        from werkzeug.datastructures import Headers

        self.status_code = status
        self.data = body or None
        self.content_type = (media_type or "application/json").split(";")[0]
        self.headers = Headers(list(headers.items()))


def describe_validation_error(exc: BaseException) -> str:
    """Best-effort readable message naming the offending field."""
    parts: list[str] = []
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        schema_errors = getattr(cur, "schema_errors", None)
        if schema_errors:
            for se in list(schema_errors)[:3]:
                where = ".".join(str(p) for p in getattr(se, "absolute_path", getattr(se, "path", []))) or "value"
                parts.append(f"{where}: {getattr(se, 'message', se)}")
            break
        name = getattr(cur, "name", None)
        try:
            text = str(cur)
        except Exception:  # e.g. openapi-core formatting an undecodable body
            text = f"{type(cur).__name__} (malformed request)"
        if name and name not in text:
            text = f"{text} ({name})"
        if text and text not in parts:
            parts.append(text)
        cur = cur.__cause__ or cur.__context__
    return "; ".join(parts) or exc.__class__.__name__


# --- faults ----------------------------------------------------------------------------------
@dataclass
class Fault:
    """A fault rule for the next ``times`` requests matching ``match``.

    ``match`` is ``"<service name>:<operationId>"``, ``"<operationId>"``, ``"<service>:*"`` or
    ``"*"``. Effects apply in this order: ``latency_ms``; then ``reset="before"`` (the
    connection is dropped before the handler runs, nothing is committed); or ``status`` (a
    canned error, handler not run; 429 adds ``Retry-After`` from ``retry_after``); else the
    handler runs and ``reset="after"`` drops the connection after the state change committed.
    """

    match: str = "*"
    times: int = 1
    latency_ms: float = 0.0
    status: int | None = None
    body: Any = None
    retry_after: str | None = None
    reset: str | None = None
    fired: int = 0
    key: str | None = None  # only requests carrying this idempotency key
    script: list[dict[str, Any]] | None = None  # one step per matching request; {} = pass through

    def matches(self, service: str, op_id: str, key: str | None = None) -> bool:
        if self.fired >= self.times:
            return False
        if self.key is not None and key != self.key:
            return False
        return self.match in ("*", op_id, f"{service}:{op_id}", f"{service}:*")

    def step(self, index: int) -> Fault | None:
        """The fault for the ``index``-th matching request of a script (None: let it through)."""
        if self.script is None:
            return self
        step = self.script[index]
        if not step:
            return None
        return Fault(self.match, 1, float(step.get("latency_ms", 0.0)), step.get("status"), step.get("body"),
                     None if step.get("retry_after") is None else str(step["retry_after"]), step.get("reset"),
                     1, self.key)

    def as_dict(self) -> dict[str, Any]:
        out = {
            "match": self.match, "times": self.times, "latency_ms": self.latency_ms,
            "status": self.status, "retry_after": self.retry_after, "reset": self.reset,
            "fired": self.fired,
        }
        if self.key is not None:
            out["key"] = self.key
        if self.script is not None:
            out["script"] = self.script
        return out


@dataclass
class Faults:
    rules: list[Fault] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(
        self,
        match: str = "*",
        *,
        times: int = 1,
        latency_ms: float = 0.0,
        status: int | None = None,
        body: Any = None,
        retry_after: str | float | None = None,
        reset: str | None = None,
        key: str | None = None,
        script: list[dict[str, Any]] | None = None,
    ) -> Fault:
        """Arm a rule. ``script`` is a sequence, one step per matching request (each step the
        same fields as a rule: status, retry_after, latency_ms, reset, body; ``{}`` lets that
        request through), e.g. ``[{"status": 503}, {"status": 503}, {}]`` = "503, 503, then
        succeed"; ``key`` limits the rule to requests with that idempotency key."""
        from paywire.sandbox import control_schemas

        # The same schema as POST /_sandbox/faults: a bad rule fails here, not on the request it hits.
        control_schemas.check("POST", "faults", {
            "match": match, "times": times, "latency_ms": latency_ms, "status": status, "body": body,
            "retry_after": retry_after, "reset": reset, "key": key, "script": script,
        })
        if script is not None:
            if status is not None or latency_ms or reset is not None or retry_after is not None or times != 1:
                raise control_schemas.ControlInputError(
                    "faults: give either a script or status/latency_ms/reset/retry_after/times, not both")
            times = len(script)
        rule = Fault(match, times, latency_ms, status, body,
                     None if retry_after is None else str(retry_after), reset, 0, key,
                     None if script is None else [dict(step) for step in script])
        with self.lock:
            self.rules.append(rule)
        return rule

    def take(self, service: str, op_id: str, key: str | None = None) -> Fault | None:
        """First matching rule with requests left; counts this request against it."""
        with self.lock:
            for rule in self.rules:
                if rule.matches(service, op_id, key):
                    rule.fired += 1
                    return rule.step(rule.fired - 1)
        return None

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()


class SandboxAbort(Exception):
    """Raised after the response has started, so the server drops the connection."""


# --- the ASGI endpoint per operation -------------------------------------------------------
_URL_REWRITTEN = re.compile(r"[?#\\\t\r\n]")


class OperationEndpoint:
    """Raw ASGI app for one spec path (all its methods): it needs ``send`` to drop connections.

    It reads the ASGI scope itself rather than through a Starlette ``Request``: the request
    path is what a benchmark of the sandbox mostly measures, and the Request's lazily built
    URL, headers and body stream cost more than the operation's own work."""

    def __init__(self, service: ServiceApp, sandbox: Sandbox, path: str, ops: dict[str, str]) -> None:
        self.service = service
        self.sandbox = sandbox
        self.path = path
        self.ops = ops  # METHOD -> operationId

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """As a Starlette route's app: the router put the path parameters in the scope."""
        await self.serve(scope, receive, send, scope.get("path_params", {}))

    async def serve(self, scope: Any, receive: Any, send: Any, path_params: Mapping[str, str]) -> None:
        # The request log's latency column: time until the reply (or drop) left the handler.
        entry: dict[str, Any] = {}
        started = time.perf_counter()
        try:
            await self._serve(scope, receive, send, path_params, entry)
        finally:
            if entry:
                entry["latency_ms"] = round((time.perf_counter() - started) * 1000, 3)

    async def _serve(self, scope: Any, receive: Any, send: Any, path_params: Mapping[str, str],
                     entry: dict[str, Any]) -> None:
        from starlette._utils import get_route_path

        method = scope["method"].upper()
        op_id = self.ops.get(method)
        if op_id is None:
            await _send_reply(send, Reply(405, {"error": "method not allowed"}))
            return
        body = await _read_body(receive)
        svc = self.service
        try:  # the X-Paywire-Namespace header or /_ns/<name> prefix (see namespace.py)
            ns = self.sandbox.namespace_of(scope)
        except ValueError as exc:
            await _send_reply(send, svc.render_error(ApiError(400, "SANDBOX_BAD_NAMESPACE", str(exc))))
            return
        # The path inside the service, without a /_ns/<name> prefix (Starlette's root_path).
        rel_path = get_route_path(scope)[len(svc.prefix):] or "/"
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        entry.update({
            "t": ns.clock.now(), "service": svc.name, "op": op_id, "method": method,
            "path": _url_path(scope), "idempotency_key": headers.get("x-idempotency-key"),
        })
        ns.requests.append(entry)

        fault_header = headers.get("x-paywire-fault")
        if fault_header is not None:  # a one-shot fault for this request only (see fault_header.py)
            from paywire.sandbox import fault_header as fh

            try:
                fault: Fault | None = fh.parse(fault_header)
            except ValueError as exc:
                reply = svc.render_error(ApiError(400, "SANDBOX_BAD_FAULT", str(exc)))
                entry["status"] = reply.status
                await _send_reply(send, reply)
                return
        else:
            fault = ns.faults.take(svc.name, op_id,
                                   headers.get("x-idempotency-key") or headers.get("idempotency-key"))
        if fault is not None:
            entry["fault"] = fault.as_dict()
            if fault.latency_ms:
                await asyncio.sleep(fault.latency_ms / 1000.0)
            if fault.reset == "before":
                await _abort(send)
                return
            if fault.status is not None:
                extra = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
                body_out = fault.body if fault.body is not None else svc.error_body(
                    fault.status, "SANDBOX_FAULT", f"injected fault ({fault.status})")
                reply = Reply(fault.status, body_out, extra)
                entry["status"] = reply.status
                await _send_reply(send, reply)
                return

        request = _Request(scope, method, rel_path, path_params, headers, body)
        reply, encoded = await self._handle(ns, op_id, request)
        entry["status"] = reply.status
        if fault is not None and fault.reset == "after":
            await _abort(send)  # the state change above is committed; the client never hears
            return
        await _send_reply(send, reply, encoded)

    async def _handle(self, ns: Namespace, op_id: str, request: _Request) -> tuple[Reply, tuple[bytes, str | None]]:
        """The reply and its encoding (encoded once: the self-check and the wire share it)."""
        svc = self.service
        sb = self.sandbox
        if sb.validate_requests:
            error = self._validate_request(request)
            if error is not None:
                reply = svc.render_error(error)
                return reply, reply.encode()
        parsed: Any = None
        if request.body:
            try:
                parsed = json.loads(request.body)
            except ValueError:
                parsed = None
        query = request.query
        ctx = Ctx(
            op_id=op_id, service=svc, method=request.method,
            path={k: str(v) for k, v in request.path_params.items()},
            query=dict(query), query_list=list(query.multi_items()),
            headers=request.headers, raw_body=request.body, json=parsed,
            state=ns.state(svc.state_key), clock=ns.clock, sandbox=sb, namespace=ns,
        )
        handler = svc.handlers.get(op_id)
        try:
            if handler is None:
                raise ApiError(501, "NOT_IMPLEMENTED", f"sandbox has no handler for {op_id}")
            if _is_async(handler):
                result = await handler(ctx)  # type: ignore[misc]
            else:
                with ns.lock:
                    result = handler(ctx)
        except ApiError as err:
            reply = svc.render_error(err)
        else:
            reply = result if isinstance(result, Reply) else Reply(200, result)
        encoded = reply.encode()
        if sb.validate_responses:
            problem = self._validate_response(request, reply, encoded)
            if problem is not None:
                ns.response_violations.append(f"{svc.name} {op_id} -> {reply.status}: {problem}")
                reply = Reply(500, svc.error_body(500, "SANDBOX_SPEC_VIOLATION", problem))
                return reply, reply.encode()
        return reply, encoded

    def _validate_request(self, request: _Request) -> ApiError | None:
        svc = self.service
        if svc.fast.request_ok(request.method, self.path, request.path_params, request.query, request.headers,
                               request.body):
            return None
        from openapi_core.validation.request.exceptions import SecurityValidationError

        oa_req = _OARequest(request.method, request.rel_path, request.query, request.multi_headers(), request.body)
        try:
            result = svc.openapi.unmarshal_request(oa_req)
        except Exception as exc:  # undecodable bytes and the like: still the client's fault
            return ApiError(svc.validation_status, svc.validation_code, describe_validation_error(exc))
        if not result.errors:
            return None
        err = result.errors[0]
        if isinstance(err, SecurityValidationError):
            return ApiError(svc.auth_status, svc.auth_code, "missing or malformed credentials")
        return ApiError(svc.validation_status, svc.validation_code, describe_validation_error(err))

    def _validate_response(self, request: _Request, reply: Reply, encoded: tuple[bytes, str | None]) -> str | None:
        svc = self.service
        data, media_type = encoded
        if svc.fast.response_ok(request.method, self.path, reply.status, reply.headers or {}, reply.body, data,
                                media_type):
            return None
        oa_req = _OARequest(request.method, request.rel_path, request.query, request.multi_headers(), b"")
        oa_resp = _OAResponse(reply.status, dict(reply.headers or {}), data, media_type)
        try:
            errors = list(svc.openapi.iter_response_errors(oa_req, oa_resp))
        except Exception as exc:  # the validator itself failing is also a finding
            return describe_validation_error(exc)
        if not errors:
            return None
        return describe_validation_error(errors[0])


class _Request:
    """What the endpoint read from one request's scope (Starlette's structures only on demand)."""

    __slots__ = ("_query", "body", "headers", "method", "path_params", "rel_path", "scope")

    def __init__(self, scope: Any, method: str, rel_path: str, path_params: Mapping[str, str],
                 headers: dict[str, str], body: bytes) -> None:
        self.scope = scope
        self.method = method
        self.rel_path = rel_path
        self.path_params = path_params
        self.headers = headers  # lower-cased names, the last of repeated headers
        self.body = body
        self._query: Any = None

    @property
    def query(self) -> Any:
        """The query string as Starlette's QueryParams (a multi-dict)."""
        if self._query is None:
            from starlette.datastructures import QueryParams

            raw = self.scope["query_string"]
            self._query = QueryParams(raw) if raw else _no_query()
        return self._query

    def multi_headers(self) -> Any:
        """All headers, repeated ones too, as Starlette's Headers (for openapi-core)."""
        from starlette.datastructures import Headers

        return Headers(scope=self.scope)


@functools.cache
def _no_query() -> Any:
    """One shared empty QueryParams (it is immutable) for the many requests without a query."""
    from starlette.datastructures import QueryParams

    return QueryParams("")


async def _read_body(receive: Any) -> bytes:
    """The whole request body (what Starlette's ``Request.body()`` returns)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)
        elif message["type"] == "http.disconnect":
            from starlette.requests import ClientDisconnect

            raise ClientDisconnect()


def _url_path(scope: Any) -> str:
    """``Request.url.path`` (the request log's path): the ASGI path, /_ns/<name> prefix included."""
    path: str = scope["path"]
    if _URL_REWRITTEN.search(path) is None and scope.get("server") is not None:  # what every server sets
        return path
    from starlette.datastructures import URL

    return URL(scope=scope).path  # escapes ?, # and \ and drops tabs and newlines, as urlsplit does


_ASYNC: dict[Any, bool] = {}


def _is_async(handler: Handler) -> bool:
    known = _ASYNC.get(handler)
    if known is None:
        known = _ASYNC[handler] = inspect.iscoroutinefunction(handler)
    return known


async def _send_reply(send: Any, reply: Reply, encoded: tuple[bytes, str | None] | None = None) -> None:
    data, media_type = reply.encode() if encoded is None else encoded
    headers = [(k.lower().encode(), str(v).encode()) for k, v in (reply.headers or {}).items()]
    if media_type and not any(k == b"content-type" for k, _ in headers):
        headers.append((b"content-type", media_type.encode()))
    headers.append((b"content-length", str(len(data)).encode()))
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


async def _abort(send: Any) -> None:
    """Drop the connection: start a response, then fail, so the server closes the socket."""
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")]})
    raise SandboxAbort("sandbox fault: connection dropped")


def http_date(ts: float) -> str:
    return email.utils.formatdate(ts, usegmt=True)
